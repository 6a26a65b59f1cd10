//! `pathways-content build [--root DIR] [--watch]` | `pathways-content check [--root DIR]`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use pathways_content::{compile, io, report, Output};

const USAGE: &str = "usage: pathways-content <build [--watch] | check> [--root DIR]

  build     compile content/ into public/content/ and validate it (writes nothing on errors);
            then print the comparison's coverage and the reading grades
  check     compile and validate in memory; fail if public/content/ is stale
  --watch   (build) rebuild whenever a file under content/ changes
  --root    the repository root (default: the workspace this tool belongs to)";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut command, mut root, mut watch) = (None, None, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "build" | "check" if command.is_none() => command = Some(arg),
            "--watch" => watch = true,
            "--root" => root = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => return usage_error(&format!("unexpected argument \"{arg}\"")),
        }
    }
    let root = root.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.."));
    match (command.as_deref(), watch) {
        (Some("build"), false) => build(&root),
        (Some("build"), true) => watch_loop(&root),
        (Some("check"), false) => check(&root),
        (Some(_), true) => usage_error("--watch goes with build"),
        _ => usage_error("say build or check"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("pathways-content: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// Loads and compiles; prints every diagnostic on stderr. `None` when there were any.
fn run(root: &std::path::Path) -> Option<Output> {
    let (sources, mut diags) = io::load(root);
    let mut out = compile(&sources);
    diags.append(&mut out.diagnostics);
    for d in &diags {
        eprintln!("{d}");
    }
    if diags.is_empty() {
        Some(out)
    } else {
        eprintln!("pathways-content: {} error(s)", diags.len());
        None
    }
}

fn build(root: &std::path::Path) -> ExitCode {
    let started = Instant::now();
    let Some(out) = run(root) else {
        return ExitCode::FAILURE;
    };
    match io::write(root, &out) {
        Ok(w) => {
            for f in w.written.iter().chain(&w.removed) {
                println!("{f}");
            }
            if let Some(coverage) = report::coverage(&out) {
                print!("{coverage}");
            }
            print!("{}", report::readability(&out));
            println!(
                "pathways-content: {} files ({} written, {} unchanged, {} removed) in {} ms",
                out.files.len(),
                w.written.len(),
                w.unchanged,
                w.removed.len(),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("pathways-content: cannot write {}: {e}", io::OUTPUT_DIR);
            ExitCode::FAILURE
        }
    }
}

fn check(root: &std::path::Path) -> ExitCode {
    let Some(out) = run(root) else {
        return ExitCode::FAILURE;
    };
    let stale = io::stale(root, &out);
    for s in &stale {
        eprintln!("{s}");
    }
    if stale.is_empty() {
        println!("pathways-content: {} files up to date", out.files.len());
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn watch_loop(root: &std::path::Path) -> ExitCode {
    let mut last = None;
    loop {
        let now = io::fingerprint(root);
        if last.as_ref() != Some(&now) {
            let _ = build(root);
            println!(
                "pathways-content: watching {} (Ctrl-C to stop)",
                io::SOURCE_DIR
            );
            last = Some(now);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}
