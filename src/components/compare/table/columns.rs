//! Treatments as columns, attributes as rows, grouped.

use leptos::prelude::*;

use super::cell::{cell, sync_expanded};
use super::{group_button, Layout};
use crate::components::compare::{CompareData, OpenCell};
use crate::model::compare::CompareState;
use crate::model::Treatment;

/// Treatments as columns, attributes as rows (grouped, groups collapsible).
pub(super) fn columns_table(
    layout: Memo<Layout>,
    state: Memo<CompareState>,
    data: CompareData,
    open: OpenCell,
) -> impl IntoView {
    // The rows view's cells keep their own (`slots.rs`).
    sync_expanded(open);
    move || {
        let layout = layout.get();
        let treatments: Vec<&Treatment> = data.resolve(&layout.chosen);
        let baseline = layout.baseline.as_deref().and_then(|id| data.treatment(id));
        let span = treatments.len() + 1;
        let head = treatments
            .iter()
            .map(|t| {
                let mark =
                    (layout.baseline.as_deref() == Some(t.id.as_str())).then_some(" (baseline)");
                view! { <th scope="col" class="cmp-table__treatment">{t.name.clone()}{mark}</th> }
            })
            .collect_view();
        let bodies = layout
            .groups
            .iter()
            .map(|(group, collapsed, attrs)| {
                let rows = (!collapsed).then(|| {
                    attrs
                        .iter()
                        .filter_map(|id| data.attribute(id))
                        .map(|attr| {
                            let cells = treatments
                                .iter()
                                .map(|t| view! { <td data-treatment=t.id.clone()>{cell(t, attr, baseline, open)}</td> })
                                .collect_view();
                            view! {
                                <tr>
                                    <th scope="row" class="cmp-table__attribute">
                                        {attr.label.clone()}
                                        <span class="cmp-table__description">{attr.description.clone()}</span>
                                    </th>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view()
                });
                view! {
                    <tbody class="cmp-group">
                        <tr class="cmp-group__header">
                            <th scope="colgroup" colspan=span>{group_button(state, *group, *collapsed)}</th>
                        </tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        view! {
            <table class="cmp-table cmp-table--columns">
                <caption class="visually-hidden">"Treatments compared side by side, one column per treatment"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="cmp-table__corner">"Attribute"</th>
                        {head}
                    </tr>
                </thead>
                {bodies}
            </table>
        }
    }
}
