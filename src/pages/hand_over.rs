//! The catalogue's addresses in the reading app: the comparison and the treatment pages live
//! in the full bundle, so this page loads them (see `split.rs`). Links there never come here
//! (the browser follows them itself); the reading app meets these addresses only when a host
//! answered one with `index.html`, or through a script. Readers see this page for the moment
//! the page load takes, or, when the host has no such page, as "not found".

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::page_meta::PageMeta;
use crate::pages::not_found::NotFoundView;
use crate::split::{hand_over, HandOver};

#[component]
pub fn HandOverPage() -> impl IntoView {
    // The router's address: during an in-app navigation the browser's still shows the page
    // being left.
    let location = use_location();
    let search = location.search.get_untracked();
    let search = if search.is_empty() {
        search
    } else {
        format!("?{search}")
    };
    let step = hand_over(
        &location.pathname.get_untracked(),
        &search,
        &location.hash.get_untracked(),
    );
    match step {
        HandOver::Missing(clean) => {
            #[cfg(target_arch = "wasm32")]
            crate::split::show_address(&format!("{clean}{search}"));
            view! { <NotFoundView what=missing_sentence(&clean)/> }.into_any()
        }
        HandOver::Load(target) => {
            // After the router has added this address to the history, which the page load
            // then replaces, so Back returns to the page the reader came from.
            #[cfg(target_arch = "wasm32")]
            {
                let target = target.clone();
                set_timeout(
                    move || crate::split::open(&target),
                    std::time::Duration::ZERO,
                );
            }
            opening(target).into_any()
        }
    }
}

/// "Not found" in the words the full app uses for the same address.
fn missing_sentence(clean: &str) -> String {
    match clean.rsplit_once("/treatments/") {
        Some((_, id)) if !id.is_empty() => format!("There is no treatment called “{id}”."),
        _ => format!("There is no page at {clean}."),
    }
}

fn opening(target: String) -> impl IntoView {
    view! {
        <section class="hand-over">
            <PageMeta title="Opening…"/>
            <p class="status status--loading" role="status" aria-live="polite">
                <span class="status__spinner" aria-hidden="true"></span>
                "Opening the page…"
            </p>
            // `rel="external"`: a full page load, which the router leaves to the browser.
            <p>
                <a href=target rel="external">"Open the page"</a>
                " if it does not open by itself."
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_treatment_is_named_as_the_full_app_names_it() {
        assert_eq!(
            missing_sentence("/pathways/treatments/no-such-drug"),
            "There is no treatment called “no-such-drug”."
        );
        assert_eq!(
            missing_sentence("/compare"),
            "There is no page at /compare."
        );
    }
}
