//! The comparison at scale (issue 15), in the browser: the app's windowed 500 × 40 rows view
//! against the hand-written vanilla-JS page with every row in the DOM (opening, memory, a sort
//! by a header click, a scroll from top to bottom), and a sort of the real 12-treatment
//! comparison. The probes themselves are in `compare_probe.rs`; the figures in `CompareResults`.

use anyhow::{bail, Context};
use pathways_bench::large::{self, Large};
use pathways_testkit::server::Server;

use crate::browser::Browser;
use crate::compare_plan::{unsupported_reason, SmallSort, CHECKED_NAMES, COMPARE_ALL};
use crate::compare_probe::{self as probe, SortTiming};
use crate::compare_results::CompareResults;
use crate::measure::{median, settle};
use crate::measured::Series;

/// Where the phase runs: the real build's server, and the one serving the generated catalogue.
pub struct Servers<'a> {
    pub real: &'a Server,
    pub large: &'a Server,
}

pub async fn measure(
    b: &Browser,
    runs: usize,
    big: &Large,
    small: &SmallSort,
    servers: Servers<'_>,
    r: &mut CompareResults,
) -> anyhow::Result<()> {
    let label = big.sort_attribute.label.as_str();
    let want = large::TREATMENTS as u64;
    let app_url = servers.large.url(&big.compare_path());
    let vanilla_url = servers.large.url("/__bench/sort.html");
    let checked = &big.sorted_names[..CHECKED_NAMES.min(big.sorted_names.len())];
    r.sort_attribute = big.sort_attribute.label.clone();

    eprintln!(
        "bench: large comparison ({} × {})",
        large::TREATMENTS,
        large::ATTRIBUTES
    );
    let first = probe::open_table(b, &app_url, label, want).await?;
    r.large_rows_shown = first.rows;
    r.large_rows_drawn = first.drawn;
    let supported = first.shows(want);
    if !supported {
        r.fail_large_table(&unsupported_reason(
            &first,
            label,
            r.large_treatments_json_bytes,
        ));
        // Memory of a page that does not show the table would read as the table's memory:
        // report it only in the reason.
        let m = probe::memory(b).await.ok();
        let shown = |v: Option<f64>| v.map_or("?".to_owned(), |v| format!("{v:.0} B"));
        let reason = format!(
            "the app did not show the {want}-row comparison (see sort_ms); the page it showed \
             instead used {} of wasm memory and {} of JS heap",
            shown(m.as_ref().and_then(|m| m.wasm)),
            shown(m.as_ref().and_then(|m| m.js_heap)),
        );
        r.wasm_memory.fail(&reason);
        r.js_heap.fail(&reason);
    }
    let vanilla = probe::open_table(b, &vanilla_url, label, want).await?;
    if !vanilla.shows(want) {
        bail!(
            "the vanilla sort page showed {} rows (sortable header: {}): the bench page is broken",
            vanilla.rows,
            vanilla.sortable
        );
    }
    for i in 0..runs {
        // Alternating, the app first on odd runs, as for the articles.
        if i % 2 == 0 && supported {
            app_run(b, &app_url, label, want, checked, r).await;
        }
        vanilla_run(b, &vanilla_url, label, want, checked, r).await?;
        if i % 2 == 1 && supported {
            app_run(b, &app_url, label, want, checked, r).await;
        }
        eprintln!("  run {}: {}", i + 1, r.progress());
    }
    r.memory_note = format!(
        "after opening {COMPARE_ALL} ({} treatments) on the {} × {} catalogue (before sorting); \
         the app's table declared {} treatment rows (aria-rowcount) and drew {}{}",
        large::TREATMENTS,
        large::TREATMENTS,
        large::ATTRIBUTES,
        r.large_rows_shown,
        r.large_rows_drawn,
        if supported {
            ""
        } else {
            ", so the memory metrics are not reported"
        }
    );

    let small_url = servers.real.url(COMPARE_ALL);
    let count = small.sorted_names.len() as u64;
    r.small_attribute = small.label.clone();
    r.small_treatments = small.sorted_names.len();
    eprintln!(
        "bench: the real comparison ({count} treatments, sorted by {:?})",
        small.label
    );
    for i in 0..runs {
        let timing = async {
            let shown = probe::open_table(b, &small_url, &small.label, count).await?;
            if !shown.shows(count) {
                bail!(
                    "{COMPARE_ALL} on the real build showed {} of {count} rows (sortable header \
                     {:?}: {})",
                    shown.rows,
                    small.label,
                    shown.sortable
                );
            }
            settle(b).await?;
            probe::sort_click(b, &small.label, &small.sorted_names).await
        }
        .await;
        add_sort(
            [
                &mut r.sort_small,
                &mut r.sort_small_dom,
                &mut r.sort_small_paint,
            ],
            timing,
        );
        match r.sort_small.samples.last() {
            Some(ms) if r.sort_small.ok() => eprintln!("  run {}: sort {ms:.1} ms", i + 1),
            _ => eprintln!(
                "  run {}: {}",
                i + 1,
                r.sort_small.missing.as_deref().unwrap_or("")
            ),
        }
    }
    Ok(())
}

