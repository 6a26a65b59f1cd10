//! The numbered reference list at the end of an article (and the full list on the About page).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::urls::is_https_url;
use crate::model::References;

/// `ids` in citation order; each item gets the anchor `ref-<id>` that citations link to.
#[component]
pub fn ReferenceList(ids: Vec<String>, references: Arc<References>) -> impl IntoView {
    let items = ids
        .into_iter()
        .filter_map(|id| references.get(&id).cloned())
        .map(|reference| {
            let link = reference.link().filter(|l| is_https_url(l));
            let label = if reference.doi.is_some() {
                "DOI"
            } else {
                "Source"
            };
            view! {
                <li id=format!("ref-{}", reference.id) tabindex="-1">
                    {reference.citation.clone()}
                    {link.map(|l| view! {
                        " "
                        <a href=l target="_blank" rel="noopener noreferrer">
                            {label}<span class="visually-hidden">" (opens in a new tab)"</span>
                        </a>
                    })}
                    {reference.pmid.clone().map(|p| format!(" PMID {p}."))}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="references__list">{items}</ol> }
}
