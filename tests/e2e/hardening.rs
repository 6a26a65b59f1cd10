//! Hardening: the Content-Security-Policy as built and as enforced, every content file failing
//! in every way (with a sentence and a working "Try again"), slow and stalled requests, aborting
//! on navigation, and hostile content that must stay inert text.

use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use pathways::model::{Article, Block, Glossary, Inline, SCHEMA_VERSION};
use pathways_testkit::server::Fault;
use serde_json::{json, Value};

use crate::browser::{poll_until, TestResult};
use crate::{expect_eq, scenarios, Ctx};

scenarios!(
    csp_is_built_into_both_pages_and_headers,
    csp_lets_the_app_boot_and_blocks_injected_code,
    catalogue_file_errors_each_have_a_sentence_and_retry,
    stalled_request_says_slow_then_times_out_then_retry_works,
    navigating_away_aborts_a_request_in_flight,
    hostile_article_and_glossary_text_stays_inert,
    hostile_compare_addresses_show_notices_not_crashes,
);

const FLAGSHIP: &str = "ketamine-vs-traditional";
const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned=1\">";
const JS_URL: &str = "javascript:window.__pwned=1";
/// Failed requests the browser logs by itself; nothing else may reach the console.
const FAILED_LOAD: &str = "Failed to load resource: the server responded with a status of";

fn read(path: &std::path::Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| path.display().to_string())
}

/// The `content="…"` of the policy's meta tag.
fn meta_policy(html: &str) -> anyhow::Result<String> {
    let at = html
        .find("http-equiv=\"Content-Security-Policy\"")
        .context("no Content-Security-Policy meta tag")?;
    let tag = &html[html[..at].rfind('<').context("no tag start")?..];
    let tag = &tag[..tag.find('>').context("no tag end")?];
    let start = tag.find(" content=\"").context("no content attribute")? + 10;
    let end = start + tag[start..].find('"').context("content not closed")?;
    Ok(tag[start..end].to_owned())
}

/// The text of every `<script>` without `src` that runs, exactly as the browser hashes it. JSON
/// data blocks (the content a prerendered page carries, JSON-LD) never run, so need no hash.
fn inline_scripts(html: &str) -> Vec<String> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = start + rest[start..].find('>').unwrap_or(0);
        let close = tag_end + rest[tag_end..].find("</script>").unwrap_or(0);
        let tag = &rest[start..tag_end];
        if !tag.contains(" src=") && !tag.contains("json\"") {
            scripts.push(rest[tag_end + 1..close].to_owned());
        }
        rest = &rest[close..];
        if rest.len() < "</script>".len() {
            break;
        }
        rest = &rest["</script>".len()..];
    }
    scripts
}

fn directive<'a>(policy: &'a str, name: &str) -> Option<&'a str> {
    policy
        .split(';')
        .map(str::trim)
        .find(|d| d.split_whitespace().next() == Some(name))
}

