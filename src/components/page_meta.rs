//! Document title and focus management, the same for every page.

use std::cell::Cell;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

thread_local! {
    // The first page of a visit keeps the browser's own focus and scroll; later pages move focus
    // to their heading so screen-reader users hear where they arrived.
    static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
}

/// The document title for a page title.
pub fn document_title(page: &str) -> String {
    if page.is_empty() {
        "Pathways — chronic-pain treatments, explained".to_owned()
    } else {
        format!("{page} · Pathways")
    }
}

/// Renders nothing; on mount sets `document.title` and moves focus to the `#fragment` target
/// (also when only the fragment changes) or, after an in-app navigation, to the page's `h1`.
#[component]
pub fn PageMeta(#[prop(into)] title: String) -> impl IntoView {
    let hash = use_location().hash;
    Effect::new(move |_| {
        let fragment = hash.get().trim_start_matches('#').to_owned();
        let title = title.clone();
        // After the frame, so a `<Transition>` has swapped the new page in.
        request_animation_frame(move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            document.set_title(&document_title(&title));
            let first = FIRST_PAGE.with(|f| f.replace(false));
            let target = if fragment.is_empty() {
                if first {
                    return;
                }
                document.query_selector("main h1").ok().flatten()
            } else {
                // Anchors are validated URL-safe ids, so the fragment needs no decoding.
                document.get_element_by_id(&fragment)
            };
            if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                let _ = el.focus();
                if !fragment.is_empty() {
                    el.scroll_into_view();
                }
            }
        });
    });
}
