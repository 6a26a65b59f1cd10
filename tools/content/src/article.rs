//! One Markdown article -> [`Article`]: front matter, then the body.

use std::collections::{BTreeMap, BTreeSet};

use pathways::model::ids::is_valid_id;
use pathways::model::{Article, ArticleMeta, Block, SCHEMA_VERSION};

use crate::diagnostics::Findings;
use crate::frontmatter::{self, FrontMatter};
use crate::markdown;

/// Reading speed for `reading_minutes`.
pub const WORDS_PER_MINUTE: usize = 200;

/// An article as compiled, with what is needed to report errors against its source.
#[derive(Debug)]
pub struct CompiledArticle {
    pub slug: String,
    /// `None` when the front matter is unusable (the errors are in `findings`).
    pub article: Option<Article>,
    pub order: Option<i64>,
    pub anchors: BTreeSet<String>,
    /// Where each output block starts in the source (byte offsets).
    pub block_offsets: Vec<usize>,
    /// Where each front-matter value is.
    pub meta_offsets: BTreeMap<&'static str, usize>,
    pub findings: Findings,
}

/// The slug a source path gives: its file name without `.md`.
pub fn slug_of(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

pub fn compile_article(path: &str, text: &str) -> CompiledArticle {
    let slug = slug_of(path).to_string();
    let mut findings = Findings::default();
    if !is_valid_id(&slug) {
        findings.error(0, format!("file name \"{slug}.md\" is not a valid slug: use lowercase letters, digits and hyphens"));
    }
    let (front, body_start) = match frontmatter::split(text) {
        Ok((toml_range, body_start)) => (
            frontmatter::parse(text, toml_range, &slug, &mut findings),
            body_start,
        ),
        Err(message) => {
            findings.error(0, message);
            (None, 0)
        }
    };
    // Blank out the front matter so that Markdown offsets are offsets in the file.
    let mut bytes = text.as_bytes().to_vec();
    for b in bytes.iter_mut().take(body_start) {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    let masked = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    let body = markdown::body(&masked, &mut findings);
    let anchors = body
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    let reading_minutes = body.words.div_ceil(WORDS_PER_MINUTE).max(1);
    let order = front.as_ref().and_then(|f| f.order);
    let meta_offsets = front
        .as_ref()
        .map(|f| f.offsets.clone())
        .unwrap_or_default();
    let article = front.map(|f: FrontMatter| Article {
        schema: SCHEMA_VERSION,
        meta: ArticleMeta {
            slug: slug.clone(),
            title: f.title,
            summary: f.summary,
            tags: f.tags,
            reading_minutes: u32::try_from(reading_minutes).unwrap_or(u32::MAX),
            last_reviewed: f.last_reviewed,
            review_due: f.review_due,
            related: f.related,
            treatments: pathways::model::reading::mentioned_treatments(&body.blocks),
            clinical_review: f.clinical_review,
        },
        blocks: body.blocks,
    });
    CompiledArticle {
        slug,
        article,
        order,
        anchors,
        block_offsets: body.offsets,
        meta_offsets,
        findings,
    }
}
