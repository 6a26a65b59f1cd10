//! Content validation: every rule a content set under `public/content/` must satisfy before the
//! app may load it. Pure Rust (no filesystem): callers hand in `(path, raw text)` pairs, paths
//! relative to `public/content/` (`index.json`, `articles/<slug>.json`, `treatments.json`, …),
//! and get back every problem found, not just the first.
//!
//! ```
//! use pathways::model::validate::validate;
//! let problems = validate(&[("glossary.json".to_string(), "{".to_string())]);
//! assert!(!problems.is_empty());
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::dates::{parse_date, DateError};
use super::ids::{by_closeness, is_valid_id, slugify, FIGURE_IDS};
use super::{
    Article, ArticleMeta, AttributeKind, Attributes, Better, Block, CellValue, ContentIndex,
    Glossary, Inline, References, Treatments, Versioned, SCHEMA_VERSION,
};

/// How many known ids an "unknown id" message lists before it says "…".
pub const KNOWN_LIST_MAX: usize = 8;

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

/// A set of content files to validate together: `(path relative to public/content, raw text)`.
pub struct ContentSet<'a> {
    pub files: Vec<(String, &'a str)>,
}

impl ContentSet<'_> {
    pub fn validate(&self) -> Vec<Problem> {
        validate_texts(self.files.iter().map(|(p, t)| (p.as_str(), *t)))
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

/// A placeholder left in text: `(byte offset, what)`. Case-insensitive `lorem ipsum`, and the
/// whole words `TODO`, `TBD`, `FIXME` and `XXX` in any case.
pub fn find_placeholder(s: &str) -> Option<(usize, &'static str)> {
    let lower = s.to_ascii_lowercase();
    let mut found: Option<(usize, &'static str)> =
        lower.find("lorem ipsum").map(|i| (i, "lorem ipsum"));
    let b = lower.as_bytes();
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for (word, label) in [
        ("todo", "TODO"),
        ("tbd", "TBD"),
        ("fixme", "FIXME"),
        ("xxx", "XXX"),
    ] {
        for (i, _) in lower.match_indices(word) {
            let end = i + word.len();
            let before = i == 0 || !is_word(b[i - 1]);
            let after = end == b.len() || !is_word(b[end]);
            if before && after && found.is_none_or(|(j, _)| i < j) {
                found = Some((i, label));
            }
        }
    }
    found
}

/// Where text looks like HTML: a `<` followed by an ASCII letter, `/` or `!`.
pub fn find_html(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| {
        b[i] == b'<'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
    })
}

/// An absolute `https://` URL with a host and no whitespace: the only links content may hold.
pub fn is_https_url(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !rest
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '"')
    })
}

/// The JSON path of member `key` of the value at `parent`: `.key`, or `["key"]` when the key is
/// not a plain identifier.
pub fn path_key(parent: &str, key: &str) -> String {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", Value::String(key.to_string()))
    }
}

/// The JSON path of element `i` of the array at `parent`.
pub fn path_index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// Every value of a JSON document with its path and where it is: `start` is the byte offset of
/// the member's key (object members) or of the value (array elements, the root); `end` is the
/// end of the value. Empty for text that is not JSON.
pub fn json_locations(text: &str) -> Vec<JsonSpan> {
    let mut scanner = Scanner {
        b: text.as_bytes(),
        i: 0,
        out: Vec::new(),
    };
    let start = scanner.skip_ws();
    if scanner.value("$".to_string(), start).is_none() {
        scanner.out.clear();
    }
    scanner.out
}

