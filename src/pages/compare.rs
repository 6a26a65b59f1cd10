//! `/compare`: the interactive comparison. The whole view lives in the query string.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::compare::details::CellDetails;
use crate::components::compare::diagram::PathwayDiagram;
use crate::components::compare::legend::Legend;
use crate::components::compare::picker::TreatmentPicker;
use crate::components::compare::table::CompareTable;
use crate::components::compare::toolbar::Toolbar;
use crate::components::compare::{CompareData, FullTable, OpenCell, PendingState};
use crate::components::page_meta::PageMeta;
use crate::components::references::ReferenceList;
use crate::components::status::loaded;
use crate::model::compare::{cited_in, parse_for, Coverage, ShownRows};
use crate::model::Attribute;
use crate::store::ContentStore;

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = ContentStore::get();
    view! {
        <section class="compare">
            <PageMeta title="Compare treatments" description="Compare chronic-pain treatments side by side: how they work, how fast, side effects and evidence, each value with its sources."/>
            <h1 tabindex="-1">"Compare treatments"</h1>
            <p class="lede">
                "See how chronic-pain treatments differ, above all in how they work. Choose a cell to read "
                "why it says what it says, and the sources behind it."
            </p>
            <noscript>
                <p class="notice">
                    "This is the default comparison. Choosing treatments, sorting and the other "
                    "table controls need JavaScript."
                </p>
            </noscript>
            {loaded(
                "the comparison",
                move || {
                    let (t, a, r) = (store.file(), store.file(), store.file());
                    t.read().zip(a.read()).zip(r.read())
                },
                |((treatments, attributes), references)| {
                    view! { <CompareView data=CompareData { treatments, attributes, references }/> }
                },
            )}
        </section>
    }
}

/// A mangled link can name hundreds of unknown ids; the first few say enough.
const MAX_NOTICES: usize = 5;

#[component]
fn CompareView(data: CompareData) -> impl IntoView {
    let location = use_location();
    let parsed = Memo::new({
        let data = data.clone();
        move |_| {
            parse_for(
                &location.search.get(),
                &data.treatments.treatments,
                &data.attributes.attributes,
            )
        }
    });
    // A change shows at once; the address follows right after (`use_set_state`).
    let pending = PendingState(RwSignal::new(None));
    provide_context(pending);
    let state = Memo::new(move |_| {
        let search = location.search.get();
        pending
            .0
            .with(|p| match p {
                Some((from, next)) if *from == search => Some(next.clone()),
                _ => None,
            })
            .unwrap_or_else(|| parsed.with(|p| p.0.clone()))
    });
    let notices = Memo::new(move |_| {
        parsed.with(|p| p.1.iter().map(|n| n.message.clone()).collect::<Vec<_>>())
    });
    let open: OpenCell = RwSignal::new(None);
    // Printing draws the whole table, also when the browser's own print command is used. The
    // browser lays the page out for print only after the `beforeprint` handlers and the tasks
    // they queue, so the rows are there in time.
    let full = FullTable(RwSignal::new(false));
    provide_context(full);
    let before = window_event_listener_untyped("beforeprint", move |_| full.0.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| full.0.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    // The visible rows, computed once per change: the table's layout, the citation numbers and
    // the coverage figure all read this memo, and when a change leaves them equal (a sort, a
    // baseline), nothing that reads them runs again.
    let shown = Memo::new({
        let data = data.clone();
        move |_| {
            state.with(|state| {
                let chosen = data.resolve(&state.treatments);
                ShownRows::of(state, &chosen, &data.attributes.attributes)
            })
        }
    });
    // Which treatments, not in which order: a sort leaves the two memos below alone.
    let chosen_ids = Memo::new(move |_| state.with(|s| s.treatments.clone()));
    let citations = Memo::new({
        let data = data.clone();
        move |_| {
            let chosen = chosen_ids.with(|ids| data.resolve(ids));
            shown.with(|shown| cited_in(&chosen, &shown.attribute_ids()))
        }
    });
    // The coverage figure counts what is on screen: chosen treatments, visible rows.
    let coverage = Memo::new({
        let data = data.clone();
        move |_| {
            let chosen = chosen_ids.with(|ids| data.resolve(ids));
            let attrs: Vec<&Attribute> = shown.with(|shown| {
                shown
                    .attribute_ids()
                    .into_iter()
                    .filter_map(|id| data.attribute(id))
                    .collect()
            });
            Coverage::of(&chosen, &attrs)
        }
    });
    // Drawn again only when the chosen treatments change, not on a sort or a baseline: with
    // hundreds of treatments, redrawing it on every change cost more than the sort itself.
    let diagram_treatments = {
        let data = data.clone();
        move || chosen_ids.with(|ids| data.resolve(ids).into_iter().cloned().collect::<Vec<_>>())
    };
    let references = data.references.clone();

    view! {
        <div
            class="cmp"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked().is_some() {
                    if let Some((t, a)) = open.get_untracked() {
                        open.set(None);
                        crate::components::compare::focus_cell(&t, &a);
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
            <Legend coverage/>
            <CompareTable state shown data=data.clone() open/>
            <CellDetails data=data.clone() open citations/>
            {move || view! { <PathwayDiagram treatments=diagram_treatments()/> }}
            <section class="references" aria-labelledby="references-heading">
                <h2 id="references-heading">"References"</h2>
                {move || view! { <ReferenceList ids=citations.get() references=references.clone()/> }}
            </section>
        </div>
    }
}
