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
use crate::model::Article;
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
                // Only the article itself holds the page back: the glossary, references and
                // related titles fill in as they arrive.
                Suspend::new(async move {
                    match article.await {
                        Ok(article) => view! { <ArticleView article/> }.into_any(),
                        Err(ApiError::NotFound { .. }) => {
                            view! { <NotFoundView what=format!("There is no article called “{slug}”.")/> }.into_any()
                        }
                        Err(error) => {
                            let retry = move |()| article.refetch();
                            view! { <ErrorNotice error retry/> }.into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn ArticleView(article: Arc<Article>) -> impl IntoView {
    let store = ContentStore::get();
    let (glossary, references, index) = (store.glossary(), store.references(), store.index());
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
    let related_slugs = meta.related.clone();
    let related = move || {
        let related_slugs = related_slugs.clone();
        Suspend::new(async move {
            let index = index.await.ok()?;
            let items = related_slugs
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
            Some(items)
        })
    };
    let cited = citations.to_vec();
    let reference_list = move || {
        let ids = cited.clone();
        Suspend::new(async move {
            match references.await {
                Ok(references) => view! { <ReferenceList ids references/> }.into_any(),
                Err(error) => {
                    let retry = move |()| references.refetch();
                    view! {
                        <section class="references" aria-labelledby="references-heading">
                            <h2 id="references-heading">"References"</h2>
                            <ErrorNotice error retry/>
                        </section>
                    }
                    .into_any()
                }
            }
        })
    };

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
            <Suspense fallback=|| view! { <Loading what="the references"/> }>{reference_list}</Suspense>
            {(!meta.related.is_empty()).then(|| view! {
                <section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">"Related articles"</h2>
                    <ul><Suspense fallback=|| ()>{related}</Suspense></ul>
                </section>
            })}
        </article>
    }
}
