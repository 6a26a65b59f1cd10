//! Choosing treatments: chips to remove, a search-as-you-type list to add.

use leptos::prelude::*;

use super::{use_set_state, CompareData};
use crate::model::catalog::by_class;
use crate::model::compare::{search_treatments, CompareState, MAX_TREATMENTS, MIN_TREATMENTS};

#[component]
pub fn TreatmentPicker(state: Memo<CompareState>, data: CompareData) -> impl IntoView {
    let all = Memo::new(move |_| state.with(|s| s.all));
    view! {
        <section class="cmp-picker" aria-labelledby="cmp-picker-title">
            <h2 id="cmp-picker-title" class="cmp-section-title">"Treatments compared"</h2>
            <ChosenTreatments state data=data.clone()/>
            <AddTreatment state data hidden=all/>
        </section>
    }
}

/// The chosen treatments as removable chips, or the note that all of them are shown.
#[component]
fn ChosenTreatments(state: Memo<CompareState>, data: CompareData) -> impl IntoView {
    let set = use_set_state();
    let chosen = Memo::new(move |_| state.with(|s| s.treatments.clone()));
    let all = Memo::new(move |_| state.with(|s| s.all));
    // A memo, so a sort or a baseline does not rebuild the chips.
    let can_remove = Memo::new(move |_| state.with(CompareState::can_remove));
    let total = data.treatments.treatments.len();
    let (set_all, set_some) = (set.clone(), set.clone());
    let show_all = move |_| {
        let mut next = state.get_untracked();
        next.show_all();
        set_all(next);
    };
    let show_some = {
        let data = data.clone();
        move |_| {
            let mut next = state.get_untracked();
            next.show_default(|id| data.treatment(id).is_some());
            set_some(next);
        }
    };

    let chips = {
        let data = data.clone();
        let set = set.clone();
        move || {
            let ids = chosen.get();
            let can_remove = can_remove.get();
            ids.into_iter()
                .map(|id| {
                    let name = data
                        .treatment(&id)
                        .map(|t| t.name.clone())
                        .unwrap_or_else(|| id.clone());
                    let set = set.clone();
                    view! {
                        <li class="cmp-chip">
                            <span>{name.clone()}</span>
                            <button
                                type="button"
                                class="cmp-chip__remove"
                                aria-label=format!("Remove {name}")
                                disabled=!can_remove
                                on:click=move |_| {
                                    let mut next = state.get_untracked();
                                    if next.remove(&id) {
                                        set(next);
                                    }
                                }
                            >
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <Show
            when=move || all.get()
            fallback=move || view! {
                <ul class="cmp-chips" aria-label="Chosen treatments">{chips.clone()}</ul>
                <button type="button" class="button button--quiet" on:click=show_all.clone()>
                    {format!("Compare all {total} treatments")}
                </button>
            }
        >
            <p>
                {format!("All {total} treatments in the catalogue. ")}
                <button type="button" class="button button--quiet" on:click=show_some.clone()>"Choose a selection instead"</button>
            </p>
        </Show>
    }
}

/// Search as you type, by class, to add a treatment (up to the maximum).
#[component]
fn AddTreatment(state: Memo<CompareState>, data: CompareData, hidden: Memo<bool>) -> impl IntoView {
    let set = use_set_state();
    let query = RwSignal::new(String::new());
    let chosen = Memo::new(move |_| state.with(|s| s.treatments.clone()));
    // A memo, so a sort or a baseline (which change the state but not this) leaves the list
    // of results alone.
    let full = Memo::new(move |_| !state.with(CompareState::can_add));
    let results = move || {
        let chosen = chosen.get();
        let full = full.get();
        let found: Vec<_> = search_treatments(&query.get(), &data.treatments.treatments)
            .into_iter()
            .filter(|t| !chosen.contains(&t.id))
            .collect();
        if found.is_empty() {
            return view! { <p class="cmp-picker__empty">"No other treatment matches."</p> }
                .into_any();
        }
        by_class(found)
            .into_iter()
            .map(|(class, treatments)| {
                let items = treatments
                    .into_iter()
                    .map(|t| {
                        let (id, name) = (t.id.clone(), t.name.clone());
                        let set = set.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="cmp-picker__option"
                                    disabled=full
                                    on:click=move |_| {
                                        let mut next = state.get_untracked();
                                        if next.add(&id) {
                                            set(next);
                                        }
                                    }
                                >
                                    {format!("Add {name}")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="cmp-picker__class">
                        <span class="cmp-picker__class-name">{class}</span>
                        <ul>{items}</ul>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };

    view! {
        <details class="cmp-picker__add" hidden=move || hidden.get()>
            <summary>"Add a treatment"</summary>
            <label for="cmp-picker-search">"Search treatments"</label>
            <input
                id="cmp-picker-search"
                type="search"
                autocomplete="off"
                placeholder="Name, class or other name"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <p class="cmp-picker__hint">
                {move || if chosen.with(Vec::len) >= MAX_TREATMENTS {
                    format!("You are comparing the maximum of {MAX_TREATMENTS}. Remove one to add another.")
                } else {
                    format!("Compare {MIN_TREATMENTS} to {MAX_TREATMENTS} treatments.")
                }}
            </p>
            <ul class="cmp-picker__results" aria-label="Treatments you can add">{results}</ul>
        </details>
    }
}
