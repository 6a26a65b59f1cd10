//! The whole comparison view as a value, and its query-string form (see the table in the
//! module docs of `compare`).

use std::collections::BTreeSet;

use super::sort::{Sort, SortDir};
use super::Notice;
use crate::model::query::{encode, Params};
use crate::model::{Attribute, Group, Treatment};

/// Fewer than two treatments is not a comparison.
pub const MIN_TREATMENTS: usize = 2;
/// Beyond eight columns the table no longer fits a laptop screen readably.
pub const MAX_TREATMENTS: usize = 8;
/// Shown when the address names no treatments: the ones patients ask about most.
pub const DEFAULT_TREATMENTS: [&str; 5] = [
    "ketamine",
    "opioids",
    "nsaids",
    "gabapentinoids",
    "duloxetine",
];

/// Longest piece of the address quoted back in a notice, so a mangled link cannot fill the page.
const QUOTE_MAX: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareState {
    /// Chosen treatment ids in column order, no duplicates.
    pub treatments: Vec<String>,
    pub sort: Option<Sort>,
    /// Always one of `treatments`.
    pub baseline: Option<String>,
    pub only_differences: bool,
    pub hidden_groups: BTreeSet<Group>,
    pub view: View,
    pub collapsed_groups: BTreeSet<Group>,
    /// Every treatment of the catalogue (`all=1`), in catalogue order and without the
    /// [`MAX_TREATMENTS`] cap: the "see everything" view, and what the benchmark sorts.
    pub all: bool,
}

impl CompareState {
    /// These treatments with every other setting at its default.
    pub fn new(treatments: Vec<String>) -> Self {
        CompareState {
            treatments,
            sort: None,
            baseline: None,
            only_differences: false,
            hidden_groups: BTreeSet::new(),
            view: View::Columns,
            collapsed_groups: BTreeSet::new(),
            all: false,
        }
    }
}

/// Table orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// One column per treatment, one row per attribute.
    #[default]
    Columns,
    /// One row per treatment, one column per attribute; the sortable layout.
    Rows,
}

impl View {
    pub fn id(self) -> &'static str {
        match self {
            View::Columns => "columns",
            View::Rows => "rows",
        }
    }
}

/// [`parse`] against a catalogue: its treatments' and attributes' ids are the known ones.
pub fn parse_for(
    query: &str,
    treatments: &[Treatment],
    attributes: &[Attribute],
) -> (CompareState, Vec<Notice>) {
    let t: Vec<&str> = treatments.iter().map(|t| t.id.as_str()).collect();
    let a: Vec<&str> = attributes.iter().map(|a| a.id.as_str()).collect();
    parse(query, &t, &a)
}

/// Reads the view from a query string. Never fails: everything unusable is dropped and
/// explained in a [`Notice`]; unknown keys are ignored silently (they may belong to analytics or
/// to a later version of the page). Ids match known ids ignoring ASCII case.
pub fn parse(
    query: &str,
    known_treatments: &[&str],
    known_attributes: &[&str],
) -> (CompareState, Vec<Notice>) {
    let params = Params::new(query);
    let mut notices = Vec::new();
    let all = matches!(params.get("all"), Some("1") | Some("true"))
        && known_treatments.len() >= MIN_TREATMENTS;
    let treatments = if all {
        known_treatments.iter().map(|id| id.to_string()).collect()
    } else {
        parse_treatments(params.get("t"), known_treatments, &mut notices)
    };
    let mut state = CompareState::new(treatments);
    state.all = all;

    if let Some(value) = nonempty(params.get("sort")) {
        state.sort = parse_sort(value, known_attributes, &mut notices);
    }
    if let Some(value) = nonempty(params.get("base")) {
        let chosen: Vec<&str> = state.treatments.iter().map(String::as_str).collect();
        match find_known(value, &chosen) {
            Some(id) => state.baseline = Some(id.to_string()),
            None => notices.push(Notice::new(format!(
                "The baseline {} is not one of the chosen treatments, so no baseline is used.",
                quote(value)
            ))),
        }
    }
    match nonempty(params.get("diff")) {
        None | Some("0") | Some("false") => {}
        Some("1") | Some("true") => state.only_differences = true,
        Some(other) => notices.push(Notice::new(format!(
            "The setting diff={} was not understood, so all rows are shown.",
            quote(other)
        ))),
    }
    if let Some(value) = params.get("hide") {
        state.hidden_groups = parse_groups(value, &mut notices);
    }
    match nonempty(params.get("view")) {
        None | Some("columns") => {}
        Some("rows") => state.view = View::Rows,
        Some(other) => notices.push(Notice::new(format!(
            "The layout {} was not understood, so treatments are shown as columns.",
            quote(other)
        ))),
    }
    if let Some(value) = params.get("open") {
        let open = parse_groups(value, &mut notices);
        // Only misspelt ids: collapsing every group over a typo would hide the whole table.
        let only_unknown = open.is_empty() && items(value).next().is_some();
        if !only_unknown {
            state.collapsed_groups = Group::ALL
                .into_iter()
                .filter(|g| !open.contains(g))
                .collect();
        }
    }
    (state, notices)
}

