use super::{
    attribute, attributes, cell, ids, number, refs, synthetic_attribute, text, treatments,
};
use crate::model::compare::{
    chosen_treatments, differs, display_value, judge, level_position, ordered_treatments,
    visible_rows, CompareState, Judgement, Sort, SortDir, View, NOT_ESTABLISHED,
};
use crate::model::{AttributeKind, Better, CellValue, Group, Treatment};

fn state(ids: &[&str]) -> CompareState {
    CompareState::new(ids.iter().map(|s| s.to_string()).collect())
}

fn find<'a>(all: &'a [Treatment], id: &str) -> &'a Treatment {
    all.iter().find(|t| t.id == id).unwrap()
}

fn row_ids(state: &CompareState) -> Vec<(Group, Vec<String>)> {
    let all = treatments();
    let attrs = attributes();
    visible_rows(state, &refs(&all), &attrs)
        .into_iter()
        .map(|g| (g.group, g.attributes.iter().map(|a| a.id.clone()).collect()))
        .collect()
}

#[test]
fn chosen_follows_the_state_order_and_skips_unknown_ids() {
    let all = treatments();
    let chosen = chosen_treatments(&state(&["opioids", "gone", "ketamine"]), &refs(&all));
    assert_eq!(ids(&chosen), ["opioids", "ketamine"]);
}

#[test]
fn all_groups_show_in_display_order_with_attributes_in_file_order() {
    let rows = row_ids(&state(&["ketamine", "opioids"]));
    let groups: Vec<Group> = rows.iter().map(|(g, _)| *g).collect();
    assert_eq!(groups, Group::ALL);
    let flat: Vec<String> = rows.into_iter().flat_map(|(_, a)| a).collect();
    let file_order: Vec<String> = attributes().into_iter().map(|a| a.id).collect();
    assert_eq!(
        flat, file_order,
        "the content file lists attributes group by group"
    );
}

#[test]
fn hidden_groups_are_left_out_and_collapsed_ones_kept() {
    let mut s = state(&["ketamine", "opioids"]);
    s.hidden_groups.extend([Group::Mechanism, Group::Evidence]);
    s.collapsed_groups.insert(Group::Guideline);
    let groups: Vec<Group> = row_ids(&s).into_iter().map(|(g, _)| g).collect();
    assert_eq!(groups.len(), 7);
    assert!(!groups.contains(&Group::Mechanism) && !groups.contains(&Group::Evidence));
    assert!(groups.contains(&Group::Guideline));
}

#[test]
fn only_differences_drops_equal_rows_and_empty_groups() {
    let mut s = state(&["amitriptyline", "duloxetine"]);
    s.only_differences = true;
    let rows = row_ids(&s);
    let groups: Vec<Group> = rows.iter().map(|(g, _)| *g).collect();
    // Both: tolerance/dependence not established, same guideline position.
    for gone in [Group::ToleranceDependence, Group::Guideline] {
        assert!(!groups.contains(&gone), "{gone:?} in {groups:?}");
    }
    let flat: Vec<String> = rows.into_iter().flat_map(|(_, a)| a).collect();
    assert!(flat.contains(&"nnt-neuropathic".to_string()));
    for differing in ["respiratory-depression", "onset", "mood-effect"] {
        assert!(
            flat.contains(&differing.to_string()),
            "{differing}: null vs a value differs"
        );
    }
    for same in [
        "anti-inflammatory",
        "route",
        "gi-effects",
        "misuse-potential",
    ] {
        assert!(!flat.contains(&same.to_string()), "{same}");
    }
}

#[test]
fn only_differences_uses_the_state_selection_even_given_the_whole_catalogue() {
    let mut s = state(&["opioids", "tramadol"]);
    s.only_differences = true;
    let flat: Vec<String> = row_ids(&s).into_iter().flat_map(|(_, a)| a).collect();
    assert!(!flat.contains(&"onset".to_string()));
    assert!(flat.contains(&"tolerance".to_string()));
}

#[test]
fn differs_treats_not_established_as_equal_to_itself() {
    let onset = attribute("onset");
    let (fast, slow, null) = (text("minutes to hours"), text("weeks"), cell(None));
    let off_scale = text("years");
    assert!(!differs(&onset, &[]));
    assert!(!differs(&onset, &[Some(&fast)]));
    assert!(!differs(&onset, &[Some(&fast), Some(&fast)]));
    assert!(differs(&onset, &[Some(&fast), Some(&slow)]));
    assert!(differs(&onset, &[Some(&fast), None]));
    assert!(!differs(&onset, &[Some(&null), None, Some(&off_scale)]));
    let nnt = attribute("nnt-neuropathic");
    assert!(!differs(&nnt, &[Some(&number(3.6)), Some(&number(3.6))]));
    assert!(differs(&nnt, &[Some(&number(3.6)), Some(&number(6.4))]));
    let target = attribute("target");
    assert!(
        differs(&target, &[Some(&text("Oral")), Some(&text("oral"))]),
        "exact text"
    );
}

