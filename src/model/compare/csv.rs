//! CSV export of the table as it is on screen.

use super::state::{CompareState, View};
use super::table::{ordered_treatments, visible_rows};
use super::value::{display_value, editorial_basis};
use crate::model::{Attribute, Treatment};

/// Byte-order mark to put before the CSV in the downloaded file. Not part of [`to_csv`]'s output
/// because RFC 4180 has no BOM; Excel needs it to read UTF-8 rather than the local code page.
pub const EXCEL_BOM: &str = "\u{FEFF}";

/// After an exported value that is the editors' judgement rather than a source's statement.
pub const EDITORIAL_SUFFIX: &str = " (editors' judgement)";

/// RFC 4180: fields holding a comma, quote, CR or LF are quoted with inner quotes doubled, and
/// every record (the last too) ends in CRLF. A record of one empty field is written as `""` so it
/// does not read back as a blank line. Rows need not have the header's length.
pub fn to_csv(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for record in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        if let [only] = record {
            if only.is_empty() {
                out.push_str("\"\"\r\n");
                continue;
            }
        }
        for (index, field) in record.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            push_field(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The visible table as CSV, in the state's orientation: in columns view a first column
/// "Attribute" and one column per treatment; in rows view a first column "Treatment" and one
/// column per visible attribute, rows in sorted order. Collapsed groups are included: they are
/// folded, not removed, and a download without them would surprise. Cells are
/// [`display_value`]s, so "Not yet reviewed" and "Not established" read the same as on screen;
/// a value that is the editors' judgement says so ([`EDITORIAL_SUFFIX`]), since a spreadsheet
/// has no cell details to open.
pub fn table_csv(
    state: &CompareState,
    treatments: &[&Treatment],
    attributes: &[Attribute],
) -> String {
    let shown: Vec<&Attribute> = visible_rows(state, treatments, attributes)
        .into_iter()
        .flat_map(|group| group.attributes)
        .collect();
    let ordered = ordered_treatments(state, treatments, attributes);
    let cell = |treatment: &Treatment, attribute: &Attribute| {
        let cell = treatment.values.get(&attribute.id);
        let mut text = display_value(attribute, cell);
        if editorial_basis(attribute, cell).is_some() {
            text.push_str(EDITORIAL_SUFFIX);
        }
        text
    };
    let (header, rows): (Vec<String>, Vec<Vec<String>>) = match state.view {
        View::Columns => (
            std::iter::once("Attribute".to_string())
                .chain(ordered.iter().map(|t| t.name.clone()))
                .collect(),
            shown
                .iter()
                .map(|attribute| {
                    std::iter::once(attribute.label.clone())
                        .chain(ordered.iter().map(|t| cell(t, attribute)))
                        .collect()
                })
                .collect(),
        ),
        View::Rows => (
            std::iter::once("Treatment".to_string())
                .chain(shown.iter().map(|a| a.label.clone()))
                .collect(),
            ordered
                .iter()
                .map(|treatment| {
                    std::iter::once(treatment.name.clone())
                        .chain(shown.iter().map(|a| cell(treatment, a)))
                        .collect()
                })
                .collect(),
        ),
    };
    to_csv(&header, &rows)
}
