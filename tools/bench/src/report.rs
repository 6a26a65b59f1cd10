//! The results as `report.json` and as the table `make bench` prints, with the budgets.

use serde_json::{json, Map, Value};

use crate::measure::{median, Takeover};
use crate::sizes::{self, FileSize, Readable};
use pathways_bench::budget::Budget;

/// A measured value, or why it could not be measured.
#[derive(Debug, Clone)]
pub enum Measured {
    Value(f64),
    /// Starts with "not measured: ".
    Missing(String),
}

impl Measured {
    pub fn missing(reason: impl std::fmt::Display) -> Measured {
        Measured::Missing(format!("not measured: {reason}"))
    }

    /// The median of `samples`, or `reason` when there are none.
    pub fn median_of(samples: &[f64], reason: &str) -> Measured {
        match median(samples) {
            Some(m) => Measured::Value(m),
            None => Measured::missing(reason),
        }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Measured::Value(v) => Some(*v),
            Measured::Missing(_) => None,
        }
    }

    /// The largest of `samples` (a jump in any run is a jump), missing with `reason` first if
    /// there is one, then if there are no samples.
    pub fn max_of(samples: &[f64], reason: Option<&str>) -> Measured {
        match (reason, samples.iter().copied().reduce(f64::max)) {
            (Some(reason), _) => Measured::Missing(reason.to_owned()),
            (None, Some(v)) => Measured::Value(v),
            (None, None) => Measured::missing("no sample"),
        }
    }

    /// `a / b`, missing if either is (with the first reason).
    pub fn ratio(a: &Measured, b: &Measured) -> Measured {
        match (a, b) {
            (Measured::Value(a), Measured::Value(b)) if *b > 0.0 => Measured::Value(a / b),
            (Measured::Value(_), Measured::Value(_)) => Measured::missing("the baseline took 0 ms"),
            (Measured::Missing(r), _) | (_, Measured::Missing(r)) => Measured::Missing(r.clone()),
        }
    }
}

/// Everything one run of the bench found.
pub struct Results {
    pub mode: &'static str,
    pub runs: usize,
    pub chromium: String,
    pub dist: String,
    pub flagship: String,
    pub second: String,
    pub files: Vec<FileSize>,
    /// The whole app's wasm, which the catalogue's pages load instead of the first load's.
    pub full_wasm: FileSize,
    pub readable: Readable,
    pub article_app: Vec<f64>,
    /// Navigation start → the app replaced the prerendered `#app`, per run.
    pub article_interactive: Vec<f64>,
    pub article_cls: Vec<f64>,
    pub article_swap_shift: Vec<f64>,
    /// Why a takeover was not seen (then none of its figures is reported).
    pub takeover_missing: Option<String>,
    pub cls_missing: Option<String>,
    pub swap_shift_missing: Option<String>,
    /// Runs in which the app took over before any frame of the prerendered page was drawn.
    pub swapped_before_paint: usize,
    pub article_static: Vec<f64>,
    pub route_app: Vec<f64>,
    pub route_static: Vec<f64>,
    pub sort_app: Vec<f64>,
    pub sort_app_dom: Vec<f64>,
    pub sort_app_paint: Vec<f64>,
    pub sort_vanilla: Vec<f64>,
    pub sort_vanilla_dom: Vec<f64>,
    pub sort_vanilla_paint: Vec<f64>,
    pub large_treatments_json_bytes: u64,
    /// Why the app's sort was not measured, if it was not.
    pub sort_missing: Option<String>,
    pub sort_attribute: String,
    pub large_rows_shown: u64,
    pub wasm_memory: Vec<f64>,
    pub js_heap: Vec<f64>,
    pub wasm_memory_missing: Option<String>,
    pub js_heap_missing: Option<String>,
    pub wasm_memory_source: Option<String>,
    pub memory_note: String,
}