async fn csp_is_built_into_both_pages_and_headers(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    // Any page will do: the browser only computes hashes here.
    b.goto(&ctx.root.url("/about")).await?;
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dist in [ctx.dist.clone(), manifest.join("target/e2e/dist-pathways")] {
        let index = read(&dist.join("index.html"))?;
        let policy = meta_policy(&index)?;
        // Every prerendered page is index.html around other content: the same policy.
        for page in ["404.html", "about.html", "compare.html"] {
            let other = read(&dist.join(page))?;
            expect_eq(
                meta_policy(&other)?,
                policy.clone(),
                &format!("{page} has index.html's policy"),
            )?;
        }
        let head = &index[..index.find("</head>").context("no </head>")?];
        ensure!(
            head.find("Content-Security-Policy") <= head.find("<script"),
            "the policy's meta tag must come before every script"
        );
        for expected in [
            "default-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
        ] {
            let name = expected.split(' ').next().unwrap_or_default();
            expect_eq(directive(&policy, name), Some(expected), name)?;
        }
        for forbidden in ["unsafe-inline", "'unsafe-eval'", "unsafe-hashes", "*"] {
            ensure!(
                !policy.contains(forbidden),
                "the policy allows {forbidden}: {policy}"
            );
        }
        // script-src: 'self', wasm compilation, and one hash per inline script, computed here
        // by the browser itself.
        let scripts = inline_scripts(&index);
        ensure!(!scripts.is_empty(), "no inline loader script in index.html");
        let mut expected = "script-src 'self' 'wasm-unsafe-eval'".to_owned();
        for script in &scripts {
            let hash = sha256_in_browser(ctx, script).await?;
            expected.push_str(&format!(" 'sha256-{hash}'"));
        }
        expect_eq(
            directive(&policy, "script-src"),
            Some(expected.as_str()),
            &format!("script-src of {}", dist.display()),
        )?;
        // Trunk's subresource integrity stays.
        for link in [
            "rel=\"modulepreload\"",
            "rel=\"stylesheet\"",
            "rel=\"preload\"",
        ] {
            let at = index
                .find(link)
                .with_context(|| format!("no {link} link"))?;
            let tag = &index[index[..at].rfind('<').unwrap_or(0)..];
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            ensure!(
                tag.contains("integrity=\"sha384-"),
                "{link} lost its integrity attribute: {tag}"
            );
        }
        // The headers file says the same, and more.
        let headers = read(&dist.join("_headers"))?;
        let line = format!("  Content-Security-Policy: {policy}\n");
        for expected in [
            line.as_str(),
            "/*\n",
            "  X-Content-Type-Options: nosniff\n",
            "  Referrer-Policy: strict-origin-when-cross-origin\n",
            "/*.wasm\n  Content-Type: application/wasm\n",
        ] {
            ensure!(
                headers.contains(expected),
                "{}/_headers lacks {expected:?}:\n{headers}",
                dist.display()
            );
        }
    }
    b.assert_console_clean(&[]).await
}

/// SHA-256 (base64) of `text`, computed by the browser.
async fn sha256_in_browser(ctx: &Ctx, text: &str) -> anyhow::Result<String> {
    let value = ctx
        .browser
        .js_async(
            "const done = arguments[arguments.length - 1];
             crypto.subtle.digest('SHA-256', new TextEncoder().encode(arguments[0]))
               .then(d => done(btoa(String.fromCharCode(...new Uint8Array(d)))), e => done('error: ' + e));",
            vec![json!(text)],
        )
        .await
        .context("hashing in the browser")?;
    match value {
        Value::String(h) if !h.starts_with("error") => Ok(h),
        other => bail!("hashing in the browser: {other}"),
    }
}

async fn csp_lets_the_app_boot_and_blocks_injected_code(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let policy = meta_policy(&read(&ctx.dist.join("index.html"))?)?;
    // Every hosting mode boots under the policy, with nothing refused on the console.
    for url in [
        ctx.root.url(&format!("/articles/{FLAGSHIP}")),
        ctx.sub.url("/pathways/glossary"),
        ctx.pages.url("/treatments"),
    ] {
        b.goto(&url).await?;
        b.find("//main//h1", &format!("the app on {url}")).await?;
        let live = b
            .js(
                "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
                 return m && m.content;",
                vec![],
            )
            .await?;
        if url.starts_with(&ctx.root.origin) {
            expect_eq(live, Value::String(policy.clone()), "policy in the page")?;
        }
        b.assert_console_clean(&["404 (Not Found)"]).await?;
    }
    // The policy is enforced: an injected inline script and an inline style attribute are
    // refused, while the app's own CSSOM use stays allowed.
    b.goto(&ctx.root.url("/about")).await?;
    b.heading("About Pathways").await?;
    let result = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             const seen = [];
             document.addEventListener('securitypolicyviolation', e => seen.push(e.effectiveDirective));
             const s = document.createElement('script');
             s.textContent = 'window.__injected = 1';
             document.head.appendChild(s);
             const p = document.createElement('p');
             p.setAttribute('style', 'color: rgb(1, 2, 3)');
             document.body.appendChild(p);
             const q = document.createElement('p');
             q.style.color = 'rgb(4, 5, 6)';
             document.body.appendChild(q);
             setTimeout(() => done({
               injected: window.__injected === 1,
               styleAttribute: getComputedStyle(p).color === 'rgb(1, 2, 3)',
               cssom: getComputedStyle(q).color === 'rgb(4, 5, 6)',
               seen: seen.sort(),
             }), 300);",
            vec![],
        )
        .await
        .context("probing the policy")?;
    expect_eq(
        result,
        json!({
            "injected": false,
            "styleAttribute": false,
            "cssom": true,
            "seen": ["script-src-elem", "style-src-attr"],
        }),
        "what the policy let through",
    )?;
    // The two refusals above are the only console errors.
    b.assert_console_clean(&["Content Security Policy"]).await
}

