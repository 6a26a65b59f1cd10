//! The catalogue: references, attributes and treatments with their cells.

use std::collections::BTreeSet;

use pathways::model::{
    Attribute, AttributeKind, Attributes, Better, Cell, CellState, CellValue, References,
    Treatments,
};

use crate::readability::sentences;

use super::ids::{known_list, resolve, unique_ids};
use super::json_path::{path_index, path_key};
use super::text::check_url;
use super::{Known, Sink};

pub(super) fn check_references(r: &References, sink: &mut Sink) {
    unique_ids(
        r.references.iter().map(|x| x.id.as_str()),
        "$.references",
        sink,
    );
    for (i, x) in r.references.iter().enumerate() {
        let at = path_index("$.references", i);
        if let Some(url) = &x.url {
            check_url(url, &path_key(&at, "url"), sink);
        }
        if let Some(doi) = &x.doi {
            if !doi.starts_with("10.") || doi.contains(char::is_whitespace) {
                sink.at(
                    path_key(&at, "doi"),
                    format!("\"{doi}\" is not a DOI (10.…, without https://doi.org/)"),
                );
            }
        }
        if let Some(pmid) = &x.pmid {
            if pmid.is_empty() || !pmid.bytes().all(|c| c.is_ascii_digit()) {
                sink.at(
                    path_key(&at, "pmid"),
                    format!("\"{pmid}\" is not a PubMed id (digits only)"),
                );
            }
        }
    }
}

pub(super) fn check_attributes(a: &Attributes, sink: &mut Sink) {
    unique_ids(
        a.attributes.iter().map(|x| x.id.as_str()),
        "$.attributes",
        sink,
    );
    for (i, x) in a.attributes.iter().enumerate() {
        let at = path_index("$.attributes", i);
        let levels_at = path_key(&at, "levels");
        match x.kind {
            AttributeKind::Ordinal => {
                let distinct: BTreeSet<&String> = x.levels.iter().collect();
                if distinct.len() < 2 {
                    sink.at(
                        &levels_at,
                        "an ordinal attribute needs at least 2 distinct levels",
                    );
                } else if x.levels.len() > 6 {
                    sink.at(
                        &levels_at,
                        format!(
                            "{} levels; an ordinal attribute has at most 6",
                            x.levels.len()
                        ),
                    );
                }
                for (j, l) in x.levels.iter().enumerate() {
                    if x.levels[..j].contains(l) {
                        sink.at(
                            path_index(&levels_at, j),
                            format!("level \"{l}\" is listed twice"),
                        );
                    }
                }
            }
            _ if !x.levels.is_empty() => sink.at(&levels_at, "only ordinal attributes have levels"),
            _ => {}
        }
        match (x.kind, &x.unit) {
            (AttributeKind::Number, None) => sink.at(&at, "a number attribute needs a unit"),
            (AttributeKind::Number, Some(_)) | (_, None) => {}
            (_, Some(_)) => sink.at(path_key(&at, "unit"), "only number attributes have a unit"),
        }
        if matches!(x.kind, AttributeKind::Category | AttributeKind::Text)
            && x.better != Better::None
        {
            sink.at(
                path_key(&at, "better"),
                "only ordinal and number attributes have a \"better\" direction",
            );
        }
    }
}

fn kind_name(kind: AttributeKind) -> &'static str {
    match kind {
        AttributeKind::Ordinal => "ordinal",
        AttributeKind::Number => "number",
        AttributeKind::Category => "category",
        AttributeKind::Text => "text",
    }
}

