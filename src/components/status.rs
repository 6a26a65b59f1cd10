//! The one way the app shows loading and failure.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiError;
use crate::base::href;

/// How long loading may take before the reader is told it is slow. The request itself gives up
/// after `api::TIMEOUT`, and the page then shows the timeout error.
pub const SLOW_AFTER: Duration = Duration::from_secs(3);

/// What the loading view says once loading is slow.
pub const SLOW_MESSAGE: &str = "This is taking longer than usual…";

/// Shown while content loads. After [`SLOW_AFTER`] it adds [`SLOW_MESSAGE`] to the same polite
/// live region, so screen readers announce it once, without interrupting.
#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    let slow = RwSignal::new(false);
    let timer = set_timeout_with_handle(
        move || {
            slow.try_set(true);
        },
        SLOW_AFTER,
    )
    .ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    view! {
        <p class="status status--loading" role="status" aria-live="polite">
            <span class="status__spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
            {move || slow.get().then(|| view! { <span class="status__slow">" " {SLOW_MESSAGE}</span> })}
        </p>
    }
}

/// A failed fetch: what went wrong in words, and a way out.
#[component]
pub fn ErrorNotice(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    // A `Transition` keeps this notice on screen while the retry loads, so say that it is
    // under way; the next result replaces the whole notice.
    let retrying = RwSignal::new(false);
    view! {
        <div class="status status--error" role="alert">
            <h2 class="status__title">"Something went wrong"</h2>
            <p>{error.to_string()}</p>
            <p class="status__retrying" role="status" aria-live="polite">
                {move || retrying.get().then_some("Trying again…")}
            </p>
            <p class="status__actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        retrying.set(true);
                        retry.run(());
                    }
                >
                    "Try again"
                </button>
                <A href=href("/") attr:class="button button--quiet">"Go to the home page"</A>
            </p>
        </div>
    }
}
