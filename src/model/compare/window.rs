//! Which rows of a long rows view to draw for a scroll position: the arithmetic of the windowed
//! table, kept here so the component only reads the scroll box and draws the answer.
//!
//! Above [`WINDOW_THRESHOLD`] treatments the rows view draws the rows in and near the scroll
//! box's viewport, with one spacer row above and one below that stand in for the others at their
//! full height, so the scroll bar, the scroll position and the sticky header behave as with the
//! whole table. Every body row has the same height in that view (the stylesheet keeps each cell
//! to one line), so a row's position is its index times that height.

/// Most rows a rows view draws in full. Measured on the bench's 500 × 40 catalogue, a full
/// table costs about 2 ms per row to sort and lay out (1,031 ms for 500 rows), so 60 rows stay
/// well inside one 16 ms frame at the real catalogue's 9 to 20 attributes, and within a couple
/// of frames even at 40 attributes. A window draws about as many rows (a 900 px screen holds
/// some 20 rows, plus the overscan on both sides), so windowing smaller tables would save
/// nothing and would lose the plain DOM: find-in-page, and a screen reader's own table reading.
pub const WINDOW_THRESHOLD: usize = 60;

/// Rows drawn beyond each edge of the viewport, so a wheel turn or a key press shows drawn
/// rows at once while the window catches up. The window moves in the scroll event, which the
/// browser handles before it draws the frame, so the margin only has to cover what the page
/// can scroll before that: two rows (about 100 px, a wheel notch). Every drawn row is a row of
/// cells to rewrite and lay out on a sort, so four (session 5) cost about a fifth more per
/// sort on the bench's 500 × 40 table, and eight a quarter more per scroll step than four
/// (docs/performance.md).
pub const OVERSCAN_ROWS: usize = 2;

/// The body row height assumed until one is measured (a one-line cell: 36 px button, padding
/// and border).
pub const DEFAULT_ROW_HEIGHT: f64 = 53.0;

/// The viewport height assumed until the scroll box is measured: the bench's and a laptop's
/// window, so the first draw already fills the screen.
pub const DEFAULT_VIEWPORT: f64 = 900.0;

/// Attribute columns drawn beyond each side of the viewport in a windowed table. The rows
/// are windowed across as well as down: a drawn row of all 40 of the bench's attributes is
/// some 160 elements, while a laptop's screen shows about eight columns, so a sort rewrote
/// four times the cells anyone could see.
pub const OVERSCAN_COLUMNS: usize = 1;

/// An attribute column's width assumed until one is measured (the windowed view's 8.5 rem
/// cells with their padding).
pub const DEFAULT_COLUMN_WIDTH: f64 = 152.0;

/// The scroll box's width assumed until it is measured, less the sticky treatment column.
pub const DEFAULT_VIEWPORT_WIDTH: f64 = 1_100.0;

/// Whether a rows view of `rows` treatments is windowed.
pub fn is_windowed(rows: usize) -> bool {
    rows > WINDOW_THRESHOLD
}

/// The rows to draw, `start..end` (indices in screen order), and the heights in whole pixels of
/// the spacers that stand in for the rows above and below them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWindow {
    pub start: usize,
    pub end: usize,
    pub before_px: u32,
    pub after_px: u32,
}

impl RowWindow {
    /// Every row, no spacers: the table below the threshold, and on paper.
    pub fn all(rows: usize) -> RowWindow {
        RowWindow {
            start: 0,
            end: rows,
            before_px: 0,
            after_px: 0,
        }
    }
}

/// The window for `rows` rows of `row_height` px when the body has scrolled `scroll_top` px and
/// the viewport is `viewport` px tall, with `overscan` more rows on each side. Inputs that are
/// not usable numbers (negative, NaN, a zero row height) fall back to the defaults above or to
/// the top, so a bad measurement draws too many rows, never none.
pub fn row_window(
    rows: usize,
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    overscan: usize,
) -> RowWindow {
    let row_height = usable(row_height).unwrap_or(DEFAULT_ROW_HEIGHT);
    let viewport = usable(viewport).unwrap_or(DEFAULT_VIEWPORT);
    span(rows, scroll_top, viewport, row_height, overscan)
}

