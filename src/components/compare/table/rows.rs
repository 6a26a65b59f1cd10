//! Treatments as rows, sortable by any attribute column. A full table's rows are keyed by
//! treatment, so a sort moves them; a windowed table's by their place, so a sort rewrites the
//! drawn rows in place.

use leptos::prelude::*;

use super::across::{self, Column};
use super::cell::cell;
use super::scroll::ScrollBox;
use super::{group_button, Layout};
use crate::components::compare::{use_set_state, CompareData, OpenCell};
use crate::model::compare::{
    column_window, ordered_treatments, row_window, CompareState, RowWindow, Sort, SortDir,
    OVERSCAN_ROWS,
};
use crate::model::{Attribute, Treatment};

/// Rows above the body: the group headings and the attribute headings. `aria-rowindex` counts
/// them, so the first treatment is row 3 and `aria-rowcount` is the treatments plus 2.
const HEADER_ROWS: usize = 2;

/// Treatments as rows (sortable by any attribute), attributes as columns. When `windowed`,
/// only the rows near the scroll box's viewport are drawn (`model::compare::window`).
pub(super) fn rows_table(
    layout: Memo<Layout>,
    state: Memo<CompareState>,
    data: CompareData,
    open: OpenCell,
    scroll: ScrollBox,
    windowed: Memo<bool>,
) -> impl IntoView {
    let set = use_set_state();
    let order = Memo::new({
        let data = data.clone();
        move |_| {
            let state = state.get();
            let all: Vec<&Treatment> = data.treatments.treatments.iter().collect();
            ordered_treatments(&state, &all, &data.attributes.attributes)
                .into_iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        }
    });
    let sort = Memo::new(move |_| state.with(|s| s.sort.clone()));
    // Everything below runs for the full table too, with a window of every row and column:
    // one keyed `<For>` and one way of drawing a row for both keep the wasm small.
    let window = Memo::new(move |_| {
        let rows = order.with(Vec::len);
        if windowed.get() {
            row_window(
                rows,
                scroll.top.get(),
                scroll.height.get(),
                scroll.row_height.get(),
                OVERSCAN_ROWS,
            )
        } else {
            RowWindow::all(rows)
        }
    });
    let columns = Memo::new(move |_| layout.with(across::columns));
    // The columns drawn: those in and next to the viewport, across.
    let drawn = Memo::new(move |_| {
        let count = columns.with(Vec::len);
        if windowed.get() {
            column_window(
                count,
                scroll.left.get(),
                scroll.width.get() - scroll.lead_width.get(),
                scroll.column_width.get(),
            )
        } else {
            RowWindow::all(count)
        }
    });
    scroll.keep_focus(drawn);
    let head = {
        let data = data.clone();
        move || {
            let cut = windowed.get();
            let w = drawn.get();
            columns.with(|columns| {
                let group_cells = across::framed(w, cut, across::group_spans(columns, w.start..w.end)
                    .into_iter()
                    .map(|(group, collapsed, span)| {
                        view! { <th scope="colgroup" colspan=span class="cmp-group__header">{group_button(state, group, collapsed)}</th> }.into_any()
                    })
                    .collect());
                let attr_cells = across::across(columns, w, cut, &data, |attr, colindex| {
                    sort_header(attr, colindex, sort, state, set.clone()).into_any()
                });
                let index = |i: usize| cut.then_some(i);
                view! {
                    <tr aria-rowindex=index(1)>
                        <td class="cmp-table__corner"></td>
                        {group_cells}
                    </tr>
                    <tr aria-rowindex=index(2)>
                        <th scope="col" class="cmp-table__corner" aria-colindex=cut.then_some(1)>"Treatment"</th>
                        {attr_cells}
                    </tr>
                }
            })
        }
    };
    let row_data = data.clone();
    let row_count = move || windowed.get().then(|| order.with(Vec::len) + HEADER_ROWS);
    // The treatment column and every attribute column, drawn or not.
    let column_count = move || windowed.get().then(|| columns.with(Vec::len) + 1);
    view! {
        <table
            class="cmp-table cmp-table--rows"
            class:cmp-table--windowed=windowed
            aria-rowcount=row_count
            aria-colcount=column_count
        >
            <caption class="visually-hidden">"Treatments compared side by side, one row per treatment; column headers sort"</caption>
            <thead>{head}</thead>
            <tbody>
                // The spacers stand in for the rows above and below the window, at their height.
                <tr class="cmp-table__spacer" aria-hidden="true">
                    <td style:height=move || format!("{}px", window.with(|w| w.before_px))></td>
                </tr>
                // A windowed table keys its rows by their place in the order: scrolling adds
                // and removes rows at the window's edges only, and a sort keeps every drawn row
                // and rewrites its contents in place (the same elements, new text), which costs
                // less than making and dropping a window of rows. A full table keys them by
                // treatment, so a sort only moves its few rows.
                <For
                    each=move || {
                        let by_place = windowed.get();
                        let w = window.get();
                        order.with(|o| {
                            o.get(w.start..w.end)
                                .unwrap_or_default()
                                .iter()
                                .zip(w.start..)
                                .map(|(id, place)| if by_place { RowKey::Place(place) } else { RowKey::Treatment(id.clone()) })
                                .collect::<Vec<_>>()
                        })
                    }
                    key=RowKey::clone
                    let:key
                >
                    {
                        let place = match &key {
                            RowKey::Place(place) => Some(*place),
                            RowKey::Treatment(_) => None,
                        };
                        let id = Memo::new(move |_| match &key {
                            RowKey::Place(place) => order.with(|o| o.get(*place).cloned()),
                            RowKey::Treatment(id) => Some(id.clone()),
                        });
                        let row = Row { place, id, layout, columns, drawn, windowed };
                        treatment_row(row, row_data.clone(), open)
                    }
                </For>
                <tr class="cmp-table__spacer" aria-hidden="true">
                    <td style:height=move || format!("{}px", window.with(|w| w.after_px))></td>
                </tr>
            </tbody>
        </table>
    }
}

