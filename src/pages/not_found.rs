use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::base::href;
use crate::components::page_meta::PageMeta;

/// The router fallback: says which address has no page.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let what = format!("There is no page at {}.", location.pathname.get_untracked());
    view! { <NotFoundView what/> }
}

/// "Not found" with what was not found, a search box and a way home. Also used for unknown
/// article slugs and treatment ids.
#[component]
pub fn NotFoundView(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <section class="not-found">
            <PageMeta title="Page not found"/>
            <h1>"Page not found"</h1>
            <p>{what}" It may have been moved, or the link may have a typo."</p>
            <form class="search search--inline" action=href("/") method="get" role="search">
                <label for="not-found-search">"Search the articles"</label>
                <input id="not-found-search" type="search" name="q"/>
                <button type="submit" class="button">"Search"</button>
            </form>
            <p>
                <A href=href("/")>"Go to the home page"</A>
                " to browse all articles."
            </p>
        </section>
    }
}
