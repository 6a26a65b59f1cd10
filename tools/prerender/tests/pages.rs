//! The prerenderer on the real content: every route gets exactly one file, which holds what a
//! reader came for.

use std::path::{Path, PathBuf};

use pathways::model::{Block, ContentIndex, Inline, Treatments};

const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="description" content="The site." />
    <title>Pathways</title>
    <base href="/" />
    <script type="module">import init from "/app.js"; init();</script>
    <link rel="modulepreload" href="/app.js"><link rel="preload" href="/app_bg.wasm" as="fetch">
  </head>
  <body>
    <noscript><p>Pathways needs JavaScript.</p></noscript>
  </body>
</html>
"#;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read content") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dist") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// The text a reader sees: tags and comments dropped, entities decoded, spaces collapsed.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_route_has_one_file_with_its_title_and_first_paragraph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("pathways-prerender-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root.join("public/content"), &dir.join("content"));
    std::fs::write(dir.join("index.html"), TEMPLATE).expect("template");
    std::fs::write(dir.join("pathways-full.js"), "glue").expect("glue");
    std::fs::write(dir.join("pathways-full_bg.wasm"), "wasm").expect("wasm");

    let full = pathways_prerender::bundles::finish(&dir).expect("the second bundle");
    let summary =
        pathways_prerender::build(&dir, Some("https://example.org"), &full).expect("prerender");

    let read = |p: &str| std::fs::read_to_string(dir.join(p)).expect(p);
    let index: ContentIndex = serde_json::from_str(&read("content/index.json")).expect("index");
    let catalogue: Treatments =
        serde_json::from_str(&read("content/treatments.json")).expect("treatments");
    let routes = pathways_prerender::routes(&index, &catalogue);
    assert!(
        summary.starts_with(&format!("{} pages", routes.len())),
        "{summary}"
    );

    // Exactly one file per route, and no other page.
    let mut found = Vec::new();
    html_files(&dir, &mut found);
    let mut found: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(&dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    let mut expected: Vec<String> = routes.iter().map(|r| r.file.clone()).collect();
    expected.sort();
    assert_eq!(found, expected);
    for meta in &index.articles {
        assert!(expected.contains(&format!("articles/{}.html", meta.slug)));
    }
    // The catalogue's pages load the whole app; every other page the reading app.
    for route in &routes {
        let html = read(&route.file);
        let full_page = html.contains(&format!("src=\"/{}\"", full.loader));
        let reading_page = html.contains("import init from \"/app.js\"");
        let catalogue = pathways::split::is_full_route(&route.path);
        assert!(
            full_page == catalogue && reading_page != catalogue,
            "{}: loads the {} app",
            route.file,
            if full_page { "whole" } else { "reading" }
        );
    }
    for page in ["compare.html", "treatments.html"] {
        assert!(read(page).contains(&full.loader), "{page}");
    }
    for t in &catalogue.treatments {
        assert!(expected.contains(&format!("treatments/{}.html", t.id)));
    }

    for meta in &index.articles {
        let html = read(&format!("articles/{}.html", meta.slug));
        let article: pathways::model::Article =
            serde_json::from_str(&read(&format!("content/articles/{}.json", meta.slug)))
                .expect("article");
        let text = visible_text(&html);
        assert!(html.contains("<title>"), "{}", meta.slug);
        assert!(text.contains(&squash(&meta.title)), "{}: title", meta.slug);
        let first = article
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { runs } => Some(runs),
                _ => None,
            })
            .expect("an article has a paragraph");
        for run in first {
            if let Inline::Text { text: words } = run {
                assert!(text.contains(&squash(words)), "{}: {words:?}", meta.slug);
            }
        }
        assert!(
            !html.contains("status--loading"),
            "{}: loading state",
            meta.slug
        );
        assert!(
            html.contains("\"@type\":\"MedicalWebPage\""),
            "{}: JSON-LD",
            meta.slug
        );
        assert!(
            !html.contains("reviewedBy"),
            "{}: no reviewer is invented",
            meta.slug
        );
        assert!(
            html.contains(&format!(
                "<link rel=\"canonical\" href=\"https://example.org/articles/{}\" />",
                meta.slug
            )),
            "{}: canonical",
            meta.slug
        );
        assert_eq!(html.matches("<meta name=\"description\"").count(), 1);
        assert!(html.contains(&format!(
            "data-content=\"content/articles/{}.json\"",
            meta.slug
        )));
    }

    let sitemap = read("sitemap.xml");
    assert_eq!(
        sitemap.matches("<loc>").count(),
        routes.len() - 1,
        "all but 404"
    );
    assert!(read("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn embedded_json_cannot_close_its_script() {
    let safe = pathways_prerender::script_safe_json(r#"{"a":"</script><!--"}"#);
    assert!(!safe.contains('<'));
    let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
    assert_eq!(back["a"], "</script><!--");
}
