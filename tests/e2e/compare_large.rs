//! The comparison at scale: the bench's generated catalogue of 500 treatments × 40 attributes
//! in the rows view, which draws only the rows near the viewport (`model::compare::window`).
//! Each scenario serves its own copy of the build with that catalogue in place of the real one
//! (`large_table.rs`, which also reads the windowed table: rows by `aria-rowindex`, the two
//! header rows first). The CSV has no group row: one header line and 500 lines.

use anyhow::{ensure, Context};
use pathways::model::compare;
use pathways_bench::large::TREATMENTS;
use serde_json::{json, Value};

use crate::browser::TestResult;
use crate::large_table::{
    drawn_rows, first_visible_row, scroll_to_column, scroll_to_row, LargeSite, HEADER_ROWS, QUERY,
};
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    large_sort_puts_the_right_row_at_each_scroll_position,
    large_csv_and_print_have_every_row,
    large_cell_details_and_folded_groups_work_in_the_window,
);

async fn large_sort_puts_the_right_row_at_each_scroll_position(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let site = LargeSite::start(ctx)?;
    site.open(b).await?;
    let count = b
        .js(
            "return document.querySelector('.cmp-table--rows').getAttribute('aria-rowcount');",
            vec![],
        )
        .await?;
    expect_eq(
        count,
        json!((TREATMENTS + HEADER_ROWS).to_string()),
        "aria-rowcount: 500 treatments and 2 header rows",
    )?;
    let drawn = drawn_rows(b).await?;
    ensure!(
        drawn.len() < 80,
        "only rows near the viewport are drawn, got {}",
        drawn.len()
    );
    // Across too: 40 attribute columns, of which only those near the viewport are drawn.
    let columns = site.large.attributes.attributes.len();
    let across = b
        .js(
            "const t = document.querySelector('.cmp-table--rows'); \
             const row = t.querySelector('tbody tr[aria-rowindex]'); \
             return [t.getAttribute('aria-colcount'), row.querySelectorAll('td[aria-colindex]').length];",
            vec![],
        )
        .await?;
    expect_eq(
        across.get(0).cloned().unwrap_or_default(),
        json!((columns + 1).to_string()),
        "aria-colcount: the treatment column and 40 attributes",
    )?;
    let drawn_cells = across.get(1).and_then(Value::as_u64).unwrap_or(0) as usize;
    ensure!(
        (1..columns / 2).contains(&drawn_cells),
        "only columns near the viewport are drawn, got {drawn_cells} of {columns}"
    );

    // Scrolled to the middle, then sorted: the scroll position stays, the header stays in
    // view, and the row there is the one an ascending sort puts there.
    let n = 250;
    let height = "return document.querySelector('.cmp-scroll').scrollHeight;";
    let height_before = b.js(height, vec![]).await?;
    scroll_to_row(b, n).await?;
    // Scrolling down leaves the table's height alone: the drawn columns, and with them the
    // header's height, were right from the start, not corrected by the first scroll.
    expect_eq(
        b.js(height, vec![]).await?,
        height_before,
        "the scroll box's height after scrolling down",
    )?;
    let top_before = b
        .js(
            "return document.querySelector('.cmp-scroll').scrollTop;",
            vec![],
        )
        .await?;
    let attr = &site.large.sort_attribute;
    // Its column may be off to the right, as it would be for a reader, who scrolls to it.
    scroll_to_column(b, site.column_of(&attr.id)?).await?;
    site.check_drawn_cells(b).await?;
    let xpath = format!(
        "//th/button[starts-with(normalize-space(), {})]",
        pathways_testkit::xpath::literal(&attr.label)
    );
    let button = b.find(&xpath, "the sort button").await?;
    b.click(&button).await?;
    b.find("//th[@aria-sort='ascending']", "aria-sort on the header")
        .await?;
    let sorted = &site.large.sorted_names;
    for n in [n, 0, 137, 499] {
        if n != 250 {
            scroll_to_row(b, n).await?;
        }
        let expected = sorted.get(n).context("sorted names")?;
        b.wait_js_with(
            "const tr = document.querySelector(`.cmp-table--rows tbody tr[aria-rowindex=\"${arguments[0]}\"]`); \
             return !!tr && tr.querySelector('th').textContent.trim() === arguments[1];",
            vec![json!(n + HEADER_ROWS + 1), json!(expected)],
            &format!("row {n} after the ascending sort"),
        )
        .await?;
        site.check_drawn_cells(b).await?;
        if n == 250 {
            let top_after = b
                .js(
                    "return document.querySelector('.cmp-scroll').scrollTop;",
                    vec![],
                )
                .await?;
            expect_eq(
                top_after,
                top_before.clone(),
                "scroll position after the sort",
            )?;
            expect_eq(
                first_visible_row(b).await?,
                (n + HEADER_ROWS + 1, expected.clone()),
                "the row under the header after the sort",
            )?;
            let header_in_view = b
                .js(
                    "const box = document.querySelector('.cmp-scroll').getBoundingClientRect(); \
                     const th = document.querySelector('th[aria-sort=ascending]').getBoundingClientRect(); \
                     return th.top >= box.top - 1 && th.bottom <= box.bottom;",
                    vec![],
                )
                .await?;
            expect_eq(header_in_view, Value::Bool(true), "sorted header in view")?;
        }
    }
    // Every drawn row holds the treatment the sort puts at its index.
    for (index, name) in drawn_rows(b).await? {
        let expected = sorted.get(index - HEADER_ROWS - 1).context("index")?;
        expect_eq(&name, expected, &format!("row {index}"))?;
    }
    b.assert_console_clean(&[]).await
}