impl Results {
    /// Records one run's takeover of the prerendered article; returns what the progress line
    /// says about it. A run without a takeover makes all its figures "not measured".
    pub fn add_takeover(&mut self, takeover: anyhow::Result<Takeover>) -> String {
        let t = match takeover {
            Ok(t) => t,
            Err(e) => {
                self.takeover_missing
                    .get_or_insert(format!("not measured: {e:#}"));
                return format!("no takeover: {e:#}");
            }
        };
        self.article_interactive.push(t.ms);
        let mut line = format!("taken over at {:.1} ms", t.ms);
        match t.cls {
            Ok(v) => {
                self.article_cls.push(v);
                line.push_str(&format!(", CLS {v:.4}"));
            }
            Err(e) => {
                self.cls_missing.get_or_insert(format!("not measured: {e}"));
            }
        }
        match t.swap_shift {
            Ok(Some(v)) => {
                self.article_swap_shift.push(v);
                line.push_str(&format!(", swap moved {v:.1} px"));
            }
            Ok(None) => {
                self.swapped_before_paint += 1;
                line.push_str(", swapped before the first frame");
            }
            Err(e) => {
                self.swap_shift_missing
                    .get_or_insert(format!("not measured: {e}"));
            }
        }
        line
    }
}

/// "pass", "fail" or "not measured".
fn status(budget: &Budget, value: &Measured) -> &'static str {
    match value.value() {
        None => "not measured",
        Some(v) if budget.holds(v) => "pass",
        Some(_) => "fail",
    }
}

/// One size of a file.
type Measure = fn(&FileSize) -> u64;

