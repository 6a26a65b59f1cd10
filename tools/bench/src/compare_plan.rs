//! What the comparison phase (`comparison.rs`) opens and what it expects: the address, the
//! real catalogue's sort, and why the app's large table could not be measured.

use std::path::Path;

use anyhow::bail;
use pathways::model::compare::{self, ordered_treatments};
use pathways::model::{Attributes, Treatment, Treatments};
use pathways_bench::large;

use crate::compare_probe::Probe;

/// The comparison the app shows for every treatment, one row each.
pub const COMPARE_ALL: &str = "/compare?all=1&view=rows";
/// Names handed to the sort check: more rows than a 900 px window shows at once.
pub const CHECKED_NAMES: usize = 40;

/// The sort of the real catalogue: the header clicked and the order that click must give.
pub struct SmallSort {
    pub label: String,
    pub sorted_names: Vec<String>,
}

/// Reads the build's own catalogue and picks the attribute whose sort moves the most rows
/// (the first such in file order), so the click changes what is on screen. The order is the
/// app's own: the state after the click (`CompareState::sort_by`) put in screen order by
/// `ordered_treatments`.
pub fn small_sort(dist: &Path) -> anyhow::Result<SmallSort> {
    let content = dist.join("content");
    let treatments: Treatments = crate::read_json(&content.join("treatments.json"))?;
    let attributes: Attributes = crate::read_json(&content.join("attributes.json"))?;
    let all: Vec<&Treatment> = treatments.treatments.iter().collect();
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
    let attribute_ids: Vec<&str> = attributes
        .attributes
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    let query = COMPARE_ALL.trim_start_matches("/compare");
    let (state, _) = compare::parse(query, &ids, &attribute_ids);
    let names = |state: &compare::CompareState| -> Vec<String> {
        ordered_treatments(state, &all, &attributes.attributes)
            .into_iter()
            .map(|t| t.name.clone())
            .collect()
    };
    let unsorted = names(&state);
    let mut best: Option<(usize, SmallSort)> = None;
    for attribute in &attributes.attributes {
        let mut next = state.clone();
        next.sort_by(&attribute.id);
        let sorted = names(&next);
        let moved = sorted.iter().zip(&unsorted).filter(|(a, b)| a != b).count();
        if best.as_ref().is_none_or(|(most, _)| moved > *most) {
            let sort = SmallSort {
                label: attribute.label.clone(),
                sorted_names: sorted,
            };
            best = Some((moved, sort));
        }
    }
    match best {
        Some((moved, sort)) if moved > 0 => Ok(sort),
        _ => bail!(
            "{}: no attribute's sort changes the order of the {} treatments",
            content.display(),
            all.len()
        ),
    }
}

pub fn unsupported_reason(probe: &Probe, label: &str, json_bytes: u64) -> String {
    let want = large::TREATMENTS as u64;
    let mut reason = format!(
        "not measured: the app's {COMPARE_ALL} ({want} treatments) declared {} of {want} \
         treatment rows and drew {}",
        probe.rows, probe.drawn
    );
    if probe.rows > 0 && !probe.sortable {
        reason.push_str(&format!(
            " with no sortable header <th aria-sort><button>{label}</button>"
        ));
    }
    if let Some(first) = probe.notices.first() {
        reason.push_str(&format!("; the page says {first:?}"));
        if probe.notices.len() > 1 {
            reason.push_str(&format!(" (+{} more)", probe.notices.len() - 1));
        }
    }
    if probe.notices.iter().any(|n| n.contains("too large")) {
        reason.push_str(&format!(
            " (the generated treatments.json is {json_bytes} B; the app's limit is \
             api::MAX_BYTES = {} B)",
            pathways::api::MAX_BYTES
        ));
    }
    if probe.rows < want {
        reason.push_str(&format!(
            "; the compare URL state also keeps at most MAX_TREATMENTS = {} treatments \
             without all=1",
            compare::MAX_TREATMENTS
        ));
    }
    reason
}
