//! Articles and the index that lists them.

use serde::de::{self, MapAccess};
use serde::{Deserialize, Deserializer, Serialize};

use super::tagged::{self, variant, TagFirst};

/// `content/index.json`: one entry per article, in display order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentIndex {
    pub schema: u32,
    pub articles: Vec<ArticleMeta>,
}

/// What the home page needs to list an article, repeated at the top of the article itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub slug: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub reading_minutes: u32,
    /// ISO date, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// ISO date, `YYYY-MM-DD`, after `last_reviewed`.
    pub review_due: String,
    #[serde(default)]
    pub related: Vec<String>,
    /// Treatment ids the article links to or compares, sorted (derived by the content compiler).
    #[serde(default)]
    pub treatments: Vec<String>,
    /// A named clinician's review of the article, once one has taken place. Until then it is
    /// `None`, and the app says the article is the editors' work from the listed sources:
    /// `last_reviewed` is the editors' check against those sources, not a clinical review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_review: Option<ClinicalReview>,
}

/// Who reviewed an article as a clinician, and when. Filled in only by a real reviewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClinicalReview {
    /// The reviewer's name as they want it shown.
    pub reviewer: String,
    /// Their clinical role, for example "consultant in pain medicine".
    pub role: String,
    /// ISO date, `YYYY-MM-DD`, of the review.
    pub date: String,
}

/// `content/articles/<slug>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema: u32,
    pub meta: ArticleMeta,
    pub blocks: Vec<Block>,
}

/// Decoded by `tagged` (the `"type"` key first, no buffering); the derived encoding writes it first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// `level` is 2 or 3; `id` is the stable anchor used in `#fragment` links.
    Heading {
        level: u8,
        id: String,
        text: String,
    },
    Paragraph {
        runs: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Callout {
        kind: CalloutKind,
        runs: Vec<Inline>,
    },
    /// An embedded comparison of `treatments` on `attributes` (ids into the catalogue).
    Compare {
        treatments: Vec<String>,
        attributes: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
    /// A figure the app draws itself (e.g. `pain-pathway`), never an image from content.
    Figure {
        id: String,
        caption: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalloutKind {
    KeyPoint,
    Caution,
}

/// A run of text inside a paragraph, list item or callout. Runs never nest: text is text.
/// Decoded by `tagged`, like `Block`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        text: String,
    },
    Strong {
        text: String,
    },
    /// A glossary term: `term` is a glossary id, `text` is what the reader sees.
    Term {
        text: String,
        term: String,
    },
    /// One citation marker for one or more reference ids.
    Cite {
        refs: Vec<String>,
    },
    ArticleLink {
        text: String,
        slug: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        anchor: Option<String>,
    },
    TreatmentLink {
        text: String,
        id: String,
    },
    /// Only `https:` links are valid; anything else is shown as plain text.
    ExternalLink {
        text: String,
        href: String,
    },
}

impl Inline {
    /// The words a reader sees for this run (citations have none of their own).
    pub fn text(&self) -> &str {
        match self {
            Inline::Text { text }
            | Inline::Emphasis { text }
            | Inline::Strong { text }
            | Inline::Term { text, .. }
            | Inline::ArticleLink { text, .. }
            | Inline::TreatmentLink { text, .. }
            | Inline::ExternalLink { text, .. } => text,
            Inline::Cite { .. } => "",
        }
    }
}

impl Block {
    /// Every inline run of the block, in reading order.
    pub fn runs(&self) -> Box<dyn Iterator<Item = &Inline> + '_> {
        match self {
            Block::Paragraph { runs } | Block::Callout { runs, .. } => Box::new(runs.iter()),
            Block::List { items, .. } => Box::new(items.iter().flatten()),
            _ => Box::new(std::iter::empty()),
        }
    }
}

impl TagFirst for Block {
    const WHAT: &'static str = "block";
    const VARIANTS: &'static [&'static str] = &[
        "heading",
        "paragraph",
        "list",
        "callout",
        "compare",
        "figure",
    ];

    fn rest<'de, A: MapAccess<'de>>(tag: &str, rest: A) -> Result<Self, A::Error> {
        match tag {
            "heading" => variant!(
                rest,
                Block::Heading {
                    level: u8,
                    id: String,
                    text: String
                }
            ),
            "paragraph" => variant!(rest, Block::Paragraph { runs: Vec<Inline> }),
            "list" => variant!(rest, Block::List { ordered: bool, items: Vec<Vec<Inline>> }),
            "callout" => variant!(rest, Block::Callout { kind: CalloutKind, runs: Vec<Inline> }),
            "compare" => variant!(
                rest,
                Block::Compare {
                    treatments: Vec<String>,
                    attributes: Vec<String>,
                    caption: Option<String> = default,
                }
            ),
            "figure" => variant!(
                rest,
                Block::Figure {
                    id: String,
                    caption: String
                }
            ),
            other => Err(de::Error::unknown_variant(other, Self::VARIANTS)),
        }
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        tagged::deserialize(d)
    }
}

impl TagFirst for Inline {
    const WHAT: &'static str = "inline run";
    const VARIANTS: &'static [&'static str] = &[
        "text",
        "emphasis",
        "strong",
        "term",
        "cite",
        "article-link",
        "treatment-link",
        "external-link",
    ];

    fn rest<'de, A: MapAccess<'de>>(tag: &str, rest: A) -> Result<Self, A::Error> {
        match tag {
            "text" => variant!(rest, Inline::Text { text: String }),
            "emphasis" => variant!(rest, Inline::Emphasis { text: String }),
            "strong" => variant!(rest, Inline::Strong { text: String }),
            "term" => variant!(
                rest,
                Inline::Term {
                    text: String,
                    term: String
                }
            ),
            "cite" => variant!(rest, Inline::Cite { refs: Vec<String> }),
            "article-link" => variant!(
                rest,
                Inline::ArticleLink {
                    text: String,
                    slug: String,
                    anchor: Option<String> = default,
                }
            ),
            "treatment-link" => variant!(
                rest,
                Inline::TreatmentLink {
                    text: String,
                    id: String
                }
            ),
            "external-link" => variant!(
                rest,
                Inline::ExternalLink {
                    text: String,
                    href: String
                }
            ),
            other => Err(de::Error::unknown_variant(other, Self::VARIANTS)),
        }
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        tagged::deserialize(d)
    }
}
