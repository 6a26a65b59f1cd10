//! The one rule for links that leave Pathways, shared by the app (which shows any other link as
//! plain text) and the content validator (which refuses it).

/// An absolute `https://` URL with a host and no whitespace, control character, `<`, `>` or `"`.
/// The scheme must be written in lower case, as the content compiler writes it.
pub fn is_https_url(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !rest
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '"')
    })
}

#[cfg(test)]
mod tests {
    use super::is_https_url;

    #[test]
    fn only_absolute_https_links_pass() {
        assert!(is_https_url("https://www.nice.org.uk/guidance/ng193"));
        assert!(is_https_url("https://example.org/x?y=1"));
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "https://",
            "https:///x",
            " https://x",
            "https://x y",
            "https://x\u{7}",
            "https://x\"onclick",
            "HTTPS://x.org",
            "mailto:a@b",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }
}
