//! Rules for every string: not blank, no placeholder, no HTML; and links are https only.

use serde_json::Value;

use super::json_path::{path_index, path_key};
use super::{is_https_url, Sink};

/// A placeholder left in text: `(byte offset, what)`. Case-insensitive `lorem ipsum`, and the
/// whole words `TODO`, `TBD`, `FIXME` and `XXX` in any case.
pub fn find_placeholder(s: &str) -> Option<(usize, &'static str)> {
    let lower = s.to_ascii_lowercase();
    let mut found: Option<(usize, &'static str)> =
        lower.find("lorem ipsum").map(|i| (i, "lorem ipsum"));
    let b = lower.as_bytes();
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for (word, label) in [
        ("todo", "TODO"),
        ("tbd", "TBD"),
        ("fixme", "FIXME"),
        ("xxx", "XXX"),
    ] {
        for (i, _) in lower.match_indices(word) {
            let end = i + word.len();
            let before = i == 0 || !is_word(b[i - 1]);
            let after = end == b.len() || !is_word(b[end]);
            if before && after && found.is_none_or(|(j, _)| i < j) {
                found = Some((i, label));
            }
        }
    }
    found
}

/// Where text looks like HTML: a `<` followed by an ASCII letter, `/` or `!`.
pub fn find_html(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| {
        b[i] == b'<'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
    })
}

/// Text rules for every string: not blank, no placeholder, no HTML. A `text` run may be a
/// lone space (between two marks) but not empty.
pub(super) fn check_strings(v: &Value, path: &str, space_ok: bool, sink: &mut Sink) {
    match v {
        Value::String(s) => {
            if s.is_empty() || (!space_ok && s.trim().is_empty()) {
                sink.at(path, "empty text");
            }
            if let Some((_, what)) = find_placeholder(s) {
                sink.at(path, format!("placeholder text \"{what}\""));
            }
            if let Some(i) = find_html(s) {
                let tag: String = s[i..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '>')
                    .take(12)
                    .collect();
                sink.at(
                    path,
                    format!("HTML in text (\"{tag}\"): content is plain text"),
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_strings(x, &path_index(path, i), false, sink);
            }
        }
        Value::Object(o) => {
            let text_run = o.get("type").and_then(Value::as_str) == Some("text");
            for (k, x) in o {
                check_strings(x, &path_key(path, k), text_run && k == "text", sink);
            }
        }
        _ => {}
    }
}

pub(super) fn check_url(url: &str, path: &str, sink: &mut Sink) {
    if !is_https_url(url) {
        sink.at(path, format!("\"{url}\" is not an https:// link"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_and_html_helpers() {
        assert_eq!(find_placeholder("All good."), None);
        assert_eq!(
            find_placeholder("a TODO and lorem ipsum"),
            Some((2, "TODO"))
        );
        assert_eq!(find_html("a <em>b"), Some(2));
        assert_eq!(find_html("a < b, c <3"), None);
    }
}
