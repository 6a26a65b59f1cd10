//! The release wasm stays within its brotli budget. Sizes are deterministic for the pinned
//! toolchain, so this is a real pass/fail test, unlike timings. It reads the `.br` copy the
//! build ships (tools/prerender/src/compress.rs: brotli 11) and checks that it decompresses to
//! the wasm itself, so the figure is what a host serves. `make test` builds `dist/` first; a
//! missing build fails the test, it is never skipped.

use std::io::Read;
use std::path::{Path, PathBuf};

use pathways_bench::budget;

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist")
}

#[test]
fn the_release_wasm_fits_its_brotli_budget() {
    let budget = budget::of("wasm_brotli_bytes").expect("the budget file names the wasm");
    let dist = dist();
    let wasm: Vec<PathBuf> = std::fs::read_dir(&dist)
        .unwrap_or_else(|e| panic!("{}: {e}; build it first with `make build`", dist.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    let [wasm] = wasm.as_slice() else {
        panic!(
            "{} has {} .wasm files, expected one: rebuild it with `make build`",
            dist.display(),
            wasm.len()
        );
    };
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
        "the release wasm is {} B brotli, {} B over its budget of {} B ({}). \
         docs/performance.md lists what was tried, step by step, and where the bytes are.",
        br.len(),
        br.len() as f64 - budget.limit,
        budget.limit,
        budget::FILE_NAME,
    );
}
