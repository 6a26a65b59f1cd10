//! Hostile input never crashes the app: the content decoder (`api::decode`, for every content
//! type) and the `/compare` address parser (`model::compare::parse`) survive anything, and say
//! what went wrong in words instead.
//!
//! Runs with `cargo test -p pathways --test proptest_content`, and in `make test` through the
//! `pathways-csp` crate (see `tools/csp/Cargo.toml`).

use pathways::api::{decode, Answer, ApiError, MAX_BYTES};
use pathways::model::compare::{format, parse, MAX_TREATMENTS, MIN_TREATMENTS};
use pathways::model::{
    Article, Attributes, ContentIndex, Glossary, References, Treatments, SCHEMA_VERSION,
};
use proptest::prelude::*;

const REAL: [(&str, &str); 7] = [
    (
        "content/index.json",
        include_str!("../public/content/index.json"),
    ),
    (
        "content/treatments.json",
        include_str!("../public/content/treatments.json"),
    ),
    (
        "content/attributes.json",
        include_str!("../public/content/attributes.json"),
    ),
    (
        "content/glossary.json",
        include_str!("../public/content/glossary.json"),
    ),
    (
        "content/references.json",
        include_str!("../public/content/references.json"),
    ),
    (
        "content/articles/ketamine-vs-traditional.json",
        include_str!("../public/content/articles/ketamine-vs-traditional.json"),
    ),
    (
        "content/articles/opioids-chronic-pain.json",
        include_str!("../public/content/articles/opioids-chronic-pain.json"),
    ),
];

/// Decodes `body` as every content type; checks what any answer must satisfy.
fn decode_all(status: u16, content_type: Option<&str>, body: &str) -> Result<(), TestCaseError> {
    fn one<T: serde::de::DeserializeOwned + pathways::model::Versioned>(
        path: &str,
        status: u16,
        content_type: Option<&str>,
        body: &str,
    ) -> Result<(), TestCaseError> {
        let answer = Answer {
            status,
            content_type,
            body,
        };
        match decode::<T>(path, answer) {
            Ok(value) => {
                prop_assert!((200..300).contains(&status), "accepted HTTP {status}");
                prop_assert!(body.len() <= MAX_BYTES);
                prop_assert!(value.schema() <= SCHEMA_VERSION);
            }
            Err(err) => {
                let text = err.to_string();
                prop_assert!(
                    text.len() > 20 && text.ends_with('.'),
                    "not a sentence: {text:?}"
                );
                if let ApiError::Malformed { detail, .. } = &err {
                    prop_assert!(!detail.is_empty());
                }
            }
        }
        Ok(())
    }
    one::<ContentIndex>("content/index.json", status, content_type, body)?;
    one::<Article>("content/articles/x.json", status, content_type, body)?;
    one::<Treatments>("content/treatments.json", status, content_type, body)?;
    one::<Attributes>("content/attributes.json", status, content_type, body)?;
    one::<Glossary>("content/glossary.json", status, content_type, body)?;
    one::<References>("content/references.json", status, content_type, body)
}

/// Pieces of JSON and of the content model, to build text that is almost JSON.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "null", "true", "false", "0", "1",
            "2", "-1", "1e999", "-0.0", "4294967296", "18446744073709551616", "NaN", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\uDFFF\"", "\"\\x\"", "\"schema\":", "\"schema\":1", "\"schema\":2",
            "\"articles\":", "\"blocks\":", "\"meta\":", "\"type\":", "\"heading\"", "\"paragraph\"",
            "\"list\"", "\"callout\"", "\"compare\"", "\"figure\"", "\"runs\":", "\"items\":",
            "\"text\":", "\"term\":", "\"cite\"", "\"refs\":", "\"external-link\"", "\"href\":",
            "\"javascript:alert(1)\"", "\"<script>x</script>\"", "\"treatments\":", "\"values\":",
            "\"value\":", "\"note\":", "\"sites\":", "\"brain\"", "\"terms\":", "\"references\":",
            "\"attributes\":", "\"kind\":", "\"ordinal\"", "\"levels\":", "\"level\":", "\"id\":",
            "\"slug\":", "\"title\":", "\"caption\":", "\"key-point\"", "\u{feff}", "\u{0}", "é",
            "\u{10FFFF}", "<",
        ])
        .prop_map(str::to_owned),
        1 => "[ -~]{0,8}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
}

