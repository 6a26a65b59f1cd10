//! What `pathways-content build` prints after a successful build: how much of the comparison
//! table Pathways has reviewed (per treatment and per attribute), and how hard each kind of
//! text is to read. Pure: it reads the compiled output, so the figures are those of what the
//! app will show.

use std::fmt::Write;

use pathways::model::compare::Coverage;
use pathways::model::{Article, Attribute, Attributes, Glossary, Treatment, Treatments};
use serde::de::DeserializeOwned;

use crate::compile::Output;
use crate::readability::{Counts, MAX_GRADE};
use crate::validate::article_grade;

fn file<T: DeserializeOwned>(out: &Output, name: &str) -> Option<T> {
    serde_json::from_str(out.files.get(name)?).ok()
}

/// The coverage tables: one row per treatment, one per attribute, and the whole catalogue.
/// `None` when the output has no readable catalogue.
pub fn coverage(out: &Output) -> Option<String> {
    let treatments: Treatments = file(out, "treatments.json")?;
    let attributes: Attributes = file(out, "attributes.json")?;
    let all_t: Vec<&Treatment> = treatments.treatments.iter().collect();
    let all_a: Vec<&Attribute> = attributes.attributes.iter().collect();
    let width = all_t
        .iter()
        .map(|t| t.id.len())
        .chain(all_a.iter().map(|a| a.id.len()))
        .max()
        .unwrap_or(0)
        .max("treatment".len());
    let mut text = String::new();
    let header = |text: &mut String, first: &str| {
        let _ = writeln!(
            text,
            "  {first:<width$}   reviewed   values  editorial  not established  does not apply  not yet reviewed"
        );
    };
    let row = |text: &mut String, name: &str, c: &Coverage| {
        let share = format!("{}/{}", c.reviewed(), c.total());
        let _ = writeln!(
            text,
            "  {name:<width$}  {share:>7} {:>4}%  {:>6}  {:>9}  {:>15}  {:>14}  {:>16}",
            c.percent_reviewed(),
            c.established,
            c.editorial,
            c.not_established,
            c.does_not_apply,
            c.not_reviewed
        );
    };
    let _ = writeln!(
        text,
        "coverage: cells of the comparison Pathways has reviewed (values include editorial ones)"
    );
    header(&mut text, "treatment");
    for t in &all_t {
        row(&mut text, &t.id, &Coverage::of(&[t], &all_a));
    }
    header(&mut text, "attribute");
    for a in &all_a {
        row(&mut text, &a.id, &Coverage::of(&all_t, &[a]));
    }
    let total = Coverage::of(&all_t, &all_a);
    row(&mut text, "all", &total);
    let _ = writeln!(
        text,
        "  {} treatments × {} attributes; {} cells cite a source, {} values are the editors' judgement",
        all_t.len(),
        all_a.len(),
        total.with_sources,
        total.editorial
    );
    Some(text)
}

/// The reading grades: each article, then the glossary and the cell notes as a whole with
/// their hardest entry.
pub fn readability(out: &Output) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "reading grade (Flesch–Kincaid; limit {MAX_GRADE:.1} for every article, glossary entry and note)"
    );
    for (name, json) in &out.files {
        let Some(slug) = name
            .strip_prefix("articles/")
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        if let Some(grade) = serde_json::from_str::<Article>(json)
            .ok()
            .as_ref()
            .and_then(article_grade)
        {
            let _ = writeln!(text, "  article {slug:<40} {grade:>4.1}");
        }
    }
    if let Some(glossary) = file::<Glossary>(out, "glossary.json") {
        let entries = glossary
            .terms
            .iter()
            .map(|t| (t.id.clone(), t.definition.as_str()));
        let _ = writeln!(text, "{}", summary("glossary entries", entries));
    }
    if let Some(treatments) = file::<Treatments>(out, "treatments.json") {
        let notes = treatments.treatments.iter().flat_map(|t| {
            t.values
                .iter()
                .map(move |(a, c)| (format!("{}/{a}", t.id), c.note.as_str()))
        });
        let _ = writeln!(text, "{}", summary("cell notes", notes));
    }
    text
}