/// The report's metrics, in order: name and value.
fn metrics(r: &Results) -> Vec<(&'static str, Measured)> {
    let f = &r.files;
    let bytes = |kind: Option<&str>, m: fn(&FileSize) -> u64| {
        Measured::Value(sizes::total(f, kind, m) as f64)
    };
    let raw: Measure = |f| f.raw;
    let gz: Measure = |f| f.gzip;
    let br: Measure = |f| f.brotli;
    let article_app = Measured::median_of(&r.article_app, "no article load was measured");
    let article_static = Measured::median_of(&r.article_static, "no static load was measured");
    let route_app = Measured::median_of(&r.route_app, "no route change was measured");
    let route_static = Measured::median_of(&r.route_static, "no static load was measured");
    let sort_reason = r.sort_missing.as_deref().unwrap_or("no sort was measured");
    let strip = |s: &str| s.trim_start_matches("not measured: ").to_owned();
    let sort_app = Measured::median_of(&r.sort_app, &strip(sort_reason));
    let sort_app_dom = Measured::median_of(&r.sort_app_dom, &strip(sort_reason));
    let sort_app_paint = Measured::median_of(&r.sort_app_paint, &strip(sort_reason));
    let sort_vanilla = Measured::median_of(&r.sort_vanilla, "the vanilla page was not measured");
    let sort_vanilla_dom =
        Measured::median_of(&r.sort_vanilla_dom, "the vanilla page was not measured");
    let sort_vanilla_paint =
        Measured::median_of(&r.sort_vanilla_paint, "the vanilla page was not measured");
    let wasm_memory = Measured::median_of(
        &r.wasm_memory,
        &strip(r.wasm_memory_missing.as_deref().unwrap_or("no sample")),
    );
    let js_heap = Measured::median_of(
        &r.js_heap,
        &strip(r.js_heap_missing.as_deref().unwrap_or("no sample")),
    );
    let takeover = r.takeover_missing.as_deref();
    let interactive = match takeover {
        Some(reason) => Measured::Missing(reason.to_owned()),
        None => Measured::median_of(&r.article_interactive, "no takeover was measured"),
    };
    let cls = Measured::max_of(&r.article_cls, takeover.or(r.cls_missing.as_deref()));
    let swap_shift = match (
        takeover.or(r.swap_shift_missing.as_deref()),
        &r.article_swap_shift[..],
    ) {
        (None, []) => Measured::missing(
            "in no run was a frame of the prerendered page drawn before the app took over, \
             so nothing on screen could move",
        ),
        (reason, samples) => Measured::max_of(samples, reason),
    };
    vec![
        ("wasm_bytes", bytes(Some("wasm"), raw)),
        ("wasm_gzip_bytes", bytes(Some("wasm"), gz)),
        ("wasm_brotli_bytes", bytes(Some("wasm"), br)),
        ("full_wasm_bytes", Measured::Value(r.full_wasm.raw as f64)),
        (
            "full_wasm_brotli_bytes",
            Measured::Value(r.full_wasm.brotli as f64),
        ),
        ("js_bytes", bytes(Some("js"), raw)),
        ("js_gzip_bytes", bytes(Some("js"), gz)),
        ("js_brotli_bytes", bytes(Some("js"), br)),
        ("css_bytes", bytes(Some("css"), raw)),
        ("css_gzip_bytes", bytes(Some("css"), gz)),
        ("css_brotli_bytes", bytes(Some("css"), br)),
        ("html_bytes", bytes(Some("html"), raw)),
        ("html_brotli_bytes", bytes(Some("html"), br)),
        ("index_json_bytes", bytes(Some("json"), raw)),
        ("index_json_brotli_bytes", bytes(Some("json"), br)),
        ("first_load_bytes", bytes(None, raw)),
        ("first_load_gzip_bytes", bytes(None, gz)),
        ("first_load_brotli_bytes", bytes(None, br)),
        (
            "readable_bytes_brotli",
            Measured::Value(r.readable.total() as f64),
        ),
        ("article_visible_app_ms", article_app.clone()),
        ("article_visible_static_ms", article_static.clone()),
        (
            "article_visible_ratio",
            Measured::ratio(&article_app, &article_static),
        ),
        ("article_interactive_ms", interactive),
        ("article_cls", cls),
        ("article_takeover_shift_px", swap_shift),
        ("route_change_ms", route_app.clone()),
        ("route_static_ms", route_static.clone()),
        (
            "route_change_ratio",
            Measured::ratio(&route_app, &route_static),
        ),
        ("sort_ms", sort_app.clone()),
        ("sort_vanilla_ms", sort_vanilla.clone()),
        ("sort_ratio", Measured::ratio(&sort_app, &sort_vanilla)),
        ("sort_dom_ms", sort_app_dom),
        ("sort_vanilla_dom_ms", sort_vanilla_dom),
        ("sort_paint_ms", sort_app_paint),
        ("sort_vanilla_paint_ms", sort_vanilla_paint),
        ("wasm_memory_bytes", wasm_memory),
        ("js_heap_bytes", js_heap),
    ]
}

