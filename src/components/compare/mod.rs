//! The comparison tool's views. Every rule lives in `model::compare`; these files wire signals
//! to it.

pub mod actions;
pub mod details;
pub mod diagram;
pub mod legend;
pub mod picker;
pub mod table;
pub mod toolbar;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::base::href;
use crate::model::compare::{format, CompareState};
use crate::model::ids::find_in_order;
use crate::model::{Attribute, Attributes, References, Treatment, Treatments};

/// The catalogue the comparison draws from.
#[derive(Clone)]
pub struct CompareData {
    pub treatments: Arc<Treatments>,
    pub attributes: Arc<Attributes>,
    pub references: Arc<References>,
}

impl CompareData {
    pub fn treatment(&self, id: &str) -> Option<&Treatment> {
        self.treatments.get(id)
    }

    /// The place of treatment `id` in the catalogue.
    pub fn treatment_index(&self, id: &str) -> Option<usize> {
        self.treatments.treatments.iter().position(|t| t.id == id)
    }

    pub fn attribute(&self, id: &str) -> Option<&Attribute> {
        self.attributes.get(id)
    }

    /// These treatment ids resolved, in their order; unknown ids are skipped.
    pub fn resolve(&self, ids: &[String]) -> Vec<&Treatment> {
        find_in_order(ids, &self.treatments.treatments, |t| &t.id)
    }
}

/// The URL of a comparison view, under the app's base.
pub fn compare_url(state: &CompareState) -> String {
    href(&format!("/compare?{}", format(state)))
}

/// A change the comparison shows before the address bar has it: the query string it was made
/// from, and the new state. The page provides it and reads the state from it while the address
/// is still the one the change was made from (see [`use_set_state`]).
#[derive(Clone, Copy)]
pub struct PendingState(pub RwSignal<Option<(String, CompareState)>>);

/// Writes a new state to the address bar. Each call is one history entry: controls call it for
/// changes a reader would want Back to undo (picking, sorting, toggles), never per keystroke.
///
/// On the comparison page the new state is shown first and written to the address once the
/// frame that shows it is drawn ([`PendingState`]): the router's navigation (parsing the
/// address, the history entry) took about 3 ms of a sort, 7–9 ms on the first one, and the
/// reader waits for the table, not for the address bar.
pub fn use_set_state() -> impl Fn(CompareState) + Clone + 'static {
    let navigate = use_navigate();
    let pending = use_context::<PendingState>();
    let location = use_location();
    move |state: CompareState| {
        let url = compare_url(&state);
        let navigate = navigate.clone();
        let go = move || {
            navigate(
                &url,
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            )
        };
        match pending {
            Some(PendingState(pending)) => {
                pending.set(Some((location.search.get_untracked(), state)));
                // After the next frame, which shows the change. Once the address has it, the
                // page reads the state from the address again (Back to the old address must
                // show the old state).
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            go();
                            pending.set(None);
                        },
                        std::time::Duration::ZERO,
                    )
                });
            }
            None => go(),
        }
    }
}

/// Whether the rows view must draw every row even when it is long: set while printing, since
/// paper has no scroll position. The page provides it; the print button and the window's
/// `beforeprint`/`afterprint` events set it.
#[derive(Clone, Copy)]
pub struct FullTable(pub RwSignal<bool>);

/// Which cell's details are open: (treatment id, attribute id).
pub type OpenCell = RwSignal<Option<(String, String)>>;

/// The CSS selector of a cell's button. A cell carries its attribute's id, and its row (or, in
/// the columns layout, its `<td>`) the treatment's: a long table rewrites hundreds of cells on
/// a sort, and every attribute a cell does not carry is work saved.
pub fn cell_selector(treatment: &str, attribute: &str) -> String {
    format!(
        ".cmp-table [data-treatment={}] button.cmp-cell[data-attribute={}]",
        css_string(treatment),
        css_string(attribute)
    )
}

/// `text` as a quoted CSS string, safe in a selector whatever the text holds.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // Line breaks cannot stand in a CSS string; their escape ends with a space.
            '\n' => out.push_str("\\a "),
            '\r' => out.push_str("\\d "),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The button of a cell, if it is drawn.
pub fn cell_button(treatment: &str, attribute: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .query_selector(&cell_selector(treatment, attribute))
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves focus back to a cell's button, when its details close.
pub fn focus_cell(treatment: &str, attribute: &str) {
    if let Some(button) = cell_button(treatment, attribute) {
        let _ = button.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_found_by_its_treatment_and_attribute() {
        assert_eq!(
            cell_selector("ketamine", "onset"),
            r#".cmp-table [data-treatment="ketamine"] button.cmp-cell[data-attribute="onset"]"#
        );
    }

    #[test]
    fn quotes_backslashes_and_line_breaks_cannot_end_the_selector_string() {
        assert_eq!(css_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(css_string("a\nb\rc"), r#""a\a b\d c""#);
        assert_eq!(css_string(""), r#""""#);
    }
}
