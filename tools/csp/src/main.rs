//! `pathways-csp [DIR]`: finishes the Content-Security-Policy of the Trunk build in `DIR`
//! (default: `$TRUNK_STAGING_DIR`, set by Trunk for its hooks).
//!
//! Writes `index.html` with the hash of every inline script in `script-src`, the same page as
//! `404.html` (static hosts without an SPA fallback serve it for deep links), and the finished
//! policy into `_headers`. Any surprise fails the build with a sentence saying what to fix.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!(
            "usage: pathways-csp DIR (or run it as a Trunk hook, which sets TRUNK_STAGING_DIR)"
        );
        return ExitCode::from(2);
    };
    match run(&dir) {
        Ok(summary) => {
            println!("csp: {summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("csp: {}: {message}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(dir: &Path) -> Result<String, String> {
    let html = read(&dir.join("index.html"))?;
    let applied = pathways_csp::apply(&html).map_err(|e| format!("index.html: {e}"))?;
    write(&dir.join("index.html"), &applied.html)?;
    write(&dir.join("404.html"), &applied.html)?;
    let headers_path = dir.join("_headers");
    let template = read(&headers_path).map_err(|e| {
        format!(
            "{e} (index.html must copy public/_headers with <link data-trunk rel=\"copy-file\">)"
        )
    })?;
    let headers =
        pathways_csp::headers(&template, &applied.policy).map_err(|e| format!("_headers: {e}"))?;
    write(&headers_path, &headers)?;
    Ok(format!(
        "script-src gets {} for {} inline script(s); wrote index.html, 404.html and _headers",
        applied.hashes.join(" "),
        applied.hashes.len()
    ))
}
