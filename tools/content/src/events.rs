//! Markdown events as the compiler walks them: each keeps the byte range of the source it came
//! from, so that every error can name a line and column.

use std::ops::Range;

use pulldown_cmark::Event;

/// A Markdown event and the byte range of the source it came from.
pub(crate) type SpannedEvent<'a> = (Event<'a>, Range<usize>);

/// The index of the `End` matching the `Start` at `start` (the last index if unbalanced). Any
/// other event is its own end.
pub(crate) fn matching_end(events: &[SpannedEvent], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k;
                }
            }
            _ if depth == 0 => return k,
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}
