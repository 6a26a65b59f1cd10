//! The one way the app shows loading and failure.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiError;
use crate::base::href;
use crate::store::{ContentStore, Load};

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

/// What a [`loaded`] view shows: each new state counts up, so keeping the previous one is no
/// change at all (the view is not rebuilt).
#[derive(Clone)]
struct Settled<T> {
    seq: u64,
    load: Load<T>,
}

/// The one loading pattern: `Loading` until `read` is ready, then `show` its value; a failure
/// becomes [`ErrorNotice`], whose "Try again" fetches every failed file again.
///
/// Once something is shown it stays while the next data loads (a new article, a retry), as a
/// `Transition` would; data that is already known renders at once, with no loading state, which
/// is what lets the build prerender pages from the same components.
pub fn loaded<T, V>(
    what: &'static str,
    read: impl Fn() -> Load<T> + Send + Sync + 'static,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let store = ContentStore::get();
    let settled = Memo::new_with_compare(
        move |prev: Option<&Settled<T>>| match (read(), prev) {
            (Load::Loading, Some(prev)) => prev.clone(),
            (load, prev) => Settled {
                seq: prev.map_or(0, |p| p.seq + 1),
                load,
            },
        },
        |old, new| old.map(|s| s.seq) != new.map(|s| s.seq),
    );
    move || match settled.get().load {
        Load::Loading => view! { <Loading what/> }.into_any(),
        Load::Ready(value) => show(value).into_any(),
        Load::Failed(error) => {
            view! { <ErrorNotice error retry=move |()| store.retry_failed()/> }.into_any()
        }
    }
}
