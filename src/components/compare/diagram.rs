//! The pain pathway, drawn from each treatment's sites of action in the data.

use leptos::prelude::*;

use crate::model::{Site, Treatment};

/// Where each stage sits in the drawing (x of its box), left to right as signals travel.
/// Coordinates are whole numbers: the wasm then needs no float-to-text code.
fn stage_x(site: Site) -> u32 {
    match site {
        Site::Periphery => 10,
        Site::SpinalCord => 215,
        Site::Brain => 420,
    }
}

fn short_label(site: Site) -> &'static str {
    match site {
        Site::Periphery => "Periphery",
        Site::SpinalCord => "Spinal cord",
        Site::Brain => "Brain",
    }
}

/// Sites written out for the text equivalent: "spinal cord (dorsal horn) and brain".
pub fn sites_sentence(sites: &[Site]) -> String {
    let names: Vec<String> = Site::ALL
        .into_iter()
        .filter(|s| sites.contains(s))
        .map(|s| s.label().to_lowercase())
        .collect();
    match names.as_slice() {
        [] => "no site recorded".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The name without its parenthesis, so it fits a stage box: "Ketamine (IV infusion)" → "Ketamine".
pub fn short_name(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

#[component]
pub fn PathwayDiagram(
    treatments: Vec<Treatment>,
    #[prop(optional, into)] caption: Option<String>,
) -> impl IntoView {
    let highlighted = RwSignal::new(None::<String>);
    let most = Site::ALL
        .into_iter()
        .map(|site| {
            treatments
                .iter()
                .filter(|t| t.sites.contains(&site))
                .count()
        })
        .max()
        .unwrap_or(0);
    let most = u32::try_from(most).unwrap_or(u32::MAX / 40);
    let box_height = 70 + 20 * most;
    let view_box = format!("0 0 600 {}", box_height + 20);
    let arrow_y = 10 + box_height / 2;
    let stages = Site::ALL
        .into_iter()
        .map(|site| {
            let x = stage_x(site);
            let names: Vec<(String, String)> = treatments
                .iter()
                .filter(|t| t.sites.contains(&site))
                .map(|t| (t.id.clone(), short_name(&t.name).to_owned()))
                .collect();
            let ids: Vec<String> = names.iter().map(|(id, _)| id.clone()).collect();
            let active = move || match highlighted.get() {
                Some(h) if ids.contains(&h) => "pathway__stage is-active",
                Some(_) => "pathway__stage is-dim",
                None => "pathway__stage",
            };
            let labels = names
                .into_iter()
                .zip(0u32..)
                .map(|((id, name), i)| {
                    let y = 70 + 20 * i;
                    let class = move || {
                        if highlighted.get().as_deref() == Some(id.as_str()) {
                            "pathway__drug is-active"
                        } else {
                            "pathway__drug"
                        }
                    };
                    view! { <text x=x + 12 y=y class=class>{name}</text> }
                })
                .collect_view();
            view! {
                <g class=active>
                    <rect x=x y="10" width="170" height=box_height rx="10" class="pathway__box"></rect>
                    <text x=x + 12 y="40" class="pathway__label">{short_label(site)}</text>
                    {labels}
                </g>
            }
        })
        .collect_view();
    let legend = treatments
        .iter()
        .map(|t| {
            let id = t.id.clone();
            let leave = move || highlighted.set(None);
            let enter = {
                let id = id.clone();
                move || highlighted.set(Some(id.clone()))
            };
            let enter2 = enter.clone();
            // Touch screens have no hover: a tap highlights too (until focus moves on).
            let tap = enter.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="pathway__key"
                        aria-pressed=move || (highlighted.get().as_deref() == Some(id.as_str())).to_string()
                        on:click=move |_| tap()
                        on:mouseenter=move |_| enter()
                        on:focus=move |_| enter2()
                        on:mouseleave=move |_| leave()
                        on:blur=move |_| leave()
                    >
                        {t.name.clone()}
                    </button>
                    {format!(": acts on the {}.", sites_sentence(&t.sites))}
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="pathway">
            <figcaption>{caption.unwrap_or_else(|| "Where each treatment acts on the pain pathway".into())}</figcaption>
            <svg class="pathway__svg" viewBox=view_box role="img" aria-label="Pain signals travel from the periphery to the spinal cord and on to the brain; the list below says where each treatment acts.">
                {stages}
                <path d=format!("M182 {arrow_y} L211 {arrow_y}") class="pathway__arrow"></path>
                <path d=format!("M387 {arrow_y} L416 {arrow_y}") class="pathway__arrow"></path>
            </svg>
            <ul class="pathway__legend">{legend}</ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_drop_the_parenthesis() {
        assert_eq!(short_name("Ketamine (IV infusion)"), "Ketamine");
        assert_eq!(short_name("Tramadol"), "Tramadol");
    }

    #[test]
    fn sites_read_as_a_sentence() {
        assert_eq!(
            sites_sentence(&[Site::Brain, Site::SpinalCord]),
            "spinal cord (dorsal horn) and brain"
        );
        assert_eq!(
            sites_sentence(&[Site::Periphery]),
            "periphery (nerves and tissues)"
        );
        assert_eq!(sites_sentence(&[]), "no site recorded");
    }
}
