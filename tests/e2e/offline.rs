//! Offline reading with the service worker (`public/sw.js`): pages seen, pages saved, pages
//! never seen, updates to a new deploy, and a host without a working worker.
//!
//! Each scenario starts its own server, so it is its own origin with its own worker and caches.
//! "Offline" is DevTools' network emulation for the page, and the host not answering at all for
//! the worker (the emulation does not reach service workers); every scenario reconnects before
//! it ends.

use std::future::Future;
use std::path::{Path, PathBuf};

use anyhow::{ensure, Context};
use pathways::model::ContentIndex;
use pathways::offline::{paths, Scope};
use pathways_testkit::server::{Server, Site};
use serde_json::Value;

use crate::browser::{Browser, TestResult};
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    offline_reopens_seen_pages_and_explains_unseen_ones,
    saved_for_offline_every_article_and_compare_open_offline,
    offline_under_a_sub_path_saves_one_article,
    a_new_version_waits_for_reload_and_then_is_used_alone,
    a_missing_or_broken_worker_never_breaks_the_site,
);

const OFFLINE_TITLE: &str = "You are offline: this page has not been saved yet";
/// What Chromium logs for requests made while offline, and for a worker it could not fetch.
const OFFLINE_NOISE: &[&str] = &["ERR_INTERNET_DISCONNECTED", "Failed to fetch"];

fn start(site: Site) -> anyhow::Result<Server> {
    site.start().context("starting a test server")
}

/// Goes offline, runs `steps`, then reconnects whatever happened.
async fn offline_then_online<F: Future<Output = TestResult>>(
    b: &Browser,
    server: &Server,
    steps: F,
) -> TestResult {
    server.set_unreachable(true);
    let result = match b.set_offline(true).await {
        Ok(()) => steps.await,
        Err(e) => Err(e),
    };
    server.set_unreachable(false);
    let online = b.set_offline(false).await;
    result.and(online)
}

/// Waits until the page is controlled by an active worker.
async fn wait_for_worker(b: &Browser) -> TestResult {
    b.wait_js(
        "return !!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated';",
        "the service worker controls the page",
    )
    .await
}

/// The app (not only the prerendered HTML) runs: an in-app link changes the page in place.
async fn app_runs(b: &Browser, link: &str, heading: &str) -> TestResult {
    b.mark_document().await?;
    b.click_link(link).await?;
    b.heading(heading).await?;
    b.assert_same_document().await
}

fn index(ctx: &Ctx) -> anyhow::Result<ContentIndex> {
    let index: ContentIndex = ctx.content("index.json")?;
    ensure!(index.articles.len() >= 3, "expected at least 3 articles");
    Ok(index)
}

async fn offline_reopens_seen_pages_and_explains_unseen_ones(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let server = start(Site::new(&ctx.dist))?;
    let index = index(ctx)?;
    let (seen, unseen) = (&index.articles[0], &index.articles[1]);
    b.goto(&server.url("/")).await?;
    wait_for_worker(b).await?;
    b.goto(&server.url(&format!("/articles/{}", seen.slug)))
        .await?;
    b.heading(&seen.title).await?;
    offline_then_online(b, &server, async {
        b.reload().await?;
        b.heading(&seen.title).await?;
        b.text("On this page").await?;
        app_runs(b, "All articles", "Chronic-pain treatments, explained").await?;
        b.link(&unseen.title).await?;
        // A page load of the home page, offline.
        b.goto(&server.url("/")).await?;
        b.heading("Chronic-pain treatments, explained").await?;
        b.goto(&server.url(&format!("/articles/{}", unseen.slug)))
            .await?;
        b.heading(OFFLINE_TITLE).await?;
        b.heading("Saved for offline").await?;
        b.link(&seen.title).await?;
        b.screenshot_for_review("offline-page").await?;
        b.click_link("Go to the home page").await?;
        b.heading("Chronic-pain treatments, explained").await?;
        expect_eq(b.path().await?, "/".into(), "path after the way back")
    })
    .await?;
    b.assert_console_clean(OFFLINE_NOISE).await
}

