//! One crate, two bundles (docs/performance.md, "Two bundles"):
//! - `pathways`, the reading app: the home page, articles, glossary and about page;
//! - `pathways-full`, the whole app, which the catalogue's pages load: the comparison and the
//!   treatment pages ([`is_full_route`]).
//!
//! The catalogue's code is about a fifth of the app, so a reader who only reads never
//! downloads it. Moving between the two bundles is a page load, which the prerendered pages
//! make quick: the reading app answers a catalogue address by loading that page's file
//! ([`hand_over`]), and the full app then shows the clean address again ([`clean_path`]).

/// Is `path` (below the site's base: `/compare`, `/treatments/x`) one of the pages that the
/// full bundle shows? The prerenderer gives these pages its loader.
pub fn is_full_route(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    match path.strip_prefix("/treatments") {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('/')
            .is_some_and(|id| !id.is_empty() && !id.contains('/')),
        None => path == "/compare",
    }
}

/// What the reading app does at a catalogue address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandOver {
    /// Load this address: the page's own file, which every static host serves as it is.
    Load(String),
    /// The host has no file for this page (it answered the file's address with its fallback
    /// page): show "not found" for the clean address given.
    Missing(String),
}

/// Where the reading app goes from `pathname` (the full path, base included; `search` and
/// `hash` as the browser gives them, with `?` and `#`).
///
/// Asking for the file (`/treatments/x.html`) rather than the clean address means a host that
/// answers unknown addresses with `index.html` cannot send the reader round in a loop: if the
/// file is missing too, the reading app is loaded at a `.html` address and says so.
pub fn hand_over(pathname: &str, search: &str, hash: &str) -> HandOver {
    match pathname.strip_suffix(".html") {
        Some(clean) => HandOver::Missing(clean.to_owned()),
        None => HandOver::Load(format!(
            "{}.html{search}{hash}",
            pathname.trim_end_matches('/')
        )),
    }
}

/// Is `pathname` (the full path) a catalogue page of the site under `router_base` (`""` or
/// `/sub`)? The reading app leaves links there to the browser.
pub fn leaves_reading_app(router_base: &str, pathname: &str) -> bool {
    pathname
        .strip_prefix(router_base)
        .is_some_and(|below| below.starts_with('/') && is_full_route(below))
}

/// The clean address of a catalogue page that the browser shows by its file name:
/// `/sub/compare.html` becomes `/sub/compare` (`router_base` is `""` or `/sub`). `None` for
/// any other path.
pub fn clean_path(router_base: &str, pathname: &str) -> Option<String> {
    let clean = pathname.strip_suffix(".html")?;
    leaves_reading_app(router_base, clean).then(|| clean.to_owned())
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;

    /// The browser's address: path, query and fragment.
    fn here() -> Option<(String, String, String)> {
        let location = web_sys::window()?.location();
        Some((
            location.pathname().ok()?,
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default(),
        ))
    }

    /// In the reading app, a click on a link into the catalogue is left to the browser: its
    /// usual page load, during which the current page stays on screen, rather than the
    /// router's in-app navigation to the hand-over page. A listener on the window in the
    /// capture phase runs before the router's, which listens to the same clicks as they bubble.
    pub fn leave_catalogue_links_to_the_browser() {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;

        let Some(window) = web_sys::window() else {
            return;
        };
        let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            let anchor = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let Some(url) = anchor.and_then(|a| web_sys::Url::new(&a.href()).ok()) else {
                return;
            };
            let here = web_sys::window().and_then(|w| w.location().origin().ok());
            if here.as_deref() == Some(url.origin().as_str())
                && leaves_reading_app(&crate::base::router_base(), &url.pathname())
            {
                event.stop_propagation();
            }
        });
        let _ = window.add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        on_click.forget();
    }

    /// Loads `target` in place of the current entry, so Back skips the hand-over.
    pub fn open(target: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(target);
        }
    }

    /// Shows `address` without loading anything.
    pub fn show_address(address: &str) {
        if let Some(Ok(history)) = web_sys::window().map(|w| w.history()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address));
        }
    }

    /// The full app, loaded as `compare.html`: shows `/compare` before the router reads the
    /// address, so shared links stay clean.
    pub fn clean_address() {
        let Some((path, search, hash)) = here() else {
            return;
        };
        if let Some(clean) = clean_path(&crate::base::router_base(), &path) {
            show_address(&format!("{clean}{search}{hash}"));
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_pages_belong_to_the_full_bundle() {
        for path in [
            "/compare",
            "/treatments",
            "/treatments/",
            "/treatments/ketamine",
        ] {
            assert!(is_full_route(path), "{path}");
        }
        for path in [
            "/",
            "/articles/x",
            "/glossary",
            "/about",
            "/treatmentsx",
            "/treatments/a/b",
            "/compare/x",
            "/404",
        ] {
            assert!(!is_full_route(path), "{path}");
        }
    }

    #[test]
    fn a_catalogue_address_loads_its_file_with_query_and_fragment() {
        assert_eq!(
            hand_over("/compare", "?t=a,b", "#table"),
            HandOver::Load("/compare.html?t=a,b#table".into())
        );
        assert_eq!(
            hand_over("/pathways/treatments/", "", ""),
            HandOver::Load("/pathways/treatments.html".into())
        );
        assert_eq!(
            hand_over("/treatments/ketamine", "", ""),
            HandOver::Load("/treatments/ketamine.html".into())
        );
    }

    #[test]
    fn a_missing_file_is_not_asked_for_again() {
        assert_eq!(
            hand_over("/treatments/nope.html", "", ""),
            HandOver::Missing("/treatments/nope".into())
        );
    }

    #[test]
    fn only_links_into_the_catalogue_leave_the_reading_app() {
        assert!(leaves_reading_app("", "/compare"));
        assert!(leaves_reading_app(
            "/pathways",
            "/pathways/treatments/ketamine"
        ));
        assert!(!leaves_reading_app("/pathways", "/treatments/ketamine"));
        assert!(!leaves_reading_app("/pathways", "/pathwaystreatments"));
        assert!(!leaves_reading_app("", "/articles/x"));
        assert!(!leaves_reading_app("", "/"));
    }

    #[test]
    fn only_catalogue_files_get_a_clean_address() {
        assert_eq!(clean_path("", "/compare.html").as_deref(), Some("/compare"));
        assert_eq!(
            clean_path("/pathways", "/pathways/treatments/ketamine.html").as_deref(),
            Some("/pathways/treatments/ketamine")
        );
        assert_eq!(clean_path("", "/compare"), None);
        assert_eq!(clean_path("", "/index.html"), None);
        assert_eq!(clean_path("", "/articles/x.html"), None);
        assert_eq!(clean_path("/pathways", "/compare.html"), None);
    }
}
