//! Runs after conversion: whitespace collapsed, adjacent text merged, no empty text, no space
//! at either end of a block.

use pathways::model::Inline;

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Whitespace collapsed, adjacent text runs merged, no empty text, no space at either end.
pub(crate) fn tidy(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(runs.len());
    for run in runs {
        let run = match run {
            Inline::Text { text } => Inline::Text {
                text: collapse(&text),
            },
            Inline::Emphasis { text } => Inline::Emphasis {
                text: collapse(&text).trim().to_string(),
            },
            Inline::Strong { text } => Inline::Strong {
                text: collapse(&text).trim().to_string(),
            },
            Inline::Term { text, term } => Inline::Term {
                text: collapse(&text).trim().to_string(),
                term,
            },
            Inline::ArticleLink { text, slug, anchor } => Inline::ArticleLink {
                text: collapse(&text).trim().to_string(),
                slug,
                anchor,
            },
            Inline::TreatmentLink { text, id } => Inline::TreatmentLink {
                text: collapse(&text).trim().to_string(),
                id,
            },
            Inline::ExternalLink { text, href } => Inline::ExternalLink {
                text: collapse(&text).trim().to_string(),
                href,
            },
            cite @ Inline::Cite { .. } => cite,
        };
        match (out.last_mut(), run) {
            (Some(Inline::Text { text: prev }), Inline::Text { text }) => {
                prev.push_str(&text);
                *prev = collapse(prev);
            }
            (_, run) => out.push(run),
        }
    }
    if let Some(Inline::Text { text }) = out.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        *text = text.trim_end().to_string();
    }
    out.retain(|r| !matches!(r, Inline::Text { text } if text.is_empty()));
    out
}
