//! Treatments as rows, sortable by any attribute column; rows are keyed, so a sort moves them.

use leptos::prelude::*;

use super::cell::cell;
use super::{group_button, per_column, Layout};
use crate::components::compare::{use_set_state, CompareData, OpenCell};
use crate::model::compare::{ordered_treatments, CompareState, Sort, SortDir};
use crate::model::{Attribute, Treatment};

/// Treatments as rows (sortable by any attribute), attributes as columns.
pub(super) fn rows_table(
    layout: Memo<Layout>,
    state: Memo<CompareState>,
    data: CompareData,
    open: OpenCell,
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
            view! {
                <tr>
                    <td class="cmp-table__corner"></td>
                    {group_cells}
                </tr>
                <tr>
                    <th scope="col" class="cmp-table__corner">"Treatment"</th>
                    {attr_cells}
                </tr>
            }
        }
    };
    // Keyed rows: sorting moves the existing rows instead of rebuilding them.
    let row_data = data.clone();
    view! {
        <table class="cmp-table cmp-table--rows">
            <caption class="visually-hidden">"Treatments compared side by side, one row per treatment; column headers sort"</caption>
            <thead>{head}</thead>
            <tbody>
                <For each=move || order.get() key=|id| id.clone() let:id>
                    {
                        let data = row_data.clone();
                        let name = data.treatment(&id).map(|t| t.name.clone()).unwrap_or_default();
                        let is_base = {
                            let id = id.clone();
                            move || layout.with(|l| l.baseline.as_deref() == Some(id.as_str()))
                        };
                        view! {
                            <tr>
                                <th scope="row" class="cmp-table__treatment">
                                    {name}
                                    {move || is_base().then_some(" (baseline)")}
                                </th>
                                {move || row_cells(&id, &layout.get(), &data, open)}
                            </tr>
                        }
                    }
                </For>
            </tbody>
        </table>
    }
}

fn row_cells(id: &str, layout: &Layout, data: &CompareData, open: OpenCell) -> Vec<AnyView> {
    let Some(treatment) = data.treatment(id) else {
        return Vec::new();
    };
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
