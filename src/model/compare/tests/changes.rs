use std::collections::BTreeSet;

use super::{refs, synthetic_treatment, treatments};
use crate::model::compare::{
    cited_in, format, CompareState, Sort, SortDir, View, DEFAULT_TREATMENTS, MAX_TREATMENTS,
    MIN_TREATMENTS,
};
use crate::model::{CellState, Group};

fn state(ids: &[&str]) -> CompareState {
    CompareState::new(ids.iter().map(|s| s.to_string()).collect())
}

#[test]
fn toggle_hidden_hides_then_shows_and_leaves_other_groups() {
    let mut s = state(&["a", "b"]);
    s.hidden_groups.insert(Group::Evidence);
    s.toggle_hidden(Group::Mechanism);
    assert_eq!(
        s.hidden_groups,
        BTreeSet::from([Group::Evidence, Group::Mechanism])
    );
    s.toggle_hidden(Group::Mechanism);
    assert_eq!(s.hidden_groups, BTreeSet::from([Group::Evidence]));
}

#[test]
fn toggle_collapsed_folds_then_unfolds_and_writes_open() {
    let mut s = state(&["a", "b"]);
    s.toggle_collapsed(Group::Evidence);
    assert_eq!(s.collapsed_groups, BTreeSet::from([Group::Evidence]));
    let open: Vec<&str> = Group::ALL
        .into_iter()
        .filter(|g| *g != Group::Evidence)
        .map(Group::id)
        .collect();
    assert!(format(&s).ends_with(&format!("open={}", open.join(","))));
    s.toggle_collapsed(Group::Evidence);
    assert!(s.collapsed_groups.is_empty());
    assert_eq!(format(&s), "t=a,b");
}

#[test]
fn show_all_clears_the_baseline_and_keeps_the_rest() {
    let mut s = state(&["a", "b"]);
    s.baseline = Some("a".into());
    s.only_differences = true;
    s.show_all();
    assert!(s.all);
    assert_eq!(s.baseline, None);
    assert!(s.only_differences);
}

#[test]
fn show_default_picks_the_known_defaults_and_clears_the_baseline() {
    let mut s = state(&["a", "b"]);
    s.all = true;
    s.baseline = Some("a".into());
    s.show_default(|id| id != "opioids");
    assert!(!s.all);
    assert_eq!(s.baseline, None);
    let expected: Vec<String> = DEFAULT_TREATMENTS
        .iter()
        .filter(|id| **id != "opioids")
        .map(|id| id.to_string())
        .collect();
    assert_eq!(s.treatments, expected);
}

#[test]
fn add_appends_and_stops_at_the_maximum() {
    let mut s = state(&["a", "b"]);
    assert!(s.add("c"));
    assert_eq!(s.treatments, vec!["a", "b", "c"]);
    for i in 0..20 {
        s.add(&format!("x{i}"));
    }
    assert_eq!(s.treatments.len(), MAX_TREATMENTS);
    assert!(!s.can_add());
    let before = s.clone();
    assert!(!s.add("one-more"));
    assert_eq!(s, before);
}

#[test]
fn add_ignores_a_treatment_already_chosen() {
    let mut s = state(&["a", "b"]);
    assert!(!s.add("a"));
    assert_eq!(s.treatments, vec!["a", "b"]);
}

#[test]
fn add_and_remove_do_nothing_while_all_are_shown() {
    let mut s = state(&["a", "b", "c"]);
    s.all = true;
    assert!(!s.can_add() && !s.can_remove());
    assert!(!s.add("d"));
    assert!(!s.remove("a"));
    assert_eq!(s.treatments, vec!["a", "b", "c"]);
}

#[test]
fn remove_takes_the_treatment_away_but_never_below_the_minimum() {
    let mut s = state(&["a", "b", "c"]);
    assert!(s.remove("b"));
    assert_eq!(s.treatments, vec!["a", "c"]);
    assert_eq!(s.treatments.len(), MIN_TREATMENTS);
    assert!(!s.can_remove());
    assert!(!s.remove("a"));
    assert_eq!(s.treatments, vec!["a", "c"]);
}

