//! The comparison tool: picking, sorting, transposing, filtering, baseline, cell details, the
//! address as the whole state, CSV, embedded comparisons, phone layout, accessibility.

use anyhow::{bail, ensure, Context};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use pathways::model::compare::{self, CompareState, View};
use pathways::model::{Attributes, Treatment, Treatments};
use serde_json::{json, Value};

use crate::browser::{Browser, Query, TestResult};
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

pub(crate) struct Catalog {
    treatments: Treatments,
    attributes: Attributes,
}

impl Catalog {
    pub(crate) fn load(ctx: &Ctx) -> anyhow::Result<Catalog> {
        Ok(Catalog {
            treatments: ctx.content("treatments.json")?,
            attributes: ctx.content("attributes.json")?,
        })
    }

    fn all(&self) -> Vec<&Treatment> {
        self.treatments.treatments.iter().collect()
    }

    pub(crate) fn name(&self, id: &str) -> anyhow::Result<String> {
        Ok(self.treatment(id)?.name.clone())
    }

    fn treatment(&self, id: &str) -> anyhow::Result<&Treatment> {
        self.treatments
            .treatments
            .iter()
            .find(|t| t.id == id)
            .with_context(|| format!("no treatment {id}"))
    }

    fn state(&self, query: &str) -> CompareState {
        compare::parse_for(
            query,
            &self.treatments.treatments,
            &self.attributes.attributes,
        )
        .0
    }
}

pub(crate) async fn column_headers(ctx: &Ctx) -> anyhow::Result<Vec<String>> {
    let v = ctx
        .browser
        .js("return [...document.querySelectorAll('.cmp-table--columns thead th.cmp-table__treatment')].map(th => th.textContent.trim());", vec![])
        .await?;
    serde_json::from_value(v).context("column headers")
}

async fn row_headers(ctx: &Ctx) -> anyhow::Result<Vec<String>> {
    let v = ctx
        .browser
        .js("return [...document.querySelectorAll('.cmp-table--rows tbody th[scope=row]')].map(th => th.textContent.trim());", vec![])
        .await?;
    serde_json::from_value(v).context("row headers")
}

fn names(cat: &Catalog, ids: &[&str]) -> anyhow::Result<Vec<String>> {
    ids.iter().map(|id| cat.name(id)).collect()
}

async fn open_compare(ctx: &Ctx, query: &str) -> TestResult {
    ctx.browser
        .goto(&ctx.root.url(&format!("/compare{query}")))
        .await?;
    ctx.browser
        .find(
            "//table[contains(@class,'cmp-table')]",
            "the comparison table",
        )
        .await
        .map(|_| ())
}

