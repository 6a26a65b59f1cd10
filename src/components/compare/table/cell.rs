//! One value of the table: its words, its scale, the baseline mark and the details button.

use leptos::prelude::*;

use crate::components::compare::{cell_button_id, OpenCell};
use crate::model::compare::{
    cell_state, display_value, editorial_basis, judge, scale_position, Judgement,
};
use crate::model::{Attribute, Cell, CellState, Treatment};

/// The small visual scale of an ordinal value with a stated direction: one filled dot at the
/// better end, all filled at the worse end (the legend says so; the words beside it carry the
/// same meaning).
pub fn scale(attr: &Attribute, value: Option<&Cell>) -> Option<impl IntoView> {
    scale_position(attr, value).map(|(steps, count)| {
        let dots = (0..count)
            .map(|i| view! { <span class=if i <= steps { "cmp-scale__dot is-on" } else { "cmp-scale__dot" }></span> })
            .collect_view();
        view! { <span class="cmp-scale" aria-hidden="true">{dots}</span> }
    })
}

/// The class of a value's words for its state: values plain, the three kinds of "no value"
/// each with their own look, so "not yet reviewed" reads as neutral and never as a finding.
/// Shared by the table, embedded comparisons and the treatment page.
pub fn value_class(state: CellState) -> &'static str {
    match state {
        CellState::Established => "cmp-value",
        CellState::NotEstablished => "cmp-value cmp-value--not-established",
        CellState::DoesNotApply => "cmp-value cmp-value--does-not-apply",
        CellState::NotReviewed => "cmp-value cmp-value--not-reviewed",
    }
}

/// The mark after a value that is the editors' judgement; the legend explains it and the cell
/// details give the basis.
pub fn editorial_mark(attr: &Attribute, value: Option<&Cell>) -> Option<impl IntoView> {
    editorial_basis(attr, value).map(|_| {
        view! {
            <span class="cmp-editorial">
                <span aria-hidden="true">"†"</span>
                <span class="visually-hidden">" (editors' judgement)"</span>
            </span>
        }
    })
}

/// One value: text, a small scale for ordinal values, the baseline mark, and a button that
/// opens the cell's explanation.
pub(super) fn cell(
    treatment: &Treatment,
    attr: &Attribute,
    baseline: Option<&Treatment>,
    open: OpenCell,
) -> impl IntoView {
    let value = treatment.values.get(&attr.id);
    let text = display_value(attr, value);
    let scale = scale(attr, value);
    let editorial = editorial_mark(attr, value);
    let judgement = baseline
        .filter(|b| b.id != treatment.id)
        .and_then(|b| judge(attr, b.values.get(&attr.id), value))
        .map(|j| {
            let (class, symbol) = match j {
                Judgement::Better => ("cmp-mark cmp-mark--better", "▲"),
                Judgement::Worse => ("cmp-mark cmp-mark--worse", "▼"),
                Judgement::Same => ("cmp-mark cmp-mark--same", "="),
            };
            view! {
                <span class=class>
                    <span aria-hidden="true">{symbol}</span>
                    <span class="cmp-mark__text">{j.label()}</span>
                </span>
            }
        });
    let key = (treatment.id.clone(), attr.id.clone());
    let expanded = {
        let key = key.clone();
        move || open.with(|o| o.as_ref() == Some(&key)).to_string()
    };
    view! {
        <button
            type="button"
            id=cell_button_id(&treatment.id, &attr.id)
            class="cmp-cell"
            aria-expanded=expanded
            aria-controls="cmp-details"
            on:click=move |_| {
                let key = key.clone();
                open.update(|o| *o = if o.as_ref() == Some(&key) { None } else { Some(key) });
            }
        >
            {scale}
            <span class=value_class(cell_state(attr, value))>{text}{editorial}</span>
            {judgement}
        </button>
    }
}
