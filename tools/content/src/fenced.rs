//! ```` ```compare ```` and ```` ```figure ```` blocks: `key: value` lines.

use std::collections::BTreeMap;

use pathways::model::Block;
use pulldown_cmark::Event;

use crate::inline::{Ev, Merged};
use crate::markdown::Acc;
use crate::resolve::UseKind;

/// One `key: value` line: the value and where it starts in the merged text.
type Fields = BTreeMap<String, (String, usize)>;

pub(crate) fn block(info: &str, inner: &[Ev], at: usize, acc: &mut Acc) -> Option<Block> {
    let lang = info.split_whitespace().next().unwrap_or_default();
    if lang != "compare" && lang != "figure" {
        acc.error(
            at,
            "code blocks are not allowed: only ```compare and ```figure blocks",
        );
        return None;
    }
    let mut m = Merged::default();
    for (ev, r) in inner {
        if let Event::Text(t) = ev {
            m.push(t, r.clone());
        }
    }
    m.check_rules(acc);
    let allowed: &[&str] = if lang == "compare" {
        &["treatments", "attributes", "caption"]
    } else {
        &["id", "caption"]
    };
    let fields = fields(&m, lang, allowed, acc);
    let need = |key: &str, acc: &mut Acc| -> Option<(String, usize)> {
        let found = fields.get(key).cloned();
        if found.is_none() {
            acc.error(at, format!("a {lang} block has no `{key}:` line"));
        }
        found
    };
    if lang == "figure" {
        let id = need("id", acc);
        let caption = need("caption", acc);
        let (id, id_at) = id?;
        acc.uses(UseKind::Figure, &id, m.pos(id_at));
        return Some(Block::Figure {
            id,
            caption: caption?.0,
        });
    }
    let treatments = need("treatments", acc).map(|(v, i)| list(&v, i, &m, UseKind::Treatment, acc));
    let attributes = need("attributes", acc).map(|(v, i)| list(&v, i, &m, UseKind::Attribute, acc));
    let (treatments, attributes) = (treatments?, attributes?);
    if let Some((_, i)) = fields.get("treatments") {
        if !(2..=8).contains(&treatments.len()) {
            acc.error(
                m.pos(*i),
                format!(
                    "a compare block needs 2 to 8 treatments, not {}",
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

fn fields(m: &Merged, lang: &str, allowed: &[&str], acc: &mut Acc) -> Fields {
    let mut out = Fields::new();
    let mut line_at = 0;
    for line in m.text.split_inclusive('\n') {
        let here = line_at;
        line_at += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let Some((key, value)) = line.split_once(':') else {
            acc.error(
                m.pos(here + lead),
                format!("expected `key: value` in a {lang} block"),
            );
            continue;
        };
        let value_at = here + key.len() + 1 + (value.len() - value.trim_start().len());
        let key = key.trim();
        let value = value.trim();
        if !allowed.contains(&key) {
            let allowed = allowed.join(", ");
            acc.error(
                m.pos(here + lead),
                format!("unknown key \"{key}\" in a {lang} block (use {allowed})"),
            );
        } else if out.contains_key(key) {
            acc.error(m.pos(here + lead), format!("\"{key}\" is given twice"));
        } else if value.is_empty() {
            acc.error(m.pos(here + lead), format!("empty \"{key}\""));
        } else {
            out.insert(key.to_string(), (value.to_string(), value_at));
        }
    }
    out
}

/// `a, b, c` starting at `at` in the merged text -> ids, each recorded as a use.
fn list(value: &str, at: usize, m: &Merged, kind: UseKind, acc: &mut Acc) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut offset = 0;
    for part in value.split(',') {
        let id = part.trim();
        let id_at = m.pos(at + offset + (part.len() - part.trim_start().len()));
        offset += part.len() + 1;
        if id.is_empty() {
            acc.error(id_at, "empty item in a list of ids");
        } else if out.iter().any(|x| x == id) {
            acc.error(id_at, format!("\"{id}\" is listed twice"));
        } else {
            acc.uses(kind.clone(), id, id_at);
            out.push(id.to_string());
        }
    }
    out
}