/// The sort button in the header of the attribute labelled `label`.
async fn sort_button(b: &Browser, label: &str) -> anyhow::Result<Element> {
    let xpath = format!(
        "//th/button[starts-with(normalize-space(), {})]",
        pathways_testkit::xpath::literal(label)
    );
    b.find(&xpath, &format!("the sort button of {label:?}"))
        .await
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
    let ketamine = cat.treatment("ketamine")?;
    let key = ctx
        .browser
        .find_by_text(
            "//button[contains(@class,'pathway__key')]",
            &ketamine.name,
            "diagram key",
        )
        .await?;
    ctx.browser.click(&key).await?;
    ctx.browser
        .find(
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
    let toggle = b
        .find_by_text("//summary", "Add a treatment", "add toggle")
        .await?;
    b.click(&toggle).await?;
    let search = b
        .find("//input[@id='cmp-picker-search']", "picker search")
        .await?;
    b.type_text(&search, "trama").await?;
    b.click_button(&format!("Add {tramadol}")).await?;
    b.wait_for_query(
        Query::Is("?t=ketamine,opioids,tramadol"),
        "tramadol in the address",
    )
    .await?;
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &["ketamine", "opioids", "tramadol"])?,
        "columns after adding",
    )?;
    b.click_button(&format!("Remove {}", cat.name("opioids")?))
        .await?;
    b.wait_for_query(
        Query::Is("?t=ketamine,tramadol"),
        "opioids removed from the address",
    )
    .await?;
    b.back().await?;
    b.wait_for_query(
        Query::Is("?t=ketamine,opioids,tramadol"),
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
    b.click_button(&label).await?;
    b.wait_for_query(Query::Is("?all=1"), "all in the address")
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
    b.click_button("Choose a selection instead").await?;
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
        .context("no evidence-strength attribute")?;
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
        let button = sort_button(b, &attr.label).await?;
        // Enter on the focused header button sorts (keyboard activation).
        b.press(&button, Key::Enter).await?;
        b.find(
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
        b.wait_for_query(
            Query::Has(&format!("sort=evidence-strength-{}", dir.id())),
            "sort in the address",
        )
        .await?;
    }
    // A third activation (Space) returns to the chosen order.
    let button = sort_button(b, &attr.label).await?;
    b.press(&button, Key::Space).await?;
    b.wait_for_query(Query::Lacks("sort="), "sort cleared")
        .await?;
    let unsorted: Vec<String> = chosen.iter().map(|t| t.name.clone()).collect();
    expect_eq(row_headers(ctx).await?, unsorted, "rows in chosen order")?;
    b.assert_console_clean(&[]).await
}

