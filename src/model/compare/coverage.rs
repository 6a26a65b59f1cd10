//! How much of a table Pathways has reviewed. "Not yet reviewed" cells are never sorted or
//! judged, so this count is where they show: a reader (and `make content`) can see how much is
//! still to do instead of mistaking the gaps for findings.

use super::value::{cell_state, editorial_basis};
use crate::model::{Attribute, Cell, CellState, Treatment};

/// Cells counted by what they say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Cells holding a value, the editorial ones included.
    pub established: usize,
    /// Established cells whose value is the editors' judgement (with a stated basis).
    pub editorial: usize,
    pub not_established: usize,
    pub does_not_apply: usize,
    pub not_reviewed: usize,
    /// Cells, in any state, that cite at least one source.
    pub with_sources: usize,
}

impl Coverage {
    /// Counts one more cell (`None`: the treatment has no cell for the attribute).
    pub fn add(&mut self, attribute: &Attribute, cell: Option<&Cell>) {
        match cell_state(attribute, cell) {
            CellState::Established => self.established += 1,
            CellState::NotEstablished => self.not_established += 1,
            CellState::DoesNotApply => self.does_not_apply += 1,
            CellState::NotReviewed => self.not_reviewed += 1,
        }
        if editorial_basis(attribute, cell).is_some() {
            self.editorial += 1;
        }
        if cell.is_some_and(|c| !c.refs.is_empty()) {
            self.with_sources += 1;
        }
    }

    /// Every treatment's cell for every attribute.
    pub fn of(treatments: &[&Treatment], attributes: &[&Attribute]) -> Coverage {
        let mut coverage = Coverage::default();
        for treatment in treatments {
            for attribute in attributes {
                coverage.add(attribute, treatment.values.get(&attribute.id));
            }
        }
        coverage
    }

    pub fn count(&self, state: CellState) -> usize {
        match state {
            CellState::Established => self.established,
            CellState::NotEstablished => self.not_established,
            CellState::DoesNotApply => self.does_not_apply,
            CellState::NotReviewed => self.not_reviewed,
        }
    }

    pub fn total(&self) -> usize {
        self.established + self.not_established + self.does_not_apply + self.not_reviewed
    }

    /// Cells Pathways has checked: every state but "not yet reviewed".
    pub fn reviewed(&self) -> usize {
        self.total() - self.not_reviewed
    }

    /// Reviewed cells as a whole percentage, rounded down so that a table with one gap never
    /// reads "100%". An empty table counts as fully reviewed: it has nothing left to do.
    pub fn percent_reviewed(&self) -> usize {
        match self.total() {
            0 => 100,
            total => self.reviewed() * 100 / total,
        }
    }
}