/// One entry of [`json_locations`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSpan {
    pub path: String,
    pub start: usize,
    pub end: usize,
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    out: Vec<JsonSpan>,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) -> usize {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
        self.i
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.skip_ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    /// Parses a value at `self.i` (whitespace skipped), recording it under `path`.
    fn value(&mut self, path: String, start: usize) -> Option<()> {
        let slot = self.out.len();
        self.out.push(JsonSpan {
            path: path.clone(),
            start,
            end: start,
        });
        self.skip_ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                if self.eat(b'}').is_none() {
                    loop {
                        let key_start = self.skip_ws();
                        let key = self.string()?;
                        self.eat(b':')?;
                        self.value(path_key(&path, &key), key_start)?;
                        if self.eat(b',').is_none() {
                            self.eat(b'}')?;
                            break;
                        }
                    }
                }
            }
            b'[' => {
                self.i += 1;
                if self.eat(b']').is_none() {
                    for n in 0.. {
                        let at = self.skip_ws();
                        self.value(path_index(&path, n), at)?;
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
            }
            b'"' => drop(self.string()?),
            _ => {
                let from = self.i;
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| !b",]} \t\r\n".contains(c))
                {
                    self.i += 1;
                }
                (self.i > from).then_some(())?;
            }
        }
        self.out[slot].end = self.i;
        Some(())
    }

    fn string(&mut self) -> Option<String> {
        let from = self.i;
        (self.b.get(self.i) == Some(&b'"')).then_some(())?;
        self.i += 1;
        loop {
            match *self.b.get(self.i)? {
                b'\\' => self.i += 2,
                b'"' => break,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        serde_json::from_slice(self.b.get(from..self.i)?).ok()
    }
}

// ---------------------------------------------------------------------------------------------

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
    attributes: Option<BTreeMap<String, super::Attribute>>,
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
        check_treatments(
            t,
            &known,
            &mut Sink {
                file: "treatments.json",
                out: &mut out,
            },
        );
    }
    let metas: BTreeMap<&str, &ArticleMeta> = articles
        .iter()
        .filter_map(|(_, stem, a)| a.as_ref().map(|a| (stem.as_str(), &a.meta)))
        .collect();
    for (file, stem, article) in &articles {
        if let Some(a) = article {
            check_article(
                a,
                stem,
                &known,
                &mut Sink {
                    file,
                    out: &mut out,
                },
            );
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

// --- shape: syntax, model type, unknown fields, schema, text rules -------------------------

fn parse<T: DeserializeOwned + Serialize + Versioned>(text: &str, sink: &mut Sink) -> Option<T> {
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

/// The deepest JSON path whose value spans the (1-based line, byte column) serde reports, and
/// where that value starts (1-based line and character column). serde sometimes reports a
/// value's error only once it has moved on to the next sibling, so the position is first moved
/// back over whitespace and commas to where the last value ended.
fn path_at(text: &str, line: usize, column: usize) -> (String, usize, usize) {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let b = text.as_bytes();
    let mut at = (line_start + column)
        .saturating_sub(1)
        .min(b.len().saturating_sub(1));
    while at > 0
        && b.get(at)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b',')
    {
        at -= 1;
    }
    match json_locations(text)
        .into_iter()
        .filter(|s| s.start <= at && at < s.end.max(s.start + 1))
        .max_by_key(|s| s.start)
    {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            (span.path, line, column)
        }
        None => ("$".to_string(), line, column),
    }
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

/// Text rules for every string: not blank, no placeholder, no HTML. A `text` run may be a
/// lone space (between two marks) but not empty.
fn check_strings(v: &Value, path: &str, space_ok: bool, sink: &mut Sink) {
    match v {
        Value::String(s) => {
            if s.is_empty() || (!space_ok && s.trim().is_empty()) {
                sink.at(path, "empty text");
            }
            if let Some((_, what)) = find_placeholder(s) {
                sink.at(path, format!("placeholder text \"{what}\""));
            }
            if let Some(i) = find_html(s) {
                let tag: String = s[i..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '>')
                    .take(12)
                    .collect();
                sink.at(
                    path,
                    format!("HTML in text (\"{tag}\"): content is plain text"),
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_strings(x, &path_index(path, i), false, sink);
            }
        }
        Value::Object(o) => {
            let text_run = o.get("type").and_then(Value::as_str) == Some("text");
            for (k, x) in o {
                check_strings(x, &path_key(path, k), text_run && k == "text", sink);
            }
        }
        _ => {}
    }
}

// --- ids -------------------------------------------------------------------------------------

fn check_id(id: &str, path: &str, sink: &mut Sink) {
    if !is_valid_id(id) {
        sink.at(
            path,
            format!("\"{id}\" is not a valid id: use lowercase letters, digits and single hyphens"),
        );
    }
}

/// Every id valid and none twice. `list` is the array's path; ids sit at `list[i].id`.
fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: &str, sink: &mut Sink) {
    let mut first = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        let path = path_key(&path_index(list, i), "id");
        check_id(id, &path, sink);
        if let Some(prev) = first.insert(id, path.clone()) {
            sink.at(path, format!("duplicate id \"{id}\" (first at {prev})"));
            first.insert(id, prev);
        }
    }
}

/// Valid ids, none twice, in a plain list of ids (`tags`, `related`).
fn id_list(ids: &[String], list: &str, sink: &mut Sink) {
    for (i, id) in ids.iter().enumerate() {
        let path = path_index(list, i);
        check_id(id, &path, sink);
        if ids[..i].contains(id) {
            sink.at(path, format!("\"{id}\" is listed twice"));
        }
    }
}

fn known_list<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let all = by_closeness(wanted, known);
    if all.is_empty() {
        return "known: none".to_string();
    }
    let mut s = format!("known: {}", all[..all.len().min(KNOWN_LIST_MAX)].join(", "));
    if all.len() > KNOWN_LIST_MAX {
        s.push_str(", …");
    }
    s
}