/// A JSON value nested `depth` levels deep.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// Every way a content file can fail, with the words the reader must see.
fn faults_for(file: &str, real: &str) -> Vec<(Fault, &'static str)> {
    let key = file.trim_end_matches(".json");
    let oversized = format!(
        "{}{}",
        real.trim_end(),
        " ".repeat(pathways::api::MAX_BYTES + 1 - real.trim_end().len())
    );
    let deep = |depth| real.replacen('{', &format!("{{\"extra\": {},", nested(depth)), 1);
    let newer = real.replacen(
        &format!("\"schema\": {SCHEMA_VERSION}"),
        &format!("\"schema\": {}", SCHEMA_VERSION + 1),
        1,
    );
    vec![
        (
            Fault::Body(format!("{{\"schema\": 1, \"{key}\": [")),
            "is damaged and could not be read",
        ),
        (
            Fault::Body(real[..real.len() / 2].to_owned()),
            "is damaged and could not be read",
        ),
        (Fault::Html, "was not found (content/"),
        (Fault::Status(404), "was not found (content/"),
        (Fault::Status(500), "(HTTP 500)"),
        (
            Fault::Body(oversized.clone()),
            "is too large to be a Pathways file",
        ),
        (
            Fault::Unsized(oversized),
            "is too large to be a Pathways file",
        ),
        (Fault::Body(deep(40)), "is damaged and could not be read"),
        (Fault::Body(deep(5000)), "is damaged and could not be read"),
        (
            Fault::Body(newer),
            "written for a newer version of Pathways",
        ),
    ]
}

fn describe(fault: &Fault) -> String {
    let text = format!("{fault:?}");
    if text.len() > 80 {
        format!(
            "{}…",
            &text[..text.char_indices().nth(80).map_or(text.len(), |(i, _)| i)]
        )
    } else {
        text
    }
}

async fn catalogue_file_errors_each_have_a_sentence_and_retry(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let glossary: Glossary = ctx.content("glossary.json")?;
    let treatments: pathways::model::Treatments = ctx.content("treatments.json")?;
    let references: pathways::model::References = ctx.content("references.json")?;
    // (page, file, something only the loaded file shows)
    let pages = [
        (
            "/treatments",
            "treatments.json",
            treatments.treatments[0].name.clone(),
        ),
        (
            "/glossary",
            "glossary.json",
            glossary.terms[0].definition.clone(),
        ),
        (
            "/about",
            "references.json",
            references.references[0].citation.clone(),
        ),
    ];
    for (page, file, loaded) in pages {
        let real = read(&ctx.dist.join("content").join(file))?;
        for (fault, message) in faults_for(file, &real) {
            let what = format!("{file} answered with {}", describe(&fault));
            ctx.root.inject(&format!("/content/{file}"), fault);
            b.goto(&ctx.root.url(page)).await?;
            b.heading("Something went wrong")
                .await
                .with_context(|| what.clone())?;
            b.text(message).await.with_context(|| what.clone())?;
            ctx.root.clear_faults();
            b.click_button("Try again").await?;
            b.text(&loaded)
                .await
                .with_context(|| format!("retry after {what}"))?;
            b.assert_console_clean(&[FAILED_LOAD])
                .await
                .with_context(|| what.clone())?;
        }
    }
    Ok(())
}

