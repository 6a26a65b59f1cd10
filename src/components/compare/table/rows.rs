//! Treatments as rows, sortable by any attribute column: the heading rows, and the body's rows
//! between two spacer rows. The body is a set of row slots (`slots.rs`), every row of a full
//! table and those near the viewport of a windowed one; a sort rewrites what they show.

use leptos::prelude::*;

use super::across;
use super::scroll::ScrollBox;
use super::slots::{self, Slots};
use super::{group_button, Layout};
use crate::components::compare::{use_set_state, CompareData, OpenCell};
use crate::model::compare::{
    column_window, ordered_treatments, row_window, CompareState, RowWindow, Sort, SortDir,
    OVERSCAN_ROWS,
};
use crate::model::{Attribute, Treatment};

/// Rows above the body: the group headings and the attribute headings. `aria-rowindex` counts
/// them, so the first treatment is row 3 and `aria-rowcount` is the treatments plus 2.
pub(super) const HEADER_ROWS: usize = 2;

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
    // one way of drawing a row for both keeps the wasm small.
    let window = Memo::new(move |_| {
        let rows = order.with(Vec::len);
        if windowed.get() {
            // The body's rows are seen below the sticky header only.
            row_window(
                rows,
                scroll.top.get(),
                scroll.height.get() - scroll.head_height.get(),
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
    scroll.keep_focus(move || {
        window.track();
        drawn.track();
        order.track();
    });
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
    let body = Slots {
        order,
        window,
        columns,
        drawn,
        layout,
        data: data.clone(),
        open,
    };
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
                // The drawn rows: every row of a full table (`slots.rs`).
                {slots::body(body)}
                <tr class="cmp-table__spacer" aria-hidden="true">
                    <td style:height=move || format!("{}px", window.with(|w| w.after_px))></td>
                </tr>
            </tbody>
        </table>
    }
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
