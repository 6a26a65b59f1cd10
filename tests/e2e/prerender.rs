//! Prerendered pages: each route answers 200 with its own HTML in every hosting mode, reads
//! completely without JavaScript, is taken over by the app without a reload, and prints whole.

use std::io::{Read, Write};

use anyhow::{bail, ensure, Context};
use pathways::model::{Article, Block, ContentIndex, Inline, Treatments};
use pathways_testkit::server::Server;

use crate::browser::TestResult;
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    every_route_answers_200_with_its_own_title_in_every_hosting_mode,
    pages_read_completely_without_javascript,
    the_app_takes_over_a_prerendered_article,
    printing_keeps_glossary_words_and_table_values,
);

const FLAGSHIP: &str = "ketamine-vs-traditional";

/// A plain HTTP GET, as a crawler or link preview makes it: the status and the whole answer.
fn get(server: &Server, path: &str) -> anyhow::Result<(u16, String)> {
    let url = server.url(path);
    let rest = url.strip_prefix("http://").context("not an http URL")?;
    let (host, target) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut stream = std::net::TcpStream::connect(host).with_context(|| url.clone())?;
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .with_context(|| url.clone())?;
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .with_context(|| url.clone())?;
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("{url}: no status line"))?;
    Ok((status, answer))
}

fn title_of(html: &str) -> Option<&str> {
    let start = html.find("<title>")? + "<title>".len();
    let end = html[start..].find("</title>")? + start;
    Some(&html[start..end])
}

/// Every app path with the title its page must carry.
fn routes(ctx: &Ctx) -> anyhow::Result<Vec<(String, String)>> {
    let index: ContentIndex = ctx.content("index.json")?;
    let treatments: Treatments = ctx.content("treatments.json")?;
    let mut all = vec![(
        "/".to_owned(),
        "Pathways — chronic-pain treatments, explained".to_owned(),
    )];
    for a in &index.articles {
        all.push((
            format!("/articles/{}", a.slug),
            format!("{} · Pathways", a.title),
        ));
    }
    all.push(("/treatments".into(), "Treatments · Pathways".into()));
    for t in &treatments.treatments {
        all.push((
            format!("/treatments/{}", t.id),
            format!("{} · Pathways", t.name),
        ));
    }
    for (path, title) in [
        ("/glossary", "Glossary"),
        ("/about", "About"),
        ("/compare", "Compare treatments"),
    ] {
        all.push((path.into(), format!("{title} · Pathways")));
    }
    Ok(all)
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn every_route_answers_200_with_its_own_title_in_every_hosting_mode(ctx: &Ctx) -> TestResult {
    for (path, title) in routes(ctx)? {
        for (server, prefix) in [(&ctx.root, ""), (&ctx.sub, "/pathways"), (&ctx.pages, "")] {
            let (status, html) = get(server, &format!("{prefix}{path}"))?;
            expect_eq(status, 200, &format!("status of {prefix}{path}"))?;
            let found = title_of(&html).map(unescape);
            expect_eq(
                found.as_deref(),
                Some(title.as_str()),
                &format!("title of {prefix}{path}"),
            )?;
        }
    }
    // Unknown paths still get the not-found page, with a 404 where the host says so.
    let (status, html) = get(&ctx.pages, "/no-such-page")?;
    expect_eq(status, 404, "status of an unknown path")?;
    expect_eq(
        title_of(&html),
        Some("Page not found · Pathways"),
        "title of an unknown path",
    )
}

async fn pages_read_completely_without_javascript(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article: Article = ctx.content(&format!("articles/{FLAGSHIP}.json"))?;
    let treatments: Treatments = ctx.content("treatments.json")?;
    b.set_javascript(false).await?;
    let result = async {
        b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
            .await?;
        b.heading(&article.meta.title).await?;
        for block in &article.blocks {
            if let Block::Heading { text, .. } = block {
                b.heading(text).await?;
            }
        }
        let first = article.blocks.iter().find_map(|b| match b {
            Block::Paragraph { runs } => runs.iter().find_map(|r| match r {
                Inline::Text { text } if text.trim().len() > 20 => Some(text.trim().to_owned()),
                _ => None,
            }),
            _ => None,
        });
        b.text(&first.context("no paragraph text")?).await?;
        b.heading("References").await?;
        b.find("//a[contains(@href, 'doi.org')]", "a DOI link")
            .await?;
        b.heading("Words explained in this article").await?;
        b.text("Not medical advice.").await?;
        b.text("Last reviewed").await?;
        b.find("//figure//table", "the embedded comparison as a table")
            .await?;

        b.goto(&ctx.root.url("/glossary")).await?;
        b.heading("Glossary").await?;
        let treatment = treatments.treatments.first().context("no treatment")?;
        b.goto(&ctx.root.url(&format!("/treatments/{}", treatment.id)))
            .await?;
        b.heading(&treatment.name).await?;
        b.goto(&ctx.root.url("/compare")).await?;
        b.heading("Compare treatments").await?;
        b.find(
            "//table[contains(@class, 'cmp-table')]//td",
            "the default comparison table",
        )
        .await?;
        b.text("need JavaScript").await
    }
    .await;
    b.set_javascript(true).await?;
    result
}

async fn the_app_takes_over_a_prerendered_article(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let index: ContentIndex = ctx.content("index.json")?;
    let article = index.get(FLAGSHIP).context("no flagship")?;
    let related = article
        .related
        .first()
        .and_then(|s| index.get(s))
        .context("no related article")?;
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    b.mark_document().await?;
    // The app has taken over once a glossary term responds.
    b.wait_js(
        "const t = document.querySelector('.term__button'); if (t && t.getAttribute('aria-expanded') !== 'true') t.click(); \
         return !!t && t.getAttribute('aria-expanded') === 'true';",
        "a glossary term opens its definition",
    )
    .await?;
    b.click_link(&related.title).await?;
    b.heading(&related.title).await?;
    b.assert_same_document().await?;
    b.back().await?;
    b.heading(&article.title).await?;
    b.assert_same_document().await?;
    b.assert_console_clean(&[]).await
}

/// The visible text of the article body, in single spaces, as it prints.
async fn printed_article(ctx: &Ctx) -> anyhow::Result<String> {
    let b = &ctx.browser;
    b.emulate_media("print").await?;
    let printed = b
        .js(
            "return document.querySelector('.article__body').innerText;",
            vec![],
        )
        .await;
    b.emulate_media("").await?;
    Ok(printed?
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" "))
}

