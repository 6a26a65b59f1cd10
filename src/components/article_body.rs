//! Renders an article's typed blocks. Content reaches the page only as text nodes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::components::glossary_term::GlossaryTerm;
use crate::model::reading::citation_number;
use crate::model::urls::is_https_url;
use crate::model::{Article, Block, CalloutKind, Glossary, Inline};
use crate::store::File;

/// What rendering an article's runs needs besides the runs.
#[derive(Clone)]
pub struct BodyContext {
    pub slug: String,
    /// Reference ids in citation order (see `reading::cited_references`).
    pub citations: Arc<Vec<String>>,
    /// Loads beside the article; a term shows its definition once it has arrived.
    pub glossary: File<Glossary>,
}

/// The article's blocks as views; `embed` renders comparison and figure blocks, which need the
/// catalogue.
pub fn article_body(
    article: &Article,
    ctx: &BodyContext,
    embed: &dyn Fn(&Block) -> AnyView,
) -> Vec<AnyView> {
    article
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| render_block(i, block, ctx, embed))
        .collect()
}

fn render_block(
    index: usize,
    block: &Block,
    ctx: &BodyContext,
    embed: &dyn Fn(&Block) -> AnyView,
) -> AnyView {
    match block {
        Block::Heading { level, id, text } => {
            let text = text.clone();
            if *level <= 2 {
                view! { <h2 id=id.clone() tabindex="-1">{text}</h2> }.into_any()
            } else {
                view! { <h3 id=id.clone() tabindex="-1">{text}</h3> }.into_any()
            }
        }
        Block::Paragraph { runs } => view! { <p>{render_runs(index, runs, ctx)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .enumerate()
                .map(|(j, runs)| view! { <li>{render_runs(index * 1000 + j, runs, ctx)}</li> })
                .collect_view();
            if *ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Callout { kind, runs } => {
            let (class, label) = match kind {
                CalloutKind::KeyPoint => ("callout callout--key", "Key point"),
                CalloutKind::Caution => ("callout callout--caution", "Caution"),
            };
            view! {
                <aside class=class aria-label=label>
                    <p><strong class="callout__label">{label}": "</strong>{render_runs(index, runs, ctx)}</p>
                </aside>
            }
            .into_any()
        }
        Block::Compare { .. } | Block::Figure { .. } => embed(block),
    }
}

pub fn render_runs(index: usize, runs: &[Inline], ctx: &BodyContext) -> Vec<AnyView> {
    runs.iter()
        .enumerate()
        .map(|(j, run)| render_run(&format!("term-{index}-{j}"), run, ctx))
        .collect()
}

fn render_run(key: &str, run: &Inline, ctx: &BodyContext) -> AnyView {
    match run.clone() {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { text } => view! { <em>{text}</em> }.into_any(),
        Inline::Strong { text } => view! { <strong>{text}</strong> }.into_any(),
        Inline::Term { text, term } => {
            view! { <GlossaryTerm text term glossary=ctx.glossary popover_id=key.to_owned()/> }
                .into_any()
        }
        Inline::Cite { refs } => {
            let links = refs
                .iter()
                .filter_map(|id| citation_number(&ctx.citations, id).map(|n| (id.clone(), n)))
                .enumerate()
                .map(|(k, (id, n))| {
                    let target = href(&format!("/articles/{}#ref-{id}", ctx.slug));
                    view! {
                        {(k > 0).then_some(",")}
                        <a href=target aria-label=format!("Reference {n}")>{n}</a>
                    }
                })
                .collect_view();
            view! { <sup class="cite">"["{links}"]"</sup> }.into_any()
        }
        Inline::ArticleLink { text, slug, anchor } => {
            let target = match anchor {
                Some(anchor) => format!("/articles/{slug}#{anchor}"),
                None => format!("/articles/{slug}"),
            };
            view! { <A href=href(&target)>{text}</A> }.into_any()
        }
        Inline::TreatmentLink { text, id } => {
            view! { <A href=href(&format!("/treatments/{id}"))>{text}</A> }.into_any()
        }
        Inline::ExternalLink { text, href } if is_https_url(&href) => view! {
            <a href=href target="_blank" rel="noopener noreferrer" class="external">
                {text}
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
        Inline::ExternalLink { text, .. } => text.into_any(),
    }
}