/// `report.json`.
pub fn to_json(r: &Results, budgets: &[Budget]) -> Value {
    let metrics = metrics(r);
    let mut report = Map::new();
    report.insert("schema".into(), json!(1));
    report.insert("mode".into(), json!(r.mode));
    report.insert("runs".into(), json!(r.runs));
    report.insert("chromium".into(), json!(r.chromium));
    report.insert("dist".into(), json!(r.dist));
    let mut not_measured = Map::new();
    for (name, value) in &metrics {
        if let Measured::Missing(reason) = value {
            not_measured.insert((*name).into(), json!(reason));
        }
        report.insert((*name).into(), metric_json(name, value));
    }
    report.insert("not_measured".into(), Value::Object(not_measured));
    let find = |name: &str| {
        metrics
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| Measured::missing("unknown metric"))
    };
    let budget_values: Vec<Value> = budgets
        .iter()
        .map(|b| {
            let value = find(&b.metric);
            json!({
                "metric": b.metric,
                "op": b.op.symbol(),
                "limit": b.limit,
                "value": metric_json(&b.metric, &value),
                "status": status(b, &value),
            })
        })
        .collect();
    let missed: Vec<&str> = budgets
        .iter()
        .filter(|b| status(b, &find(&b.metric)) == "fail")
        .map(|b| b.metric.as_str())
        .collect();
    report.insert("budgets".into(), Value::Array(budget_values));
    report.insert("budgets_missed".into(), json!(missed));
    report.insert(
        "files".into(),
        Value::Array(
            r.files
                .iter()
                .map(|f| {
                    json!({ "kind": f.kind, "path": f.path, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli })
                })
                .collect(),
        ),
    );
    let samples = |s: &[f64]| json!(s.iter().map(|v| round(*v, 2)).collect::<Vec<_>>());
    report.insert(
        "samples".into(),
        json!({
            "article_visible_app_ms": samples(&r.article_app),
            "article_visible_static_ms": samples(&r.article_static),
            "article_interactive_ms": samples(&r.article_interactive),
            "article_cls": json!(r.article_cls.iter().map(|v| round(*v, 4)).collect::<Vec<_>>()),
            "article_takeover_shift_px": samples(&r.article_swap_shift),
            "route_change_ms": samples(&r.route_app),
            "route_static_ms": samples(&r.route_static),
            "sort_ms": samples(&r.sort_app),
            "sort_dom_ms": samples(&r.sort_app_dom),
            "sort_paint_ms": samples(&r.sort_app_paint),
            "sort_vanilla_ms": samples(&r.sort_vanilla),
            "sort_vanilla_dom_ms": samples(&r.sort_vanilla_dom),
            "sort_vanilla_paint_ms": samples(&r.sort_vanilla_paint),
            "wasm_memory_bytes": samples(&r.wasm_memory),
            "js_heap_bytes": samples(&r.js_heap),
        }),
    );
    report.insert(
        "pages".into(),
        json!({
            "article": format!("/articles/{}", r.flagship),
            "article_static": format!(
                "/__bench/articles/{}.html: dist/articles/{}.html without its scripts",
                r.flagship, r.flagship
            ),
            "takeover_before_first_frame_runs": r.swapped_before_paint,
            "readable": {
                "page": r.readable.page,
                "html_bytes_to_end_of_article": r.readable.html_raw,
                "html_brotli_bytes_to_end_of_article": r.readable.html_brotli,
                "whole_page_brotli_bytes": r.readable.page_brotli,
                "css_brotli_bytes": r.readable.css.iter()
                    .map(|(path, n)| json!({ "path": path, "brotli": n }))
                    .collect::<Vec<_>>(),
            },
            "route_change": format!("/articles/{} -> /articles/{} (related-article link)", r.flagship, r.second),
            "route_static": format!(
                "/__bench/articles/{}.html: dist/articles/{}.html without its scripts",
                r.second, r.second
            ),
            "sort": format!(
                "/compare?all=1&view=rows ({} treatments) on target/bench/dist-large, header {:?} clicked once (ascending)",
                crate::large::TREATMENTS, r.sort_attribute
            ),
            "sort_vanilla": "/__bench/sort.html on the same server and data",
            "large_compare_rows_shown": r.large_rows_shown,
            "large_treatments_json_bytes": r.large_treatments_json_bytes,
            "wasm_memory_source": r.wasm_memory_source,
            "memory": r.memory_note,
        }),
    );
    Value::Object(report)
}

