use super::{ids, synthetic_treatment, treatments};
use crate::model::compare::search_treatments;

fn search(query: &str) -> Vec<String> {
    let all = treatments();
    ids(&search_treatments(query, &all))
}

#[test]
fn empty_query_lists_everything_in_catalogue_order() {
    let all: Vec<String> = treatments().into_iter().map(|t| t.id).collect();
    assert_eq!(search(""), all);
    assert_eq!(search("   "), all);
}

#[test]
fn matches_name_other_names_class_and_id_ignoring_case() {
    assert_eq!(search("LYRICA"), ["gabapentinoids"]);
    assert_eq!(search("Acetaminophen"), ["paracetamol"]);
    assert_eq!(search("opioid"), ["opioids", "tramadol"]);
    assert_eq!(search("lidocaine-topical"), ["lidocaine-topical"]);
    assert_eq!(search("α2δ"), ["gabapentinoids"], "class, non-ASCII");
    assert_eq!(search("ΑΝΤΙ"), Vec::<String>::new());
}

#[test]
fn every_word_must_match() {
    assert_eq!(
        search("serotonin noradrenaline"),
        ["tramadol", "duloxetine"]
    );
    assert_eq!(search("serotonin  opioid"), ["tramadol"]);
    assert_eq!(search("opioid naproxen"), Vec::<String>::new());
}

#[test]
fn words_do_not_match_across_fields() {
    // "Ketamine (IV infusion)" then "Ketalar": no field contains "infusion) ketalar".
    assert_eq!(search("infusion)ketalar"), Vec::<String>::new());
}

#[test]
fn groups_by_class_in_catalogue_order() {
    let list = vec![
        synthetic_treatment("a1", "Alpha", vec![]),
        synthetic_treatment("b1", "Beta", vec![]),
        synthetic_treatment("a2", "Alpha", vec![]),
        synthetic_treatment("c1", "Gamma", vec![]),
        synthetic_treatment("b2", "Beta", vec![]),
    ];
    assert_eq!(
        ids(&search_treatments("", &list)),
        ["a1", "a2", "b1", "b2", "c1"]
    );
    // Class order comes from the whole catalogue, not from the first match.
    assert_eq!(ids(&search_treatments("2", &list)), ["a2", "b2"]);
    assert_eq!(ids(&search_treatments("b", &list)), ["b1", "b2"]);
}
