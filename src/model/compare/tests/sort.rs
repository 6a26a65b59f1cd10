use std::cmp::Ordering;

use proptest::prelude::*;

use super::{
    attribute, cell, number, refs, synthetic_attribute, synthetic_treatment, text, treatments,
    without_value,
};
use crate::model::compare::{sort_treatments, SortDir};
use crate::model::{Attribute, AttributeKind, Better, CellState, CellValue, Treatment};

fn sorted_ids(treatments: &[&Treatment], attribute_id: &str, dir: SortDir) -> Vec<String> {
    let order = sort_treatments(treatments, &attribute(attribute_id), dir);
    order.iter().map(|&i| treatments[i].id.clone()).collect()
}

#[test]
fn real_ordinal_ascending_puts_the_better_end_first_and_gaps_last() {
    let all = treatments();
    assert_eq!(
        sorted_ids(&refs(&all), "neuropathic-line", SortDir::Asc),
        [
            "gabapentinoids",
            "amitriptyline",
            "duloxetine", // first line
            "tramadol",
            "lidocaine-topical", // second line
            "opioids",           // third line
            "ketamine",
            "nsaids",
            "paracetamol", // not established
            "exercise",
            "psychological-therapy",
            "acupuncture", // does not apply
        ]
    );
}

#[test]
fn real_ordinal_descending_still_puts_gaps_last_and_keeps_ties_in_order() {
    let all = treatments();
    assert_eq!(
        sorted_ids(&refs(&all), "neuropathic-line", SortDir::Desc),
        [
            "opioids",
            "tramadol",
            "lidocaine-topical",
            "gabapentinoids",
            "amitriptyline",
            "duloxetine",
            "ketamine",
            "nsaids",
            "paracetamol",
            "exercise",
            "psychological-therapy",
            "acupuncture",
        ]
    );
}

#[test]
fn real_numbers_sort_numerically() {
    let all = treatments();
    let order = sorted_ids(&refs(&all), "nnt-neuropathic", SortDir::Asc);
    assert_eq!(
        order[..3],
        ["amitriptyline", "duloxetine", "gabapentinoids"]
    );
    let order = sorted_ids(&refs(&all), "nnt-neuropathic", SortDir::Desc);
    assert_eq!(
        order[..3],
        ["gabapentinoids", "duloxetine", "amitriptyline"]
    );
    assert_eq!(
        order[3..],
        [
            "ketamine",
            "nsaids",
            "paracetamol",
            "opioids",
            "tramadol",
            "lidocaine-topical",
            "exercise",
            "psychological-therapy",
            "acupuncture"
        ],
        "not yet reviewed: last, in input order"
    );
}

#[test]
fn ordinal_uses_level_order_not_the_alphabet() {
    // Alphabetically "high" < "low" < "no known risk".
    let all = treatments();
    let chosen: Vec<&Treatment> = all
        .iter()
        .filter(|t| ["opioids", "ketamine", "paracetamol"].contains(&t.id.as_str()))
        .collect();
    assert_eq!(
        sorted_ids(&chosen, "respiratory-depression", SortDir::Asc),
        ["paracetamol", "ketamine", "opioids"]
    );
}

#[test]
fn text_ignores_case_and_category_sorts_alphabetically() {
    let attr = synthetic_attribute("x", AttributeKind::Text, &[], Better::None);
    let list = [
        synthetic_treatment("1", "c", vec![("x", text("banana"))]),
        synthetic_treatment("2", "c", vec![("x", text("Apple"))]),
        synthetic_treatment("3", "c", vec![("x", text("cherry"))]),
        synthetic_treatment("4", "c", vec![("x", text("apple"))]),
    ];
    assert_eq!(
        sort_treatments(&refs(&list), &attr, SortDir::Asc),
        [1, 3, 0, 2]
    );
    assert_eq!(
        sort_treatments(&refs(&list), &attr, SortDir::Desc),
        [2, 0, 1, 3]
    );
}

#[test]
fn cells_without_a_value_follow_the_values_grouped_by_state_in_input_order() {
    let attr = synthetic_attribute("x", AttributeKind::Ordinal, &["a", "b"], Better::Low);
    let list = [
        synthetic_treatment("null", "c", vec![("x", cell(None))]),
        synthetic_treatment("b", "c", vec![("x", text("b"))]),
        synthetic_treatment("missing", "c", vec![]),
        synthetic_treatment(
            "n/a",
            "c",
            vec![("x", without_value(CellState::DoesNotApply))],
        ),
        synthetic_treatment("off-scale", "c", vec![("x", text("c"))]),
        synthetic_treatment(
            "unsettled",
            "c",
            vec![("x", without_value(CellState::NotEstablished))],
        ),
        synthetic_treatment("wrong-type", "c", vec![("x", number(1.0))]),
        synthetic_treatment(
            "unchecked",
            "c",
            vec![("x", without_value(CellState::NotReviewed))],
        ),
        synthetic_treatment("a", "c", vec![("x", text("a"))]),
    ];
    for (dir, first) in [(SortDir::Asc, ["a", "b"]), (SortDir::Desc, ["b", "a"])] {
        let order = sort_treatments(&refs(&list), &attr, dir);
        let got: Vec<&str> = order.iter().map(|&i| list[i].id.as_str()).collect();
        assert_eq!(got[..2], first);
        // Never ranked as better or worse: the same order in both directions. Missing and
        // unreadable cells count as not yet reviewed.
        assert_eq!(
            got[2..],
            [
                "unsettled",
                "n/a",
                "null",
                "missing",
                "off-scale",
                "wrong-type",
                "unchecked"
            ]
        );
    }
}

