//! `pathways-prerender [DIR]`: the one Trunk post-build step, on the build in `DIR` (default:
//! `$TRUNK_STAGING_DIR`, which Trunk sets for its hooks).
//!
//! 1. Finishes the Content-Security-Policy (`pathways_csp::finish`: `index.html`, `404.html`,
//!    `_headers`). One step, so the order is fixed.
//! 2. Gives the whole app's bundle hashed names and a loader (`bundles.rs`), then renders
//!    every route to its own HTML file from that page and `DIR/content/`.
//! 3. With `SITE_URL` set (`https://example.org`), adds canonical links, `sitemap.xml` and a
//!    `robots.txt` that points to it.
//! 4. Writes this build's version and shell files into `sw.js` (`offline.rs`).
//! 5. Writes `.br` and `.gz` copies of the wasm and every text file, last, so they match what
//!    the steps before wrote.
//!
//! Any surprise fails the build with a sentence saying what to fix.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!("usage: pathways-prerender DIR (or run it as a Trunk hook, which sets TRUNK_STAGING_DIR)");
        return ExitCode::from(2);
    };
    let site_url = std::env::var("SITE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty());
    if let Some(url) = &site_url {
        if !url.starts_with("https://") && !url.starts_with("http://") {
            eprintln!("prerender: SITE_URL must start with https:// (got {url:?})");
            return ExitCode::from(2);
        }
    }
    let result = pathways_csp::finish(&dir).and_then(|csp| {
        println!("csp: {csp}");
        let full = pathways_prerender::bundles::finish(&dir)?;
        pathways_prerender::build(&dir, site_url.as_deref(), &full)
    });
    let result = result.and_then(|summary| {
        let worker = pathways_prerender::offline::finish(&dir)?;
        Ok(format!("{summary}; {worker}"))
    });
    let result = result.and_then(|summary| {
        let count = pathways_prerender::compress::precompress(&dir)?;
        Ok(format!(
            "{summary}; {count} files pre-compressed (.br, .gz)"
        ))
    });
    match result {
        Ok(summary) => {
            println!("prerender: {summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {}: {message}", dir.display());
            ExitCode::FAILURE
        }
    }
}
