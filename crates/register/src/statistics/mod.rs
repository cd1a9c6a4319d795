//! The register's official figures on any day, computed from its history in one place: listed
//! entries by category × kind × language × county, unique persons, persons with two or more
//! languages, and the share of highly qualified entries (categories A–D: a bachelor, a state
//! authorisation or the foundation course). The store counts the cells
//! ([`Database::figures_on`](crate::Database::figures_on)); this module only adds them up, so
//! every table, chart and download of the same day agrees.

use serde::Serialize;
use time::Date;

use crate::category::Category;
use crate::county::CountyCode;
use crate::language::{LanguageCode, LanguageKind};

pub mod coverage;
pub mod day;
pub mod demand;
pub mod disclosure;
pub mod flows;
pub mod projection;
pub mod table;
pub mod tables;

/// Listed entries of one language, kind, category and county.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub language: LanguageCode,
    pub kind: LanguageKind,
    pub category: Category,
    /// The interpreter's county on the day.
    pub county: CountyCode,
    pub entries: u64,
}

/// The register's figures on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub day: Date,
    /// Every non-empty cell, ordered by language, kind, category and county.
    pub cells: Vec<Cell>,
    /// People with at least one listed entry.
    pub unique_persons: u64,
    /// People with two or more listed entries.
    pub persons_with_two_or_more_languages: u64,
}

impl Figures {
    fn entries(&self, keep: impl Fn(&Cell) -> bool) -> u64 {
        self.cells.iter().filter(|c| keep(c)).map(|c| c.entries).sum()
    }

    /// Listed entries per category A–E of one kind (`None`: every kind), IMDi's table 3-4-1
    /// for spoken languages.
    pub fn per_category(&self, kind: Option<LanguageKind>) -> [u64; 5] {
        Category::ALL.map(|category| self.entries(|c| c.category == category && kind.is_none_or(|k| c.kind == k)))
    }

    /// Listed entries of one kind (`None`: every kind).
    pub fn total(&self, kind: Option<LanguageKind>) -> u64 {
        self.entries(|c| kind.is_none_or(|k| c.kind == k))
    }

    /// Listed entries in one language.
    pub fn in_language(&self, language: LanguageCode) -> u64 {
        self.entries(|c| c.language == language)
    }

    /// Listed entries of one language in one county.
    pub fn in_language_and_county(&self, language: LanguageCode, county: CountyCode) -> u64 {
        self.entries(|c| c.language == language && c.county == county)
    }

    /// The share of listed entries of `kind` (`None`: every kind) in categories A–D, 0 when none
    /// is listed.
    pub fn highly_qualified_share(&self, kind: Option<LanguageKind>) -> f64 {
        let total = self.total(kind);
        if total == 0 {
            return 0.0;
        }
        let high = self.entries(|c| c.category != Category::E && kind.is_none_or(|k| c.kind == k));
        high as f64 / total as f64
    }
}

/// The days of the official time series: 30 June and 31 December of every year from `from`,
/// up to and including `today`.
pub fn series_days(from: i32, today: Date) -> Vec<Date> {
    (from..=today.year())
        .flat_map(|y| {
            [(y, time::Month::June, 30), (y, time::Month::December, 31)]
                .into_iter()
                .filter_map(|(y, m, d)| Date::from_calendar_date(y, m, d).ok())
        })
        .filter(|d| *d <= today)
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn cell(language: &str, kind: LanguageKind, category: Category, county: &str, entries: u64) -> Cell {
        Cell {
            language: language.parse().unwrap(),
            kind,
            category,
            county: county.parse().unwrap(),
            entries,
        }
    }

    #[test]
    fn figures_add_up_the_cells_one_way() {
        let f = Figures {
            day: date!(2023 - 12 - 31),
            cells: vec![
                cell("ARB", LanguageKind::Spoken, Category::A, "03", 2),
                cell("ARB", LanguageKind::Spoken, Category::E, "46", 3),
                cell("UKR", LanguageKind::Spoken, Category::D, "03", 1),
                cell("NSL", LanguageKind::Sign, Category::B, "03", 4),
            ],
            unique_persons: 9,
            persons_with_two_or_more_languages: 1,
        };
        assert_eq!(f.per_category(Some(LanguageKind::Spoken)), [2, 0, 0, 1, 3]);
        assert_eq!(f.per_category(None), [2, 4, 0, 1, 3]);
        assert_eq!(f.total(Some(LanguageKind::Sign)), 4);
        assert_eq!(f.in_language("ARB".parse().unwrap()), 5);
        assert_eq!(
            f.in_language_and_county("ARB".parse().unwrap(), "46".parse().unwrap()),
            3
        );
        assert!((f.highly_qualified_share(Some(LanguageKind::Spoken)) - 0.5).abs() < 1e-9);
        assert_eq!(f.highly_qualified_share(Some(LanguageKind::SpeechToText)), 0.0);
    }

    #[test]
    fn the_series_runs_by_half_year_up_to_today() {
        assert_eq!(
            series_days(2020, date!(2021 - 07 - 01)),
            vec![date!(2020 - 06 - 30), date!(2020 - 12 - 31), date!(2021 - 06 - 30)]
        );
    }
}
