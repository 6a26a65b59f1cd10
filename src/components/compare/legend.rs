//! How to read the comparison table, and how much of it Pathways has reviewed.

use leptos::prelude::*;

use crate::model::compare::Coverage;

#[component]
pub fn Legend(
    /// The cells on screen, counted by state.
    #[prop(into)]
    coverage: Signal<Coverage>,
) -> impl IntoView {
    view! {
        <details class="cmp-legend">
            <summary>"How to read the table"</summary>
            <ul>
                <li>
                    <span class="cmp-scale" aria-hidden="true"><span>"●"</span>"○○"</span>
                    " Dots appear only on scales with a better and a worse end. One filled dot is the "
                    "better end for patients (faster relief, less risk, stronger evidence); all dots "
                    "filled is the worse end. The words say the same."
                </li>
                <li>"With a baseline chosen: ▲ better than the baseline, ▼ worse, = the same, judged by which end of each scale is better for patients."</li>
                <li>"† The editors' judgement from the sources rather than a source's own words; the cell's details give the basis."</li>
                <li>"“Not established”: our sources say the evidence does not settle this. It is never a zero."</li>
                <li>"“Does not apply”: the row does not fit the treatment, such as drug dependence for a treatment that is not a medicine."</li>
                <li>"“Not yet reviewed”: Pathways has not checked this yet. It says nothing about the treatment, so it is never sorted as better or worse, marked against a baseline or counted as a difference."</li>
                <li>"Choose any cell to read its explanation and sources."</li>
            </ul>
        </details>
        <p class="cmp-coverage">{move || coverage_sentence(&coverage.get())}</p>
    }
}

/// The coverage figure in words.
pub fn coverage_sentence(coverage: &Coverage) -> String {
    match coverage.not_reviewed {
        0 => "Pathways has reviewed every cell in this table.".to_string(),
        gaps => format!(
            "Pathways has reviewed {} of the {} cells in this table ({}%); {gaps} {} not yet reviewed.",
            coverage.reviewed(),
            coverage.total(),
            coverage.percent_reviewed(),
            if gaps == 1 { "is" } else { "are" },
        ),
    }
}
