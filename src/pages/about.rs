//! `/about`: what Pathways is, who writes it and how (not yet reviewed by a clinician), how it
//! is checked, every reference, the disclaimer.

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::references::ReferenceList;
use crate::components::status::loaded;
use crate::model::References;
use crate::store::ContentStore;

#[component]
pub fn AboutPage() -> impl IntoView {
    let references = ContentStore::get().file::<References>();
    view! {
        <article class="about">
            <PageMeta title="About" description="How Pathways is written and checked, every source it cites, and why it is not medical advice."/>
            <h1 tabindex="-1">"About Pathways"</h1>
            <p>
                "Pathways explains chronic-pain treatments in plain language and lets you compare them "
                "side by side, above all by how they work. It is written for patients and the people "
                "who care for them, and for clinicians who want a quick, referenced overview."
            </p>
            <h2>"Who writes it"</h2>
            <p class="about__authorship">
                "Pathways is written by the Pathways editors from the sources listed below. It has not "
                "yet been reviewed by a clinician. When a clinician reviews an article, their name, "
                "role and the date of the review will be shown on it; until then each article says it "
                "has not been reviewed by one."
            </p>
            <h2>"How the content is written"</h2>
            <p>
                "Every article is written in our own words from published guidelines, systematic reviews "
                "and trials. Each factual statement carries a numbered citation that leads to the full "
                "reference. We do not use quotes or figures we could not check against the source."
            </p>
            <p>
                "In the comparison table, each value cites its sources, or is marked † as the editors' "
                "judgement, with the one-sentence reason for it in the cell's details. “Not established” "
                "means our sources say the evidence does not settle a question. “Not yet reviewed” means "
                "we have not checked that cell yet; it is never counted for or against a treatment."
            </p>
            <h2>"How it is checked"</h2>
            <p>
                "Each article shows when the editors last checked it against the sources and when its "
                "next check is due. Content passes an automatic check before it is published: every "
                "citation, glossary term and link must resolve, every value in the table needs a source "
                "or a stated reason, placeholder text is refused, and every article, glossary entry and "
                "table note must read at school grade 9 or below (Flesch–Kincaid)."
            </p>
            <h2>"Not medical advice"</h2>
            <p class="notice" role="note">
                "Pathways is educational. It cannot take your history, examine you or weigh your other "
                "medicines, so it cannot tell you what is right for you. Talk to your doctor, nurse or "
                "pharmacist before starting, stopping or changing any treatment. In an emergency, call "
                "your local emergency number."
            </p>
            <section class="references" aria-labelledby="references-heading">
                <h2 id="references-heading">"References"</h2>
                {loaded("the references", move || references.read(), |r| {
                    let ids = r.references.iter().map(|r| r.id.clone()).collect();
                    view! { <ReferenceList ids references=r/> }
                })}
            </section>
        </article>
    }
}
