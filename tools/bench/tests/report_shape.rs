//! Keeps the harness from rotting: runs `pathways-bench --quick` (3 runs) against the release
//! build in `dist/` and checks the shape of the report it writes. It checks no timing against
//! a budget; a missing build or browser fails the test, it is never skipped.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const QUICK_RUNS: u64 = 3;

/// Required metrics that are always measured.
const ALWAYS: &[&str] = &[
    "wasm_bytes",
    "wasm_gzip_bytes",
    "wasm_brotli_bytes",
    "full_wasm_bytes",
    "full_wasm_brotli_bytes",
    "js_brotli_bytes",
    "css_brotli_bytes",
    "first_load_bytes",
    "first_load_gzip_bytes",
    "first_load_brotli_bytes",
    "readable_bytes_brotli",
    "article_visible_app_ms",
    "article_visible_static_ms",
    "article_visible_ratio",
    "route_change_ms",
    "route_static_ms",
    "route_change_ratio",
    "sort_vanilla_ms",
    "sort_vanilla_dom_ms",
    "sort_vanilla_paint_ms",
    "open_large_vanilla_ms",
    "scroll_frame_vanilla_ms",
];

/// Required metrics that may be `null`, but then only with a reason.
const MAYBE: &[&str] = &[
    "article_interactive_ms",
    "sort_ms",
    "sort_dom_ms",
    "sort_paint_ms",
    "sort_ratio",
    "sort_small_ms",
    "sort_small_dom_ms",
    "sort_small_paint_ms",
    "open_large_ms",
    "scroll_frame_ms",
    "frame_interval_ms",
    "wasm_memory_bytes",
    "js_heap_bytes",
    "repeat_visit_first_ms",
    "repeat_visit_article_ms",
    "repeat_visit_ratio",
];

/// Required metrics that may be `null` with a reason, and may be 0 (a repeat visit that
/// downloads nothing is the goal).
const MAYBE_ZERO: &[&str] = &[
    "article_cls",
    "article_takeover_shift_px",
    "repeat_visit_bytes",
];

