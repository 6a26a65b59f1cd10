//! A cell read through its attribute: the one place that decides what a cell says, so sorting,
//! differences, judgements, display and coverage can never disagree about it.

use crate::model::{Attribute, AttributeKind, Better, Cell, CellState, CellValue};

/// What a reader sees for a cell whose sources say the evidence does not settle it.
pub const NOT_ESTABLISHED: &str = "Not established";
/// What a reader sees for a cell Pathways has not checked yet.
pub const NOT_REVIEWED: &str = "Not yet reviewed";
/// What a reader sees for an attribute that does not fit the treatment.
pub const DOES_NOT_APPLY: &str = "Does not apply";

/// An established value. Equality is what "the same value" means for the difference filter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// Index into the attribute's levels.
    Level(usize),
    /// Always finite.
    Number(f64),
    Text(&'a str),
}

/// What a cell says, read through its attribute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Reading<'a> {
    Value(Value<'a>),
    NotEstablished,
    DoesNotApply,
    /// Also what a missing cell, or a value that does not fit the attribute, counts as: neither
    /// says anything about the treatment, so neither may look like a finding.
    NotReviewed,
}

pub(crate) fn read<'a>(attribute: &Attribute, cell: Option<&'a Cell>) -> Reading<'a> {
    let Some(cell) = cell else {
        return Reading::NotReviewed;
    };
    match cell.state {
        CellState::Established => {
            value_of(attribute, cell.value.as_ref()).map_or(Reading::NotReviewed, Reading::Value)
        }
        CellState::NotEstablished => Reading::NotEstablished,
        CellState::DoesNotApply => Reading::DoesNotApply,
        CellState::NotReviewed => Reading::NotReviewed,
    }
}

/// `None` when the value is missing or does not fit the attribute's kind.
fn value_of<'a>(attribute: &Attribute, value: Option<&'a CellValue>) -> Option<Value<'a>> {
    match (attribute.kind, value?) {
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

/// The state the reader sees: [`CellState::Established`] only when the cell holds a value that
/// fits the attribute; a missing cell or an unreadable value is [`CellState::NotReviewed`].
pub fn cell_state(attribute: &Attribute, cell: Option<&Cell>) -> CellState {
    match read(attribute, cell) {
        Reading::Value(_) => CellState::Established,
        Reading::NotEstablished => CellState::NotEstablished,
        Reading::DoesNotApply => CellState::DoesNotApply,
        Reading::NotReviewed => CellState::NotReviewed,
    }
}

/// The editors' basis for an established value that is their judgement, if it is one.
pub fn editorial_basis<'a>(attribute: &Attribute, cell: Option<&'a Cell>) -> Option<&'a str> {
    match read(attribute, cell) {
        Reading::Value(_) => cell?.editorial.as_deref().filter(|b| !b.trim().is_empty()),
        _ => None,
    }
}

/// The cell as text for the table and the CSV. Levels are shown as written in the content
/// (lowercase phrases); numbers in their shortest form with the unit (`3.6 NNT`, `7 NNT`).
pub fn display_value(attribute: &Attribute, cell: Option<&Cell>) -> String {
    let value = match read(attribute, cell) {
        Reading::Value(value) => value,
        Reading::NotEstablished => return NOT_ESTABLISHED.to_string(),
        Reading::DoesNotApply => return DOES_NOT_APPLY.to_string(),
        Reading::NotReviewed => return NOT_REVIEWED.to_string(),
    };
    match value {
        Value::Level(index) => attribute
            .levels
            .get(index)
            .cloned()
            .unwrap_or_else(|| NOT_REVIEWED.to_string()),
        Value::Number(n) => match attribute.unit.as_deref().map(str::trim) {
            Some(unit) if !unit.is_empty() => format!("{} {unit}", format_number(n)),
            _ => format_number(n),
        },
        Value::Text(text) => text.to_string(),
    }
}

/// Where an ordinal value sits on its scale, for the small row of dots: `(steps, count)`, where
/// `steps` counts from the better end (0 is the best level) and `count` is the number of
/// levels. So in every row more filled dots mean further from what is better for patients.
/// `None` unless the attribute is ordinal with a stated direction and the cell holds a level:
/// without a direction, dots would suggest an order that says nothing about better or worse.
pub fn scale_position(attribute: &Attribute, cell: Option<&Cell>) -> Option<(usize, usize)> {
    let count = attribute.levels.len();
    let Reading::Value(Value::Level(index)) = read(attribute, cell) else {
        return None;
    };
    match attribute.better {
        Better::Low => Some((index, count)),
        Better::High => Some((count.checked_sub(index + 1)?, count)),
        Better::None => None,
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
