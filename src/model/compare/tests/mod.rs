//! Tests for `compare`, against the real content where the rule is about the data.

mod changes;
mod csv;
mod face;
mod search;
mod sort;
mod state;
mod state_props;
mod table;
mod window;

use std::collections::BTreeMap;

use crate::model::{
    Attribute, AttributeKind, Attributes, Better, Cell, CellState, CellValue, Group, Treatment,
    Treatments,
};

pub(super) fn treatments() -> Vec<Treatment> {
    let file: Treatments =
        serde_json::from_str(include_str!("../../../../content/treatments.json")).unwrap();
    file.treatments
}

pub(super) fn attributes() -> Vec<Attribute> {
    let file: Attributes =
        serde_json::from_str(include_str!("../../../../content/attributes.json")).unwrap();
    file.attributes
}

pub(super) fn attribute(id: &str) -> Attribute {
    attributes().into_iter().find(|a| a.id == id).unwrap()
}

pub(super) fn treatment_ids() -> Vec<String> {
    treatments().into_iter().map(|t| t.id).collect()
}

/// `parse` against the real catalogue's ids, with the notices as plain messages.
pub(super) fn parse_real(query: &str) -> (crate::model::compare::CompareState, Vec<String>) {
    let t = treatment_ids();
    let a = attribute_ids();
    let t: Vec<&str> = t.iter().map(String::as_str).collect();
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let (state, notices) = crate::model::compare::parse(query, &t, &a);
    (state, notices.into_iter().map(|n| n.message).collect())
}

pub(super) fn attribute_ids() -> Vec<String> {
    attributes().into_iter().map(|a| a.id).collect()
}

pub(super) fn refs(treatments: &[Treatment]) -> Vec<&Treatment> {
    treatments.iter().collect()
}

pub(super) fn ids(treatments: &[&Treatment]) -> Vec<String> {
    treatments.iter().map(|t| t.id.clone()).collect()
}

/// An established cell holding `value` (`None`: an established cell with no value, which
/// reads as not yet reviewed).
pub(super) fn cell(value: Option<CellValue>) -> Cell {
    Cell {
        state: CellState::Established,
        value,
        note: "Test.".to_string(),
        refs: Vec::new(),
        editorial: None,
    }
}

/// A cell without a value, in `state`.
pub(super) fn without_value(state: CellState) -> Cell {
    Cell {
        state,
        ..cell(None)
    }
}

pub(super) fn text(value: &str) -> Cell {
    cell(Some(CellValue::Text(value.to_string())))
}

pub(super) fn number(value: f64) -> Cell {
    cell(Some(CellValue::Number(value)))
}

pub(super) fn synthetic_attribute(
    id: &str,
    kind: AttributeKind,
    levels: &[&str],
    better: Better,
) -> Attribute {
    Attribute {
        id: id.to_string(),
        label: id.to_string(),
        group: Group::Evidence,
        kind,
        levels: levels.iter().map(|l| l.to_string()).collect(),
        unit: None,
        better,
        description: "Test.".to_string(),
    }
}

/// A treatment with one cell per `(attribute id, cell)`.
pub(super) fn synthetic_treatment(id: &str, class: &str, values: Vec<(&str, Cell)>) -> Treatment {
    Treatment {
        id: id.to_string(),
        name: id.to_string(),
        other_names: Vec::new(),
        class: class.to_string(),
        route: "Oral".to_string(),
        mechanism: "Test.".to_string(),
        sites: Vec::new(),
        values: values
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<BTreeMap<_, _>>(),
    }
}