#[test]
fn remove_of_an_unknown_id_changes_nothing() {
    let mut s = state(&["a", "b", "c"]);
    s.baseline = Some("a".into());
    let before = s.clone();
    assert!(!s.remove("zzz"));
    assert_eq!(s, before);
}

#[test]
fn removing_the_baseline_clears_it_removing_another_keeps_it() {
    let mut s = state(&["a", "b", "c", "d"]);
    s.baseline = Some("a".into());
    assert!(s.remove("b"));
    assert_eq!(s.baseline.as_deref(), Some("a"));
    assert!(s.remove("a"));
    assert_eq!(s.baseline, None);
    assert_eq!(format(&s), "t=c,d");
}

#[test]
fn set_baseline_accepts_only_a_chosen_treatment() {
    let mut s = state(&["a", "b"]);
    s.set_baseline(Some("b"));
    assert_eq!(s.baseline.as_deref(), Some("b"));
    s.set_baseline(Some("z"));
    assert_eq!(s.baseline, None);
    s.set_baseline(Some("a"));
    s.set_baseline(None);
    assert_eq!(s.baseline, None);
}

#[test]
fn sort_by_cycles_ascending_descending_none() {
    let mut s = state(&["a", "b"]);
    s.sort_by("onset");
    let asc = Sort {
        attribute: "onset".into(),
        dir: SortDir::Asc,
    };
    assert_eq!(s.sort, Some(asc));
    s.sort_by("onset");
    assert_eq!(s.sort.as_ref().map(|s| s.dir), Some(SortDir::Desc));
    s.sort_by("onset");
    assert_eq!(s.sort, None);
    s.sort_by("onset");
    s.sort_by("evidence");
    assert_eq!(
        s.sort.as_ref().map(|s| s.attribute.as_str()),
        Some("evidence")
    );
}

#[test]
fn toggle_view_and_only_differences_flip() {
    let mut s = state(&["a", "b"]);
    s.toggle_view();
    assert_eq!(s.view, View::Rows);
    s.toggle_view();
    assert_eq!(s.view, View::Columns);
    s.toggle_only_differences();
    assert!(s.only_differences);
    s.toggle_only_differences();
    assert!(!s.only_differences);
}

#[test]
fn cited_in_numbers_sources_row_by_row_in_first_appearance_order() {
    let cell = |refs: &[&str]| {
        let mut c = super::without_value(CellState::NotEstablished);
        c.refs = refs.iter().map(|r| r.to_string()).collect();
        c
    };
    let a = synthetic_treatment(
        "a",
        "x",
        vec![("one", cell(&["r2"])), ("two", cell(&["r1"]))],
    );
    let b = synthetic_treatment(
        "b",
        "x",
        vec![("one", cell(&["r3", "r2"])), ("two", cell(&["r4"]))],
    );
    assert_eq!(
        cited_in(&[&a, &b], &["one", "two"]),
        ["r2", "r3", "r1", "r4"]
    );
    // Row order decides, not the file: the second row first.
    assert_eq!(
        cited_in(&[&a, &b], &["two", "one"]),
        ["r1", "r4", "r2", "r3"]
    );
    // Rows not on screen cite nothing; attributes without a cell are skipped.
    assert_eq!(cited_in(&[&a, &b], &["two", "missing"]), ["r1", "r4"]);
    assert!(cited_in(&[&a, &b], &[]).is_empty());
}

#[test]
fn cited_in_on_the_real_catalogue_lists_each_source_once() {
    let all = treatments();
    let chosen = refs(&all);
    let attrs = super::attribute_ids();
    let attrs: Vec<&str> = attrs.iter().map(String::as_str).collect();
    let cited = cited_in(&chosen, &attrs);
    assert!(!cited.is_empty());
    let unique: BTreeSet<&String> = cited.iter().collect();
    assert_eq!(unique.len(), cited.len());
}
