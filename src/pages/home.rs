use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::base::href;
use crate::components::status::{ErrorNotice, Loading};
use crate::model::ArticleMeta;

#[component]
pub fn Home() -> impl IntoView {
    let index = LocalResource::new(api::fetch_index);
    let retry = move |()| index.refetch();

    view! {
        <section class="home">
            <h1>"Chronic-pain treatments, explained"</h1>
            <p class="home__lede">
                "Short, referenced articles about how chronic-pain treatments work, and how they differ."
            </p>
            <Transition fallback=|| view! { <Loading what="articles"/> }>
                {move || Suspend::new(async move {
                    match index.await {
                        Ok(index) => view! { <ArticleList articles=index.articles/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error retry/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ArticleList(articles: Vec<ArticleMeta>) -> impl IntoView {
    view! {
        <ul class="article-list" aria-label="Articles">
            <For each=move || articles.clone() key=|a| a.slug.clone() let:article>
                <li class="article-card">
                    <h2 class="article-card__title">
                        <A href=href(&format!("/articles/{}", article.slug))>{article.title.clone()}</A>
                    </h2>
                    <p class="article-card__summary">{article.summary.clone()}</p>
                    <p class="article-card__meta">
                        {format!("{} min read · Last reviewed {}", article.reading_minutes, article.last_reviewed)}
                    </p>
                </li>
            </For>
        </ul>
    }
}
