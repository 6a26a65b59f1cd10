//! The Markdown body of an article -> blocks. Everything the authoring guide does not list is an
//! error with its position: `#` headings, raw HTML, images, tables, rules, footnotes, code.

use std::collections::BTreeMap;

use pathways::model::ids::slugify;
use pathways::model::{Block, CalloutKind, Inline};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

use crate::diagnostics::Findings;
use crate::events::{matching_end, SpannedEvent};
use crate::fenced;
use crate::inline;
use crate::merged::Merged;

/// The compiled body: blocks, where each starts in the source, and the words a reader reads.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub offsets: Vec<usize>,
    pub words: usize,
}

impl Body {
    fn push(&mut self, block: Block, offset: usize) {
        let words = |s: &str| s.split_whitespace().count();
        self.words += match &block {
            Block::Heading { text, .. } => words(text),
            b => b.runs().map(|r| words(r.text())).sum(),
        };
        self.blocks.push(block);
        self.offsets.push(offset);
    }
}

/// Compiles `text` (the whole file, front matter blanked out so offsets stay true).
pub(crate) fn body(text: &str, findings: &mut Findings) -> Body {
    let events: Vec<SpannedEvent> =
        Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
            .into_offset_iter()
            .collect();
    let mut out = Body::default();
    let mut anchors: BTreeMap<String, usize> = BTreeMap::new();
    let mut i = 0;
    while i < events.len() {
        let (event, span) = &events[i];
        let end = matching_end(&events, i);
        let inner = &events[(i + 1).min(end)..end];
        findings.block = Some(out.blocks.len());
        let block = match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading(*level, inner, span.start, text, &mut anchors, findings)
            }
            Event::Start(Tag::Paragraph) => {
                let runs = inline::convert(inner, text, findings);
                (!runs.is_empty()).then_some(Block::Paragraph { runs })
            }
            Event::Start(Tag::List(start)) => list(start.is_some(), inner, text, findings),
            Event::Start(Tag::BlockQuote(_)) => callout(inner, span.start, text, findings),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                fenced::block(info, inner, span.start, findings)
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                findings.error(
                    span.start,
                    "indented code is not allowed (is a paragraph indented by 4 spaces?)",
                );
                None
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) => {
                err(findings, span.start, "raw HTML is not allowed")
            }
            Event::Start(Tag::Table(_)) => err(
                findings,
                span.start,
                "tables are not allowed: use a ```compare block",
            ),
            Event::Start(Tag::FootnoteDefinition(_)) => err(
                findings,
                span.start,
                "footnotes are not allowed: cite sources with [@id]",
            ),
            Event::Rule => err(
                findings,
                span.start,
                "horizontal rules are not allowed: use ## headings to divide",
            ),
            _ => err(findings, span.start, "unsupported Markdown"),
        };
        if let Some(block) = block {
            out.push(block, span.start);
        }
        i = end + 1;
    }
    findings.block = None;
    out
}

fn err(findings: &mut Findings, at: usize, message: &str) -> Option<Block> {
    findings.error(at, message);
    None
}

fn heading(
    level: HeadingLevel,
    inner: &[SpannedEvent],
    at: usize,
    text: &str,
    anchors: &mut BTreeMap<String, usize>,
    findings: &mut Findings,
) -> Option<Block> {
    let level = match level {
        HeadingLevel::H1 => {
            return err(
                findings,
                at,
                "`#` headings are not allowed: the title comes from the front matter (use ##)",
            );
        }
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        _ => return err(findings, at, "headings go two levels deep: use ## or ###"),
    };
    let mut merged = Merged::default();
    for (event, span) in inner {
        match event {
            Event::Text(t) => merged.push(t, span.clone()),
            Event::SoftBreak | Event::HardBreak => merged.push(" ", span.clone()),
            _ => return err(findings, span.start, "headings hold plain text only"),
        }
    }
    merged.check_rules(findings);
    if let Some(i) = merged
        .text
        .find("[@")
        .or_else(|| merged.text.find("]{term="))
    {
        return err(
            findings,
            merged.source_offset(i),
            "headings hold plain text only",
        );
    }
    let heading = merged.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let id = slugify(&heading);
    if id.is_empty() {
        return err(
            findings,
            at,
            "this heading has no letters or digits to make an anchor from",
        );
    }
    if let Some(first) = anchors.get(&id) {
        let line = text[..*first].matches('\n').count() + 1;
        return err(
            findings,
            at,
            &format!("duplicate anchor \"{id}\": the heading on line {line} has the same one"),
        );
    }
    anchors.insert(id.clone(), at);
    Some(Block::Heading {
        level,
        id,
        text: heading,
    })
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn list(
    ordered: bool,
    inner: &[SpannedEvent],
    text: &str,
    findings: &mut Findings,
) -> Option<Block> {
    let mut items = Vec::new();
    let mut j = 0;
    while j < inner.len() {
        let end = matching_end(inner, j);
        let (event, span) = &inner[j];
        let content = &inner[(j + 1).min(end)..end];
        if !matches!(event, Event::Start(Tag::Item)) {
            findings.error(span.start, "unsupported Markdown in a list");
        } else {
            // Loose lists wrap the item in a paragraph, tight ones do not.
            let (runs_events, rest) = match content.first() {
                Some((Event::Start(Tag::Paragraph), _)) => {
                    let p_end = matching_end(content, 0);
                    (&content[1.min(p_end)..p_end], &content[p_end + 1..])
                }
                _ => {
                    let k = content
                        .iter()
                        .position(|(e, _)| {
                            matches!(e, Event::Start(t) if is_block(t))
                                || matches!(e, Event::Html(_))
                        })
                        .unwrap_or(content.len());
                    (&content[..k], &content[k..])
                }
            };
            if let Some((_, nested)) = rest.first() {
                findings.error(
                    nested.start,
                    "a list item holds one paragraph: no nested lists or blocks",
                );
            }
            let runs = inline::convert(runs_events, text, findings);
            if runs.is_empty() {
                findings.error(span.start, "empty list item");
            } else {
                items.push(runs);
            }
        }
        j = end + 1;
    }
    (!items.is_empty()).then_some(Block::List { ordered, items })
}

const NOT_A_CALLOUT: &str =
    "block quotes are only for callouts: start with **Key point:** or **Caution:**";

fn callout(
    inner: &[SpannedEvent],
    at: usize,
    text: &str,
    findings: &mut Findings,
) -> Option<Block> {
    let Some((Event::Start(Tag::Paragraph), _)) = inner.first() else {
        return err(findings, at, NOT_A_CALLOUT);
    };
    let p_end = matching_end(inner, 0);
    if let Some((_, span)) = inner.get(p_end + 1) {
        findings.error(span.start, "a callout holds one paragraph");
    }
    let para = &inner[1.min(p_end)..p_end];
    let Some((Event::Start(Tag::Strong), _)) = para.first() else {
        return err(findings, at, NOT_A_CALLOUT);
    };
    let s_end = matching_end(para, 0);
    let marker = inline::plain(&para[1.min(s_end)..s_end], "the callout marker", findings);
    let kind = match marker.text.trim() {
        "Key point:" => CalloutKind::KeyPoint,
        "Caution:" => CalloutKind::Caution,
        _ => return err(findings, at, NOT_A_CALLOUT),
    };
    let runs: Vec<Inline> = inline::convert(&para[s_end + 1..], text, findings);
    if runs.is_empty() {
        return err(findings, at, "a callout needs text after its marker");
    }
    Some(Block::Callout { kind, runs })
}
