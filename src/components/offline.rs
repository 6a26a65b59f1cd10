//! The page side of offline reading: the "new version" notice, "Save for offline", and telling
//! the worker which pages a reader opens inside the app. The rules are in `crate::offline`.

use leptos::prelude::*;

use crate::model::ContentIndex;
use crate::offline::{self, Offline, Scope};
use crate::store::{ContentStore, Load};

/// "A new version is ready — Reload", fixed at the bottom of the window (so nothing moves), in
/// a live region that exists from the start so screen readers announce it once. Never forced.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let offline = expect_context::<Offline>();
    let ready = offline.update_ready;
    view! {
        <p
            class=move || {
                if ready.get() { "update-notice update-notice--ready" } else { "update-notice" }
            }
            role="status"
        >
            {move || ready.get().then_some("A new version of Pathways is ready. ")}
            // Shown with the notice (CSS), so the page holds no reactive attribute for it.
            <button type="button" class="button" on:click=move |_| offline.reload()>
                "Reload"
            </button>
        </p>
    }
}

/// The "Save for offline" button with its progress and result; a failure is said in the
/// app's error style, and the button itself tries again.
#[component]
pub fn SaveForOffline(
    /// What to save.
    scope: Scope,
    /// The button's words.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let offline = expect_context::<Offline>();
    let index = ContentStore::get().file::<ContentIndex>();
    let key = scope.key();
    // The page's last save is this button's if it was for the same scope.
    let mine = move || offline.save_for.with(|k| *k == key);
    let start = move |_| {
        if offline.save_busy.get_untracked() {
            return;
        }
        if let Load::Ready(index) = untrack(|| index.read()) {
            offline.save(&scope, offline::paths(&index, &scope));
        }
    };
    let mine_too = mine.clone();
    view! {
        <p class="save-offline">
            <button type="button" class="button button--quiet" on:click=start>
                {label}
            </button>
            <span
                class=move || {
                    if mine() && offline.save_failed.get() {
                        "save-offline__progress status status--error"
                    } else {
                        "save-offline__progress"
                    }
                }
                role="status"
            >
                {move || if mine_too() { offline.save_text.get() } else { String::new() }}
            </span>
        </p>
    }
}