async fn saved_for_offline_every_article_and_compare_open_offline(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let server = start(Site::new(&ctx.dist))?;
    let index = index(ctx)?;
    let files = paths(&index, &Scope::Everything).len();
    b.goto(&server.url("/")).await?;
    wait_for_worker(b).await?;
    b.click_button("Save all articles for offline").await?;
    b.text(&format!("Saved for offline: {files} files. Pathways uses "))
        .await?;
    offline_then_online(b, &server, async {
        for article in &index.articles {
            b.goto(&server.url(&format!("/articles/{}", article.slug)))
                .await?;
            b.heading(&article.title).await?;
        }
        b.goto(&server.url("/compare")).await?;
        b.find("//table", "the comparison table").await?;
        app_runs(b, "Glossary", "Glossary").await?;
        let treatment = index
            .articles
            .iter()
            .find_map(|a| a.treatments.first())
            .context("no article names a treatment")?;
        b.goto(&server.url(&format!("/treatments/{treatment}")))
            .await?;
        b.find("//h1", "the treatment's heading").await?;
        let titles = b.js("return document.title;", vec![]).await?;
        ensure!(
            !titles.as_str().unwrap_or_default().contains("offline"),
            "a saved treatment page showed the offline page: {titles}"
        );
        // Saving while offline says so, in words.
        b.goto(&server.url(&format!("/articles/{}", index.articles[0].slug)))
            .await?;
        b.js("return caches.keys().then(async names => { for (const n of names) { const c = await caches.open(n); await c.delete(new URL('content/glossary.json', document.baseURI).href); } return true; });", vec![])
            .await?;
        b.click_button("Save this article for offline").await?;
        b.find_by_text(
            "//*[@role='status'][contains(@class, 'status--error')]",
            "Could not save for offline. You are offline, so nothing more could be saved. Connect to the internet, then try again.",
            "the saving error",
        )
        .await
        .map(|_| ())
    })
    .await?;
    b.assert_console_clean(OFFLINE_NOISE).await
}

async fn offline_under_a_sub_path_saves_one_article(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let server = start(Site::new(&ctx.sub_dist).under("/pathways"))?;
    let index = index(ctx)?;
    let (saved, unseen) = (&index.articles[2], &index.articles[1]);
    b.goto(&server.url("/pathways/")).await?;
    wait_for_worker(b).await?;
    let scope = b
        .js_async(
            "const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistration().then(r => done(r ? r.scope : null));",
            vec![],
        )
        .await?;
    expect_eq(
        scope,
        Value::from(server.url("/pathways/")),
        "the worker's scope",
    )?;
    b.click_link(&saved.title).await?;
    b.heading(&saved.title).await?;
    b.click_button("Save this article for offline").await?;
    let files = paths(&index, &Scope::Article(saved.slug.clone())).len();
    b.text(&format!("Saved for offline: {files} files."))
        .await?;
    offline_then_online(b, &server, async {
        b.goto(&server.url(&format!("/pathways/articles/{}", saved.slug)))
            .await?;
        b.heading(&saved.title).await?;
        app_runs(b, "All articles", "Chronic-pain treatments, explained").await?;
        b.goto(&server.url(&format!("/pathways/articles/{}", unseen.slug)))
            .await?;
        b.heading(OFFLINE_TITLE).await?;
        b.click_link("Go to the home page").await?;
        b.heading("Chronic-pain treatments, explained").await?;
        expect_eq(
            b.path().await?,
            "/pathways/".into(),
            "path after the way back",
        )
    })
    .await?;
    b.assert_console_clean(OFFLINE_NOISE).await
}

/// A copy of the build in `dist` at `to`, without the pre-compressed copies.
fn copy_build(dist: &Path, to: &Path) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(to);
    for entry in std::fs::read_dir(dist).with_context(|| dist.display().to_string())? {
        let path = entry?.path();
        let target = to.join(path.file_name().context("a file without a name")?);
        if path.is_dir() {
            copy_build(&path, &target)?;
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
            std::fs::create_dir_all(to)?;
            std::fs::copy(&path, &target).with_context(|| path.display().to_string())?;
        }
    }
    Ok(())
}