/// Whether the page shows `text` right now.
async fn shows(ctx: &Ctx, text: &str) -> anyhow::Result<bool> {
    let v = ctx
        .browser
        .js(
            "return document.body.innerText.includes(arguments[0]);",
            vec![json!(text)],
        )
        .await?;
    Ok(v == Value::Bool(true))
}

async fn stalled_request_says_slow_then_times_out_then_retry_works(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let glossary: Glossary = ctx.content("glossary.json")?;
    let path = "/content/glossary.json";
    let slow = "This is taking longer than usual…";
    ctx.root.take_abandoned();
    ctx.root.inject(path, Fault::Stall(Duration::from_secs(12)));
    b.goto(&ctx.root.url("/glossary")).await?;
    b.text("Loading the glossary…").await?;
    // The loading view and the request start together; time both from here.
    let started = Instant::now();
    if shows(ctx, slow).await? {
        bail!("said it was slow after only {:?}", started.elapsed());
    }
    b.text(slow).await?;
    let slow_at = started.elapsed();
    ensure!(
        (Duration::from_millis(2000)..Duration::from_secs(6)).contains(&slow_at),
        "said it was slow after {slow_at:?}, expected about 3 s"
    );
    // The message is in the polite live region, not an alert.
    let polite = b
        .js(
            "const s = [...document.querySelectorAll('[role=status]')]
               .find(e => e.textContent.includes('taking longer'));
             return !!s && s.getAttribute('aria-live') === 'polite';",
            vec![],
        )
        .await?;
    expect_eq(polite, Value::Bool(true), "slow message in a polite status")?;
    b.text("The server took too long to answer.").await?;
    let timed_out_at = started.elapsed();
    ensure!(
        (Duration::from_millis(9000)..Duration::from_millis(11_500)).contains(&timed_out_at),
        "timed out after {timed_out_at:?}, expected about 10 s"
    );
    b.heading("Something went wrong").await?;
    // The request was aborted, not just ignored: the server saw the client hang up.
    aborted(ctx, path, "the timed-out request is aborted").await?;
    ctx.root.clear_faults();
    b.click_button("Try again").await?;
    b.text(&glossary.terms[0].definition).await?;
    b.assert_console_clean(&[]).await
}

async fn navigating_away_aborts_a_request_in_flight(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let article: Article = ctx.content(&format!("articles/{FLAGSHIP}.json"))?;
    let path = format!("/content/articles/{FLAGSHIP}.json");
    ctx.root.take_abandoned();
    b.goto(&ctx.root.url("/")).await?;
    b.link(&article.meta.title).await?;
    ctx.root
        .inject(&path, Fault::Stall(Duration::from_secs(12)));
    b.mark_document().await?;
    b.click_link(&article.meta.title).await?;
    b.text("Loading the article…").await?;
    b.click_link("Glossary").await?;
    b.heading("Glossary").await?;
    aborted(ctx, &path, "leaving the page aborts the article's request").await?;
    // Coming back starts a fresh request, which now succeeds.
    ctx.root.clear_faults();
    b.back().await?;
    b.heading(&article.meta.title).await?;
    b.assert_same_document().await?;
    b.assert_console_clean(&[]).await
}

/// Waits up to 3 s for the server to see the client hang up on a stalled request for `path`.
async fn aborted(ctx: &Ctx, path: &str, what: &str) -> TestResult {
    poll_until(what, Duration::from_secs(3), || async move {
        Ok(ctx.root.take_abandoned().iter().any(|p| p == path))
    })
    .await
}

