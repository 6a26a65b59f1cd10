//! `/articles/:slug`: one article with its contents, glossary terms, citations and references.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::base::href;
use crate::components::article_body::{article_body, BodyContext};
use crate::components::embeds::embedded_block;
use crate::components::offline::SaveForOffline;
use crate::components::page_meta::PageMeta;
use crate::components::references::ReferenceList;
use crate::components::status::loaded;
use crate::model::reading::{cited_references, long_date, terms_used, toc};
use crate::model::{Article, ContentIndex, Glossary, References};
use crate::offline::Scope;
use crate::pages::not_found::NotFoundView;
use crate::store::{ContentStore, Load};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let store = ContentStore::get();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // The index decides whether an article exists: a listed article whose file fails is a
    // loading error with "Try again", never "not found".
    let read = move || {
        let slug = slug.get();
        let index = store.file::<ContentIndex>().read();
        if let Load::Ready(index) = &index {
            if index.get(&slug).is_none() {
                return Load::Ready((slug, None));
            }
        }
        match (index, store.article(&slug).read()) {
            (Load::Loading, _) | (_, Load::Loading) => Load::Loading,
            (Load::Failed(error), _) | (_, Load::Failed(error)) => Load::Failed(error),
            (Load::Ready(index), Load::Ready(article)) => {
                Load::Ready((slug, Some((article, index))))
            }
        }
    };
    loaded("the article", read, |(slug, found)| match found {
        Some((article, index)) => view! { <ArticleView article index/> }.into_any(),
        None => view! { <NotFoundView what=format!("There is no article called “{slug}”.")/> }
            .into_any(),
    })
}

#[component]
fn ArticleView(article: Arc<Article>, index: Arc<ContentIndex>) -> impl IntoView {
    let store = ContentStore::get();
    let (glossary, references) = (store.file::<Glossary>(), store.file::<References>());
    let meta = article.meta.clone();
    let citations = Arc::new(cited_references(&article));
    let ctx = BodyContext {
        slug: meta.slug.clone(),
        citations: citations.clone(),
        glossary,
    };
    let contents = toc(&article)
        .into_iter()
        .map(|entry| {
            let class = if entry.level > 2 {
                "toc__item toc__item--sub"
            } else {
                "toc__item"
            };
            view! {
                <li class=class>
                    <a href=href(&format!("/articles/{}#{}", meta.slug, entry.id))>{entry.text}</a>
                </li>
            }
        })
        .collect_view();
    let body = article_body(&article, &ctx, &|block| {
        embedded_block(block, &meta.treatments)
    });
    let related = meta
        .related
        .iter()
        .filter_map(|slug| index.get(slug).cloned())
        .map(|a| {
            view! {
                <li>
                    <A href=href(&format!("/articles/{}", a.slug))>{a.title}</A>
                    <span class="related__summary">{format!(" — {}", a.summary)}</span>
                </li>
            }
        })
        .collect_view();
    let cited = citations.to_vec();
    let terms = terms_used(&article);

    view! {
        <article class="article">
            <PageMeta title=meta.title.clone() description=meta.summary.clone()/>
            <header class="article__header">
                <p class="article__kicker"><A href=href("/")>"All articles"</A></p>
                <h1 tabindex="-1">{meta.title.clone()}</h1>
                <p class="article__summary">{meta.summary.clone()}</p>
                <p class="article__meta">
                    "Last reviewed "
                    <time datetime=meta.last_reviewed.clone()>{long_date(&meta.last_reviewed)}</time>
                    " · Next review due "
                    <time datetime=meta.review_due.clone()>{long_date(&meta.review_due)}</time>
                    {format!(" · {} min read", meta.reading_minutes)}
                </p>
                <p class="article__authorship">{authorship(&meta)}</p>
                <SaveForOffline
                    scope=Scope::Article(meta.slug.clone())
                    label="Save this article for offline"
                />
                <p class="notice" role="note">
                    <strong>"Not medical advice. "</strong>
                    "This article explains published evidence in general terms. Talk to your doctor, "
                    "nurse or pharmacist before starting, stopping or changing any treatment."
                </p>
            </header>
            <nav class="toc" aria-labelledby="toc-heading">
                <h2 id="toc-heading" class="toc__title">"On this page"</h2>
                <ol class="toc__list">{contents}</ol>
            </nav>
            <div class="article__body">{body}</div>
            {(!terms.is_empty()).then(|| view! {
                <section class="terms" aria-labelledby="terms-heading">
                    <h2 id="terms-heading">"Words explained in this article"</h2>
                    {loaded("the glossary", move || glossary.read(), move |g| {
                        let entries = terms.iter().filter_map(|id| g.get(id).cloned()).map(|t| view! {
                            <div class="terms__entry"><dt>{t.term}</dt><dd>{t.definition}</dd></div>
                        }).collect_view();
                        view! { <dl class="terms__list">{entries}</dl> }
                    })}
                </section>
            })}
            <section class="references" aria-labelledby="references-heading">
                <h2 id="references-heading">"References"</h2>
                {loaded("the references", move || references.read(), move |references| {
                    view! { <ReferenceList ids=cited.clone() references/> }
                })}
            </section>
            {(!meta.related.is_empty()).then(|| view! {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">"Related articles"</h2>
                    <ul>{related}</ul>
                </section>
            })}
        </article>
    }
}

/// Who the article is by and whether a clinician has reviewed it. Never more than the content
/// says: without a `clinical_review`, the article says it has not had one.
fn authorship(meta: &crate::model::ArticleMeta) -> String {
    match &meta.clinical_review {
        None => "Written by the Pathways editors from the listed sources. Not yet reviewed by a clinician."
            .to_string(),
        Some(review) => format!(
            "Written by the Pathways editors from the listed sources. Reviewed by {}, {}, on {}.",
            review.reviewer,
            review.role,
            long_date(&review.date)
        ),
    }
}
