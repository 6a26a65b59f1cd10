use crate::model::compare::{
    column_window, is_windowed, row_window, scroll_for_key, RowWindow, ScrollKey,
    DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DEFAULT_VIEWPORT_WIDTH, OVERSCAN_COLUMNS,
    WINDOW_THRESHOLD,
};

#[test]
fn only_tables_above_the_threshold_are_windowed() {
    assert!(!is_windowed(9));
    assert!(!is_windowed(WINDOW_THRESHOLD));
    assert!(is_windowed(WINDOW_THRESHOLD + 1));
    assert!(is_windowed(500));
}

#[test]
fn at_the_top_the_window_is_the_viewport_and_the_overscan_below() {
    // 900 px of 50 px rows: rows 0..18 are in view, 8 more below.
    let w = row_window(500, 0.0, 900.0, 50.0, 8);
    let expected = RowWindow {
        start: 0,
        end: 26,
        before_px: 0,
        after_px: 474 * 50,
    };
    assert_eq!(w, expected);
}

#[test]
fn in_the_middle_the_overscan_is_on_both_sides() {
    // Scrolled 10,025 px: row 200 is cut at the top, row 218 at the bottom.
    let w = row_window(500, 10_025.0, 900.0, 50.0, 8);
    assert_eq!((w.start, w.end), (192, 227));
    assert_eq!(w.before_px, 192 * 50);
    assert_eq!(w.after_px, (500 - 227) * 50);
}

#[test]
fn at_the_bottom_the_last_row_is_drawn_and_no_spacer_follows() {
    let rows = 500;
    let max_top = rows as f64 * 50.0 - 900.0;
    let w = row_window(rows, max_top, 900.0, 50.0, 8);
    assert_eq!(w.end, rows);
    assert_eq!(w.after_px, 0);
    assert_eq!(w.start, 482 - 8);
    // Past the end (a stale scroll offset after the table shrank): still the last rows.
    let w = row_window(rows, 1.0e9, 900.0, 50.0, 8);
    assert_eq!((w.start, w.end, w.after_px), (rows - 8, rows, 0));
}

#[test]
fn spacers_and_rows_always_add_up_to_the_whole_table() {
    let height: f64 = 52.6;
    let total = (500.0 * height).round() as u32;
    for top in [0.0, 1.0, 333.3, 5_000.0, 12_345.6, 26_000.0] {
        let w = row_window(500, top, 871.0, height, 8);
        let drawn = ((w.end as f64 * height).round() - (w.start as f64 * height).round()) as u32;
        assert_eq!(w.before_px + drawn + w.after_px, total, "scrolled {top}");
        assert!(w.start <= w.end && w.end <= 500);
        // The rows in view are always among the drawn ones.
        let first_in_view = (top / height).floor() as usize;
        assert!(
            w.start <= first_in_view && first_in_view < w.end,
            "{top}: {w:?}"
        );
    }
}

#[test]
fn all_is_every_row_without_spacers() {
    let w = RowWindow::all(9);
    assert_eq!((w.start, w.end, w.before_px, w.after_px), (0, 9, 0, 0));
}

#[test]
fn a_short_table_is_drawn_whole() {
    let w = row_window(5, 0.0, 900.0, 50.0, 8);
    assert_eq!((w.start, w.end, w.before_px, w.after_px), (0, 5, 0, 0));
    let w = row_window(0, 0.0, 900.0, 50.0, 8);
    assert_eq!((w.start, w.end), (0, 0));
}

#[test]
fn unusable_measurements_fall_back_instead_of_drawing_nothing() {
    for (top, viewport, height) in [
        (f64::NAN, 900.0, 50.0),
        (-300.0, 900.0, 50.0),
        (0.0, f64::NAN, 50.0),
        (0.0, 0.0, 50.0),
        (0.0, 900.0, 0.0),
        (0.0, 900.0, f64::INFINITY),
        (0.0, 900.0, -1.0),
    ] {
        let w = row_window(500, top, viewport, height, 8);
        assert_eq!(w.start, 0, "{top} {viewport} {height}");
        assert!(w.end > 8, "{top} {viewport} {height}: {w:?}");
    }
    let w = row_window(500, 0.0, 900.0, 0.0, 0);
    assert_eq!(
        w.after_px,
        ((500 - w.end) as f64 * DEFAULT_ROW_HEIGHT) as u32
    );
}

