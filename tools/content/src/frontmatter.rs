//! The TOML front matter between `+++` lines at the very top of an article.

use std::collections::BTreeMap;
use std::ops::Range;

use pathways::model::dates::{parse_date, Date, DateError};
use pathways::model::ids::is_valid_id;
use pathways::model::ClinicalReview;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Findings;
use crate::merged::Merged;
use crate::resolve::UseKind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Spanned<String>,
    summary: Spanned<String>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    last_reviewed: Spanned<toml::Value>,
    review_due: Spanned<toml::Value>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(default)]
    order: Option<i64>,
    #[serde(default)]
    clinical_review: Option<RawReview>,
}

/// `clinical_review = { reviewer = "…", role = "…", date = "YYYY-MM-DD" }`: only ever written
/// by or for a real reviewer who has read the article.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    reviewer: Spanned<String>,
    role: Spanned<String>,
    date: Spanned<toml::Value>,
}

/// The front matter, checked. `offsets` says where each key's value is (for later errors).
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub last_reviewed: String,
    pub review_due: String,
    pub related: Vec<String>,
    /// Position in the index: articles with an `order` come first, by it, then the rest; ties
    /// by slug.
    pub order: Option<i64>,
    pub clinical_review: Option<ClinicalReview>,
    pub offsets: BTreeMap<&'static str, usize>,
}

/// Where the front matter's TOML is and where the Markdown body starts, or an error message.
pub(crate) fn split(text: &str) -> Result<(Range<usize>, usize), String> {
    let first = text.split_inclusive('\n').next().unwrap_or_default();
    if first.trim_end() != "+++" {
        return Err("missing front matter: an article starts with a `+++` line, its TOML, and another `+++` line".into());
    }
    let mut at = first.len();
    for line in text[at..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((first.len()..at, at + line.len()));
        }
        at += line.len();
    }
    Err("the front matter is not closed: add a `+++` line after it".into())
}

/// Parses and checks the front matter of the article `slug`; errors go to `findings`.
pub(crate) fn parse(
    text: &str,
    toml_range: Range<usize>,
    slug: &str,
    findings: &mut Findings,
) -> Option<FrontMatter> {
    let base = toml_range.start;
    let raw: Raw = match toml::from_str(&text[toml_range]) {
        Ok(raw) => raw,
        Err(e) => {
            let at = e.span().map_or(0, |s| base + s.start);
            findings.error(at, format!("front matter: {}", e.message().trim()));
            return None;
        }
    };
    let mut offsets = BTreeMap::new();
    let title = string("title", &raw.title, base, text, &mut offsets, findings);
    let summary = string("summary", &raw.summary, base, text, &mut offsets, findings);
    offsets.insert(
        "tags",
        base + raw.tags.first().map_or(0, |t| t.span().start),
    );
    let tags = ids("tag", &raw.tags, base, findings);
    offsets.insert(
        "related",
        base + raw.related.first().map_or(0, |t| t.span().start),
    );
    let related = ids("related article", &raw.related, base, findings);
    for r in &raw.related {
        if r.get_ref() == slug {
            findings.error(base + r.span().start, "an article is not related to itself");
        } else {
            findings.record_use(UseKind::Article, r.get_ref(), base + r.span().start + 1);
        }
    }
    let last = date(
        "last_reviewed",
        &raw.last_reviewed,
        base,
        &mut offsets,
        findings,
    );
    let due = date("review_due", &raw.review_due, base, &mut offsets, findings);
    if let (Some((last, _)), Some((due, due_at))) = (last, due) {
        if due <= last {
            findings.error(
                due_at,
                format!("review_due {due} must be after last_reviewed {last}"),
            );
        }
    }
    let clinical_review = raw.clinical_review.as_ref().map(|r| {
        let reviewer = string(
            "clinical_review.reviewer",
            &r.reviewer,
            base,
            text,
            &mut offsets,
            findings,
        );
        let role = string(
            "clinical_review.role",
            &r.role,
            base,
            text,
            &mut offsets,
            findings,
        );
        let reviewed = date(
            "clinical_review.date",
            &r.date,
            base,
            &mut offsets,
            findings,
        );
        offsets.insert("clinical_review", base + r.reviewer.span().start);
        if let (Some((reviewed, at)), Some((last, _))) = (reviewed, last) {
            // The editors' date moves with every change; a review older than the last change
            // did not see the text the reader sees, and must not be shown as if it had.
            if reviewed < last {
                findings.error(
                    at,
                    format!("clinical_review date {reviewed} is before last_reviewed {last}: the reviewer has not seen the current text"),
                );
            }
        }
        ClinicalReview {
            reviewer,
            role,
            date: date_text(&r.date),
        }
    });
    Some(FrontMatter {
        title,
        summary,
        tags,
        last_reviewed: date_text(&raw.last_reviewed),
        review_due: date_text(&raw.review_due),
        related,
        order: raw.order,
        clinical_review,
        offsets,
    })
}

fn string(
    key: &'static str,
    v: &Spanned<String>,
    base: usize,
    text: &str,
    offsets: &mut BTreeMap<&'static str, usize>,
    findings: &mut Findings,
) -> String {
    let span = v.span();
    offsets.insert(key, base + span.start);
    let s = v.get_ref();
    if s.trim().is_empty() {
        findings.error(base + span.start, format!("empty {key}"));
    }
    // Inside the quotes; positions are exact when the string has no escapes.
    let inner = base + span.start + 1..base + span.end.saturating_sub(1);
    let verbatim = text.get(inner.clone()) == Some(s.as_str());
    let mut merged = Merged::default();
    merged.push(
        s,
        if verbatim {
            inner
        } else {
            inner.start..inner.start
        },
    );
    merged.check_rules(findings);
    s.trim().to_string()
}

fn ids(what: &str, list: &[Spanned<String>], base: usize, findings: &mut Findings) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in list {
        let id = v.get_ref();
        let at = base + v.span().start;
        if !is_valid_id(id) {
            findings.error(
                at,
                format!("{what} \"{id}\" must be lowercase-hyphenated (a-z, 0-9, single hyphens)"),
            );
        } else if out.contains(id) {
            findings.error(at, format!("{what} \"{id}\" is listed twice"));
        }
        out.push(id.clone());
    }
    out
}

fn date_text(v: &Spanned<toml::Value>) -> String {
    match v.get_ref() {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn date(
    key: &'static str,
    v: &Spanned<toml::Value>,
    base: usize,
    offsets: &mut BTreeMap<&'static str, usize>,
    findings: &mut Findings,
) -> Option<(Date, usize)> {
    let at = base + v.span().start;
    offsets.insert(key, at);
    let s = date_text(v);
    match parse_date(&s) {
        Ok(d) => Some((d, at)),
        Err(DateError::Format) => {
            findings.error(at, format!("{key} \"{s}\" is not a date: write YYYY-MM-DD"));
            None
        }
        Err(DateError::NoSuchDay) => {
            findings.error(at, format!("{key} \"{s}\" is not a real calendar date"));
            None
        }
    }
}
