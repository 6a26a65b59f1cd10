//! Text inside XPath expressions. XPath 1.0 string literals have no escapes, so neither Rust's
//! `{:?}` nor JSON quoting makes a safe literal: a text with a quote must be built with `concat`.

/// An XPath 1.0 string literal that equals `s`, whatever quotes it holds.
pub fn literal(s: &str) -> String {
    if !s.contains('"') {
        format!("\"{s}\"")
    } else if !s.contains('\'') {
        format!("'{s}'")
    } else {
        let parts: Vec<String> = s.split('"').map(|p| format!("\"{p}\"")).collect();
        format!("concat({})", parts.join(", '\"', "))
    }
}

#[cfg(test)]
mod tests {
    use super::literal;

    #[test]
    fn plain_text_goes_in_double_quotes() {
        assert_eq!(literal("Try again"), "\"Try again\"");
        assert_eq!(literal(""), "\"\"");
    }

    #[test]
    fn a_double_quote_switches_to_single_quotes() {
        assert_eq!(literal("say \"hi\""), "'say \"hi\"'");
    }

    #[test]
    fn both_quotes_are_joined_with_concat() {
        assert_eq!(
            literal("it's \"x\""),
            "concat(\"it's \", '\"', \"x\", '\"', \"\")"
        );
    }

    #[test]
    fn backslashes_stay_as_they_are() {
        // `{:?}` would double this backslash; XPath has no escapes, so it must stay single.
        assert_eq!(literal("a\\b"), "\"a\\b\"");
    }
}
