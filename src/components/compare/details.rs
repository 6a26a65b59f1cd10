//! The explanation and sources of the open cell.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::table::value_class;
use super::{focus_cell, CompareData, OpenCell};
use crate::model::compare::{cell_state, display_value, editorial_basis};
use crate::model::{Attribute, Cell, CellState};

#[component]
pub fn CellDetails(
    data: CompareData,
    open: OpenCell,
    #[prop(into)] citations: Signal<Vec<String>>,
) -> impl IntoView {
    let location = use_location();
    let close = move || {
        if let Some((t, a)) = open.get_untracked() {
            open.set(None);
            focus_cell(&t, &a);
        }
    };
    view! {
        <section id="cmp-details" class="cmp-details" aria-live="polite" aria-label="Cell details">
            {move || {
                let (t, a) = open.get()?;
                let treatment = data.treatment(&t)?.clone();
                let attr = data.attribute(&a)?.clone();
                let cell = treatment.values.get(&a).cloned();
                let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
                let sources = cell
                    .as_ref()
                    .map(|c| c.refs.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|r| {
                        let n = citations.with(|c| c.iter().position(|x| x == &r))? + 1;
                        let citation = data.references.get(&r)?.citation.clone();
                        Some(view! {
                            <li>
                                <a href=format!("{here}#ref-{r}") aria-label=format!("Reference {n}")>{format!("[{n}]")}</a>
                                " "{citation}
                            </li>
                        })
                    })
                    .collect_view();
                let state = cell_state(&attr, cell.as_ref());
                Some(view! {
                    <div class="cmp-details__panel">
                        <h2 class="cmp-details__title">{format!("{} — {}", treatment.name, attr.label)}</h2>
                        <p class="cmp-details__value"><span class=value_class(state)>{display_value(&attr, cell.as_ref())}</span></p>
                        {state_explanation(&attr, cell.as_ref()).map(|text| view! { <p class="cmp-details__state">{text}</p> })}
                        <p>{cell.as_ref().map(|c| c.note.clone())}</p>
                        <p class="cmp-details__about">{attr.description.clone()}</p>
                        <ul class="cmp-details__sources">{sources}</ul>
                        <button type="button" class="button button--quiet" on:click=move |_| close()>"Close details"</button>
                    </div>
                })
            }}
        </section>
    }
}

/// What a cell's state means, in a sentence, when it is more than a plain sourced value: the
/// editors' basis for a judgement, or why there is no value. Shared with the treatment page.
pub fn state_explanation(attr: &Attribute, cell: Option<&Cell>) -> Option<String> {
    if let Some(basis) = editorial_basis(attr, cell) {
        return Some(format!(
            "The editors' judgement, not a source's own words. Basis: {basis}"
        ));
    }
    match cell_state(attr, cell) {
        CellState::Established => None,
        CellState::NotEstablished => {
            Some("The sources below say the evidence does not settle this.".to_string())
        }
        CellState::DoesNotApply => Some("This does not apply to this treatment.".to_string()),
        CellState::NotReviewed => Some(
            "Pathways has not yet checked this against a source. It is not a finding: it is \
             never sorted or marked better or worse."
                .to_string(),
        ),
    }
}
