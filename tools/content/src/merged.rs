//! Text merged from several Markdown events (pulldown-cmark splits text at brackets), mapped
//! back to source offsets.

use std::ops::Range;

use crate::markdown::Acc;
use crate::validate::{find_html, find_placeholder};

/// Text merged from several events, remembering where each piece came from in the source.
#[derive(Default)]
pub struct Merged {
    pub text: String,
    /// (offset in `text`, source offset, whether the piece is verbatim source).
    segs: Vec<(usize, usize, bool)>,
}

impl Merged {
    pub fn push(&mut self, s: &str, src: Range<usize>) {
        self.segs
            .push((self.text.len(), src.start, src.len() == s.len()));
        self.text.push_str(s);
    }

    /// The source offset of byte `i` of `text`.
    pub fn pos(&self, i: usize) -> usize {
        let k = self.segs.partition_point(|s| s.0 <= i).saturating_sub(1);
        match self.segs.get(k) {
            Some(&(at, src, true)) => src + (i - at),
            Some(&(_, src, false)) => src,
            None => 0,
        }
    }

    /// Placeholder text and HTML are never content.
    pub fn check_rules(&self, acc: &mut Acc) {
        if let Some((i, what)) = find_placeholder(&self.text) {
            acc.error(self.pos(i), format!("placeholder text \"{what}\""));
        }
        if let Some(i) = find_html(&self.text) {
            acc.error(
                self.pos(i),
                "HTML-like text: content is plain text (write < as a word, or rephrase)",
            );
        }
    }
}
