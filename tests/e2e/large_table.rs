//! The comparison at scale, as the scenarios of `compare_large.rs` reach it: the bench's
//! generated catalogue of 500 treatments × 40 attributes served from its own copy of the build,
//! and the windowed rows view read the way ARIA counts rows.
//!
//! The two header rows (group headings, attribute headings) are rows 1 and 2, so the 500
//! treatments are rows 3 to 502 and `aria-rowcount` is 502. Across, the treatment column is
//! column 1 and the 40 attributes columns 2 to 41 (`aria-colindex`, `aria-colcount` 41); the
//! windowed view draws only the columns near the viewport.

use anyhow::Context;
use pathways::model::compare::{self, CompareState};
use pathways::model::{Group, Treatment};
use pathways_bench::large::{self, Large};
use pathways_testkit::server::{Server, Site};
use serde_json::json;

use crate::browser::{Browser, TestResult};
use crate::Ctx;

pub const QUERY: &str = "?all=1&view=rows";
/// Header rows before the first treatment, as `aria-rowindex` counts them.
pub const HEADER_ROWS: usize = 2;

/// The generated catalogue, a copy of the build that serves it, and a server for that copy.
pub struct LargeSite {
    pub large: Large,
    pub server: Server,
}

impl LargeSite {
    pub fn start(ctx: &Ctx) -> anyhow::Result<LargeSite> {
        let large = large::generate();
        // Beside the sub-path build: `dist` is `<repo>/dist`.
        let dist = ctx.dist.with_file_name("target/e2e/dist-large");
        large.write_build(&ctx.dist, &dist)?;
        let server = Site::new(&dist)
            .start()
            .context("could not start the server for the large catalogue")?;
        Ok(LargeSite { large, server })
    }

    pub fn all(&self) -> Vec<&Treatment> {
        self.large.treatments.treatments.iter().collect()
    }

    pub fn state(&self, query: &str) -> CompareState {
        compare::parse_for(
            query,
            &self.large.treatments.treatments,
            &self.large.attributes.attributes,
        )
        .0
    }

    /// The 0-based place of attribute `id` among the table's columns: groups in display order,
    /// attributes in file order within each (nothing hidden or folded).
    pub fn column_of(&self, id: &str) -> anyhow::Result<usize> {
        let group_place = |g: Group| Group::ALL.iter().position(|x| *x == g);
        let mut attrs: Vec<_> = self.large.attributes.attributes.iter().collect();
        attrs.sort_by_key(|a| group_place(a.group));
        attrs
            .iter()
            .position(|a| a.id == id)
            .with_context(|| format!("no attribute {id}"))
    }

    /// Opens the 500-row comparison and waits until its first rows are drawn.
    pub async fn open(&self, b: &Browser) -> TestResult {
        b.goto(&self.server.url(&format!("/compare{QUERY}")))
            .await?;
        b.wait_js(
            "return !!document.querySelector('.cmp-table--windowed tbody tr[aria-rowindex=\"3\"]');",
            "the first treatment row of the windowed table",
        )
        .await
    }
}

/// `(aria-rowindex, row header text)` of every drawn treatment row, top to bottom.
pub async fn drawn_rows(b: &Browser) -> anyhow::Result<Vec<(usize, String)>> {
    let v = b
        .js(
            "return [...document.querySelectorAll('.cmp-table--rows tbody tr[aria-rowindex]')]\
             .map(tr => [Number(tr.getAttribute('aria-rowindex')), tr.querySelector('th').textContent.trim()]);",
            vec![],
        )
        .await?;
    serde_json::from_value(v).context("drawn rows")
}

/// Scrolls the table's box so that treatment `index` (0-based) is the first row under the
/// header, then waits until the window has drawn it.
pub async fn scroll_to_row(b: &Browser, index: usize) -> TestResult {
    b.js(
        "const box = document.querySelector('.cmp-scroll'); \
         const row = box.querySelector('tbody tr[aria-rowindex]'); \
         box.scrollTop = arguments[0] * row.offsetHeight; return true;",
        vec![json!(index)],
    )
    .await?;
    b.wait_js_with(
        "return !!document.querySelector(`.cmp-table--rows tbody tr[aria-rowindex=\"${arguments[0]}\"]`);",
        vec![json!(index + HEADER_ROWS + 1)],
        "the row at that scroll position drawn",
    )
    .await
}