#[test]
fn judges_by_the_better_direction() {
    let all = treatments();
    let cell_of = |t: &str, a: &str| find(&all, t).values.get(a);
    let onset = attribute("onset");
    let j =
        |base: &str, other: &str| judge(&onset, cell_of(base, "onset"), cell_of(other, "onset"));
    assert_eq!(j("amitriptyline", "opioids"), Some(Judgement::Better));
    assert_eq!(j("opioids", "amitriptyline"), Some(Judgement::Worse));
    assert_eq!(j("opioids", "nsaids"), Some(Judgement::Same));
    assert_eq!(j("opioids", "lidocaine-topical"), None, "not established");
    assert_eq!(j("lidocaine-topical", "opioids"), None);

    let nnt = attribute("nnt-neuropathic");
    let base = cell_of("amitriptyline", "nnt-neuropathic");
    assert_eq!(
        judge(&nnt, base, cell_of("duloxetine", "nnt-neuropathic")),
        Some(Judgement::Worse)
    );

    let no_direction = attribute("anti-inflammatory");
    assert_eq!(
        judge(&no_direction, Some(&text("yes")), Some(&text("no"))),
        None
    );
    let category = attribute("route");
    assert_eq!(
        judge(&category, Some(&text("Oral")), Some(&text("Oral"))),
        None
    );
}

#[test]
fn higher_is_better_reverses_the_judgement() {
    let attr = synthetic_attribute("x", AttributeKind::Number, &[], Better::High);
    assert_eq!(
        judge(&attr, Some(&number(1.0)), Some(&number(2.0))),
        Some(Judgement::Better)
    );
    assert_eq!(
        judge(&attr, Some(&number(2.0)), Some(&number(1.0))),
        Some(Judgement::Worse)
    );
    assert_eq!(
        judge(&attr, Some(&number(2.0)), Some(&number(2.0))),
        Some(Judgement::Same)
    );
    assert_eq!(
        judge(&attr, Some(&number(2.0)), Some(&number(f64::NAN))),
        None
    );
    let levels = synthetic_attribute("y", AttributeKind::Ordinal, &["a", "b"], Better::High);
    assert_eq!(
        judge(&levels, Some(&text("a")), Some(&text("b"))),
        Some(Judgement::Better)
    );
    assert_eq!(Judgement::Better.label(), "better than baseline");
    assert_eq!(Judgement::Worse.label(), "worse than baseline");
    assert_eq!(Judgement::Same.label(), "same as baseline");
}

#[test]
fn ordered_treatments_sorts_only_in_rows_view() {
    let all = treatments();
    let mut s = state(&[
        "duloxetine",
        "opioids",
        "lidocaine-topical",
        "gabapentinoids",
    ]);
    s.sort = Some(Sort {
        attribute: "onset".into(),
        dir: SortDir::Asc,
    });
    let attrs = attributes();
    assert_eq!(
        ids(&ordered_treatments(&s, &refs(&all), &attrs)),
        s.treatments
    );
    s.view = View::Rows;
    assert_eq!(
        ids(&ordered_treatments(&s, &refs(&all), &attrs)),
        [
            "opioids",
            "gabapentinoids",
            "duloxetine",
            "lidocaine-topical"
        ]
    );
    s.sort = Some(Sort {
        attribute: "gone".into(),
        dir: SortDir::Asc,
    });
    assert_eq!(
        ids(&ordered_treatments(&s, &refs(&all), &attrs)),
        s.treatments
    );
}

#[test]
fn display_values_read_well() {
    let nnt = attribute("nnt-neuropathic");
    assert_eq!(display_value(&nnt, Some(&number(3.6))), "3.6 NNT");
    assert_eq!(display_value(&nnt, Some(&number(7.0))), "7 NNT");
    assert_eq!(display_value(&nnt, Some(&number(-0.0))), "0 NNT");
    assert_eq!(
        display_value(&nnt, Some(&number(1e21))),
        "1000000000000000000000 NNT"
    );
    assert_eq!(display_value(&nnt, Some(&cell(None))), NOT_ESTABLISHED);
    assert_eq!(display_value(&nnt, None), "Not established");
    assert_eq!(
        display_value(&nnt, Some(&text("3.6"))),
        NOT_ESTABLISHED,
        "wrong type"
    );
    let onset = attribute("onset");
    assert_eq!(display_value(&onset, Some(&text("days"))), "days");
    assert_eq!(
        display_value(&onset, Some(&text("fortnights"))),
        NOT_ESTABLISHED
    );
    let no_unit = synthetic_attribute("x", AttributeKind::Number, &[], Better::Low);
    assert_eq!(display_value(&no_unit, Some(&number(2.5))), "2.5");
    let all = treatments();
    let target = attribute("target");
    assert_eq!(
        display_value(&target, find(&all, "ketamine").values.get("target")),
        "NMDA receptor"
    );
}

#[test]
fn level_positions_are_zero_based_with_the_count() {
    let evidence = attribute("evidence-strength");
    assert_eq!(
        level_position(&evidence, Some(&text("strong"))),
        Some((0, 4))
    );
    assert_eq!(
        level_position(&evidence, Some(&text("very weak"))),
        Some((3, 4))
    );
    assert_eq!(level_position(&evidence, Some(&text("unknown"))), None);
    assert_eq!(level_position(&evidence, Some(&cell(None))), None);
    assert_eq!(
        level_position(&attribute("nnt-neuropathic"), Some(&number(3.0))),
        None
    );
    let wrong = cell(Some(CellValue::Number(1.0)));
    assert_eq!(level_position(&evidence, Some(&wrong)), None);
}
