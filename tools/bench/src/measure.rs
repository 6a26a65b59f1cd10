//! The in-browser measurements. Every time is taken inside the page with `performance.now()`
//! (milliseconds since the document's navigation started, for loads; since a synthetic click,
//! for interactions); Rust only waits for the page to publish its result.

use std::time::Duration;

use anyhow::{bail, Context};
use serde_json::{json, Value};

use crate::browser::Browser;

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
/// - `wasm`: the exports Trunk's loader announces in the `TrunkApplicationStarted` event;
///   `started`: whether that event came (the app has mounted: `pathways::start` runs inside
///   the wasm's initialisation, before the loader announces it).
/// - `controlled`: whether a service worker answered this document's navigation (a cold load
///   must not have one; a repeat visit must).
pub const INSTRUMENT: &str = r#"(() => {
  if (!/^https?:$/.test(location.protocol)) return;
  const B = window.__bench = {
    found: null, visible: null, wasm: null, started: false, takeover: null, takenOver: null,
    cls: null, clsSupported: false, swapShift: null, swapMissing: [], paintedBefore: false,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
  };
  addEventListener('TrunkApplicationStarted', e => {
    B.wasm = (e.detail && e.detail.wasm) || null;
    B.started = true;
  });
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

/// A cold load of `url` ([`Browser::cold_goto`]: no service worker, no cached file): ms from
/// navigation start until the article's heading and first paragraph are on screen.
pub async fn load_visible(b: &Browser, url: &str) -> anyhow::Result<f64> {
    b.cold_goto(url).await?;
    let (ms, controlled) = visible(b, url).await?;
    if controlled {
        bail!("{url}: a service worker answered a load meant to be a first visit");
    }
    Ok(ms)
}

/// After a navigation to `url`: ms from its start until the article's heading and first
/// paragraph are on screen, and whether a service worker answered the navigation.
pub async fn visible(b: &Browser, url: &str) -> anyhow::Result<(f64, bool)> {
    let value = b
        .wait_for(
            "const B = window.__bench; \
             return B && B.visible !== null ? { ms: B.visible, controlled: B.controlled } : null;",
            &format!("article heading and first paragraph of {url}"),
        )
        .await?;
    Ok((
        number(&value["ms"], "visible")?,
        value["controlled"] == json!(true),
    ))
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

pub fn number(value: &Value, what: &str) -> anyhow::Result<f64> {
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
