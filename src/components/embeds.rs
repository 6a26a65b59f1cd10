//! Blocks inside articles that the app draws from the catalogue: comparisons and figures.
//! Each loads the catalogue on its own, so the article text never waits for it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::compare::compare_url;
use crate::components::compare::diagram::PathwayDiagram;
use crate::components::compare::table::{editorial_mark, scale, value_class};
use crate::components::status::loaded;
use crate::model::compare::{cell_state, display_value, CompareState};
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
    let (catalogue, rows) = (store.file::<Treatments>(), store.file::<Attributes>());
    let link = compare_url(&CompareState::new(treatments.clone()));
    let caption = caption.unwrap_or_else(|| "How these treatments compare".into());
    view! {
        <figure class="embed embed--compare">
            <figcaption>{caption}</figcaption>
            {loaded("the comparison", move || catalogue.read().zip(rows.read()), move |(t, a)| {
                compact_table(&t, &a, &treatments, &attributes)
            })}
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
        .filter_map(|id| catalogue.get(id))
        .collect();
    let head = chosen
        .iter()
        .map(|t| view! { <th scope="col">{t.name.clone()}</th> })
        .collect_view();
    let body = attributes
        .iter()
        .filter_map(|id| rows.get(id))
        .map(|attr| {
            let cells = chosen
                .iter()
                .map(|t| {
                    let cell = t.values.get(&attr.id);
                    view! {
                        <td>
                            {scale(attr, cell)}
                            <span class=value_class(cell_state(attr, cell))>{display_value(attr, cell)}{editorial_mark(attr, cell)}</span>
                        </td>
                    }
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
    let catalogue = ContentStore::get().file::<Treatments>();
    view! {
        {loaded("the figure", move || catalogue.read(), move |all| {
            let drawn: Vec<_> = treatments.iter().filter_map(|id| all.get(id).cloned()).collect();
            view! { <PathwayDiagram treatments=drawn caption=caption.clone()/> }
        })}
    }
}
