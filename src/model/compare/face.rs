//! What one cell of the table shows, as plain data: the full table draws it once, and the
//! windowed table compares it with what a cell showed before and writes only the difference.

use super::table::{judge, Judgement};
use super::value::{cell_state, display_value, editorial_basis, scale_position};
use crate::model::{Attribute, CellState, Treatment};

/// One cell's words, their state, its scale, its editorial mark and its mark against the
/// baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct CellFace {
    pub text: String,
    pub state: CellState,
    /// The small scale: (filled dots, all dots).
    pub scale: Option<(usize, usize)>,
    /// The value is the editors' judgement.
    pub editorial: bool,
    pub judgement: Option<Judgement>,
}

impl CellFace {
    /// `treatment`'s value of `attribute`, judged against `baseline` (never against itself).
    pub fn of(
        attribute: &Attribute,
        treatment: &Treatment,
        baseline: Option<&Treatment>,
    ) -> CellFace {
        let value = treatment.values.get(&attribute.id);
        let judgement = baseline
            .filter(|b| b.id != treatment.id)
            .and_then(|b| judge(attribute, b.values.get(&attribute.id), value));
        CellFace {
            text: display_value(attribute, value),
            state: cell_state(attribute, value),
            // One dot filled at the better end, all of them at the worse end.
            scale: scale_position(attribute, value)
                .map(|(steps, count)| ((steps + 1).min(count), count)),
            editorial: editorial_basis(attribute, value).is_some(),
            judgement,
        }
    }
}
