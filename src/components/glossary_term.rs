//! A glossary term inside article text: a button that discloses its definition.

use leptos::prelude::*;

use crate::model::Term;

/// `definition` is `None` when the glossary has no such term (the validator prevents it; the
/// reader still sees the words).
#[component]
pub fn GlossaryTerm(text: String, term: Option<Term>, popover_id: String) -> impl IntoView {
    let Some(term) = term else {
        return view! { <span>{text}</span> }.into_any();
    };
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    };
    view! {
        <span
            class="term"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    close();
                }
            }
        >
            <button
                type="button"
                class="term__button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=popover_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {text}
            </button>
            <span id=popover_id role="note" class="term__popover" hidden=move || !open.get()>
                <strong class="term__name">{term.term.clone()}</strong>
                ": "
                {term.definition.clone()}
                " "
                <button type="button" class="term__close" aria-label="Close definition" on:click=move |_| close()>
                    "×"
                </button>
            </span>
        </span>
    }
    .into_any()
}
