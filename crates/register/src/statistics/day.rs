//! The days the statistics can be asked for: from the first day of the official series
//! (1 January 2020) up to today. A check on a given day only; no clock is read here.

use time::{Date, Month};

/// The first year of the official series (IMDi's table 3-4-1 starts with 2020).
pub const FIRST_YEAR: i32 = 2020;

/// 1 January of [`FIRST_YEAR`].
pub fn first_day() -> Date {
    Date::from_calendar_date(FIRST_YEAR, Month::January, 1).unwrap_or(Date::MIN)
}

/// A day the statistics cannot be given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    #[error("statistikken begynner {first}; {day} er før det")]
    BeforeSeries { day: Date, first: Date },
    #[error("{day} er fram i tid; velg en dag til og med i dag ({today})")]
    InFuture { day: Date, today: Date },
}

/// `day` when the statistics can be given for it on `today`.
pub fn check(day: Date, today: Date) -> Result<Date, DayError> {
    let first = first_day();
    if day < first {
        Err(DayError::BeforeSeries { day, first })
    } else if day > today {
        Err(DayError::InFuture { day, today })
    } else {
        Ok(day)
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn days_from_2020_to_today_are_accepted() {
        let today = date!(2026 - 12 - 08);
        assert_eq!(check(date!(2020 - 01 - 01), today), Ok(date!(2020 - 01 - 01)));
        assert_eq!(check(today, today), Ok(today));
        assert!(matches!(
            check(date!(2019 - 12 - 31), today),
            Err(DayError::BeforeSeries { .. })
        ));
        let err = check(date!(2026 - 12 - 09), today).unwrap_err();
        assert_eq!(
            err.to_string(),
            "2026-12-09 er fram i tid; velg en dag til og med i dag (2026-12-08)"
        );
    }
}
