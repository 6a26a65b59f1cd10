//! The comparison table, in both orientations: `columns` (treatments as columns, each value a
//! `cell`) and `rows` (treatments as rows, sortable: its body is `slots`, row slots whose cells
//! `slot_cell` keeps, windowed across by `across` and down by `scroll`), over the layout
//! computed here.

mod across;
mod cell;
mod columns;
mod rows;
mod scroll;
mod slot_cell;
mod slots;

use leptos::prelude::*;

pub use cell::{editorial_mark, scale, value_class};

use super::{use_set_state, CompareData, FullTable, OpenCell};
use crate::model::compare::{is_windowed, CompareState, ShownRows, View};
use crate::model::Group;
use scroll::ScrollBox;

/// Groups and their visible attribute ids, as the table lays them out.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    pub groups: Vec<(Group, bool, Vec<String>)>,
    pub chosen: Vec<String>,
    pub baseline: Option<String>,
}

fn layout(state: &CompareState, shown: &ShownRows) -> Layout {
    let groups = shown
        .groups
        .iter()
        .map(|(group, ids)| (*group, state.collapsed_groups.contains(group), ids.clone()))
        .collect();
    Layout {
        groups,
        chosen: state.treatments.clone(),
        baseline: state.baseline.clone(),
    }
}

#[component]
pub fn CompareTable(
    state: Memo<CompareState>,
    /// The visible rows, computed once per change by the page.
    shown: Memo<ShownRows>,
    data: CompareData,
    open: OpenCell,
) -> impl IntoView {
    let layout = Memo::new(move |_| state.with(|state| shown.with(|shown| layout(state, shown))));
    let view_kind = Memo::new(move |_| state.with(|s| s.view));
    // Long rows views draw only the rows near the viewport; printing draws them all.
    let full = use_context::<FullTable>().map(|f| f.0);
    let windowed = Memo::new(move |_| {
        let long = state.with(|s| s.view == View::Rows && is_windowed(s.treatments.len()));
        long && !full.is_some_and(|f| f.get())
    });
    let scroll = ScrollBox::new();
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(key) = cell::event_cell(&ev) {
            open.update(|o| {
                *o = if o.as_ref() == Some(&key) {
                    None
                } else {
                    Some(key)
                }
            });
        }
    };
    let table = move || match view_kind.get() {
        View::Columns => columns::columns_table(layout, state, data.clone(), open).into_any(),
        View::Rows => {
            rows::rows_table(layout, state, data.clone(), open, scroll, windowed).into_any()
        }
    };
    scroll.view(windowed, table, on_click)
}

fn toggle_group(state: Memo<CompareState>, set: impl Fn(CompareState), group: Group) {
    let mut next = state.get_untracked();
    next.toggle_collapsed(group);
    set(next);
}

pub(super) fn group_button(
    state: Memo<CompareState>,
    group: Group,
    collapsed: bool,
) -> impl IntoView {
    let set = use_set_state();
    view! {
        <button
            type="button"
            class="cmp-group__toggle"
            aria-expanded=(!collapsed).to_string()
            on:click=move |_| toggle_group(state, &set, group)
        >
            <span class="cmp-group__icon" aria-hidden="true">{if collapsed { "▸" } else { "▾" }}</span>
            {group.label()}
        </button>
    }
}
