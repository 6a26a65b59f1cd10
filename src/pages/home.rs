//! `/`: the article list with a search box and tag chips; both live in the query string
//! (`/?q=nmda&tag=opioids`), so a filtered list is a shareable link.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::base::href;
use crate::components::offline::SaveForOffline;
use crate::components::page_meta::PageMeta;
use crate::components::status::loaded;
use crate::model::reading::{all_tags, long_date, matches, query_words, searchable_text};
use crate::model::{query, ContentIndex};
use crate::offline::Scope;
use crate::store::ContentStore;

#[component]
pub fn Home() -> impl IntoView {
    let store = ContentStore::get();
    let index = store.file::<ContentIndex>();

    view! {
        <section class="home">
            <PageMeta title=""/>
            <h1 tabindex="-1">"Chronic-pain treatments, explained"</h1>
            <p class="lede">
                "Short, referenced articles about how chronic-pain treatments work, and how they differ."
            </p>
            {loaded("articles", move || index.read(), |index| view! { <ArticleFinder index/> })}
            <SaveForOffline scope=Scope::Everything label="Save all articles for offline"/>
        </section>
    }
}

#[component]
fn ArticleFinder(index: Arc<ContentIndex>) -> impl IntoView {
    let store = ContentStore::get();
    let params = use_query_map();
    let navigate = use_navigate();
    let q = Memo::new(move |_| params.read().get("q").unwrap_or_default());
    let tag = Memo::new(move |_| params.read().get("tag").filter(|t| !t.is_empty()));

    // Typing replaces the history entry (back does not replay keystrokes); choosing a tag adds one.
    // The router's `query_signal_with_options` would do this too, but measured it adds 1,036 B
    // of brotli wasm for the dozen lines it saves, and it applies only the first setter's options
    // when two change in one frame; `query::build` is shared with the treatment page anyway.
    let go = move |q: &str, tag: Option<&str>, replace: bool| {
        let url = href(&format!(
            "/{}",
            query::build(&[("q", q), ("tag", tag.unwrap_or_default())])
        ));
        navigate(
            &url,
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };

    let articles = index.articles.clone();
    // Article text is only downloaded once the reader searches for something.
    let bodies = Memo::new({
        let articles = articles.clone();
        move |_| {
            if q.get().trim().is_empty() {
                return HashMap::new();
            }
            articles
                .iter()
                .filter_map(|a| {
                    let loaded = store.article(&a.slug).read().ready()?;
                    Some((a.slug.clone(), searchable_text(&loaded)))
                })
                .collect::<HashMap<_, _>>()
        }
    });
    let shown = Memo::new({
        let articles = articles.clone();
        move |_| {
            let words = query_words(&q.get());
            let tag = tag.get();
            bodies.with(|bodies| {
                articles
                    .iter()
                    .filter(|a| {
                        matches(
                            a,
                            bodies.get(&a.slug).map(String::as_str),
                            &words,
                            tag.as_deref(),
                        )
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        }
    });
    let tags = all_tags(&articles);
    let go_input = go.clone();
    let go_clear = go.clone();

    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="article-search">"Search articles"</label>
            <input
                id="article-search"
                type="search"
                autocomplete="off"
                placeholder="e.g. NMDA, tolerance, nerve pain"
                prop:value=move || q.get()
                on:input=move |ev| go_input(&event_target_value(&ev), tag.get_untracked().as_deref(), true)
            />
        </form>
        <ul class="chips" aria-label="Filter by topic">
            {tags
                .into_iter()
                .map(|t| {
                    let go = go.clone();
                    let pressed = {
                        let t = t.clone();
                        move || tag.get().as_deref() == Some(t.as_str())
                    };
                    let label = t.replace('-', " ");
                    view! {
                        <li>
                            <button
                                type="button"
                                class="chip"
                                aria-pressed=move || pressed().to_string()
                                on:click=move |_| {
                                    let next = if tag.get_untracked().as_deref() == Some(t.as_str()) { None } else { Some(t.as_str()) };
                                    go(&q.get_untracked(), next, false);
                                }
                            >
                                {label}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p class="home__count" role="status" aria-live="polite">
            {move || {
                let n = shown.with(Vec::len);
                match (n, q.get().trim().is_empty() && tag.get().is_none()) {
                    (_, true) => format!("{n} articles"),
                    (1, false) => "1 article matches".to_owned(),
                    (n, false) => format!("{n} articles match"),
                }
            }}
        </p>
        <Show when=move || shown.with(Vec::is_empty)>
            <div class="empty">
                <p>"No article matches this search."</p>
                <button type="button" class="button" on:click={
                    let go = go_clear.clone();
                    move |_| go("", None, false)
                }>"Clear the filter"</button>
            </div>
        </Show>
        <ul class="article-list" aria-label="Articles">
            <For each=move || shown.get() key=|a| a.slug.clone() let:article>
                <li class="article-card">
                    <h2 class="article-card__title">
                        <A href=href(&format!("/articles/{}", article.slug))>{article.title.clone()}</A>
                    </h2>
                    <p class="article-card__summary">{article.summary.clone()}</p>
                    <p class="article-card__meta">
                        {format!("{} min read · Last reviewed {}", article.reading_minutes, long_date(&article.last_reviewed))}
                    </p>
                    <p class="article-card__tags">
                        {article.tags.iter().map(|t| view! { <span class="tag">{t.replace('-', " ")}</span> }).collect_view()}
                    </p>
                </li>
            </For>
        </ul>
    }
}
