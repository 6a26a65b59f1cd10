//! Query strings. Reading uses `form_urlencoded`, which the router already links into the
//! bundle; writing escapes by hand, because ids must keep `,` free for lists. Every view that
//! keeps its state in the address uses these.

/// The decoded `key=value` pairs of a query string, in order.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Accepts a leading `?` and ignores a `#fragment`, so both `location.search` and a whole
    /// pasted link tail work.
    pub fn new(query: &str) -> Self {
        let query = query.split('#').next().unwrap_or_default();
        let query = query.strip_prefix('?').unwrap_or(query);
        // Percent-decoding with `+` as a space, as forms and `URLSearchParams` write it; a `%`
        // without two hex digits stays as it is and invalid UTF-8 becomes U+FFFD.
        let pairs = form_urlencoded::parse(query.as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        Params { pairs }
    }

    /// The first value for `key`: a repeated key is most likely a stale copy appended by hand,
    /// and taking the first matches `URLSearchParams.get`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Escapes everything but RFC 3986 unreserved characters, so any id survives [`Params`] and
/// none can inject `&`, `=` or `,`. Content ids are kebab-case, so in practice nothing changes.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
            out.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
        }
    }
    out
}

const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// `[("q", "nmda"), ("tag", "")]` → `?q=nmda` (empty values left out; `""` when nothing is left).
pub fn build(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_empty_ones_dropped() {
        assert_eq!(
            build(&[("q", "nmda receptor"), ("tag", "")]),
            "?q=nmda%20receptor"
        );
        assert_eq!(
            build(&[("q", "a&b=c"), ("tag", "opioids")]),
            "?q=a%26b%3Dc&tag=opioids"
        );
        assert_eq!(build(&[("q", "")]), "");
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn decoding_undoes_encoding() {
        for s in ["nmda receptor", "a&b=c,d", "é+ü", "100%"] {
            let query = format!("?v={}", encode(s));
            assert_eq!(Params::new(&query).get("v"), Some(s));
        }
        assert_eq!(Params::new("?q=a+b&q=c#x").get("q"), Some("a b"));
    }
}