/// A metric as written in the report: bytes whole (`…_bytes`, `readable_bytes_brotli`), ratios to
/// 3 places, layout shift to 4, times and pixels to 2.
fn metric_json(name: &str, value: &Measured) -> Value {
    match value {
        Measured::Value(v) if name.ends_with("_bytes") || name.contains("_bytes_") => {
            json!(v.round() as u64)
        }
        Measured::Value(v) if name.ends_with("_ratio") => json!(round(*v, 3)),
        Measured::Value(v) if name.ends_with("_cls") => json!(round(*v, 4)),
        Measured::Value(v) => json!(round(*v, 2)),
        Measured::Missing(_) => Value::Null,
    }
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// The table `make bench` prints.
pub fn table(r: &Results, budgets: &[Budget]) -> String {
    let metrics = metrics(r);
    let get = |name: &str| {
        metrics
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| Measured::missing("unknown metric"))
    };
    let mut out = String::new();
    out.push_str(&format!(
        "Pathways bench ({} mode: median of {} alternating runs each) — {}, {}\n\n",
        r.mode, r.runs, r.chromium, r.dist
    ));
    out.push_str(&format!(
        "{:<28} {:<14} {:<13} {}\n",
        "metric", "budget", "result", "value"
    ));
    out.push_str(&format!("{}\n", "-".repeat(100)));
    let size_row = |label: &str, kind: Option<&str>| {
        let t = |m: fn(&FileSize) -> u64| group(sizes::total(&r.files, kind, m));
        format!(
            "{label:<28} {:<14} {:<13} {} / {} / {} B (raw / gzip / brotli)\n",
            "",
            "",
            t(|f| f.raw),
            t(|f| f.gzip),
            t(|f| f.brotli)
        )
    };
    out.push_str(&size_row("wasm", Some("wasm")));
    out.push_str(&size_row("js", Some("js")));
    out.push_str(&size_row("css", Some("css")));
    out.push_str(&size_row("index.html", Some("html")));
    out.push_str(&size_row("content/index.json", Some("json")));
    out.push_str(&size_row("first load (all of the above)", None));
    let line = |out: &mut String, name: &str, shown: String| {
        let budget = budgets.iter().find(|b| b.metric == name);
        let value = get(name);
        let (limit, status) = match budget {
            Some(b) => (
                format!("{} {} {}", b.op.symbol(), fmt_num(b.limit, &b.unit), b.unit),
                status(b, &value).to_uppercase(),
            ),
            None => (String::new(), String::new()),
        };
        let shown = match &value {
            // A ratio missing for the same reason as its numerator says so once.
            Measured::Missing(reason)
                if name == "sort_ratio"
                    && matches!(get("sort_ms"), Measured::Missing(r) if &r == reason) =>
            {
                "not measured: as sort_ms".to_owned()
            }
            Measured::Missing(reason) => reason.clone(),
            Measured::Value(_) => shown,
        };
        out.push_str(&format!("{name:<28} {limit:<14} {status:<13} {shown}\n"));
    };
    let v = |name: &str| get(name).value().unwrap_or(f64::NAN);
    line(
        &mut out,
        "first_load_brotli_bytes",
        format!("{} B", group(v("first_load_brotli_bytes") as u64)),
    );
    line(
        &mut out,
        "readable_bytes_brotli",
        format!(
            "{} B  HTML to </article> {} B + CSS {} B",
            group(v("readable_bytes_brotli") as u64),
            group(r.readable.html_brotli),
            group(r.readable.total() - r.readable.html_brotli)
        ),
    );
    line(
        &mut out,
        "article_visible_app_ms",
        format!(
            "{:.1} ms  /articles/{}",
            v("article_visible_app_ms"),
            r.flagship
        ),
    );
    line(
        &mut out,
        "article_visible_static_ms",
        format!(
            "{:.1} ms  the same page without scripts",
            v("article_visible_static_ms")
        ),
    );
    line(
        &mut out,
        "article_visible_ratio",
        format!("{:.2}", v("article_visible_ratio")),
    );
    line(
        &mut out,
        "article_interactive_ms",
        format!(
            "{:.1} ms  the app replaced the prerendered page",
            v("article_interactive_ms")
        ),
    );
    line(
        &mut out,
        "article_cls",
        format!("{:.4}  (largest of the runs)", v("article_cls")),
    );
    line(
        &mut out,
        "article_takeover_shift_px",
        format!(
            "{:.1} px  (largest move at the swap; {} of {} runs swapped before the first frame)",
            v("article_takeover_shift_px"),
            r.swapped_before_paint,
            r.runs
        ),
    );
    line(
        &mut out,
        "route_change_ms",
        format!(
            "{:.1} ms  click to /articles/{}",
            v("route_change_ms"),
            r.second
        ),
    );
    line(
        &mut out,
        "route_static_ms",
        format!(
            "{:.1} ms  static page of /articles/{}",
            v("route_static_ms"),
            r.second
        ),
    );
    line(
        &mut out,
        "route_change_ratio",
        format!("{:.2}", v("route_change_ratio")),
    );
    line(
        &mut out,
        "sort_ms",
        format!(
            "{:.1} ms  (DOM order {:.1} ms, next frame {:.1} ms)",
            v("sort_ms"),
            v("sort_dom_ms"),
            v("sort_paint_ms")
        ),
    );
    line(
        &mut out,
        "sort_vanilla_ms",
        format!(
            "{:.1} ms  (DOM order {:.1} ms, next frame {:.1} ms)",
            v("sort_vanilla_ms"),
            v("sort_vanilla_dom_ms"),
            v("sort_vanilla_paint_ms")
        ),
    );
    line(&mut out, "sort_ratio", format!("{:.2}", v("sort_ratio")));
    line(
        &mut out,
        "wasm_memory_bytes",
        format!("{} B", group(v("wasm_memory_bytes") as u64)),
    );
    line(
        &mut out,
        "js_heap_bytes",
        format!("{} B", group(v("js_heap_bytes") as u64)),
    );
    out.push_str(&format!("\nmemory: {}\n", r.memory_note));
    let missed: Vec<&str> = budgets
        .iter()
        .filter(|b| status(b, &get(&b.metric)) == "fail")
        .map(|b| b.metric.as_str())
        .collect();
    let unmeasured: Vec<&str> = budgets
        .iter()
        .filter(|b| status(b, &get(&b.metric)) == "not measured")
        .map(|b| b.metric.as_str())
        .collect();
    out.push_str(&format!(
        "budgets: {} missed{}{}\n",
        missed.len(),
        if missed.is_empty() {
            String::new()
        } else {
            format!(" ({})", missed.join(", "))
        },
        if unmeasured.is_empty() {
            String::new()
        } else {
            format!(
                ", {} not measured ({})",
                unmeasured.len(),
                unmeasured.join(", ")
            )
        }
    ));
    out
}

