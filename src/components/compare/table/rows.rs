//! Treatments as rows, sortable by any attribute column; rows are keyed by their place, so a
//! sort rewrites the drawn rows in place.

use leptos::prelude::*;

use super::cell::cell;
use super::scroll::ScrollBox;
use super::{group_button, per_column, Layout};
use crate::components::compare::{use_set_state, CompareData, OpenCell};
use crate::model::compare::{
    ordered_treatments, row_window, CompareState, RowWindow, Sort, SortDir, OVERSCAN_ROWS,
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
    let head = {
        let data = data.clone();
        move || {
            let layout = layout.get();
            let group_cells = layout
                .groups
                .iter()
                .map(|(group, collapsed, attrs)| {
                    let span = if *collapsed { 1 } else { attrs.len().max(1) };
                    view! { <th scope="colgroup" colspan=span class="cmp-group__header">{group_button(state, *group, *collapsed)}</th> }
                })
                .collect_view();
            let attr_cells = per_column(&layout, &data, |attr| {
                sort_header(attr, sort, state, set.clone()).into_any()
            });
            let index = |i: usize| move || windowed.get().then_some(i);
            view! {
                <tr aria-rowindex=index(1)>
                    <td class="cmp-table__corner"></td>
                    {group_cells}
                </tr>
                <tr aria-rowindex=index(2)>
                    <th scope="col" class="cmp-table__corner">"Treatment"</th>
                    {attr_cells}
                </tr>
            }
        }
    };
    // Everything below runs for the full table too, with a window of every row: one keyed
    // `<For>` for both keeps the wasm small.
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
    let row_data = data.clone();
    let row_count = move || windowed.get().then(|| order.with(Vec::len) + HEADER_ROWS);
    view! {
        <table class="cmp-table cmp-table--rows" class:cmp-table--windowed=windowed aria-rowcount=row_count>
            <caption class="visually-hidden">"Treatments compared side by side, one row per treatment; column headers sort"</caption>
            <thead>{head}</thead>
            <tbody>
                // The spacers stand in for the rows above and below the window, at their height.
                <tr class="cmp-table__spacer" aria-hidden="true">
                    <td style:height=move || format!("{}px", window.with(|w| w.before_px))></td>
                </tr>
                // Rows are keyed by their place in the order, not by treatment. Scrolling adds
                // and removes rows at the window's edges only, as before; a sort keeps every
                // drawn row and rewrites its contents in place (the same elements, new text and
                // attributes), which costs less than making and dropping a window of rows.
                <For each=move || window.with(|w| w.start..w.end) key=|place| *place let:place>
                    {
                        let id = Memo::new(move |_| order.with(|o| o.get(place).cloned()));
                        treatment_row(place, id, layout, row_data.clone(), open, windowed)
                    }
                </For>
                <tr class="cmp-table__spacer" aria-hidden="true">
                    <td style:height=move || format!("{}px", window.with(|w| w.after_px))></td>
                </tr>
            </tbody>
        </table>
    }
}

/// The row at `place` in the order: the treatment's name (and the baseline mark) as the row
/// header, then its cells. Its contents follow whichever treatment is at that place; the row
/// carries the treatment's id for its cells (`cell::clicked_cell`, `cell_selector`).
fn treatment_row(
    place: usize,
    id: Memo<Option<String>>,
    layout: Memo<Layout>,
    data: CompareData,
    open: OpenCell,
    windowed: Memo<bool>,
) -> impl IntoView {
    // The row's place in the whole table, for screen readers when not every row is drawn.
    let index = move || windowed.get().then_some(place + HEADER_ROWS + 1);
    let contents = move || {
        let id = id.get()?;
        let layout = layout.get();
        let treatment = data.treatment(&id)?;
        let baseline = (layout.baseline.as_deref() == Some(id.as_str())).then_some(" (baseline)");
        Some(view! {
            <th scope="row" class="cmp-table__treatment">
                <span class="cmp-table__name">{treatment.name.clone()}{baseline}</span>
            </th>
            {row_cells(treatment, &layout, &data, open)}
        })
    };
    view! { <tr aria-rowindex=index data-treatment=move || id.get()>{contents}</tr> }
}

fn row_cells(
    treatment: &Treatment,
    layout: &Layout,
    data: &CompareData,
    open: OpenCell,
) -> Vec<AnyView> {
    let baseline = layout.baseline.as_deref().and_then(|b| data.treatment(b));
    per_column(layout, data, |attr| {
        view! { <td>{cell(treatment, attr, baseline, open)}</td> }.into_any()
    })
}

fn sort_header(
    attr: &Attribute,
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
        <th scope="col" aria-sort=aria class="cmp-table__sortable">
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
