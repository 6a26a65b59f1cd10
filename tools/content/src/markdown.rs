//! The Markdown body of an article -> blocks. Everything the authoring guide does not list is an
//! error with its position: `#` headings, raw HTML, images, tables, rules, footnotes, code.

use std::collections::BTreeMap;

use pathways::model::ids::slugify;
use pathways::model::{Block, CalloutKind, Inline};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

use crate::diagnostics::Issue;
use crate::fenced;
use crate::inline::{self, Ev, Merged};
use crate::resolve::{Use, UseKind};

/// Collects the errors and id uses of one source file. `block` is the index of the output block
/// being compiled (`None` while in the front matter).
#[derive(Debug, Default)]
pub struct Acc {
    pub issues: Vec<Issue>,
    pub uses: Vec<Use>,
    pub block: Option<usize>,
}

impl Acc {
    pub fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.issues.push(Issue {
            offset,
            message: message.into(),
            block: self.block,
        });
    }

    pub fn uses(&mut self, kind: UseKind, id: &str, offset: usize) {
        self.uses.push(Use {
            kind,
            id: id.to_string(),
            offset,
            block: self.block,
        });
    }
}

/// The index of the `End` matching the `Start` at `j` (the last index if unbalanced).
pub(crate) fn end_of(events: &[Ev], j: usize) -> usize {
    let mut depth = 0usize;
    for (k, (ev, _)) in events.iter().enumerate().skip(j) {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k;
                }
            }
            _ if depth == 0 => return k,
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

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
pub(crate) fn body(text: &str, acc: &mut Acc) -> Body {
    let events: Vec<Ev> = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .collect();
    let mut out = Body::default();
    let mut anchors: BTreeMap<String, usize> = BTreeMap::new();
    let mut i = 0;
    while i < events.len() {
        let (ev, r) = &events[i];
        let end = end_of(&events, i);
        let inner = &events[(i + 1).min(end)..end];
        acc.block = Some(out.blocks.len());
        let block = match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading(*level, inner, r.start, text, &mut anchors, acc)
            }
            Event::Start(Tag::Paragraph) => {
                let runs = inline::convert(inner, text, acc);
                (!runs.is_empty()).then_some(Block::Paragraph { runs })
            }
            Event::Start(Tag::List(start)) => list(start.is_some(), inner, text, acc),
            Event::Start(Tag::BlockQuote(_)) => callout(inner, r.start, text, acc),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                fenced::block(info, inner, r.start, acc)
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                acc.error(
                    r.start,
                    "indented code is not allowed (is a paragraph indented by 4 spaces?)",
                );
                None
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) => {
                err(acc, r.start, "raw HTML is not allowed")
            }
            Event::Start(Tag::Table(_)) => err(
                acc,
                r.start,
                "tables are not allowed: use a ```compare block",
            ),
            Event::Start(Tag::FootnoteDefinition(_)) => err(
                acc,
                r.start,
                "footnotes are not allowed: cite sources with [@id]",
            ),
            Event::Rule => err(
                acc,
                r.start,
                "horizontal rules are not allowed: use ## headings to divide",
            ),
            _ => err(acc, r.start, "unsupported Markdown"),
        };
        if let Some(block) = block {
            out.push(block, r.start);
        }
        i = end + 1;
    }
    acc.block = None;
    out
}

fn err(acc: &mut Acc, at: usize, message: &str) -> Option<Block> {
    acc.error(at, message);
    None
}

fn heading(
    level: HeadingLevel,
    inner: &[Ev],
    at: usize,
    text: &str,
    anchors: &mut BTreeMap<String, usize>,
    acc: &mut Acc,
) -> Option<Block> {
    let level = match level {
        HeadingLevel::H1 => {
            return err(
                acc,
                at,
                "`#` headings are not allowed: the title comes from the front matter (use ##)",
            );
        }
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        _ => return err(acc, at, "headings go two levels deep: use ## or ###"),
    };
    let mut m = Merged::default();
    for (ev, r) in inner {
        match ev {
            Event::Text(t) => m.push(t, r.clone()),
            Event::SoftBreak | Event::HardBreak => m.push(" ", r.clone()),
            _ => return err(acc, r.start, "headings hold plain text only"),
        }
    }
    m.check_rules(acc);
    if let Some(i) = m.text.find("[@").or_else(|| m.text.find("]{term=")) {
        return err(acc, m.pos(i), "headings hold plain text only");
    }
    let heading = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let id = slugify(&heading);
    if id.is_empty() {
        return err(
            acc,
            at,
            "this heading has no letters or digits to make an anchor from",
        );
    }
    if let Some(first) = anchors.get(&id) {
        let line = text[..*first].matches('\n').count() + 1;
        return err(
            acc,
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

fn list(ordered: bool, inner: &[Ev], text: &str, acc: &mut Acc) -> Option<Block> {
    let mut items = Vec::new();
    let mut j = 0;
    while j < inner.len() {
        let end = end_of(inner, j);
        let (ev, r) = &inner[j];
        let content = &inner[(j + 1).min(end)..end];
        if !matches!(ev, Event::Start(Tag::Item)) {
            acc.error(r.start, "unsupported Markdown in a list");
        } else {
            // Loose lists wrap the item in a paragraph, tight ones do not.
            let (runs_events, rest) = match content.first() {
                Some((Event::Start(Tag::Paragraph), _)) => {
                    let p_end = end_of(content, 0);
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
                acc.error(
                    nested.start,
                    "a list item holds one paragraph: no nested lists or blocks",
                );
            }
            let runs = inline::convert(runs_events, text, acc);
            if runs.is_empty() {
                acc.error(r.start, "empty list item");
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

fn callout(inner: &[Ev], at: usize, text: &str, acc: &mut Acc) -> Option<Block> {
    let Some((Event::Start(Tag::Paragraph), _)) = inner.first() else {
        return err(acc, at, NOT_A_CALLOUT);
    };
    let p_end = end_of(inner, 0);
    if let Some((_, r)) = inner.get(p_end + 1) {
        acc.error(r.start, "a callout holds one paragraph");
    }
    let para = &inner[1.min(p_end)..p_end];
    let Some((Event::Start(Tag::Strong), _)) = para.first() else {
        return err(acc, at, NOT_A_CALLOUT);
    };
    let s_end = end_of(para, 0);
    let marker = inline::plain(&para[1.min(s_end)..s_end], "the callout marker", acc);
    let kind = match marker.text.trim() {
        "Key point:" => CalloutKind::KeyPoint,
        "Caution:" => CalloutKind::Caution,
        _ => return err(acc, at, NOT_A_CALLOUT),
    };
    let runs: Vec<Inline> = inline::convert(&para[s_end + 1..], text, acc);
    if runs.is_empty() {
        return err(acc, at, "a callout needs text after its marker");
    }
    Some(Block::Callout { kind, runs })
}
