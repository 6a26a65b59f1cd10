//! The static baseline: an article as one plain HTML page, generated from the same JSON the app
//! fetches, with the app's markup and the same CSS file, and no script at all. It is what a
//! server-rendered or pre-rendered site would send.

use pathways::model::reading::{citation_number, cited_references, long_date, toc};
use pathways::model::{Article, Block, CalloutKind, ContentIndex, Glossary, Inline, References};

/// Everything an article page needs besides the article.
pub struct Catalogue<'a> {
    pub index: &'a ContentIndex,
    pub glossary: &'a Glossary,
    pub references: &'a References,
    /// The CSS file of the build, as a root-relative URL (`/main-….css`).
    pub css_href: &'a str,
}

/// Escapes text for an HTML text node or a double-quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The whole page. Links to other articles point at the app's routes, as the app's do.
pub fn article_page(article: &Article, cat: &Catalogue<'_>) -> String {
    let meta = &article.meta;
    let citations = cited_references(article);
    let mut html = String::with_capacity(64 * 1024);
    html.push_str(&format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>{title} · Pathways</title>
<link rel="stylesheet" href="{css}" />
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a href="/" class="site-header__brand">Pathways</a>
<nav class="site-header__nav" aria-label="Main"><a href="/">Articles</a> <a href="/treatments">Treatments</a> <a href="/compare">Compare</a> <a href="/glossary">Glossary</a> <a href="/about">About</a></nav>
</header>
<main id="main" class="page" tabindex="-1">
<article class="article">
<header class="article__header">
<p class="article__kicker"><a href="/">All articles</a></p>
<h1 tabindex="-1">{title}</h1>
<p class="article__summary">{summary}</p>
<p class="article__meta">Last reviewed <time datetime="{lr}">{lr_long}</time> · Next review due <time datetime="{rd}">{rd_long}</time> · {minutes} min read</p>
<p class="notice" role="note"><strong>Not medical advice. </strong>This article explains published evidence in general terms. Talk to your doctor, nurse or pharmacist before starting, stopping or changing any treatment.</p>
</header>
"##,
        title = esc(&meta.title),
        css = esc(cat.css_href),
        summary = esc(&meta.summary),
        lr = esc(&meta.last_reviewed),
        lr_long = esc(&long_date(&meta.last_reviewed)),
        rd = esc(&meta.review_due),
        rd_long = esc(&long_date(&meta.review_due)),
        minutes = meta.reading_minutes,
    ));

    html.push_str(r#"<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading" class="toc__title">On this page</h2><ol class="toc__list">"#);
    for entry in toc(article) {
        let class = if entry.level > 2 {
            "toc__item toc__item--sub"
        } else {
            "toc__item"
        };
        html.push_str(&format!(
            r##"<li class="{class}"><a href="#{}">{}</a></li>"##,
            esc(&entry.id),
            esc(&entry.text)
        ));
    }
    html.push_str("</ol></nav>\n<div class=\"article__body\">\n");
    for (i, block) in article.blocks.iter().enumerate() {
        block_html(&mut html, i, block, &citations, cat);
    }
    html.push_str("</div>\n");

    html.push_str(r#"<section class="references" aria-labelledby="references-heading"><h2 id="references-heading">References</h2><ol class="references__list">"#);
    for id in &citations {
        let Some(reference) = cat.references.references.iter().find(|r| &r.id == id) else {
            continue;
        };
        html.push_str(&format!(
            r#"<li id="ref-{}" tabindex="-1">{}"#,
            esc(&reference.id),
            esc(&reference.citation)
        ));
        if let Some(link) = reference.link().filter(|l| l.starts_with("https://")) {
            let label = if reference.doi.is_some() {
                "DOI"
            } else {
                "Source"
            };
            html.push_str(&format!(
                r#" <a href="{}" target="_blank" rel="noopener noreferrer">{label}<span class="visually-hidden"> (opens in a new tab)</span></a>"#,
                esc(&link)
            ));
        }
        if let Some(pmid) = &reference.pmid {
            html.push_str(&format!(" PMID {}.", esc(pmid)));
        }
        html.push_str("</li>");
    }
    html.push_str("</ol></section>\n");

    let related: Vec<_> = meta
        .related
        .iter()
        .filter_map(|slug| cat.index.articles.iter().find(|a| &a.slug == slug))
        .collect();
    if !related.is_empty() {
        html.push_str(r#"<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related articles</h2><ul>"#);
        for a in related {
            html.push_str(&format!(
                r#"<li><a href="/articles/{}">{}</a><span class="related__summary"> — {}</span></li>"#,
                esc(&a.slug),
                esc(&a.title),
                esc(&a.summary)
            ));
        }
        html.push_str("</ul></section>\n");
    }
    html.push_str(
        r#"</article>
</main>
<footer class="site-footer"><p class="site-footer__notice"><strong>Educational information, not medical advice. </strong>Pathways explains what published evidence says about chronic-pain treatments. It cannot tell you what is right for you: talk to your doctor, nurse or pharmacist before starting, stopping or changing any treatment.</p></footer>
</body>
</html>
"#,
    );
    html
}

fn block_html(html: &mut String, index: usize, block: &Block, cites: &[String], cat: &Catalogue) {
    match block {
        Block::Heading { level, id, text } => {
            let tag = if *level <= 2 { "h2" } else { "h3" };
            html.push_str(&format!(
                r#"<{tag} id="{}" tabindex="-1">{}</{tag}>"#,
                esc(id),
                esc(text)
            ));
        }
        Block::Paragraph { runs } => {
            html.push_str("<p>");
            runs_html(html, index, runs, cites, cat);
            html.push_str("</p>");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            html.push_str(&format!("<{tag}>"));
            for (j, runs) in items.iter().enumerate() {
                html.push_str("<li>");
                runs_html(html, index * 1000 + j, runs, cites, cat);
                html.push_str("</li>");
            }
            html.push_str(&format!("</{tag}>"));
        }
        Block::Callout { kind, runs } => {
            let (class, label) = match kind {
                CalloutKind::KeyPoint => ("callout callout--key", "Key point"),
                CalloutKind::Caution => ("callout callout--caution", "Caution"),
            };
            html.push_str(&format!(
                r#"<aside class="{class}" aria-label="{label}"><p><strong class="callout__label">{label}: </strong>"#
            ));
            runs_html(html, index, runs, cites, cat);
            html.push_str("</p></aside>");
        }
        Block::Compare {
            treatments,
            attributes,
            caption,
        } => {
            html.push_str(&format!(
                r#"<figure class="embed embed--compare"><figcaption>{}</figcaption><p><a href="/compare?t={}&amp;rows={}">Open in the comparison tool</a> ({} treatments, {} attributes)</p></figure>"#,
                esc(caption.as_deref().unwrap_or("Comparison")),
                esc(&treatments.join(",")),
                esc(&attributes.join(",")),
                treatments.len(),
                attributes.len()
            ));
        }
        Block::Figure { caption, .. } => {
            html.push_str(&format!(
                r#"<figure class="embed embed--figure"><figcaption>{}</figcaption></figure>"#,
                esc(caption)
            ));
        }
    }
    html.push('\n');
}

fn runs_html(html: &mut String, index: usize, runs: &[Inline], cites: &[String], cat: &Catalogue) {
    for (j, run) in runs.iter().enumerate() {
        match run {
            Inline::Text { text } => html.push_str(&esc(text)),
            Inline::Emphasis { text } => html.push_str(&format!("<em>{}</em>", esc(text))),
            Inline::Strong { text } => html.push_str(&format!("<strong>{}</strong>", esc(text))),
            Inline::Term { text, term } => {
                match cat.glossary.terms.iter().find(|t| &t.id == term) {
                    // The app's disclosure button, closed; the static page has no script to
                    // open it, which only makes the baseline lighter.
                    Some(t) => html.push_str(&format!(
                        r#"<span class="term"><button type="button" class="term__button" aria-expanded="false" aria-controls="term-{index}-{j}">{}</button><span id="term-{index}-{j}" role="note" class="term__popover" hidden><strong class="term__name">{}</strong>: {} <button type="button" class="term__close" aria-label="Close definition">×</button></span></span>"#,
                        esc(text),
                        esc(&t.term),
                        esc(&t.definition)
                    )),
                    None => html.push_str(&format!("<span>{}</span>", esc(text))),
                }
            }
            Inline::Cite { refs } => {
                let links: Vec<String> = refs
                    .iter()
                    .filter_map(|id| citation_number(cites, id).map(|n| (id, n)))
                    .map(|(id, n)| {
                        format!(
                            r##"<a href="#ref-{}" aria-label="Reference {n}">{n}</a>"##,
                            esc(id)
                        )
                    })
                    .collect();
                html.push_str(&format!(r#"<sup class="cite">[{}]</sup>"#, links.join(",")));
            }
            Inline::ArticleLink { text, slug, anchor } => {
                let target = match anchor {
                    Some(anchor) => format!("/articles/{slug}#{anchor}"),
                    None => format!("/articles/{slug}"),
                };
                html.push_str(&format!(r#"<a href="{}">{}</a>"#, esc(&target), esc(text)));
            }
            Inline::TreatmentLink { text, id } => html.push_str(&format!(
                r#"<a href="/treatments/{}">{}</a>"#,
                esc(id),
                esc(text)
            )),
            Inline::ExternalLink { text, href } if href.starts_with("https://") => {
                html.push_str(&format!(
                    r#"<a href="{}" target="_blank" rel="noopener noreferrer" class="external">{}<span class="visually-hidden"> (opens in a new tab)</span></a>"#,
                    esc(href),
                    esc(text)
                ))
            }
            Inline::ExternalLink { text, .. } => html.push_str(&esc(text)),
        }
    }
}