/// Reports `id` unless it is in `known` (`None`: the target file is broken, nothing to check).
fn resolve(id: &str, what: &str, known: Option<&BTreeSet<String>>, path: &str, sink: &mut Sink) {
    if let Some(known) = known {
        if !known.contains(id) {
            let list = known_list(id, known.iter().map(String::as_str));
            sink.at(path, format!("unknown {what} \"{id}\"; {list}"));
        }
    }
}

fn check_url(url: &str, path: &str, sink: &mut Sink) {
    if !is_https_url(url) {
        sink.at(path, format!("\"{url}\" is not an https:// link"));
    }
}

// --- catalogue -------------------------------------------------------------------------------

fn check_references(r: &References, sink: &mut Sink) {
    unique_ids(
        r.references.iter().map(|x| x.id.as_str()),
        "$.references",
        sink,
    );
    for (i, x) in r.references.iter().enumerate() {
        let at = path_index("$.references", i);
        if let Some(url) = &x.url {
            check_url(url, &path_key(&at, "url"), sink);
        }
        if let Some(doi) = &x.doi {
            if !doi.starts_with("10.") || doi.contains(char::is_whitespace) {
                sink.at(
                    path_key(&at, "doi"),
                    format!("\"{doi}\" is not a DOI (10.…, without https://doi.org/)"),
                );
            }
        }
        if let Some(pmid) = &x.pmid {
            if pmid.is_empty() || !pmid.bytes().all(|c| c.is_ascii_digit()) {
                sink.at(
                    path_key(&at, "pmid"),
                    format!("\"{pmid}\" is not a PubMed id (digits only)"),
                );
            }
        }
    }
}

fn check_attributes(a: &Attributes, sink: &mut Sink) {
    unique_ids(
        a.attributes.iter().map(|x| x.id.as_str()),
        "$.attributes",
        sink,
    );
    for (i, x) in a.attributes.iter().enumerate() {
        let at = path_index("$.attributes", i);
        let levels_at = path_key(&at, "levels");
        match x.kind {
            AttributeKind::Ordinal => {
                let distinct: BTreeSet<&String> = x.levels.iter().collect();
                if distinct.len() < 2 {
                    sink.at(
                        &levels_at,
                        "an ordinal attribute needs at least 2 distinct levels",
                    );
                } else if x.levels.len() > 6 {
                    sink.at(
                        &levels_at,
                        format!(
                            "{} levels; an ordinal attribute has at most 6",
                            x.levels.len()
                        ),
                    );
                }
                for (j, l) in x.levels.iter().enumerate() {
                    if x.levels[..j].contains(l) {
                        sink.at(
                            path_index(&levels_at, j),
                            format!("level \"{l}\" is listed twice"),
                        );
                    }
                }
            }
            _ if !x.levels.is_empty() => sink.at(&levels_at, "only ordinal attributes have levels"),
            _ => {}
        }
        match (x.kind, &x.unit) {
            (AttributeKind::Number, None) => sink.at(&at, "a number attribute needs a unit"),
            (AttributeKind::Number, Some(_)) | (_, None) => {}
            (_, Some(_)) => sink.at(path_key(&at, "unit"), "only number attributes have a unit"),
        }
        if matches!(x.kind, AttributeKind::Category | AttributeKind::Text)
            && x.better != Better::None
        {
            sink.at(
                path_key(&at, "better"),
                "only ordinal and number attributes have a \"better\" direction",
            );
        }
    }
}

fn kind_name(kind: AttributeKind) -> &'static str {
    match kind {
        AttributeKind::Ordinal => "ordinal",
        AttributeKind::Number => "number",
        AttributeKind::Category => "category",
        AttributeKind::Text => "text",
    }
}