/// The same for the attribute columns of a windowed table, across: `columns` columns of
/// `column_width` px, the box scrolled `scroll_left` px, `viewport` px of it visible beside
/// the sticky treatment column. `before_px` and `after_px` are then the widths of the spacer
/// cells at the two ends of each row.
///
/// Unlike the rows', this window always holds the same number of columns for one viewport
/// (all of them, if there are fewer): at the right end it reaches back rather than shrinking.
/// A row's cells are rewritten in place when the window moves, so a window that shrank would
/// remove the last cells, and with them the focused one of a reader who tabbed to the end.
pub fn column_window(
    columns: usize,
    scroll_left: f64,
    viewport: f64,
    column_width: f64,
) -> RowWindow {
    let column_width = usable(column_width).unwrap_or(DEFAULT_COLUMN_WIDTH);
    let viewport = usable(viewport).unwrap_or(DEFAULT_VIEWPORT_WIDTH);
    let w = span(
        columns,
        scroll_left,
        viewport,
        column_width,
        OVERSCAN_COLUMNS,
    );
    // A partly visible column at each edge, and the overscan beyond each.
    let size = ((viewport / column_width).ceil() as usize)
        .saturating_add(1 + 2 * OVERSCAN_COLUMNS)
        .min(columns);
    let start = w.start.min(columns - size);
    let end = start + size;
    RowWindow {
        start,
        end,
        before_px: px(start, column_width),
        after_px: px(columns, column_width).saturating_sub(px(end, column_width)),
    }
}

/// `count` items of `size` px along one axis, `offset` px scrolled, `viewport` px visible,
/// `overscan` more on each side: the rows' window down, and the columns' across.
fn span(count: usize, offset: f64, viewport: f64, size: f64, overscan: usize) -> RowWindow {
    let offset = if offset.is_finite() {
        offset.max(0.0)
    } else {
        0.0
    };
    let first = ((offset / size).floor() as usize).min(count);
    let last = (((offset + viewport) / size).ceil() as usize).min(count);
    let start = first.saturating_sub(overscan);
    let end = last.saturating_add(overscan).min(count).max(start);
    RowWindow {
        start,
        end,
        before_px: px(start, size),
        // From the rounded total, so the two spacers and the drawn items always add up to it.
        after_px: px(count, size).saturating_sub(px(end, size)),
    }
}

/// Where a Page Up/Down, Home or End press inside the table takes the scroll box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollKey {
    PageUp,
    PageDown,
    Home,
    End,
}

impl ScrollKey {
    /// The key of a `KeyboardEvent.key` value, if it is one of the four.
    pub fn from_key(key: &str) -> Option<ScrollKey> {
        match key {
            "PageUp" => Some(ScrollKey::PageUp),
            "PageDown" => Some(ScrollKey::PageDown),
            "Home" => Some(ScrollKey::Home),
            "End" => Some(ScrollKey::End),
            _ => None,
        }
    }
}

/// The scroll box's new `scrollTop` for `key`: a page is the viewport less one row, so the row
/// at the edge stays in sight; the result stays within `0..=max_top`.
pub fn scroll_for_key(
    key: ScrollKey,
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    max_top: f64,
) -> f64 {
    let max_top = if max_top.is_finite() {
        max_top.max(0.0)
    } else {
        0.0
    };
    let row_height = usable(row_height).unwrap_or(DEFAULT_ROW_HEIGHT);
    let page = (usable(viewport).unwrap_or(DEFAULT_VIEWPORT) - row_height).max(row_height);
    let top = if scroll_top.is_finite() {
        scroll_top
    } else {
        0.0
    };
    let next = match key {
        ScrollKey::PageUp => top - page,
        ScrollKey::PageDown => top + page,
        ScrollKey::Home => 0.0,
        ScrollKey::End => max_top,
    };
    next.clamp(0.0, max_top)
}

fn usable(length: f64) -> Option<f64> {
    (length.is_finite() && length > 0.0).then_some(length)
}

fn px(rows: usize, row_height: f64) -> u32 {
    (rows as f64 * row_height).round() as u32
}
