//! The comparison tool: picking, sorting, transposing, filtering, baseline, cell details, the
//! address as the whole state, CSV, embedded comparisons, phone layout, accessibility.

use fantoccini::key::Key;
use pathways::model::compare::{self, CompareState, View};
use pathways::model::{Attributes, Treatment, Treatments};
use serde_json::Value;

use crate::browser::TestResult;
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    bare_compare_shows_the_flagship_set,
    pick_and_remove_treatments_with_history,
    sort_rows_by_an_ordinal_attribute,
    compare_all_shows_the_whole_catalogue,
    transpose_and_only_differences,
    baseline_marks_better_and_worse,
    cell_details_open_and_close_by_keyboard,
    full_state_survives_a_reload,
    malformed_address_shows_a_notice,
    csv_download_is_exactly_the_table,
    embedded_comparison_opens_in_the_tool,
    phone_width_has_no_page_overflow,
    axe_finds_no_serious_violations,
);

struct Catalog {
    treatments: Treatments,
    attributes: Attributes,
}

impl Catalog {
    fn load(ctx: &Ctx) -> Result<Catalog, String> {
        Ok(Catalog {
            treatments: ctx.content("treatments.json")?,
            attributes: ctx.content("attributes.json")?,
        })
    }

    fn all(&self) -> Vec<&Treatment> {
        self.treatments.treatments.iter().collect()
    }

    fn name(&self, id: &str) -> Result<String, String> {
        self.treatments
            .treatments
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .ok_or(format!("no treatment {id}"))
    }

    fn state(&self, query: &str) -> CompareState {
        let t: Vec<&str> = self
            .treatments
            .treatments
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let a: Vec<&str> = self
            .attributes
            .attributes
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        compare::parse(query, &t, &a).0
    }
}

async fn column_headers(ctx: &Ctx) -> Result<Vec<String>, String> {
    let v = ctx
        .browser
        .js("return [...document.querySelectorAll('.cmp-table--columns thead th.cmp-table__treatment')].map(th => th.textContent.trim());", vec![])
        .await?;
    serde_json::from_value(v).map_err(|e| e.to_string())
}

async fn row_headers(ctx: &Ctx) -> Result<Vec<String>, String> {
    let v = ctx
        .browser
        .js("return [...document.querySelectorAll('.cmp-table--rows tbody th[scope=row]')].map(th => th.textContent.trim());", vec![])
        .await?;
    serde_json::from_value(v).map_err(|e| e.to_string())
}

fn names(cat: &Catalog, ids: &[&str]) -> Result<Vec<String>, String> {
    ids.iter().map(|id| cat.name(id)).collect()
}

async fn open_compare(ctx: &Ctx, query: &str) -> TestResult {
    ctx.browser
        .goto(&ctx.root.url(&format!("/compare{query}")))
        .await?;
    ctx.browser
        .wait_xpath(
            "//table[contains(@class,'cmp-table')]",
            "the comparison table",
        )
        .await
        .map(|_| ())
}

async fn bare_compare_shows_the_flagship_set(ctx: &Ctx) -> TestResult {
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "").await?;
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &compare::DEFAULT_TREATMENTS)?,
        "default columns",
    )?;
    ctx.browser.heading("Compare treatments").await?;
    // The pathway diagram is drawn from the data: focusing a treatment highlights exactly the
    // stages its `sites` name.
    let ketamine = cat
        .treatments
        .treatments
        .iter()
        .find(|t| t.id == "ketamine")
        .ok_or("no ketamine")?;
    let key = ctx
        .browser
        .wait_xpath(
            &format!(
                "//button[contains(@class,'pathway__key')][normalize-space()={:?}]",
                ketamine.name
            ),
            "diagram key",
        )
        .await?;
    key.click().await.map_err(|e| e.to_string())?;
    ctx.browser
        .wait_xpath(
            "//button[contains(@class,'pathway__key')][@aria-pressed='true']",
            "pressed key",
        )
        .await?;
    let active = ctx
        .browser
        .js(
            "return document.querySelectorAll('.pathway__stage.is-active').length;",
            vec![],
        )
        .await?;
    expect_eq(
        active,
        Value::from(ketamine.sites.len()),
        "highlighted stages",
    )?;
    ctx.browser.assert_console_clean(&[]).await
}

