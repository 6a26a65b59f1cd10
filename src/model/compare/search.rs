//! The treatment picker's search box.

use std::collections::HashMap;

use crate::model::Treatment;

/// Treatments matching every word of `query` (ignoring case) somewhere in the name, another
/// name, the class or the id, so "lyrica" finds gabapentinoids and "opioid tramadol" narrows to
/// one. An empty query lists everything.
///
/// Results are grouped by class, classes in the order they first appear in the whole
/// catalogue (not among the matches), so groups keep their place while the reader types;
/// within a class the catalogue order is kept.
pub fn search_treatments<'a>(query: &str, treatments: &'a [Treatment]) -> Vec<&'a Treatment> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut class_rank: HashMap<&str, usize> = HashMap::new();
    for treatment in treatments {
        let next = class_rank.len();
        class_rank.entry(treatment.class.as_str()).or_insert(next);
    }
    let mut found: Vec<&Treatment> = treatments
        .iter()
        .filter(|t| {
            let haystack = haystack(t);
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .collect();
    // Stable, so the catalogue order survives within each class.
    found.sort_by_key(|t| {
        class_rank
            .get(t.class.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });
    found
}

/// The searchable text, lowercased, fields joined by a newline so that no query word (which
/// never contains whitespace) can match across two fields.
fn haystack(treatment: &Treatment) -> String {
    let mut text = String::new();
    for field in [&treatment.name, &treatment.class, &treatment.id]
        .into_iter()
        .chain(&treatment.other_names)
    {
        text.push_str(&field.to_lowercase());
        text.push('\n');
    }
    text
}
