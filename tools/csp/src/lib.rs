//! The Content-Security-Policy of a Trunk build, finished after the build.
//!
//! `index.html` carries the policy in a `<meta http-equiv="Content-Security-Policy">` tag, with
//! every directive but the hash of Trunk's inline loader `<script type="module">`, which only
//! exists once Trunk has written the page. [`apply`] hashes every inline script of the built
//! page and writes the hashes into `script-src`; [`headers`] copies the finished policy into a
//! Netlify/Cloudflare `_headers` file. The binary runs both as a Trunk `post_build` hook.
//!
//! Nothing here is a general HTML parser: it reads the small, regular page Trunk writes, and
//! refuses (with a message) anything it does not expect rather than guessing.

use std::fmt;
use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The `http-equiv` value of the policy's meta tag.
pub const META_NAME: &str = "Content-Security-Policy";

/// Directives the app relies on, exactly as they must read: the service worker (`sw.js`) and the
/// web app manifest come only from our origin. Without them `default-src` would decide, so a
/// looser `default-src` could let either come from elsewhere; the build refuses a policy
/// without them.
pub const REQUIRED: [&str; 2] = ["worker-src 'self'", "manifest-src 'self'"];

/// Keywords that would undo the policy; a policy containing one is refused.
const FORBIDDEN: [&str; 3] = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn error(message: impl Into<String>) -> Error {
    Error(message.into())
}

/// The CSP source expression for `text`: `'sha256-<base64 of its SHA-256>'`.
pub fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The byte ranges of the text of every `<script>` without a `src` attribute, in page order.
/// The text is what the browser hashes: everything between `>` and `</script`.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, Error> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let start = from + found;
        let after_name = start + "<script".len();
        // `<scripts>` or `<script-x>` are other elements.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            from = after_name;
            continue;
        }
        let tag_end = lower[start..]
            .find('>')
            .map(|i| start + i)
            .ok_or_else(|| error("a <script> tag is not closed"))?;
        let close = lower[tag_end..]
            .find("</script")
            .map(|i| tag_end + i)
            .ok_or_else(|| error("a <script> element has no </script>"))?;
        if !has_attribute(&lower[after_name..tag_end], "src") {
            scripts.push(&html[tag_end + 1..close]);
        }
        from = close;
    }
    Ok(scripts)
}

/// Does the attribute list of a tag (lowercase) name `attribute`? Values are skipped, so a
/// value containing ` src=` does not count.
fn has_attribute(attributes: &str, attribute: &str) -> bool {
    let mut rest = attributes.trim_start_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return false;
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if &rest[..name_len] == attribute {
            return true;
        }
        rest = rest[name_len..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            rest = match value.chars().next() {
                Some(quote @ ('"' | '\'')) => match value[1..].find(quote) {
                    Some(end) => &value[end + 2..],
                    None => "",
                },
                _ => value
                    .find(|c: char| c.is_ascii_whitespace())
                    .map_or("", |end| &value[end..]),
            };
        }
    }
}

/// Where the policy's `content="…"` value sits in `html`.
fn meta_content(html: &str) -> Result<std::ops::Range<usize>, Error> {
    let lower = html.to_ascii_lowercase();
    let needle = format!("http-equiv=\"{}\"", META_NAME.to_ascii_lowercase());
    let mut found = lower.match_indices(&needle).map(|(i, _)| i);
    let at = found.next().ok_or_else(|| {
        error(format!(
            "no <meta http-equiv=\"{META_NAME}\" content=\"…\"> in the page: add it to index.html"
        ))
    })?;
    if found.next().is_some() {
        return Err(error(format!(
            "more than one {META_NAME} meta tag in the page"
        )));
    }
    let tag_start = lower[..at]
        .rfind('<')
        .ok_or_else(|| error("malformed meta tag"))?;
    let tag_end = lower[at..]
        .find('>')
        .map(|i| at + i)
        .ok_or_else(|| error("the policy's meta tag is not closed"))?;
    if !lower[tag_start..].starts_with("<meta") {
        return Err(error(format!(
            "http-equiv=\"{META_NAME}\" is not on a <meta> tag"
        )));
    }
    let key = " content=\"";
    let value_start = lower[tag_start..tag_end]
        .find(key)
        .map(|i| tag_start + i + key.len())
        .ok_or_else(|| error("the policy's meta tag has no content=\"…\""))?;
    let value_end = lower[value_start..tag_end]
        .find('"')
        .map(|i| value_start + i)
        .ok_or_else(|| error("the policy's content attribute is not closed"))?;
    Ok(value_start..value_end)
}

/// The policy in the page's meta tag, as written.
pub fn policy_of(html: &str) -> Result<String, Error> {
    Ok(html[meta_content(html)?].to_owned())
}

