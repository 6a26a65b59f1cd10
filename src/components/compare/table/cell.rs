//! One value of the table: its words, its scale, the baseline mark and the details button.

use leptos::prelude::*;

use crate::components::compare::{cell_button, OpenCell};
use crate::model::compare::{editorial_basis, scale_position, CellFace, Judgement};
use crate::model::{Attribute, Cell, CellState, Treatment};

/// The small visual scale of an ordinal value with a stated direction: one filled dot at the
/// better end, all filled at the worse end (the legend says so; the words beside it carry the
/// same meaning). The dots are characters, two runs of them, rather than an element each: a
/// long table makes hundreds of cells at a time, and the dots were a third of its elements.
/// Being text, they also stay visible in forced-colours modes, which drop backgrounds. The
/// filled run's `<span>` has no class of its own (the style finds it as the scale's child).
pub fn scale(attr: &Attribute, value: Option<&Cell>) -> Option<impl IntoView> {
    scale_position(attr, value).map(|(steps, count)| scale_view((steps + 1).min(count), count))
}

/// A scale of `count` dots, `on` of them filled.
fn scale_view(on: usize, count: usize) -> impl IntoView {
    view! {
        <span class="cmp-scale" aria-hidden="true">
            <span>{"●".repeat(on)}</span>
            {"○".repeat(count.saturating_sub(on))}
        </span>
    }
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
    editorial_basis(attr, value).map(|_| editorial_view())
}

fn editorial_view() -> impl IntoView {
    view! {
        <span class="cmp-editorial">
            <span aria-hidden="true">"†"</span>
            <span class="visually-hidden">" (editors' judgement)"</span>
        </span>
    }
}

/// The class and symbol of a mark against the baseline.
pub(super) fn mark_look(j: Judgement) -> (&'static str, &'static str) {
    match j {
        Judgement::Better => ("cmp-mark cmp-mark--better", "▲"),
        Judgement::Worse => ("cmp-mark cmp-mark--worse", "▼"),
        Judgement::Same => ("cmp-mark cmp-mark--same", "="),
    }
}

/// A value's mark against the baseline: a symbol for the eye and words for everyone.
fn judgement_view(j: Judgement) -> impl IntoView {
    let (class, symbol) = mark_look(j);
    view! {
        <span class=class>
            <span aria-hidden="true">{symbol}</span>
            <span class="cmp-mark__text">{j.label()}</span>
        </span>
    }
}

/// One value of the columns view: text, a small scale for ordinal values, the baseline mark,
/// and a button that opens the cell's explanation.
pub(super) fn cell(
    treatment: &Treatment,
    attr: &Attribute,
    baseline: Option<&Treatment>,
    open: OpenCell,
) -> impl IntoView {
    let face = CellFace::of(attr, treatment, baseline);
    // No listener and no reactive attribute per cell: the table has one click listener for
    // every cell (`mod.rs`), which finds the cell by its `data-attribute` and its row's (or
    // `<td>`'s) `data-treatment`, and one effect that keeps `aria-expanded` in step. The rows
    // view draws the same markup by hand (`slot_cell.rs`), and every selector serves both.
    // No `id` or `type` either: the table is in no form, so a button does nothing but what its
    // listener does.
    let expanded = open
        .with_untracked(|o| {
            o.as_ref()
                .is_some_and(|(t, a)| *t == treatment.id && *a == attr.id)
        })
        .to_string();
    view! {
        <button
            class="cmp-cell"
            data-attribute=attr.id.clone()
            aria-expanded=expanded
            aria-controls="cmp-details"
        >
            {face.scale.map(|(on, count)| scale_view(on, count))}
            <span class=value_class(face.state)>{face.text}{face.editorial.then(editorial_view)}</span>
            {face.judgement.map(judgement_view)}
        </button>
    }
}

/// The cell whose button (or something inside it) `ev` happened on, a click or a focus: its
/// treatment (from the row, or the `<td>` in the columns layout) and attribute.
pub(super) fn event_cell(ev: &web_sys::Event) -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    cell_of(&ev.target()?.dyn_into::<web_sys::Element>().ok()?)
}

/// The cell `el` is (or is inside): its treatment and attribute.
pub(super) fn cell_of(el: &web_sys::Element) -> Option<(String, String)> {
    let button = el.closest("button.cmp-cell").ok()??;
    let treatment = button
        .closest("[data-treatment]")
        .ok()??
        .get_attribute("data-treatment")?;
    Some((treatment, button.get_attribute("data-attribute")?))
}

/// Keeps each cell button's `aria-expanded` in step with the open cell in the columns view:
/// the one that closed says `false`, the one that opened `true`. Cells drawn later read the
/// open cell when made. (The rows view's cells write their own: `slots.rs`.)
pub(super) fn sync_expanded(open: OpenCell) {
    Effect::new(move |previous: Option<Option<(String, String)>>| {
        let now = open.get();
        if let Some(Some((t, a))) = previous {
            set_expanded(&t, &a, false);
        }
        if let Some((t, a)) = &now {
            set_expanded(t, a, true);
        }
        now
    });
}

fn set_expanded(treatment: &str, attribute: &str, expanded: bool) {
    if let Some(button) = cell_button(treatment, attribute) {
        let _ = button.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
    }
}
