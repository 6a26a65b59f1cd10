//! Golden tests: `tests/fixtures/authoring/ok/*.md` compile to the `.json` beside them, and each
//! `errors/*.md` gives exactly the diagnostics in its `.expected` file.
//! `UPDATE_GOLDEN=1 cargo test -p pathways-content` rewrites the expected files (review the diff).

mod common;

use common::{article, files, fixtures, golden, ok_set, stem};
use pathways::model::{Article, ContentIndex};
use pathways_content::compile;

#[test]
fn ok_fixtures_compile_to_their_golden_json() {
    let out = compile(&ok_set());
    let errors: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    let mds = files(&fixtures().join("ok"), "md");
    assert!(mds.len() >= 3);
    for md in &mds {
        let name = stem(md);
        let json = out
            .files
            .get(&format!("articles/{name}.json"))
            .expect("compiled");
        let parsed: Article = serde_json::from_str(json).expect("the app's model reads it");
        assert_eq!(parsed.meta.slug, name);
        golden(&md.with_extension("json"), json);
    }
    golden(
        &fixtures().join("ok/index.json.expected"),
        &out.files["index.json"],
    );
}

#[test]
fn index_is_ordered_by_order_then_slug() {
    let out = compile(&ok_set());
    let index: ContentIndex = serde_json::from_str(&out.files["index.json"]).expect("index");
    let slugs: Vec<&str> = index.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["lists-and-callouts", "inline-marks", "compare-and-figure"]
    );
}

#[test]
fn every_error_fixture_gives_its_expected_diagnostics() {
    let mds = files(&fixtures().join("errors"), "md");
    assert!(mds.len() >= 30, "{} error fixtures", mds.len());
    for md in mds {
        let mut set = ok_set();
        set.articles.push(article(&md));
        let out = compile(&set);
        let got: String = out.diagnostics.iter().map(|d| format!("{d}\n")).collect();
        assert!(!got.is_empty(), "{} compiled without errors", md.display());
        golden(&md.with_extension("expected"), &got);
    }
}

#[test]
fn output_is_deterministic() {
    let a = compile(&ok_set());
    let mut reversed = ok_set();
    reversed.articles.reverse();
    let b = compile(&reversed);
    assert_eq!(a.files, b.files);
    for (name, json) in &a.files {
        assert!(json.ends_with("}\n"), "{name} ends with a newline");
    }
}

#[test]
fn never_panics_on_truncated_or_odd_input() {
    let mut texts: Vec<String> = files(&fixtures().join("ok"), "md")
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    texts.push(
        "+++\r\ntitle = \"x\"\r\n+++\r\n> **Key point:**\r\n> - a\r\n\r\n* [x]{term=}\n[@".into(),
    );
    texts.push(
        "+++\n+++\n```compare\ntreatments : a,,b\n:\n```\n> \n>\n[](treatment:)[]{term=x}`".into(),
    );
    for text in texts {
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        for cut in cuts {
            let mut set = ok_set();
            set.articles.push(pathways_content::SourceFile {
                path: "content/articles/cut.md".into(),
                text: text[..cut].to_string(),
            });
            let _ = compile(&set);
        }
    }
}
