//! `/glossary`: every term, alphabetically, each with its own anchor (`/glossary#nmda-receptor`).

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::status::{ErrorNotice, Loading};
use crate::model::Term;
use crate::store::ContentStore;

/// Terms sorted the way a reader expects: alphabetically, ignoring case.
pub fn alphabetical(terms: &[Term]) -> Vec<Term> {
    let mut terms = terms.to_vec();
    terms.sort_by_key(|t| t.term.to_lowercase());
    terms
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    let glossary = ContentStore::get().glossary();
    let retry = move |()| glossary.refetch();
    view! {
        <section class="glossary">
            <PageMeta title="Glossary"/>
            <h1 tabindex="-1">"Glossary"</h1>
            <p class="home__lede">"Plain-language meanings of the terms used in Pathways articles."</p>
            <Transition fallback=|| view! { <Loading what="the glossary"/> }>
                {move || Suspend::new(async move {
                    match glossary.await {
                        Ok(g) => view! {
                            <dl class="glossary__list">
                                {alphabetical(&g.terms).into_iter().map(|t| view! {
                                    <div class="glossary__entry" id=t.id.clone() tabindex="-1">
                                        <dt>{t.term}</dt>
                                        <dd>{t.definition}</dd>
                                    </div>
                                }).collect_view()}
                            </dl>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error retry/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