async fn transpose_and_only_differences(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids,nsaids").await?;
    b.click_button("Show treatments as rows (sortable)").await?;
    b.find("//table[contains(@class,'cmp-table--rows')]", "rows table")
        .await?;
    b.wait_for_query(Query::Has("view=rows"), "view in the address")
        .await?;
    expect_eq(
        row_headers(ctx).await?,
        names(&cat, &["ketamine", "opioids", "nsaids"])?,
        "treatments as rows",
    )?;
    b.click_button("Show treatments as columns").await?;
    b.find(
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
    let only_differences = b
        .find(
            "//label[normalize-space()='Only differences']/input",
            "only differences",
        )
        .await?;
    b.click(&only_differences).await?;
    b.wait_for_query(Query::Has("diff=1"), "diff in the address")
        .await?;
    let state = cat.state("t=ketamine,opioids,nsaids&diff=1");
    let chosen = compare::chosen_treatments(&state, &cat.all());
    let expected: usize = compare::visible_rows(&state, &chosen, &cat.attributes.attributes)
        .iter()
        .map(|g| g.attributes.len())
        .sum();
    b.wait_js_with(
        "return document.querySelectorAll('.cmp-table tbody th[scope=row]').length === arguments[0];",
        vec![json!(expected)],
        "only differing rows",
    )
    .await?;
    ensure!(
        expected < cat.attributes.attributes.len(),
        "only-differences hid nothing: the test data should have equal rows"
    );
    b.assert_console_clean(&[]).await
}

async fn baseline_marks_better_and_worse(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let cat = Catalog::load(ctx)?;
    open_compare(ctx, "?t=ketamine,opioids,nsaids").await?;
    let select = b
        .find(
            "//label[contains(normalize-space(),'Baseline')]/select",
            "baseline select",
        )
        .await?;
    // Opioids as the baseline: ketamine has lower ratings on several of its risk rows, so
    // both directions of mark appear.
    b.select(&select, "opioids").await?;
    b.wait_for_query(Query::Has("base=opioids"), "baseline in the address")
        .await?;
    let state = cat.state("t=ketamine,opioids,nsaids&base=opioids");
    let base = cat.treatment("opioids")?;
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
    ensure!(
        expected != 0,
        "no judgeable cell against opioids in the data"
    );
    b.wait_js_with(
        "return document.querySelectorAll('.cmp-mark').length === arguments[0];",
        vec![json!(expected)],
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
        .treatment("ketamine")?
        .values
        .get("onset")
        .context("no cell")?
        .note
        .clone();
    let button = b
        .find(
            "//*[@data-treatment='ketamine']//button[@data-attribute='onset']",
            "ketamine onset cell",
        )
        .await?;
    b.press(&button, Key::Enter).await?;
    b.find(
        "//*[@data-treatment='ketamine']//button[@data-attribute='onset'][@aria-expanded='true']",
        "expanded cell",
    )
    .await?;
    b.text(&note).await?;
    // Ketamine's onset is not yet reviewed, and the details say what that means.
    b.text("Pathways has not yet checked this against a source.")
        .await?;
    b.press_on_focus(Key::Escape).await?;
    b.find(
        "//*[@data-treatment='ketamine']//button[@data-attribute='onset'][@aria-expanded='false']",
        "collapsed cell",
    )
    .await?;
    b.wait_for_focus_matching(
        "[data-treatment='ketamine'] button[data-attribute='onset']",
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
    b.reload().await?;
    b.find(
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
    let csv = Value::String(b.download_csv().await?);
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
        .context("the flagship embeds no comparison")?;
    b.goto(&ctx.root.url("/articles/ketamine-vs-traditional"))
        .await?;
    // The embedded table shows the article's treatments, and the pathway figure its text equivalent.
    let cat = Catalog::load(ctx)?;
    for id in &treatments {
        b.find_by_text(
            "//figure[contains(@class,'embed--compare')]//thead/tr/th",
            &cat.name(id)?,
            "embedded column",
        )
        .await?;
    }
    b.find(
        "//figure[contains(@class,'pathway')]//li[contains(normalize-space(), ': acts on the')]",
        "pathway text equivalent",
    )
    .await?;
    // The comparison belongs to the whole app (split.rs): the reading app loads its page, and
    // the address stays the clean one.
    b.click_link("Open in the comparison tool").await?;
    b.find("//table[contains(@class,'cmp-table')]", "comparison table")
        .await?;
    expect_eq(
        b.path().await?,
        "/compare".to_owned(),
        "the comparison's address",
    )?;
    let ids: Vec<&str> = treatments.iter().map(String::as_str).collect();
    expect_eq(
        column_headers(ctx).await?,
        names(&cat, &ids)?,
        "the article's treatments",
    )?;
    b.back().await?;
    b.heading(&article.meta.title).await?;
    b.assert_console_clean(&[]).await
}

async fn phone_width_has_no_page_overflow(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.set_window_size(375, 800).await?;
    let result = async {
        for path in ["/", "/articles/ketamine-vs-traditional", "/compare?t=ketamine,opioids,nsaids,gabapentinoids,duloxetine,amitriptyline,tramadol,paracetamol", "/treatments/ketamine", "/glossary"] {
            b.goto(&ctx.root.url(path)).await?;
            b.find("//main//h1", "page heading").await?;
            b.wait_js("return document.readyState === 'complete';", "page loaded").await?;
            let overflow = b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![]).await?;
            expect_eq(overflow, Value::from(0), &format!("horizontal page overflow at 375 px on {path}"))?;
        }
        Ok(())
    }
    .await;
    b.set_window_size(1280, 900).await?;
    result
}

async fn axe_finds_no_serious_violations(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let axe_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path)
        .with_context(|| format!("{} (run `make setup`)", axe_path.display()))?;
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
        b.find("//main//h1", "page heading").await?;
        b.wait_js(
            "return !document.querySelector('.status--loading');",
            "content loaded",
        )
        .await?;
        b.js(&axe, vec![]).await?;
        let result = b
            .js_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') })))).catch(e => done('axe failed: ' + e));",
                vec![],
            )
            .await
            .with_context(|| format!("axe on {path}"))?;
        let violations = result
            .as_array()
            .with_context(|| format!("axe on {path}: {result}"))?;
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
    if !report.is_empty() {
        bail!(
            "axe found serious or critical violations:\n{}",
            report.join("\n")
        );
    }
    Ok(())
}
