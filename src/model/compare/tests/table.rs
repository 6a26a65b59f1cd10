use super::{
    attribute, attributes, cell, ids, number, refs, synthetic_attribute, text, treatments,
    without_value,
};
use crate::model::compare::{
    cell_state, chosen_treatments, differs, display_value, editorial_basis, judge,
    ordered_treatments, scale_position, visible_rows, CompareState, Coverage, Judgement, Sort,
    SortDir, View, DOES_NOT_APPLY, NOT_ESTABLISHED, NOT_REVIEWED,
};
use crate::model::{AttributeKind, Better, CellState, CellValue, Group, Treatment};

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
    // Both: tolerance and dependence not yet reviewed, the same guideline position.
    for gone in [Group::ToleranceDependence, Group::Guideline] {
        assert!(!groups.contains(&gone), "{gone:?} in {groups:?}");
    }
    let flat: Vec<String> = rows.into_iter().flat_map(|(_, a)| a).collect();
    for differing in ["nnt-neuropathic", "evidence-strength"] {
        assert!(flat.contains(&differing.to_string()), "{differing}");
    }
    // Onset (weeks) and mood (not established) are known only for amitriptyline, so they are
    // not differences: a cell not yet reviewed neither differs nor matches.
    for gone in [
        "onset",
        "mood-effect",
        "respiratory-depression",
        "route",
        "gi-effects",
    ] {
        assert!(!flat.contains(&gone.to_string()), "{gone}");
    }
}

#[test]
fn only_differences_uses_the_state_selection_even_given_the_whole_catalogue() {
    let mut s = state(&["opioids", "tramadol"]);
    s.only_differences = true;
    let flat: Vec<String> = row_ids(&s).into_iter().flat_map(|(_, a)| a).collect();
    assert!(
        !flat.contains(&"respiratory-depression".to_string()),
        "both high"
    );
    assert!(
        flat.contains(&"misuse-potential".to_string()),
        "high vs moderate"
    );
}

