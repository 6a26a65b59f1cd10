//! `/compare`: the interactive comparison (being built).

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;

#[component]
pub fn ComparePage() -> impl IntoView {
    view! {
        <section class="compare">
            <PageMeta title="Compare treatments"/>
            <h1 tabindex="-1">"Compare treatments"</h1>
            <p>"The side-by-side comparison is coming soon."</p>
        </section>
    }
}
