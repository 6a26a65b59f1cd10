//! The keyboard in the 500-row comparison (`compare_large.rs` has the rest): Page Up/Down,
//! Home and End reach every row, Tab reaches every column, and focus stays on its cell while
//! the windowed table scrolls and its row slots show other treatments.

use anyhow::Context;
use fantoccini::key::Key;
use serde_json::json;

use crate::browser::TestResult;
use pathways_bench::large::TREATMENTS;

use crate::large_table::{scroll_to_row, LargeSite, HEADER_ROWS};
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    large_keyboard_reaches_the_last_row,
    large_tab_reaches_every_column_and_focus_stays_put,
);

async fn large_keyboard_reaches_the_last_row(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let site = LargeSite::start(ctx)?;
    site.open(b).await?;
    let names: Vec<String> = site.all().iter().map(|t| t.name.clone()).collect();
    let last = names.last().context("no treatments")?;
    // From a cell in the first row: End inside the table goes to the last row.
    let cell = b
        .find(
            "//tbody/tr[@aria-rowindex='3']//button[contains(@class,'cmp-cell')]",
            "a cell of the first row",
        )
        .await?;
    b.press(&cell, Key::End).await?;
    b.wait_js_with(
        "const box = document.querySelector('.cmp-scroll').getBoundingClientRect(); \
         const tr = document.querySelector(`.cmp-table--rows tbody tr[aria-rowindex=\"${arguments[0]}\"]`); \
         if (!tr) return false; const r = tr.getBoundingClientRect(); \
         return tr.querySelector('th').textContent.trim() === arguments[1] && r.top >= box.top && r.bottom <= box.bottom + 1;",
        vec![json!(TREATMENTS + HEADER_ROWS), json!(last)],
        "the last treatment on screen after End",
    )
    .await?;
    // Page Up moves back a screenful, Home to the first row, Page Down forward again: the keys
    // keep working after the focused cell's row has left the window.
    let bottom = b
        .js(
            "return document.querySelector('.cmp-scroll').scrollTop;",
            vec![],
        )
        .await?;
    b.press_on_focus(Key::PageUp).await?;
    b.wait_js_with(
        "const box = document.querySelector('.cmp-scroll'); \
         return box.scrollTop < arguments[0] && box.scrollTop > arguments[0] - box.clientHeight;",
        vec![bottom],
        "scrolled up less than a screenful",
    )
    .await?;
    b.press_on_focus(Key::Home).await?;
    b.wait_js_with(
        "return document.querySelector('.cmp-scroll').scrollTop === 0 && \
         document.querySelector('.cmp-table--rows tbody tr[aria-rowindex=\"3\"] th').textContent.trim() === arguments[0];",
        vec![json!(names[0])],
        "back at the first row after Home",
    )
    .await?;
    b.press_on_focus(Key::PageDown).await?;
    b.wait_js(
        "return document.querySelector('.cmp-scroll').scrollTop > 0;",
        "scrolled down a page",
    )
    .await?;
    b.assert_console_clean(&[]).await
}
/// Only the columns near the viewport are drawn, so Tab must reach the others: focusing the
/// last drawn cell scrolls the box sideways, the window moves, and the cells of the row are
/// rewritten in place. Focus has to stay on the cell it was on, and the next Tab go on to the
/// next column, all the way to the last. Then down: when the row slots show other treatments,
/// focus follows its cell, or goes to the scroll box once the cell is no longer drawn.
async fn large_tab_reaches_every_column_and_focus_stays_put(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let site = LargeSite::start(ctx)?;
    site.open(b).await?;
    let first = site
        .all()
        .first()
        .map(|t| t.id.clone())
        .context("no treatments")?;
    let mut columns: Vec<(usize, String)> = Vec::new();
    for attr in &site.large.attributes.attributes {
        columns.push((site.column_of(&attr.id)?, attr.id.clone()));
    }
    columns.sort();
    let cell = b
        .find(
            "//tbody/tr[@aria-rowindex='3']//button[contains(@class,'cmp-cell')]",
            "a cell of the first row",
        )
        .await?;
    b.click(&cell).await?;
    let focused_check = "const el = document.activeElement; \
         const tr = el && el.closest('tr[data-treatment]'); \
         const got = tr && el.matches('button.cmp-cell') \
           ? [tr.dataset.treatment, el.dataset.attribute, el.closest('td').getAttribute('aria-colindex')] : null;";
    let focused = format!("{focused_check} return got;");
    for (place, id) in &columns {
        if *place > 0 {
            b.press_on_focus(Key::Tab).await?;
        }
        // The window catches up in the next frames; wait for it, then read where focus is.
        // The window catches up in the frames after the Tab (the scroll event, then the
        // redraw and the refocus), so wait for focus there, let two frames pass, and check
        // again before the next Tab.
        for _ in 0..2 {
            b.wait_js_with(
                "return !!document.activeElement \
                   && document.activeElement.matches(`button.cmp-cell[data-attribute=\"${arguments[0]}\"]`);",
                vec![json!(id)],
                &format!("focus on column {} ({id})", place + 2),
            )
            .await?;
            b.js_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 0)));",
                vec![],
            )
            .await?;
        }
        expect_eq(
            b.js(&focused, vec![]).await?,
            json!([first, id, (place + 2).to_string()]),
            &format!("the focused cell after {place} Tab presses"),
        )?;
    }
    // The last column is on screen, beside the sticky treatment column.
    let on_screen = b
        .js(
            "const box = document.querySelector('.cmp-scroll').getBoundingClientRect(); \
             const r = document.activeElement.getBoundingClientRect(); \
             return r.left >= box.left && r.right <= box.right + 1;",
            vec![],
        )
        .await?;
    expect_eq(on_screen, json!(true), "the last column's cell on screen")?;

    // Far down, where that cell is no longer drawn: focus goes to the scroll box, never to
    // another treatment's cell in the same row slot.
    scroll_to_row(b, 250).await?;
    b.wait_js(
        "return document.activeElement === document.querySelector('.cmp-scroll');",
        "focus on the scroll box once the focused cell's row is gone",
    )
    .await?;
    // A cell in the middle of the window, then down a row: the row slots now show the next
    // treatments, and focus moves with its cell to the slot above.
    let target = b
        .js(
            "const tr = document.querySelectorAll('.cmp-table--rows tbody tr[aria-rowindex]')[4]; \
             const el = tr.querySelector('button.cmp-cell'); el.focus(); \
             return [tr.dataset.treatment, el.dataset.attribute];",
            vec![],
        )
        .await?;
    let first_drawn = "return document.querySelector('.cmp-table--rows tbody tr[aria-rowindex]').getAttribute('aria-rowindex');";
    let before = b.js(first_drawn, vec![]).await?;
    b.js(
        "const box = document.querySelector('.cmp-scroll'); \
         box.scrollTop += box.querySelector('tbody tr[aria-rowindex]').offsetHeight; return true;",
        vec![],
    )
    .await?;
    b.wait_js_with(
        &format!("{} !== arguments[0]", first_drawn.trim_end_matches(';')),
        vec![before],
        "the window moved down a row",
    )
    .await?;
    b.wait_js_with(
        &format!(
            "{focused_check} return !!got && got[0] === arguments[0] && got[1] === arguments[1];"
        ),
        vec![target[0].clone(), target[1].clone()],
        "focus on the same cell after scrolling down a row",
    )
    .await?;
    site.check_drawn_cells(b).await?;
    b.assert_console_clean(&[]).await
}