fn fmt_num(v: f64, unit: &str) -> String {
    if unit == "B" {
        group(v as u64)
    } else {
        format!("{v}")
    }
}

/// `130000` → `130,000`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(130_000), "130,000");
        assert_eq!(group(1_234_567), "1,234,567");
    }

    #[test]
    fn budgets_compare_as_written() {
        let sort_ms = pathways_bench::budget::of("sort_ms").unwrap();
        assert_eq!(status(&sort_ms, &Measured::Value(15.9)), "pass");
        assert_eq!(status(&sort_ms, &Measured::Value(16.0)), "fail");
        let ratio = pathways_bench::budget::of("article_visible_ratio").unwrap();
        assert_eq!(status(&ratio, &Measured::Value(1.15)), "pass");
        assert_eq!(status(&ratio, &Measured::Value(1.16)), "fail");
        assert_eq!(
            status(&ratio, &Measured::missing("no compare page")),
            "not measured"
        );
    }

    #[test]
    fn a_ratio_keeps_the_first_missing_reason() {
        let r = Measured::ratio(&Measured::missing("a"), &Measured::Value(1.0));
        assert!(matches!(r, Measured::Missing(s) if s == "not measured: a"));
        let r = Measured::ratio(&Measured::Value(3.0), &Measured::Value(2.0));
        assert_eq!(r.value(), Some(1.5));
    }
}
