//! The validator on a small content set that passes every check (`tests/fixtures/validate/`),
//! changed one value at a time; each test module covers one concern of the validator.

use serde_json::Value;

use super::{validate, validate_shape};

mod articles;
mod catalogue;
mod shape;
mod text;

/// A small content set that passes every check (tests/fixtures/validate/).
fn baseline() -> Vec<(String, Value)> {
    macro_rules! fixture {
        ($name:literal) => {
            (
                $name.to_string(),
                serde_json::from_str::<Value>(include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../tests/fixtures/validate/",
                    $name
                )))
                .expect($name),
            )
        };
    }
    vec![
        fixture!("index.json"),
        fixture!("articles/central-sensitization.json"),
        fixture!("articles/ketamine-vs-traditional.json"),
        fixture!("treatments.json"),
        fixture!("attributes.json"),
        fixture!("glossary.json"),
        fixture!("references.json"),
    ]
}

fn texts(set: &[(String, Value)]) -> Vec<(String, String)> {
    set.iter()
        .map(|(f, v)| {
            (
                f.clone(),
                serde_json::to_string_pretty(v).expect("serializes"),
            )
        })
        .collect()
}

fn run(set: &[(String, Value)]) -> Vec<String> {
    validate(&texts(set))
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The baseline with the value at JSON `pointer` of `file` replaced, and its problems.
fn with(file: &str, pointer: &str, value: Value) -> Vec<String> {
    with_all(&[(file, pointer, value)])
}

fn with_all(edits: &[(&str, &str, Value)]) -> Vec<String> {
    let mut set = baseline();
    for (file, pointer, value) in edits {
        let doc = &mut set
            .iter_mut()
            .find(|(f, _)| f == file)
            .expect("fixture file")
            .1;
        set_pointer(doc, pointer, value.clone());
    }
    run(&set)
}

fn set_pointer(doc: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = doc.pointer_mut(pointer) {
        *slot = value;
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    match doc.pointer_mut(parent).expect("parent exists") {
        Value::Object(o) => drop(o.insert(key.to_string(), value)),
        Value::Array(a) => a.push(value),
        _ => panic!("parent is not a container"),
    }
}

fn remove(file: &str, pointer: &str) -> Vec<String> {
    let mut set = baseline();
    let doc = &mut set
        .iter_mut()
        .find(|(f, _)| f == file)
        .expect("fixture file")
        .1;
    let (parent, key) = pointer.rsplit_once('/').expect("pointer");
    match doc.pointer_mut(parent).expect("parent") {
        Value::Object(o) => drop(o.remove(key)),
        Value::Array(a) => drop(a.remove(key.parse::<usize>().expect("index"))),
        _ => panic!("not a container"),
    }
    run(&set)
}

const KVT: &str = "articles/ketamine-vs-traditional.json";
const CS: &str = "articles/central-sensitization.json";

#[test]
fn baseline_is_valid() {
    assert_eq!(run(&baseline()), Vec::<String>::new());
}

#[test]
fn missing_and_unexpected_files() {
    let mut files = texts(&baseline());
    files.retain(|(f, _)| f != "glossary.json");
    files.push(("notes.txt".to_string(), String::new()));
    let got: Vec<String> = validate(&files).iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "glossary.json: $: missing file",
            "notes.txt: $: not a content file"
        ]
    );
}
