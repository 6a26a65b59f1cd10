use std::collections::BTreeSet;

use super::{parse_real, treatment_ids};
use crate::model::compare::{
    format, next_sort, parse, CompareState, Notice, Sort, SortDir, View, DEFAULT_TREATMENTS,
};
use crate::model::Group;

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn default_state() -> CompareState {
    CompareState::new(strings(&DEFAULT_TREATMENTS))
}

const EXAMPLE: &str = "t=ketamine,opioids,nsaids&sort=onset-asc&base=ketamine&diff=1\
                       &hide=serious-risks,evidence&view=rows&open=mechanism";

#[test]
fn parses_the_full_example() {
    let (state, notices) = parse_real(EXAMPLE);
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        state.treatments,
        strings(&["ketamine", "opioids", "nsaids"])
    );
    let sort = Sort {
        attribute: "onset".into(),
        dir: SortDir::Asc,
    };
    assert_eq!(state.sort, Some(sort));
    assert_eq!(state.baseline.as_deref(), Some("ketamine"));
    assert!(state.only_differences);
    assert_eq!(
        state.hidden_groups,
        BTreeSet::from([Group::SeriousRisks, Group::Evidence])
    );
    assert_eq!(state.view, View::Rows);
    assert_eq!(state.collapsed_groups.len(), Group::ALL.len() - 1);
    assert!(!state.collapsed_groups.contains(&Group::Mechanism));
    assert_eq!(format(&state), EXAMPLE);
}

#[test]
fn empty_or_absent_t_gives_the_default_without_notice() {
    for query in ["", "?", "t=", "t=,,", "view=columns", "?utm_source=x&t=+"] {
        assert_eq!(parse_real(query), (default_state(), vec![]), "{query:?}");
    }
}

#[test]
fn default_is_filtered_to_known_ids() {
    let (state, notices) = parse("", &["opioids", "duloxetine", "other"], &[]);
    assert_eq!(state.treatments, strings(&["opioids", "duloxetine"]));
    assert!(notices.is_empty());
    let (state, _) = parse("t=a,b", &[], &[]);
    assert!(state.treatments.is_empty());
}

#[test]
fn percent_encoding_and_plus_are_decoded() {
    let (state, notices) = parse_real("?t=ketamine%2C+opioids%2cnsaids&base=%6Betamine#top");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        state.treatments,
        strings(&["ketamine", "opioids", "nsaids"])
    );
    assert_eq!(state.baseline.as_deref(), Some("ketamine"));
}

#[test]
fn ids_match_ignoring_case_and_are_written_canonically() {
    let (state, notices) = parse_real("t=Ketamine,OPIOIDS&sort=Onset-DESC&base=KETAMINE");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        format(&state),
        "t=ketamine,opioids&sort=onset-desc&base=ketamine"
    );
}

#[test]
fn unknown_and_duplicate_treatments_are_dropped_with_notices() {
    let (state, notices) = parse_real("t=ketamine,foo,opioids,ketamine");
    assert_eq!(state.treatments, strings(&["ketamine", "opioids"]));
    assert_eq!(
        notices,
        [
            "Unknown treatment \"foo\" was left out.",
            "\"ketamine\" was listed twice; the repeat was left out."
        ]
    );
}

#[test]
fn more_than_eight_keeps_the_first_eight() {
    let all = treatment_ids();
    let (state, notices) = parse_real(&format!("t={}", all.join(",")));
    assert_eq!(state.treatments, all[..8].to_vec());
    let left_out: Vec<String> = all[8..]
        .iter()
        .map(|id| {
            format!("At most 8 treatments can be compared at once, so \"{id}\" was left out.")
        })
        .collect();
    assert!(
        !left_out.is_empty(),
        "the catalogue has more than 8 treatments"
    );
    assert_eq!(notices, left_out);
}

#[test]
fn fewer_than_two_falls_back_to_the_default_with_a_notice() {
    let (state, notices) = parse_real("t=ketamine,nope&diff=1");
    assert_eq!(state.treatments, default_state().treatments);
    assert!(state.only_differences, "other settings still apply");
    assert_eq!(notices.len(), 2);
    assert!(
        notices[1].starts_with("At least 2 treatments"),
        "{notices:?}"
    );
}

#[test]
fn sort_splits_on_the_last_hyphen() {
    let (state, notices) = parse_real("sort=respiratory-depression-desc");
    assert!(notices.is_empty());
    let sort = Sort {
        attribute: "respiratory-depression".into(),
        dir: SortDir::Desc,
    };
    assert_eq!(state.sort, Some(sort));
}