/// `text` with every kind of markup a hostile file might carry, tagged so each field is found.
fn hostile(tag: &str) -> String {
    format!("{tag} {SCRIPT} {IMG} {JS_URL}")
}

fn hostile_runs(tag: &str) -> Vec<Inline> {
    vec![
        Inline::Text {
            text: hostile(&format!("{tag}-TEXT")),
        },
        Inline::Emphasis {
            text: hostile(&format!("{tag}-EM")),
        },
        Inline::Strong {
            text: hostile(&format!("{tag}-STRONG")),
        },
        Inline::ExternalLink {
            text: format!("{tag}-JSLINK {SCRIPT}"),
            href: JS_URL.into(),
        },
        Inline::ExternalLink {
            text: format!("{tag}-DATALINK"),
            href: "data:text/html,<script>window.__pwned=1</script>".into(),
        },
        Inline::ExternalLink {
            text: format!("{tag}-SPACEDLINK"),
            href: format!(" {JS_URL}"),
        },
        // An https link that tries to break out of its attribute with `'`: still a link
        // (`model::urls::is_https_url` allows it), and the DOM keeps it one inert attribute.
        Inline::ExternalLink {
            text: format!("{tag}-HTTPSLINK"),
            href: "https://example.org/?x='onmouseover='window.__pwned=1".into(),
        },
        // With `"`, `<` or `>` it fails the https rule and is shown as words.
        Inline::ExternalLink {
            text: format!("{tag}-MARKUPLINK"),
            href: "https://example.org/\"><img src=x onerror=window.__pwned=1>".into(),
        },
        Inline::ArticleLink {
            text: hostile(&format!("{tag}-ARTICLELINK")),
            slug: JS_URL.into(),
            anchor: Some(format!("\"><img src=x onerror=window.__pwned=1>{SCRIPT}")),
        },
        Inline::TreatmentLink {
            text: hostile(&format!("{tag}-TREATMENTLINK")),
            id: JS_URL.into(),
        },
    ]
}

/// The flagship with hostile text in every field a reader sees, plus blocks of every kind.
fn hostile_article(real: &Article) -> Article {
    let mut article = real.clone();
    article.meta.title = hostile("TITLE");
    article.meta.summary = hostile("SUMMARY");
    article.meta.last_reviewed = IMG.into();
    article.meta.review_due = SCRIPT.into();
    for (i, block) in article.blocks.iter_mut().enumerate() {
        match block {
            Block::Heading { id, text, .. } => {
                *text = hostile(&format!("HEADING{i}"));
                *id = format!("h{i}\" onfocus=\"window.__pwned=1");
            }
            Block::Paragraph { runs } | Block::Callout { runs, .. } => {
                for run in runs.iter_mut() {
                    poison(run, i);
                }
            }
            Block::List { items, .. } => {
                for run in items.iter_mut().flatten() {
                    poison(run, i);
                }
            }
            Block::Compare { caption, .. } => *caption = Some(hostile(&format!("CAPTION{i}"))),
            Block::Figure { caption, .. } => *caption = hostile(&format!("FIGURE{i}")),
        }
    }
    article.blocks.push(Block::Paragraph {
        runs: hostile_runs("PARA"),
    });
    article.blocks.push(Block::Callout {
        kind: pathways::model::CalloutKind::Caution,
        runs: hostile_runs("CALLOUT"),
    });
    article.blocks.push(Block::List {
        ordered: false,
        items: vec![hostile_runs("LIST")],
    });
    article
}

