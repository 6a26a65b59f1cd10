//! Every route of Pathways as a complete HTML file, rendered natively at build time by the
//! app's own components (`pathways` with the `ssr` feature), so a reader sees the finished page
//! before the WebAssembly arrives and a reader without it still reads everything.
//!
//! Each page is the built `index.html` (Trunk's loader, the CSS and the finished CSP; for the
//! catalogue's pages, the whole app's loader instead, see `bundles.rs`) with:
//! - the rendered app inside `<div id="app">`, which the app replaces with itself once its
//!   first view is ready (see `pathways::start`);
//! - its own `<title>`, description, Open Graph tags and, for articles, JSON-LD;
//! - the content files its first view used, as `<script type="application/json">` data that
//!   is never run, so the app starts from them without a request and without a loading state.
//!
//! Nothing here is a general HTML parser: it edits the small page Trunk writes and refuses,
//! with a sentence, anything it does not expect.

pub mod bundles;
pub mod compress;
mod files;
mod head;
pub mod offline;
mod routes;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use pathways::components::page_meta::{take_rendered_head, PageHead};
use pathways::model::{ContentIndex, Treatments};
use pathways::{App, InitialFiles};

pub use head::{escape_text, page_head, sitemap};
pub use routes::{routes, Route, RouteKind};

/// One route rendered by the app.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The app's markup, the body of `<div id="app">`.
    pub body: String,
    pub head: PageHead,
    /// The content files the first view used, by path, in a stable order.
    pub used: Vec<String>,
}

/// Must run once before the first [`render`]: native rendering runs the app's tasks on it.
pub fn init() {
    let _ = any_spawner::Executor::init_futures_executor();
}

/// Renders the app at `url` (the full path, with the site's base) from `files` (content text by
/// path, `content/…`). Fails if the page came out with a loading state: the page asked for a
/// file that `files` lacks, which would make the prerendered page wait for the network.
pub fn render(url: &str, files: &HashMap<String, String>) -> Result<Rendered, String> {
    let known = InitialFiles::new(files.clone());
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let body = owner.with(|| {
        provide_context(RequestUrl::new(url));
        provide_context(known.clone());
        view! { <App/> }.to_html()
    });
    owner.unset();
    if body.contains("status--loading") {
        return Err(format!(
            "{url} rendered a loading state: a content file it needs is missing"
        ));
    }
    let head = take_rendered_head().ok_or_else(|| format!("{url} has no PageMeta"))?;
    let remaining = known.remaining();
    let mut used: Vec<String> = files
        .keys()
        .filter(|path| !remaining.contains(path))
        .cloned()
        .collect();
    used.sort();
    Ok(Rendered { body, head, used })
}

/// JSON text made safe inside a `<script>` element: `<` only ever occurs inside JSON strings,
/// where `\u003c` means the same, so no `</script>` or `<!--` can end the element early.
pub fn script_safe_json(text: &str) -> String {
    text.replace('<', "\\u003c")
}

/// Where the app's markup goes in the built page: the whole `<noscript>` element Trunk's
/// template carries, which the prerendered page no longer needs as it is.
const NOSCRIPT_OPEN: &str = "<noscript>";
const NOSCRIPT_CLOSE: &str = "</noscript>";

/// The complete page: the template with `rendered` and `head_html` in place.
pub fn page(
    template: &str,
    rendered: &Rendered,
    head_html: &str,
    files: &HashMap<String, String>,
) -> Result<String, String> {
    let title_start = template.find("<title>").ok_or("the page has no <title>")?;
    let title_end = template[title_start..]
        .find("</title>")
        .map(|i| title_start + i + "</title>".len())
        .ok_or("the page's <title> is not closed")?;
    let head_end = template.find("</head>").ok_or("the page has no </head>")?;
    let noscript_start = template
        .find(NOSCRIPT_OPEN)
        .ok_or("the page has no <noscript> to replace")?;
    let noscript_end = template[noscript_start..]
        .find(NOSCRIPT_CLOSE)
        .map(|i| noscript_start + i + NOSCRIPT_CLOSE.len())
        .ok_or("the page's <noscript> is not closed")?;
    if !(title_end <= head_end && head_end < noscript_start) {
        return Err("expected <title> in <head> and <noscript> in <body>".into());
    }
    let mut data = String::new();
    for path in &rendered.used {
        let text = files
            .get(path)
            .ok_or_else(|| format!("{path} is not a content file"))?;
        data.push_str(&format!(
            "<script type=\"application/json\" data-content=\"{}\">{}</script>\n",
            escape_text(path),
            script_safe_json(text)
        ));
    }
    let mut out = String::with_capacity(template.len() + rendered.body.len() + data.len() + 1024);
    out.push_str(&remove_meta_description(&template[..title_start]));
    out.push_str(head_html);
    out.push_str(&template[title_end..head_end]);
    out.push_str(&template[head_end..noscript_start]);
    out.push_str(
        "<noscript><p class=\"noscript\">Reading works without JavaScript. Searching, sorting \
         and choosing treatments need it.</p></noscript>\n    <div id=\"app\" class=\"app\">",
    );
    out.push_str(&rendered.body);
    out.push_str("</div>\n");
    out.push_str(&data);
    out.push_str(&template[noscript_end..]);
    Ok(out)
}

