//! `/articles/:slug`: one article with its contents, glossary terms, citations and references.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::base::href;
use crate::components::article_body::{article_body, BodyContext};
use crate::components::embeds::embedded_block;
use crate::components::page_meta::PageMeta;
use crate::components::references::ReferenceList;
use crate::components::status::{ErrorNotice, Loading};
use crate::model::reading::{cited_references, long_date, toc};
use crate::model::{Article, ContentIndex, Glossary, References};
use crate::pages::not_found::NotFoundView;
use crate::store::ContentStore;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let store = ContentStore::get();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());

    view! {
        <Transition fallback=|| view! { <Loading what="the article"/> }>
            {move || {
                let slug = slug.get();
                let article = store.article(&slug);
                let glossary = store.glossary();
                let references = store.references();
                let index = store.index();
                Suspend::new(async move {
                    let loaded = (article.await, glossary.await, references.await, index.await);
                    match loaded {
                        (Ok(article), Ok(glossary), Ok(references), Ok(index)) => {
                            view! { <ArticleView article glossary references index/> }.into_any()
                        }
                        (Err(ApiError::NotFound { .. }), ..) => {
                            view! { <NotFoundView what=format!("There is no article called “{slug}”.")/> }.into_any()
                        }
                        (a, g, r, i) => {
                            let error = [a.err(), g.err(), r.err(), i.err()].into_iter().flatten().next();
                            let retry = move |()| {
                                article.refetch();
                                glossary.refetch();
                                references.refetch();
                                index.refetch();
                            };
                            error.map(|error| view! { <ErrorNotice error retry/> }).into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn ArticleView(
    article: Arc<Article>,
    glossary: Arc<Glossary>,
    references: Arc<References>,
    index: Arc<ContentIndex>,
) -> impl IntoView {
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
        .filter_map(|slug| index.articles.iter().find(|a| &a.slug == slug).cloned())
        .map(|a| {
            view! {
                <li>
                    <A href=href(&format!("/articles/{}", a.slug))>{a.title}</A>
                    <span class="related__summary">{format!(" — {}", a.summary)}</span>
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="article">
            <PageMeta title=meta.title.clone()/>
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
            <ReferenceList ids=citations.to_vec() references/>
            {(!meta.related.is_empty()).then(|| view! {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">"Related articles"</h2>
                    <ul>{related}</ul>
                </section>
            })}
        </article>
    }
}