pub(super) fn check_treatments(t: &Treatments, known: &Known, sink: &mut Sink) {
    unique_ids(
        t.treatments.iter().map(|x| x.id.as_str()),
        "$.treatments",
        sink,
    );
    for (i, x) in t.treatments.iter().enumerate() {
        let at = path_index("$.treatments", i);
        if x.sites.is_empty() {
            sink.at(path_key(&at, "sites"), "at least one site is needed");
        }
        for (j, s) in x.sites.iter().enumerate() {
            if x.sites[..j].contains(s) {
                sink.at(path_index(&path_key(&at, "sites"), j), "site listed twice");
            }
        }
        let values_at = path_key(&at, "values");
        if let Some(attrs) = &known.attributes {
            for id in attrs.keys().filter(|id| !x.values.contains_key(*id)) {
                sink.at(
                    &values_at,
                    format!("missing cell for attribute \"{id}\" (if Pathways has not checked it yet, say \"state\": \"not-reviewed\" with a note)"),
                );
            }
        }
        for (key, cell) in &x.values {
            let cell_at = path_key(&values_at, key);
            if let Some(attrs) = &known.attributes {
                match attrs.get(key) {
                    None => {
                        let list = known_list(key, attrs.keys().map(String::as_str));
                        sink.at(&cell_at, format!("unknown attribute \"{key}\"; {list}"));
                    }
                    // Other states must have no value at all (checked below).
                    Some(attr) if cell.state == CellState::Established => check_cell_value(
                        attr,
                        cell.value.as_ref(),
                        &path_key(&cell_at, "value"),
                        sink,
                    ),
                    Some(_) => {}
                }
            }
            check_cell_state(cell, &cell_at, sink);
            for (j, r) in cell.refs.iter().enumerate() {
                let p = path_index(&path_key(&cell_at, "refs"), j);
                resolve(r, "reference", known.references.as_ref(), &p, sink);
            }
        }
    }
}

/// What each state asks of a cell. The sourcing rule is the point: a value a reader sees either
/// cites a source or says it is the editors' judgement and why, and "not established" is a
/// finding about the evidence, so a source must say it.
fn check_cell_state(cell: &Cell, at: &str, sink: &mut Sink) {
    let state = cell.state.id();
    let has_value = cell.value.is_some();
    match cell.state {
        CellState::Established if !has_value => sink.at(
            at,
            "no value: give one, or say why there is none with \"state\": \"not-reviewed\" (Pathways has not checked it yet), \"not-established\" (a source says the evidence does not settle it) or \"does-not-apply\"",
        ),
        CellState::Established if cell.refs.is_empty() && cell.editorial.is_none() => sink.at(
            at,
            "a rated cell needs a source in \"refs\", or \"editorial\": one sentence giving the editors' basis for the value",
        ),
        CellState::Established => {}
        _ if has_value => sink.at(
            path_key(at, "value"),
            format!("a \"{state}\" cell has no value: leave \"value\" out"),
        ),
        CellState::NotEstablished if cell.refs.is_empty() => sink.at(
            at,
            "\"not-established\" needs a source in \"refs\" that says the evidence does not settle this; if none does, the cell is \"not-reviewed\"",
        ),
        _ => {}
    }
    if let Some(basis) = &cell.editorial {
        let basis_at = path_key(at, "editorial");
        if cell.state != CellState::Established {
            sink.at(
                &basis_at,
                format!("only a value can be the editors' judgement; a \"{state}\" cell has no \"editorial\""),
            );
        } else {
            let count = sentences(basis);
            let full_stop = basis.trim_end().ends_with(['.', '!', '?']);
            if count > 1 || (count == 1 && !full_stop) {
                sink.at(
                    &basis_at,
                    format!("the editors' basis is one sentence ending in a full stop; found {count} sentence(s)"),
                );
            }
        }
    }
}

fn check_cell_value(attr: &Attribute, value: Option<&CellValue>, path: &str, sink: &mut Sink) {
    let id = &attr.id;
    match (attr.kind, value) {
        (_, None) => {}
        (AttributeKind::Ordinal, Some(CellValue::Text(v))) => {
            if !attr.levels.contains(v) {
                let levels = attr.levels.join(", ");
                sink.at(
                    path,
                    format!("\"{v}\" is not a level of attribute \"{id}\"; levels: {levels}"),
                );
            }
        }
        (AttributeKind::Number, Some(CellValue::Number(_))) => {}
        (AttributeKind::Number, Some(CellValue::Text(_))) => {
            sink.at(
                path,
                format!(
                    "attribute \"{id}\" is a number: the value must be a JSON number, not a string"
                ),
            );
        }
        (AttributeKind::Ordinal, Some(CellValue::Number(_))) => {
            sink.at(path, format!("attribute \"{id}\" is ordinal: the value must be one of its levels, not a number"));
        }
        (kind, Some(CellValue::Number(_))) => {
            let kind = kind_name(kind);
            sink.at(
                path,
                format!("attribute \"{id}\" is {kind}: the value must be a string, not a number"),
            );
        }
        (_, Some(CellValue::Text(_))) => {}
    }
}