/// The canonical query string (no leading `?`): keys in a fixed order, defaults left out.
pub fn format(state: &CompareState) -> String {
    let mut parts = Vec::new();
    if state.all {
        parts.push("all=1".to_string());
    } else if !state.treatments.is_empty() {
        parts.push(format!("t={}", join(state.treatments.iter())));
    }
    if let Some(sort) = &state.sort {
        parts.push(format!(
            "sort={}-{}",
            encode(&sort.attribute),
            sort.dir.id()
        ));
    }
    if let Some(baseline) = &state.baseline {
        parts.push(format!("base={}", encode(baseline)));
    }
    if state.only_differences {
        parts.push("diff=1".to_string());
    }
    if !state.hidden_groups.is_empty() {
        parts.push(format!(
            "hide={}",
            join(state.hidden_groups.iter().map(|g| g.id()))
        ));
    }
    if state.view != View::Columns {
        parts.push(format!("view={}", state.view.id()));
    }
    if !state.collapsed_groups.is_empty() {
        let open = Group::ALL
            .into_iter()
            .filter(|g| !state.collapsed_groups.contains(g));
        parts.push(format!("open={}", join(open.map(Group::id))));
    }
    parts.join("&")
}

fn parse_treatments(value: Option<&str>, known: &[&str], notices: &mut Vec<Notice>) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    let mut named_any = false;
    for item in items(value.unwrap_or_default()) {
        named_any = true;
        let Some(id) = find_known(item, known) else {
            notices.push(Notice::new(format!(
                "Unknown treatment {} was left out.",
                quote(item)
            )));
            continue;
        };
        if chosen.iter().any(|c| c == id) {
            notices.push(Notice::new(format!(
                "{} was listed twice; the repeat was left out.",
                quote(id)
            )));
        } else if chosen.len() >= MAX_TREATMENTS {
            notices.push(Notice::new(format!(
                "At most {MAX_TREATMENTS} treatments can be compared at once, so {} was left out.",
                quote(id)
            )));
        } else {
            chosen.push(id.to_string());
        }
    }
    if chosen.len() >= MIN_TREATMENTS {
        return chosen;
    }
    if named_any {
        notices.push(Notice::new(
            "At least 2 treatments are needed for a comparison, so the usual selection is shown.",
        ));
    }
    DEFAULT_TREATMENTS
        .iter()
        .filter_map(|id| find_known(id, known))
        .map(str::to_string)
        .collect()
}

/// Splits on the last hyphen: attribute ids contain hyphens, directions do not.
fn parse_sort(value: &str, known: &[&str], notices: &mut Vec<Notice>) -> Option<Sort> {
    let parsed = value.rsplit_once('-').and_then(|(attribute, dir)| {
        let dir = match dir.to_ascii_lowercase().as_str() {
            "asc" => SortDir::Asc,
            "desc" => SortDir::Desc,
            _ => return None,
        };
        Some((attribute, dir))
    });
    let Some((attribute, dir)) = parsed else {
        notices.push(Notice::new(format!(
            "The sort order {} was not understood, so the table is not sorted.",
            quote(value)
        )));
        return None;
    };
    let Some(attribute) = find_known(attribute, known) else {
        notices.push(Notice::new(format!(
            "There is no column {} to sort by, so the table is not sorted.",
            quote(attribute)
        )));
        return None;
    };
    Some(Sort {
        attribute: attribute.to_string(),
        dir,
    })
}

fn parse_groups(value: &str, notices: &mut Vec<Notice>) -> BTreeSet<Group> {
    let mut groups = BTreeSet::new();
    for item in items(value) {
        match Group::from_id(&item.to_ascii_lowercase()) {
            Some(group) => {
                groups.insert(group);
            }
            None => notices.push(Notice::new(format!(
                "Unknown section {} was left out.",
                quote(item)
            ))),
        }
    }
    groups
}

/// Comma-separated items, trimmed, empty ones skipped (a trailing comma is harmless).
fn items(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn nonempty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The known spelling of `id`: exact match first, then ignoring ASCII case.
fn find_known<'k>(id: &str, known: &[&'k str]) -> Option<&'k str> {
    let id = id.trim();
    known
        .iter()
        .find(|k| **k == id)
        .or_else(|| known.iter().find(|k| k.eq_ignore_ascii_case(id)))
        .copied()
}

fn join<S: AsRef<str>>(ids: impl Iterator<Item = S>) -> String {
    ids.map(|id| encode(id.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_MAX {
        format!("\"{text}\"")
    } else {
        let cut: String = text.chars().take(QUOTE_MAX).collect();
        format!("\"{cut}…\"")
    }
}
