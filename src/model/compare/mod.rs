//! The side-by-side comparison at `/compare`, as pure logic: the view's URL state, sorting,
//! the visible table, judgements against a baseline, cell text, CSV export and the picker
//! search. The page is a thin view over these functions, so every rule is tested natively.
//!
//! # How the page uses this
//! 1. On load and on every navigation, [`parse`] the query string with the known treatment and
//!    attribute ids. It never fails: whatever it could not use comes back as [`Notice`]s, which
//!    the page shows above the table (as plain text: they quote parts of the address).
//! 2. Every control changes a copy of the [`CompareState`] through one of its methods
//!    (`add`, `remove`, `toggle_hidden`, `toggle_collapsed`, `show_all`, `show_default`,
//!    `set_baseline`, `sort_by`, …) and writes [`format()`] of it back to the address, so the
//!    address is always canonical and a copied link reproduces the view.
//! 3. [`chosen_treatments`] resolves the ids in the state; [`ordered_treatments`] puts them in
//!    screen order (sorted by [`sort_treatments`] in [`View::Rows`], as chosen otherwise).
//!    [`visible_rows`] gives the groups and attributes to draw, in display order; the page keeps
//!    them once per change as [`ShownRows`], which also feed [`cited_in`] (the citation numbers).
//! 4. Each cell shows [`display_value`] and its [`cell_state`], with [`scale_position`] for the
//!    small scale, [`editorial_basis`] when the value is the editors' judgement and, when a
//!    baseline is set, [`judge`] (its [`Judgement::label`] is the screen-reader text).
//!    [`Coverage`] counts the cells on screen by state, for the coverage figure.
//! 5. "Download CSV" saves [`table_csv`]; prefix [`EXCEL_BOM`] so spreadsheet programs read the
//!    file as UTF-8 (the data has `α2δ`).
//! 6. A rows view of more than [`WINDOW_THRESHOLD`] treatments draws only [`row_window`]'s
//!    rows for the scroll position, between two spacers.
//! 7. The treatment picker lists [`search_treatments`] for what the reader types.
//!
//! # The address
//! `t=ketamine,opioids,nsaids&sort=onset-asc&base=ketamine&diff=1&hide=serious-risks,evidence&view=rows&open=mechanism`
//!
//! | key | meaning | default (omitted) |
//! |---|---|---|
//! | `t` | chosen treatment ids, in column order, 2–8 | [`DEFAULT_TREATMENTS`] |
//! | `sort` | `<attribute>-asc` or `<attribute>-desc` | not sorted |
//! | `base` | the baseline treatment, one of `t` | no baseline |
//! | `diff` | `1`: only rows where the treatments differ | `0` |
//! | `hide` | group ids left out of the table | none |
//! | `view` | `rows`: one row per treatment | `columns` |
//! | `open` | the groups left expanded; every other group is collapsed | all expanded |
//!
//! `t` is always written, even for the default selection: a shared link should keep showing
//! the same treatments if the default changes later.
//!
//! # Cells without a value
//! A cell says one of four things ([`crate::model::CellState`]): a value; "not established" (its
//! sources say the evidence does not settle it); "does not apply"; or "not yet reviewed" (a gap
//! in Pathways' own work). A missing cell, or a value that does not fit the attribute (an
//! ordinal value outside the levels, a number where text belongs, a non-finite number), reads
//! as "not yet reviewed": it says nothing about the treatment. Every function here follows
//! that one reading ([`cell_state`]):
//!
//! | | sorted | only differences | baseline mark |
//! |---|---|---|---|
//! | a value | by value | compared | when the scale has a direction |
//! | not established, does not apply | after the values, input order | a finding: equals itself, differs from the rest | never |
//! | not yet reviewed | last, input order | left out: neither a difference nor a match | never |

mod changes;
mod citations;
mod coverage;
mod csv;
mod face;
mod search;
mod sort;
mod state;
mod table;
mod value;
mod window;

#[cfg(test)]
mod tests;

use std::fmt;

pub use citations::cited_in;
pub use coverage::Coverage;
pub use csv::{table_csv, to_csv, EDITORIAL_SUFFIX, EXCEL_BOM};
pub use face::CellFace;
pub use search::search_treatments;
pub use sort::{next_sort, sort_treatments, Sort, SortDir};
pub use state::{
    format, parse, parse_for, CompareState, View, DEFAULT_TREATMENTS, MAX_TREATMENTS,
    MIN_TREATMENTS,
};
pub use table::{
    chosen_treatments, differs, judge, ordered_treatments, visible_rows, Judgement, RowGroup,
    ShownRows,
};
pub use value::{
    cell_state, display_value, editorial_basis, is_cell_number, scale_position, DOES_NOT_APPLY,
    MAX_CELL_NUMBER, NOT_ESTABLISHED, NOT_REVIEWED,
};
pub use window::{
    column_window, is_windowed, row_window, scroll_for_key, RowWindow, ScrollKey,
    DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DEFAULT_VIEWPORT, DEFAULT_VIEWPORT_WIDTH,
    OVERSCAN_COLUMNS, OVERSCAN_ROWS, WINDOW_THRESHOLD,
};

/// Something in the address that could not be used, said for the reader: it explains why the
/// view differs from the link they followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub message: String,
}

impl Notice {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Notice {
            message: message.into(),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