fn check_treatments(t: &Treatments, known: &Known, sink: &mut Sink) {
    unique_ids(
        t.treatments.iter().map(|x| x.id.as_str()),
        "$.treatments",
        sink,
    );
    for (i, x) in t.treatments.iter().enumerate() {
        let at = path_index("$.treatments", i);
        if x.sites.is_empty() {
            sink.at(path_key(&at, "sites"), "at least one site is needed");
        }
        for (j, s) in x.sites.iter().enumerate() {
            if x.sites[..j].contains(s) {
                sink.at(path_index(&path_key(&at, "sites"), j), "site listed twice");
            }
        }
        let values_at = path_key(&at, "values");
        if let Some(attrs) = &known.attributes {
            for id in attrs.keys().filter(|id| !x.values.contains_key(*id)) {
                sink.at(
                    &values_at,
                    format!("missing cell for attribute \"{id}\" (use \"value\": null for not established)"),
                );
            }
        }
        for (key, cell) in &x.values {
            let cell_at = path_key(&values_at, key);
            if let Some(attrs) = &known.attributes {
                match attrs.get(key) {
                    None => {
                        let list = known_list(key, attrs.keys().map(String::as_str));
                        sink.at(&cell_at, format!("unknown attribute \"{key}\"; {list}"));
                    }
                    Some(attr) => check_cell_value(
                        attr,
                        cell.value.as_ref(),
                        &path_key(&cell_at, "value"),
                        sink,
                    ),
                }
            }
            for (j, r) in cell.refs.iter().enumerate() {
                let p = path_index(&path_key(&cell_at, "refs"), j);
                resolve(r, "reference", known.references.as_ref(), &p, sink);
            }
        }
    }
}

fn check_cell_value(
    attr: &super::Attribute,
    value: Option<&CellValue>,
    path: &str,
    sink: &mut Sink,
) {
    let id = &attr.id;
    match (attr.kind, value) {
        (_, None) => {}
        (AttributeKind::Ordinal, Some(CellValue::Text(v))) => {
            if !attr.levels.contains(v) {
                let levels = attr.levels.join(", ");
                sink.at(
                    path,
                    format!("\"{v}\" is not a level of attribute \"{id}\"; levels: {levels}"),
                );
            }
        }
        (AttributeKind::Number, Some(CellValue::Number(_))) => {}
        (AttributeKind::Number, Some(CellValue::Text(_))) => {
            sink.at(
                path,
                format!(
                    "attribute \"{id}\" is a number: the value must be a JSON number, not a string"
                ),
            );
        }
        (AttributeKind::Ordinal, Some(CellValue::Number(_))) => {
            sink.at(path, format!("attribute \"{id}\" is ordinal: the value must be one of its levels, not a number"));
        }
        (kind, Some(CellValue::Number(_))) => {
            let kind = kind_name(kind);
            sink.at(
                path,
                format!("attribute \"{id}\" is {kind}: the value must be a string, not a number"),
            );
        }
        (_, Some(CellValue::Text(_))) => {}
    }
}

// --- articles and the index ------------------------------------------------------------------

fn check_meta(m: &ArticleMeta, stem: &str, known: &Known, sink: &mut Sink) {
    check_id(&m.slug, "$.meta.slug", sink);
    if m.slug != stem {
        sink.at(
            "$.meta.slug",
            format!(
                "slug \"{}\" does not match the file name \"{stem}.json\"",
                m.slug
            ),
        );
    }
    if m.reading_minutes < 1 {
        sink.at(
            "$.meta.reading_minutes",
            "reading_minutes must be at least 1",
        );
    }
    id_list(&m.tags, "$.meta.tags", sink);
    id_list(&m.related, "$.meta.related", sink);
    let slugs: BTreeSet<String> = known.articles.keys().cloned().collect();
    for (i, r) in m.related.iter().enumerate() {
        let p = path_index("$.meta.related", i);
        if *r == m.slug {
            sink.at(&p, "an article is not related to itself");
        } else {
            resolve(r, "article", Some(&slugs), &p, sink);
        }
    }
    let last = date(&m.last_reviewed, "$.meta.last_reviewed", sink);
    let due = date(&m.review_due, "$.meta.review_due", sink);
    if let (Some(last), Some(due)) = (last, due) {
        if due <= last {
            sink.at(
                "$.meta.review_due",
                format!("review_due {due} must be after last_reviewed {last}"),
            );
        }
    }
}

