//! Blocks inside articles that the app draws from the catalogue: comparisons and figures.
//! Each loads the catalogue in its own `Suspense`, so the article text never waits for it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::compare::compare_url;
use crate::components::compare::diagram::PathwayDiagram;
use crate::components::compare::table::scale;
use crate::components::status::Loading;
use crate::model::compare::{display_value, CompareState};
use crate::model::{Attributes, Block, Treatments};
use crate::store::ContentStore;

/// `mentioned`: the article's treatments, drawn by its pathway figure.
pub fn embedded_block(block: &Block, mentioned: &[String]) -> AnyView {
    match block.clone() {
        Block::Compare {
            treatments,
            attributes,
            caption,
        } => view! { <EmbeddedComparison treatments attributes caption/> }.into_any(),
        Block::Figure { caption, .. } => {
            view! { <EmbeddedPathway treatments=mentioned.to_vec() caption/> }.into_any()
        }
        _ => ().into_any(),
    }
}

#[component]
fn EmbeddedComparison(
    treatments: Vec<String>,
    attributes: Vec<String>,
    caption: Option<String>,
) -> impl IntoView {
    let store = ContentStore::get();
    let (catalogue, rows) = (store.treatments(), store.attributes());
    let link = compare_url(&CompareState::new(treatments.clone()));
    let caption = caption.unwrap_or_else(|| "How these treatments compare".into());
    view! {
        <figure class="embed embed--compare">
            <figcaption>{caption}</figcaption>
            <Suspense fallback=|| view! { <Loading what="the comparison"/> }>
                {
                    let (treatments, attributes) = (treatments.clone(), attributes.clone());
                    move || {
                        let (treatments, attributes) = (treatments.clone(), attributes.clone());
                        Suspend::new(async move {
                            match (catalogue.await, rows.await) {
                                (Ok(t), Ok(a)) => compact_table(&t, &a, &treatments, &attributes).into_any(),
                                _ => view! { <p>"This comparison could not be loaded here."</p> }.into_any(),
                            }
                        })
                    }
                }
            </Suspense>
            <p class="embed__open"><A href=link>"Open in the comparison tool"</A></p>
        </figure>
    }
}

/// A read-only table: attributes as rows, treatments as columns.
fn compact_table(
    catalogue: &Treatments,
    rows: &Attributes,
    treatments: &[String],
    attributes: &[String],
) -> impl IntoView {
    let chosen: Vec<_> = treatments
        .iter()
        .filter_map(|id| catalogue.treatments.iter().find(|t| &t.id == id))
        .collect();
    let head = chosen
        .iter()
        .map(|t| view! { <th scope="col">{t.name.clone()}</th> })
        .collect_view();
    let body = attributes
        .iter()
        .filter_map(|id| rows.attributes.iter().find(|a| &a.id == id))
        .map(|attr| {
            let cells = chosen
                .iter()
                .map(|t| {
                    let cell = t.values.get(&attr.id);
                    view! { <td>{scale(attr, cell)}{display_value(attr, cell)}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{attr.label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="cmp-scroll embed__scroll" tabindex="0" role="region" aria-label="Comparison table (scrolls sideways)">
            <table class="cmp-table cmp-table--compact">
                <thead><tr><th scope="col">"Attribute"</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[component]
fn EmbeddedPathway(treatments: Vec<String>, caption: String) -> impl IntoView {
    let catalogue = ContentStore::get().treatments();
    view! {
        <Suspense fallback=|| view! { <Loading what="the figure"/> }>
            {
                let (treatments, caption) = (treatments.clone(), caption.clone());
                move || {
                    let (treatments, caption) = (treatments.clone(), caption.clone());
                    Suspend::new(async move {
                        catalogue.await.ok().map(|all| {
                            let drawn: Vec<_> = treatments.iter().filter_map(|id| all.treatments.iter().find(|t| &t.id == id).cloned()).collect();
                            view! { <PathwayDiagram treatments=drawn caption/> }
                        })
                    })
                }
            }
        </Suspense>
    }
}
