//! Content validation: every rule a content set under `public/content/` must satisfy before the
//! app may load it. Pure Rust (no filesystem): callers hand in `(path, raw text)` pairs, paths
//! relative to `public/content/` (`index.json`, `articles/<slug>.json`, `treatments.json`, …),
//! and get back every problem found, not just the first.
//!
//! It lives in the content tool rather than the app's model because only this tool runs it, and
//! the app's wasm should not carry it.
//!
//! ```
//! use pathways_content::validate::validate;
//! let problems = validate(&[("glossary.json".to_string(), "{".to_string())]);
//! assert!(!problems.is_empty());
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use pathways::model::{
    Article, ArticleMeta, Attribute, Attributes, Block, ContentIndex, Glossary, References,
    Treatments,
};

mod articles;
mod catalogue;
mod ids;
mod json_path;
mod readability;
mod shape;
#[cfg(test)]
mod tests;
mod text;

pub use ids::suggest;
pub use json_path::{json_locations, JsonSpan};
pub use pathways::model::urls::is_https_url;
pub use readability::article_grade;
pub use text::{find_html, find_placeholder};

use articles::{check_article, check_index};
use catalogue::{check_attributes, check_references, check_treatments};
use ids::unique_ids;
use shape::parse;

/// The catalogue files every content set has, besides `index.json` and the articles.
pub const DATA_FILES: [&str; 4] = [
    "treatments.json",
    "attributes.json",
    "glossary.json",
    "references.json",
];

/// One thing wrong with one file. `path` is a JSON path into that file (`$.blocks[4].runs[2]`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

/// Validates a whole content set. Problems come sorted by file, then roughly in document order.
pub fn validate(files: &[(String, String)]) -> Vec<Problem> {
    validate_texts(files.iter().map(|(p, t)| (p.as_str(), t.as_str())))
}

/// Only the checks that need no other file: JSON syntax, the model's shape, unknown fields and
/// the schema number. `file` names the file kind the same way as in [`validate`].
pub fn validate_shape(file: &str, text: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut sink = Sink {
        file,
        out: &mut out,
    };
    match FileKind::of(file) {
        FileKind::Index => _ = parse::<ContentIndex>(text, &mut sink),
        FileKind::Article(_) => _ = parse::<Article>(text, &mut sink),
        FileKind::Treatments => _ = parse::<Treatments>(text, &mut sink),
        FileKind::Attributes => _ = parse::<Attributes>(text, &mut sink),
        FileKind::Glossary => _ = parse::<Glossary>(text, &mut sink),
        FileKind::References => _ = parse::<References>(text, &mut sink),
        FileKind::Other => sink.at("$", "not a content file"),
    }
    finish(out)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum FileKind {
    Index,
    Article(String),
    Treatments,
    Attributes,
    Glossary,
    References,
    Other,
}

impl FileKind {
    fn of(file: &str) -> FileKind {
        match file {
            "index.json" => FileKind::Index,
            "treatments.json" => FileKind::Treatments,
            "attributes.json" => FileKind::Attributes,
            "glossary.json" => FileKind::Glossary,
            "references.json" => FileKind::References,
            _ => match file
                .strip_prefix("articles/")
                .and_then(|f| f.strip_suffix(".json"))
            {
                Some(stem) if !stem.contains('/') => FileKind::Article(stem.to_string()),
                _ => FileKind::Other,
            },
        }
    }
}

/// Where the problems of one file go, each at a JSON path into it.
struct Sink<'s> {
    file: &'s str,
    out: &'s mut Vec<Problem>,
}

impl Sink<'_> {
    fn at(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.out.push(Problem {
            file: self.file.to_string(),
            path: path.into(),
            message: message.into(),
        });
    }
}

/// Everything ids may point at, learnt from the files that parsed. `None`: the file is missing
/// or broken (already reported), so ids into it are not checked.
#[derive(Default)]
struct Known {
    references: Option<BTreeSet<String>>,
    terms: Option<BTreeSet<String>>,
    treatments: Option<BTreeSet<String>>,
    attributes: Option<BTreeMap<String, Attribute>>,
    /// Every article file present, with its heading ids if it parsed.
    articles: BTreeMap<String, Option<BTreeSet<String>>>,
}