#[test]
fn malformed_sorts_are_dropped_with_notices() {
    for (query, notice) in [
        (
            "sort=onset-up",
            "The sort order \"onset-up\" was not understood, so the table is not sorted.",
        ),
        (
            "sort=onset",
            "The sort order \"onset\" was not understood, so the table is not sorted.",
        ),
        (
            "sort=height-asc",
            "There is no column \"height\" to sort by, so the table is not sorted.",
        ),
        (
            "sort=-asc",
            "There is no column \"\" to sort by, so the table is not sorted.",
        ),
    ] {
        let (state, notices) = parse_real(query);
        assert_eq!(
            (state.sort, notices),
            (None, vec![notice.to_string()]),
            "{query}"
        );
    }
}

#[test]
fn baseline_must_be_a_chosen_treatment() {
    let (state, notices) = parse_real("t=ketamine,opioids&base=nsaids");
    assert_eq!(state.baseline, None);
    assert_eq!(
        notices,
        ["The baseline \"nsaids\" is not one of the chosen treatments, so no baseline is used."]
    );
    // The default selection counts as chosen.
    assert_eq!(
        parse_real("base=nsaids").0.baseline.as_deref(),
        Some("nsaids")
    );
}

#[test]
fn bad_flags_and_groups_are_dropped_with_notices() {
    let (state, notices) = parse_real("diff=maybe&view=grid&hide=evidence,nonsense");
    assert!(!state.only_differences);
    assert_eq!(state.view, View::Columns);
    assert_eq!(state.hidden_groups, BTreeSet::from([Group::Evidence]));
    assert_eq!(
        notices,
        [
            "The setting diff=\"maybe\" was not understood, so all rows are shown.",
            "Unknown section \"nonsense\" was left out.",
            "The layout \"grid\" was not understood, so treatments are shown as columns."
        ]
    );
    assert_eq!(parse_real("diff=0&view=columns"), (default_state(), vec![]));
}

#[test]
fn open_lists_expanded_groups() {
    let (state, _) = parse_real("open=");
    assert_eq!(state.collapsed_groups, Group::ALL.into_iter().collect());
    assert_eq!(
        format(&state),
        format!("t={}&open=", DEFAULT_TREATMENTS.join(","))
    );
    let (state, notices) = parse_real("open=typo");
    assert!(
        state.collapsed_groups.is_empty(),
        "a typo alone collapses nothing"
    );
    assert_eq!(notices.len(), 1);
}

#[test]
fn the_first_of_a_repeated_key_wins_and_unknown_keys_are_ignored() {
    let (state, notices) = parse_real("x=1&view=rows&view=grid&t&&=&diff");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.view, View::Rows);
}

#[test]
fn long_junk_is_shortened_in_notices() {
    let junk = "x".repeat(500);
    let (_, notices) = parse_real(&format!("t=ketamine,opioids,{junk}"));
    assert!(notices[0].chars().count() < 80, "{notices:?}");
    assert!(notices[0].contains('…'));
}

#[test]
fn format_omits_defaults_and_orders_keys() {
    let mut state = CompareState::new(strings(&["opioids", "ketamine"]));
    assert_eq!(format(&state), "t=opioids,ketamine");
    state.view = View::Rows;
    state.baseline = Some("ketamine".into());
    state.hidden_groups.insert(Group::Guideline);
    state.hidden_groups.insert(Group::Mechanism);
    assert_eq!(
        format(&state),
        "t=opioids,ketamine&base=ketamine&hide=mechanism,guideline&view=rows"
    );
}

#[test]
fn format_escapes_odd_ids() {
    let state = CompareState::new(strings(&["a b", "c,d&e=f"]));
    assert_eq!(format(&state), "t=a%20b,c%2Cd%26e%3Df");
}

#[test]
fn notices_display_as_their_message() {
    assert_eq!(Notice::new("Hello.").to_string(), "Hello.");
}

#[test]
fn header_clicks_cycle_asc_desc_none() {
    let asc = next_sort(None, "onset");
    assert_eq!(
        asc,
        Some(Sort {
            attribute: "onset".into(),
            dir: SortDir::Asc
        })
    );
    let desc = next_sort(asc.as_ref(), "onset");
    assert_eq!(desc.as_ref().map(|s| s.dir), Some(SortDir::Desc));
    assert_eq!(next_sort(desc.as_ref(), "onset"), None);
    let other = next_sort(desc.as_ref(), "tolerance");
    assert_eq!(
        other,
        Some(Sort {
            attribute: "tolerance".into(),
            dir: SortDir::Asc
        })
    );
    assert_eq!(SortDir::Desc.aria_sort(), "descending");
}

#[test]
fn all_selects_the_whole_catalogue_without_the_cap() {
    let known: Vec<String> = (0..20).map(|i| format!("drug-{i}")).collect();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let (state, notices) = parse("all=1&view=rows&sort=onset-asc", &known, &["onset"]);
    assert!(notices.is_empty(), "{notices:?}");
    assert!(state.all);
    assert_eq!(state.treatments.len(), 20);
    assert_eq!(format(&state), "all=1&sort=onset-asc&view=rows");
    let (again, _) = parse(&format(&state), &known, &["onset"]);
    assert_eq!(again, state);
}