#[test]
fn non_finite_numbers_count_as_not_reviewed() {
    let attr = synthetic_attribute("x", AttributeKind::Number, &[], Better::Low);
    let list = [
        synthetic_treatment("nan", "c", vec![("x", number(f64::NAN))]),
        synthetic_treatment("two", "c", vec![("x", number(2.0))]),
        synthetic_treatment("inf", "c", vec![("x", number(f64::INFINITY))]),
        synthetic_treatment("minus", "c", vec![("x", number(-1.5))]),
    ];
    assert_eq!(
        sort_treatments(&refs(&list), &attr, SortDir::Asc),
        [3, 1, 0, 2]
    );
}

#[test]
fn empty_input_gives_empty_order() {
    assert!(sort_treatments(&[], &attribute("onset"), SortDir::Asc).is_empty());
}

/// The browser benchmark's size: 500 treatments × 40 attributes, sorted by each attribute.
#[test]
fn large_catalogue_sorts_every_attribute_correctly() {
    let levels = ["l0", "l1", "l2", "l3", "l4"];
    let attrs: Vec<_> = (0..40)
        .map(|i| {
            let kind = [
                AttributeKind::Ordinal,
                AttributeKind::Number,
                AttributeKind::Text,
            ][i % 3];
            synthetic_attribute(&format!("a{i}"), kind, &levels, Better::Low)
        })
        .collect();
    let list: Vec<Treatment> = (0..500_usize)
        .map(|n| {
            let values = attrs
                .iter()
                .map(|a| {
                    let seed = (n * 7919 + a.id.len() * 104_729) % 613;
                    let value = match (seed % 11, a.kind) {
                        (0, _) => None,
                        (_, AttributeKind::Ordinal) => {
                            Some(CellValue::Text(levels[seed % 5].into()))
                        }
                        (_, AttributeKind::Number) => Some(CellValue::Number(seed as f64 / 7.0)),
                        _ => Some(CellValue::Text(format!("Word {}", seed % 37))),
                    };
                    (a.id.as_str(), cell(value))
                })
                .collect();
            synthetic_treatment(&format!("t{n}"), "c", values)
        })
        .collect();
    let list_refs = refs(&list);
    for attr in &attrs {
        for dir in [SortDir::Asc, SortDir::Desc] {
            assert_eq!(
                sort_treatments(&list_refs, attr, dir),
                reference_order(&list_refs, attr, dir)
            );
        }
    }
}

/// A slow, obviously right order to check against: keys recomputed in every comparison.
/// Values first (sorted), then not established, does not apply and not yet reviewed, each in
/// input order.
fn reference_order(list: &[&Treatment], attr: &Attribute, dir: SortDir) -> Vec<usize> {
    let key = |t: &Treatment| -> Result<(usize, f64, String), u8> {
        let Some(cell) = t.values.get(&attr.id) else {
            return Err(3);
        };
        match cell.state {
            CellState::Established => {}
            CellState::NotEstablished => return Err(1),
            CellState::DoesNotApply => return Err(2),
            CellState::NotReviewed => return Err(3),
        }
        match (attr.kind, cell.value.as_ref().ok_or(3_u8)?) {
            (AttributeKind::Ordinal, CellValue::Text(s)) => Ok((
                attr.levels.iter().position(|l| l == s).ok_or(3_u8)?,
                0.0,
                String::new(),
            )),
            (AttributeKind::Number, CellValue::Number(n)) if n.is_finite() => {
                Ok((0, *n, String::new()))
            }
            (AttributeKind::Text | AttributeKind::Category, CellValue::Text(s)) => {
                Ok((0, 0.0, s.to_lowercase()))
            }
            _ => Err(3),
        }
    };
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| match (key(list[a]), key(list[b])) {
        (Err(x), Err(y)) => x.cmp(&y),
        (Err(_), Ok(_)) => Ordering::Greater,
        (Ok(_), Err(_)) => Ordering::Less,
        (Ok(x), Ok(y)) => {
            let o = x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)).then(x.2.cmp(&y.2));
            if dir == SortDir::Desc {
                o.reverse()
            } else {
                o
            }
        }
    });
    order
}

proptest! {
    #[test]
    fn matches_the_reference_order(
        values in proptest::collection::vec(0..10_usize, 0..40),
        desc in any::<bool>(),
    ) {
        // 0–4 are levels, 5 is off the scale, 6 is no value at all, 7–9 are the other states.
        let attr = synthetic_attribute("x", AttributeKind::Ordinal, &["a", "b", "c", "d", "e"], Better::Low);
        let list: Vec<Treatment> = values
            .iter()
            .enumerate()
            .map(|(n, &v)| {
                let c = match v {
                    0..=5 => text(["a", "b", "c", "d", "e", "zz"][v]),
                    6 => cell(None),
                    7 => without_value(CellState::NotEstablished),
                    8 => without_value(CellState::DoesNotApply),
                    _ => without_value(CellState::NotReviewed),
                };
                synthetic_treatment(&n.to_string(), "c", vec![("x", c)])
            })
            .collect();
        let dir = if desc { SortDir::Desc } else { SortDir::Asc };
        prop_assert_eq!(sort_treatments(&refs(&list), &attr, dir), reference_order(&refs(&list), &attr, dir));
    }
}