/// How many characters of values the comparison table shows (sort arrows and spaces aside), on
/// screen and on paper.
async fn table_characters_on_screen_and_paper(ctx: &Ctx) -> anyhow::Result<(u64, u64)> {
    let b = &ctx.browser;
    let text = "const t = document.querySelector('.cmp-table'); return t.innerText.replace(/[↕▲▼▸▾\\s]/g, '').length;";
    let screen = b.js(text, vec![]).await?.as_u64().unwrap_or(0);
    b.emulate_media("print").await?;
    let paper = b.js(text, vec![]).await;
    b.emulate_media("").await?;
    Ok((screen, paper?.as_u64().unwrap_or(0)))
}

async fn printing_keeps_glossary_words_and_table_values(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article: Article = ctx.content(&format!("articles/{FLAGSHIP}.json"))?;
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    b.heading(&article.meta.title).await?;
    let printed = printed_article(ctx).await?;
    for block in &article.blocks {
        for run in block.runs() {
            if let Inline::Term { text, .. } = run {
                let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
                ensure!(
                    printed.contains(&words),
                    "the printed article lacks the glossary word {words:?}"
                );
            }
        }
    }

    b.goto(&ctx.root.url("/compare?base=ketamine")).await?;
    b.find(
        "//table[contains(@class, 'cmp-table')]//td",
        "the comparison table",
    )
    .await?;
    let (screen, paper) = table_characters_on_screen_and_paper(ctx).await?;
    if screen == 0 || paper < screen {
        bail!("the printed table has {paper} characters, the screen {screen}");
    }
    Ok(())
}
