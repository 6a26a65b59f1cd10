//! The body of the rows table: a set of row slots, and in each a set of cell slots. Slot `j`
//! shows the treatment at place `window.start + j`, cell slot `k` the column at
//! `drawn.start + k` (every row and column of a full table; those near the viewport of a
//! windowed one). A scroll, either way, or a sort leaves every element where it is and changes
//! only the words, classes and attributes whose values changed; elements are made and dropped
//! only when the number of drawn rows or columns changes (a resize, the end of the list, a
//! folded group, printing).
//!
//! Why not draw each row from its treatment: under `--cfg erase_components` an element drawn
//! again removes and sets every one of its attributes, and a drawn row made new views only to
//! throw them away. A sort of the 500-row table spent most of its time there
//! (docs/performance.md, "Session 6").

use leptos::html::Td;
use leptos::prelude::*;

use super::across::{self, Column};
use super::rows::HEADER_ROWS;
use super::slot_cell::{Shown, SlotCell};
use super::Layout;
use crate::components::compare::{CompareData, OpenCell};
use crate::model::compare::{CellFace, RowWindow};

/// What the body draws from.
#[derive(Clone)]
pub(super) struct Slots {
    /// Every chosen treatment's id, in screen order.
    pub order: Memo<Vec<String>>,
    /// The rows drawn.
    pub window: Memo<RowWindow>,
    /// Every column, left to right, and those drawn.
    pub columns: Memo<Vec<Column>>,
    pub drawn: Memo<RowWindow>,
    /// The table's layout, for the baseline.
    pub layout: Memo<Layout>,
    pub data: CompareData,
    pub open: OpenCell,
}

/// A drawn column: its place among all columns (its `aria-colindex`) and its attribute, as an
/// index into the catalogue's attributes (`None` for a folded group's column).
#[derive(Clone, Copy, PartialEq)]
struct SlotColumn {
    colindex: usize,
    attribute: Option<usize>,
}

/// The body's rows, between the spacer rows that `rows.rs` draws.
pub(super) fn body(slots: Slots) -> impl IntoView {
    let Slots {
        columns,
        drawn,
        data,
        ..
    } = slots.clone();
    // The drawn columns, shared by every row.
    let slot_columns = Memo::new(move |_| {
        let attributes = &data.attributes.attributes;
        let w = drawn.get();
        columns.with(|columns| {
            across::drawn(columns, w)
                .map(|(colindex, column)| SlotColumn {
                    colindex,
                    attribute: column
                        .attribute
                        .as_deref()
                        .and_then(|id| attributes.iter().position(|a| a.id == id)),
                })
                .collect::<Vec<_>>()
        })
    });
    // The baseline's place in the catalogue: a memo, so a change that keeps it leaves the
    // rows alone.
    let base = Memo::new({
        let data = slots.data.clone();
        let layout = slots.layout;
        move |_| layout.with(|l| l.baseline.as_deref().and_then(|b| data.treatment_index(b)))
    });
    let window = slots.window;
    view! {
        <For each=move || 0..window.with(|w| w.end - w.start) key=|j| *j let:j>
            {row(j, &slots, slot_columns, base)}
        </For>
    }
}

