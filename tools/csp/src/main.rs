//! `pathways-csp [DIR]`: finishes the Content-Security-Policy of the Trunk build in `DIR`
//! (default: `$TRUNK_STAGING_DIR`, set by Trunk for its hooks).
//!
//! Writes `index.html` with the hash of every inline script in `script-src`, the same page as
//! `404.html` (static hosts without an SPA fallback serve it for deep links), and the finished
//! policy into `_headers`. Any surprise fails the build with a sentence saying what to fix.

use std::path::PathBuf;
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
    match pathways_csp::finish(&dir) {
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
