//! The table `make bench` prints: every figure with its budget, or why it was not measured.

use crate::measured::Measured;
use crate::report::{metrics, status, Results};
use pathways_bench::budget::Budget;
use pathways_bench::sizes::{self, FileSize};

/// The figure a ratio divides, so a ratio missing for the same reason says so once.
fn numerator(ratio: &str) -> Option<&'static str> {
    match ratio {
        "sort_ratio" => Some("sort_ms"),
        "repeat_visit_ratio" => Some("repeat_visit_article_ms"),
        "article_visible_ratio" => Some("article_visible_app_ms"),
        "route_change_ratio" => Some("route_change_ms"),
        _ => None,
    }
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
                if numerator(name)
                    .is_some_and(|n| matches!(get(n), Measured::Missing(r) if &r == reason)) =>
            {
                format!("not measured: as {}", numerator(name).unwrap_or_default())
            }
            Measured::Missing(reason) => reason.clone(),
            Measured::Value(_) => shown,
        };
        out.push_str(&format!("{name:<28} {limit:<14} {status:<13} {shown}\n"));
    };
    let v = |name: &str| get(name).value().unwrap_or(f64::NAN);
    line(
        &mut out,
        "wasm_brotli_bytes",
        format!(
            "{} B  the reading app, which every page but the catalogue's loads",
            group(v("wasm_brotli_bytes") as u64)
        ),
    );
    line(
        &mut out,
        "full_wasm_brotli_bytes",
        format!(
            "{} B  the whole app, for the comparison and the treatment pages ({} B raw)",
            group(v("full_wasm_brotli_bytes") as u64),
            group(r.full_wasm.raw)
        ),
    );
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
    for (name, shown) in r.compare.lines(v).into_iter().chain(r.repeat.lines(v)) {
        line(&mut out, name, shown);
    }
    out.push_str(&format!("\nmemory: {}\n", r.compare.memory_note));
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
pub fn group(n: u64) -> String {
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
}
