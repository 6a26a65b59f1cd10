//! ISO calendar dates (`YYYY-MM-DD`) as the content uses them: parsed strictly, compared
//! as values. No time zones, no times: a review date is a day.

use std::fmt;

/// A real calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a string is not a content date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape `YYYY-MM-DD` (four, two and two digits).
    Format,
    /// The shape is right but there is no such day (`2026-02-30`, month 13, …).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("dates are written YYYY-MM-DD"),
            DateError::NoSuchDay => f.write_str("no such day in the calendar"),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Gregorian leap year.
pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses `YYYY-MM-DD` exactly: ASCII digits, zero-padded, nothing before or after.
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(DateError::Format);
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u16, |n, c| n * 10 + u16::from(c - b'0'));
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    // Both fit in a u8: they are two decimal digits.
    let (month, day) = (month as u8, day as u8);
    if year == 0 || day == 0 || day > days_in_month(year, month) {
        return Err(DateError::NoSuchDay);
    }
    Ok(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates() {
        let d = parse_date("2026-11-24").unwrap();
        assert_eq!((d.year, d.month, d.day), (2026, 11, 24));
        assert_eq!(d.to_string(), "2026-11-24");
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2000-02-29").is_ok());
        assert!(parse_date("2026-12-31").is_ok());
    }

    #[test]
    fn rejects_impossible_days() {
        for s in [
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
        ] {
            assert_eq!(parse_date(s), Err(DateError::NoSuchDay), "{s}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        for s in [
            "2026-1-05",
            "26-01-05",
            "2026/01/05",
            "2026-01-05T00:00",
            " 2026-01-05",
            "",
            "２０２６-01-05",
        ] {
            assert_eq!(parse_date(s), Err(DateError::Format), "{s}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a = parse_date("2026-11-24").unwrap();
        let b = parse_date("2027-01-02").unwrap();
        assert!(a < b);
    }
}
