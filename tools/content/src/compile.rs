//! The whole content set: articles and catalogue in, the JSON the app fetches out, every error
//! found on the way, and then the validator's verdict on the output.

use std::collections::{BTreeMap, BTreeSet};

use pathways::model::{Attributes, ContentIndex, Glossary, References, Treatments, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::article::{compile_article, CompiledArticle};
use crate::diagnostics::{Diagnostic, LineIndex};
use crate::resolve::KnownIds;
use crate::validate::{json_locations, validate, validate_shape, Problem, DATA_FILES};

/// A source file: the path shown in errors (`content/articles/x.md`) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Everything under `content/`: the articles, and the catalogue files by name
/// (`treatments.json`, …; a missing one is an error).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub articles: Vec<SourceFile>,
    pub data: BTreeMap<String, SourceFile>,
}

/// The files to write under `public/content/` (by path relative to it) and every error.
/// The content is good only if `diagnostics` is empty.
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub files: BTreeMap<String, String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Pretty JSON with a trailing newline: the one output format.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(value).map(|s| s + "\n")
}

pub fn compile(src: &Sources) -> Output {
    let mut out = Output::default();
    let mut known = KnownIds::default();
    for name in DATA_FILES {
        let Some(file) = src.data.get(name) else {
            out.diagnostics
                .push(Diagnostic::file(&format!("content/{name}"), "missing file"));
            continue;
        };
        match serde_json::from_str::<serde_json::Value>(&file.text) {
            Err(e) => {
                let what = e.to_string();
                let what = what.split(" at line ").next().unwrap_or_default();
                out.diagnostics.push(Diagnostic::at(
                    &file.path,
                    (e.line(), e.column()),
                    format!("invalid JSON: {what}"),
                ));
                known.learn(name, None);
            }
            Ok(doc) => {
                for p in validate_shape(name, &file.text) {
                    out.diagnostics.push(json_diagnostic(file, &p));
                }
                known.learn(name, Some(&doc));
            }
        }
        let normalized = match name {
            "treatments.json" => normalize::<Treatments>(&file.text),
            "attributes.json" => normalize::<Attributes>(&file.text),
            "glossary.json" => normalize::<Glossary>(&file.text),
            _ => normalize::<References>(&file.text),
        };
        if let Some(json) = normalized {
            out.files.insert(name.to_string(), json);
        }
    }

    let mut articles: Vec<(&SourceFile, CompiledArticle)> = src
        .articles
        .iter()
        .map(|f| (f, compile_article(&f.path, &f.text)))
        .collect();
    articles.sort_by(|a, b| {
        let key = |c: &CompiledArticle| (c.order.is_none(), c.order, c.slug.clone());
        key(&a.1).cmp(&key(&b.1))
    });
    let mut seen = BTreeSet::new();
    for (file, a) in &articles {
        if !seen.insert(a.slug.clone()) {
            out.diagnostics.push(Diagnostic::at(
                &file.path,
                (1, 1),
                format!("another file also gives the slug \"{}\"", a.slug),
            ));
        }
        known.articles.insert(a.slug.clone(), a.anchors.clone());
    }
    let mut index = ContentIndex {
        schema: SCHEMA_VERSION,
        articles: Vec::new(),
    };
    for (file, a) in &mut articles {
        for u in &a.findings.uses {
            if let Some(message) = known.check(u) {
                a.findings.issues.push(crate::diagnostics::Issue {
                    offset: u.offset,
                    message,
                    block: u.block,
                });
            }
        }
        let lines = LineIndex::new(&file.text);
        for issue in &a.findings.issues {
            out.diagnostics.push(Diagnostic::at(
                &file.path,
                lines.line_col(issue.offset),
                &issue.message,
            ));
        }
        if let Some(article) = &a.article {
            index.articles.push(article.meta.clone());
            match to_json(article) {
                Ok(json) => drop(out.files.insert(format!("articles/{}.json", a.slug), json)),
                Err(e) => out.diagnostics.push(Diagnostic::file(
                    &file.path,
                    format!("cannot serialize: {e}"),
                )),
            }
        }
    }
    match to_json(&index) {
        Ok(json) => drop(out.files.insert("index.json".to_string(), json)),
        Err(e) => out.diagnostics.push(Diagnostic::file(
            "public/content/index.json",
            format!("cannot serialize: {e}"),
        )),
    }

    let files: Vec<(String, String)> = out
        .files
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let failed: Vec<&str> = articles
        .iter()
        .filter(|(_, a)| a.article.is_none())
        .map(|(_, a)| a.slug.as_str())
        .collect();
    let index_slugs: Vec<String> = index.articles.iter().map(|m| m.slug.clone()).collect();
    for p in validate(&files) {
        if let Some(d) = problem_diagnostic(&p, src, &articles, &index_slugs, &failed) {
            out.diagnostics.push(d);
        }
    }
    out.diagnostics.sort();
    out.diagnostics.dedup();
    out
}

