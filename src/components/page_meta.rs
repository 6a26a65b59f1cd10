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

/// What a page says about itself in `<head>`; the prerenderer writes it into each page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHead {
    /// The whole document title.
    pub title: String,
    /// One or two sentences for the meta description and link previews.
    pub description: String,
}

/// The site's own description, for pages without one of their own.
pub const SITE_DESCRIPTION: &str =
    "Evidence-based articles about chronic-pain treatments, and an interactive comparison of how they work.";

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static RENDERED_HEAD: std::cell::RefCell<Option<PageHead>> = const { std::cell::RefCell::new(None) };
}

/// The head of the page rendered last on this thread (native rendering only), taken.
#[cfg(not(target_arch = "wasm32"))]
pub fn take_rendered_head() -> Option<PageHead> {
    RENDERED_HEAD.with(|h| h.borrow_mut().take())
}

/// Renders nothing; on mount sets `document.title` and moves focus to the `#fragment` target
/// (also when only the fragment changes) or, after an in-app navigation, to the page's `h1`.
/// Rendered natively, it records the page's head for the prerenderer instead.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into, optional)] description: Option<String>,
) -> impl IntoView {
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED_HEAD.with(|h| {
        *h.borrow_mut() = Some(PageHead {
            title: document_title(&title),
            description: description.unwrap_or_else(|| SITE_DESCRIPTION.to_owned()),
        })
    });
    #[cfg(target_arch = "wasm32")]
    let _ = description;
    let hash = use_location().hash;
    let marker = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        let fragment = hash.get().trim_start_matches('#').to_owned();
        let title = title.clone();
        // A `<Transition>` keeps the old page on screen until all of the new one is ready, so
        // wait until this page's marker is in the document before touching focus.
        when_connected(marker, MOUNT_WAIT_FRAMES, move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            document.set_title(&document_title(&title));
            // The worker saw only the first page load; it keeps the pages opened since, too.
            crate::offline::Offline::keep_this_page();
            let first = FIRST_PAGE.with(|f| f.replace(false));
            if fragment.is_empty() {
                if !first {
                    focus(document.query_selector("main h1").ok().flatten(), false);
                }
            } else {
                // Anchors are validated URL-safe ids, so the fragment needs no decoding.
                focus_when_present(fragment, FRAGMENT_WAIT_FRAMES);
            }
        });
    });
    view! { <span class="page-meta" hidden node_ref=marker></span> }
}

/// How long a page may take to replace the previous one (about ten seconds at 60 frames a second).
const MOUNT_WAIT_FRAMES: u32 = 600;

fn when_connected(
    marker: NodeRef<leptos::html::Span>,
    frames_left: u32,
    then: impl FnOnce() + 'static,
) {
    request_animation_frame(move || {
        match marker.get_untracked() {
            Some(el) if el.is_connected() => then(),
            // Unmounted for good (the reader moved on) or never shown: nothing to do.
            _ if frames_left == 0 => {}
            _ => when_connected(marker, frames_left - 1, then),
        }
    });
}

/// How long a `#fragment` target may take to appear (parts of a page, such as an article's
/// references, render when their own data arrives): about a second at 60 frames a second.
const FRAGMENT_WAIT_FRAMES: u32 = 60;

fn focus_when_present(id: String, frames_left: u32) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&id));
    if el.is_some() || frames_left == 0 {
        focus(el, true);
    } else {
        request_animation_frame(move || focus_when_present(id, frames_left - 1));
    }
}

fn focus(target: Option<web_sys::Element>, scroll: bool) {
    if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        // Moving focus must not move the page: on Back the browser restores the reader's scroll
        // position, which a plain `focus()` on the heading would undo.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
        if scroll {
            el.scroll_into_view();
        }
    }
}
