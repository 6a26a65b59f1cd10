//! `/compare`: the interactive comparison. The whole view lives in the query string.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::compare::actions::CompareActions;
use crate::components::compare::details::{cited_in, CellDetails};
use crate::components::compare::diagram::PathwayDiagram;
use crate::components::compare::picker::TreatmentPicker;
use crate::components::compare::table::CompareTable;
use crate::components::compare::{use_set_state, CompareData, OpenCell};
use crate::components::page_meta::PageMeta;
use crate::components::references::ReferenceList;
use crate::components::status::{ErrorNotice, Loading};
use crate::model::compare::{parse, visible_rows, CompareState, View};
use crate::model::{Group, Treatment};
use crate::store::ContentStore;

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = ContentStore::get();
    let (treatments, attributes, references) =
        (store.treatments(), store.attributes(), store.references());
    view! {
        <section class="compare">
            <PageMeta title="Compare treatments"/>
            <h1 tabindex="-1">"Compare treatments"</h1>
            <p class="home__lede">
                "See how chronic-pain treatments differ, above all in how they work. Choose a cell to read "
                "why it says what it says, and the sources behind it."
            </p>
            <Transition fallback=|| view! { <Loading what="the comparison"/> }>
                {move || Suspend::new(async move {
                    match (treatments.await, attributes.await, references.await) {
                        (Ok(treatments), Ok(attributes), Ok(references)) => {
                            view! { <CompareView data=CompareData { treatments, attributes, references }/> }.into_any()
                        }
                        (t, a, r) => {
                            let error = [t.err(), a.err(), r.err()].into_iter().flatten().next();
                            let retry = move |()| {
                                treatments.refetch();
                                attributes.refetch();
                                references.refetch();
                            };
                            error.map(|error| view! { <ErrorNotice error retry/> }).into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// A mangled link can name hundreds of unknown ids; the first few say enough.
const MAX_NOTICES: usize = 5;

#[component]
fn CompareView(data: CompareData) -> impl IntoView {
    let location = use_location();
    let known_t: Vec<String> = data
        .treatments
        .treatments
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let known_a: Vec<String> = data
        .attributes
        .attributes
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let parsed = Memo::new(move |_| {
        let t: Vec<&str> = known_t.iter().map(String::as_str).collect();
        let a: Vec<&str> = known_a.iter().map(String::as_str).collect();
        parse(&location.search.get(), &t, &a)
    });
    let state = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let notices = Memo::new(move |_| {
        parsed.with(|p| p.1.iter().map(|n| n.message.clone()).collect::<Vec<_>>())
    });
    let open: OpenCell = RwSignal::new(None);
    let citations = Memo::new({
        let data = data.clone();
        move |_| {
            let state = state.get();
            let chosen: Vec<&Treatment> = state
                .treatments
                .iter()
                .filter_map(|id| data.treatment(id))
                .collect();
            let attrs: Vec<String> = visible_rows(&state, &chosen, &data.attributes.attributes)
                .into_iter()
                .flat_map(|g| g.attributes.into_iter().map(|a| a.id.clone()))
                .collect();
            cited_in(&data, &state.treatments, &attrs)
        }
    });
    let diagram_treatments = {
        let data = data.clone();
        move || {
            state.with(|s| {
                s.treatments
                    .iter()
                    .filter_map(|id| data.treatment(id).cloned())
                    .collect::<Vec<_>>()
            })
        }
    };
    let references = data.references.clone();

    view! {
        <div
            class="cmp"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked().is_some() {
                    if let Some((t, a)) = open.get_untracked() {
                        open.set(None);
                        focus_id(&crate::components::compare::cell_button_id(&t, &a));
                    }
                }
            }
        >
            <Show when=move || notices.with(|n| !n.is_empty())>
                <div class="cmp-notices" role="status">
                    <p><strong>"Part of this link could not be used:"</strong></p>
                    <ul>
                        {move || {
                            let all = notices.get();
                            let more = all.len().saturating_sub(MAX_NOTICES);
                            let shown = all.into_iter().take(MAX_NOTICES).map(|n| view! { <li>{n}</li> }).collect_view();
                            view! {
                                {shown}
                                {(more > 0).then(|| view! { <li>{format!("…and {more} more problems with this link.")}</li> })}
                            }
                        }}
                    </ul>
                </div>
            </Show>
            <TreatmentPicker state data=data.clone()/>
            <Toolbar state data=data.clone()/>
            <Legend/>
            <div class="cmp-scroll" tabindex="0" role="region" aria-label="Comparison table (scrolls sideways)">
                <CompareTable state data=data.clone() open/>
            </div>
            <CellDetails data=data.clone() open citations/>
            {move || view! { <PathwayDiagram treatments=diagram_treatments()/> }}
            {move || view! { <ReferenceList ids=citations.get() references=references.clone()/> }}
        </div>
    }
}

fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
fn Toolbar(state: Memo<CompareState>, data: CompareData) -> impl IntoView {
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
                        on:change=move |_| update(&|s: &mut CompareState| {
                            if !s.hidden_groups.remove(&group) {
                                s.hidden_groups.insert(group);
                            }
                        })
                    />
                    {group.label()}
                </label>
            }
        })
        .collect_view();
    let actions_data = data.clone();
    let chosen = move || {
        state.with(|s| {
            s.treatments
                .iter()
                .filter_map(|id| data.treatment(id).map(|t| (t.id.clone(), t.name.clone())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="cmp-toolbar" role="group" aria-label="Table options">
            <button
                type="button"
                class="button button--quiet"
                aria-pressed=move || rows().to_string()
                on:click=move |_| u1(&|s: &mut CompareState| {
                    s.view = if s.view == View::Rows { View::Columns } else { View::Rows };
                })
            >
                {move || if rows() { "Show treatments as columns" } else { "Show treatments as rows (sortable)" }}
            </button>
            <label class="cmp-toolbar__check">
                <input
                    type="checkbox"
                    prop:checked=move || state.with(|s| s.only_differences)
                    on:change=move |_| u2(&|s: &mut CompareState| s.only_differences = !s.only_differences)
                />
                "Only differences"
            </label>
            <label class="cmp-toolbar__baseline">
                "Baseline "
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    u3(&|s: &mut CompareState| {
                        s.baseline = (!value.is_empty()).then(|| value.clone());
                    })
                }>
                    <option value="" selected=move || state.with(|s| s.baseline.is_none())>"None"</option>
                    {move || chosen().into_iter().map(|(id, name)| {
                        let selected = {
                            let id = id.clone();
                            move || state.with(|s| s.baseline.as_deref() == Some(id.as_str()))
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

#[component]
fn Legend() -> impl IntoView {
    view! {
        <details class="cmp-legend">
            <summary>"How to read the table"</summary>
            <ul>
                <li>
                    <span class="cmp-scale" aria-hidden="true"><span class="cmp-scale__dot is-on"></span><span class="cmp-scale__dot is-on"></span><span class="cmp-scale__dot"></span></span>
                    " Dots show where a value sits on its scale, from the first level to the last; the words say the same."
                </li>
                <li>"With a baseline chosen: ▲ better than the baseline, ▼ worse, = the same, judged by which end of each scale is better for patients."</li>
                <li>"“Not established” means our sources give no reliable answer; it is never a zero."</li>
                <li>"Choose any cell to read its explanation and sources."</li>
            </ul>
        </details>
    }
}
