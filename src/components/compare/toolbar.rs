//! The table's options: orientation, only differences, baseline, visible groups, and the actions.

use leptos::prelude::*;

use super::actions::CompareActions;
use super::{use_set_state, CompareData};
use crate::model::compare::{CompareState, View};
use crate::model::Group;

#[component]
pub fn Toolbar(state: Memo<CompareState>, data: CompareData) -> impl IntoView {
    let set = use_set_state();
    let update = move |change: &dyn Fn(&mut CompareState)| {
        let mut next = state.get_untracked();
        change(&mut next);
        set(next);
    };
    let (u1, u2, u3) = (update.clone(), update.clone(), update.clone());
    let rows = move || state.with(|s| s.view == View::Rows);
    let group_boxes = Group::ALL
        .into_iter()
        .map(|group| {
            let update = update.clone();
            view! {
                <label class="cmp-toolbar__group">
                    <input
                        type="checkbox"
                        prop:checked=move || state.with(|s| !s.hidden_groups.contains(&group))
                        on:change=move |_| update(&|s: &mut CompareState| s.toggle_hidden(group))
                    />
                    {group.label()}
                </label>
            }
        })
        .collect_view();
    let actions_data = data.clone();
    // The options change only with the chosen treatments, and each option's `selected` only
    // with the baseline: a sort or any other change leaves the list alone, which matters once
    // it holds hundreds of treatments.
    let chosen = Memo::new(move |_| {
        state.with(|s| {
            data.resolve(&s.treatments)
                .into_iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let baseline = Memo::new(move |_| state.with(|s| s.baseline.clone()));
    view! {
        <div class="cmp-toolbar" role="group" aria-label="Table options">
            <button
                type="button"
                class="button button--quiet"
                aria-pressed=move || rows().to_string()
                on:click=move |_| u1(&CompareState::toggle_view)
            >
                {move || if rows() { "Show treatments as columns" } else { "Show treatments as rows (sortable)" }}
            </button>
            <label class="cmp-toolbar__check">
                <input
                    type="checkbox"
                    prop:checked=move || state.with(|s| s.only_differences)
                    on:change=move |_| u2(&CompareState::toggle_only_differences)
                />
                "Only differences"
            </label>
            <label class="cmp-toolbar__baseline">
                "Baseline "
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    u3(&|s: &mut CompareState| s.set_baseline(Some(value.as_str()).filter(|v| !v.is_empty())))
                }>
                    <option value="" selected=move || baseline.with(Option::is_none)>"None"</option>
                    {move || chosen.get().into_iter().map(|(id, name)| {
                        let selected = {
                            let id = id.clone();
                            move || baseline.with(|b| b.as_deref() == Some(id.as_str()))
                        };
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <details class="cmp-toolbar__groups">
                <summary>"Show groups"</summary>
                <div class="cmp-toolbar__group-list">{group_boxes}</div>
            </details>
            <CompareActions state data=actions_data/>
        </div>
    }
}