/// Row slot `j`: the treatment at place `window.start + j`.
fn row(
    j: usize,
    slots: &Slots,
    slot_columns: Memo<Vec<SlotColumn>>,
    base: Memo<Option<usize>>,
) -> impl IntoView {
    let Slots {
        order,
        window,
        drawn,
        data,
        open,
        ..
    } = slots.clone();
    let place = Memo::new(move |_| window.with(|w| w.start + j));
    // The treatment shown, as an index into the catalogue: the cells read it without a lookup.
    let treatment = Memo::new({
        let data = data.clone();
        move |_| {
            let place = place.get();
            order.with(|o| data.treatment_index(o.get(place)?))
        }
    });
    let name = {
        let data = data.clone();
        move |of: fn(&crate::model::Treatment) -> String| {
            treatment
                .get()
                .and_then(|t| data.treatments.treatments.get(t))
                .map(of)
        }
    };
    let id = {
        let name = name.clone();
        move || name(|t| t.id.clone())
    };
    let label = move || name(|t| t.name.clone());
    let mark = move || {
        (treatment.get().is_some() && treatment.get() == base.get()).then_some(" (baseline)")
    };
    let px = |px: u32| format!("{px}px");
    // The cells go between the two spacer cells, before the second.
    let end = NodeRef::<Td>::new();
    keep_cells(end, treatment, slot_columns, base, data, open);
    view! {
        <tr aria-rowindex=move || place.get() + HEADER_ROWS + 1 data-treatment=id>
            <th scope="row" class="cmp-table__treatment" aria-colindex="1">
                <span class="cmp-table__name">{label}{mark}</span>
            </th>
            <td
                class="cmp-table__hspacer"
                aria-hidden="true"
                style:width=move || px(drawn.with(|w| w.before_px))
                style:min-width=move || px(drawn.with(|w| w.before_px))
            ></td>
            <td
                class="cmp-table__hspacer"
                aria-hidden="true"
                node_ref=end
                style:width=move || px(drawn.with(|w| w.after_px))
                style:min-width=move || px(drawn.with(|w| w.after_px))
            ></td>
        </tr>
    }
}

/// One effect per row keeps its cells, before `end`, in step with the treatment it shows (an
/// index into the catalogue), the drawn columns, the baseline and the open cell
/// (`slot_cell.rs`). It is the only writer of its cells, `aria-expanded` included.
fn keep_cells(
    end: NodeRef<Td>,
    treatment: Memo<Option<usize>>,
    slot_columns: Memo<Vec<SlotColumn>>,
    base: Memo<Option<usize>>,
    data: CompareData,
    open: OpenCell,
) {
    Effect::new(move |cells: Option<Vec<SlotCell>>| {
        let mut cells = cells.unwrap_or_default();
        let (Some(end), Some(doc)) = (end.get(), document_of()) else {
            return cells;
        };
        let Some(row) = end.parent_node() else {
            return cells;
        };
        let t = treatment.get();
        let b = base.get();
        let wanted = slot_columns.with(|columns| {
            columns
                .iter()
                .map(|c| shown(&data, t, *c, b))
                .collect::<Vec<_>>()
        });
        while cells.len() > wanted.len() {
            if let Some(cell) = cells.pop() {
                cell.remove();
            }
        }
        while cells.len() < wanted.len() {
            match SlotCell::new(&doc, &row, &end) {
                Some(cell) => cells.push(cell),
                None => break,
            }
        }
        let (treatments, attributes) = (&data.treatments.treatments, &data.attributes.attributes);
        open.with(|open| {
            for (cell, shown) in cells.iter_mut().zip(wanted) {
                let ids = shown.value.as_ref().and_then(|(t, a, _)| {
                    Some((
                        treatments.get(*t)?.id.as_str(),
                        attributes.get(*a)?.id.as_str(),
                    ))
                });
                let expanded = open
                    .as_ref()
                    .zip(ids)
                    .is_some_and(|((t, a), (st, sa))| t == st && a == sa);
                let attribute = ids.map_or("", |(_, a)| a);
                cell.show(&doc, shown, attribute, expanded);
            }
        });
        cells
    });
}

/// What the cell of treatment `t` (an index into the catalogue) in `column` shows.
fn shown(data: &CompareData, t: Option<usize>, column: SlotColumn, base: Option<usize>) -> Shown {
    let treatments = &data.treatments.treatments;
    let value = t.zip(column.attribute).and_then(|(t, a)| {
        let attr = data.attributes.attributes.get(a)?;
        let base = base.and_then(|b| treatments.get(b));
        Some((t, a, CellFace::of(attr, treatments.get(t)?, base)))
    });
    Shown {
        colindex: column.colindex,
        value,
    }
}

fn document_of() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
