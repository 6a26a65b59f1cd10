//! What the reading pages derive from an article: its table of contents, the numbering of its
//! citations, its plain text, and whether it matches a search.

use super::article::{Article, ArticleMeta, Block, Inline};
use super::dates::parse_date;

/// One entry of an article's table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

pub fn toc(article: &Article) -> Vec<TocEntry> {
    article
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, id, text } => Some(TocEntry {
                level: *level,
                id: id.clone(),
                text: text.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// Reference ids in order of first citation: a reference's number is its position + 1.
pub fn cited_references(article: &Article) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for block in &article.blocks {
        for run in block.runs() {
            if let Inline::Cite { refs } = run {
                for id in refs {
                    if !order.contains(id) {
                        order.push(id.clone());
                    }
                }
            }
        }
    }
    order
}

/// Glossary ids an article marks, in the order they first appear, each once. The article
/// explains them again in a list at its end, which works on paper and without WebAssembly.
pub fn terms_used(article: &Article) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for block in &article.blocks {
        for run in block.runs() {
            if let Inline::Term { term, .. } = run {
                if !order.contains(term) {
                    order.push(term.clone());
                }
            }
        }
    }
    order
}

/// Treatment ids an article links to or compares, sorted, each once.
pub fn mentioned_treatments(blocks: &[Block]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Compare { treatments, .. } => ids.extend(treatments.iter().cloned()),
            _ => ids.extend(block.runs().filter_map(|run| match run {
                Inline::TreatmentLink { id, .. } => Some(id.clone()),
                _ => None,
            })),
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The number shown for a citation of `id`.
pub fn citation_number(order: &[String], id: &str) -> Option<usize> {
    order.iter().position(|r| r == id).map(|i| i + 1)
}

/// Everything a reader can read in the article, lowercased, for searching.
pub fn searchable_text(article: &Article) -> String {
    let mut text = String::new();
    for block in &article.blocks {
        match block {
            Block::Heading { text: t, .. } | Block::Figure { caption: t, .. } => push(&mut text, t),
            Block::Compare { caption, .. } => {
                push(&mut text, caption.as_deref().unwrap_or_default())
            }
            _ => block.runs().for_each(|run| push(&mut text, run.text())),
        }
    }
    text
}

fn push(text: &mut String, part: &str) {
    if !part.is_empty() {
        text.push(' ');
        text.push_str(&part.to_lowercase());
    }
}

/// The words of a search query, lowercased.
pub fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Does an article match every word of the query (in its title, summary, tags or `body`) and
/// carry `tag` (when one is chosen)?
pub fn matches(
    meta: &ArticleMeta,
    body: Option<&str>,
    words: &[String],
    tag: Option<&str>,
) -> bool {
    if tag.is_some_and(|tag| !meta.tags.iter().any(|t| t == tag)) {
        return false;
    }
    let head = format!("{} {} {}", meta.title, meta.summary, meta.tags.join(" ")).to_lowercase();
    words
        .iter()
        .all(|w| head.contains(w.as_str()) || body.is_some_and(|b| b.contains(w.as_str())))
}

/// Every tag in use, sorted, each once.
pub fn all_tags(articles: &[ArticleMeta]) -> Vec<String> {
    let mut tags: Vec<String> = articles
        .iter()
        .flat_map(|a| a.tags.iter().cloned())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// `2026-11-24` → `24 November 2026`; anything else is returned unchanged.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match parse_date(iso) {
        Ok(date) => format!(
            "{} {} {}",
            date.day,
            MONTHS[usize::from(date.month - 1)],
            date.year
        ),
        Err(_) => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_listed_once_in_reading_order() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/content/articles/central-sensitization.json"
        ))
        .expect("the real article exists");
        let article: Article = serde_json::from_str(&text).expect("the real article parses");
        let terms = terms_used(&article);
        assert!(!terms.is_empty());
        let mut unique = terms.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), terms.len(), "each term once: {terms:?}");
        let first = article
            .blocks
            .iter()
            .flat_map(|b| b.runs())
            .find_map(|r| match r {
                Inline::Term { term, .. } => Some(term.clone()),
                _ => None,
            });
        assert_eq!(terms.first(), first.as_ref());
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(long_date("2026-11-24"), "24 November 2026");
        assert_eq!(long_date("2027-01-05"), "5 January 2027");
        assert_eq!(long_date("2027-13-05"), "2027-13-05");
        assert_eq!(long_date("soon"), "soon");
    }

    fn meta(title: &str, tags: &[&str]) -> ArticleMeta {
        ArticleMeta {
            slug: "x".into(),
            title: title.into(),
            summary: "A short summary.".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            reading_minutes: 3,
            last_reviewed: "2026-11-24".into(),
            review_due: "2027-11-24".into(),
            related: vec![],
            treatments: vec![],
            clinical_review: None,
        }
    }

    fn article() -> Article {
        let text = |t: &str| Inline::Text { text: t.into() };
        Article {
            schema: crate::model::SCHEMA_VERSION,
            meta: meta("Ketamine", &["ketamine"]),
            blocks: vec![
                Block::Heading {
                    level: 2,
                    id: "how".into(),
                    text: "How it works".into(),
                },
                Block::Paragraph {
                    runs: vec![
                        text("Blocks the "),
                        Inline::Term {
                            text: "NMDA receptor".into(),
                            term: "nmda-receptor".into(),
                        },
                        Inline::Cite {
                            refs: vec!["b".into(), "a".into()],
                        },
                    ],
                },
                Block::Heading {
                    level: 3,
                    id: "onset".into(),
                    text: "Onset".into(),
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![
                        text("Fast"),
                        Inline::Cite {
                            refs: vec!["a".into(), "c".into()],
                        },
                    ]],
                },
            ],
        }
    }

    #[test]
    fn mentioned_treatments_come_from_links_and_comparisons() {
        let blocks = vec![
            Block::Paragraph {
                runs: vec![Inline::TreatmentLink {
                    text: "x".into(),
                    id: "opioids".into(),
                }],
            },
            Block::Compare {
                treatments: vec!["nsaids".into(), "opioids".into()],
                attributes: vec!["onset".into()],
                caption: None,
            },
        ];
        assert_eq!(mentioned_treatments(&blocks), vec!["nsaids", "opioids"]);
    }

    #[test]
    fn toc_lists_headings_in_order() {
        let ids: Vec<_> = toc(&article())
            .into_iter()
            .map(|e| (e.level, e.id))
            .collect();
        assert_eq!(ids, vec![(2, "how".to_string()), (3, "onset".to_string())]);
    }

    #[test]
    fn citations_are_numbered_by_first_appearance() {
        let order = cited_references(&article());
        assert_eq!(order, vec!["b", "a", "c"]);
        assert_eq!(citation_number(&order, "a"), Some(2));
        assert_eq!(citation_number(&order, "zzz"), None);
    }

    #[test]
    fn search_uses_title_tags_and_body() {
        let body = searchable_text(&article());
        assert!(body.contains("nmda receptor"));
        let m = meta("Opioids for chronic pain", &["opioids"]);
        assert!(matches(&m, None, &query_words("OPIOIDS chronic"), None));
        assert!(!matches(&m, None, &query_words("nmda"), None));
        assert!(matches(&m, Some(&body), &query_words("nmda"), None));
        assert!(matches(&m, None, &[], Some("opioids")));
        assert!(!matches(&m, None, &[], Some("ketamine")));
    }

    #[test]
    fn tags_are_sorted_and_unique() {
        let tags = all_tags(&[meta("a", &["b", "a"]), meta("b", &["a"])]);
        assert_eq!(tags, vec!["a", "b"]);
    }
}
