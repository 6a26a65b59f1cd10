//! The app shell: skip link, header with navigation, footer with the disclaimer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to content"</a> }
}

#[component]
pub fn Header() -> impl IntoView {
    // `A` sets `aria-current="page"` on the link of the current route.
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="site-header__brand">"Pathways"</A>
            <nav class="site-header__nav" aria-label="Main">
                <A href=href("/") exact=true>"Articles"</A>
                <A href=href("/treatments")>"Treatments"</A>
                <A href=href("/compare")>"Compare"</A>
                <A href=href("/glossary")>"Glossary"</A>
                <A href=href("/about")>"About"</A>
            </nav>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__notice">
                <strong>"Educational information, not medical advice. "</strong>
                "Pathways explains what published evidence says about chronic-pain treatments. "
                "It cannot tell you what is right for you: talk to your doctor, nurse or pharmacist "
                "before starting, stopping or changing any treatment."
            </p>
        </footer>
    }
}
