//! The one way the app shows loading and failure.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiError;
use crate::base::href;

/// Shown while content loads.
#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <p class="status status--loading" role="status" aria-live="polite">
            <span class="status__spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
        </p>
    }
}

/// A failed fetch: what went wrong in words, and a way out.
#[component]
pub fn ErrorNotice(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="status status--error" role="alert">
            <h2 class="status__title">"Something went wrong"</h2>
            <p>{error.to_string()}</p>
            <p class="status__actions">
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    "Try again"
                </button>
                <A href=href("/") attr:class="button button--quiet">"Go to the home page"</A>
            </p>
        </div>
    }
}