/// `policy` with `script-src` holding exactly `hashes` after its other sources (hashes already
/// there are dropped first, so applying twice changes nothing). Refuses a policy with no
/// `script-src`, or with a keyword that would let injected code run.
pub fn with_script_hashes(policy: &str, hashes: &[String]) -> Result<String, Error> {
    let lower = policy.to_ascii_lowercase();
    if let Some(keyword) = FORBIDDEN.iter().find(|k| lower.contains(*k)) {
        return Err(error(format!(
            "the policy allows {keyword}: remove it, the app does not need it"
        )));
    }
    if policy.contains(['"', '<', '>', '\n', '\r']) {
        return Err(error(
            "the policy has a quote, an angle bracket or a line break",
        ));
    }
    for required in REQUIRED {
        if !policy.split(';').any(|d| d.trim() == required) {
            return Err(error(format!(
                "the policy lacks `{required}` (the service worker and the app manifest need it)"
            )));
        }
    }
    let mut found = false;
    let directives: Vec<String> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|directive| {
            let mut parts = directive.split_ascii_whitespace();
            let name = parts.next().unwrap_or_default();
            if !name.eq_ignore_ascii_case("script-src") {
                return directive.to_owned();
            }
            found = true;
            let kept = parts.filter(|s| !s.to_ascii_lowercase().starts_with("'sha256-"));
            std::iter::once(name)
                .chain(kept)
                .chain(hashes.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if !found {
        return Err(error("the policy has no script-src directive"));
    }
    Ok(directives.join("; "))
}

/// Things in a page that the policy would block at run time, so the build fails instead.
fn blocked_by_policy(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<style") {
        Some("a <style> element (style-src 'self' blocks it: use a stylesheet)")
    } else if lower.contains(" style=") {
        Some("a style=\"…\" attribute (style-src 'self' blocks it: use a class)")
    } else if lower.contains("javascript:") {
        Some("a javascript: URL")
    } else {
        None
    }
}

/// What [`apply`] produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The page with the finished policy.
    pub html: String,
    /// The finished policy.
    pub policy: String,
    /// One `'sha256-…'` per inline script, in page order.
    pub hashes: Vec<String>,
}

/// Hashes every inline script of a built page into the `script-src` of its meta policy.
pub fn apply(html: &str) -> Result<Applied, Error> {
    if let Some(what) = blocked_by_policy(html) {
        return Err(error(format!("the page has {what}")));
    }
    let scripts = inline_scripts(html)?;
    if scripts.is_empty() {
        return Err(error(
            "the page has no inline script: expected Trunk's loader <script type=\"module\">",
        ));
    }
    if scripts.iter().any(|s| s.contains('\r')) {
        // Browsers hash the text after turning CRLF into LF; keep the two identical.
        return Err(error("an inline script has a carriage return"));
    }
    let range = meta_content(html)?;
    if html[..range.start].to_ascii_lowercase().contains("<script") {
        return Err(error(
            "the policy's meta tag comes after a script: move it to the top of <head>",
        ));
    }
    let hashes: Vec<String> = scripts.iter().map(|s| sha256_source(s)).collect();
    let policy = with_script_hashes(&html[range.clone()], &hashes)?;
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(&html[..range.start]);
    out.push_str(&policy);
    out.push_str(&html[range.end..]);
    Ok(Applied {
        html: out,
        policy,
        hashes,
    })
}

/// A `_headers` file with the value of every `Content-Security-Policy:` line set to `policy`.
/// Refuses a file without such a line: the header and the meta tag must say the same.
pub fn headers(template: &str, policy: &str) -> Result<String, Error> {
    let mut found = false;
    let mut out: Vec<String> = template
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            match trimmed.split_once(':') {
                Some((name, _)) if name.trim().eq_ignore_ascii_case(META_NAME) => {
                    found = true;
                    format!("{indent}{META_NAME}: {policy}")
                }
                _ => line.to_owned(),
            }
        })
        .collect();
    if !found {
        return Err(error(format!("_headers has no `{META_NAME}:` line")));
    }
    out.push(String::new());
    Ok(out.join("\n"))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The post-build step on a Trunk staging or dist directory: writes `index.html` with the
