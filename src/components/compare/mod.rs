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
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::base::href;
use crate::model::compare::{format, CompareState};
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

    pub fn attribute(&self, id: &str) -> Option<&Attribute> {
        self.attributes.get(id)
    }

    /// These treatment ids resolved, in their order; unknown ids are skipped.
    pub fn resolve(&self, ids: &[String]) -> Vec<&Treatment> {
        ids.iter().filter_map(|id| self.treatment(id)).collect()
    }
}

/// The URL of a comparison view, under the app's base.
pub fn compare_url(state: &CompareState) -> String {
    href(&format!("/compare?{}", format(state)))
}

/// Writes a new state to the address bar. Each call is one history entry: controls call it for
/// changes a reader would want Back to undo (picking, sorting, toggles), never per keystroke.
pub fn use_set_state() -> impl Fn(CompareState) + Clone + 'static {
    let navigate = use_navigate();
    move |state: CompareState| {
        navigate(
            &compare_url(&state),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    }
}

/// Whether the rows view must draw every row even when it is long: set while printing, since
/// paper has no scroll position. The page provides it; the print button and the window's
/// `beforeprint`/`afterprint` events set it.
#[derive(Clone, Copy)]
pub struct FullTable(pub RwSignal<bool>);

/// Which cell's details are open: (treatment id, attribute id).
pub type OpenCell = RwSignal<Option<(String, String)>>;

/// The DOM id of a cell's button, so focus can return to it.
pub fn cell_button_id(treatment: &str, attribute: &str) -> String {
    format!("cell-{treatment}--{attribute}")
}
