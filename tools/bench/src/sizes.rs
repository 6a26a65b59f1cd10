//! What a first visit downloads, raw and compressed as a static host would serve it: the
//! compressed sizes are those of the `.br` and `.gz` copies the build ships beside each file
//! (tools/prerender/src/compress.rs: brotli 11, gzip 9), so the bench measures what is served.
//! A file the build left without a copy (compressing would not make it smaller) is served raw.

use std::path::Path;

use anyhow::{bail, Context};

/// One file of the first load.
#[derive(Debug, Clone)]
pub struct FileSize {
    /// `wasm`, `js`, `css`, `html` or `json`.
    pub kind: &'static str,
    /// Path inside the build, e.g. `content/index.json`.
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Sizes of everything a first visit to the home page downloads: the wasm, the JS glue and
/// the CSS that `index.html` names, `index.html` itself and `content/index.json` (the favicon
/// is left out: browsers fetch it after the page is usable, and it is 166 bytes). The whole
/// app's bundle, which only the catalogue's pages load (src/split.rs), is not part of it.
pub fn first_load(dist: &Path) -> anyhow::Result<Vec<FileSize>> {
    let mut files: Vec<(&'static str, String)> = Vec::new();
    let index = dist.join("index.html");
    let page = std::fs::read_to_string(&index).with_context(|| index.display().to_string())?;
    let entries = std::fs::read_dir(dist).with_context(|| dist.display().to_string())?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    // The service worker is fetched by the browser after the page has loaded, not by the first
    // view, like the favicon.
    names.retain(|name| name != "sw.js" && page.contains(name.as_str()));
    for name in names {
        let kind = match name.rsplit('.').next().unwrap_or("") {
            "wasm" => "wasm",
            "js" => "js",
            "css" => "css",
            _ => continue,
        };
        files.push((kind, name));
    }
    for kind in ["wasm", "js"] {
        let count = files.iter().filter(|(k, _)| *k == kind).count();
        if count != 1 {
            bail!(
                "{}/index.html names {count} .{kind} files, expected exactly one: rebuild it \
                 with `make build`",
                dist.display()
            );
        }
    }
    if !files.iter().any(|(k, _)| *k == "css") {
        bail!("{} has no .css file", dist.display());
    }
    files.push(("html", "index.html".to_owned()));
    files.push(("json", "content/index.json".to_owned()));
    files
        .into_iter()
        .map(|(kind, path)| {
            let file = dist.join(&path);
            let raw = len(&file)?;
            Ok(FileSize {
                kind,
                path,
                raw,
                gzip: served_len(&file, "gz", raw)?,
                brotli: served_len(&file, "br", raw)?,
            })
        })
        .collect()
}

/// The whole app's wasm (`pathways-full-<hash>_bg.wasm`), which only the catalogue's pages
/// load (src/split.rs).
pub fn full_wasm(dist: &Path) -> anyhow::Result<FileSize> {
    let entries = std::fs::read_dir(dist).with_context(|| dist.display().to_string())?;
    let found: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.starts_with("pathways-full-") && name.ends_with(".wasm"))
        .collect();
    let [name] = found.as_slice() else {
        bail!(
            "{} has {} pathways-full-*.wasm files, expected one: rebuild it with `make build`",
            dist.display(),
            found.len()
        );
    };
    let file = dist.join(name);
    let raw = len(&file)?;
    Ok(FileSize {
        kind: "wasm",
        path: name.clone(),
        raw,
        gzip: served_len(&file, "gz", raw)?,
        brotli: served_len(&file, "br", raw)?,
    })
}

fn len(file: &Path) -> anyhow::Result<u64> {
    Ok(std::fs::metadata(file)
        .with_context(|| file.display().to_string())?
        .len())
}

/// The size of the `NAME.suffix` copy, or `raw` when the build wrote none. The wasm always
/// compresses, so a wasm without its copies is a build from before pre-compression.
fn served_len(file: &Path, suffix: &str, raw: u64) -> anyhow::Result<u64> {
    let mut copy = file.as_os_str().to_owned();
    copy.push(".");
    copy.push(suffix);
    let copy = Path::new(&copy);
    if copy.exists() {
        return len(copy);
    }
    if file.extension().is_some_and(|e| e == "wasm") {
        bail!(
            "{} has no .{suffix} copy: rebuild with `make build`, which writes them",
            file.display()
        );
    }
    Ok(raw)
}

/// The sum of one measure over the files of one kind (all kinds for `None`).
pub fn total(files: &[FileSize], kind: Option<&str>, measure: fn(&FileSize) -> u64) -> u64 {
    files
        .iter()
        .filter(|f| kind.is_none_or(|k| f.kind == k))
        .map(measure)
        .sum()
}

/// What a reader downloads before an article is readable.
#[derive(Debug, Clone)]
pub struct Readable {
    /// The prerendered page, inside the build (`articles/<slug>.html`).
    pub page: String,
    /// The page's bytes up to the end of its `</article>`, raw and brotli 11.
    pub html_raw: u64,
    pub html_brotli: u64,
    /// The whole page as served (its `.br` copy), for comparison.
    pub page_brotli: u64,
    /// Every stylesheet the page links (all render-blocking), with its served brotli size.
    pub css: Vec<(String, u64)>,
}

impl Readable {
    /// `readable_bytes_brotli`.
    pub fn total(&self) -> u64 {
        self.html_brotli + self.css.iter().map(|(_, n)| n).sum::<u64>()
    }
}

/// The bytes before the prerendered article `slug` is readable: the page up to the end of
/// the article (head, site header, and the `<article>`: its header, contents, body, words
/// explained, references and related articles; not the footer nor the embedded JSON data
/// after it), compressed alone at the build's settings, plus the served `.br` copy of every
/// stylesheet the page links.
pub fn readable(dist: &Path, slug: &str) -> anyhow::Result<Readable> {
    let page = format!("articles/{slug}.html");
    let file = dist.join(&page);
    let html = std::fs::read_to_string(&file).with_context(|| file.display().to_string())?;
    let end = crate::static_page::article_end(&html)
        .with_context(|| format!("{}: where the article ends", file.display()))?;
    let prefix = &html.as_bytes()[..end];
    let html_brotli = brotli_len(prefix)?;
    let page_brotli = served_len(&file, "br", html.len() as u64)?;
    let mut css = Vec::new();
    for href in stylesheets(&html) {
        let path = href.trim_start_matches('/').to_owned();
        let sheet = dist.join(&path);
        let raw = len(&sheet).with_context(|| format!("the stylesheet {href} of {page}"))?;
        css.push((path, served_len(&sheet, "br", raw)?));
    }
    if css.is_empty() {
        bail!("{} links no stylesheet", file.display());
    }
    Ok(Readable {
        page,
        html_raw: end as u64,
        html_brotli,
        page_brotli,
        css,
    })
}

/// The `href`s of the page's `<link rel="stylesheet">`s, in order.
fn stylesheets(html: &str) -> Vec<&str> {
    html.split("<link ")
        .skip(1)
        .filter_map(|tag| tag.split('>').next())
        .filter(|tag| tag.contains(r#"rel="stylesheet""#))
        .filter_map(|tag| tag.split(r#"href=""#).nth(1)?.split('"').next())
        .collect()
}

/// Brotli-compressed size of `bytes` with the build's own compressor and settings
/// (`pathways_prerender::compress`: quality 11, window 22), as its `.br` copies are made.
pub fn brotli_len(bytes: &[u8]) -> anyhow::Result<u64> {
    pathways_prerender::compress::brotli(bytes)
        .map(|packed| packed.len() as u64)
        .map_err(|e| anyhow::anyhow!("brotli: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_are_read_in_order() {
        let html = r#"<link rel="icon" href="/f.svg"/><link rel="stylesheet" href="/a.css" integrity="x"/>
<link rel="modulepreload" href="/p.js"><link rel="stylesheet" href="/b.css">"#;
        assert_eq!(stylesheets(html), ["/a.css", "/b.css"]);
    }

    #[test]
    fn brotli_is_the_builds() {
        let text = "chronic pain ".repeat(1000);
        let n = brotli_len(text.as_bytes()).unwrap();
        assert!(n > 0 && n < 100, "{n}");
    }
}
