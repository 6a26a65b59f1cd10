//! Pathways: evidence-based articles about chronic-pain treatments and an interactive
//! comparison of those treatments, as a client-side Leptos app served from static files.
//!
//! `model` and the pure modules beside it hold every rule and are tested natively;
//! `pages` and `components` are thin views over them. See `docs/architecture.md`.

pub mod api;
pub mod base;
pub mod components;
pub mod model;
pub mod offline;
pub mod pages;
pub mod split;
pub mod store;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::layout::{Footer, Header, SkipLink};
use components::offline::UpdateNotice;
use pages::about::AboutPage;
use pages::article::ArticlePage;
use pages::compare::ComparePage;
use pages::glossary::GlossaryPage;
use pages::hand_over::HandOverPage;
use pages::home::Home;
use pages::not_found::NotFound;
use pages::treatments::{TreatmentPage, TreatmentsPage};
use store::ContentStore;

/// Content files whose text is already known when the app starts, by path
/// (`content/index.json`): a prerendered page carries the files its first view needs, and the
/// prerenderer hands over the files on disk. Provide it above `App`. The store takes each file
/// out when a page first asks for it, so what is left afterwards is what the page did not use.
#[derive(Clone, Default)]
pub struct InitialFiles(
    pub std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, String>>>,
);

impl InitialFiles {
    pub fn new(files: std::collections::HashMap<String, String>) -> Self {
        InitialFiles(std::sync::Arc::new(std::sync::Mutex::new(files)))
    }

    /// The text of `path`, taken out (each file is decoded once).
    pub fn take(&self, path: &str) -> Option<String> {
        self.0.lock().ok()?.remove(path)
    }

    /// The paths not taken yet.
    pub fn remaining(&self) -> Vec<String> {
        self.0
            .lock()
            .map(|files| files.keys().cloned().collect())
            .unwrap_or_default()
    }
}

/// The whole app. The prerenderer renders every page with it, and the catalogue's pages load
/// it (the `pathways-full` bundle, see `split.rs`).
#[component]
pub fn App() -> impl IntoView {
    shell(ComparePage, TreatmentsPage, TreatmentPage)
}

/// The reading app, which every other page loads: the same shell, but the catalogue's pages
/// are handed over to the full bundle with a page load, so none of their code is linked.
#[component]
pub fn ReadingApp() -> impl IntoView {
    shell(HandOverPage, HandOverPage, HandOverPage)
}

/// The shell around the router, with what the catalogue's three routes show.
fn shell<C, L, T, CV, LV, TV>(compare: C, treatments: L, treatment: T) -> impl IntoView
where
    C: Fn() -> CV + Clone + Send + Sync + 'static,
    L: Fn() -> LV + Clone + Send + Sync + 'static,
    T: Fn() -> TV + Clone + Send + Sync + 'static,
    CV: IntoView + 'static,
    LV: IntoView + 'static,
    TV: IntoView + 'static,
{
    let known = use_context::<InitialFiles>().unwrap_or_default();
    ContentStore::provide_with(known);
    // `start` provides it in the browser; rendered natively, the page has its own.
    if use_context::<offline::Offline>().is_none() {
        provide_context(offline::Offline::new());
    }
    view! {
        <Router base=base::router_base()>
            <SkipLink/>
            <Header/>
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/articles/:slug") view=ArticlePage/>
                    <Route path=path!("/treatments") view=treatments/>
                    <Route path=path!("/treatments/:id") view=treatment/>
                    <Route path=path!("/compare") view=compare/>
                    <Route path=path!("/glossary") view=GlossaryPage/>
                    <Route path=path!("/about") view=AboutPage/>
                </Routes>
            </main>
            <Footer/>
            <UpdateNotice/>
        </Router>
    }
}

/// Where the app and the prerendered page meet: an element with this id holds the page.
pub const ROOT_ID: &str = "app";

/// Starts the reading app in the browser (the `pathways` bundle). See [`start_with`].
#[cfg(target_arch = "wasm32")]
pub fn start() {
    split::leave_catalogue_links_to_the_browser();
    start_with(|| view! { <ReadingApp/> });
}

/// Starts the whole app in the browser (the `pathways-full` bundle, which the catalogue's
/// pages load).
#[cfg(target_arch = "wasm32")]
pub fn start_full() {
    split::clean_address();
    start_with(|| view! { <App/> });
}

/// Mounts `app`. A prerendered page is taken over by a swap: the app renders its first view
/// off-screen from the data the page carries, then replaces the page's root in the same task,
/// so the reader sees no change and keeps their scroll position. Without a prerendered root (an
/// old or hand-made page) the app is simply added to the body.
#[cfg(target_arch = "wasm32")]
fn start_with<V: IntoView + 'static>(app: fn() -> V) {
    use wasm_bindgen::JsCast;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let known = embedded_files(&document);
    let offline = offline::Offline::new();
    offline.register();
    let Ok(host) = document.create_element("div") else {
        return;
    };
    host.set_id(ROOT_ID);
    host.set_class_name("app");
    let Ok(host) = host.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(InitialFiles::new(known));
        provide_context(offline);
        app()
    })
    .forget();
    match document.get_element_by_id(ROOT_ID) {
        Some(page) => {
            let _ = page.replace_with_with_node_1(&host);
        }
        None => {
            if let Some(body) = document.body() {
                let _ = body.append_child(&host);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn start_full() {}

/// The content files a prerendered page carries, as `<script type="application/json"
/// data-content="content/…">` elements (data, never run, so the CSP needs no exception).
#[cfg(target_arch = "wasm32")]
fn embedded_files(document: &web_sys::Document) -> std::collections::HashMap<String, String> {
    let mut files = std::collections::HashMap::new();
    let Ok(nodes) = document.query_selector_all("script[type='application/json'][data-content]")
    else {
        return files;
    };
    for i in 0..nodes.length() {
        let Some(el) = nodes
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        if let (Some(path), Some(text)) = (el.get_attribute("data-content"), el.text_content()) {
            files.insert(path, text);
        }
    }
    files
}