async fn pick_and_remove_treatments_with_history(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids").await?;
    let tramadol = cat.name("tramadol")?;
    b.wait_xpath(
        "//summary[normalize-space()='Add a treatment']",
        "add toggle",
    )
    .await?
    .click()
    .await
    .map_err(|e| e.to_string())?;
    let search = b
        .wait_xpath("//input[@id='cmp-picker-search']", "picker search")
        .await?;
    search.send_keys("trama").await.map_err(|e| e.to_string())?;
    b.button(&format!("Add {tramadol}"))
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    b.wait_js(
        "return location.search === '?t=ketamine,opioids,tramadol';",
        "tramadol in the address",
    )
    .await?;
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &["ketamine", "opioids", "tramadol"])?,
        "columns after adding",
    )?;
    b.wait_xpath(
        &format!("//button[@aria-label='Remove {}']", cat.name("opioids")?),
        "remove button",
    )
    .await?
    .click()
    .await
    .map_err(|e| e.to_string())?;
    b.wait_js(
        "return location.search === '?t=ketamine,tramadol';",
        "opioids removed from the address",
    )
    .await?;
    b.client.back().await.map_err(|e| e.to_string())?;
    b.wait_js(
        "return location.search === '?t=ketamine,opioids,tramadol';",
        "Back restores the removed treatment",
    )
    .await?;
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &["ketamine", "opioids", "tramadol"])?,
        "columns after Back",
    )?;
    b.assert_console_clean(&[]).await
}

async fn compare_all_shows_the_whole_catalogue(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids").await?;
    let label = format!("Compare all {} treatments", cat.treatments.treatments.len());
    b.button(&label)
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    b.wait_js("return location.search === '?all=1';", "all in the address")
        .await?;
    let every: Vec<String> = cat
        .treatments
        .treatments
        .iter()
        .map(|t| t.name.clone())
        .collect();
    expect_eq(
        column_headers(ctx).await?,
        every,
        "every treatment as a column",
    )?;
    b.button("Choose a selection instead")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &compare::DEFAULT_TREATMENTS)?,
        "back to the default selection",
    )?;
    b.assert_console_clean(&[]).await
}

async fn sort_rows_by_an_ordinal_attribute(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    let query =
        "?t=duloxetine,ketamine,lidocaine-topical,gabapentinoids,nsaids,amitriptyline&view=rows";
    open_compare(ctx, query).await?;
    // Evidence strength: most of these treatments have a value, and one is not yet reviewed.
    let attr = cat
        .attributes
        .attributes
        .iter()
        .find(|a| a.id == "evidence-strength")
        .ok_or("no evidence-strength attribute")?;
    let chosen: Vec<&Treatment> = cat
        .state(query)
        .treatments
        .iter()
        .filter_map(|id| cat.treatments.treatments.iter().find(|t| &t.id == id))
        .collect();
    for (dir, aria) in [
        (compare::SortDir::Asc, "ascending"),
        (compare::SortDir::Desc, "descending"),
    ] {
        let button = b
            .wait_xpath(
                &format!(
                    "//th/button[starts-with(normalize-space(), {:?})]",
                    attr.label
                ),
                "evidence header",
            )
            .await?;
        // Enter on the focused header button sorts (keyboard activation).
        button
            .send_keys(&String::from(char::from(Key::Enter)))
            .await
            .map_err(|e| e.to_string())?;
        b.wait_xpath(
            &format!("//th[@aria-sort='{aria}']"),
            "aria-sort on the header",
        )
        .await?;
        let expected: Vec<String> = compare::sort_treatments(&chosen, attr, dir)
            .into_iter()
            .map(|i| chosen[i].name.clone())
            .collect();
        expect_eq(
            row_headers(ctx).await?,
            expected,
            &format!("rows sorted {aria}"),
        )?;
        b.wait_js(
            &format!(
                "return location.search.includes('sort=evidence-strength-{}');",
                dir.id()
            ),
            "sort in the address",
        )
        .await?;
    }
    // A third activation (Space) returns to the chosen order.
    let button = b
        .wait_xpath(
            &format!(
                "//th/button[starts-with(normalize-space(), {:?})]",
                attr.label
            ),
            "evidence header",
        )
        .await?;
    button.send_keys(" ").await.map_err(|e| e.to_string())?;
    b.wait_js("return !location.search.includes('sort=');", "sort cleared")
        .await?;
    let unsorted: Vec<String> = chosen.iter().map(|t| t.name.clone()).collect();
    expect_eq(row_headers(ctx).await?, unsorted, "rows in chosen order")?;
    b.assert_console_clean(&[]).await
}

