//! The real content under `content/` compiles without a single error, validates, is read by the
//! app's model types, and the committed `public/content/` is exactly what it compiles to.

mod common;

use pathways::model::{Article, Attributes, ContentIndex, Glossary, References, Treatments};
use pathways_content::{compile, io};

#[test]
fn real_content_compiles_validates_and_is_committed() {
    let root = common::workspace();
    let (sources, load_errors) = io::load(&root);
    if sources.articles.is_empty() && sources.data.is_empty() {
        eprintln!("no content under content/ yet: nothing to check");
        return;
    }
    let out = compile(&sources);
    let errors: Vec<String> = load_errors
        .iter()
        .chain(&out.diagnostics)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "content errors:\n{}", errors.join("\n"));

    let mut articles = 0;
    for (name, json) in &out.files {
        let read = match name.as_str() {
            "index.json" => serde_json::from_str::<ContentIndex>(json).map(drop),
            "treatments.json" => serde_json::from_str::<Treatments>(json).map(drop),
            "attributes.json" => serde_json::from_str::<Attributes>(json).map(drop),
            "glossary.json" => serde_json::from_str::<Glossary>(json).map(drop),
            "references.json" => serde_json::from_str::<References>(json).map(drop),
            _ => {
                articles += 1;
                serde_json::from_str::<Article>(json).map(drop)
            }
        };
        read.unwrap_or_else(|e| panic!("{name}: the app cannot read it: {e}"));
    }
    assert_eq!(articles, sources.articles.len(), "every article compiles");

    let stale = io::stale(&root, &out);
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}