/// finished policy, the same page as `404.html`, and the policy into `_headers`. Returns a
/// one-line summary, or a sentence saying what to fix.
pub fn finish(dir: &Path) -> Result<String, String> {
    let html = read(&dir.join("index.html"))?;
    let applied = apply(&html).map_err(|e| format!("index.html: {e}"))?;
    write(&dir.join("index.html"), &applied.html)?;
    write(&dir.join("404.html"), &applied.html)?;
    let headers_path = dir.join("_headers");
    let template = read(&headers_path).map_err(|e| {
        format!(
            "{e} (index.html must copy public/_headers with <link data-trunk rel=\"copy-file\">)"
        )
    })?;
    let headers = headers(&template, &applied.policy).map_err(|e| format!("_headers: {e}"))?;
    write(&headers_path, &headers)?;
    Ok(format!(
        "script-src gets {} for {} inline script(s); wrote index.html, 404.html and _headers",
        applied.hashes.join(" "),
        applied.hashes.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; manifest-src 'self'; object-src 'none'" />
<link rel="modulepreload" href="/app.js" integrity="sha384-x">
<script type="module">
import init from '/app.js';
await init();
</script>
<script src="/other.js" type="module"></script>
</head><body></body></html>"#;

    #[test]
    fn sha256_matches_known_vectors() {
        // `printf 'abc' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            sha256_source("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
        assert_eq!(
            sha256_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn finds_only_inline_scripts_and_their_exact_text() {
        let scripts = inline_scripts(PAGE).unwrap();
        assert_eq!(
            scripts,
            vec!["\nimport init from '/app.js';\nawait init();\n"]
        );
        let tricky = r#"<script data-x="a src=b">1</script><SCRIPT SRC="/a.js"></SCRIPT><scripts>no</scripts><script>2</script >"#;
        assert_eq!(inline_scripts(tricky).unwrap(), vec!["1", "2"]);
        assert!(inline_scripts("<script>never closed").is_err());
    }

    #[test]
    fn apply_writes_the_hash_into_script_src_once() {
        let applied = apply(PAGE).unwrap();
        let hash = sha256_source("\nimport init from '/app.js';\nawait init();\n");
        assert_eq!(applied.hashes, vec![hash.clone()]);
        assert_eq!(
            applied.policy,
            format!("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hash}; worker-src 'self'; manifest-src 'self'; object-src 'none'")
        );
        assert!(applied
            .html
            .contains(&format!("content=\"{}\"", applied.policy)));
        // Everything else is untouched.
        assert_eq!(applied.html.replace(&format!(" {hash}"), ""), PAGE);
        // Idempotent: a second run replaces the hash rather than adding another.
        assert_eq!(apply(&applied.html).unwrap(), applied);
        assert_eq!(policy_of(&applied.html).unwrap(), applied.policy);
    }

    #[test]
    fn a_changed_script_gets_a_new_hash() {
        let changed = PAGE.replace("await init();", "await init({});");
        assert_ne!(apply(&changed).unwrap().hashes, apply(PAGE).unwrap().hashes);
    }

    #[test]
    fn refuses_policies_that_would_let_injected_code_run() {
        for bad in ["'unsafe-inline'", "'unsafe-eval'", "'UNSAFE-INLINE'"] {
            let page = PAGE.replace("'wasm-unsafe-eval'", &format!("'wasm-unsafe-eval' {bad}"));
            let err = apply(&page).unwrap_err();
            assert!(err.0.contains("allows"), "{err}");
        }
        let err = with_script_hashes(
            "default-src 'self'; worker-src 'self'; manifest-src 'self'",
            &[],
        )
        .unwrap_err();
        assert!(err.0.contains("no script-src"), "{err}");
    }

    #[test]
    fn refuses_a_policy_without_the_worker_and_manifest_directives() {
        for required in REQUIRED {
            for changed in ["", "worker-src *", "manifest-src https:"] {
                let page = PAGE.replace(&format!(" {required};"), &format!(" {changed};"));
                if page == PAGE || page.contains(required) {
                    continue;
                }
                let err = apply(&page).unwrap_err();
                assert!(err.0.contains(required), "{err}");
            }
        }
        // Both are in the page every other test uses.
        assert!(apply(PAGE).is_ok());
    }

    #[test]
    fn refuses_pages_the_policy_would_break() {
        let no_meta = PAGE.replace("http-equiv=\"Content-Security-Policy\"", "name=\"x\"");
        assert!(apply(&no_meta).unwrap_err().0.contains("no <meta"));
        let twice = PAGE.replace("<link", &format!("{}\n<link", PAGE.lines().nth(2).unwrap()));
        assert!(apply(&twice).unwrap_err().0.contains("more than one"));
        let styled = PAGE.replace("<body>", "<body style=\"color:red\">");
        assert!(apply(&styled).unwrap_err().0.contains("style"));
        let style_element = PAGE.replace("</head>", "<style>p{}</style></head>");
        assert!(apply(&style_element).unwrap_err().0.contains("<style>"));
        let no_script = PAGE.replace("<script type=\"module\">", "<script src=\"/x.js\">");
        assert!(apply(&no_script)
            .unwrap_err()
            .0
            .contains("no inline script"));
        let crlf = PAGE.replace("await init();\n", "await init();\r\n");
        assert!(apply(&crlf).unwrap_err().0.contains("carriage return"));
        let late = PAGE.replacen("<meta http-equiv", "<script>1</script><meta http-equiv", 1);
        assert!(apply(&late).unwrap_err().0.contains("after a script"));
    }

    #[test]
    fn headers_get_the_same_policy() {
        let template = "# comment\n/*\n  Content-Security-Policy: set at build time\n  X-Content-Type-Options: nosniff\n";
        let out = headers(template, "default-src 'self'").unwrap();
        assert_eq!(
            out,
            "# comment\n/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n"
        );
        assert!(headers("/*\n  X-Frame-Options: DENY\n", "x").is_err());
    }
}
