//! ```` ```compare ```` and ```` ```figure ```` blocks: `key: value` lines.

use std::collections::BTreeMap;

use pathways::model::compare::{MAX_TREATMENTS, MIN_TREATMENTS};
use pathways::model::Block;
use pulldown_cmark::Event;

use crate::diagnostics::Findings;
use crate::events::SpannedEvent;
use crate::merged::Merged;
use crate::resolve::UseKind;

/// One `key: value` line: the value and where it starts in the merged text.
type Fields = BTreeMap<String, (String, usize)>;

pub(crate) fn block(
    info: &str,
    inner: &[SpannedEvent],
    at: usize,
    findings: &mut Findings,
) -> Option<Block> {
    let lang = info.split_whitespace().next().unwrap_or_default();
    if lang != "compare" && lang != "figure" {
        findings.error(
            at,
            "code blocks are not allowed: only ```compare and ```figure blocks",
        );
        return None;
    }
    let mut merged = Merged::default();
    for (event, span) in inner {
        if let Event::Text(t) = event {
            merged.push(t, span.clone());
        }
    }
    merged.check_rules(findings);
    let allowed: &[&str] = if lang == "compare" {
        &["treatments", "attributes", "caption"]
    } else {
        &["id", "caption"]
    };
    let fields = fields(&merged, lang, allowed, findings);
    let need = |key: &str, findings: &mut Findings| -> Option<(String, usize)> {
        let found = fields.get(key).cloned();
        if found.is_none() {
            findings.error(at, format!("a {lang} block has no `{key}:` line"));
        }
        found
    };
    if lang == "figure" {
        let id = need("id", findings);
        let caption = need("caption", findings);
        let (id, id_at) = id?;
        findings.record_use(UseKind::Figure, &id, merged.source_offset(id_at));
        return Some(Block::Figure {
            id,
            caption: caption?.0,
        });
    }
    let treatments = need("treatments", findings)
        .map(|(value, at)| list(&value, at, &merged, UseKind::Treatment, findings));
    let attributes = need("attributes", findings)
        .map(|(value, at)| list(&value, at, &merged, UseKind::Attribute, findings));
    let (treatments, attributes) = (treatments?, attributes?);
    if let Some((_, list_at)) = fields.get("treatments") {
        // The block becomes the app's comparison table, so the table's limits apply.
        if !(MIN_TREATMENTS..=MAX_TREATMENTS).contains(&treatments.len()) {
            findings.error(
                merged.source_offset(*list_at),
                format!(
                    "a compare block needs {MIN_TREATMENTS} to {MAX_TREATMENTS} treatments, not {}",
                    treatments.len()
                ),
            );
        }
    }
    let caption = fields.get("caption").map(|(c, _)| c.clone());
    Some(Block::Compare {
        treatments,
        attributes,
        caption,
    })
}

fn fields(merged: &Merged, lang: &str, allowed: &[&str], findings: &mut Findings) -> Fields {
    let mut out = Fields::new();
    let mut line_at = 0;
    for line in merged.text.split_inclusive('\n') {
        let here = line_at;
        line_at += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let Some((key, value)) = line.split_once(':') else {
            findings.error(
                merged.source_offset(here + lead),
                format!("expected `key: value` in a {lang} block"),
            );
            continue;
        };
        let value_at = here + key.len() + 1 + (value.len() - value.trim_start().len());
        let key = key.trim();
        let value = value.trim();
        if !allowed.contains(&key) {
            let allowed = allowed.join(", ");
            findings.error(
                merged.source_offset(here + lead),
                format!("unknown key \"{key}\" in a {lang} block (use {allowed})"),
            );
        } else if out.contains_key(key) {
            findings.error(
                merged.source_offset(here + lead),
                format!("\"{key}\" is given twice"),
            );
        } else if value.is_empty() {
            findings.error(
                merged.source_offset(here + lead),
                format!("empty \"{key}\""),
            );
        } else {
            out.insert(key.to_string(), (value.to_string(), value_at));
        }
    }
    out
}

/// `a, b, c` starting at `at` in the merged text -> ids, each recorded as a use.
fn list(
    value: &str,
    at: usize,
    merged: &Merged,
    kind: UseKind,
    findings: &mut Findings,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut offset = 0;
    for part in value.split(',') {
        let id = part.trim();
        let id_at = merged.source_offset(at + offset + (part.len() - part.trim_start().len()));
        offset += part.len() + 1;
        if id.is_empty() {
            findings.error(id_at, "empty item in a list of ids");
        } else if out.iter().any(|x| x == id) {
            findings.error(id_at, format!("\"{id}\" is listed twice"));
        } else {
            findings.record_use(kind.clone(), id, id_at);
            out.push(id.to_string());
        }
    }
    out
}
