//! The checks that need no other file: JSON syntax, the model's shape, unknown fields, the
//! schema number and the text rules.

use pathways::model::{Versioned, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::json_path::{path_at, path_index, path_key};
use super::text::check_strings;
use super::Sink;

pub(super) fn parse<T: DeserializeOwned + Serialize + Versioned>(
    text: &str,
    sink: &mut Sink,
) -> Option<T> {
    let original: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            sink.at(
                "$",
                format!("invalid JSON: {}", error_text(&e, e.line(), e.column())),
            );
            return None;
        }
    };
    let typed: T = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let (path, line, column) = path_at(text, e.line(), e.column());
            sink.at(path, error_text(&e, line, column));
            return None;
        }
    };
    if let Ok(round_trip) = serde_json::to_value(&typed) {
        let mut unknown = Vec::new();
        diff_keys(&original, &round_trip, "$", "", &mut unknown);
        for (path, pointer) in unknown {
            if ignored_by_model::<T>(&original, &pointer) {
                let key = pointer
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .replace("~1", "/")
                    .replace("~0", "~");
                sink.at(path, format!("unknown field \"{key}\""));
            }
        }
    }
    if typed.schema() != SCHEMA_VERSION {
        sink.at(
            "$.schema",
            format!(
                "schema is {}; this app reads schema {SCHEMA_VERSION}",
                typed.schema()
            ),
        );
    }
    check_strings(&original, "$", false, sink);
    Some(typed)
}

/// serde_json's message as `what (line L, column C)`.
fn error_text(e: &serde_json::Error, line: usize, column: usize) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("{what} (line {line}, column {column})")
}

/// Keys present (and not null) in `original` but absent from the model's round trip.
fn diff_keys(
    original: &Value,
    round_trip: &Value,
    path: &str,
    pointer: &str,
    out: &mut Vec<(String, String)>,
) {
    match (original, round_trip) {
        (Value::Object(o), Value::Object(r)) => {
            for (k, v) in o {
                let p = path_key(path, k);
                let ptr = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
                match r.get(k) {
                    Some(rv) => diff_keys(v, rv, &p, &ptr, out),
                    None if v.is_null() => {}
                    None => out.push((p, ptr)),
                }
            }
        }
        (Value::Array(o), Value::Array(r)) => {
            for (i, (v, rv)) in o.iter().zip(r).enumerate() {
                diff_keys(v, rv, &path_index(path, i), &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A key missing from the round trip is either unknown to the model, or a known field the model
/// leaves out when it has its default (`"better": "none"`, `"levels": []`). Tell them apart by
/// giving the key a value no field accepts: the model only still parses if it ignores the key.
fn ignored_by_model<T: DeserializeOwned>(original: &Value, pointer: &str) -> bool {
    let mut probe = original.clone();
    match probe.pointer_mut(pointer) {
        Some(slot) => *slot = serde_json::json!({ "\u{0}probe": [[]] }),
        None => return true,
    }
    serde_json::from_value::<T>(probe).is_ok()
}