fn date(s: &str, path: &str, sink: &mut Sink) -> Option<super::dates::Date> {
    parse_date(s)
        .map_err(|e| match e {
            DateError::Format => sink.at(path, format!("\"{s}\" is not a date: write YYYY-MM-DD")),
            DateError::NoSuchDay => sink.at(path, format!("\"{s}\" is not a real calendar date")),
        })
        .ok()
}

fn check_article(a: &Article, stem: &str, known: &Known, sink: &mut Sink) {
    check_meta(&a.meta, stem, known, sink);
    let mut anchors: BTreeMap<&str, String> = BTreeMap::new();
    for (i, block) in a.blocks.iter().enumerate() {
        let at = path_index("$.blocks", i);
        match block {
            Block::Heading { level, id, text } => {
                if !(2..=3).contains(level) {
                    sink.at(
                        path_key(&at, "level"),
                        format!("heading level {level}: use 2 or 3"),
                    );
                }
                let id_at = path_key(&at, "id");
                check_id(id, &id_at, sink);
                if let Some(prev) = anchors.insert(id, id_at.clone()) {
                    sink.at(
                        &id_at,
                        format!("duplicate anchor \"{id}\" (first at {prev})"),
                    );
                    anchors.insert(id, prev);
                }
                if slugify(text).is_empty() {
                    sink.at(
                        path_key(&at, "text"),
                        "a heading needs words (it gives the anchor)",
                    );
                }
            }
            Block::Paragraph { runs } | Block::Callout { runs, .. } => {
                check_runs(runs, &path_key(&at, "runs"), known, sink);
            }
            Block::List { items, .. } => {
                let items_at = path_key(&at, "items");
                if items.is_empty() {
                    sink.at(&items_at, "empty list");
                }
                for (j, item) in items.iter().enumerate() {
                    check_runs(item, &path_index(&items_at, j), known, sink);
                }
            }
            Block::Compare {
                treatments,
                attributes,
                ..
            } => {
                check_compare(treatments, attributes, &at, known, sink);
            }
            Block::Figure { id, .. } => {
                if !FIGURE_IDS.contains(&id.as_str()) {
                    let list = known_list(id, FIGURE_IDS.iter().copied());
                    sink.at(
                        path_key(&at, "id"),
                        format!("unknown figure \"{id}\"; {list}"),
                    );
                }
            }
        }
    }
}

fn check_compare(
    treatments: &[String],
    attributes: &[String],
    at: &str,
    known: &Known,
    sink: &mut Sink,
) {
    let t_at = path_key(at, "treatments");
    let a_at = path_key(at, "attributes");
    if !(2..=8).contains(&treatments.len()) {
        sink.at(
            &t_at,
            format!(
                "a comparison needs 2 to 8 treatments, not {}",
                treatments.len()
            ),
        );
    }
    if attributes.is_empty() {
        sink.at(&a_at, "a comparison needs at least one attribute");
    }
    let attr_ids: Option<BTreeSet<String>> = known
        .attributes
        .as_ref()
        .map(|m| m.keys().cloned().collect());
    for (list, list_at, what, known) in [
        (treatments, &t_at, "treatment", known.treatments.as_ref()),
        (attributes, &a_at, "attribute", attr_ids.as_ref()),
    ] {
        for (j, id) in list.iter().enumerate() {
            let p = path_index(list_at, j);
            if list[..j].contains(id) {
                sink.at(&p, format!("\"{id}\" is listed twice"));
            }
            resolve(id, what, known, &p, sink);
        }
    }
}

