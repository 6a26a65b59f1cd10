//! Inline Markdown -> runs: text, `*emphasis*`, `**strong**`, `[@id]` citations,
//! `[shown]{term=id}` glossary marks and links. Marks never nest.

use std::ops::Range;

use pathways::model::Inline;
use pulldown_cmark::{Event, Tag};

use crate::diagnostics::Findings;
use crate::events::{matching_end, SpannedEvent};
use crate::merged::Merged;
use crate::resolve::UseKind;
use crate::tidy::tidy;
use crate::validate::is_https_url;

/// Plain text of the events inside a mark or link: only text and line breaks are allowed (the
/// text of anything nested is kept, and reported once).
pub(crate) fn plain(events: &[SpannedEvent], what: &str, findings: &mut Findings) -> Merged {
    let mut merged = Merged::default();
    let mut nested = None;
    for (event, span) in events {
        match event {
            Event::Text(t) => merged.push(t, span.clone()),
            Event::SoftBreak | Event::HardBreak => merged.push(" ", span.clone()),
            _ => nested = nested.or(Some(span.start)),
        }
    }
    merged.check_rules(findings);
    let marks = merged
        .text
        .find("[@")
        .or_else(|| merged.text.find("]{term="))
        .map(|i| merged.source_offset(i));
    if let Some(at) = nested.or(marks) {
        findings.error(
            at,
            format!("marks do not nest: {what} may only hold plain text"),
        );
    }
    merged
}

/// The runs of a paragraph, list item or callout.
pub(crate) fn convert(events: &[SpannedEvent], src: &str, findings: &mut Findings) -> Vec<Inline> {
    let mut runs = Vec::new();
    let mut pending = Merged::default();
    let mut j = 0;
    while j < events.len() {
        let (event, span) = &events[j];
        match event {
            Event::Text(t) => pending.push(t, span.clone()),
            Event::SoftBreak | Event::HardBreak => pending.push(" ", span.clone()),
            Event::Start(tag) => {
                let end = matching_end(events, j);
                let inner = &events[(j + 1).min(end)..end];
                flush(&mut pending, &mut runs, findings);
                match tag {
                    Tag::Emphasis => runs.push(Inline::Emphasis {
                        text: plain(inner, "emphasis", findings).text,
                    }),
                    Tag::Strong => runs.push(Inline::Strong {
                        text: plain(inner, "strong text", findings).text,
                    }),
                    Tag::Link { dest_url, .. } => {
                        let text = plain(inner, "link text", findings).text;
                        if let Some(run) = link(text, dest_url, span.clone(), src, findings) {
                            runs.push(run);
                        }
                    }
                    Tag::Image { .. } => findings.error(
                        span.start,
                        "images are not allowed: figures are drawn by the app (```figure)",
                    ),
                    _ => findings.error(span.start, "unsupported Markdown here"),
                }
                j = end;
            }
            Event::Code(_) => findings.error(
                span.start,
                "inline code is not allowed: content is plain text",
            ),
            Event::Html(_) | Event::InlineHtml(_) => {
                findings.error(span.start, "raw HTML is not allowed")
            }
            Event::FootnoteReference(_) => findings.error(
                span.start,
                "footnotes are not allowed: cite sources with [@id]",
            ),
            _ => findings.error(span.start, "unsupported Markdown here"),
        }
        j += 1;
    }
    flush(&mut pending, &mut runs, findings);
    tidy(runs)
}

