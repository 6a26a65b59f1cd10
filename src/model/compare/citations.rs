//! Which sources the table on screen cites, in the order a reader meets them.

use crate::model::Treatment;

/// Reference ids cited by the cells on screen, in order of first appearance, row by row
/// (`attributes` in display order, each across `treatments`): position + 1 is the number shown
/// in the cell details and the reference list. Attributes a treatment has no cell for cite
/// nothing.
pub fn cited_in(treatments: &[&Treatment], attributes: &[&str]) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for attribute in attributes {
        for treatment in treatments {
            let Some(cell) = treatment.values.get(*attribute) else {
                continue;
            };
            for r in &cell.refs {
                if !order.contains(r) {
                    order.push(r.clone());
                }
            }
        }
    }
    order
}