fn check_runs(runs: &[Inline], at: &str, known: &Known, sink: &mut Sink) {
    if runs.is_empty() {
        sink.at(at, "no text");
    }
    for (j, run) in runs.iter().enumerate() {
        let p = path_index(at, j);
        match run {
            Inline::Cite { refs } => {
                if refs.is_empty() {
                    sink.at(
                        path_key(&p, "refs"),
                        "a citation needs at least one reference",
                    );
                }
                for (k, r) in refs.iter().enumerate() {
                    let rp = path_index(&path_key(&p, "refs"), k);
                    resolve(r, "reference", known.references.as_ref(), &rp, sink);
                }
            }
            Inline::Term { term, .. } => {
                resolve(
                    term,
                    "glossary term",
                    known.terms.as_ref(),
                    &path_key(&p, "term"),
                    sink,
                );
            }
            Inline::TreatmentLink { id, .. } => {
                resolve(
                    id,
                    "treatment",
                    known.treatments.as_ref(),
                    &path_key(&p, "id"),
                    sink,
                );
            }
            Inline::ArticleLink { slug, anchor, .. } => {
                let slugs: BTreeSet<String> = known.articles.keys().cloned().collect();
                resolve(slug, "article", Some(&slugs), &path_key(&p, "slug"), sink);
                if let (Some(anchor), Some(Some(anchors))) = (anchor, known.articles.get(slug)) {
                    if !anchors.contains(anchor) {
                        let list = known_list(anchor, anchors.iter().map(String::as_str));
                        let msg =
                            format!("unknown anchor \"{anchor}\" in article \"{slug}\"; {list}");
                        sink.at(path_key(&p, "anchor"), msg);
                    }
                }
            }
            Inline::ExternalLink { href, .. } => check_url(href, &path_key(&p, "href"), sink),
            Inline::Text { .. } | Inline::Emphasis { .. } | Inline::Strong { .. } => {}
        }
    }
}

fn check_index(
    index: &ContentIndex,
    known: &Known,
    metas: &BTreeMap<&str, &ArticleMeta>,
    sink: &mut Sink,
) {
    let mut listed = BTreeSet::new();
    for (i, entry) in index.articles.iter().enumerate() {
        let at = path_index("$.articles", i);
        let slug = entry.slug.as_str();
        if !listed.insert(slug) {
            sink.at(path_key(&at, "slug"), format!("\"{slug}\" is listed twice"));
            continue;
        }
        if !known.articles.contains_key(slug) {
            sink.at(
                path_key(&at, "slug"),
                format!("index lists \"{slug}\" but there is no articles/{slug}.json"),
            );
        } else if let Some(meta) = metas.get(slug) {
            let differing = differing_fields(entry, meta);
            if !differing.is_empty() {
                sink.at(
                    &at,
                    format!(
                        "differs from the meta in articles/{slug}.json: {}",
                        differing.join(", ")
                    ),
                );
            }
        }
    }
    for slug in known
        .articles
        .keys()
        .filter(|s| !listed.contains(s.as_str()))
    {
        sink.at("$.articles", format!("articles/{slug}.json is not listed"));
    }
}

