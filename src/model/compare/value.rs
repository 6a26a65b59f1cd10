//! A cell read through its attribute: the one place that decides what "not established" means,
//! so sorting, differences, judgements and display can never disagree about it.

use crate::model::{Attribute, AttributeKind, Cell, CellValue};

/// What a reader sees for a cell with no established value.
pub const NOT_ESTABLISHED: &str = "Not established";

/// An established value. Equality is what "the same value" means for the difference filter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// Index into the attribute's levels.
    Level(usize),
    /// Always finite.
    Number(f64),
    Text(&'a str),
}

/// `None` when the cell is missing, `null`, or does not fit the attribute's kind.
pub(crate) fn value_of<'a>(attribute: &Attribute, cell: Option<&'a Cell>) -> Option<Value<'a>> {
    match (attribute.kind, cell?.value.as_ref()?) {
        (AttributeKind::Ordinal, CellValue::Text(text)) => attribute
            .levels
            .iter()
            .position(|level| level == text)
            .map(Value::Level),
        (AttributeKind::Number, CellValue::Number(n)) if n.is_finite() => Some(Value::Number(*n)),
        (AttributeKind::Category | AttributeKind::Text, CellValue::Text(text)) => {
            Some(Value::Text(text))
        }
        _ => None,
    }
}

/// The cell as text for the table and the CSV. Levels are shown as written in the content
/// (lowercase phrases); numbers in their shortest form with the unit (`3.6 NNT`, `7 NNT`).
pub fn display_value(attribute: &Attribute, cell: Option<&Cell>) -> String {
    match value_of(attribute, cell) {
        None => NOT_ESTABLISHED.to_string(),
        Some(Value::Level(index)) => attribute
            .levels
            .get(index)
            .cloned()
            .unwrap_or_else(|| NOT_ESTABLISHED.to_string()),
        Some(Value::Number(n)) => match attribute.unit.as_deref().map(str::trim) {
            Some(unit) if !unit.is_empty() => format!("{} {unit}", format_number(n)),
            _ => format_number(n),
        },
        Some(Value::Text(text)) => text.to_string(),
    }
}

/// `(index, count)` of an ordinal cell's level, 0-based, for the small visual scale (the first
/// level is drawn leftmost). `None` for other kinds and for cells not established.
pub fn level_position(attribute: &Attribute, cell: Option<&Cell>) -> Option<(usize, usize)> {
    match value_of(attribute, cell)? {
        Value::Level(index) => Some((index, attribute.levels.len())),
        Value::Number(_) | Value::Text(_) => None,
    }
}

/// Rust's `Display` for `f64` is already the shortest round-tripping form without an exponent
/// and without a trailing `.0`; only negative zero needs help.
fn format_number(n: f64) -> String {
    if n == 0.0 {
        "0".to_string()
    } else {
        n.to_string()
    }
}
