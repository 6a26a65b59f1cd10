use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::base::href;

/// The router fallback: says what was not found and offers a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>
                "There is no page at "
                <code>{move || location.pathname.get()}</code>
                ". It may have been moved, or the link may have a typo."
            </p>
            <p>
                <A href=href("/")>"Go to the home page"</A>
                " to browse all articles."
            </p>
        </section>
    }
}