fn link(
    text: String,
    dest: &str,
    span: Range<usize>,
    src: &str,
    findings: &mut Findings,
) -> Option<Inline> {
    // Point at the destination itself when it appears verbatim in the source.
    let dest_at = src
        .get(span.clone())
        .and_then(|s| s.rfind(dest))
        .map_or(span.start, |i| span.start + i);
    if text.trim().is_empty() {
        findings.error(span.start, "a link needs text");
    }
    if let Some(id) = dest.strip_prefix("treatment:") {
        findings.record_use(UseKind::Treatment, id, dest_at + "treatment:".len());
        Some(Inline::TreatmentLink {
            text,
            id: id.to_string(),
        })
    } else if let Some(target) = dest.strip_prefix("article:") {
        let (slug, anchor) = match target.split_once('#') {
            Some((s, a)) => (s, Some(a)),
            None => (target, None),
        };
        let slug_at = dest_at + "article:".len();
        findings.record_use(UseKind::Article, slug, slug_at);
        if let Some(a) = anchor {
            findings.record_use(
                UseKind::Anchor(slug.to_string()),
                a,
                slug_at + slug.len() + 1,
            );
        }
        let anchor = anchor.map(str::to_string);
        Some(Inline::ArticleLink {
            text,
            slug: slug.to_string(),
            anchor,
        })
    } else if is_https_url(dest) {
        Some(Inline::ExternalLink {
            text,
            href: dest.to_string(),
        })
    } else {
        findings.error(
            dest_at,
            format!("link target \"{dest}\" is not allowed: use treatment:<id>, article:<slug>[#anchor] or https://…"),
        );
        None
    }
}

/// Turns merged text into text, citation and glossary runs.
fn flush(merged: &mut Merged, runs: &mut Vec<Inline>, findings: &mut Findings) {
    if merged.text.is_empty() {
        return;
    }
    merged.check_rules(findings);
    let s = merged.text.as_str();
    let mut text = String::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("[@") {
            match rest.find(']') {
                Some(close) => {
                    if let Some(refs) = citation(&rest[1..close], i + 1, merged, findings) {
                        push_text(runs, &mut text);
                        runs.push(Inline::Cite { refs });
                    }
                    i += close + 1;
                }
                None => {
                    findings.error(
                        merged.source_offset(i),
                        "unclosed citation: write [@id] or [@a; @b]",
                    );
                    text.push_str(rest);
                    i = s.len();
                }
            }
            continue;
        }
        if let Some((len, shown, term, term_at)) = glossary_mark(rest) {
            if shown.trim().is_empty() {
                findings.error(
                    merged.source_offset(i),
                    "a glossary mark needs text: [shown text]{term=id}",
                );
            }
            findings.record_use(UseKind::Term, term, merged.source_offset(i + term_at));
            push_text(runs, &mut text);
            runs.push(Inline::Term {
                text: shown.to_string(),
                term: term.to_string(),
            });
            i += len;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if rest.starts_with("{term=") || rest.starts_with("]{term") {
            findings.error(
                merged.source_offset(i),
                "malformed glossary mark: write [shown text]{term=id}",
            );
        }
        text.push(c);
        i += c.len_utf8();
    }
    push_text(runs, &mut text);
    *merged = Merged::default();
}

/// `@a; @b` (between the brackets, starting at `at` in the merged text) -> ids.
fn citation(
    inner: &str,
    at: usize,
    merged: &Merged,
    findings: &mut Findings,
) -> Option<Vec<String>> {
    let mut refs = Vec::new();
    let mut offset = 0;
    for part in inner.split(';') {
        let lead = part.len() - part.trim_start().len();
        let id = part.trim().strip_prefix('@').map(str::trim);
        match id {
            Some(id)
                if !id.is_empty() && !id.contains(char::is_whitespace) && !id.contains('@') =>
            {
                findings.record_use(
                    UseKind::Citation,
                    id,
                    merged.source_offset(at + offset + lead + 1),
                );
                refs.push(id.to_string());
            }
            _ => {
                findings.error(
                    merged.source_offset(at - 1),
                    format!("malformed citation \"[{inner}]\": write [@id] or [@a; @b]"),
                );
                return None;
            }
        }
        offset += part.len() + 1;
    }
    Some(refs)
}

/// `[shown]{term=id}` at the start of `s`: (length, shown, id, offset of id).
fn glossary_mark(s: &str) -> Option<(usize, &str, &str, usize)> {
    let body = s.strip_prefix('[')?;
    let close = body.find(']')?;
    let shown = &body[..close];
    if shown.contains('[') {
        return None;
    }
    let after = body[close + 1..].strip_prefix("{term=")?;
    let brace = after.find('}')?;
    let id = &after[..brace];
    let id_at = 1 + close + 1 + "{term=".len();
    Some((
        id_at + brace + 1,
        shown,
        id.trim(),
        id_at + (id.len() - id.trim_start().len()),
    ))
}

fn push_text(runs: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        runs.push(Inline::Text {
            text: std::mem::take(text),
        });
    }
}
