//! The static baseline: the build's own prerendered page of an article with everything that is
//! script taken out, so the same markup and the same CSS files with nothing to download, compile
//! or run. It is the limit for the app's prerendered page: what a reader would see if the page
//! were plain HTML.

use anyhow::bail;

/// `page` without any `<script>` element (Trunk's loader, the JSON-LD and the embedded content
/// data alike) and without the `<link rel="modulepreload">` and `<link rel="preload">` that
/// fetch the JS glue and the wasm. Everything else, the CSS links included, stays byte for
/// byte. Fails on markup it does not expect (an unclosed script or tag) rather than guessing.
pub fn without_scripts(page: &str) -> anyhow::Result<String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    loop {
        let script = rest.find("<script");
        let link = find_preload(rest);
        let start = match (script, link) {
            (Some(s), Some(l)) => s.min(l),
            (Some(s), None) => s,
            (None, Some(l)) => l,
            (None, None) => break,
        };
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        // A script's text cannot hold `</script`; the prerenderer escapes it in the data.
        let end = if script == Some(start) {
            tail.find("</script>").map(|e| e + "</script>".len())
        } else {
            tail.find('>').map(|e| e + 1)
        };
        let Some(end) = end else {
            bail!("the page has an unclosed {:?}", &tail[..tail.len().min(40)]);
        };
        rest = &tail[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The start of the next `<link rel="preload"` or `<link rel="modulepreload"`.
fn find_preload(text: &str) -> Option<usize> {
    ["<link rel=\"modulepreload\"", "<link rel=\"preload\""]
        .iter()
        .filter_map(|tag| text.find(tag))
        .min()
}

/// Where the article ends in a prerendered article page: the byte just after the
/// `</article>` that closes the page's first `<article`, counting nested ones.
pub fn article_end(page: &str) -> anyhow::Result<usize> {
    let Some(start) = page.find("<article") else {
        bail!("the page has no <article>");
    };
    let mut depth = 0usize;
    let mut at = start;
    while let Some(i) = page[at..].find("article") {
        let i = at + i;
        let before = &page[..i];
        if before.ends_with("</") {
            depth -= 1;
            let Some(close) = page[i..].find('>') else {
                break;
            };
            if depth == 0 {
                return Ok(i + close + 1);
            }
        } else if before.ends_with('<') {
            depth += 1;
        }
        at = i + "article".len();
    }
    bail!("the page's <article> is not closed")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><link rel="stylesheet" href="/a.css"/>
<script type="application/ld+json">{"a":1}</script>
<script type="module">import init from '/p.js';</script>
<link rel="modulepreload" href="/p.js"><link rel="preload" href="/p.wasm" as="fetch"></head>
<body><div id="app"><article class="article"><h1>T</h1><article>x</article><p>a</p></article><footer>f</footer></div>
<script type="application/json" data-content="content/x.json">{"b":"&lt;"}</script>
</body></html>"#;

    #[test]
    fn scripts_and_their_preloads_go_and_everything_else_stays() {
        let page = without_scripts(PAGE).unwrap();
        assert!(
            !page.contains("<script") && !page.contains("preload"),
            "{page}"
        );
        assert!(page.contains(r#"<link rel="stylesheet" href="/a.css"/>"#));
        assert!(page.contains("<h1>T</h1>") && page.ends_with("</body></html>"));
        assert!(without_scripts("<p><script>x").is_err());
    }

    #[test]
    fn the_article_ends_at_its_own_closing_tag() {
        let end = article_end(PAGE).unwrap();
        assert!(PAGE[..end].ends_with("<p>a</p></article>"));
        assert!(article_end("<main><article><p>").is_err());
        assert!(article_end("<main></main>").is_err());
    }
}
