//! The statistics pages' and downloads' query: the chosen day (`dag`, default today) read and
//! checked against the days that have figures, and the typed errors of bad input with their
//! message in the page's language. Parses and explains; fetches nothing.

use axum::http::StatusCode;
use register::date_input::{DateInputError, parse_date};
use time::Date;
use time::macros::date;

use crate::i18n::Lang;

/// The first day with figures: the register's history as kept starts in 2020.
pub const FIRST_DAY: Date = date!(2020 - 01 - 01);

/// Why a statistics request cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatsError {
    #[error("not a date: {0:?}")]
    DateFormat(String),
    #[error("no such day: {0:?}")]
    DateImpossible(String),
    #[error("before the first day with figures: {0}")]
    BeforeFirstDay(Date),
    #[error("after today ({today}): {day}")]
    AfterToday { day: Date, today: Date },
    #[error("unknown table: {0:?}")]
    UnknownTable(String),
    #[error("no demand figures for year {0:?}")]
    UnknownYear(String),
}

impl StatsError {
    pub fn status(&self) -> StatusCode {
        match self {
            StatsError::UnknownTable(_) | StatsError::UnknownYear(_) => StatusCode::NOT_FOUND,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        let s = t.stats;
        match self {
            StatsError::DateFormat(typed) => (s.error_date_format)(typed),
            StatsError::DateImpossible(typed) => (s.error_date_impossible)(typed),
            StatsError::BeforeFirstDay(_) => (s.error_date_before)(&(t.date)(FIRST_DAY)),
            StatsError::AfterToday { today, .. } => (s.error_date_after)(&(t.date)(*today)),
            StatsError::UnknownTable(id) => (s.error_unknown_table)(id),
            StatsError::UnknownYear(typed) => (s.coverage.error_year)(typed),
        }
    }
}

/// The last value of `key` in a raw query string, trimmed; `None` when absent or empty.
pub fn query_value(query: Option<&str>, key: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or("")).unwrap_or_default();
    pairs
        .into_iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The day asked for with `dag=` (a date field's `2023-12-31` or `31.12.2023`), `today` when
/// none; a day before [`FIRST_DAY`] or after `today` is refused.
pub fn chosen_day(query: Option<&str>, today: Date) -> Result<Date, StatsError> {
    let Some(typed) = query_value(query, "dag") else {
        return Ok(today);
    };
    let day = parse_date(&typed).map_err(|e| match e {
        DateInputError::Format => StatsError::DateFormat(typed.clone()),
        DateInputError::Impossible { .. } => StatsError::DateImpossible(typed.clone()),
    })?;
    if day < FIRST_DAY {
        return Err(StatsError::BeforeFirstDay(day));
    }
    if day > today {
        return Err(StatsError::AfterToday { day, today });
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = date!(2026 - 12 - 08);

    #[test]
    fn reads_the_day_or_defaults_to_today() {
        assert_eq!(chosen_day(None, TODAY), Ok(TODAY));
        assert_eq!(chosen_day(Some("dag=&lang=nn"), TODAY), Ok(TODAY));
        assert_eq!(chosen_day(Some("dag=2023-12-31"), TODAY), Ok(date!(2023 - 12 - 31)));
        assert_eq!(chosen_day(Some("dag=31.12.2023"), TODAY), Ok(date!(2023 - 12 - 31)));
        assert_eq!(chosen_day(Some("dag=2020-01-01"), TODAY), Ok(FIRST_DAY));
        assert_eq!(chosen_day(Some("dag=2026-12-08"), TODAY), Ok(TODAY));
    }

    #[test]
    fn bad_days_are_refused_with_a_reason() {
        assert_eq!(
            chosen_day(Some("dag=i+fjor"), TODAY),
            Err(StatsError::DateFormat("i fjor".into()))
        );
        assert_eq!(
            chosen_day(Some("dag=2023-02-30"), TODAY),
            Err(StatsError::DateImpossible("2023-02-30".into()))
        );
        assert_eq!(
            chosen_day(Some("dag=2019-12-31"), TODAY),
            Err(StatsError::BeforeFirstDay(date!(2019 - 12 - 31)))
        );
        assert!(matches!(
            chosen_day(Some("dag=2026-12-09"), TODAY),
            Err(StatsError::AfterToday { .. })
        ));
        let e = chosen_day(Some("dag=2019-12-31"), TODAY).unwrap_err();
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        assert!(
            e.message(Lang::Nb).contains("1. januar 2020"),
            "{}",
            e.message(Lang::Nb)
        );
        assert!(e.message(Lang::En).contains("1 January 2020"));
        assert_eq!(StatsError::UnknownTable("x".into()).status(), StatusCode::NOT_FOUND);
        assert!(StatsError::UnknownTable("<x>".into()).message(Lang::Nn).contains("<x>"));
    }
}
