//! The in-page probes of a comparison table in the rows view: when its first rows are on
//! screen, what it shows, a sort by a header click, a scroll from top to bottom, and the page's
//! memory. They read rows as ARIA counts them, so they work alike on the app's windowed table
//! (only the rows near the viewport are drawn: `aria-rowcount` declares them all, each drawn
//! row carries its `aria-rowindex`, the header rows counted first) and on a table with every
//! row in the DOM (the app's below 60 treatments, the vanilla page). The scripts are in
//! `compare_scripts.rs`.

use std::time::{Duration, Instant};

use anyhow::bail;
use serde_json::json;

use crate::browser::{Browser, WAIT};
use crate::compare_scripts::{MEMORY, PROBE, SCROLL, SORT_CLICK, TABLE};
use crate::measure::number;

/// What a comparison page shows once it stops changing.
pub struct Probe {
    /// Treatment rows the table declares (`aria-rowcount` less the header rows when windowed,
    /// the rows in the DOM otherwise).
    pub rows: u64,
    /// Treatment rows in the DOM.
    pub drawn: u64,
    pub sortable: bool,
    /// What the page says about the address it was given, or its error message.
    pub notices: Vec<String>,
}

impl Probe {
    /// Shows `want` treatment rows, some of them drawn, under a sortable header.
    pub fn shows(&self, want: u64) -> bool {
        self.rows == want && self.drawn > 0 && self.sortable
    }
}

/// A first visit to `url`; waits until the page has started (the app mounted, or the vanilla
/// page built its table) and shows `want` rows under a sortable `label` header, or has stopped
/// changing for 3 s after starting with its loading indicator gone (it does not show them).
pub async fn open_table(b: &Browser, url: &str, label: &str, want: u64) -> anyhow::Result<Probe> {
    b.cold_goto(url).await?;
    let script = format!("{TABLE}{PROBE}");
    let deadline = Instant::now() + WAIT;
    let mut last: Option<(u64, u64, bool, u64, bool)> = None;
    let mut since = Instant::now();
    loop {
        let v = b.js(&script, vec![json!(label)]).await?;
        let probe = Probe {
            rows: v["rows"].as_u64().unwrap_or(0),
            drawn: v["drawn"].as_u64().unwrap_or(0),
            sortable: v["sortable"].as_bool().unwrap_or(false),
            notices: v["notices"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|n| n.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        };
        let started = v["started"].as_bool().unwrap_or(false);
        // A prerendered page shows its table before the app runs; only the app's responds.
        if started && probe.shows(want) {
            return Ok(probe);
        }
        let loading = v["loading"].as_bool().unwrap_or(false);
        let state = (
            probe.rows,
            probe.drawn,
            probe.sortable,
            v["elements"].as_u64().unwrap_or(0),
            loading,
        );
        if last != Some(state) {
            last = Some(state);
            since = Instant::now();
        }
        if (started && !loading && since.elapsed() > Duration::from_secs(3))
            || Instant::now() > deadline
        {
            return Ok(probe);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// When the page opened by [`open_table`] first showed a treatment row.
pub struct Shown {
    /// Navigation start → after the frame that showed it.
    pub ms: f64,
    /// The table's `aria-rowcount` at that moment (`None`: every row drawn).
    pub rowcount: Option<u64>,
    pub header_rows: u64,
}

pub async fn table_shown(b: &Browser) -> anyhow::Result<Shown> {
    let value = b
        .wait_for(
            "const T = window.__benchTable; return T && T.shown !== null ? T : null;",
            "the first treatment row of the comparison on screen",
        )
        .await?;
    Ok(Shown {
        ms: number(&value["shown"], "first row shown")?,
        rowcount: value["rowcount"].as_u64(),
        header_rows: value["heads"].as_u64().unwrap_or(0),
    })
}

/// One sort, in ms from the click.
pub struct SortTiming {
    /// Until the new order is in the DOM and style and layout are computed.
    pub ms: f64,
    /// Until the new order is in the DOM (before style and layout).
    pub dom: f64,
    /// Until after the next frame.
    pub paint: f64,
    /// The treatment rows in the scroll box that were checked.
    pub rows: u64,
}

/// Clicks the `label` header; `expected` are the treatment names in the order the click must
/// give (at least as many as fit on screen).
pub async fn sort_click(
    b: &Browser,
    label: &str,
    expected: &[String],
) -> anyhow::Result<SortTiming> {
    let script = format!("{TABLE}{SORT_CLICK}");
    let value = b
        .js_async(&script, vec![json!(label), json!(expected)])
        .await?;
    if let Some(error) = value.get("error") {
        bail!("sort: {error}");
    }
    Ok(SortTiming {
        ms: number(&value["ms"], "sort")?,
        dom: number(&value["found"], "sort")?,
        paint: number(&value["paint"], "sort paint")?,
        rows: value["rows"].as_u64().unwrap_or(0),
    })
}

/// Steps of the scroll from top to bottom.
pub const SCROLL_STEPS: u32 = 20;

/// Frames counted with nothing to do before the scroll.
pub const IDLE_FRAMES: u32 = 12;

/// A scroll of the table, in frames.
pub struct ScrollFrames {
    /// The times between frames (ms) while the table scrolls.
    pub frames: Vec<f64>,
    /// The times between frames (ms) just before, with nothing to do: the frame clock.
    pub idle: Vec<f64>,
}

/// The times between frames (ms) while the table scrolls from top to bottom in
/// [`SCROLL_STEPS`] steps, one per frame, and before that with nothing to do. Fails when the
/// scroll did not end at the bottom with the last row drawn.
pub async fn scroll_frames(b: &Browser) -> anyhow::Result<ScrollFrames> {
    let script = format!("{TABLE}{SCROLL}");
    let value = b
        .js_async(&script, vec![json!(SCROLL_STEPS), json!(IDLE_FRAMES)])
        .await?;
    if let Some(error) = value.get("error") {
        bail!("scroll: {error}");
    }
    if value["atBottom"] != json!(true) || value["lastRow"] != json!(true) {
        bail!(
            "scroll: after {SCROLL_STEPS} steps the box was not at the bottom with the last row \
             drawn ({value})"
        );
    }
    let times = |key: &str| {
        value[key]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|f| number(f, "frame time"))
            .collect::<anyhow::Result<Vec<f64>>>()
    };
    Ok(ScrollFrames {
        frames: times("frames")?,
        idle: times("idle")?,
    })
}

/// The page's memory: JS heap and wasm linear memory (bytes), and how the latter was found.
pub struct Memory {
    pub js_heap: Option<f64>,
    pub wasm: Option<f64>,
    pub wasm_source: Option<String>,
}

pub async fn memory(b: &Browser) -> anyhow::Result<Memory> {
    let value = b.js_async(MEMORY, vec![]).await?;
    if let Some(error) = value.get("error") {
        bail!("memory: {error}");
    }
    Ok(Memory {
        js_heap: value["js_heap"].as_f64(),
        wasm: value["wasm"].as_f64(),
        wasm_source: value["wasm_source"].as_str().map(str::to_owned),
    })
}
