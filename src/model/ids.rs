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

/// Edit distance (insertions, deletions, substitutions) between two strings, by characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let subst = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = subst.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// `known`, closest to `wanted` first (by edit distance, then alphabetically).
pub fn by_closeness<'a, I>(wanted: &str, known: I) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut v: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (levenshtein(wanted, k), k))
        .collect();
    v.sort();
    v.dedup();
    v.into_iter().map(|(_, k)| k).collect()
}

/// The known id closest to `wanted` if it is within edit distance 2 ("did you mean …?").
pub fn suggest<'a, I>(wanted: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    known
        .into_iter()
        .map(|k| (levenshtein(wanted, k), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
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

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("lee-2012", "lee-2011"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("same", "same"), 0);
    }

    #[test]
    fn suggestions() {
        let known = ["lee-2011", "cohen-2018", "woolf-2011"];
        assert_eq!(suggest("lee-2012", known), Some("lee-2011"));
        assert_eq!(suggest("smith-1999", known), None);
        assert_eq!(by_closeness("cohen-2019", known)[0], "cohen-2018");
    }
}
