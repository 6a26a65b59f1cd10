//! What the comparison phase (`comparison.rs`) found, and how the report and the table give it.

use serde_json::{json, Map, Value};

use crate::compare_plan::COMPARE_ALL;
use crate::compare_probe::SCROLL_STEPS;
use crate::measured::{samples_json, Measured, Series};

/// Everything the comparison phase found.
#[derive(Default)]
pub struct CompareResults {
    pub sort_attribute: String,
    pub large_treatments_json_bytes: u64,
    /// Treatment rows the app's table declared on the first open.
    pub large_rows_shown: u64,
    /// Rows of it in the DOM then.
    pub large_rows_drawn: u64,
    /// Rows on screen that the large sort checks (app; vanilla).
    pub sort_rows_checked: (u64, u64),
    pub sort: Series,
    pub sort_dom: Series,
    pub sort_paint: Series,
    pub sort_vanilla: Series,
    pub sort_vanilla_dom: Series,
    pub sort_vanilla_paint: Series,
    pub open: Series,
    pub open_vanilla: Series,
    /// The median frame time of each run's scroll.
    pub scroll: Series,
    pub scroll_vanilla: Series,
    /// The median time between frames with nothing to do, before each run's scroll.
    pub frame_clock: Series,
    /// The longest frame of any run's scroll.
    pub scroll_longest: Option<f64>,
    pub scroll_vanilla_longest: Option<f64>,
    pub wasm_memory: Series,
    pub js_heap: Series,
    pub wasm_memory_source: Option<String>,
    pub memory_note: String,
    pub small_attribute: String,
    pub small_treatments: usize,
    pub sort_small: Series,
    pub sort_small_dom: Series,
    pub sort_small_paint: Series,
}

impl CompareResults {
    /// The app's large-table figures cannot be measured, for `reason`. Memory is left to the
    /// caller: a page that shows something else may still say what it used.
    pub fn fail_large_table(&mut self, reason: &str) {
        let reason = reason.trim_start_matches("not measured: ");
        for series in [
            &mut self.sort,
            &mut self.sort_dom,
            &mut self.sort_paint,
            &mut self.open,
            &mut self.scroll,
            &mut self.frame_clock,
        ] {
            series.fail(reason);
        }
    }

    /// The progress line of the last run.
    pub fn progress(&self) -> String {
        let last = |s: &Series| match (s.samples.last(), &s.missing) {
            (_, Some(_)) => "not measured".to_owned(),
            (Some(v), None) => format!("{v:.1} ms"),
            (None, None) => "-".to_owned(),
        };
        format!(
            "app: first rows {}, sort {} (frame {}), scroll frame {}; vanilla: first rows {}, \
             sort {} (frame {}), scroll frame {}",
            last(&self.open),
            last(&self.sort),
            last(&self.sort_paint),
            last(&self.scroll),
            last(&self.open_vanilla),
            last(&self.sort_vanilla),
            last(&self.sort_vanilla_paint),
            last(&self.scroll_vanilla),
        )
    }
}

impl CompareResults {
    /// The report's comparison metrics, in order.
    pub fn metrics(&self) -> Vec<(&'static str, Measured)> {
        let sort = self.sort.measured();
        let sort_vanilla = self.sort_vanilla.measured();
        vec![
            ("sort_ms", sort.clone()),
            ("sort_vanilla_ms", sort_vanilla.clone()),
            ("sort_ratio", Measured::ratio(&sort, &sort_vanilla)),
            ("sort_dom_ms", self.sort_dom.measured()),
            ("sort_vanilla_dom_ms", self.sort_vanilla_dom.measured()),
            ("sort_paint_ms", self.sort_paint.measured()),
            ("sort_vanilla_paint_ms", self.sort_vanilla_paint.measured()),
            ("sort_small_ms", self.sort_small.measured()),
            ("sort_small_dom_ms", self.sort_small_dom.measured()),
            ("sort_small_paint_ms", self.sort_small_paint.measured()),
            ("open_large_ms", self.open.measured()),
            ("open_large_vanilla_ms", self.open_vanilla.measured()),
            ("scroll_frame_ms", self.scroll.measured()),
            ("scroll_frame_vanilla_ms", self.scroll_vanilla.measured()),
            ("frame_interval_ms", self.frame_clock.measured()),
            ("wasm_memory_bytes", self.wasm_memory.measured()),
            ("js_heap_bytes", self.js_heap.measured()),
        ]
    }

    /// Every run's figure, by metric.
    pub fn samples(&self, samples: &mut Map<String, Value>) {
        let round = |s: &Series| samples_json(&s.samples);
        for (name, series) in [
            ("sort_ms", &self.sort),
            ("sort_dom_ms", &self.sort_dom),
            ("sort_paint_ms", &self.sort_paint),
            ("sort_vanilla_ms", &self.sort_vanilla),
            ("sort_vanilla_dom_ms", &self.sort_vanilla_dom),
            ("sort_vanilla_paint_ms", &self.sort_vanilla_paint),
            ("sort_small_ms", &self.sort_small),
            ("sort_small_dom_ms", &self.sort_small_dom),
            ("sort_small_paint_ms", &self.sort_small_paint),
            ("open_large_ms", &self.open),
            ("open_large_vanilla_ms", &self.open_vanilla),
            ("scroll_frame_ms", &self.scroll),
            ("scroll_frame_vanilla_ms", &self.scroll_vanilla),
            ("frame_interval_ms", &self.frame_clock),
            ("wasm_memory_bytes", &self.wasm_memory),
            ("js_heap_bytes", &self.js_heap),
        ] {
            samples.insert(name.into(), round(series));
        }
    }

