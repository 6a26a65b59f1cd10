//! `/glossary`: every term, alphabetically, each with its own anchor (`/glossary#nmda-receptor`).

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::status::loaded;
use crate::model::{Glossary, Term};
use crate::store::ContentStore;

/// Terms sorted the way a reader expects: alphabetically, ignoring case.
pub fn alphabetical(terms: &[Term]) -> Vec<Term> {
    let mut terms = terms.to_vec();
    terms.sort_by_key(|t| t.term.to_lowercase());
    terms
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    let glossary = ContentStore::get().file::<Glossary>();
    view! {
        <section class="glossary">
            <PageMeta title="Glossary" description="Plain-language meanings of the medical terms used in Pathways articles."/>
            <h1 tabindex="-1">"Glossary"</h1>
            <p class="lede">"Plain-language meanings of the terms used in Pathways articles."</p>
            {loaded("the glossary", move || glossary.read(), |g| view! {
                <dl class="glossary__list">
                    {alphabetical(&g.terms).into_iter().map(|t| view! {
                        <div class="glossary__entry" id=t.id.clone() tabindex="-1">
                            <dt>{t.term}</dt>
                            <dd>{t.definition}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            })}
        </section>
    }
}