fn poison(run: &mut Inline, block: usize) {
    match run {
        Inline::Text { text } | Inline::Emphasis { text } | Inline::Strong { text } => {
            *text = hostile(&format!("RUN{block}"));
        }
        Inline::Term { text, .. } => *text = hostile(&format!("TERM{block}")),
        Inline::ArticleLink { text, .. } | Inline::TreatmentLink { text, .. } => {
            *text = hostile(&format!("LINK{block}"));
        }
        Inline::ExternalLink { text, href } => {
            *text = hostile(&format!("EXTERNAL{block}"));
            *href = JS_URL.into();
        }
        Inline::Cite { .. } => {}
    }
}

/// Fails if content managed to create elements, run code or make a followable bad link.
async fn assert_inert(ctx: &Ctx, where_: &str) -> TestResult {
    // Give an injected `<img onerror>` time to fail and fire, if it existed.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let found = ctx
        .browser
        .js(
            "const main = document.querySelector('main');
             const bad = [...document.querySelectorAll('a[href]')]
               .map(a => a.getAttribute('href'))
               .filter(h => !/^(https:|\\/|#)/i.test(h.trim()));
             const handlers = [...main.querySelectorAll('*')]
               .flatMap(e => [...e.attributes].map(a => a.name))
               .filter(n => n.startsWith('on'));
             return {
               pwned: window.__pwned === undefined ? null : String(window.__pwned),
               scripts: main.querySelectorAll('script').length,
               images: main.querySelectorAll('img').length,
               handlers: handlers,
               badLinks: bad,
             };",
            vec![],
        )
        .await?;
    expect_eq(
        found,
        json!({ "pwned": null, "scripts": 0, "images": 0, "handlers": [], "badLinks": [] }),
        &format!("what hostile content did on {where_}"),
    )
}

async fn hostile_article_and_glossary_text_stays_inert(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let real: Article = ctx.content(&format!("articles/{FLAGSHIP}.json"))?;
    let article = hostile_article(&real);
    let mut glossary: Glossary = ctx.content("glossary.json")?;
    for (i, term) in glossary.terms.iter_mut().enumerate() {
        term.term = hostile(&format!("GTERM{i}"));
        term.definition = hostile(&format!("GDEF{i}"));
    }
    let mut references: pathways::model::References = ctx.content("references.json")?;
    for (i, reference) in references.references.iter_mut().enumerate() {
        reference.citation = hostile(&format!("CITATION{i}"));
        reference.doi = None;
        reference.url = Some(JS_URL.into());
        reference.pmid = Some(SCRIPT.into());
    }
    ctx.root.inject(
        &format!("/content/articles/{FLAGSHIP}.json"),
        Fault::Body(serde_json::to_string(&article).context("serialising")?),
    );
    ctx.root.inject(
        "/content/glossary.json",
        Fault::Body(serde_json::to_string(&glossary).context("serialising")?),
    );
    ctx.root.inject(
        "/content/references.json",
        Fault::Body(serde_json::to_string(&references).context("serialising")?),
    );

    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    // Every field shows its markup as text.
    b.heading(&hostile("TITLE")).await?;
    for tag in [
        "SUMMARY",
        "HEADING",
        "RUN",
        "TERM",
        "CAPTION",
        "FIGURE",
        "PARA-TEXT",
        "PARA-EM",
        "PARA-STRONG",
        "PARA-ARTICLELINK",
        "PARA-TREATMENTLINK",
        "CALLOUT-TEXT",
        "LIST-TEXT",
        "CITATION",
    ] {
        b.wait_js_with(
            "const [tag, script, img] = arguments;
             return [...document.querySelectorAll('main *')].some(e =>
               [...e.childNodes].some(n => n.nodeType === 3
                 && n.textContent.includes(tag)
                 && n.textContent.includes(script)
                 && n.textContent.includes(img)));",
            vec![json!(tag), json!(SCRIPT), json!(IMG)],
            &format!("{tag} shown with its markup as text"),
        )
        .await?;
    }
    // Links that are not https are shown as words, not links.
    for tag in [
        "PARA-JSLINK",
        "PARA-DATALINK",
        "PARA-SPACEDLINK",
        "PARA-MARKUPLINK",
        "CALLOUT-JSLINK",
    ] {
        b.text(tag).await?;
        let linked = b
            .js(
                "return [...document.querySelectorAll('a')].some(a => a.textContent.includes(arguments[0]));",
                vec![json!(tag)],
            )
            .await?;
        expect_eq(linked, Value::Bool(false), &format!("{tag} is not a link"))?;
    }
    // The one https link stays a link, opening safely in a new tab.
    let https = b
        .js(
            "const a = [...document.querySelectorAll('a')].find(a => a.textContent.includes('PARA-HTTPSLINK'));
             return a ? [a.protocol, a.target, a.rel] : null;",
            vec![],
        )
        .await?;
    expect_eq(
        https,
        json!(["https:", "_blank", "noopener noreferrer"]),
        "the https link",
    )?;
    assert_inert(ctx, "the article").await?;

    // A glossary term's definition opens as text.
    let term = b
        .find(
            "//main//button[@aria-expanded][contains(., 'TERM')]",
            "a glossary term",
        )
        .await?;
    b.click(&term).await?;
    b.wait_js_with(
        "return [...document.querySelectorAll('[role=note]')].some(n => !n.hidden
           && n.textContent.includes('GDEF') && n.textContent.includes(arguments[0]));",
        vec![json!(SCRIPT)],
        "the definition shown as text",
    )
    .await?;
    assert_inert(ctx, "the open glossary term").await?;

    // The glossary page and the references on the about page.
    b.goto(&ctx.root.url("/glossary")).await?;
    b.text(&hostile("GDEF0")).await?;
    b.text(&hostile("GTERM0")).await?;
    assert_inert(ctx, "the glossary").await?;
    b.goto(&ctx.root.url("/about")).await?;
    b.text(&hostile("CITATION0")).await?;
    assert_inert(ctx, "the about page").await?;
    // The document title carries the hostile title as text too.
    b.goto(&ctx.root.url(&format!("/articles/{FLAGSHIP}")))
        .await?;
    b.wait_js_with(
        "return document.title.startsWith(arguments[0]);",
        vec![json!(hostile("TITLE"))],
        "document.title as text",
    )
    .await?;
    assert_inert(ctx, "the article, loaded directly").await?;
    b.assert_console_clean(&[]).await
}

async fn hostile_compare_addresses_show_notices_not_crashes(ctx: &Ctx) -> TestResult {
    let b = &ctx.browser;
    let long_garbage = "%zz%F0%9F%%C0%AF&t=".repeat(400);
    let many_unknown = format!("t={}", vec!["no-such-drug"; 300].join(","));
    let queries = [
        "t=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E,ketamine",
        "t=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&base=%3Cb%3E",
        "t=javascript:window.__pwned=1&sort=javascript:alert(1)-asc",
        "t=%F0%9F%98&sort=%C0%AF-desc&view=%00&diff=%FF",
        "t=\u{202e}ketamine,opioids,\u{1F600}&hide=%00%EF%BF%BE&open=%E2%80%AE",
        "%%%%&&&===&t=,,,,&sort=-&base=&view=rows%",
        many_unknown.as_str(),
        long_garbage.as_str(),
    ];
    for query in queries {
        let short: String = query.chars().take(60).collect();
        b.goto(&ctx.root.url(&format!("/compare?{query}"))).await?;
        b.heading("Compare treatments").await?;
        b.find(
            "//main//*[@role='status'][.//li]",
            &format!("a notice for ?{short}"),
        )
        .await?;
        // The page still works: the table of the fallback treatments is there.
        b.find(
            "//main//table",
            &format!("the comparison table for ?{short}"),
        )
        .await?;
        assert_inert(ctx, &format!("/compare?{short}")).await?;
        b.assert_console_clean(&[])
            .await
            .with_context(|| format!("?{short}"))?;
    }
    Ok(())
}
