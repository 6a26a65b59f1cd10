//! Every change a control makes to the comparison view, as a method on [`CompareState`], so the
//! rules (the maximum, the baseline staying one of the chosen) live here and are tested natively.
//! Each method changes `self` in place; the page then writes [`super::format`] of it to the
//! address.

use super::sort::next_sort;
use super::state::{CompareState, View, DEFAULT_TREATMENTS, MAX_TREATMENTS, MIN_TREATMENTS};
use crate::model::Group;

impl CompareState {
    /// Hides a shown group, shows a hidden one (the "Show groups" checkboxes).
    pub fn toggle_hidden(&mut self, group: Group) {
        if !self.hidden_groups.remove(&group) {
            self.hidden_groups.insert(group);
        }
    }

    /// Folds an expanded group, unfolds a collapsed one (the group heading's button).
    pub fn toggle_collapsed(&mut self, group: Group) {
        if !self.collapsed_groups.remove(&group) {
            self.collapsed_groups.insert(group);
        }
    }

    /// Every treatment of the catalogue. The baseline is cleared: in a table of hundreds of
    /// rows a mark against one of them is lost.
    pub fn show_all(&mut self) {
        self.all = true;
        self.baseline = None;
    }

    /// Back from "all" to the usual selection ([`DEFAULT_TREATMENTS`] that `known` holds).
    pub fn show_default(&mut self, known: impl Fn(&str) -> bool) {
        self.all = false;
        self.treatments = DEFAULT_TREATMENTS
            .iter()
            .filter(|id| known(id))
            .map(|id| id.to_string())
            .collect();
        self.baseline = None;
    }

    /// Whether [`CompareState::add`] would take another treatment.
    pub fn can_add(&self) -> bool {
        !self.all && self.treatments.len() < MAX_TREATMENTS
    }

    /// Adds `id` as the last column. Stops at [`MAX_TREATMENTS`], ignores a treatment already
    /// chosen, and does nothing while every treatment is shown. Returns whether it changed.
    pub fn add(&mut self, id: &str) -> bool {
        if !self.can_add() || self.treatments.iter().any(|t| t == id) {
            return false;
        }
        self.treatments.push(id.to_string());
        true
    }

    /// Whether [`CompareState::remove`] would take a treatment away.
    pub fn can_remove(&self) -> bool {
        !self.all && self.treatments.len() > MIN_TREATMENTS
    }

    /// Removes `id`, never below [`MIN_TREATMENTS`]. Removing the baseline clears the baseline,
    /// which must always be one of the chosen. Returns whether it changed.
    pub fn remove(&mut self, id: &str) -> bool {
        if !self.can_remove() || !self.treatments.iter().any(|t| t == id) {
            return false;
        }
        self.treatments.retain(|t| t != id);
        if self.baseline.as_deref() == Some(id) {
            self.baseline = None;
        }
        true
    }

    /// Sets the baseline to one of the chosen treatments, or none (`None`, or an id that is not
    /// chosen: a baseline outside the table would mark cells against nothing on screen).
    pub fn set_baseline(&mut self, id: Option<&str>) {
        self.baseline = id
            .filter(|id| self.treatments.iter().any(|t| t == id))
            .map(str::to_string);
    }

    /// The next sort after a click on `attribute`'s header ([`next_sort`]).
    pub fn sort_by(&mut self, attribute: &str) {
        self.sort = next_sort(self.sort.as_ref(), attribute);
    }

    /// Treatments as rows, or back to columns.
    pub fn toggle_view(&mut self) {
        self.view = match self.view {
            View::Rows => View::Columns,
            View::Columns => View::Rows,
        };
    }

    pub fn toggle_only_differences(&mut self) {
        self.only_differences = !self.only_differences;
    }
}
