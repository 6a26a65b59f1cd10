use proptest::prelude::*;

use super::{attributes, refs, treatments};
use crate::model::compare::{
    table_csv, to_csv, CompareState, Sort, SortDir, View, EDITORIAL_SUFFIX, EXCEL_BOM,
};
use crate::model::Group;

/// A strict RFC 4180 reader: records end in CRLF (the last one may not), quoted fields may hold
/// anything with quotes doubled. Returns `None` on anything malformed.
fn parse_csv(text: &str) -> Option<Vec<Vec<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted_field = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() && !quoted_field => {
                quoted_field = true;
                loop {
                    match chars.next()? {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        other => field.push(other),
                    }
                }
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                quoted_field = false;
            }
            '"' | '\r' | '\n' => return None,
            _ if quoted_field => return None,
            other => field.push(other),
        }
    }
    if !field.is_empty() || !record.is_empty() || quoted_field {
        record.push(field);
        records.push(record);
    }
    Some(records)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn quotes_only_what_needs_quoting() {
    let header = strings(&["Attribute", "A, B"]);
    let rows = vec![
        strings(&["say \"hi\"", "line\nbreak"]),
        strings(&["plain", "cr\rhere"]),
    ];
    assert_eq!(
        to_csv(&header, &rows),
        "Attribute,\"A, B\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\nplain,\"cr\rhere\"\r\n"
    );
}

#[test]
fn a_lone_empty_field_is_not_a_blank_line() {
    let csv = to_csv(&strings(&["h"]), &[strings(&[""]), strings(&["", ""])]);
    assert_eq!(csv, "h\r\n\"\"\r\n,\r\n");
    assert_eq!(
        parse_csv(&csv),
        Some(vec![strings(&["h"]), strings(&[""]), strings(&["", ""])])
    );
}

#[test]
fn keeps_unicode_as_is() {
    let csv = to_csv(&strings(&["α2δ-1", "naïve"]), &[]);
    assert_eq!(csv, "α2δ-1,naïve\r\n");
    assert_eq!(EXCEL_BOM.as_bytes(), [0xEF, 0xBB, 0xBF]);
}

#[test]
fn columns_view_exports_one_column_per_treatment() {
    let all = treatments();
    let mut state = CompareState::new(strings(&["ketamine", "gabapentinoids"]));
    state.hidden_groups = Group::ALL
        .into_iter()
        .filter(|g| *g != Group::Evidence)
        .collect();
    let csv = parse_csv(&table_csv(&state, &refs(&all), &attributes())).unwrap();
    assert_eq!(
        csv[0],
        [
            "Attribute",
            "Ketamine (IV infusion)",
            "Gabapentinoids (gabapentin and pregabalin)"
        ]
    );
    assert_eq!(csv[1], ["Best evidence of benefit", "moderate", "moderate"]);
    assert_eq!(csv[2], ["NNT in nerve pain", "Not yet reviewed", "7.2 NNT"]);
    assert_eq!(
        csv.len(),
        4,
        "header + the evidence group's three attributes"
    );
}

#[test]
fn the_editors_judgement_says_so_in_the_export() {
    let all = treatments();
    let mut state = CompareState::new(strings(&["ketamine", "nsaids"]));
    state.hidden_groups = Group::ALL
        .into_iter()
        .filter(|g| *g != Group::SettingMonitoring)
        .collect();
    let csv = parse_csv(&table_csv(&state, &refs(&all), &attributes())).unwrap();
    let setting = csv
        .iter()
        .find(|r| r[0] == "Where it happens")
        .expect("setting row");
    // Ketamine's setting cites its sources; the NSAIDs' is the editors' judgement.
    assert_eq!(
        setting[1..],
        [
            "supervised clinic only".to_string(),
            format!("at home{EDITORIAL_SUFFIX}")
        ]
    );
}

#[test]
fn rows_view_exports_sorted_rows_of_visible_attributes() {
    let all = treatments();
    let mut state = CompareState::new(strings(&["lidocaine-topical", "amitriptyline", "opioids"]));
    state.view = View::Rows;
    state.sort = Some(Sort {
        attribute: "onset".into(),
        dir: SortDir::Desc,
    });
    state.hidden_groups = Group::ALL
        .into_iter()
        .filter(|g| *g != Group::OnsetDuration)
        .collect();
    state.collapsed_groups.insert(Group::OnsetDuration);
    let csv = parse_csv(&table_csv(&state, &refs(&all), &attributes())).unwrap();
    assert_eq!(
        csv[0],
        [
            "Treatment",
            "Time to pain relief",
            "How long relief lasts",
            "What it involves"
        ]
    );
    let names: Vec<&str> = csv[1..].iter().map(|r| r[0].as_str()).collect();
    // The one value first; the two not yet reviewed after it in the chosen order.
    assert_eq!(
        names,
        [
            "Amitriptyline (tricyclic antidepressants)",
            "Lidocaine plasters (topical)",
            "Strong opioids (such as morphine and oxycodone)"
        ]
    );
    assert_eq!(csv[1][1], "weeks");
    assert_eq!(csv[2][1], "Not yet reviewed");
    assert!(csv.iter().all(|r| r.len() == 4));
}

#[test]
fn the_whole_real_table_exports_as_rectangular_csv() {
    let all = treatments();
    let state = CompareState::new(all.iter().take(8).map(|t| t.id.clone()).collect());
    let text = table_csv(&state, &refs(&all), &attributes());
    let csv = parse_csv(&text).unwrap();
    assert_eq!(csv.len(), 1 + attributes().len());
    assert!(csv.iter().all(|r| r.len() == 9));
    assert!(text.ends_with("\r\n"));
}

proptest! {
    #[test]
    fn any_cells_round_trip(
        header in proptest::collection::vec(any::<String>(), 1..5),
        rows in proptest::collection::vec(proptest::collection::vec(any::<String>(), 1..5), 0..5),
    ) {
        let parsed = parse_csv(&to_csv(&header, &rows));
        let mut expected = vec![header];
        expected.extend(rows);
        prop_assert_eq!(parsed, Some(expected));
    }

    #[test]
    fn awkward_cells_round_trip(
        rows in proptest::collection::vec(proptest::collection::vec("[a\",\r\n \"]{0,6}", 1..4), 1..6),
    ) {
        let parsed = parse_csv(&to_csv(&rows[0], &rows[1..]));
        prop_assert_eq!(parsed, Some(rows));
    }
}
