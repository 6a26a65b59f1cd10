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

/// `ids` looked up in `items`, in the ids' order; ids not found are skipped. Each search starts
/// just after the previous find and wraps around, so a list already in (or near) the ids'
/// order, such as the catalogue for "every treatment" or the chosen treatments resolved before,
/// takes one pass, where a scan from the start for each id was quadratic (250,000 comparisons
/// for a 500-treatment comparison, on every change). No sort or map: their code would weigh
/// more in the wasm than this loop. Content ids are unique (the content check says so); of
/// two equal ids, either may be found.
pub fn find_in_order<'a, T>(
    ids: &[String],
    items: &'a [T],
    id_of: impl Fn(&T) -> &str,
) -> Vec<&'a T> {
    let mut found = Vec::with_capacity(ids.len());
    let mut next = 0;
    for id in ids {
        let (behind, ahead) = items.split_at(next.min(items.len()));
        let hit = ahead
            .iter()
            .position(|item| id_of(item) == id)
            .map(|i| i + behind.len())
            .or_else(|| behind.iter().position(|item| id_of(item) == id));
        if let Some(at) = hit {
            found.push(&items[at]);
            next = at + 1;
        }
    }
    found
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

    fn find(ids: &[&str], items: &[&'static str]) -> Vec<&'static str> {
        let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        find_in_order(&ids, items, |s| s)
            .into_iter()
            .copied()
            .collect()
    }

    #[test]
    fn find_in_order_keeps_the_ids_order_and_skips_unknown_ids() {
        let items = ["a", "b", "c", "d"];
        assert_eq!(find(&["a", "b", "c", "d"], &items), ["a", "b", "c", "d"]);
        assert_eq!(find(&["d", "b", "x", "a"], &items), ["d", "b", "a"]);
        assert_eq!(find(&["c", "c"], &items), ["c", "c"]);
        assert_eq!(find(&[], &items), Vec::<&str>::new());
        assert_eq!(find(&["a"], &[]), Vec::<&str>::new());
    }
}
