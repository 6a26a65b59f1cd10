//! Both bundles stay within their brotli budgets (src/split.rs): the reading app, which every
//! page but the catalogue's loads, within `wasm_brotli_bytes`, and the whole app within
//! `full_wasm_brotli_bytes`. Sizes are deterministic for the pinned toolchain, so this is a real
//! pass/fail test, unlike timings. It reads the `.br` copy the build ships
//! (tools/prerender/src/compress.rs: brotli 11) and checks that it decompresses to the wasm
//! itself, so the figure is what a host serves. `make test` builds `dist/` first; a missing
//! build fails the test, it is never skipped.

use std::io::Read;
use std::path::{Path, PathBuf};

use pathways_bench::budget;

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist")
}

/// The one `.wasm` at the root of the build whose name passes `wanted`.
fn wasm_file(wanted: impl Fn(&str) -> bool, what: &str) -> PathBuf {
    let dist = dist();
    let found: Vec<PathBuf> = std::fs::read_dir(&dist)
        .unwrap_or_else(|e| panic!("{}: {e}; build it first with `make build`", dist.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&wanted))
        .collect();
    let [wasm] = found.as_slice() else {
        panic!(
            "{} has {} .wasm files for {what}, expected one: rebuild it with `make build`",
            dist.display(),
            found.len()
        );
    };
    wasm.clone()
}

fn check(wasm: &Path, metric: &str, what: &str) {
    let budget = budget::of(metric).unwrap_or_else(|e| panic!("{e}"));
    let raw = std::fs::read(wasm).expect("read the wasm");
    let br_path = format!("{}.br", wasm.display());
    let br = std::fs::read(&br_path)
        .unwrap_or_else(|e| panic!("{br_path}: {e}; the build writes it (make build)"));
    let mut unpacked = Vec::new();
    brotli::Decompressor::new(br.as_slice(), 4096)
        .read_to_end(&mut unpacked)
        .expect("the .br copy is valid brotli");
    assert!(
        unpacked == raw,
        "{br_path} is not the wasm beside it: rebuild with `make build`"
    );
    let size = br.len() as f64;
    assert!(
        budget.holds(size),
        "{what} is {} B brotli, {} B over its budget `{metric}` of {} B ({}). \
         docs/performance.md lists what was tried, step by step, and where the bytes are.",
        br.len(),
        br.len() as f64 - budget.limit,
        budget.limit,
        budget::FILE_NAME,
    );
}

#[test]
fn the_reading_app_fits_its_brotli_budget() {
    let page = std::fs::read_to_string(dist().join("index.html"))
        .expect("dist/index.html; build it first with `make build`");
    let wasm = wasm_file(
        |name| page.contains(name),
        "the reading app (named by index.html)",
    );
    assert!(
        !wasm.to_string_lossy().contains("pathways-full"),
        "index.html loads the whole app"
    );
    check(&wasm, "wasm_brotli_bytes", "the reading app's wasm");
}

#[test]
fn the_whole_app_fits_its_brotli_budget() {
    let wasm = wasm_file(|name| name.starts_with("pathways-full-"), "the whole app");
    check(&wasm, "full_wasm_brotli_bytes", "the whole app's wasm");
}
