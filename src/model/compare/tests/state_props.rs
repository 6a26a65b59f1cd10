//! Property tests of the address: `parse` survives anything, and `format` round-trips.

use proptest::prelude::*;

use super::{attribute_ids, parse_real, treatment_ids};
use crate::model::compare::{format, parse, CompareState, Sort, SortDir, View};
use crate::model::Group;

/// A valid state over the given ids: 2–8 distinct treatments in any order, everything else free.
fn valid_state(
    treatments: Vec<String>,
    attributes: Vec<String>,
) -> impl Strategy<Value = CompareState> {
    let max = treatments.len().min(8);
    let chosen = Just(treatments)
        .prop_shuffle()
        .prop_flat_map(move |all| (2..=max).prop_map(move |n| all[..n].to_vec()));
    let groups = || proptest::sample::subsequence(Group::ALL.to_vec(), 0..=Group::ALL.len());
    let sort = proptest::option::of((proptest::sample::select(attributes), any::<bool>()));
    (
        chosen,
        sort,
        any::<prop::sample::Index>(),
        any::<bool>(),
        any::<bool>(),
        groups(),
        any::<bool>(),
        groups(),
    )
        .prop_map(
            |(treatments, sort, base, has_base, diff, hidden, rows, collapsed)| CompareState {
                baseline: has_base.then(|| base.get(&treatments).clone()),
                treatments,
                sort: sort.map(|(attribute, desc)| Sort {
                    attribute,
                    dir: if desc { SortDir::Desc } else { SortDir::Asc },
                }),
                only_differences: diff,
                hidden_groups: hidden.into_iter().collect(),
                view: if rows { View::Rows } else { View::Columns },
                collapsed_groups: collapsed.into_iter().collect(),
                all: false,
            },
        )
}

/// Made-up catalogues: kebab-case ids, including ones ending in `-asc`, `-desc` or shaped like
/// group ids, to stress the last-hyphen split.
fn catalogue() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    let id = "[a-z0-9]{1,6}(-(asc|desc|[a-z0-9]{1,6})){0,3}";
    (
        proptest::collection::btree_set(id, 2..12),
        proptest::collection::btree_set(id, 1..12),
    )
        .prop_map(|(t, a)| (t.into_iter().collect(), a.into_iter().collect()))
}

proptest! {
    #[test]
    fn parse_never_panics(query in any::<String>()) {
        let _ = parse_real(&query);
    }

    #[test]
    fn parse_never_panics_on_query_like_text(
        query in "[?#&=,+%a-zA-Z0-9 \\-é]{0,80}",
        known in proptest::collection::vec("[a-z%+,-]{0,5}", 0..5),
    ) {
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        let _ = parse(&query, &known, &known);
    }

    #[test]
    fn format_then_parse_round_trips_real_ids(
        state in valid_state(treatment_ids(), attribute_ids())
    ) {
        let (parsed, notices) = parse_real(&format(&state));
        prop_assert_eq!((parsed, notices), (state, vec![]));
    }

    #[test]
    fn format_then_parse_round_trips_made_up_ids(
        (state, t, a) in catalogue().prop_flat_map(|(t, a)| {
            (valid_state(t.clone(), a.clone()), Just(t), Just(a))
        })
    ) {
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        prop_assert_eq!(parse(&format(&state), &t, &a), (state, vec![]));
    }
}
