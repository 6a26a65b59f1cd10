//! Pathways: evidence-based articles about chronic-pain treatments and an interactive
//! comparison of those treatments, as a client-side Leptos app served from static files.
//!
//! `model` and the pure modules beside it hold every rule and are tested natively;
//! `pages` and `components` are thin views over them. See `docs/architecture.md`.

pub mod api;
pub mod base;
pub mod components;
pub mod model;
pub mod pages;
pub mod store;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::layout::{Footer, Header, SkipLink};
use pages::about::AboutPage;
use pages::article::ArticlePage;
use pages::compare::ComparePage;
use pages::glossary::GlossaryPage;
use pages::home::Home;
use pages::not_found::NotFound;
use pages::treatments::{TreatmentPage, TreatmentsPage};
use store::ContentStore;

/// The whole app: the shell around the router.
#[component]
pub fn App() -> impl IntoView {
    ContentStore::provide();
    view! {
        <Router base=base::router_base()>
            <SkipLink/>
            <Header/>
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/articles/:slug") view=ArticlePage/>
                    <Route path=path!("/treatments") view=TreatmentsPage/>
                    <Route path=path!("/treatments/:id") view=TreatmentPage/>
                    <Route path=path!("/compare") view=ComparePage/>
                    <Route path=path!("/glossary") view=GlossaryPage/>
                    <Route path=path!("/about") view=AboutPage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
