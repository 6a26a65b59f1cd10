//! Ids, slugs, anchors and tags: the URL-safe names that tie content together.

/// Figures the app draws itself; a `figure` block must name one of these.
pub const FIGURE_IDS: &[&str] = &["pain-pathway"];

/// `^[a-z0-9]+(-[a-z0-9]+)*$`: lowercase ASCII letters and digits in words joined by single
/// hyphens. Used for slugs, ids, anchors and tags alike.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The anchor for a heading: lowercase, every run of characters other than `a-z0-9` becomes
/// one hyphen, no hyphen at either end. Common accented Latin letters lose their accent first
/// (`Café` -> `cafe`). The result may be empty (a heading of only punctuation).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids() {
        for s in ["a", "nmda-receptor", "cohen-2018", "ng193", "a-b-c-1"] {
            assert!(is_valid_id(s), "{s}");
        }
        for s in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.b"] {
            assert!(!is_valid_id(s), "{s}");
        }
    }

    #[test]
    fn slugify_headings() {
        assert_eq!(
            slugify("What changes in the nervous system"),
            "what-changes-in-the-nervous-system"
        );
        assert_eq!(
            slugify("  Opioids -- and *tolerance*? "),
            "opioids-and-tolerance"
        );
        assert_eq!(slugify("Café & NSAIDs (2024)"), "cafe-nsaids-2024");
        assert_eq!(slugify("α2δ-1 subunit"), "2-1-subunit");
        assert_eq!(slugify("???"), "");
    }
}