async fn transpose_and_only_differences(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids,nsaids").await?;
    b.button("Show treatments as rows (sortable)")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    b.wait_xpath("//table[contains(@class,'cmp-table--rows')]", "rows table")
        .await?;
    b.wait_js(
        "return location.search.includes('view=rows');",
        "view in the address",
    )
    .await?;
    expect_eq(
        row_headers(ctx).await?,
        names(&cat, &["ketamine", "opioids", "nsaids"])?,
        "treatments as rows",
    )?;
    b.button("Show treatments as columns")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    b.wait_xpath(
        "//table[contains(@class,'cmp-table--columns')]",
        "columns table",
    )
    .await?;
    let count = "return document.querySelectorAll('.cmp-table tbody th[scope=row]').length;";
    let all = b.js(count, vec![]).await?;
    expect_eq(
        all,
        Value::from(cat.attributes.attributes.len()),
        "rows before filtering",
    )?;
    b.wait_xpath(
        "//label[normalize-space()='Only differences']/input",
        "only differences",
    )
    .await?
    .click()
    .await
    .map_err(|e| e.to_string())?;
    b.wait_js(
        "return location.search.includes('diff=1');",
        "diff in the address",
    )
    .await?;
    let state = cat.state("t=ketamine,opioids,nsaids&diff=1");
    let chosen = compare::chosen_treatments(&state, &cat.all());
    let expected: usize = compare::visible_rows(&state, &chosen, &cat.attributes.attributes)
        .iter()
        .map(|g| g.attributes.len())
        .sum();
    b.wait_js(&format!("return document.querySelectorAll('.cmp-table tbody th[scope=row]').length === {expected};"), "only differing rows").await?;
    if expected >= cat.attributes.attributes.len() {
        return Err("only-differences hid nothing: the test data should have equal rows".into());
    }
    b.assert_console_clean(&[]).await
}

async fn baseline_marks_better_and_worse(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids,nsaids").await?;
    let select = b
        .wait_xpath(
            "//label[contains(normalize-space(),'Baseline')]/select",
            "baseline select",
        )
        .await?;
    // Opioids as the baseline: ketamine has lower ratings on several of its risk rows, so
    // both directions of mark appear.
    select
        .select_by_value("opioids")
        .await
        .map_err(|e| e.to_string())?;
    b.wait_js(
        "return location.search.includes('base=opioids');",
        "baseline in the address",
    )
    .await?;
    let state = cat.state("t=ketamine,opioids,nsaids&base=opioids");
    let base = cat
        .treatments
        .treatments
        .iter()
        .find(|t| t.id == "opioids")
        .ok_or("no opioids")?;
    let mut expected = 0;
    for t in compare::chosen_treatments(&state, &cat.all())
        .into_iter()
        .filter(|t| t.id != "opioids")
    {
        for a in &cat.attributes.attributes {
            if compare::judge(a, base.values.get(&a.id), t.values.get(&a.id)).is_some() {
                expected += 1;
            }
        }
    }
    if expected == 0 {
        return Err("no judgeable cell against opioids in the data".into());
    }
    b.wait_js(
        &format!("return document.querySelectorAll('.cmp-mark').length === {expected};"),
        "one mark per judged cell",
    )
    .await?;
    b.text("better than baseline").await?;
    b.assert_console_clean(&[]).await
}

