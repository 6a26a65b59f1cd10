//! The JavaScript of the comparison probes (`compare_probe.rs`), run in the page through
//! WebDriver; each reports with `performance.now()` taken in the page.

/// Installed at the start of every document after `measure::INSTRUMENT`, active on the app's
/// `/compare` and the vanilla page only (so the article loads pay nothing for it).
/// `window.__benchTable`: `found`, when the rows table's first treatment row (the one after
/// the header rows) holds a name; `shown`, after the next frame; `rowcount`, the table's
/// `aria-rowcount` then (`null` for a table with every row drawn), `heads`, its header rows.
pub const TABLE_SHOWN: &str = r#"(() => {
  if (!/^https?:$/.test(location.protocol)) return;
  if (!/(\/compare|\/__bench\/sort\.html)$/.test(location.pathname)) return;
  const T = window.__benchTable = { found: null, shown: null, rowcount: null, heads: null };
  const first = () => {
    const table = document.querySelector('table.cmp-table--rows');
    if (!table || !table.tHead) return null;
    const heads = table.tHead.rows.length;
    const tr = table.hasAttribute('aria-rowcount')
      ? table.querySelector(`:scope > tbody > tr[aria-rowindex="${heads + 1}"]`)
      : table.querySelector(':scope > tbody > tr:not(.cmp-table__spacer)');
    const th = tr && tr.querySelector('th[scope=row]');
    return th && th.textContent.trim() ? { table, heads } : null;
  };
  const observer = new MutationObserver(() => {
    const shown = first();
    if (!shown) return;
    observer.disconnect();
    T.found = performance.now();
    T.heads = shown.heads;
    T.rowcount = shown.table.hasAttribute('aria-rowcount')
      ? Number(shown.table.getAttribute('aria-rowcount')) : null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { T.shown = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();"#;

/// Shared by the scripts below.
/// - `findSort(label)`: the `<th aria-sort>` button whose own text (without its arrow) is
///   `label`, and its table.
/// - `rowsOf(table)`: `{ windowed, total, drawn, at(i) }`: treatment rows declared, rows in
///   the DOM, and the `<tr>` of treatment `i` (0-based, screen order) if it is drawn.
pub const TABLE: &str = r#"
const labelOf = button => [...button.childNodes]
  .filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim();
const findSort = label => {
  const button = [...document.querySelectorAll('th[aria-sort] > button')].find(b => labelOf(b) === label);
  return button ? { button, table: button.closest('table') } : null;
};
const rowsOf = table => {
  const heads = table.tHead ? table.tHead.rows.length : 0;
  const drawn = [...table.querySelectorAll(':scope > tbody > tr:not(.cmp-table__spacer)')];
  if (table.hasAttribute('aria-rowcount')) {
    const byIndex = new Map(drawn.map(tr => [Number(tr.getAttribute('aria-rowindex')) - heads - 1, tr]));
    return {
      windowed: true, total: Number(table.getAttribute('aria-rowcount')) - heads,
      drawn: drawn.length, at: i => byIndex.get(i) || null,
    };
  }
  return { windowed: false, total: drawn.length, drawn: drawn.length, at: i => drawn[i] || null };
};
const nameOf = tr => {
  const th = tr && tr.querySelector('th[scope=row]');
  return th ? th.textContent.trim() : null;
};
"#;

/// What the page shows: `{ rows, drawn, windowed, sortable, started, loading, elements,
/// notices }`. `rows` is what the table declares (the largest of the rows tables when none has
/// the `arguments[0]` header). `sortable`: that header is drawn, or the table windows its
/// columns (`aria-colcount`) and has sort headers, so it may be off to the side
/// ([`SORT_CLICK`] scrolls to it, and says so if it is not there).
pub const PROBE: &str = r#"
const found = findSort(arguments[0]);
const tables = found ? [found.table] : [...document.querySelectorAll('table.cmp-table--rows')];
const rows = tables.map(rowsOf).reduce((a, b) => (b.total > a.total ? b : a),
  { windowed: false, total: 0, drawn: 0 });
const text = sel => [...document.querySelectorAll(sel)].map(e => e.textContent.trim()).filter(t => t);
return {
  rows: rows.total,
  drawn: rows.drawn,
  windowed: rows.windowed,
  sortable: !!found || tables.some(t => t.hasAttribute('aria-colcount')
    && !!t.querySelector('th[aria-sort] > button')),
  started: document.readyState === 'complete'
    && (!!window.__benchReady || !!(window.__bench && window.__bench.started)),
  loading: !!document.querySelector('.status--loading'),
  elements: document.getElementsByTagName('*').length,
  notices: text('.cmp-notices li, .status--error p:not(.status__actions)'),
};
"#;

/// Clicks the header `arguments[0]` and waits until the treatment rows in the table's scroll
/// box (those whose top is above the box's bottom edge, counted before the click: what a
/// reader sees of the table once it is in view, whether or not the page is scrolled to it)
/// hold the names `arguments[1]` gives for their places. `ms`: click → that order in the DOM with style
/// and layout computed (forced by reading geometry): the main-thread work of the sort, without
/// the wait for the next frame. `found`: click → that order in the DOM. `paint`: click → after
/// the next frame. `rows`: how many rows were checked. A windowed table draws only the columns
/// near its viewport, so when the header is not drawn the box is first scrolled sideways, half
/// a box at a time, until it is (as a reader would scroll to it; not timed).
pub const SORT_CLICK: &str = r#"
const [label, expected, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
let start = findSort(label);
const across = document.querySelector('table.cmp-table--rows')?.closest('.cmp-scroll');
while (!start && across && across.scrollLeft + across.clientWidth < across.scrollWidth - 1) {
  across.scrollLeft += Math.max(1, Math.floor(across.clientWidth / 2));
  await frame();
  start = findSort(label);
}
if (!start) { done({ error: 'no sortable header ' + JSON.stringify(label) }); return; }
const box = start.table.closest('.cmp-scroll');
if (!box) { done({ error: 'no scroll box (.cmp-scroll) around the table' }); return; }
const bottom = box.getBoundingClientRect().bottom;
const before = rowsOf(start.table);
let shown = 0;
while (shown < before.total) {
  const tr = before.at(shown);
  if (!tr || tr.getBoundingClientRect().top >= bottom) break;
  shown += 1;
}
if (shown === 0) { done({ error: 'no treatment row on screen before the click' }); return; }
if (shown > expected.length) {
  done({ error: `${shown} rows in the scroll box, but only ${expected.length} names to check them against` });
  return;
}
const inOrder = () => {
  const found = findSort(label);
  if (!found) return false;
  const rows = rowsOf(found.table);
  for (let i = 0; i < shown; i++) if (nameOf(rows.at(i)) !== expected[i]) return false;
  return true;
};
if (inOrder()) { done({ error: 'the rows in the scroll box were already in the sorted order' }); return; }
let t0 = 0;
const observer = new MutationObserver(() => {
  if (!inOrder()) return;
  observer.disconnect();
  const found = performance.now() - t0;
  document.body.getBoundingClientRect();
  const ms = performance.now() - t0;
  window.__bench.afterPaint(t => done({ ms, found, paint: t - t0, rows: shown }));
});
observer.observe(document.body, { childList: true, subtree: true, characterData: true });
t0 = performance.now();
start.button.click();
})().catch(e => done({ error: String(e) }));
"#;

/// Scrolls the rows table's scroll box from the top to the bottom in `arguments[0]` equal
/// steps, one step per frame: each `requestAnimationFrame` callback notes `performance.now()`
/// and sets the next `scrollTop`. Two more frames follow the last step (the frame that handles
/// its scroll event and draws, and the one that ends it). `frames`: the times between
/// consecutive callbacks. Then checks that the box is at the bottom and the last treatment
/// row is drawn. Before the scroll, `idle`: the times between [`IDLE_FRAMES`] + 1 callbacks
/// with nothing to do, the page's frame clock, which no scroll can beat.
pub const SCROLL: &str = r#"
const [steps, idleFrames, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const table = document.querySelector('table.cmp-table--rows');
const box = table && table.closest('.cmp-scroll');
if (!box) { done({ error: 'no scroll box (.cmp-scroll) around the rows table' }); return; }
const max = box.scrollHeight - box.clientHeight;
if (!(max > 0)) { done({ error: 'the table\'s scroll box does not scroll' }); return; }
box.scrollTop = 0;
const idle = [];
const stamps = [];
let step = 0;
let after = 2;
const still = () => {
  stamps.push(performance.now());
  if (stamps.length <= idleFrames) { requestAnimationFrame(still); return; }
  idle.push(...stamps.slice(1).map((t, i) => t - stamps[i]));
  stamps.length = 0;
  requestAnimationFrame(frame);
};
const frame = () => {
  stamps.push(performance.now());
  if (step < steps) {
    step += 1;
    box.scrollTop = Math.round(max * step / steps);
  } else if (--after === 0) {
    const rows = rowsOf(table);
    const last = rows.at(rows.total - 1);
    done({
      frames: stamps.slice(1).map((t, i) => t - stamps[i]),
      idle,
      atBottom: Math.abs(box.scrollTop - max) <= 1,
      lastRow: !!last && !!nameOf(last),
    });
    return;
  }
  requestAnimationFrame(frame);
};
// Two frames for the scroll to the top to settle, then the idle frames, then the scroll.
requestAnimationFrame(() => requestAnimationFrame(still));
"#;

/// `{ js_heap, wasm, wasm_source }` of the current page.
pub const MEMORY: &str = r#"
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
