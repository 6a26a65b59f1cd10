//! The two bundles (src/split.rs) in the browser: which pages load which, moving between them
//! at the root and under a sub-path, and a host that serves files by their exact names only.

use anyhow::Context;
use pathways::model::Article;
use pathways_testkit::server::Site;

use crate::browser::{Browser, TestResult};
use crate::compare::{column_headers, Catalog};
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    reading_pages_load_only_the_reading_app,
    the_catalogue_opens_under_a_sub_path,
    catalogue_pages_open_on_a_host_without_html_lookup,
);

const FLAGSHIP: &str = "ketamine-vs-traditional";

/// The wasm files this document loaded, by file name, once its app has started (both loaders
/// set `window.wasmBindings` once the app is running), so a click after this reaches the app
/// and not the prerendered page it replaces.
async fn loaded_wasm(b: &Browser) -> anyhow::Result<Vec<String>> {
    b.wait_js(
        "return typeof window.wasmBindings === 'object';",
        "the page's app started",
    )
    .await?;
    let names = b
        .js(
            "return performance.getEntriesByType('resource').map(e => e.name)\
             .filter(n => n.endsWith('.wasm')).map(n => n.split('/').pop());",
            vec![],
        )
        .await?;
    serde_json::from_value(names).context("wasm file names")
}

fn is_whole_app(wasm: &[String]) -> anyhow::Result<bool> {
    match wasm {
        [one] => Ok(one.starts_with("pathways-full-")),
        other => anyhow::bail!("expected one wasm file, the page loaded {other:?}"),
    }
}

/// The comparison's column headings, once its table is there.
async fn columns(ctx: &Ctx) -> anyhow::Result<Vec<String>> {
    ctx.browser
        .find("//table[contains(@class,'cmp-table')]", "comparison table")
        .await?;
    column_headers(ctx).await
}

async fn reading_pages_load_only_the_reading_app(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article: Article = ctx.content(&format!("articles/{FLAGSHIP}.json"))?;
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    b.heading(&article.meta.title).await?;
    expect_eq(
        is_whole_app(&loaded_wasm(b).await?)?,
        false,
        "an article loads the reading app",
    )?;
    // A catalogue page is a page load into the whole app, at its clean address.
    b.click_link("Treatments").await?;
    b.heading("Treatments").await?;
    expect_eq(
        is_whole_app(&loaded_wasm(b).await?)?,
        true,
        "the treatments page loads the whole app",
    )?;
    expect_eq(
        b.path().await?,
        "/treatments".to_owned(),
        "the treatments page's address",
    )?;
    // The whole app shows reading pages too, without another page load.
    b.mark_document().await?;
    b.click_link("Glossary").await?;
    b.heading("Glossary").await?;
    b.assert_same_document().await?;
    b.back().await?;
    b.heading("Treatments").await?;
    // The hand-over replaced its own history entry: Back goes to the article.
    b.back().await?;
    b.heading(&article.meta.title).await?;
    expect_eq(
        b.path().await?,
        format!("/articles/{FLAGSHIP}"),
        "back at the article",
    )?;
    b.assert_console_clean(&[]).await
}

async fn the_catalogue_opens_under_a_sub_path(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article: Article = ctx.content(&format!("articles/{FLAGSHIP}.json"))?;
    b.goto(&ctx.sub.url(&format!("/pathways/articles/{FLAGSHIP}")))
        .await?;
    b.heading(&article.meta.title).await?;
    b.click_link("Compare").await?;
    let shown = columns(ctx).await?;
    if shown.is_empty() {
        anyhow::bail!("the comparison under /pathways/ shows no treatment");
    }
    expect_eq(
        b.path().await?,
        "/pathways/compare".to_owned(),
        "the comparison's address",
    )?;
    expect_eq(
        is_whole_app(&loaded_wasm(b).await?)?,
        true,
        "the comparison loads the whole app",
    )?;
    b.assert_console_clean(&[]).await
}

async fn catalogue_pages_open_on_a_host_without_html_lookup(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    // `/compare` is answered with index.html, the reading app: it asks for compare.html, and
    // the whole app shows the address the reader asked for.
    let server = Site::new(&ctx.dist)
        .without_service_worker()
        .without_html_lookup()
        .start()
        .context("test server")?;
    let catalogue = Catalog::load(ctx)?;
    b.goto(&server.url("/compare?t=ketamine,opioids")).await?;
    expect_eq(
        columns(ctx).await?,
        vec![catalogue.name("ketamine")?, catalogue.name("opioids")?],
        "the comparison asked for",
    )?;
    expect_eq(
        b.path_and_query().await?,
        "/compare?t=ketamine,opioids".to_owned(),
        "the comparison's address",
    )?;
    b.goto(&server.url("/treatments/ketamine")).await?;
    b.heading(&catalogue.name("ketamine")?).await?;
    expect_eq(
        b.path().await?,
        "/treatments/ketamine".to_owned(),
        "the treatment's address",
    )?;
    // No such page: the fallback answers the file's address too, and the reading app says so
    // instead of asking again.
    b.goto(&server.url("/treatments/no-such-drug")).await?;
    b.text("There is no treatment called “no-such-drug”.")
        .await?;
    expect_eq(
        b.path().await?,
        "/treatments/no-such-drug".to_owned(),
        "the address asked for",
    )?;
    b.assert_console_clean(&[]).await
}