#[test]
fn quick_bench_writes_a_complete_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dist = root.join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no release build: run `make build` first (`make test` does). This test runs the \
         bench against it and is never skipped.",
        dist.display()
    );
    let out = root.join("target/bench/quick");
    let output = Command::new(env!("CARGO_BIN_EXE_pathways-bench"))
        .arg("--quick")
        .arg("--dist")
        .arg(&dist)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("could not run pathways-bench");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "pathways-bench --quick failed ({}):\n{stderr}\n{stdout}",
        output.status
    );
    assert!(
        stdout.contains("first_load_brotli_bytes") && stdout.contains("budgets:"),
        "the table was not printed:\n{stdout}"
    );

    let file = out.join("report.json");
    let text = std::fs::read_to_string(&file).expect("report.json was not written");
    let report: Value = serde_json::from_str(&text).expect("report.json is not JSON");

    assert_eq!(report["schema"], 1);
    assert_eq!(report["mode"], "quick");
    assert_eq!(report["runs"], QUICK_RUNS);
    for key in ALWAYS {
        let value = report[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} should be a number, is {}", report[key]));
        assert!(value > 0.0, "{key} should be positive, is {value}");
    }
    for key in MAYBE.iter().chain(MAYBE_ZERO) {
        let least = if MAYBE_ZERO.contains(key) {
            0.0
        } else {
            f64::MIN_POSITIVE
        };
        match &report[key] {
            Value::Number(n) => assert!(n.as_f64().is_some_and(|v| v >= least), "{key}: {n}"),
            Value::Null => {
                let reason = report["not_measured"][key].as_str().unwrap_or_default();
                assert!(
                    reason.starts_with("not measured: ") && reason.len() > 20,
                    "{key} is null without a reason: {:?}",
                    report["not_measured"]
                );
            }
            other => panic!("{key} should be a number or null, is {other}"),
        }
    }
    for key in [
        "wasm_bytes",
        "wasm_gzip_bytes",
        "wasm_brotli_bytes",
        "first_load_brotli_bytes",
        "readable_bytes_brotli",
    ] {
        assert!(
            report[key].is_u64(),
            "{key} should be a whole number of bytes"
        );
    }
    assert!(
        report["wasm_brotli_bytes"].as_u64() < report["wasm_gzip_bytes"].as_u64()
            && report["wasm_gzip_bytes"].as_u64() < report["wasm_bytes"].as_u64(),
        "brotli < gzip < raw should hold for the wasm"
    );

    // The first load is exactly the listed files.
    let files = report["files"].as_array().expect("files");
    let kinds: Vec<&str> = files.iter().filter_map(|f| f["kind"].as_str()).collect();
    for kind in ["wasm", "js", "css", "html", "json"] {
        assert!(kinds.contains(&kind), "no {kind} file in {kinds:?}");
    }
    let brotli: u64 = files.iter().filter_map(|f| f["brotli"].as_u64()).sum();
    assert_eq!(report["first_load_brotli_bytes"].as_u64(), Some(brotli));

    // The readable bytes are the article's HTML prefix and the page's stylesheets.
    let readable = &report["pages"]["readable"];
    let html = readable["html_brotli_bytes_to_end_of_article"]
        .as_u64()
        .expect("the readable HTML's brotli size");
    let css: u64 = readable["css_brotli_bytes"]
        .as_array()
        .expect("the readable stylesheets")
        .iter()
        .map(|c| c["brotli"].as_u64().expect("a stylesheet's brotli size"))
        .sum();
    assert!(css > 0, "no stylesheet counted: {readable}");
    assert_eq!(report["readable_bytes_brotli"].as_u64(), Some(html + css));
    assert!(
        html > 0 && Some(html) < readable["whole_page_brotli_bytes"].as_u64(),
        "the article's HTML prefix should be part of the page: {readable}"
    );

    // The large sort checked the rows in the table's box, and the repeat visit's bytes are
    // the paths it lists.
    let pages = &report["pages"];
    if report["sort_ms"].is_number() {
        let checked = pages["sort_rows_checked"]["app"].as_u64().unwrap_or(0);
        assert!(checked > 0, "sort_ms without a checked row: {pages}");
    }
    assert!(pages["sort_rows_checked"]["vanilla"].as_u64().unwrap_or(0) > 0);
    let repeat = &pages["repeat_visit"];
    if let Some(bytes) = report["repeat_visit_bytes"].as_u64() {
        let paths = repeat["repeat_paths"]
            .as_array()
            .expect("pages.repeat_visit.repeat_paths");
        let listed: u64 = paths
            .iter()
            .map(|p| p["bytes"].as_u64().expect("a path's bytes"))
            .sum();
        assert!(
            (bytes == 0) == paths.is_empty() && bytes <= listed,
            "repeat_visit_bytes {bytes} against the paths listed: {repeat}"
        );
        assert!(
            repeat["first_visit_bytes"].as_u64().unwrap_or(0) > bytes,
            "the first visit downloads more than the second: {repeat}"
        );
    }

    // Every sample list holds one value per run, or none when the metric was not measured;
    // the swap's move has none for a run whose takeover came before the first frame.
    let before_first_frame = report["pages"]["takeover_before_first_frame_runs"]
        .as_u64()
        .expect("pages.takeover_before_first_frame_runs");
    assert!(before_first_frame <= QUICK_RUNS);
    let samples = report["samples"].as_object().expect("samples");
    for (name, list) in samples {
        let len = list.as_array().map_or(0, Vec::len) as u64;
        let metric = report.get(name).unwrap_or(&Value::Null);
        let runs = if name == "article_takeover_shift_px" {
            QUICK_RUNS - before_first_frame
        } else {
            QUICK_RUNS
        };
        if metric.is_null() {
            assert!(len <= QUICK_RUNS, "{name}: {len} samples");
        } else {
            assert!(
                len == runs || name.ends_with("_bytes"),
                "{name}: {len} samples for {runs} runs"
            );
            assert!(len > 0, "{name} has a value but no samples");
        }
    }

    // Every budget is reported with a status that matches its value.
    let budgets = report["budgets"].as_array().expect("budgets");
    let names: Vec<&str> = budgets
        .iter()
        .filter_map(|b| b["metric"].as_str())
        .collect();
    // Every budget of tools/bench/budget.toml, in its order, with its limit.
    let written = pathways_bench::budget::all().expect("the budget file reads");
    let expected: Vec<&str> = written.iter().map(|b| b.metric.as_str()).collect();
    assert_eq!(names, expected);
    for (budget, written) in budgets.iter().zip(&written) {
        assert_eq!(budget["op"], written.op.symbol(), "{}: op", written.metric);
        assert_eq!(budget["limit"], written.limit, "{}: limit", written.metric);
    }
    for budget in budgets {
        let status = budget["status"].as_str().unwrap_or_default();
        let metric = budget["metric"].as_str().unwrap_or_default();
        assert_eq!(budget["value"], report[metric], "{metric}: value");
        match status {
            "pass" | "fail" => assert!(budget["value"].is_number(), "{budget}"),
            "not measured" => assert!(budget["value"].is_null(), "{budget}"),
            other => panic!("{metric}: unknown status {other:?}"),
        }
    }
    let missed: Vec<&str> = budgets
        .iter()
        .filter(|b| b["status"] == "fail")
        .filter_map(|b| b["metric"].as_str())
        .collect();
    let reported: Vec<&str> = report["budgets_missed"]
        .as_array()
        .expect("budgets_missed")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(reported, missed);
}
