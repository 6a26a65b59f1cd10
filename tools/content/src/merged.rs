//! Text merged from several Markdown events (pulldown-cmark splits text at brackets), mapped
//! back to source offsets.

use std::ops::Range;

use crate::diagnostics::Findings;
use crate::validate::{find_html, find_placeholder};

/// Text merged from several events, remembering where each piece came from in the source.
#[derive(Default)]
pub struct Merged {
    pub text: String,
    pieces: Vec<Piece>,
}

/// One event's text within [`Merged::text`].
struct Piece {
    /// Where the piece starts in the merged text.
    at: usize,
    /// Where it starts in the source.
    source: usize,
    /// Whether the piece is the source verbatim, so offsets inside it map one to one. Entities
    /// and escapes are not: their offsets all map to where they start.
    verbatim: bool,
}

impl Merged {
    pub fn push(&mut self, piece: &str, source: Range<usize>) {
        self.pieces.push(Piece {
            at: self.text.len(),
            source: source.start,
            verbatim: source.len() == piece.len(),
        });
        self.text.push_str(piece);
    }

    /// The source offset of byte `i` of `text`.
    pub fn source_offset(&self, i: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.at <= i).saturating_sub(1);
        match self.pieces.get(k) {
            Some(p) if p.verbatim => p.source + (i - p.at),
            Some(p) => p.source,
            None => 0,
        }
    }

    /// Placeholder text and HTML are never content.
    pub fn check_rules(&self, findings: &mut Findings) {
        if let Some((i, what)) = find_placeholder(&self.text) {
            findings.error(
                self.source_offset(i),
                format!("placeholder text \"{what}\""),
            );
        }
        if let Some(i) = find_html(&self.text) {
            findings.error(
                self.source_offset(i),
                "HTML-like text: content is plain text (write < as a word, or rephrase)",
            );
        }
    }
}
