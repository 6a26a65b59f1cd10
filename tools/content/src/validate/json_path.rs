//! Where a value sits in a JSON text: every value's path (`$.blocks[4].runs[2]`) and byte span,
//! and the path of the value at the line and column serde reports an error at.
//!
//! The scanner is hand-written on purpose. `serde_path_to_error` and `serde_ignored` follow the
//! path only while serde walks the input directly; an internally tagged enum (`Block` and
//! `Inline`, tagged by `"type"`) is first buffered and then deserialized from that buffer, out of
//! their sight. So inside a block both lose the path (dtolnay/path-to-error#1), and
//! `serde_ignored` does not see unknown fields there at all (dtolnay/serde-ignored#15). The app
//! now decodes blocks and runs tag first, without that buffer (src/model/tagged.rs); the scanner
//! stays, because reading the path off the text works for every type, whatever decodes it, and
//! needs no wrapper around each decoder.

use serde_json::Value;

/// The JSON path of member `key` of the value at `parent`: `.key`, or `["key"]` when the key is
/// not a plain identifier.
pub fn path_key(parent: &str, key: &str) -> String {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", Value::String(key.to_string()))
    }
}

/// The JSON path of element `i` of the array at `parent`.
pub fn path_index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// Every value of a JSON document with its path and where it is: `start` is the byte offset of
/// the member's key (object members) or of the value (array elements, the root); `end` is the
/// end of the value. Empty for text that is not JSON.
pub fn json_locations(text: &str) -> Vec<JsonSpan> {
    let mut scanner = Scanner {
        b: text.as_bytes(),
        i: 0,
        out: Vec::new(),
    };
    let start = scanner.skip_ws();
    if scanner.value("$".to_string(), start).is_none() {
        scanner.out.clear();
    }
    scanner.out
}

/// One entry of [`json_locations`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSpan {
    pub path: String,
    pub start: usize,
    pub end: usize,
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    out: Vec<JsonSpan>,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) -> usize {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
        self.i
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.skip_ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    /// Parses a value at `self.i` (whitespace skipped), recording it under `path`.
    fn value(&mut self, path: String, start: usize) -> Option<()> {
        let slot = self.out.len();
        self.out.push(JsonSpan {
            path: path.clone(),
            start,
            end: start,
        });
        self.skip_ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                if self.eat(b'}').is_none() {
                    loop {
                        let key_start = self.skip_ws();
                        let key = self.string()?;
                        self.eat(b':')?;
                        self.value(path_key(&path, &key), key_start)?;
                        if self.eat(b',').is_none() {
                            self.eat(b'}')?;
                            break;
                        }
                    }
                }
            }
            b'[' => {
                self.i += 1;
                if self.eat(b']').is_none() {
                    for n in 0.. {
                        let at = self.skip_ws();
                        self.value(path_index(&path, n), at)?;
                        if self.eat(b',').is_none() {
                            self.eat(b']')?;
                            break;
                        }
                    }
                }
            }
            b'"' => drop(self.string()?),
            _ => {
                let from = self.i;
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| !b",]} \t\r\n".contains(c))
                {
                    self.i += 1;
                }
                (self.i > from).then_some(())?;
            }
        }
        self.out[slot].end = self.i;
        Some(())
    }

    fn string(&mut self) -> Option<String> {
        let from = self.i;
        (self.b.get(self.i) == Some(&b'"')).then_some(())?;
        self.i += 1;
        loop {
            match *self.b.get(self.i)? {
                b'\\' => self.i += 2,
                b'"' => break,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        serde_json::from_slice(self.b.get(from..self.i)?).ok()
    }
}

/// The deepest JSON path whose value spans the (1-based line, byte column) serde reports, and
/// where that value starts (1-based line and character column). serde sometimes reports a
/// value's error only once it has moved on to the next sibling, so the position is first moved
/// back over whitespace and commas to where the last value ended.
pub(super) fn path_at(text: &str, line: usize, column: usize) -> (String, usize, usize) {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let b = text.as_bytes();
    let mut at = (line_start + column)
        .saturating_sub(1)
        .min(b.len().saturating_sub(1));
    while at > 0
        && b.get(at)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b',')
    {
        at -= 1;
    }
    match json_locations(text)
        .into_iter()
        .filter(|s| s.start <= at && at < s.end.max(s.start + 1))
        .max_by_key(|s| s.start)
    {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            (span.path, line, column)
        }
        None => ("$".to_string(), line, column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        let text = "{\n  \"a\": [1, {\"b-c\": \"x\"}],\n  \"d\": null\n}";
        let spans = json_locations(text);
        let find = |p: &str| spans.iter().find(|s| s.path == p).map(|s| (s.start, s.end));
        assert_eq!(find("$"), Some((0, text.len())));
        assert_eq!(find("$.a"), Some((4, 26)));
        assert_eq!(find("$.a[1][\"b-c\"]"), Some((14, 24)));
        assert_eq!(find("$.d"), Some((30, 39)));
        assert!(json_locations("{\"a\": ").is_empty());
    }
}
