//! Blocks inside articles that the app draws from the catalogue: comparisons and figures.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::model::Block;

pub fn embedded_block(block: &Block) -> AnyView {
    match block.clone() {
        Block::Compare {
            treatments,
            attributes,
            caption,
        } => {
            let query = format!(
                "/compare?t={}&rows={}",
                treatments.join(","),
                attributes.join(",")
            );
            view! {
                <figure class="embed embed--compare">
                    <figcaption>{caption.unwrap_or_else(|| "Comparison".into())}</figcaption>
                    <p>
                        <A href=href(&query)>"Open in the comparison tool"</A>
                        {format!(" ({} treatments, {} attributes)", treatments.len(), attributes.len())}
                    </p>
                </figure>
            }
            .into_any()
        }
        Block::Figure { caption, .. } => view! {
            <figure class="embed embed--figure">
                <figcaption>{caption}</figcaption>
            </figure>
        }
        .into_any(),
        _ => ().into_any(),
    }
}
