//! A glossary term inside article text: a button that discloses its definition.

use leptos::prelude::*;

use crate::model::Glossary;
use crate::store::{File, Load};

/// `term` is a glossary id; the definition comes from `glossary` when it has loaded.
#[component]
pub fn GlossaryTerm(
    text: String,
    term: String,
    glossary: File<Glossary>,
    popover_id: String,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    };
    let definition = move || match glossary.read() {
        Load::Loading => (String::new(), "Loading the definition…".to_owned()),
        Load::Ready(g) => match g.get(&term) {
            Some(t) => (t.term.clone(), t.definition.clone()),
            None => (
                String::new(),
                "No definition is available for this term.".to_owned(),
            ),
        },
        Load::Failed(_) => (
            String::new(),
            "The definition could not be loaded. Check your connection and try again later."
                .to_owned(),
        ),
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
                {move || {
                    let (name, body) = definition();
                    view! {
                        {(!name.is_empty()).then(|| view! { <strong class="term__name">{name}</strong>": " })}
                        {body}
                    }
                }}
                " "
                <button type="button" class="term__close" aria-label="Close definition" on:click=move |_| close()>
                    "×"
                </button>
            </span>
        </span>
    }
}
