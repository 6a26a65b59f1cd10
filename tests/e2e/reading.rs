//! Reading: home, articles, treatments, glossary, about — navigation, deep links, search,
//! glossary popovers, citations, errors.

use anyhow::Context;
use fantoccini::key::Key;
use pathways::model::{Article, Block, ContentIndex, Glossary, Inline, Treatments, SCHEMA_VERSION};
use pathways_testkit::server::Fault;
use serde_json::{json, Value};

use crate::browser::{Query, TestResult};
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    home_to_article_by_click_keeps_the_app_and_moves_focus,
    article_deep_link_with_anchor_focuses_that_heading,
    back_and_forward_restore_pages,
    back_restores_the_scroll_position,
    search_and_tag_live_in_the_url,
    search_with_no_result_offers_to_clear,
    glossary_term_opens_and_closes_by_keyboard,
    citation_links_to_its_reference,
    unknown_article_and_treatment_say_what_was_not_found,
    article_errors_each_have_a_sentence_and_retry,
    treatments_glossary_and_about_render,
);

const FLAGSHIP: &str = "ketamine-vs-traditional";

fn flagship(ctx: &Ctx) -> anyhow::Result<Article> {
    ctx.content(&format!("articles/{FLAGSHIP}.json"))
}

async fn home_to_article_by_click_keeps_the_app_and_moves_focus(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    b.goto(&ctx.root.url("/")).await?;
    b.mark_document().await?;
    b.click_link(&article.meta.title).await?;
    b.find(
        "//h1[normalize-space()=//title/text()] | //main//h1",
        "the article heading",
    )
    .await?;
    b.heading(&article.meta.title).await?;
    b.assert_same_document().await?;
    expect_eq(b.path().await?, format!("/articles/{FLAGSHIP}"), "path")?;
    b.wait_js_with(
        "return document.title === arguments[0];",
        vec![json!(format!("{} · Pathways", article.meta.title))],
        "document.title follows the route",
    )
    .await?;
    b.wait_js(
        "return document.activeElement && document.activeElement.tagName === 'H1';",
        "focus on the main heading",
    )
    .await?;
    b.text("Not medical advice").await?;
    b.text("Last reviewed").await?;
    // No article names a clinical reviewer yet, and none may look as if it had one.
    b.text("Not yet reviewed by a clinician.").await?;
    b.assert_console_clean(&[]).await
}

async fn article_deep_link_with_anchor_focuses_that_heading(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    let (id, text) = article
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { id, text, .. } => Some((id.clone(), text.clone())),
            _ => None,
        })
        .nth(1)
        .context("the flagship has fewer than two headings")?;
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}#{id}")))
        .await?;
    b.heading(&text).await?;
    b.wait_for_focus(&id, "focus on the anchored heading")
        .await?;
    // The table of contents links to the same anchor.
    b.find_by_text("//nav//a", &text, "table of contents entry")
        .await?;
    b.reload().await?;
    b.heading(&text).await?;
    b.assert_console_clean(&[]).await
}

async fn back_and_forward_restore_pages(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    b.goto(&ctx.root.url("/")).await?;
    b.click_link(&article.meta.title).await?;
    b.heading(&article.meta.title).await?;
    // The glossary, like the article, is a page of the reading app: no page load in between
    // (the catalogue's pages are, see split.rs).
    b.click_link("Glossary").await?;
    b.heading("Glossary").await?;
    b.back().await?;
    b.heading(&article.meta.title).await?;
    b.back().await?;
    b.heading("Chronic-pain treatments, explained").await?;
    b.forward().await?;
    b.heading(&article.meta.title).await?;
    expect_eq(
        b.path().await?,
        format!("/articles/{FLAGSHIP}"),
        "path after forward",
    )?;
    // Each content file is fetched at most once per visit, however often its pages are shown;
    // the prerendered home page carries the index, so that one is never fetched.
    let counts = b
        .js(
            "const n = s => performance.getEntriesByType('resource').filter(e => e.name.endsWith(s)).length; \
             return [n('content/index.json'), n('content/glossary.json'), n('ketamine-vs-traditional.json')];",
            vec![],
        )
        .await?;
    expect_eq(
        counts,
        json!([0, 1, 1]),
        "fetches of index, glossary and the article",
    )?;
    b.assert_console_clean(&[]).await
}

