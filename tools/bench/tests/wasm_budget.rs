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
use pathways_bench::sizes::{self, FileSize};

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist")
}

/// `wasm` (as the bench reports it) within `metric`, its `.br` copy being the wasm itself.
fn check(wasm: &FileSize, metric: &str, what: &str) {
    let budget = budget::of(metric).unwrap_or_else(|e| panic!("{e}"));
    let path = dist().join(&wasm.path);
    let raw = std::fs::read(&path).expect("read the wasm");
    let br_path = format!("{}.br", path.display());
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
    assert_eq!(
        wasm.brotli,
        br.len() as u64,
        "the bench reads the same .br copy"
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
    let dist = dist();
    // The wasm of the first load: the one `index.html` names.
    let files = sizes::first_load(&dist)
        .unwrap_or_else(|e| panic!("{e:#}; build it first with `make build`"));
    let wasm = files
        .iter()
        .find(|f| f.kind == "wasm")
        .expect("the first load has its wasm");
    assert!(
        !wasm.path.contains("pathways-full"),
        "index.html loads the whole app"
    );
    check(wasm, "wasm_brotli_bytes", "the reading app's wasm");
}

#[test]
fn the_whole_app_fits_its_brotli_budget() {
    let wasm = sizes::full_wasm(&dist())
        .unwrap_or_else(|e| panic!("{e:#}; build it first with `make build`"));
    check(&wasm, "full_wasm_brotli_bytes", "the whole app's wasm");
}