fn validate_texts<'a>(files: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut index = None;
    let mut articles = Vec::new();
    let (mut treatments, mut attributes, mut glossary, mut references) = (None, None, None, None);
    let mut seen = BTreeSet::new();
    for (file, text) in files {
        if !seen.insert(file.to_string()) {
            Sink {
                file,
                out: &mut out,
            }
            .at("$", "listed twice in the content set");
            continue;
        }
        let mut sink = Sink {
            file,
            out: &mut out,
        };
        match FileKind::of(file) {
            FileKind::Index => index = parse::<ContentIndex>(text, &mut sink),
            FileKind::Article(stem) => {
                let parsed = parse::<Article>(text, &mut sink);
                articles.push((file.to_string(), stem, parsed));
            }
            FileKind::Treatments => treatments = parse::<Treatments>(text, &mut sink),
            FileKind::Attributes => attributes = parse::<Attributes>(text, &mut sink),
            FileKind::Glossary => glossary = parse::<Glossary>(text, &mut sink),
            FileKind::References => references = parse::<References>(text, &mut sink),
            FileKind::Other => sink.at("$", "not a content file"),
        }
    }
    for file in std::iter::once("index.json").chain(DATA_FILES) {
        if !seen.contains(file) {
            Sink {
                file,
                out: &mut out,
            }
            .at("$", "missing file");
        }
    }

    let known = Known {
        references: references
            .as_ref()
            .map(|r| r.references.iter().map(|x| x.id.clone()).collect()),
        terms: glossary
            .as_ref()
            .map(|g| g.terms.iter().map(|x| x.id.clone()).collect()),
        treatments: treatments
            .as_ref()
            .map(|t| t.treatments.iter().map(|x| x.id.clone()).collect()),
        attributes: attributes.as_ref().map(|a| {
            a.attributes
                .iter()
                .map(|x| (x.id.clone(), x.clone()))
                .collect()
        }),
        articles: articles
            .iter()
            .map(|(_, stem, a)| {
                let anchors = a.as_ref().map(|a| {
                    a.blocks
                        .iter()
                        .filter_map(|b| match b {
                            Block::Heading { id, .. } => Some(id.clone()),
                            _ => None,
                        })
                        .collect()
                });
                (stem.clone(), anchors)
            })
            .collect(),
    };

    if let Some(r) = &references {
        check_references(
            r,
            &mut Sink {
                file: "references.json",
                out: &mut out,
            },
        );
    }
    if let Some(g) = &glossary {
        let mut sink = Sink {
            file: "glossary.json",
            out: &mut out,
        };
        unique_ids(g.terms.iter().map(|t| t.id.as_str()), "$.terms", &mut sink);
        readability::check_glossary(g, &mut sink);
    }
    if let Some(a) = &attributes {
        check_attributes(
            a,
            &mut Sink {
                file: "attributes.json",
                out: &mut out,
            },
        );
    }
    if let Some(t) = &treatments {
        let mut sink = Sink {
            file: "treatments.json",
            out: &mut out,
        };
        check_treatments(t, &known, &mut sink);
        readability::check_treatments(t, &mut sink);
    }
    let metas: BTreeMap<&str, &ArticleMeta> = articles
        .iter()
        .filter_map(|(_, stem, a)| a.as_ref().map(|a| (stem.as_str(), &a.meta)))
        .collect();
    for (file, stem, article) in &articles {
        if let Some(a) = article {
            let mut sink = Sink {
                file,
                out: &mut out,
            };
            check_article(a, stem, &known, &mut sink);
            readability::check_article(a, &mut sink);
        }
    }
    if let Some(index) = &index {
        check_index(
            index,
            &known,
            &metas,
            &mut Sink {
                file: "index.json",
                out: &mut out,
            },
        );
    }
    finish(out)
}

/// Sorts by file, then by path in document order (array indices compared as numbers); drops
/// exact repeats.
fn finish(mut out: Vec<Problem>) -> Vec<Problem> {
    fn key(p: &Problem) -> (String, Vec<Result<usize, String>>) {
        let segs = p
            .path
            .split(['.', '['])
            .map(|s| {
                let s = s.trim_end_matches(']');
                s.parse::<usize>().map_err(|_| s.to_string())
            })
            .collect();
        (p.file.clone(), segs)
    }
    out.sort_by_cached_key(key);
    out.dedup();
    out
}