/// Replaces `from` with `to` in every page and content file under `dir`.
fn replace_everywhere(dir: &Path, from: &str, to: &str) -> anyhow::Result<usize> {
    let mut changed = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            changed += replace_everywhere(&path, from, to)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("html" | "json")
        ) {
            let text = std::fs::read_to_string(&path)?;
            if text.contains(from) {
                std::fs::write(&path, text.replace(from, to))?;
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// The next deploy: the build with one article retitled, and a new version in its `sw.js`.
fn next_deploy(ctx: &Ctx, from: &str, to: &str) -> anyhow::Result<PathBuf> {
    let next = ctx.dist.with_file_name("target/e2e/dist-next");
    copy_build(&ctx.dist, &next)?;
    ensure!(
        replace_everywhere(&next, from, to)? > 2,
        "the title was not found"
    );
    let worker = std::fs::read_to_string(next.join("sw.js"))?;
    let at = worker.find("version: \"").context("sw.js has no version")? + "version: \"".len();
    let end = at + worker[at..].find('"').context("unterminated version")?;
    std::fs::write(
        next.join("sw.js"),
        format!(
            "{}next-{}{}",
            &worker[..at],
            &worker[at..end],
            &worker[end..]
        ),
    )?;
    Ok(next)
}

async fn a_new_version_waits_for_reload_and_then_is_used_alone(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let index = index(ctx)?;
    let article = &index.articles[0];
    let retitled = format!("{} (revised)", article.title);
    let next = next_deploy(ctx, &article.title, &retitled)?;
    let server = start(Site::new(&ctx.dist))?;
    let page = server.url(&format!("/articles/{}", article.slug));
    b.goto(&server.url("/")).await?;
    wait_for_worker(b).await?;
    b.goto(&page).await?;
    b.heading(&article.title).await?;
    let caches = "const done = arguments[arguments.length - 1]; caches.keys().then(done);";
    let old = b.js_async(caches, vec![]).await?;

    server.set_root(&next);
    b.goto(&page).await?;
    // Still the old version, whole: its page, and the notice that a new one is ready.
    b.find(
        "//*[@role='status'][contains(normalize-space(), 'A new version of Pathways is ready.')]//button[normalize-space()='Reload']",
        "the new-version notice with its Reload button",
    )
    .await?;
    b.heading(&article.title).await?;
    b.screenshot_for_review("update-notice").await?;
    b.click_button("Reload").await?;
    b.heading(&retitled).await?;
    // After the reload only the new version's cache is left, and every file comes from it.
    let now = b.js_async(caches, vec![]).await?;
    ensure!(
        now.as_array().is_some_and(|n| n.len() == 1) && now != old,
        "caches after the update: {now} (before: {old})"
    );
    app_runs(b, "All articles", "Chronic-pain treatments, explained").await?;
    b.link(&retitled).await?;
    let stale = b
        .js(
            "return [...document.querySelectorAll('a')].filter(a => a.textContent.trim() === arguments[0]).length;",
            vec![Value::from(article.title.clone())],
        )
        .await?;
    expect_eq(stale, Value::from(0), "links with the old title")?;
    b.assert_console_clean(&[]).await
}

async fn a_missing_or_broken_worker_never_breaks_the_site(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let index = index(ctx)?;
    let article = &index.articles[1];
    let without = ctx.dist.with_file_name("target/e2e/dist-no-worker");
    copy_build(&ctx.dist, &without)?;
    std::fs::remove_file(without.join("sw.js"))?;
    let broken = ctx.dist.with_file_name("target/e2e/dist-broken-worker");
    copy_build(&ctx.dist, &broken)?;
    std::fs::write(broken.join("sw.js"), "this is not JavaScript (")?;
    for dir in [&without, &broken] {
        let server = start(Site::new(dir))?;
        b.goto(&server.url("/")).await?;
        b.link(&article.title).await?;
        app_runs(b, &article.title, &article.title).await?;
        let registered = b
            .js_async(
                "const done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistration().then(r => done(!!r));",
                vec![],
            )
            .await?;
        expect_eq(registered, Value::from(false), "a worker registered")?;
    }
    // Chromium reports the worker it could not fetch or run; nothing else may fail.
    b.assert_console_clean(&["sw.js", "ServiceWorker", "unsupported MIME type"])
        .await
}
