//! Dates as people type them into forms: as a date field sends them (`2026-03-15`) or written
//! the Norwegian way (`15.3.2026`, `15/3/2026`). A date written as a date that does not exist
//! (31.02.2026, 1.13.2026) is told apart from text that is no date at all, so each service can
//! say which in its own words.

use time::Date;

/// Why a typed date was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateInputError {
    /// Not written as a date at all.
    Format,
    /// Written as day, month and year, but no such day exists; the numbers as typed.
    Impossible { day: i32, month: i32, year: i32 },
}

impl DateInputError {
    /// The month of an impossible date, when that month exists.
    pub fn month(self) -> Option<time::Month> {
        match self {
            Self::Impossible { month, .. } => u8::try_from(month).ok().and_then(|m| time::Month::try_from(m).ok()),
            Self::Format => None,
        }
    }
}

/// Reads `value`: `ÅÅÅÅ-MM-DD`, or `D.M.ÅÅÅÅ` / `D/M/ÅÅÅÅ`, blanks around it allowed.
pub fn parse_date(value: &str) -> Result<Date, DateInputError> {
    let v = value.trim();
    let numbers = |parts: Vec<&str>| -> Option<Vec<i32>> {
        parts
            .iter()
            .map(|p| {
                let p = p.trim();
                (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| p.parse::<i32>().ok())?
            })
            .collect()
    };
    let (day, month, year) = if v.contains('-') {
        match numbers(v.split('-').collect()).as_deref() {
            Some([y, m, d]) if *y >= 1000 => (*d, *m, *y),
            _ => return Err(DateInputError::Format),
        }
    } else {
        match numbers(v.split(['.', '/']).collect()).as_deref() {
            Some([d, m, y]) if *y >= 1000 => (*d, *m, *y),
            _ => return Err(DateInputError::Format),
        }
    };
    let impossible = DateInputError::Impossible { day, month, year };
    let month = impossible.month().ok_or(impossible)?;
    let day = u8::try_from(day).map_err(|_| impossible)?;
    Date::from_calendar_date(year, month, day).map_err(|_| impossible)
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    time::Month::try_from(month).map_or(31, |m| m.length(year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn both_written_forms_are_read_and_impossible_days_told_apart() {
        assert_eq!(parse_date(" 2.12.2026 "), Ok(date!(2026 - 12 - 02)));
        assert_eq!(parse_date("2026-12-02"), Ok(date!(2026 - 12 - 02)));
        assert_eq!(parse_date("02/12/2026"), Ok(date!(2026 - 12 - 02)));
        assert_eq!(parse_date("i morgen"), Err(DateInputError::Format));
        assert_eq!(parse_date("2.12.26"), Err(DateInputError::Format), "a two-digit year");
        let e = parse_date("31.02.2026").unwrap_err();
        assert_eq!(
            e,
            DateInputError::Impossible {
                day: 31,
                month: 2,
                year: 2026
            }
        );
        assert_eq!(e.month(), Some(time::Month::February));
        assert_eq!(parse_date("2026-13-01").unwrap_err().month(), None);
        assert_eq!(days_in_month(2028, 2), 29);
    }
}