/// "  cell notes (312): 5.9 overall, hardest 8.7 (ketamine/onset)".
fn summary<'a>(what: &str, entries: impl Iterator<Item = (String, &'a str)>) -> String {
    let mut total = Counts::default();
    let mut hardest: Option<(String, f64)> = None;
    let mut count = 0;
    for (name, text) in entries {
        count += 1;
        let counts = Counts::of(text);
        total.add(counts);
        if let Some(grade) = counts.grade() {
            if hardest.as_ref().is_none_or(|(_, g)| grade > *g) {
                hardest = Some((name, grade));
            }
        }
    }
    let overall = total
        .grade()
        .map_or_else(|| "no text".to_string(), |g| format!("{g:.1} overall"));
    match hardest {
        Some((name, grade)) => {
            format!("  {what} ({count}): {overall}, hardest {grade:.1} ({name})")
        }
        None => format!("  {what} ({count}): {overall}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output() -> Output {
        let attributes = r#"{"schema": 2, "attributes": [
            {"id": "onset", "label": "Onset", "group": "onset-duration", "kind": "ordinal",
             "levels": ["fast", "slow"], "better": "low", "description": "How fast."},
            {"id": "target", "label": "Target", "group": "mechanism", "kind": "category",
             "description": "What it acts on."}]}"#;
        let treatments = r#"{"schema": 2, "treatments": [
            {"id": "a", "name": "A", "class": "C", "route": "R", "mechanism": "M.", "sites": ["brain"],
             "values": {
               "onset": {"value": "fast", "note": "It is fast.", "refs": ["x"]},
               "target": {"value": "NMDA", "note": "It blocks it.", "refs": [], "editorial": "The label says so."}}},
            {"id": "bee", "name": "B", "class": "C", "route": "R", "mechanism": "M.", "sites": ["brain"],
             "values": {
               "onset": {"state": "not-reviewed", "note": "Not checked yet."},
               "target": {"state": "does-not-apply", "note": "Not a drug."}}}]}"#;
        let glossary = r#"{"schema": 2, "terms": [
            {"id": "t", "term": "T", "definition": "A short word."},
            {"id": "u", "term": "U", "definition": "Pharmacological considerations."}]}"#;
        let mut out = Output::default();
        for (name, text) in [
            ("attributes.json", attributes),
            ("treatments.json", treatments),
            ("glossary.json", glossary),
        ] {
            out.files.insert(name.to_string(), text.to_string());
        }
        out
    }

    #[test]
    fn coverage_lists_every_treatment_and_attribute_with_totals() {
        let text = coverage(&output()).expect("a catalogue");
        let line = |start: &str| {
            text.lines()
                .find(|l| l.trim_start().starts_with(start))
                .unwrap_or_else(|| panic!("no line for {start}:\n{text}"))
                .split_whitespace()
                .collect::<Vec<_>>()
        };
        // name, reviewed, %, values, editorial, not established, does not apply, not reviewed
        assert_eq!(line("a "), ["a", "2/2", "100%", "2", "1", "0", "0", "0"]);
        assert_eq!(line("bee"), ["bee", "1/2", "50%", "0", "0", "0", "1", "1"]);
        assert_eq!(
            line("onset"),
            ["onset", "1/2", "50%", "1", "0", "0", "0", "1"]
        );
        assert_eq!(
            line("target"),
            ["target", "2/2", "100%", "1", "1", "0", "1", "0"]
        );
        assert_eq!(line("all"), ["all", "3/4", "75%", "2", "1", "0", "1", "1"]);
        assert!(
            text.contains("2 treatments × 2 attributes; 1 cells cite a source, 1 values are the editors' judgement"),
            "{text}"
        );
        assert_eq!(coverage(&Output::default()), None);
    }

    #[test]
    fn readability_names_the_hardest_entry() {
        let text = readability(&output());
        assert!(
            text.starts_with("reading grade (Flesch–Kincaid; limit 9.0"),
            "{text}"
        );
        assert!(text.contains("  glossary entries (2): "), "{text}");
        assert!(text.contains(", hardest "), "{text}");
        assert!(text.contains(" (u)\n"), "the hard definition: {text}");
        assert!(text.contains("  cell notes (4): "), "{text}");
    }
}