#[test]
fn keys_page_by_the_viewport_less_a_row_and_stay_in_range() {
    let max = 24_100.0;
    assert_eq!(
        scroll_for_key(ScrollKey::PageDown, 0.0, 900.0, 50.0, max),
        850.0
    );
    assert_eq!(
        scroll_for_key(ScrollKey::PageUp, 1_000.0, 900.0, 50.0, max),
        150.0
    );
    assert_eq!(
        scroll_for_key(ScrollKey::PageUp, 100.0, 900.0, 50.0, max),
        0.0
    );
    assert_eq!(
        scroll_for_key(ScrollKey::PageDown, 24_000.0, 900.0, 50.0, max),
        max
    );
    assert_eq!(
        scroll_for_key(ScrollKey::Home, 5_000.0, 900.0, 50.0, max),
        0.0
    );
    assert_eq!(
        scroll_for_key(ScrollKey::End, 5_000.0, 900.0, 50.0, max),
        max
    );
    // A viewport smaller than a row still moves by a row.
    assert_eq!(
        scroll_for_key(ScrollKey::PageDown, 0.0, 30.0, 50.0, max),
        50.0
    );
    assert_eq!(
        scroll_for_key(ScrollKey::End, 0.0, 900.0, 50.0, f64::NAN),
        0.0
    );
}

#[test]
fn only_the_four_scroll_keys_are_taken() {
    assert_eq!(ScrollKey::from_key("PageDown"), Some(ScrollKey::PageDown));
    assert_eq!(ScrollKey::from_key("PageUp"), Some(ScrollKey::PageUp));
    assert_eq!(ScrollKey::from_key("Home"), Some(ScrollKey::Home));
    assert_eq!(ScrollKey::from_key("End"), Some(ScrollKey::End));
    for other in ["ArrowDown", "Enter", " ", "home", ""] {
        assert_eq!(ScrollKey::from_key(other), None, "{other:?}");
    }
}

#[test]
fn columns_are_windowed_across_with_spacers_of_the_right_width() {
    // 40 columns of 150 px, 900 px visible: columns 0..6 in view, one more each side.
    let w = column_window(40, 0.0, 900.0, 150.0);
    assert_eq!((w.start, w.end), (0, 6 + 1 + 2 * OVERSCAN_COLUMNS));
    assert_eq!(w.before_px, 0);
    assert_eq!(w.after_px, (40 - w.end) as u32 * 150);
    // Scrolled to column 10: it is drawn, with the overscan before it.
    let w = column_window(40, 1_500.0, 900.0, 150.0);
    assert_eq!(w.start, 10 - OVERSCAN_COLUMNS);
    assert!(w.end > 16);
    assert_eq!(w.before_px, w.start as u32 * 150);
    assert_eq!(
        w.before_px + (w.end - w.start) as u32 * 150 + w.after_px,
        40 * 150
    );
}

#[test]
fn the_column_window_keeps_its_size_to_the_right_end() {
    let size = |w: RowWindow| w.end - w.start;
    let first = column_window(40, 0.0, 900.0, 150.0);
    for left in [75.0, 1_000.0, 4_500.0, 5_100.0, 6_000.0, 1.0e9] {
        let w = column_window(40, left, 900.0, 150.0);
        assert_eq!(size(w), size(first), "at {left}");
        assert!(w.end <= 40, "at {left}");
    }
    // At the far right it ends at the last column.
    assert_eq!(column_window(40, 1.0e9, 900.0, 150.0).end, 40);
    // Fewer columns than fit: all of them, no spacers.
    let w = column_window(4, 300.0, 900.0, 150.0);
    assert_eq!((w.start, w.end, w.before_px, w.after_px), (0, 4, 0, 0));
    assert_eq!(column_window(0, 0.0, 900.0, 150.0), RowWindow::all(0));
}

#[test]
fn unusable_column_measurements_fall_back_to_the_defaults() {
    let defaults = column_window(40, 0.0, DEFAULT_VIEWPORT_WIDTH, DEFAULT_COLUMN_WIDTH);
    for (left, viewport, width) in [
        (0.0, f64::NAN, 0.0),
        (-5.0, 0.0, -1.0),
        (f64::NAN, f64::INFINITY, f64::NAN),
    ] {
        assert_eq!(column_window(40, left, viewport, width), defaults);
    }
}
