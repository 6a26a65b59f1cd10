//! Query-string reading and writing, by hand: the rules are small and a URL crate would add
//! weight to the wasm bundle for no gain.

/// The decoded `key=value` pairs of a query string, in order.
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Accepts a leading `?` and ignores a `#fragment`, so both `location.search` and a whole
    /// pasted link tail work.
    pub(crate) fn new(query: &str) -> Self {
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
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Percent-decodes and turns `+` into a space, as HTML forms and `URLSearchParams` write them.
/// A `%` not followed by two hex digits is kept as it is; invalid UTF-8 becomes U+FFFD.
pub(crate) fn decode(text: &str) -> String {
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
pub(crate) fn encode(text: &str) -> String {
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
