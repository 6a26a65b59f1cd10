//! Articles (meta, blocks, runs) and the index that lists them.

use std::collections::{BTreeMap, BTreeSet};

use pathways::model::compare::{MAX_TREATMENTS, MIN_TREATMENTS};
use pathways::model::dates::{parse_date, Date, DateError};
use pathways::model::ids::{slugify, FIGURE_IDS};
use pathways::model::{Article, ArticleMeta, Block, ContentIndex, Inline};
use serde_json::Value;

use super::ids::{check_id, id_list, known_list, resolve};
use super::json_path::{path_index, path_key};
use super::text::check_url;
use super::{Known, Sink};

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
    if let Some(review) = &m.clinical_review {
        let at = "$.meta.clinical_review.date";
        if let (Some(reviewed), Some(last)) = (date(&review.date, at, sink), last) {
            // A review older than the editors' last check did not see the text readers see.
            if reviewed < last {
                sink.at(
                    at,
                    format!("clinical review {reviewed} is before last_reviewed {last}: the reviewer has not seen the current text"),
                );
            }
        }
    }
}

fn date(s: &str, path: &str, sink: &mut Sink) -> Option<Date> {
    parse_date(s)
        .map_err(|e| match e {
            DateError::Format => sink.at(path, format!("\"{s}\" is not a date: write YYYY-MM-DD")),
            DateError::NoSuchDay => sink.at(path, format!("\"{s}\" is not a real calendar date")),
        })
        .ok()
}

pub(super) fn check_article(a: &Article, stem: &str, known: &Known, sink: &mut Sink) {
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
    // The block becomes the app's comparison table, so the table's limits apply.
    if !(MIN_TREATMENTS..=MAX_TREATMENTS).contains(&treatments.len()) {
        sink.at(
            &t_at,
            format!(
                "a comparison needs {MIN_TREATMENTS} to {MAX_TREATMENTS} treatments, not {}",
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

pub(super) fn check_index(
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
        // Both sides' keys: optional fields (`clinical_review`) are left out when empty, so a
        // field only one side has is a difference too.
        (Ok(Value::Object(a)), Ok(Value::Object(b))) => a
            .keys()
            .chain(b.keys().filter(|k| !a.contains_key(*k)))
            .filter(|k| a.get(*k) != b.get(*k))
            .cloned()
            .collect(),
        _ => vec!["(unreadable)".to_string()],
    }
}
