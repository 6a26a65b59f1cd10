//! The rows view's columns, left to right, and the part of them a windowed table draws: the
//! heading cells, the cells of a row and the spacer cells that stand in for the columns left
//! out (`model::compare::column_window` does the arithmetic).

use std::ops::Range;

use leptos::prelude::*;

use super::Layout;
use crate::components::compare::CompareData;
use crate::model::compare::RowWindow;
use crate::model::{Attribute, Group};

/// One column of the rows view: an attribute of an open group, or the single empty cell that
/// keeps a folded group's place.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Column {
    pub group: Group,
    pub collapsed: bool,
    pub attribute: Option<String>,
}

/// Every column of `layout`, left to right.
pub(super) fn columns(layout: &Layout) -> Vec<Column> {
    let mut out = Vec::new();
    for (group, collapsed, attrs) in &layout.groups {
        if *collapsed {
            out.push(Column {
                group: *group,
                collapsed: true,
                attribute: None,
            });
        } else {
            out.extend(attrs.iter().map(|id| Column {
                group: *group,
                collapsed: false,
                attribute: Some(id.clone()),
            }));
        }
    }
    out
}

/// The group headings over `columns[range]`: each group's part of the range, in order, as
/// (group, collapsed, columns spanned).
pub(super) fn group_spans(columns: &[Column], range: Range<usize>) -> Vec<(Group, bool, usize)> {
    let mut spans: Vec<(Group, bool, usize)> = Vec::new();
    let end = range.end.min(columns.len());
    for column in columns.get(range.start.min(end)..end).unwrap_or_default() {
        match spans.last_mut() {
            Some((group, _, span)) if *group == column.group => *span += 1,
            _ => spans.push((column.group, column.collapsed, 1)),
        }
    }
    spans
}

/// The columns of `window`, each with its `aria-colindex` (the treatment column is column 1).
pub(super) fn drawn(
    columns: &[Column],
    window: RowWindow,
) -> impl Iterator<Item = (usize, &Column)> {
    columns
        .iter()
        .enumerate()
        .take(window.end)
        .skip(window.start)
        .map(|(i, column)| (i + 2, column))
}

/// The cells of `columns[window.start..window.end]`, each made by `each` (with its
/// `aria-colindex` when windowed); a folded group's column is an empty cell. When windowed,
/// they are [`framed`].
pub(super) fn across(
    columns: &[Column],
    window: RowWindow,
    windowed: bool,
    data: &CompareData,
    mut each: impl FnMut(&Attribute, Option<usize>) -> AnyView,
) -> Vec<AnyView> {
    let cells = drawn(columns, window)
        .map(|(colindex, column)| {
            let colindex = windowed.then_some(colindex);
            match column
                .attribute
                .as_deref()
                .and_then(|id| data.attribute(id))
            {
                Some(attr) => each(attr, colindex),
                None => {
                    view! { <td class="cmp-table__folded" aria-colindex=colindex></td> }.into_any()
                }
            }
        })
        .collect();
    framed(window, windowed, cells)
}

/// `cells` of a row (a heading row too), with a spacer cell at each end standing in for the
/// columns left out, at their width, when windowed.
pub(super) fn framed(window: RowWindow, windowed: bool, cells: Vec<AnyView>) -> Vec<AnyView> {
    if !windowed {
        return cells;
    }
    let mut views = Vec::with_capacity(cells.len() + 2);
    views.push(spacer(window.before_px));
    views.extend(cells);
    views.push(spacer(window.after_px));
    views
}

/// A cell as wide as the columns it stands in for; hidden from assistive technology, which
/// learns each drawn cell's place from `aria-colindex` and the table's `aria-colcount`.
fn spacer(px: u32) -> AnyView {
    view! {
        <td class="cmp-table__hspacer" aria-hidden="true" style:width=format!("{px}px") style:min-width=format!("{px}px")></td>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout {
            groups: vec![
                (Group::ALL[0], false, vec!["a".into(), "b".into()]),
                (Group::ALL[1], true, vec!["c".into()]),
                (
                    Group::ALL[2],
                    false,
                    vec!["d".into(), "e".into(), "f".into()],
                ),
            ],
            chosen: Vec::new(),
            baseline: None,
        }
    }

    #[test]
    fn a_folded_group_is_one_empty_column() {
        let ids: Vec<Option<String>> = columns(&layout())
            .into_iter()
            .map(|c| c.attribute)
            .collect();
        let ids: Vec<Option<&str>> = ids.iter().map(|a| a.as_deref()).collect();
        assert_eq!(
            ids,
            [Some("a"), Some("b"), None, Some("d"), Some("e"), Some("f")]
        );
    }

    #[test]
    fn group_headings_span_only_the_drawn_part_of_each_group() {
        let cols = columns(&layout());
        let [g0, g1, g2] = [Group::ALL[0], Group::ALL[1], Group::ALL[2]];
        assert_eq!(
            group_spans(&cols, 0..6),
            [(g0, false, 2), (g1, true, 1), (g2, false, 3)]
        );
        assert_eq!(
            group_spans(&cols, 1..4),
            [(g0, false, 1), (g1, true, 1), (g2, false, 1)]
        );
        assert_eq!(group_spans(&cols, 4..6), [(g2, false, 2)]);
        assert_eq!(group_spans(&cols, 3..3), []);
        // A range past the end (a stale window) stops at the last column.
        assert_eq!(group_spans(&cols, 4..9), [(g2, false, 2)]);
        assert_eq!(group_spans(&cols, 8..9), []);
    }
}
