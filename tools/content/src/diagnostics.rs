//! Errors as editors see them: `content/articles/opioids.md:42:17: message`, with 1-based line
//! and column (columns count characters, not bytes).

use std::fmt;

use crate::resolve::{Use, UseKind};

/// One error. `at` is `(line, column)` in `file` when the error has a source position;
/// otherwise `path` may hold a JSON path into a generated file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: String,
    pub at: Option<(usize, usize)>,
    pub path: Option<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn at(file: &str, line_col: (usize, usize), message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            at: Some(line_col),
            path: None,
            message: message.into(),
        }
    }

    pub fn file(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            at: None,
            path: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, col)) = self.at {
            write!(f, ":{line}:{col}")?;
        }
        if let Some(path) = &self.path {
            write!(f, ": {path}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Maps byte offsets in a text to 1-based (line, column).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, col)
    }
}

/// An error found while compiling one source file, by byte offset; turned into a
/// [`Diagnostic`] once the whole file is done. `block` is the output block it belongs to
/// (`None`: the front matter), so validator problems on the same block are not repeated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub offset: usize,
    pub message: String,
    pub block: Option<usize>,
}

/// The errors and id uses found in one source file while it compiles. `block` is the index of
/// the output block being compiled (`None` while in the front matter); each error and use
/// records it.
#[derive(Debug, Default)]
pub struct Findings {
    pub issues: Vec<Issue>,
    pub uses: Vec<Use>,
    pub block: Option<usize>,
}

impl Findings {
    pub fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.issues.push(Issue {
            offset,
            message: message.into(),
            block: self.block,
        });
    }

    pub fn record_use(&mut self, kind: UseKind, id: &str, offset: usize) {
        self.uses.push(Use {
            kind,
            id: id.to_string(),
            offset,
            block: self.block,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        let idx = LineIndex::new("ab\ncdé\nf");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (1, 3));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(7), (2, 4));
        assert_eq!(idx.line_col(8), (3, 1));
        assert_eq!(idx.line_col(99), (3, 2));
    }

    #[test]
    fn display() {
        let d = Diagnostic::at("content/articles/a.md", (42, 17), "unknown citation \"x\"");
        assert_eq!(
            d.to_string(),
            "content/articles/a.md:42:17: unknown citation \"x\""
        );
        let mut d = Diagnostic::file("public/content/index.json", "bad");
        d.path = Some("$.articles[0]".to_string());
        assert_eq!(
            d.to_string(),
            "public/content/index.json: $.articles[0]: bad"
        );
    }
}