async fn cell_details_open_and_close_by_keyboard(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids").await?;
    let note = cat
        .treatments
        .treatments
        .iter()
        .find(|t| t.id == "ketamine")
        .and_then(|t| t.values.get("onset"))
        .ok_or("no cell")?
        .note
        .clone();
    let button = b
        .wait_xpath(
            "//button[@id='cell-ketamine--onset']",
            "ketamine onset cell",
        )
        .await?;
    button
        .send_keys(&String::from(char::from(Key::Enter)))
        .await
        .map_err(|e| e.to_string())?;
    b.wait_xpath(
        "//button[@id='cell-ketamine--onset'][@aria-expanded='true']",
        "expanded cell",
    )
    .await?;
    b.text(&note).await?;
    // Ketamine's onset is not yet reviewed, and the details say what that means.
    b.text("Pathways has not yet checked this against a source.")
        .await?;
    let active = b.client.active_element().await.map_err(|e| e.to_string())?;
    active
        .send_keys(&String::from(char::from(Key::Escape)))
        .await
        .map_err(|e| e.to_string())?;
    b.wait_xpath(
        "//button[@id='cell-ketamine--onset'][@aria-expanded='false']",
        "collapsed cell",
    )
    .await?;
    b.wait_js(
        "return document.activeElement.id === 'cell-ketamine--onset';",
        "focus back on the cell",
    )
    .await?;
    b.assert_console_clean(&[]).await
}

async fn full_state_survives_a_reload(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    let query = "?t=ketamine,opioids,nsaids&sort=misuse-potential-desc&base=opioids&diff=1&hide=side-effects&view=rows";
    open_compare(ctx, query).await?;
    b.client.refresh().await.map_err(|e| e.to_string())?;
    b.wait_xpath(
        "//th[@aria-sort='descending']",
        "sorted header after reload",
    )
    .await?;
    let base = b
        .js(
            "return document.querySelector('.cmp-toolbar select').value;",
            vec![],
        )
        .await?;
    expect_eq(base, Value::from("opioids"), "baseline after reload")?;
    let diff = b.js("return [...document.querySelectorAll('.cmp-toolbar input[type=checkbox]')][0].checked;", vec![]).await?;
    expect_eq(diff, Value::Bool(true), "only differences after reload")?;
    let state = cat.state(query);
    expect_eq(
        compare::format(&state),
        query[1..].to_string(),
        "the address is canonical",
    )?;
    expect_eq(state.view, View::Rows, "rows view")?;
    expect_eq(
        b.path_and_query().await?,
        format!("/compare{query}"),
        "address unchanged by loading",
    )?;
    b.assert_console_clean(&[]).await
}

async fn malformed_address_shows_a_notice(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(
        ctx,
        "?t=ketamine,unicorn,opioids&sort=onset-sideways&view=diagonal",
    )
    .await?;
    b.text("Part of this link could not be used").await?;
    b.text("unicorn").await?;
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &["ketamine", "opioids"])?,
        "known treatments kept",
    )?;
    b.assert_console_clean(&[]).await
}

async fn csv_download_is_exactly_the_table(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    let query = "?t=ketamine,opioids&diff=1";
    open_compare(ctx, query).await?;
    b.js(
        "window.__csv = null; const create = URL.createObjectURL; \
         URL.createObjectURL = function (blob) { blob.arrayBuffer().then(b => { window.__csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b); }); return create.call(URL, blob); }; return true;",
        vec![],
    )
    .await?;
    b.button("Download CSV")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    b.wait_js("return typeof window.__csv === 'string';", "CSV captured")
        .await?;
    let csv = b.js("return window.__csv;", vec![]).await?;
    let expected = format!(
        "{}{}",
        compare::EXCEL_BOM,
        compare::table_csv(&cat.state(query), &cat.all(), &cat.attributes.attributes)
    );
    expect_eq(csv, Value::String(expected), "downloaded CSV")?;
    b.text("pathways-comparison.csv").await?;
    b.assert_console_clean(&[]).await
}