#[test]
fn differs_compares_findings_and_leaves_out_what_is_not_reviewed() {
    let onset = attribute("onset");
    let (fast, slow) = (text("minutes to hours"), text("weeks"));
    let unsettled = without_value(CellState::NotEstablished);
    let not_apply = without_value(CellState::DoesNotApply);
    let unchecked = without_value(CellState::NotReviewed);
    let (null, off_scale) = (cell(None), text("years"));
    assert!(!differs(&onset, &[]));
    assert!(!differs(&onset, &[Some(&fast)]));
    assert!(!differs(&onset, &[Some(&fast), Some(&fast)]));
    assert!(differs(&onset, &[Some(&fast), Some(&slow)]));
    // Not yet reviewed (so also missing, null and unreadable) is neither a difference nor a
    // match.
    for gap in [Some(&unchecked), Some(&null), Some(&off_scale), None] {
        assert!(!differs(&onset, &[Some(&fast), gap]));
        assert!(!differs(&onset, &[gap, gap]));
        assert!(differs(&onset, &[Some(&fast), gap, Some(&slow)]));
    }
    // "Not established" and "does not apply" are findings.
    assert!(differs(&onset, &[Some(&fast), Some(&unsettled)]));
    assert!(differs(&onset, &[Some(&unsettled), Some(&not_apply)]));
    assert!(!differs(
        &onset,
        &[Some(&unsettled), Some(&unsettled), None]
    ));
    assert!(!differs(&onset, &[Some(&not_apply), Some(&not_apply)]));
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
    let evidence = attribute("evidence-strength");
    let j = |base: &str, other: &str| {
        judge(
            &evidence,
            cell_of(base, "evidence-strength"),
            cell_of(other, "evidence-strength"),
        )
    };
    assert_eq!(j("amitriptyline", "duloxetine"), Some(Judgement::Better));
    assert_eq!(j("duloxetine", "amitriptyline"), Some(Judgement::Worse));
    assert_eq!(j("ketamine", "gabapentinoids"), Some(Judgement::Same));
    assert_eq!(j("opioids", "nsaids"), None, "not yet reviewed");
    assert_eq!(j("nsaids", "opioids"), None);

    let line = attribute("neuropathic-line");
    let l = |base: &str, other: &str| {
        judge(
            &line,
            cell_of(base, "neuropathic-line"),
            cell_of(other, "neuropathic-line"),
        )
    };
    assert_eq!(l("opioids", "duloxetine"), Some(Judgement::Better));
    assert_eq!(l("opioids", "ketamine"), None, "not established");
    assert_eq!(l("ketamine", "opioids"), None);
    assert_eq!(l("opioids", "exercise"), None, "does not apply");

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
        attribute: "evidence-strength".into(),
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
            "duloxetine",
            "gabapentinoids",
            "opioids",
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
    let onset = attribute("onset");
    assert_eq!(display_value(&onset, Some(&text("days"))), "days");
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
fn each_state_reads_as_itself() {
    let nnt = attribute("nnt-neuropathic");
    for (c, state, words) in [
        (
            without_value(CellState::NotEstablished),
            CellState::NotEstablished,
            NOT_ESTABLISHED,
        ),
        (
            without_value(CellState::DoesNotApply),
            CellState::DoesNotApply,
            DOES_NOT_APPLY,
        ),
        (
            without_value(CellState::NotReviewed),
            CellState::NotReviewed,
            NOT_REVIEWED,
        ),
        (number(3.6), CellState::Established, "3.6 NNT"),
    ] {
        assert_eq!(cell_state(&nnt, Some(&c)), state);
        assert_eq!(display_value(&nnt, Some(&c)), words);
    }
    assert_eq!(NOT_REVIEWED, "Not yet reviewed");
    // A state without a value ignores a stray value: the state is what the editors said.
    let mut stray = without_value(CellState::NotEstablished);
    stray.value = Some(CellValue::Number(2.0));
    assert_eq!(display_value(&nnt, Some(&stray)), NOT_ESTABLISHED);
    // Nothing the content could contain reads as a finding unless it says so.
    let onset = attribute("onset");
    for gap in [
        None,
        Some(cell(None)),
        Some(text("3.6")),
        Some(text("fortnights")),
        Some(number(f64::NAN)),
    ] {
        assert_eq!(cell_state(&onset, gap.as_ref()), CellState::NotReviewed);
        assert_eq!(display_value(&onset, gap.as_ref()), NOT_REVIEWED);
    }
}

#[test]
fn the_editors_basis_belongs_to_values_only() {
    let onset = attribute("onset");
    let mut judged = text("days");
    judged.editorial = Some("Trials say so.".to_string());
    assert_eq!(
        editorial_basis(&onset, Some(&judged)),
        Some("Trials say so.")
    );
    assert_eq!(editorial_basis(&onset, Some(&text("days"))), None);
    let mut stray = without_value(CellState::NotReviewed);
    stray.editorial = Some("Trials say so.".to_string());
    assert_eq!(editorial_basis(&onset, Some(&stray)), None);
    judged.editorial = Some("  ".to_string());
    assert_eq!(editorial_basis(&onset, Some(&judged)), None, "blank");
}

#[test]
fn dots_count_from_the_better_end_and_only_on_directed_scales() {
    let evidence = attribute("evidence-strength");
    assert_eq!(
        scale_position(&evidence, Some(&text("strong"))),
        Some((0, 4))
    );
    assert_eq!(
        scale_position(&evidence, Some(&text("very weak"))),
        Some((3, 4))
    );
    let higher = synthetic_attribute("h", AttributeKind::Ordinal, &["a", "b", "c"], Better::High);
    assert_eq!(scale_position(&higher, Some(&text("c"))), Some((0, 3)));
    assert_eq!(scale_position(&higher, Some(&text("a"))), Some((2, 3)));
    let undirected = synthetic_attribute("u", AttributeKind::Ordinal, &["yes", "no"], Better::None);
    assert_eq!(scale_position(&undirected, Some(&text("yes"))), None);
    assert_eq!(scale_position(&evidence, Some(&text("unknown"))), None);
    assert_eq!(scale_position(&evidence, Some(&cell(None))), None);
    for state in [
        CellState::NotEstablished,
        CellState::DoesNotApply,
        CellState::NotReviewed,
    ] {
        assert_eq!(scale_position(&evidence, Some(&without_value(state))), None);
    }
    assert_eq!(
        scale_position(&attribute("nnt-neuropathic"), Some(&number(3.0))),
        None
    );
    let wrong = cell(Some(CellValue::Number(1.0)));
    assert_eq!(scale_position(&evidence, Some(&wrong)), None);
}

#[test]
fn every_real_scale_with_dots_has_a_direction() {
    for a in attributes() {
        if a.kind == AttributeKind::Ordinal {
            assert_ne!(a.better, Better::None, "{}: dots need a better end", a.id);
        }
    }
}

#[test]
fn coverage_counts_each_state_once() {
    let onset = attribute("onset");
    let mut judged = text("days");
    judged.editorial = Some("Trials say so.".to_string());
    let mut sourced = text("weeks");
    sourced.refs = vec!["x".to_string()];
    let mut unsettled = without_value(CellState::NotEstablished);
    unsettled.refs = vec!["x".to_string()];
    let cells = [
        Some(judged),
        Some(sourced),
        Some(unsettled),
        Some(without_value(CellState::DoesNotApply)),
        Some(without_value(CellState::NotReviewed)),
        Some(text("fortnights")),
        None,
    ];
    let mut coverage = Coverage::default();
    for c in &cells {
        coverage.add(&onset, c.as_ref());
    }
    assert_eq!(
        coverage,
        Coverage {
            established: 2,
            editorial: 1,
            not_established: 1,
            does_not_apply: 1,
            not_reviewed: 3,
            with_sources: 2,
        }
    );
    assert_eq!(coverage.total(), 7);
    assert_eq!(coverage.reviewed(), 4);
    assert_eq!(coverage.percent_reviewed(), 57, "rounded down");
    assert_eq!(coverage.count(CellState::NotReviewed), 3);
    assert_eq!(Coverage::default().percent_reviewed(), 100);
}

#[test]
fn real_coverage_adds_up_over_the_whole_catalogue() {
    let all = treatments();
    let attrs = attributes();
    let attr_refs: Vec<_> = attrs.iter().collect();
    let whole = Coverage::of(&refs(&all), &attr_refs);
    assert_eq!(whole.total(), all.len() * attrs.len());
    let by_state: usize = CellState::ALL.iter().map(|s| whole.count(*s)).sum();
    assert_eq!(by_state, whole.total());
    let by_treatment: usize = all
        .iter()
        .map(|t| Coverage::of(&[t], &attr_refs).reviewed())
        .sum();
    assert_eq!(by_treatment, whole.reviewed());
}