async fn back_restores_the_scroll_position(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    b.heading(&article.meta.title).await?;
    b.js("window.scrollTo(0, 1500); return true;", vec![])
        .await?;
    b.wait_js(
        "return Math.abs(window.scrollY - 1500) < 2;",
        "scrolled down",
    )
    .await?;
    // Leave by a link far down the page, as a reader would.
    let related = b
        .find(
            "//section[contains(@class,'related')]//a",
            "a related article",
        )
        .await?;
    b.click_in_place(&related).await?;
    b.wait_js_with(
        "return location.pathname !== arguments[0];",
        vec![json!(format!("/articles/{FLAGSHIP}"))],
        "left the article",
    )
    .await?;
    b.wait_js(
        "return window.scrollY === 0;",
        "the new page starts at the top",
    )
    .await?;
    b.back().await?;
    b.heading(&article.meta.title).await?;
    b.wait_js(
        "return Math.abs(window.scrollY - 1500) < 2;",
        "Back restores the scroll position",
    )
    .await?;
    b.assert_console_clean(&[]).await
}

async fn search_and_tag_live_in_the_url(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let index: ContentIndex = ctx.content("index.json")?;
    let article = flagship(ctx)?;
    // A word that appears only in the flagship's body, not in any title or summary, proves the
    // body is searched.
    b.goto(&ctx.root.url("/?q=nmda")).await?;
    b.link(&article.meta.title).await?;
    let value = b
        .js(
            "return document.getElementById('article-search').value;",
            vec![],
        )
        .await?;
    expect_eq(
        value,
        Value::String("nmda".into()),
        "search box restored from the URL",
    )?;
    let input = b
        .find("//input[@id='article-search']", "search box")
        .await?;
    b.clear(&input).await?;
    b.type_text(&input, "opioid").await?;
    b.wait_for_query(Query::Is("?q=opioid"), "typed query in the URL")
        .await?;
    let tag = index
        .articles
        .iter()
        .flat_map(|a| a.tags.iter())
        .next()
        .context("no tags")?
        .clone();
    b.press_times(&input, Key::Backspace, 6).await?;
    b.wait_for_query(Query::Is(""), "cleared query leaves the URL")
        .await?;
    let chip = b
        .find_by_text(
            "//button[@aria-pressed]",
            &tag.replace('-', " "),
            "tag chip",
        )
        .await?;
    b.click(&chip).await?;
    b.wait_for_query(Query::Is(&format!("?tag={tag}")), "tag in the URL")
        .await?;
    b.find("//button[@aria-pressed='true']", "pressed chip")
        .await?;
    let expected = index
        .articles
        .iter()
        .filter(|a| a.tags.contains(&tag))
        .count();
    let shown = b
        .js(
            "return document.querySelectorAll('.article-list > li').length;",
            vec![],
        )
        .await?;
    expect_eq(shown, Value::from(expected), "articles with the tag")?;
    b.reload().await?;
    b.find(
        "//button[@aria-pressed='true']",
        "pressed chip after reload",
    )
    .await?;
    b.assert_console_clean(&[]).await
}

async fn search_with_no_result_offers_to_clear(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let index: ContentIndex = ctx.content("index.json")?;
    b.goto(&ctx.root.url("/?q=zzqxj")).await?;
    b.text("No article matches this search.").await?;
    b.click_button("Clear the filter").await?;
    b.link(&index.articles[0].title).await?;
    expect_eq(
        b.path_and_query().await?,
        "/".to_string(),
        "URL after clearing",
    )?;
    b.assert_console_clean(&[]).await
}

async fn glossary_term_opens_and_closes_by_keyboard(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    let glossary: Glossary = ctx.content("glossary.json")?;
    let (text, term) = article
        .blocks
        .iter()
        .flat_map(|block| block.runs())
        .find_map(|run| match run {
            Inline::Term { text, term } => Some((text.clone(), term.clone())),
            _ => None,
        })
        .context("the flagship marks no glossary term")?;
    let definition = glossary
        .terms
        .iter()
        .find(|t| t.id == term)
        .context("term missing")?
        .definition
        .clone();
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    let button = b
        .find_by_text("//button[@aria-expanded]", &text, "glossary term button")
        .await?;
    b.press(&button, Key::Enter).await?;
    b.find_by_text("//button[@aria-expanded='true']", &text, "expanded term")
        .await?;
    b.text(&definition).await?;
    let popover_id = b.attribute(&button, "aria-controls").await?;
    b.wait_js_with(
        "return !document.getElementById(arguments[0]).hidden;",
        vec![json!(popover_id)],
        "definition visible",
    )
    .await?;
    b.press_on_focus(Key::Escape).await?;
    b.wait_js_with(
        "return document.getElementById(arguments[0]).hidden;",
        vec![json!(popover_id)],
        "Escape hides the definition",
    )
    .await?;
    b.wait_js_with(
        "return document.activeElement.getAttribute('aria-controls') === arguments[0];",
        vec![json!(popover_id)],
        "focus back on the term",
    )
    .await?;
    b.assert_console_clean(&[]).await
}