/// What a row of the `<For>` is keyed by (see there).
#[derive(Clone, PartialEq, Eq, Hash)]
enum RowKey {
    Place(usize),
    Treatment(String),
}

/// What a row draws from: its place in the order when windowed, the treatment it shows, and
/// the columns.
struct Row {
    place: Option<usize>,
    id: Memo<Option<String>>,
    layout: Memo<Layout>,
    columns: Memo<Vec<Column>>,
    drawn: Memo<RowWindow>,
    windowed: Memo<bool>,
}

/// The row at `place` in the order: the treatment's name (and the baseline mark) as the row
/// header, then its cells. Its contents follow whichever treatment is at that place and which
/// columns are drawn; the row carries the treatment's id for its cells
/// (`cell::clicked_cell`, `cell_selector`).
fn treatment_row(row: Row, data: CompareData, open: OpenCell) -> impl IntoView {
    let Row {
        place,
        id,
        layout,
        columns,
        drawn,
        windowed,
    } = row;
    // The row's place in the whole table, for screen readers when not every row is drawn.
    let index = place.map(|place| place + HEADER_ROWS + 1);
    // The layout is read in place, not cloned: it holds every chosen id, and a clone per row
    // per sort was thousands of strings made and dropped.
    let contents = move || {
        let id = id.get()?;
        let treatment = data.treatment(&id)?;
        let cut = windowed.get();
        let w = drawn.get();
        let (is_base, base) = layout.with(|l| {
            let b = l.baseline.as_deref();
            (b == Some(id.as_str()), b.and_then(|b| data.treatment(b)))
        });
        let mark = is_base.then_some(" (baseline)");
        let cells = columns.with(|columns| {
            across::across(columns, w, cut, &data, |attr, colindex| {
                view! { <td aria-colindex=colindex>{cell(treatment, attr, base, open)}</td> }
                    .into_any()
            })
        });
        Some(view! {
            <th scope="row" class="cmp-table__treatment" aria-colindex=cut.then_some(1)>
                <span class="cmp-table__name">{treatment.name.clone()}{mark}</span>
            </th>
            {cells}
        })
    };
    view! { <tr aria-rowindex=index data-treatment=move || id.get()>{contents}</tr> }
}

fn sort_header(
    attr: &Attribute,
    colindex: Option<usize>,
    sort: Memo<Option<Sort>>,
    state: Memo<CompareState>,
    set: impl Fn(CompareState) + Clone + 'static,
) -> impl IntoView {
    let id = attr.id.clone();
    let aria = {
        let id = id.clone();
        move || match sort.get() {
            Some(s) if s.attribute == id => s.dir.aria_sort(),
            _ => "none",
        }
    };
    let arrow = {
        let id = id.clone();
        move || match sort.get() {
            Some(s) if s.attribute == id && s.dir == SortDir::Asc => "▲",
            Some(s) if s.attribute == id => "▼",
            _ => "↕",
        }
    };
    view! {
        <th scope="col" aria-sort=aria class="cmp-table__sortable" aria-colindex=colindex>
            <button
                type="button"
                class="cmp-sort"
                on:click=move |_| {
                    let mut next = state.get_untracked();
                    next.sort_by(&id);
                    set(next);
                }
            >
                {attr.label.clone()}
                <span class="cmp-sort__arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