    /// What was loaded, clicked and scrolled.
    pub fn pages(&self, pages: &mut Map<String, Value>) {
        let treatments = pathways_bench::large::TREATMENTS;
        let entries = [
            (
                "sort",
                json!(format!(
                    "{COMPARE_ALL} ({treatments} treatments) on target/bench/dist-large, header \
                     {:?} clicked once (ascending); done when the treatment rows in the table's scroll box are \
                     the ones the sort puts there",
                    self.sort_attribute
                )),
            ),
            (
                "sort_vanilla",
                json!("/__bench/sort.html on the same server and data, every row in the DOM"),
            ),
            (
                "sort_rows_checked",
                json!({ "app": self.sort_rows_checked.0, "vanilla": self.sort_rows_checked.1 }),
            ),
            (
                "sort_small",
                json!(format!(
                    "{COMPARE_ALL} ({} treatments) on the real build, header {:?} clicked once",
                    self.small_treatments, self.small_attribute
                )),
            ),
            (
                "scroll",
                json!(format!(
                    "the table's scroll box from top to bottom in {SCROLL_STEPS} steps, one per \
                     frame, after the sort; the figure is the median of each run's median time \
                     between frames"
                )),
            ),
            (
                "scroll_longest_frame_ms",
                json!({ "app": self.scroll_longest, "vanilla": self.scroll_vanilla_longest }),
            ),
            ("large_compare_rows_shown", json!(self.large_rows_shown)),
            ("large_compare_rows_drawn", json!(self.large_rows_drawn)),
            (
                "large_treatments_json_bytes",
                json!(self.large_treatments_json_bytes),
            ),
            ("wasm_memory_source", json!(self.wasm_memory_source)),
            ("memory", json!(self.memory_note)),
        ];
        for (key, value) in entries {
            pages.insert(key.into(), value);
        }
    }

    /// The printed table's comparison lines: metric and what it shows, given each metric's
    /// value (`NaN` when not measured: then the line shows the reason instead).
    pub fn lines(&self, v: impl Fn(&str) -> f64) -> Vec<(&'static str, String)> {
        let frames = |name: &str, longest: Option<f64>| {
            format!(
                "{:.1} ms  median time between frames, {SCROLL_STEPS} steps (longest {})",
                v(name),
                longest.map_or("-".to_owned(), |l| format!("{l:.1} ms"))
            )
        };
        vec![
            (
                "sort_ms",
                format!(
                    "{:.1} ms  (DOM order {:.1} ms, next frame {:.1} ms; {} rows in the box checked)",
                    v("sort_ms"),
                    v("sort_dom_ms"),
                    v("sort_paint_ms"),
                    self.sort_rows_checked.0
                ),
            ),
            (
                "sort_vanilla_ms",
                format!(
                    "{:.1} ms  (DOM order {:.1} ms, next frame {:.1} ms; every row in the DOM)",
                    v("sort_vanilla_ms"),
                    v("sort_vanilla_dom_ms"),
                    v("sort_vanilla_paint_ms")
                ),
            ),
            ("sort_ratio", format!("{:.3}", v("sort_ratio"))),
            (
                "sort_small_ms",
                format!(
                    "{:.1} ms  (DOM order {:.1} ms, next frame {:.1} ms; the real {} treatments)",
                    v("sort_small_ms"),
                    v("sort_small_dom_ms"),
                    v("sort_small_paint_ms"),
                    self.small_treatments
                ),
            ),
            (
                "open_large_ms",
                format!(
                    "{:.1} ms  navigation start to the first rows on screen",
                    v("open_large_ms")
                ),
            ),
            (
                "open_large_vanilla_ms",
                format!(
                    "{:.1} ms  the same on the vanilla page",
                    v("open_large_vanilla_ms")
                ),
            ),
            ("scroll_frame_ms", frames("scroll_frame_ms", self.scroll_longest)),
            (
                "scroll_frame_vanilla_ms",
                frames("scroll_frame_vanilla_ms", self.scroll_vanilla_longest),
            ),
            (
                "frame_interval_ms",
                format!(
                    "{:.1} ms  median time between frames with nothing to do, before the scroll \
                     (the frame clock: no scroll beats it)",
                    v("frame_interval_ms")
                ),
            ),
            (
                "wasm_memory_bytes",
                format!("{} B", crate::table::group(v("wasm_memory_bytes") as u64)),
            ),
            (
                "js_heap_bytes",
                format!("{} B", crate::table::group(v("js_heap_bytes") as u64)),
            ),
        ]
    }
}