async fn embedded_comparison_opens_in_the_tool(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article: pathways::model::Article = ctx.content("articles/ketamine-vs-traditional.json")?;
    let treatments = article
        .blocks
        .iter()
        .find_map(|block| match block {
            pathways::model::Block::Compare { treatments, .. } => Some(treatments.clone()),
            _ => None,
        })
        .ok_or("the flagship embeds no comparison")?;
    b.goto(&ctx.root.url("/articles/ketamine-vs-traditional"))
        .await?;
    // The embedded table shows the article's treatments, and the pathway figure its text equivalent.
    let cat = Catalog::load(ctx)?;
    for id in &treatments {
        let name = cat.name(id)?;
        let xpath = format!(
            "//figure[contains(@class,'embed--compare')]//thead/tr/th[normalize-space()={name:?}]"
        );
        b.wait_xpath(&xpath, "embedded column").await?;
    }
    b.wait_xpath(
        "//figure[contains(@class,'pathway')]//li[contains(normalize-space(), ': acts on the')]",
        "pathway text equivalent",
    )
    .await?;
    b.mark_document().await?;
    b.link("Open in the comparison tool")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    b.wait_xpath("//table[contains(@class,'cmp-table')]", "comparison table")
        .await?;
    b.assert_same_document().await?;
    let ids: Vec<&str> = treatments.iter().map(String::as_str).collect();
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &ids)?,
        "the article's treatments",
    )?;
    b.assert_console_clean(&[]).await
}

async fn phone_width_has_no_page_overflow(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.client
        .set_window_size(375, 800)
        .await
        .map_err(|e| e.to_string())?;
    let result = async {
        for path in ["/", "/articles/ketamine-vs-traditional", "/compare?t=ketamine,opioids,nsaids,gabapentinoids,duloxetine,amitriptyline,tramadol,paracetamol", "/treatments/ketamine", "/glossary"] {
            b.goto(&ctx.root.url(path)).await?;
            b.wait_xpath("//main//h1", "page heading").await?;
            b.wait_js("return document.readyState === 'complete';", "page loaded").await?;
            let overflow = b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![]).await?;
            expect_eq(overflow, Value::from(0), &format!("horizontal page overflow at 375 px on {path}"))?;
        }
        Ok(())
    }
    .await;
    b.client
        .set_window_size(1280, 900)
        .await
        .map_err(|e| e.to_string())?;
    result
}

async fn axe_finds_no_serious_violations(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let axe_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path)
        .map_err(|e| format!("{}: {e} (run `make setup`)", axe_path.display()))?;
    let mut report = Vec::new();
    for path in [
        "/",
        "/articles/ketamine-vs-traditional",
        "/treatments",
        "/treatments/ketamine",
        "/compare?base=ketamine",
        "/compare?view=rows&sort=onset-asc",
        "/glossary",
        "/about",
        "/no-such-page",
    ] {
        b.goto(&ctx.root.url(path)).await?;
        b.wait_xpath("//main//h1", "page heading").await?;
        b.wait_js(
            "return !document.querySelector('.status--loading');",
            "content loaded",
        )
        .await?;
        b.js(&axe, vec![]).await?;
        let result = b
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))).catch(e => done('axe failed: ' + e));",
                vec![],
            )
            .await
            .map_err(|e| format!("axe on {path}: {e}"))?;
        let violations = result
            .as_array()
            .ok_or(format!("axe on {path}: {result}"))?;
        let serious: Vec<&Value> = violations
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        println!(
            "    axe {path}: {} violations ({} serious or critical)",
            violations.len(),
            serious.len()
        );
        if !serious.is_empty() {
            report.push(format!("{path}: {serious:?}"));
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "axe found serious or critical violations:\n{}",
            report.join("\n")
        ))
    }
}
