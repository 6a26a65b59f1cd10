use pathways::model::SCHEMA_VERSION;
use serde_json::json;

use super::*;

#[test]
fn json_syntax_error_has_line_and_column() {
    let mut files = texts(&baseline());
    files[5].1 = "{\n  \"schema\": 1,\n  \"terms\": [\n}\n".to_string();
    let got: Vec<String> = validate(&files).iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        ["glossary.json: $: invalid JSON: expected value (line 4, column 1)"]
    );
}

#[test]
fn wrong_shape_points_at_the_value() {
    assert_eq!(
        remove("treatments.json", "/treatments/1/values/nnt/note"),
        ["treatments.json: $.treatments[1].values.nnt: missing field `note` (line 65, column 9)"]
    );
    assert_eq!(
            with(KVT, "/blocks/4/kind", json!("warning")),
            // Blocks decode tag first (src/model/tagged.rs), so the error points at the field itself.
            ["articles/ketamine-vs-traditional.json: $.blocks[4].kind: unknown variant `warning`, expected `key-point` or `caution` (line 114, column 7)"]
        );
}

#[test]
fn unknown_fields_are_rejected() {
    assert_eq!(
            with_all(&[
                ("glossary.json", "/terms/0/colour", json!("red")),
                (KVT, "/blocks/1/runs/0/href", json!("https://example.org")),
                ("treatments.json", "/treatments/0/values/onset/source", json!(["x"])),
                ("treatments.json", "/treatments/0/dose", json!(null)),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[0].href: unknown field \"href\"",
                "glossary.json: $.terms[0].colour: unknown field \"colour\"",
                "treatments.json: $.treatments[0].values.onset.source: unknown field \"source\"",
            ]
        );
}

#[test]
fn defaults_the_model_omits_are_not_unknown() {
    let got = with_all(&[
        ("attributes.json", "/attributes/0/better", json!("none")),
        ("attributes.json", "/attributes/2/levels", json!([])),
        (KVT, "/blocks/5/caption", json!(null)),
    ]);
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn schema_must_match() {
    let (older, newer) = (SCHEMA_VERSION - 1, SCHEMA_VERSION + 1);
    assert_eq!(
        with("references.json", "/schema", json!(newer)),
        [format!(
            "references.json: $.schema: schema is {newer}; this app reads schema {SCHEMA_VERSION}"
        )]
    );
    // The compiler writes the current schema, so an older number is a stale hand edit.
    assert_eq!(
        with("references.json", "/schema", json!(older)),
        [format!(
            "references.json: $.schema: schema is {older}; this app reads schema {SCHEMA_VERSION}"
        )]
    );
}

#[test]
fn shape_only() {
    let text = "{\"schema\": 2, \"terms\": [{\"id\": \"a\", \"term\": \"A\", \"definition\": \"An A.\", \"see\": \"b\"}]}";
    let got: Vec<String> = validate_shape("glossary.json", text)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        got,
        ["glossary.json: $.terms[0].see: unknown field \"see\""]
    );
}
