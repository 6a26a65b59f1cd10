//! Errors in the hand-written catalogue JSON are reported at their line and column, and broken
//! sources do not cascade into errors elsewhere.

mod common;

use common::ok_set;
use pathways_content::{compile, Sources};

fn edit(set: &mut Sources, file: &str, from: &str, to: &str) {
    let f = set.data.get_mut(file).expect("catalog file");
    assert!(f.text.contains(from), "{from:?} not in {file}");
    f.text = f.text.replacen(from, to, 1);
}

fn errors(set: &Sources) -> Vec<String> {
    compile(set)
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn catalogue_problems_point_into_the_source() {
    let mut set = ok_set();
    edit(
        &mut set,
        "glossary.json",
        r#""term": "Allodynia","#,
        r#""term": "Allodynia", "colour": "red","#,
    );
    edit(
        &mut set,
        "treatments.json",
        r#""value": "days""#,
        r#""value": "weekly""#,
    );
    edit(
        &mut set,
        "references.json",
        r#""url": "https://www.nice.org.uk/guidance/ng193""#,
        r#""url": "http://www.nice.org.uk""#,
    );
    assert_eq!(
        errors(&set),
        [
            "content/glossary.json:4:47: $.terms[0].colour: unknown field \"colour\"",
            "content/references.json:11:20: $.references[3].url: \"http://www.nice.org.uk\" is not an https:// link",
            "content/treatments.json:27:20: $.treatments[2].values.onset.value: \"weekly\" is not a level of attribute \"onset\"; levels: minutes to hours, days, weeks",
        ]
    );
}

#[test]
fn catalogue_syntax_and_shape_errors() {
    let mut set = ok_set();
    edit(
        &mut set,
        "glossary.json",
        r#""schema": 2,"#,
        r#""schema": 2"#,
    );
    edit(
        &mut set,
        "attributes.json",
        r#""kind": "number""#,
        r#""kind": "numeric""#,
    );
    let got = errors(&set);
    assert_eq!(
        got,
        [
            "content/attributes.json:7:76: $.attributes[1].kind: unknown variant `numeric`, expected one of `ordinal`, `number`, `category`, `text` (line 7, column 76)",
            "content/glossary.json:3:3: invalid JSON: expected `,` or `}`",
        ]
    );
}

#[test]
fn missing_catalogue_file() {
    let mut set = ok_set();
    set.data.remove("glossary.json");
    assert_eq!(errors(&set), ["content/glossary.json: missing file"]);
}

#[test]
fn an_article_with_broken_front_matter_does_not_cascade() {
    // lists-and-callouts links to inline-marks; inline-marks now has no usable front matter.
    let mut set = ok_set();
    let a = set
        .articles
        .iter_mut()
        .find(|a| a.path.ends_with("/inline-marks.md"))
        .expect("fixture");
    a.text = a.text.replacen("title = ", "titel = ", 1);
    let got = errors(&set);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with(
            "content/articles/inline-marks.md:2:1: front matter: unknown field `titel`"
        ),
        "{got:#?}"
    );
}

#[test]
fn duplicate_slugs() {
    let mut set = ok_set();
    let mut copy = set.articles[0].clone();
    copy.path = copy
        .path
        .replace("content/articles/", "content/articles/../articles/");
    set.articles.push(copy);
    let got = errors(&set);
    assert!(
        got.iter()
            .any(|e| e.ends_with("another file also gives the slug \"compare-and-figure\"")),
        "{got:#?}"
    );
}
