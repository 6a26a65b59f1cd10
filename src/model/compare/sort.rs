//! Ordering treatments by one attribute, for the treatments-as-rows layout.

use std::cmp::Ordering;

use super::value::{read, Reading, Value};
use crate::model::{Attribute, Treatment};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub attribute: String,
    pub dir: SortDir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn id(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    /// The `aria-sort` value for the sorted column header.
    pub fn aria_sort(self) -> &'static str {
        match self {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        }
    }
}

/// The next sort after a click on `attribute`'s header: none → ascending → descending → none.
/// A click on another column starts that column ascending.
pub fn next_sort(current: Option<&Sort>, attribute: &str) -> Option<Sort> {
    let dir = match current {
        Some(sort) if sort.attribute == attribute => match sort.dir {
            SortDir::Asc => SortDir::Desc,
            SortDir::Desc => return None,
        },
        _ => SortDir::Asc,
    };
    Some(Sort {
        attribute: attribute.to_string(),
        dir,
    })
}

/// Indices into `treatments` in sorted order. Ordinal values sort by level position (the
/// content's order, not the alphabet), numbers numerically, category and text ignoring case.
/// Cells without a value are never sorted as if they were better or worse: they follow the
/// values in both directions, in input order, grouped by what they say (not established, does
/// not apply, not yet reviewed) so like stands with like. Stable: ties keep input order in both
/// directions.
///
/// Each key is computed once per treatment (level lookup, lowercasing), so the comparisons
/// themselves never search or allocate.
pub fn sort_treatments(
    treatments: &[&Treatment],
    attribute: &Attribute,
    dir: SortDir,
) -> Vec<usize> {
    let mut keyed: Vec<(usize, Key)> = Vec::with_capacity(treatments.len());
    let (mut not_established, mut does_not_apply, mut not_reviewed) =
        (Vec::new(), Vec::new(), Vec::new());
    for (index, treatment) in treatments.iter().enumerate() {
        match read(attribute, treatment.values.get(&attribute.id)) {
            Reading::Value(value) => keyed.push((index, Key::from(value))),
            Reading::NotEstablished => not_established.push(index),
            Reading::DoesNotApply => does_not_apply.push(index),
            Reading::NotReviewed => not_reviewed.push(index),
        }
    }
    // `sort_by` is stable, and reversing the comparison (not the result) keeps ties in order.
    keyed.sort_by(|(_, a), (_, b)| match dir {
        SortDir::Asc => a.cmp(b),
        SortDir::Desc => b.cmp(a),
    });
    keyed
        .into_iter()
        .map(|(index, _)| index)
        .chain(not_established)
        .chain(does_not_apply)
        .chain(not_reviewed)
        .collect()
}

/// A precomputed sort key. All keys for one attribute have the same variant, because the
/// variant follows the attribute's kind; the cross-variant order only keeps `Ord` total.
#[derive(Debug)]
enum Key {
    Level(usize),
    Number(f64),
    Text(String),
}

impl From<Value<'_>> for Key {
    fn from(value: Value<'_>) -> Self {
        match value {
            Value::Level(index) => Key::Level(index),
            // `+ 0.0` turns -0 into 0, which `total_cmp` would otherwise put first.
            Value::Number(n) => Key::Number(n + 0.0),
            Value::Text(text) => Key::Text(text.to_lowercase()),
        }
    }
}

impl Key {
    fn rank(&self) -> u8 {
        match self {
            Key::Level(_) => 0,
            Key::Number(_) => 1,
            Key::Text(_) => 2,
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Key::Level(a), Key::Level(b)) => a.cmp(b),
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }
}