/// Scrolls the table's box sideways so that the column at `place` (0-based among the attribute
/// columns) is the first beside the sticky treatment column, then waits until the window has
/// drawn its header.
pub async fn scroll_to_column(b: &Browser, place: usize) -> TestResult {
    b.js(
        "const box = document.querySelector('.cmp-scroll'); \
         const cell = box.querySelector('tbody td[aria-colindex]'); \
         box.scrollLeft = arguments[0] * cell.offsetWidth; return true;",
        vec![json!(place)],
    )
    .await?;
    b.wait_js_with(
        "return !!document.querySelector(`.cmp-table--rows thead th[aria-colindex=\"${arguments[0]}\"] button`);",
        vec![json!(place + 2)],
        "the column's header drawn after scrolling sideways",
    )
    .await
}

/// The row the reader sees first under the sticky header: the first drawn row whose top is at
/// or below the bottom of the header's cells (the cells stick, not the `<thead>`).
pub async fn first_visible_row(b: &Browser) -> anyhow::Result<(usize, String)> {
    let v = b
        .js(
            "const box = document.querySelector('.cmp-scroll'); \
             const head = box.querySelector('thead tr:nth-child(2) th').getBoundingClientRect(); \
             const rows = [...box.querySelectorAll('tbody tr[aria-rowindex]')]; \
             const tr = rows.find(tr => tr.getBoundingClientRect().top >= head.bottom - 1); \
             return [Number(tr.getAttribute('aria-rowindex')), tr.querySelector('th').textContent.trim()];",
            vec![],
        )
        .await?;
    serde_json::from_value(v).context("first visible row")
}

/// One drawn treatment row as the page shows it: its `data-treatment`, its header's text and
/// each cell as (`data-attribute`, `aria-colindex`, the value's words, the scale's filled
/// dots).
type DrawnRow = (String, String, Vec<(String, String, String, Option<usize>)>);

impl LargeSite {
    /// Checks every drawn cell against the catalogue: each row's header names the treatment of
    /// its `data-treatment`, and each cell shows that treatment's value of its attribute, with
    /// the right dots, in the attribute's column. The windowed table rewrites its cells in
    /// place on a sort or a scroll (`slot_cell.rs`), so a stale word or attribute shows here.
    pub async fn check_drawn_cells(&self, b: &Browser) -> TestResult {
        let v = b
            .js(
                "return [...document.querySelectorAll('.cmp-table--rows tbody tr[aria-rowindex]')].map(tr => [\
                   tr.dataset.treatment, tr.querySelector('th').textContent.trim(),\
                   [...tr.querySelectorAll('button.cmp-cell')].map(el => {\
                     const scale = el.querySelector('.cmp-scale > span');\
                     return [el.dataset.attribute, el.closest('td').getAttribute('aria-colindex'),\
                       el.querySelector('[class^=cmp-value]').firstChild.textContent,\
                       scale ? [...scale.textContent].length : null];\
                   })]);",
                vec![],
            )
            .await?;
        let rows: Vec<DrawnRow> = serde_json::from_value(v).context("drawn cells")?;
        anyhow::ensure!(!rows.is_empty(), "no treatment row drawn");
        for (id, name, cells) in rows {
            let t = self
                .large
                .treatments
                .get(&id)
                .with_context(|| format!("row of unknown treatment {id:?}"))?;
            anyhow::ensure!(
                name == t.name,
                "row {id}: header {name:?}, not {:?}",
                t.name
            );
            anyhow::ensure!(!cells.is_empty(), "row {id}: no cells");
            for (attr_id, colindex, words, dots) in cells {
                let attr =
                    self.large.attributes.get(&attr_id).with_context(|| {
                        format!("row {id}: cell of unknown attribute {attr_id:?}")
                    })?;
                let value = t.values.get(&attr.id);
                let want = compare::display_value(attr, value);
                anyhow::ensure!(words == want, "{id} × {attr_id}: {words:?}, not {want:?}");
                let want_dots =
                    compare::scale_position(attr, value).map(|(steps, n)| (steps + 1).min(n));
                anyhow::ensure!(
                    dots == want_dots,
                    "{id} × {attr_id}: {dots:?} dots, not {want_dots:?}"
                );
                let want_index = (self.column_of(&attr_id)? + 2).to_string();
                anyhow::ensure!(
                    colindex == want_index,
                    "{id} × {attr_id}: aria-colindex {colindex}, not {want_index}"
                );
            }
        }
        Ok(())
    }
}