fn differing_fields(a: &ArticleMeta, b: &ArticleMeta) -> Vec<String> {
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(Value::Object(a)), Ok(Value::Object(b))) => a
            .iter()
            .filter(|(k, v)| b.get(*k) != Some(v))
            .map(|(k, _)| k.clone())
            .collect(),
        _ => vec!["(unreadable)".to_string()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A small content set that passes every check (tests/fixtures/validate/).
    fn baseline() -> Vec<(String, Value)> {
        macro_rules! fixture {
            ($name:literal) => {
                (
                    $name.to_string(),
                    serde_json::from_str::<Value>(include_str!(concat!(
                        "../../tests/fixtures/validate/",
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
            ["treatments.json: $.treatments[1].values.nnt: missing field `note` (line 66, column 9)"]
        );
        assert_eq!(
            with(KVT, "/blocks/4/kind", json!("warning")),
            ["articles/ketamine-vs-traditional.json: $.blocks[4]: unknown variant `warning`, expected `key-point` or `caution` (line 96, column 5)"]
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
        assert_eq!(
            with("references.json", "/schema", json!(2)),
            ["references.json: $.schema: schema is 2; this app reads schema 1"]
        );
    }

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
    fn treatment_cells() {
        assert_eq!(
            with_all(&[
                ("treatments.json", "/treatments/0/values/onset/value", json!("weekly")),
                ("treatments.json", "/treatments/0/values/nnt/value", json!("4")),
                ("treatments.json", "/treatments/1/values/target/value", json!(3)),
                ("treatments.json", "/treatments/1/values/onset/value", json!(2)),
                ("treatments.json", "/treatments/2/values/monitoring/note", json!("")),
                ("treatments.json", "/treatments/2/values/speed", json!({"value": null, "note": "n/a"})),
                ("treatments.json", "/treatments/2/values/nnt/refs", json!(["woolf-2012"])),
            ]),
            [
                "treatments.json: $.treatments[0].values.nnt.value: attribute \"nnt\" is a number: the value must be a JSON number, not a string",
                "treatments.json: $.treatments[0].values.onset.value: \"weekly\" is not a level of attribute \"onset\"; levels: minutes to hours, days, weeks",
                "treatments.json: $.treatments[1].values.onset.value: attribute \"onset\" is ordinal: the value must be one of its levels, not a number",
                "treatments.json: $.treatments[1].values.target.value: attribute \"target\" is category: the value must be a string, not a number",
                "treatments.json: $.treatments[2].values.monitoring.note: empty text",
                "treatments.json: $.treatments[2].values.nnt.refs[0]: unknown reference \"woolf-2012\"; known: woolf-2011, cohen-2018, nice-ng193",
                "treatments.json: $.treatments[2].values.speed: unknown attribute \"speed\"; known: onset, nnt, target, monitoring",
            ]
        );
    }

    #[test]
    fn every_treatment_has_every_attribute() {
        assert_eq!(
            remove("treatments.json", "/treatments/2/values/target"),
            ["treatments.json: $.treatments[2].values: missing cell for attribute \"target\" (use \"value\": null for not established)"]
        );
    }

    #[test]
    fn attribute_definitions() {
        assert_eq!(
            with_all(&[
                ("attributes.json", "/attributes/0/levels", json!(["days", "days"])),
                ("attributes.json", "/attributes/1/unit", json!(null)),
                ("attributes.json", "/attributes/2/unit", json!("mg")),
                ("attributes.json", "/attributes/3/better", json!("high")),
                ("attributes.json", "/attributes/3/levels", json!(["a", "b"])),
            ]),
            [
                "attributes.json: $.attributes[0].levels: an ordinal attribute needs at least 2 distinct levels",
                "attributes.json: $.attributes[0].levels[1]: level \"days\" is listed twice",
                "attributes.json: $.attributes[1]: a number attribute needs a unit",
                "attributes.json: $.attributes[2].unit: only number attributes have a unit",
                "attributes.json: $.attributes[3].better: only ordinal and number attributes have a \"better\" direction",
                "attributes.json: $.attributes[3].levels: only ordinal attributes have levels",
                // The treatments' ordinal values are no longer levels of "onset".
                "treatments.json: $.treatments[0].values.onset.value: \"minutes to hours\" is not a level of attribute \"onset\"; levels: days, days",
                "treatments.json: $.treatments[1].values.onset.value: \"minutes to hours\" is not a level of attribute \"onset\"; levels: days, days",
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
    fn links_are_https_only() {
        assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/9/href", json!("javascript:alert(1)")),
                ("references.json", "/references/0/url", json!("http://example.org/paper")),
                ("references.json", "/references/1/url", json!("//example.org/paper")),
                ("references.json", "/references/2/url", json!("data:text/plain,hi")),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[9].href: \"javascript:alert(1)\" is not an https:// link",
                "references.json: $.references[0].url: \"http://example.org/paper\" is not an https:// link",
                "references.json: $.references[1].url: \"//example.org/paper\" is not an https:// link",
                "references.json: $.references[2].url: \"data:text/plain,hi\" is not an https:// link",
            ]
        );
    }

    #[test]
    fn reference_identifiers() {
        assert_eq!(
            with_all(&[
                ("references.json", "/references/0/doi", json!("https://doi.org/10.1097/AAP")),
                ("references.json", "/references/0/pmid", json!("PMID 29870458")),
            ]),
            [
                "references.json: $.references[0].doi: \"https://doi.org/10.1097/AAP\" is not a DOI (10.…, without https://doi.org/)",
                "references.json: $.references[0].pmid: \"PMID 29870458\" is not a PubMed id (digits only)",
            ]
        );
    }

    #[test]
    fn no_empty_text() {
        assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/2/text", json!("")),
                (KVT, "/blocks/1/runs/4/text", json!(" ")),
                (CS, "/blocks/0/text", json!("  ")),
                ("glossary.json", "/terms/0/definition", json!("")),
                (KVT, "/blocks/4/runs", json!([])),
            ]),
            [
                "articles/central-sensitization.json: $.blocks[0].text: empty text",
                "articles/central-sensitization.json: $.blocks[0].text: a heading needs words (it gives the anchor)",
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[2].text: empty text",
                "articles/ketamine-vs-traditional.json: $.blocks[4].runs: no text",
                "glossary.json: $.terms[0].definition: empty text",
            ]
        );
        assert_eq!(
            with_all(&[
                (CS, "/meta/title", json!("")),
                ("index.json", "/articles/1/title", json!(""))
            ]),
            [
                "articles/central-sensitization.json: $.meta.title: empty text",
                "index.json: $.articles[1].title: empty text",
            ]
        );
    }

    #[test]
    fn no_placeholders() {
        assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/2/text", json!(" blocks the Lorem Ipsum ")),
                ("glossary.json", "/terms/0/definition", json!("TODO: write this.")),
                ("glossary.json", "/terms/1/definition", json!("Dose tbd")),
                ("treatments.json", "/treatments/0/mechanism", json!("Blocks the receptor (FIXME).")),
                ("treatments.json", "/treatments/1/mechanism", json!("See xxx.")),
                // Only whole words count.
                ("treatments.json", "/treatments/2/mechanism", json!("Todos TBDs and fixmes xxxl.")),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[2].text: placeholder text \"lorem ipsum\"",
                "glossary.json: $.terms[0].definition: placeholder text \"TODO\"",
                "glossary.json: $.terms[1].definition: placeholder text \"TBD\"",
                "treatments.json: $.treatments[0].mechanism: placeholder text \"FIXME\"",
                "treatments.json: $.treatments[1].mechanism: placeholder text \"XXX\"",
            ]
        );
    }

    #[test]
    fn no_html_in_text() {
        assert_eq!(
            with_all(&[
                (KVT, "/blocks/1/runs/2/text", json!(" blocks <b>the</b> ")),
                ("glossary.json", "/terms/0/definition", json!("Pain from touch.</p>")),
                // `<` before a digit or a space is just text.
                ("glossary.json", "/terms/1/definition", json!("Used when p < 0.05 or dose <5 mg.")),
            ]),
            [
                "articles/ketamine-vs-traditional.json: $.blocks[1].runs[2].text: HTML in text (\"<b\"): content is plain text",
                "glossary.json: $.terms[0].definition: HTML in text (\"</p\"): content is plain text",
            ]
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
    fn sites() {
        assert_eq!(
            with_all(&[
                ("treatments.json", "/treatments/2/sites", json!([])),
                (
                    "treatments.json",
                    "/treatments/1/sites/2",
                    json!("periphery")
                )
            ]),
            [
                "treatments.json: $.treatments[1].sites[2]: site listed twice",
                "treatments.json: $.treatments[2].sites: at least one site is needed",
            ]
        );
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

    #[test]
    fn shape_only() {
        let text = "{\"schema\": 1, \"terms\": [{\"id\": \"a\", \"term\": \"A\", \"definition\": \"An A.\", \"see\": \"b\"}]}";
        let got: Vec<String> = validate_shape("glossary.json", text)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            got,
            ["glossary.json: $.terms[0].see: unknown field \"see\""]
        );
    }

    #[test]
    fn content_set_api() {
        let files = texts(&baseline());
        let set = ContentSet {
            files: files.iter().map(|(f, t)| (f.clone(), t.as_str())).collect(),
        };
        assert!(set.validate().is_empty());
    }

    #[test]
    fn locations() {
        let text = "{\n  \"a\": [1, {\"b-c\": \"x\"}],\n  \"d\": null\n}";
        let spans = json_locations(text);
        let find = |p: &str| spans.iter().find(|s| s.path == p).map(|s| (s.start, s.end));
        assert_eq!(find("$"), Some((0, text.len())));
        assert_eq!(find("$.a"), Some((4, 26)));
        assert_eq!(find("$.a[1][\"b-c\"]"), Some((14, 24)));
        assert_eq!(find("$.d"), Some((30, 39)));
        assert!(json_locations("{\"a\": ").is_empty());
    }

    #[test]
    fn placeholder_and_html_helpers() {
        assert_eq!(find_placeholder("All good."), None);
        assert_eq!(
            find_placeholder("a TODO and lorem ipsum"),
            Some((2, "TODO"))
        );
        assert_eq!(find_html("a <em>b"), Some(2));
        assert_eq!(find_html("a < b, c <3"), None);
        assert!(is_https_url("https://example.org/x?y=1"));
        for bad in [
            "http://x.org",
            "https://",
            "https:///x",
            "//x.org",
            "javascript:x",
            "https://x y",
            "HTTPS://x.org",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }
}
