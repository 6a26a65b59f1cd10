//! The in-browser measurements. Every time is taken inside the page with `performance.now()`
//! (milliseconds since the document's navigation started, for loads; since a synthetic click,
//! for interactions); Rust only waits for the page to publish its result.

use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::{json, Value};

use crate::browser::{Browser, WAIT};

/// Installed at the start of every document (before any of the page's scripts).
///
/// - `afterPaint(cb)`: calls `cb(performance.now())` once the next frame has been produced:
///   a `requestAnimationFrame` callback runs just before the frame's style, layout and paint,
///   and a message posted from it is delivered right after that frame (the "after frame"
///   technique). Render-blocking CSS delays `requestAnimationFrame`, so a page whose text is
///   parsed but not yet styled does not count as visible.
/// - `visible`: `afterPaint` of the first moment the page has an `<h1>` with text and a
///   paragraph with text in `.article__body` (the markup of both the app and the static page),
///   watched by a `MutationObserver` from the first byte of the document on.
/// - `takeover`: when the page's `#app` (the prerendered page) has been replaced by another
///   `#app` (the one `pathways::start` mounted the app in); after that, only the body's own
///   children are watched. `takenOver`: `afterPaint` of that moment, when `cls` is the sum of
///   every `layout-shift` entry without recent input since navigation start (a
///   `PerformanceObserver` with `buffered: true`; `null` when the browser has none).
/// - `swapShift`: the largest vertical move, in CSS pixels, of the heading, the first
///   paragraph, the article body's last block and the footer, and the change of the
///   document's height, between the last frame before the takeover (noted on every frame
///   from the moment the article is visible) and just after it; when that frame came before
///   the end of parsing, only the landmarks it showed, without the last block and the height.
///   `paintedBefore`: whether any frame was drawn between the article's heading arriving and
///   the takeover (if not, the reader saw the app's view first and nothing could move). The
///   Layout Instability API does not count newly inserted nodes as shifted, and the swap
///   inserts every node anew, so this is what sees a takeover that moves the page.
/// - `wasm`: the exports Trunk's loader announces in the `TrunkApplicationStarted` event.
pub const INSTRUMENT: &str = r#"(() => {
  if (!/^https?:$/.test(location.protocol)) return;
  const B = window.__bench = {
    found: null, visible: null, wasm: null, takeover: null, takenOver: null,
    cls: null, clsSupported: false, swapShift: null, swapMissing: [], paintedBefore: false,
  };
  addEventListener('TrunkApplicationStarted', e => { B.wasm = (e.detail && e.detail.wasm) || null; });
  B.afterPaint = cb => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => cb(performance.now());
    channel.port2.postMessage(null);
  });
  let shifts = 0;
  let layoutShifts = null;
  const addShifts = list => { for (const e of list) if (!e.hadRecentInput) shifts += e.value; };
  B.clsSupported = !!(window.PerformanceObserver && PerformanceObserver.supportedEntryTypes
    && PerformanceObserver.supportedEntryTypes.includes('layout-shift'));
  if (B.clsSupported) {
    layoutShifts = new PerformanceObserver(list => addShifts(list.getEntries()));
    layoutShifts.observe({ type: 'layout-shift', buffered: true });
  }
  const shown = () => {
    const h = document.querySelector('h1');
    const p = document.querySelector('.article__body p');
    return !!(h && p && h.textContent.trim() && p.textContent.trim());
  };
  const landmarks = [
    ['heading', 'h1'], ['first paragraph', '.article__body p'],
    ['last body block', '.article__body > :last-child'], ['footer', 'footer.site-footer'],
  ];
  const positions = () => {
    const out = landmarks.map(([name, sel]) => {
      const el = document.querySelector(sel);
      return [name, el ? el.getBoundingClientRect().top + scrollY : null];
    });
    out.push(['document height', document.documentElement.scrollHeight]);
    return out;
  };
  let app = null;
  let before = null;
  const beforeEachFrame = () => {
    if (B.takeover !== null) return;
    before = { parsed: document.readyState !== 'loading', at: positions() };
    requestAnimationFrame(beforeEachFrame);
  };
  const observer = new MutationObserver(() => {
    if (B.found === null) {
      if (!shown()) return;
      B.found = performance.now();
      B.afterPaint(t => { B.visible = t; });
      app = document.getElementById('app');
      observer.disconnect();
      if (app && app.parentNode) {
        observer.observe(app.parentNode, { childList: true });
        // On every page with an #app alike (the app's and the static one), so both pay it.
        requestAnimationFrame(beforeEachFrame);
      }
      return;
    }
    const now = document.getElementById('app');
    if (B.takeover !== null || app.isConnected || !now || now === app) return;
    B.takeover = performance.now();
    observer.disconnect();
    const after = positions();
    B.paintedBefore = !!before;
    if (before) {
      // A last frame drawn before the page was parsed showed only part of it: compare what it
      // showed, not where the (then) last block ended or how tall the document was.
      const partial = ['last body block', 'document height'];
      let most = 0;
      after.forEach(([name, y], i) => {
        const x = before.at[i][1];
        if (y === null) B.swapMissing.push(name);
        else if (x !== null && (before.parsed || !partial.includes(name))) {
          most = Math.max(most, Math.abs(y - x));
        }
      });
      if (before.at[0][1] === null) B.swapMissing.push('a heading before the takeover');
      B.swapShift = most;
    }
    B.afterPaint(t => {
      if (layoutShifts) { addShifts(layoutShifts.takeRecords()); B.cls = shifts; }
      B.takenOver = t;
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();"#;

/// Clicks the first glossary term in the article body and reports whether its definition
/// opened (`aria-expanded="true"`, the popover shown) after the next frame; then clicks it
/// again to close it, so the page is as before.
const GLOSSARY_CLICK: &str = r#"
const done = arguments[arguments.length - 1];
const button = document.querySelector('.article__body .term__button');
if (!button) { done({ error: 'the article has no glossary term button (.article__body .term__button)' }); return; }
const popover = document.getElementById(button.getAttribute('aria-controls'));
const open = () => button.getAttribute('aria-expanded') === 'true' && !!popover && !popover.hidden;
if (open()) { done({ error: 'the glossary definition was open before the click' }); return; }
button.click();
window.__bench.afterPaint(() => {
  const opened = open();
  if (opened) button.click();
  window.__bench.afterPaint(() => done({ opened, closed: !open() }));
});
"#;

/// Clicks the related-article link titled `arguments[0]` and reports, in ms from the click,
/// when that article's `<h1>` and first paragraph are on screen.
const ROUTE_CHANGE: &str = r#"
const [title, done] = [arguments[0], arguments[arguments.length - 1]];
const link = [...document.querySelectorAll('.related a')].find(a => a.textContent.trim() === title);
if (!link) { done({ error: 'no related-article link titled ' + JSON.stringify(title) }); return; }
const shown = () => {
  const h = document.querySelector('h1');
  const p = document.querySelector('.article__body p');
  return !!(h && h.textContent.trim() === title && p && p.textContent.trim());
};
let t0 = 0;
const observer = new MutationObserver(() => {
  if (!shown()) return;
  observer.disconnect();
  const found = performance.now() - t0;
  window.__bench.afterPaint(t => done({ ms: t - t0, found }));
});
observer.observe(document.body, { childList: true, subtree: true, characterData: true });
t0 = performance.now();
link.click();
"#;

/// Finds the table whose sortable header (`<th aria-sort><button>`) reads `arguments[0]`.
const FIND_SORT_TABLE: &str = r#"
const findSort = label => {
  const button = [...document.querySelectorAll('th[aria-sort] button')]
    .find(b => b.textContent.includes(label));
  return button ? { button, table: button.closest('table') } : null;
};
const bodyRows = table => table ? table.querySelectorAll(':scope > tbody > tr') : [];
"#;

/// How far the large comparison has rendered: `{ rows, sortable, started }`.
const SORT_PROBE: &str = r#"
const found = findSort(arguments[0]);
const rows = found ? bodyRows(found.table).length
  : Math.max(0, ...[...document.querySelectorAll('table')].map(t => bodyRows(t).length));
const text = sel => [...document.querySelectorAll(sel)].map(e => e.textContent.trim()).filter(t => t);
return {
  rows,
  sortable: !!found,
  started: document.readyState === 'complete' && (!!window.__benchReady || !!(window.__bench && window.__bench.wasm)),
  loading: !!document.querySelector('.status--loading'),
  elements: document.getElementsByTagName('*').length,
  notices: text('.cmp-notices li, .status--error p:not(.status__actions)'),
};
"#;

/// Clicks the header `arguments[0]` and waits until the rows named in `arguments[1]`
/// (`[index, name]` pairs) are in place. `ms`: click → new order in the DOM with style and
/// layout computed (forced by reading geometry): the main-thread work of the sort, without
/// the wait for the next frame. `paint`: click → after the next frame.
const SORT_CLICK: &str = r#"
const [label, checks, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const start = findSort(label);
if (!start) { done({ error: 'no sortable header ' + JSON.stringify(label) }); return; }
const inOrder = () => {
  const found = findSort(label);
  const rows = found ? bodyRows(found.table) : [];
  return checks.every(([i, name]) => rows[i] && rows[i].cells[0] && rows[i].cells[0].textContent.includes(name));
};
if (inOrder()) { done({ error: 'the table was already in the sorted order' }); return; }
let t0 = 0;
const observer = new MutationObserver(() => {
  if (!inOrder()) return;
  observer.disconnect();
  const found = performance.now() - t0;
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  window.__bench.afterPaint(t => done({ ms, found, paint: t - t0 }));
});
observer.observe(document.body, { childList: true, subtree: true, characterData: true });
t0 = performance.now();
start.button.click();
"#;

/// `{ js_heap, wasm, wasm_source }` of the current page.
const MEMORY: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const out = { js_heap: null, wasm: null, wasm_source: null, js_heap_source: null };
  if (performance.memory) {
    out.js_heap = performance.memory.usedJSHeapSize;
    out.js_heap_source = 'performance.memory.usedJSHeapSize';
  }
  const announced = window.__bench && window.__bench.wasm;
  if (announced && announced.memory) {
    out.wasm = announced.memory.buffer.byteLength;
    out.wasm_source = 'TrunkApplicationStarted event: detail.wasm.memory.buffer.byteLength';
  } else if (window.wasmBindings && typeof window.wasmBindings.default === 'function') {
    const exports = await window.wasmBindings.default();
    if (exports && exports.memory) {
      out.wasm = exports.memory.buffer.byteLength;
      out.wasm_source = 'await wasmBindings.default() (the initialised exports): memory.buffer.byteLength';
    }
  }
  done(out);
})().catch(e => done({ error: String(e) }));
"#;

/// A cold load of `url` (after `about:blank`, with the HTTP cache off): ms from navigation
/// start until the article's heading and first paragraph are on screen.
pub async fn load_visible(b: &Browser, url: &str) -> anyhow::Result<f64> {
    b.goto("about:blank").await?;
    b.goto(url).await?;
    let value = b
        .wait_for(
            "return window.__bench ? window.__bench.visible : null;",
            &format!("article heading and first paragraph of {url}"),
        )
        .await?;
    number(&value, "visible")
}

/// How the app took over a prerendered article, in one cold load.
pub struct Takeover {
    /// Navigation start → the prerendered `#app` replaced by the app's.
    pub ms: f64,
    /// Layout shift from navigation start until the frame after the takeover, or why not.
    pub cls: Result<f64, String>,
    /// The largest move at the swap (px), `None` when no frame of the prerendered page was
    /// drawn before it (nothing on screen could move), or why not.
    pub swap_shift: Result<Option<f64>, String>,
}

/// After [`load_visible`] of a prerendered app page: waits until the app has replaced the
/// page's `#app` and the next frame is out, then checks with a click that a glossary term in
/// the article opens its definition (and closes it again). Errors say what did not happen.
pub async fn takeover(b: &Browser, url: &str) -> anyhow::Result<Takeover> {
    let value = b
        .wait_for(
            "const B = window.__bench; return B && B.takenOver !== null ? { takeover: B.takeover, \
             cls: B.cls, clsSupported: B.clsSupported, swapShift: B.swapShift, \
             swapMissing: B.swapMissing, paintedBefore: B.paintedBefore } : null;",
            &format!("the app replacing the prerendered #app of {url}"),
        )
        .await?;
    let ms = number(&value["takeover"], "takeover")?;
    let cls = match value["cls"].as_f64() {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ if value["clsSupported"] == json!(false) => {
            Err("this Chromium reports no layout-shift entries".to_owned())
        }
        _ => Err(format!(
            "the page reported {} as its layout shift",
            value["cls"]
        )),
    };
    let missing: Vec<&str> = value["swapMissing"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let swap_shift = match value["swapShift"].as_f64() {
        _ if value["paintedBefore"] == json!(false) => Ok(None),
        Some(v) if missing.is_empty() => Ok(Some(v)),
        _ => Err(format!(
            "no position before or after the takeover for: {}",
            missing.join(", ")
        )),
    };
    let click = b.js_async(GLOSSARY_CLICK, vec![]).await?;
    if let Some(error) = click.get("error") {
        bail!("after the takeover: {error}");
    }
    if click["opened"] != json!(true) {
        bail!("after the takeover, a click on the first glossary term did not open its definition");
    }
    if click["closed"] != json!(true) {
        bail!("after the takeover, a second click on the glossary term did not close it");
    }
    Ok(Takeover {
        ms,
        cls,
        swap_shift,
    })
}

/// Lets the page finish what it does after showing content (late fetches, effects), so an
/// interaction is measured on an idle page.
pub async fn settle(b: &Browser) -> anyhow::Result<()> {
    b.wait_for(
        "return document.readyState === 'complete';",
        "document load",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

/// In the app, on an article page: click the related article titled `title`.
pub async fn route_change(b: &Browser, title: &str) -> anyhow::Result<f64> {
    let value = b.js_async(ROUTE_CHANGE, vec![json!(title)]).await?;
    if let Some(error) = value.get("error") {
        bail!("route change: {error}");
    }
    number(&value["ms"], "route change")
}

/// What the large comparison at `url` shows once it stops changing.
pub struct Probe {
    pub rows: u64,
    pub sortable: bool,
    /// What the page says about the address it was given, or its error message.
    pub notices: Vec<String>,
}

/// Opens `url` and waits until it shows `want_rows` rows with a sortable `label` header, or
/// has stopped changing for 3 s after its scripts started and its loading indicator went away
/// (the page does not support it).
pub async fn open_table(
    b: &Browser,
    url: &str,
    label: &str,
    want_rows: u64,
) -> anyhow::Result<Probe> {
    b.goto("about:blank").await?;
    b.goto(url).await?;
    let script = format!("{FIND_SORT_TABLE}{SORT_PROBE}");
    let deadline = Instant::now() + WAIT;
    let mut last: Option<(u64, bool, u64, bool)> = None;
    let mut since = Instant::now();
    loop {
        let v = b.js(&script, vec![json!(label)]).await?;
        let probe = Probe {
            rows: v["rows"].as_u64().unwrap_or(0),
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
        if probe.rows >= want_rows && probe.sortable {
            return Ok(probe);
        }
        let loading = v["loading"].as_bool().unwrap_or(false);
        let state = (
            probe.rows,
            probe.sortable,
            v["elements"].as_u64().unwrap_or(0),
            loading,
        );
        if last != Some(state) {
            last = Some(state);
            since = Instant::now();
        }
        let started = v["started"].as_bool().unwrap_or(false);
        if (started && !loading && since.elapsed() > Duration::from_secs(3))
            || Instant::now() > deadline
        {
            return Ok(probe);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// One sort, in ms from the click.
pub struct SortTiming {
    /// Until the new order is in the DOM and style and layout are computed.
    pub ms: f64,
    /// Until the new order is in the DOM (before style and layout).
    pub dom: f64,
    /// Until after the next frame.
    pub paint: f64,
}

pub async fn sort_click(
    b: &Browser,
    label: &str,
    checks: &[(usize, String)],
) -> anyhow::Result<SortTiming> {
    let checks: Vec<Value> = checks.iter().map(|(i, name)| json!([i, name])).collect();
    let script = format!("{FIND_SORT_TABLE}{SORT_CLICK}");
    let value = b
        .js_async(&script, vec![json!(label), Value::Array(checks)])
        .await?;
    if let Some(error) = value.get("error") {
        bail!("sort: {error}");
    }
    Ok(SortTiming {
        ms: number(&value["ms"], "sort")?,
        dom: number(&value["found"], "sort")?,
        paint: number(&value["paint"], "sort paint")?,
    })
}

/// The page's memory: `(js_heap_bytes, wasm_bytes, how wasm memory was found)`.
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

fn number(value: &Value, what: &str) -> anyhow::Result<f64> {
    value
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .with_context(|| format!("{what}: the page reported {value} instead of a time"))
}

/// The median of `samples` (the mean of the two middle values for an even count).
pub fn median(samples: &[f64]) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}
