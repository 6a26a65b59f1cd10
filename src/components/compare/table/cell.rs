//! One value of the table: its words, its scale, the baseline mark and the details button.

use leptos::prelude::*;

use crate::components::compare::{cell_button_id, OpenCell};
use crate::model::compare::{display_value, judge, level_position, Judgement};
use crate::model::{Attribute, Treatment};

/// The small visual scale of an ordinal value (the words beside it carry the same meaning).
pub fn scale(attr: &Attribute, value: Option<&crate::model::Cell>) -> Option<impl IntoView> {
    level_position(attr, value).map(|(pos, count)| {
        let dots = (0..count)
            .map(|i| view! { <span class=if i <= pos { "cmp-scale__dot is-on" } else { "cmp-scale__dot" }></span> })
            .collect_view();
        view! { <span class="cmp-scale" aria-hidden="true">{dots}</span> }
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
    let missing = value.and_then(|c| c.value.as_ref()).is_none();
    view! {
        <button
            type="button"
            id=cell_button_id(&treatment.id, &attr.id)
            class=if missing { "cmp-cell cmp-cell--missing" } else { "cmp-cell" }
            aria-expanded=expanded
            aria-controls="cmp-details"
            on:click=move |_| {
                let key = key.clone();
                open.update(|o| *o = if o.as_ref() == Some(&key) { None } else { Some(key) });
            }
        >
            {scale}
            <span class="cmp-cell__text">{text}</span>
            {judgement}
        </button>
    }
}
