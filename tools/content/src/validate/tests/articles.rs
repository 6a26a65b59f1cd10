use serde_json::json;

use super::*;

#[test]
fn unknown_reference_lists_known_ids() {
    assert_eq!(
            with(KVT, "/blocks/1/runs/3/refs/0", json!("cohen-2019")),
            ["articles/ketamine-vs-traditional.json: $.blocks[1].runs[3].refs[0]: unknown reference \"cohen-2019\"; known: cohen-2018, woolf-2011, nice-ng193"]
        );
}

#[test]
fn known_list_stops_after_eight() {
    let many: Vec<Value> = (0..10)
            .map(|i| json!({"id": format!("ref-{i}"), "citation": "A source.", "doi": null, "url": null, "pmid": null}))
            .collect();
    let mut set = baseline();
    set[6].1["references"] = Value::Array(many);
    set[1].1["blocks"][1]["runs"][3]["refs"] = json!(["ref-10"]);
    set[2].1["blocks"] = json!([]);
    set[3].1["treatments"] = json!([]);
    assert_eq!(
            run(&set),
            ["articles/central-sensitization.json: $.blocks[1].runs[3].refs[0]: unknown reference \"ref-10\"; known: ref-0, ref-1, ref-2, ref-3, ref-4, ref-5, ref-6, ref-7, …"]
        );
}

#[test]
fn unknown_term_treatment_and_figure() {
    assert_eq!(
            with_all(&[
                (CS, "/blocks/1/runs/1/term", json!("alodynia")),
                (KVT, "/blocks/1/runs/5/id", json!("opioid")),
                (KVT, "/blocks/6/id", json!("pain-map")),
            ]),
            [
                "articles/central-sensitization.json: $.blocks[1].runs[1].term: unknown glossary term \"alodynia\"; known: allodynia, nmda-receptor",
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[5].id: unknown treatment \"opioid\"; known: opioids, nsaids, ketamine",
                "articles/ketamine-vs-traditional.json: $.blocks[6].id: unknown figure \"pain-map\"; known: pain-pathway",
            ]
        );
}

#[test]
fn unknown_article_and_anchor() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/7/anchor", json!("what-changed")),
                (CS, "/meta/related/0", json!("ketamine")),
                ("index.json", "/articles/1/related/0", json!("ketamine")),
            ]),
            [
                "articles/central-sensitization.json: $.meta.related[0]: unknown article \"ketamine\"; known: ketamine-vs-traditional, central-sensitization",
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[7].anchor: unknown anchor \"what-changed\" in article \"central-sensitization\"; known: what-changes",
            ]
        );
    assert_eq!(
            with(KVT, "/blocks/1/runs/7/slug", json!("central")),
            ["articles/ketamine-vs-traditional.json: $.blocks[1].runs[7].slug: unknown article \"central\"; known: central-sensitization, ketamine-vs-traditional"]
        );
}

#[test]
fn compare_ids_resolve() {
    assert_eq!(
            with(KVT, "/blocks/5", json!({"type": "compare", "treatments": ["ketamine", "nsaid"], "attributes": ["onset", "speed", "onset"]})),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[5].attributes[1]: unknown attribute \"speed\"; known: onset, nnt, target, monitoring",
                "articles/ketamine-vs-traditional.json: $.blocks[5].attributes[2]: \"onset\" is listed twice",
                "articles/ketamine-vs-traditional.json: $.blocks[5].treatments[1]: unknown treatment \"nsaid\"; known: nsaids, opioids, ketamine",
            ]
        );
}

#[test]
fn compare_sizes() {
    assert_eq!(
            with(KVT, "/blocks/5", json!({"type": "compare", "treatments": ["ketamine"], "attributes": []})),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[5].attributes: a comparison needs at least one attribute",
                "articles/ketamine-vs-traditional.json: $.blocks[5].treatments: a comparison needs 2 to 8 treatments, not 1",
            ]
        );
}

#[test]
fn dates_are_real_and_ordered() {
    assert_eq!(
            with_all(&[
                (CS, "/meta/last_reviewed", json!("2026-02-29")),
                (CS, "/meta/review_due", json!("2027-1-5")),
                (KVT, "/meta/review_due", json!("2024-02-01")),
                ("index.json", "/articles/0/review_due", json!("2024-02-01")),
                ("index.json", "/articles/1/last_reviewed", json!("2026-02-29")),
                ("index.json", "/articles/1/review_due", json!("2027-1-5")),
            ]),
            [
                "articles/central-sensitization.json: $.meta.last_reviewed: \"2026-02-29\" is not a real calendar date",
                "articles/central-sensitization.json: $.meta.review_due: \"2027-1-5\" is not a date: write YYYY-MM-DD",
                "articles/ketamine-vs-traditional.json: $.meta.review_due: review_due 2024-02-01 must be after last_reviewed 2024-02-29",
            ]
        );
}