async fn citation_links_to_its_reference(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    let first = pathways::model::reading::cited_references(&article)
        .into_iter()
        .next()
        .context("no citations")?;
    let reference = format!("ref-{first}");
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    let cite = b
        .find(
            "//sup[contains(@class,'cite')]/a[normalize-space()='1']",
            "citation [1]",
        )
        .await?;
    b.click(&cite).await?;
    b.wait_js_with(
        "return location.hash === '#' + arguments[0];",
        vec![json!(reference)],
        "URL points at the reference",
    )
    .await?;
    b.wait_for_focus(&reference, "reference focused").await?;
    let rel = b.js("return [...document.querySelectorAll('.references a')].every(a => a.rel === 'noopener noreferrer' && a.href.startsWith('https://'));", vec![]).await?;
    expect_eq(
        rel,
        Value::Bool(true),
        "every reference link is https with rel=noopener noreferrer",
    )?;
    // A deep link to a reference works too, though the list renders after the article.
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}#{reference}")))
        .await?;
    b.wait_for_focus(&reference, "reference focused after a deep link")
        .await?;
    b.assert_console_clean(&[]).await
}

async fn unknown_article_and_treatment_say_what_was_not_found(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    b.goto(&ctx.root.url("/articles/no-such-article")).await?;
    b.heading("Page not found").await?;
    b.text("There is no article called “no-such-article”.")
        .await?;
    b.find("//input[@type='search']", "a search box").await?;
    b.goto(&ctx.root.url("/treatments/no-such-drug")).await?;
    b.text("There is no treatment called “no-such-drug”.")
        .await?;
    b.link("Go to the home page").await?;
    // The missing article file is answered by the host's fallback page; nothing else may log.
    b.assert_console_clean(&[]).await
}

async fn article_errors_each_have_a_sentence_and_retry(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article = flagship(ctx)?;
    let path = format!("/content/articles/{FLAGSHIP}.json");
    let file = ctx.dist.join(&path[1..]);
    let text = std::fs::read_to_string(&file).with_context(|| file.display().to_string())?;
    let cases: Vec<(Fault, &str)> = vec![
        (
            Fault::Body("{\"schema\": 1, \"meta\": ".into()),
            "is damaged and could not be read",
        ),
        (
            Fault::Body(text[..text.len() / 2].to_owned()),
            "is damaged and could not be read",
        ),
        (
            Fault::Body(text.replacen(
                &format!("\"schema\": {SCHEMA_VERSION}"),
                "\"schema\": 99",
                1,
            )),
            "written for a newer version of Pathways",
        ),
        (Fault::Status(503), "(HTTP 503)"),
        // A listed article whose file is missing is a loading error, never "not found".
        (Fault::Status(404), "was not found (content/articles/"),
    ];
    for (fault, message) in cases {
        ctx.root.inject(&path, fault.clone());
        b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
            .await?;
        b.text(message)
            .await
            .with_context(|| format!("{fault:?}"))?;
        ctx.root.clear_faults();
        b.click_button("Try again").await?;
        b.heading(&article.meta.title)
            .await
            .with_context(|| format!("retry after {fault:?}"))?;
    }
    b.assert_console_clean(&["Failed to load resource: the server responded with a status of"])
        .await
}

async fn treatments_glossary_and_about_render(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let treatments: Treatments = ctx.content("treatments.json")?;
    let glossary: Glossary = ctx.content("glossary.json")?;
    b.goto(&ctx.root.url("/treatments")).await?;
    for t in &treatments.treatments {
        b.link(&t.name).await?;
    }
    let first = &treatments.treatments[0];
    b.click_link(&first.name).await?;
    b.heading(&first.name).await?;
    b.text(&first.mechanism).await?;
    b.heading("Compare with…").await?;
    b.text("Pathways has reviewed").await?;
    b.goto(&ctx.root.url("/glossary")).await?;
    for t in glossary.terms.iter().take(5) {
        b.text(&t.definition).await?;
    }
    b.goto(&ctx.root.url(&format!("/glossary#{}", glossary.terms[0].id)))
        .await?;
    b.wait_for_focus(&glossary.terms[0].id, "glossary anchor focused")
        .await?;
    b.goto(&ctx.root.url("/about")).await?;
    b.heading("About Pathways").await?;
    b.heading("Who writes it").await?;
    b.text("It has not yet been reviewed by a clinician.")
        .await?;
    b.heading("References").await?;
    b.text("Not medical advice").await?;
    b.assert_console_clean(&[]).await
}
