//! The statistics counted from history (`Database::figures_on`) reproduce the annual report's
//! figures that the fixture history carries, on both backends, and agree cell by cell with the
//! register read back as of every half-year day from 2020.

use std::collections::BTreeMap;

use crate::both_backends;

use register::generator::{self, FIGURES, LAST_DAY, Options};
use register::statistics::{Cell, series_days};
use register::{Database, InterpreterRecord, LanguageKind, Timestamp};
use time::{Date, Month};

fn year_end(year: i32) -> Date {
    Date::from_calendar_date(year, Month::December, 31).unwrap()
}

/// The cells of `day` counted from whole records, the slow way the statistics replace.
fn cells_from_records(records: &[InterpreterRecord], day: Date) -> Vec<Cell> {
    let mut cells: BTreeMap<(String, &'static str, &'static str, register::county::CountyCode), u64> = BTreeMap::new();
    for r in records {
        for e in r.listed_entries(day) {
            let Some(category) = e.category else { continue };
            *cells
                .entry((
                    e.language.to_string(),
                    e.kind.as_str(),
                    category.as_str(),
                    r.profile.county,
                ))
                .or_default() += 1;
        }
    }
    let mut out: Vec<Cell> = cells
        .into_iter()
        .map(|((language, kind, category, county), entries)| Cell {
            language: language.parse().unwrap(),
            kind: kind.parse().unwrap(),
            category: category.parse().unwrap(),
            county,
            entries,
        })
        .collect();
    out.sort_by(|a, b| {
        (a.language.as_str(), a.kind.as_str(), a.category.as_str(), a.county).cmp(&(
            b.language.as_str(),
            b.kind.as_str(),
            b.category.as_str(),
            b.county,
        ))
    });
    out
}

async fn figures_reproduce_the_annual_report(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();

    for f in FIGURES {
        let day = year_end(f.year);
        let got = store.figures_on(day).await.unwrap();
        let spoken: Vec<usize> = got
            .per_category(Some(LanguageKind::Spoken))
            .iter()
            .map(|n| *n as usize)
            .collect();
        assert_eq!(spoken, f.spoken_per_category, "table 3-4-1 on {day}");
        if let Some(p) = f.unique_persons {
            assert_eq!(got.unique_persons as usize, p, "unique persons on {day}");
        }
        if let Some(m) = f.persons_with_two_or_more_languages {
            assert_eq!(
                got.persons_with_two_or_more_languages as usize, m,
                "persons with 2+ languages on {day}"
            );
        }
        assert_eq!(
            got.total(Some(LanguageKind::Sign)) as usize,
            f.sign_language_entries,
            "sign-language entries on {day}"
        );
        assert_eq!(
            got.in_language("UKR".parse().unwrap()) as usize,
            f.ukrainian_entries,
            "Ukrainian on {day}"
        );
    }

    let days = series_days(2020, LAST_DAY);
    let series = store.figures_series(&days).await.unwrap();
    assert_eq!(series.len(), 13, "30 June and 31 December, 2020 to mid-2026");
    // Cell by cell against whole records on three days across the history (each read of the
    // whole register is the slow path this replaces).
    for figures in series
        .iter()
        .filter(|f| [0, 5, 12].contains(&days.iter().position(|d| *d == f.day).unwrap_or(99)))
    {
        let records = store.as_of(Timestamp::end_of(figures.day)).await.unwrap();
        assert_eq!(
            figures.cells,
            cells_from_records(&records, figures.day),
            "cells on {}",
            figures.day
        );
        let listed = records.iter().filter(|r| r.is_listed_on(figures.day)).count();
        assert_eq!(figures.unique_persons as usize, listed, "persons on {}", figures.day);
    }
}

both_backends!(statistics_from_history, super::figures_reproduce_the_annual_report);