#[test]
fn ids_are_url_safe_and_unique() {
    let term = json!({"id": "allodynia", "term": "Allodynia again", "definition": "A repeat."});
    let reference = json!({"id": "NICE_ng59", "citation": "NICE. NG59.", "doi": null, "url": null, "pmid": null});
    assert_eq!(
            with_all(&[
                ("glossary.json", "/terms/2", term),
                ("references.json", "/references/3", reference),
                (KVT, "/meta/tags", json!(["ketamine", "Mechanisms", "ketamine"])),
                ("index.json", "/articles/0/tags", json!(["ketamine", "Mechanisms", "ketamine"])),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.meta.tags[1]: \"Mechanisms\" is not a valid id: use lowercase letters, digits and single hyphens",
                "articles/ketamine-vs-traditional.json: $.meta.tags[2]: \"ketamine\" is listed twice",
                "glossary.json: $.terms[2].id: duplicate id \"allodynia\" (first at $.terms[0].id)",
                "references.json: $.references[3].id: \"NICE_ng59\" is not a valid id: use lowercase letters, digits and single hyphens",
            ]
        );
}

#[test]
fn anchors_unique_and_slug_matches_file() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/2/id", json!("how-it-works")),
                (CS, "/meta/slug", json!("sensitization")),
                ("index.json", "/articles/1/slug", json!("sensitization")),
            ]),
            [
                "articles/central-sensitization.json: $.meta.slug: slug \"sensitization\" does not match the file name \"central-sensitization.json\"",
                "articles/ketamine-vs-traditional.json: $.blocks[2].id: duplicate anchor \"how-it-works\" (first at $.blocks[0].id)",
                "index.json: $.articles: articles/central-sensitization.json is not listed",
                "index.json: $.articles[1].slug: index lists \"sensitization\" but there is no articles/sensitization.json",
            ]
        );
}

#[test]
fn index_matches_the_articles() {
    assert_eq!(
            with("index.json", "/articles/1/title", json!("Central sensitisation")),
            ["index.json: $.articles[1]: differs from the meta in articles/central-sensitization.json: title"]
        );
    assert_eq!(
        remove("index.json", "/articles/0"),
        ["index.json: $.articles: articles/ketamine-vs-traditional.json is not listed"]
    );
}

#[test]
fn heading_levels_and_reading_minutes() {
    assert_eq!(
            with_all(&[
                (KVT, "/blocks/2/level", json!(4)),
                (CS, "/meta/reading_minutes", json!(0)),
                ("index.json", "/articles/1/reading_minutes", json!(0)),
            ]),
            [
                "articles/central-sensitization.json: $.meta.reading_minutes: reading_minutes must be at least 1",
                "articles/ketamine-vs-traditional.json: $.blocks[2].level: heading level 4: use 2 or 3",
            ]
        );
}

#[test]
fn citations_and_lists_not_empty() {
    assert_eq!(
            with_all(&[(KVT, "/blocks/1/runs/3/refs", json!([])), (KVT, "/blocks/3/items", json!([]))]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[3].refs: a citation needs at least one reference",
                "articles/ketamine-vs-traditional.json: $.blocks[3].items: empty list",
            ]
        );
}

#[test]
fn a_clinical_review_must_have_seen_the_current_text() {
    let review =
        |date: &str| json!({"reviewer": "A. Reviewer", "role": "Pain nurse", "date": date});
    assert_eq!(
        with_all(&[
            (CS, "/meta/clinical_review", review("2020-01-01")),
            (KVT, "/meta/clinical_review", review("2026-13-01")),
        ]),
        [
            "articles/central-sensitization.json: $.meta.clinical_review.date: clinical review 2020-01-01 is before last_reviewed 2026-11-24: the reviewer has not seen the current text",
            "articles/ketamine-vs-traditional.json: $.meta.clinical_review.date: \"2026-13-01\" is not a real calendar date",
            "index.json: $.articles[0]: differs from the meta in articles/ketamine-vs-traditional.json: clinical_review",
            "index.json: $.articles[1]: differs from the meta in articles/central-sensitization.json: clinical_review",
        ]
    );
}