fn normalize<T: DeserializeOwned + Serialize>(text: &str) -> Option<String> {
    to_json(&serde_json::from_str::<T>(text).ok()?).ok()
}

/// A problem in a catalogue file, placed at the line and column of its JSON path in the source.
fn json_diagnostic(file: &SourceFile, p: &Problem) -> Diagnostic {
    let spans = json_locations(&file.text);
    let mut path = p.path.as_str();
    let start = loop {
        if let Some(s) = spans.iter().find(|s| s.path == path) {
            break s.start;
        }
        match path.rfind(['.', '[']) {
            Some(i) if i > 0 => path = &path[..i],
            _ => break 0,
        }
    };
    let mut d = Diagnostic::at(
        &file.path,
        LineIndex::new(&file.text).line_col(start),
        &p.message,
    );
    d.path = Some(p.path.clone());
    d
}

/// The validator's problem on the output, reported against the source it came from; `None`
/// when the compiler has already reported an error there.
fn problem_diagnostic(
    p: &Problem,
    src: &Sources,
    articles: &[(&SourceFile, CompiledArticle)],
    index_slugs: &[String],
    failed: &[&str],
) -> Option<Diagnostic> {
    if let Some(file) = src.data.get(&p.file) {
        return (p.message != "missing file").then(|| json_diagnostic(file, p));
    }
    let mentions_failed = failed.iter().any(|s| {
        p.message.starts_with(&format!("unknown article \"{s}\""))
            || p.message.contains(&format!("in article \"{s}\""))
    });
    if DATA_FILES.contains(&p.file.as_str()) || mentions_failed {
        return None;
    }
    // Index entries repeat the articles' meta: report them against the article's front matter.
    let (slug, path) = match p
        .file
        .strip_prefix("articles/")
        .and_then(|f| f.strip_suffix(".json"))
    {
        Some(slug) => (Some(slug), p.path.clone()),
        None => {
            let entry = p
                .path
                .strip_prefix("$.articles[")
                .and_then(|r| r.split_once(']'));
            let slug = entry.and_then(|(n, _)| {
                index_slugs
                    .get(n.parse::<usize>().ok()?)
                    .map(String::as_str)
            });
            (
                slug,
                entry.map_or_else(String::new, |(_, rest)| format!("$.meta{rest}")),
            )
        }
    };
    let Some((file, a)) = articles.iter().find(|(_, a)| Some(a.slug.as_str()) == slug) else {
        let mut d = Diagnostic::file(&format!("public/content/{}", p.file), &p.message);
        d.path = Some(p.path.clone());
        return Some(d);
    };
    let block: Option<usize> = path
        .strip_prefix("$.blocks[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|n| n.parse().ok());
    let offset = match block {
        Some(b) => a.block_offsets.get(b).copied().unwrap_or(0),
        None => {
            let key = path
                .strip_prefix("$.meta.")
                .map(|k| k.split(['.', '[']).next().unwrap_or(k));
            key.and_then(|k| a.meta_offsets.get(k))
                .copied()
                .unwrap_or(0)
        }
    };
    if a.findings.issues.iter().any(|i| i.block == block) {
        return None;
    }
    Some(Diagnostic::at(
        &file.path,
        LineIndex::new(&file.text).line_col(offset),
        &p.message,
    ))
}
