//! Query strings, read and written by hand: the rules are small and a URL crate would add
//! weight to the wasm bundle for no gain. Every view that keeps its state in the address uses
//! these.

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
        let pairs = query
            .split('&')
            .filter(|piece| !piece.is_empty())
            .map(|piece| match piece.split_once('=') {
                Some((key, value)) => (decode(key), decode(value)),
                None => (decode(piece), String::new()),
            })
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

/// Percent-decodes and turns `+` into a space, as HTML forms and `URLSearchParams` write them.
/// A `%` not followed by two hex digits is kept as it is; invalid UTF-8 becomes U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let high = bytes.get(i + 1).and_then(|&b| hex(b));
                let low = bytes.get(i + 2).and_then(|&b| hex(b));
                if let (Some(high), Some(low)) = (high, low) {
                    out.push(high << 4 | low);
                    i += 3;
                } else {
                    out.push(b'%');
                    i += 1;
                }
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Escapes everything but RFC 3986 unreserved characters, so any id survives [`decode`] and
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
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(Params::new("?q=a+b&q=c#x").get("q"), Some("a b"));
    }
}