/// Arbitrary JSON whose keys and strings come from the model, so parsing goes deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = prop::sample::select(vec![
        "schema",
        "articles",
        "meta",
        "blocks",
        "type",
        "runs",
        "items",
        "text",
        "term",
        "refs",
        "href",
        "slug",
        "title",
        "summary",
        "treatments",
        "values",
        "value",
        "terms",
        "references",
        "attributes",
        "kind",
        "levels",
        "id",
        "level",
        "caption",
        "ordered",
        "definition",
        "citation",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            "heading",
            "paragraph",
            "list",
            "callout",
            "compare",
            "figure",
            "text",
            "term",
            "cite",
            "external-link",
            "article-link",
            "key-point",
            "caution",
            "ordinal",
            "brain",
            "javascript:alert(1)",
            "<img src=x onerror=alert(1)>",
        ])
        .prop_map(|s| Value::String(s.into())),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

/// A real content file with a random cut, splice or overwrite.
fn damaged_real_file() -> impl Strategy<Value = String> {
    (
        prop::sample::select(REAL.to_vec()),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        fragment(),
        0..3u8,
    )
        .prop_map(|((_, text), a, b, piece, how)| {
            let cut = |i: prop::sample::Index| {
                let mut at = i.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let (x, y) = (cut(a).min(cut(b)), cut(a).max(cut(b)));
            match how {
                0 => text[..x].to_owned(),
                1 => format!("{}{piece}{}", &text[..x], &text[x..]),
                _ => format!("{}{piece}{}", &text[..x], &text[y..]),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decode_survives_any_text(body in any::<String>()) {
        decode_all(200, Some("application/json"), &body)?;
    }

    #[test]
    fn decode_survives_almost_json(body in jsonish()) {
        decode_all(200, None, &body)?;
    }

    #[test]
    fn decode_survives_any_json_shape(value in json_value()) {
        decode_all(200, None, &value.to_string())?;
        // The same value under a real file's key, so the shape matches one level down.
        for key in ["articles", "blocks", "treatments", "terms", "references", "attributes"] {
            let wrapped = serde_json::json!({ "schema": 1, key: value.clone() });
            decode_all(200, None, &wrapped.to_string())?;
        }
    }

    #[test]
    fn decode_survives_damaged_real_files(body in damaged_real_file()) {
        decode_all(200, Some("application/json; charset=utf-8"), &body)?;
    }

    #[test]
    fn decode_survives_any_status_and_content_type(
        status in any::<u16>(),
        content_type in proptest::option::of(any::<String>()),
        body in prop::sample::select(REAL.to_vec()),
    ) {
        decode_all(status, content_type.as_deref(), body.1)?;
    }
}

#[test]
fn real_files_decode() {
    for (path, text) in REAL {
        let answer = |body| Answer {
            status: 200,
            content_type: Some("application/json"),
            body,
        };
        let ok = match path {
            "content/index.json" => decode::<ContentIndex>(path, answer(text)).is_ok(),
            "content/treatments.json" => decode::<Treatments>(path, answer(text)).is_ok(),
            "content/attributes.json" => decode::<Attributes>(path, answer(text)).is_ok(),
            "content/glossary.json" => decode::<Glossary>(path, answer(text)).is_ok(),
            "content/references.json" => decode::<References>(path, answer(text)).is_ok(),
            _ => decode::<Article>(path, answer(text)).is_ok(),
        };
        assert!(ok, "{path}");
    }
}

#[test]
fn decode_survives_huge_and_deep_inputs() {
    let deep_arrays = "[".repeat(1_000_000);
    let deep_objects = "{\"a\":".repeat(100_000);
    let deep_closed = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let long_string = format!("{{\"schema\":1,\"terms\":[\"{}\"]}}", "x".repeat(MAX_BYTES));
    let many_items = format!(
        "{{\"schema\":1,\"terms\":[{}{{}}]}}",
        "{},".repeat(MAX_BYTES / 3 - 20)
    );
    let escapes = format!("\"{}\"", "\\u0000".repeat(80_000));
    let huge_number = format!("{{\"schema\":{}}}", "9".repeat(100_000));
    for body in [
        deep_arrays,
        deep_objects,
        deep_closed,
        long_string,
        many_items,
        escapes,
        huge_number,
    ] {
        decode_all(200, None, &body).unwrap();
    }
}

// ---- `/compare` addresses ----

fn known() -> (Vec<String>, Vec<String>) {
    let t: Treatments = serde_json::from_str(REAL[1].1).unwrap();
    let a: Attributes = serde_json::from_str(REAL[2].1).unwrap();
    (
        t.treatments.into_iter().map(|t| t.id).collect(),
        a.attributes.into_iter().map(|a| a.id).collect(),
    )
}

/// Parses `query` against the real catalogue and checks the result is a usable view.
fn parse_checked(query: &str) -> Result<(), TestCaseError> {
    let (t, a) = known();
    let t: Vec<&str> = t.iter().map(String::as_str).collect();
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let (state, notices) = parse(query, &t, &a);
    prop_assert!(
        (MIN_TREATMENTS..=MAX_TREATMENTS).contains(&state.treatments.len()),
        "{} treatments",
        state.treatments.len()
    );
    for (i, id) in state.treatments.iter().enumerate() {
        prop_assert!(t.contains(&id.as_str()), "unknown {id:?} kept");
        prop_assert!(!state.treatments[..i].contains(id), "{id:?} twice");
    }
    if let Some(base) = &state.baseline {
        prop_assert!(state.treatments.contains(base));
    }
    if let Some(sort) = &state.sort {
        prop_assert!(a.contains(&sort.attribute.as_str()));
    }
    for notice in &notices {
        let chars = notice.message.chars().count();
        // Notices quote the address, but only a short piece of it.
        prop_assert!((10..=300).contains(&chars), "notice of {chars} chars");
    }
    // Whatever came in, the address written back is canonical.
    let canonical = format(&state);
    prop_assert_eq!(parse(&canonical, &t, &a), (state, vec![]));
    Ok(())
}

fn query_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "t=", "sort=", "base=", "diff=", "hide=", "view=", "open=", "&", "=", ",", "+", "?",
            "#", "%", "%2", "%zz", "%00", "%FF", "%C0%AF", "%E2%80%AE", "%F0%9F%98", "%F0%9F%98%80",
            "%ED%A0%80", "%26", "%3D", "%2C", "%25", "-asc", "-desc", "ketamine", "KETAMINE",
            "opioids", "nsaids", "onset", "mechanism", "rows", "columns", "1", "0", "true",
            "\u{202e}", "\u{fffd}", "\u{0}", "é", "😀", "<script>", "javascript:", " ",
        ])
        .prop_map(str::to_owned),
        1 => "%[0-9A-Fa-f]{2}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn compare_parse_survives_hostile_addresses(
        parts in prop::collection::vec(query_piece(), 0..60)
    ) {
        parse_checked(&parts.concat())?;
    }

    #[test]
    fn compare_parse_survives_any_text(query in any::<String>()) {
        parse_checked(&query)?;
    }

    #[test]
    fn compare_parse_survives_percent_encoded_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let encoded: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
        for key in ["t", "sort", "base", "diff", "hide", "view", "open"] {
            parse_checked(&format!("{key}={encoded}"))?;
        }
    }
}

#[test]
fn compare_parse_survives_huge_addresses() {
    let queries = [
        format!("t={}", "ketamine,".repeat(50_000)),
        format!("t={}", "no-such-drug,".repeat(10_000)),
        "%".repeat(200_000),
        "%F0".repeat(100_000),
        "&".repeat(200_000),
        format!("sort={}-asc", "a".repeat(200_000)),
        format!("hide={}", ",".repeat(200_000)),
        "t=😀".repeat(20_000),
    ];
    for query in queries {
        parse_checked(&query).unwrap();
    }
}
