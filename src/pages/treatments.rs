//! `/treatments` (the catalogue by drug class) and `/treatments/:id` (one treatment's values).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::base::href;
use crate::components::compare::details::state_explanation;
use crate::components::compare::table::{editorial_mark, value_class};
use crate::components::page_meta::PageMeta;
use crate::components::status::loaded;
use crate::model::catalog::{by_class, Group};
use crate::model::compare::{cell_state, display_value, Coverage};
use crate::model::{query, Attributes, ContentIndex, References, Treatment, Treatments};
use crate::pages::not_found::NotFoundView;
use crate::store::ContentStore;

#[component]
pub fn TreatmentsPage() -> impl IntoView {
    let store = ContentStore::get();
    let treatments = store.file::<Treatments>();
    view! {
        <section class="treatments">
            <PageMeta title="Treatments" description="The chronic-pain treatments Pathways covers, grouped by class, with how each one works."/>
            <h1 tabindex="-1">"Treatments"</h1>
            <p class="lede">"The medicines Pathways covers, grouped by drug class, with how each one works."</p>
            {loaded("treatments", move || treatments.read(), |t| catalogue(&t))}
        </section>
    }
}

fn catalogue(treatments: &Treatments) -> impl IntoView {
    by_class(&treatments.treatments)
        .into_iter()
        .map(|(class, list)| {
            let items = list
                .into_iter()
                .map(|t| {
                    let (name, url) = (t.name.clone(), href(&format!("/treatments/{}", t.id)));
                    view! {
                        <li class="treatment-card">
                            <h3 class="treatment-card__name">
                                <A href=url>{name}</A>
                            </h3>
                            <p>{t.mechanism.clone()}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="treatment-class">
                    <h2>{class}</h2>
                    <ul class="treatment-list">{items}</ul>
                </section>
            }
        })
        .collect_view()
}

#[component]
pub fn TreatmentPage() -> impl IntoView {
    let params = use_params_map();
    let store = ContentStore::get();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        {loaded(
            "the treatment",
            move || {
                let files = (store.file::<Treatments>(), store.file::<Attributes>());
                let more = (store.file::<References>(), store.file::<ContentIndex>());
                let all = files.0.read().zip(files.1.read()).zip(more.0.read().zip(more.1.read()));
                all.map(|data| (id.get(), data))
            },
            |(id, ((t, a), (r, i)))| {
                match t.get(&id) {
                    Some(treatment) => treatment_view(treatment, &t, &a, r, &i).into_any(),
                    None => view! { <NotFoundView what=format!("There is no treatment called “{id}”.")/> }.into_any(),
                }
            },
        )}
    }
}

fn treatment_view(
    treatment: &Treatment,
    all: &Treatments,
    attributes: &Attributes,
    references: Arc<References>,
    index: &ContentIndex,
) -> impl IntoView {
    let groups = Group::ALL
        .into_iter()
        .filter_map(|group| {
            let rows: Vec<_> = attributes.attributes.iter().filter(|a| a.group == group).collect();
            (!rows.is_empty()).then(|| {
                let rows = rows
                    .into_iter()
                    .map(|attr| {
                        let cell = treatment.values.get(&attr.id);
                        let sources = cell
                            .map(|c| c.refs.iter().filter_map(|id| references.get(id)).map(|r| r.citation.clone()).collect::<Vec<_>>())
                            .unwrap_or_default();
                        view! {
                            <div class="values__row">
                                <dt>{attr.label.clone()}</dt>
                                <dd>
                                    <span class="values__value">
                                        <span class=value_class(cell_state(attr, cell))>{display_value(attr, cell)}{editorial_mark(attr, cell)}</span>
                                    </span>
                                    {state_explanation(attr, cell).map(|text| view! { <span class="values__state">{text}</span> })}
                                    <span class="values__note">{cell.map(|c| c.note.clone())}</span>
                                    {(!sources.is_empty()).then(|| view! {
                                        <details class="values__sources">
                                            <summary>{format!("Sources ({})", sources.len())}</summary>
                                            <ul>{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                        </details>
                                    })}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="values__group">
                        <h2>{group.label()}</h2>
                        <dl class="values">{rows}</dl>
                    </section>
                }
            })
        })
        .collect_view();
    let all_attributes: Vec<_> = attributes.attributes.iter().collect();
    let coverage = Coverage::of(&[treatment], &all_attributes);
    let coverage_line = match coverage.not_reviewed {
        0 => "Pathways has reviewed every row for this treatment.".to_string(),
        gaps => format!(
            "Pathways has reviewed {} of {} rows for this treatment; {gaps} {} not yet reviewed.",
            coverage.reviewed(),
            coverage.total(),
            if gaps == 1 { "is" } else { "are" },
        ),
    };
    let mentioned_in: Vec<_> = index
        .articles
        .iter()
        .filter(|a| a.tags.iter().any(|t| t == &treatment.id))
        .cloned()
        .collect();
    let others = all
        .treatments
        .iter()
        .filter(|t| t.id != treatment.id)
        .map(|t| {
            let url = href(&format!(
                "/compare{}",
                query::build(&[("t", &format!("{},{}", treatment.id, t.id))])
            ));
            let label = format!("{} vs {}", treatment.name, t.name);
            view! { <li><A href=url>{label}</A></li> }
        })
        .collect_view();
    view! {
        <article class="treatment">
            <PageMeta title=treatment.name.clone() description=treatment.mechanism.clone()/>
            <p class="article__kicker"><A href=href("/treatments")>"All treatments"</A></p>
            <h1 tabindex="-1">{treatment.name.clone()}</h1>
            <p class="treatment__class">{format!("{} · {}", treatment.class, treatment.route)}</p>
            {(!treatment.other_names.is_empty()).then(|| view! { <p class="treatment__aka">{format!("Also known as: {}", treatment.other_names.join(", "))}</p> })}
            <p class="article__summary">{treatment.mechanism.clone()}</p>
            <p class="notice" role="note"><strong>"Not medical advice. "</strong>"General information from published sources; your clinician can tell you what applies to you."</p>
            <p class="treatment__coverage">{coverage_line}</p>
            {groups}
            {(!mentioned_in.is_empty()).then(|| view! {
                <section class="related">
                    <h2>"Articles about it"</h2>
                    <ul>{mentioned_in.into_iter().map(|a| view! { <li><A href=href(&format!("/articles/{}", a.slug))>{a.title}</A></li> }).collect_view()}</ul>
                </section>
            })}
            <section class="related">
                <h2>"Compare with…"</h2>
                <ul class="compare-links">{others}</ul>
            </section>
        </article>
    }
}
