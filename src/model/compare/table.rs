//! What the table shows: which treatments in which order, which groups and attributes, and how
//! each cell compares with the baseline.

use std::cmp::Ordering;

use super::sort::sort_treatments;
use super::state::{CompareState, View};
use super::value::{read, Reading, Value};
use crate::model::ids::find_in_order;
use crate::model::{Attribute, Better, Cell, Group, Treatment};

/// One group heading and the attributes under it, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct RowGroup<'a> {
    pub group: Group,
    pub attributes: Vec<&'a Attribute>,
}

/// [`visible_rows`] as owned ids: what the page computes once per change and shares between
/// the table's layout, the citation numbering and the coverage figure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShownRows {
    /// Each visible group with its visible attribute ids, in display order.
    pub groups: Vec<(Group, Vec<String>)>,
}

impl ShownRows {
    pub fn of(state: &CompareState, treatments: &[&Treatment], attributes: &[Attribute]) -> Self {
        let groups = visible_rows(state, treatments, attributes)
            .into_iter()
            .map(|g| {
                let ids = g.attributes.iter().map(|a| a.id.clone()).collect();
                (g.group, ids)
            })
            .collect();
        ShownRows { groups }
    }

    /// Every visible attribute id, in display order.
    pub fn attribute_ids(&self) -> Vec<&str> {
        self.groups
            .iter()
            .flat_map(|(_, ids)| ids.iter().map(String::as_str))
            .collect()
    }
}

/// The state's treatments, resolved in the state's order. Ids not found in `treatments` are
/// skipped, so callers may pass either the whole catalogue or just the chosen ones.
/// This runs on every change of the comparison, a sort included, so it finds the ids with
/// [`find_in_order`] rather than a scan from the start for each.
pub fn chosen_treatments<'a>(
    state: &CompareState,
    treatments: &[&'a Treatment],
) -> Vec<&'a Treatment> {
    find_in_order(&state.treatments, treatments, |t| &t.id)
        .into_iter()
        .copied()
        .collect()
}

/// The chosen treatments in screen order: sorted in [`View::Rows`] when the state has a sort
/// on a known attribute, otherwise as chosen (in columns the order is the reader's own).
/// The table and the CSV both use this, so the export matches the screen.
pub fn ordered_treatments<'a>(
    state: &CompareState,
    treatments: &[&'a Treatment],
    attributes: &[Attribute],
) -> Vec<&'a Treatment> {
    let chosen = chosen_treatments(state, treatments);
    let sort_by = state
        .sort
        .as_ref()
        .filter(|_| state.view == View::Rows)
        .and_then(|sort| {
            let attribute = attributes.iter().find(|a| a.id == sort.attribute)?;
            Some((attribute, sort.dir))
        });
    match sort_by {
        Some((attribute, dir)) => sort_treatments(&chosen, attribute, dir)
            .into_iter()
            .filter_map(|index| chosen.get(index).copied())
            .collect(),
        None => chosen,
    }
}

/// The groups and attributes to draw, groups in display order ([`Group::ALL`]), attributes in
/// file order. Hidden groups are left out; with `only_differences`, so are attributes on which
/// all chosen treatments agree; groups left with no attributes are dropped. Collapsed groups
/// stay in: collapsing only folds them on screen.
pub fn visible_rows<'a>(
    state: &CompareState,
    treatments: &[&Treatment],
    attributes: &'a [Attribute],
) -> Vec<RowGroup<'a>> {
    let chosen = chosen_treatments(state, treatments);
    let shown = |attribute: &Attribute| {
        if !state.only_differences {
            return true;
        }
        let cells: Vec<Option<&Cell>> =
            chosen.iter().map(|t| t.values.get(&attribute.id)).collect();
        differs(attribute, &cells)
    };
    Group::ALL
        .into_iter()
        .filter(|group| !state.hidden_groups.contains(group))
        .filter_map(|group| {
            let attributes: Vec<&Attribute> = attributes
                .iter()
                .filter(|a| a.group == group && shown(a))
                .collect();
            (!attributes.is_empty()).then_some(RowGroup { group, attributes })
        })
        .collect()
}

/// Whether the reviewed cells do not all say the same. Cells not yet reviewed are left out:
/// a gap in Pathways' work is neither a difference nor a match, so it can neither bring a row
/// in nor keep one out. "Not established" and "does not apply" are findings, so they differ
/// from a value and equal themselves.
pub fn differs(attribute: &Attribute, cells: &[Option<&Cell>]) -> bool {
    let mut readings = cells
        .iter()
        .map(|cell| read(attribute, *cell))
        .filter(|reading| *reading != Reading::NotReviewed);
    match readings.next() {
        Some(first) => readings.any(|reading| reading != first),
        None => false,
    }
}

/// How a cell compares with the baseline's cell for the same attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    Better,
    Worse,
    Same,
}

impl Judgement {
    /// Screen-reader text; the visual marker alone would not say which way it points.
    pub fn label(self) -> &'static str {
        match self {
            Judgement::Better => "better than baseline",
            Judgement::Worse => "worse than baseline",
            Judgement::Same => "same as baseline",
        }
    }
}

/// `other` against `baseline`, by the attribute's `better` direction. `None` when there is no
/// direction (`Better::None`, category, text) or either side holds no value (not established,
/// does not apply, not yet reviewed): what is not known is neither better nor worse.
pub fn judge(
    attribute: &Attribute,
    baseline: Option<&Cell>,
    other: Option<&Cell>,
) -> Option<Judgement> {
    if attribute.better == Better::None {
        return None;
    }
    let (Reading::Value(base), Reading::Value(other)) =
        (read(attribute, baseline), read(attribute, other))
    else {
        return None;
    };
    let order = match (base, other) {
        (Value::Level(base), Value::Level(other)) => other.cmp(&base),
        (Value::Number(base), Value::Number(other)) => other.partial_cmp(&base)?,
        _ => return None,
    };
    // `order` says whether `other` is lower (earlier level, smaller number) than the baseline.
    let lower_is_better = attribute.better == Better::Low;
    Some(match order {
        Ordering::Equal => Judgement::Same,
        Ordering::Less if lower_is_better => Judgement::Better,
        Ordering::Greater if !lower_is_better => Judgement::Better,
        Ordering::Less | Ordering::Greater => Judgement::Worse,
    })
}