async fn large_csv_and_print_have_every_row(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let site = LargeSite::start(ctx)?;
    site.open(b).await?;
    let csv = b.download_csv().await?;
    expect_eq(csv.lines().count(), TREATMENTS + 1, "CSV lines")?;
    let expected = format!(
        "{}{}",
        compare::EXCEL_BOM,
        compare::table_csv(
            &site.state(QUERY),
            &site.all(),
            &site.large.attributes.attributes
        )
    );
    expect_eq(csv.as_str(), expected.as_str(), "downloaded CSV")?;

    // Printing draws every row (the browser fires `beforeprint` before it lays out the page for
    // paper), and the window comes back afterwards.
    b.js(
        "window.dispatchEvent(new Event('beforeprint')); return true;",
        vec![],
    )
    .await?;
    b.wait_js(
        "return document.querySelectorAll('.cmp-table--rows tbody th[scope=row]').length === 500 \
         && [...document.querySelectorAll('.cmp-table__spacer')].every(tr => tr.offsetHeight === 0);",
        "every row drawn for print",
    )
    .await?;
    b.js(
        "window.dispatchEvent(new Event('afterprint')); return true;",
        vec![],
    )
    .await?;
    b.wait_js(
        "return document.querySelectorAll('.cmp-table--rows tbody th[scope=row]').length < 80;",
        "the window again after print",
    )
    .await?;
    b.assert_console_clean(&[]).await
}

async fn large_cell_details_and_folded_groups_work_in_the_window(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let site = LargeSite::start(ctx)?;
    site.open(b).await?;
    let n = 300;
    scroll_to_row(b, n).await?;
    let treatment = site.all().get(n).copied().context("treatment")?;
    let attr = site
        .large
        .attributes
        .attributes
        .first()
        .context("attribute")?;
    // A cell of a row drawn only after scrolling opens its details.
    let cell = b
        .find(
            &format!(
                "//tbody/tr[@aria-rowindex='{}'][@data-treatment={}]//button[@data-attribute={}]",
                n + HEADER_ROWS + 1,
                pathways_testkit::xpath::literal(&treatment.id),
                pathways_testkit::xpath::literal(&attr.id)
            ),
            "a cell of the scrolled-to row",
        )
        .await?;
    b.click(&cell).await?;
    b.heading(&format!("{} — {}", treatment.name, attr.label))
        .await?;
    // Folding a group folds it in every drawn row, and the rows keep their places.
    let group_button = b
        .find(
            &format!(
                "//thead//button[@aria-expanded='true' and contains(normalize-space(), {})]",
                pathways_testkit::xpath::literal(attr.group.label())
            ),
            "the group heading's button",
        )
        .await?;
    b.click(&group_button).await?;
    b.wait_js(
        "const rows = [...document.querySelectorAll('.cmp-table--windowed tbody tr[aria-rowindex]')]; \
         return rows.length > 0 && rows.every(tr => tr.querySelector('td.cmp-table__folded'));",
        "the group folded in every drawn row",
    )
    .await?;
    expect_eq(
        first_visible_row(b).await?,
        (n + HEADER_ROWS + 1, treatment.name.clone()),
        "the row under the header after folding",
    )?;

    // With a baseline, the marks are drawn and every row stays one line high: the window's
    // arithmetic counts rows of one height.
    let base = site
        .all()
        .first()
        .map(|t| t.id.clone())
        .context("treatment")?;
    b.goto(&site.server.url(&format!("/compare{QUERY}&base={base}")))
        .await?;
    b.wait_js(
        "return document.querySelectorAll('.cmp-table--windowed tbody .cmp-mark').length > 10;",
        "baseline marks in the drawn rows",
    )
    .await?;
    let heights = b
        .js(
            "return [...document.querySelectorAll('.cmp-table--windowed tbody tr[aria-rowindex]')]\
               .map(tr => tr.offsetHeight);",
            vec![],
        )
        .await?;
    let heights: Vec<u64> = serde_json::from_value(heights).context("row heights")?;
    ensure!(
        heights.windows(2).all(|w| w[0] == w[1]),
        "rows of different heights with a baseline: {heights:?}"
    );
    b.assert_console_clean(&[]).await
}
