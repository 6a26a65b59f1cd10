//! Query-string encoding shared by every view that keeps its state in the URL.

/// Percent-encodes a query value (space as `%20`; `,` kept, it separates ids).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

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
}
