//! The results as `report.json` and as the table `make bench` prints, with the budgets.

use serde_json::{json, Map, Value};

use crate::compare_results::CompareResults;
use crate::measure::Takeover;
use crate::measured::{samples_json, Measured};
use crate::repeat_visit::RepeatResults;
use pathways_bench::budget::Budget;
use pathways_bench::sizes::{self, FileSize, Readable};

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
    /// The comparison at scale, and the real comparison's sort (issue 15).
    pub compare: CompareResults,
    /// The second visit with the service worker in charge (issue 16).
    pub repeat: RepeatResults,
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
pub fn status(budget: &Budget, value: &Measured) -> &'static str {
    match value.value() {
        None => "not measured",
        Some(v) if budget.holds(v) => "pass",
        Some(_) => "fail",
    }
}

/// One size of a file.
type Measure = fn(&FileSize) -> u64;

/// The report's metrics, in order: name and value.
pub fn metrics(r: &Results) -> Vec<(&'static str, Measured)> {
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
    let mut metrics = vec![
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
    ];
    metrics.extend(r.compare.metrics());
    metrics.extend(r.repeat.metrics());
    metrics
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
    let samples = samples_json;
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
        }),
    );
    if let Some(Value::Object(samples)) = report.get_mut("samples") {
        r.compare.samples(samples);
        r.repeat.samples(samples);
    }
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
        }),
    );
    if let Some(Value::Object(pages)) = report.get_mut("pages") {
        r.compare.pages(pages);
        r.repeat.pages(&r.flagship, pages);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
