//! The app shell in all three hosting modes, and the one way errors are shown.

use anyhow::ensure;
use pathways_testkit::server::Fault;

use crate::browser::TestResult;
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    shell_renders,
    home_lists_every_index_entry,
    unknown_path_shows_not_found_with_a_way_home,
    sub_path_hosting_works,
    not_found_page_hosting_opens_deep_links,
    html_instead_of_json_reads_as_not_found_and_retry_works,
    server_error_shows_message_and_retry_works,
);

/// Titles listed in the built `content/index.json`.
fn index_titles(ctx: &Ctx) -> anyhow::Result<Vec<String>> {
    let index: pathways::model::ContentIndex = ctx.content("index.json")?;
    ensure!(
        !index.articles.is_empty(),
        "content/index.json lists no articles"
    );
    Ok(index.articles.into_iter().map(|a| a.title).collect())
}

async fn shell_renders(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.goto(&ctx.root.url("/")).await?;
    b.link("Pathways").await?;
    b.find(
        "//nav[@aria-label='Main']//a[@aria-current='page']",
        "the current page marked in the navigation",
    )
    .await?;
    b.heading("Chronic-pain treatments, explained").await?;
    b.text("not medical advice").await?;
    b.link("Skip to content").await?;
    b.assert_console_clean(&[]).await
}

async fn home_lists_every_index_entry(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.goto(&ctx.root.url("/")).await?;
    for title in index_titles(ctx)? {
        b.link(&title).await?;
    }
    b.assert_console_clean(&[]).await
}

async fn unknown_path_shows_not_found_with_a_way_home(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.goto(&ctx.root.url("/no/such/page")).await?;
    b.heading("Page not found").await?;
    b.text("/no/such/page").await?;
    b.click_link("Go to the home page").await?;
    b.heading("Chronic-pain treatments, explained").await?;
    expect_eq(
        b.path().await?,
        "/".into(),
        "path after following the home link",
    )?;
    b.assert_console_clean(&[]).await
}

async fn sub_path_hosting_works(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.goto(&ctx.sub.url("/pathways/")).await?;
    let first = index_titles(ctx)?.remove(0);
    b.link(&first).await?;
    b.goto(&ctx.sub.url("/pathways/no-such-page")).await?;
    b.heading("Page not found").await?;
    b.click_link("Go to the home page").await?;
    b.link(&first).await?;
    expect_eq(
        b.path().await?,
        "/pathways/".into(),
        "path after following the home link",
    )?;
    b.assert_console_clean(&[]).await
}

async fn not_found_page_hosting_opens_deep_links(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.goto(&ctx.pages.url("/")).await?;
    let first = index_titles(ctx)?.remove(0);
    b.link(&first).await?;
    // The host answers this deep link with 404.html and a 404 status; the app still opens on it.
    b.goto(&ctx.pages.url("/some/deep/link")).await?;
    b.heading("Page not found").await?;
    b.text("/some/deep/link").await?;
    b.click_link("Go to the home page").await?;
    b.link(&first).await?;
    // The 404 status of the document itself is logged by Chromium; nothing else may be.
    b.assert_console_clean(&["404 (Not Found)"]).await
}

async fn html_instead_of_json_reads_as_not_found_and_retry_works(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    ctx.root.inject("/content/index.json", Fault::Html);
    b.goto(&ctx.root.url("/")).await?;
    b.heading("Something went wrong").await?;
    b.text("was not found (content/index.json)").await?;
    ctx.root.clear_faults();
    b.click_button("Try again").await?;
    let first = index_titles(ctx)?.remove(0);
    b.link(&first).await?;
    b.assert_console_clean(&[]).await
}

async fn server_error_shows_message_and_retry_works(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    ctx.root.inject("/content/index.json", Fault::Status(500));
    b.goto(&ctx.root.url("/")).await?;
    b.heading("Something went wrong").await?;
    b.text("(HTTP 500)").await?;
    // The retry answers slowly: the notice says a retry is under way until the list replaces it.
    ctx.root.inject(
        "/content/index.json",
        Fault::Stall(std::time::Duration::from_secs(2)),
    );
    b.click_button("Try again").await?;
    b.text("Trying again…").await?;
    let first = index_titles(ctx)?.remove(0);
    b.link(&first).await?;
    b.assert_console_clean(&[
        "content/index.json - Failed to load resource: the server responded with a status of 500",
    ])
    .await
}