/// One run on the app: open (first rows on screen; memory), sort, scroll. A failure makes its
/// figure "not measured" and is not fatal: the figures of the other steps still count.
async fn app_run(
    b: &Browser,
    url: &str,
    label: &str,
    want: u64,
    checked: &[String],
    r: &mut CompareResults,
) {
    let opened = probe::open_table(b, url, label, want).await;
    let opened = match opened {
        Ok(p) if p.shows(want) => Ok(p),
        Ok(p) => Err(anyhow::anyhow!(unsupported_reason(
            &p,
            label,
            r.large_treatments_json_bytes
        ))),
        Err(e) => Err(e),
    };
    if let Err(e) = opened {
        let reason = format!("{e:#}");
        r.fail_large_table(&reason);
        let reason = reason.trim_start_matches("not measured: ");
        r.wasm_memory.fail(reason);
        r.js_heap.fail(reason);
        return;
    }
    r.open.add(open_ms(b, want).await);
    take_memory(b, r).await;
    let sorted = async {
        settle(b).await?;
        probe::sort_click(b, label, checked).await
    }
    .await;
    if let Ok(t) = &sorted {
        r.sort_rows_checked.0 = t.rows;
    }
    add_sort([&mut r.sort, &mut r.sort_dom, &mut r.sort_paint], sorted);
    let frames = async {
        settle(b).await?;
        probe::scroll_frames(b).await
    }
    .await;
    // The frame clock, on the app's page only: it is the browser's, not the page's.
    r.frame_clock.add(match &frames {
        Ok(f) => median(&f.idle).context("no idle frame before the scroll"),
        Err(e) => Err(anyhow::anyhow!("{e:#}")),
    });
    add_frames(
        &mut r.scroll,
        &mut r.scroll_longest,
        frames.map(|f| f.frames),
    );
}

/// One run on the vanilla page; any failure is the bench page's, so it is fatal.
async fn vanilla_run(
    b: &Browser,
    url: &str,
    label: &str,
    want: u64,
    checked: &[String],
    r: &mut CompareResults,
) -> anyhow::Result<()> {
    let shown = probe::open_table(b, url, label, want).await?;
    if !shown.shows(want) {
        bail!("the vanilla sort page showed {} rows", shown.rows);
    }
    let shown = probe::table_shown(b).await?;
    r.open_vanilla.add(Ok(shown.ms));
    settle(b).await?;
    let sorted = probe::sort_click(b, label, checked)
        .await
        .context("the vanilla page")?;
    r.sort_rows_checked.1 = sorted.rows;
    add_sort(
        [
            &mut r.sort_vanilla,
            &mut r.sort_vanilla_dom,
            &mut r.sort_vanilla_paint,
        ],
        Ok(sorted),
    );
    settle(b).await?;
    let frames = probe::scroll_frames(b).await.context("the vanilla page")?;
    add_frames(
        &mut r.scroll_vanilla,
        &mut r.scroll_vanilla_longest,
        Ok(frames.frames),
    );
    Ok(())
}

/// Navigation start → the windowed table's first rows on screen, once it is sure the table
/// was the whole comparison's (its `aria-rowcount` counts every treatment and the header).
async fn open_ms(b: &Browser, want: u64) -> anyhow::Result<f64> {
    let shown = probe::table_shown(b).await?;
    let declared = want + shown.header_rows;
    match shown.rowcount {
        Some(n) if n == declared => Ok(shown.ms),
        other => bail!(
            "the first rows shown belonged to a table with aria-rowcount {other:?}, not \
             {declared} ({want} treatments and {} header rows)",
            shown.header_rows
        ),
    }
}

fn add_sort(series: [&mut Series; 3], timing: anyhow::Result<SortTiming>) {
    let [ms, dom, paint] = series;
    match timing {
        Ok(t) => {
            ms.add(Ok(t.ms));
            dom.add(Ok(t.dom));
            paint.add(Ok(t.paint));
        }
        Err(e) => {
            let reason = format!("{e:#}");
            for s in [ms, dom, paint] {
                s.fail(&reason);
            }
        }
    }
}

fn add_frames(series: &mut Series, longest: &mut Option<f64>, frames: anyhow::Result<Vec<f64>>) {
    match frames {
        Ok(frames) => {
            series.add(median(&frames).context("the scroll produced no frame"));
            if let Some(most) = frames.iter().copied().reduce(f64::max) {
                *longest = Some(longest.map_or(most, |l| l.max(most)));
            }
        }
        Err(e) => series.fail(format!("{e:#}")),
    }
}

async fn take_memory(b: &Browser, r: &mut CompareResults) {
    if let Err(e) = b.collect_garbage().await {
        r.js_heap.fail(format!("{e:#}"));
        r.wasm_memory.fail(format!("{e:#}"));
        return;
    }
    match probe::memory(b).await {
        Ok(m) => {
            r.js_heap.add(
                m.js_heap
                    .context("performance.memory is not available in this browser"),
            );
            r.wasm_memory.add(m.wasm.context(
                "neither the TrunkApplicationStarted event nor window.wasmBindings exposed the \
                 wasm memory",
            ));
            if m.wasm_source.is_some() {
                r.wasm_memory_source = m.wasm_source;
            }
        }
        Err(e) => {
            r.js_heap.fail(format!("{e:#}"));
            r.wasm_memory.fail(format!("{e:#}"));
        }
    }
}