/// The template's own description gives way to the page's.
fn remove_meta_description(head: &str) -> String {
    let found = head.find("<meta name=\"description\"").and_then(|start| {
        let end = start + head[start..].find('>')? + 1;
        Some((start, end))
    });
    match found {
        Some((start, end)) => format!("{}{}", &head[..start], head[end..].trim_start()),
        None => head.to_owned(),
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Every `.json` under `DIR/content`, by the path the app fetches it with (`content/…`).
fn content_files(dir: &Path) -> Result<HashMap<String, String>, String> {
    files::walk(&dir.join("content"))?
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "json"))
        .map(|(path, relative)| Ok((format!("content/{relative}"), read(&path)?)))
        .collect()
}

/// The `href` of the page's `<base>` tag, which Trunk writes from `--public-url`.
fn base_href(html: &str) -> Result<String, String> {
    let start = html
        .find("<base href=\"")
        .ok_or("the page has no <base href>")?;
    let rest = &html[start + "<base href=\"".len()..];
    let end = rest.find('"').ok_or("the <base href> is not closed")?;
    Ok(rest[..end].to_owned())
}

fn parse<T: serde::de::DeserializeOwned>(
    files: &HashMap<String, String>,
    path: &str,
) -> Result<T, String> {
    let text = files
        .get(path)
        .ok_or_else(|| format!("{path} is missing"))?;
    serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))
}

/// Prerenders the build in `dir` (its `index.html` and `content/`) in place: one file per
/// route, plus `sitemap.xml` and `robots.txt` when `site_url` is given. The catalogue's pages
/// (`pathways::split::is_full_route`) load `full`, the others the reading app. Returns a
/// summary.
pub fn build(
    dir: &Path,
    site_url: Option<&str>,
    full: &bundles::FullBundle,
) -> Result<String, String> {
    let template = read(&dir.join("index.html"))?;
    let base = base_href(&template)?;
    let full_template =
        bundles::template(&template, &base, full).map_err(|e| format!("index.html: {e}"))?;
    let files = content_files(dir)?;
    let index: ContentIndex = parse(&files, "content/index.json")?;
    let treatments: Treatments = parse(&files, "content/treatments.json")?;
    let all = routes(&index, &treatments);
    pathways::base::set_native_base(&base);
    init();
    for route in &all {
        let url = format!("{}{}", base.trim_end_matches('/'), route.path);
        let rendered = render(&url, &files)?;
        let head = page_head(&rendered.head, route, &base, site_url);
        let template = if pathways::split::is_full_route(&route.path) {
            &full_template
        } else {
            &template
        };
        let html =
            page(template, &rendered, &head, &files).map_err(|e| format!("{}: {e}", route.file))?;
        write(&dir.join(&route.file), &html)?;
    }
    let mut extra = String::new();
    if let Some(site) = site_url {
        write(&dir.join("sitemap.xml"), &sitemap(&all, &base, site))?;
        let map_url = format!("{}{}sitemap.xml", site.trim_end_matches('/'), base);
        write(
            &dir.join("robots.txt"),
            &format!("User-agent: *\nAllow: /\nSitemap: {map_url}\n"),
        )?;
        extra = ", sitemap.xml and robots.txt".into();
    }
    Ok(format!("{} pages under {base}{extra}", all.len()))
}
