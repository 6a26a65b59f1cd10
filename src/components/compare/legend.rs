//! How to read the comparison table.

use leptos::prelude::*;

#[component]
pub fn Legend() -> impl IntoView {
    view! {
        <details class="cmp-legend">
            <summary>"How to read the table"</summary>
            <ul>
                <li>
                    <span class="cmp-scale" aria-hidden="true"><span class="cmp-scale__dot is-on"></span><span class="cmp-scale__dot is-on"></span><span class="cmp-scale__dot"></span></span>
                    " Dots show where a value sits on its scale, from the first level to the last; the words say the same."
                </li>
                <li>"With a baseline chosen: ▲ better than the baseline, ▼ worse, = the same, judged by which end of each scale is better for patients."</li>
                <li>"“Not established” means our sources give no reliable answer; it is never a zero."</li>
                <li>"Choose any cell to read its explanation and sources."</li>
            </ul>
        </details>
    }
}
