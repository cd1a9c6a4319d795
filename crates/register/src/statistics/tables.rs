//! The register's published tables, built from [`Figures`]: entries per category over time
//! (IMDi's table 3-4-1), persons, kind × category, language × category and language × county.
//! Codes and counts only; disclosure control is [`super::disclosure`], words are the services'.

use std::collections::BTreeMap;

use super::Figures;
use super::table::{Dimension, Table, Value};
use crate::category::Category;
use crate::county::CountyCode;
use crate::language::{LanguageCode, LanguageKind};

/// The code of every margin (sum) category.
pub const TOTAL: &str = "total";

/// The id of every table built here, in the order the builders are listed: the file names of
/// the open-data downloads.
pub const TABLE_IDS: [&str; 5] = [
    "entries-by-category",
    "persons",
    "kind-by-category",
    "language-by-category",
    "language-by-county",
];

/// The measures of [`persons`], in column order.
pub const PERSON_MEASURES: [&str; 4] = [
    "entries",
    "unique_persons",
    "two_or_more_languages",
    "highly_qualified_share",
];

fn category_codes() -> Vec<String> {
    Category::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .chain([TOTAL.to_string()])
        .collect()
}

fn iso_day(day: time::Date) -> String {
    // ISO 8601 calendar date; `Date`'s Display is the same but says so nowhere.
    format!("{:04}-{:02}-{:02}", day.year(), u8::from(day.month()), day.day())
}

/// Listed entries per category A–E and in total on every day of `series`; for `kind` only
/// (`Some(Spoken)` is IMDi's table 3-4-1) or every kind. Id `entries-by-category`, dimensions
/// `day` × `category`.
pub fn entries_by_category(series: &[Figures], kind: Option<LanguageKind>) -> Table {
    let mut table = Table::new(
        "entries-by-category",
        None,
        vec![
            Dimension::new("day", series.iter().map(|f| iso_day(f.day))),
            Dimension::new("category", category_codes()),
        ],
    );
    for f in series {
        let day = iso_day(f.day);
        let per_category = f.per_category(kind);
        for (category, n) in Category::ALL.iter().zip(per_category) {
            table.set(&[&day, category.as_str()], Value::Count(n));
        }
        table.set(&[&day, TOTAL], Value::Count(per_category.iter().sum()));
    }
    table
}

/// Listed entries, unique persons, persons with two or more listed entries and the share of
/// entries in categories A–D (a number in 0..1) on every day of `series`. Id `persons`,
/// dimensions `day` × `measure` ([`PERSON_MEASURES`]).
pub fn persons(series: &[Figures]) -> Table {
    let mut table = Table::new(
        "persons",
        None,
        vec![
            Dimension::new("day", series.iter().map(|f| iso_day(f.day))),
            Dimension::new("measure", PERSON_MEASURES),
        ],
    );
    for f in series {
        let day = iso_day(f.day);
        let values = [
            Value::Count(f.total(None)),
            Value::Count(f.unique_persons),
            Value::Count(f.persons_with_two_or_more_languages),
            Value::Number(f.highly_qualified_share(None)),
        ];
        for (measure, value) in PERSON_MEASURES.iter().zip(values) {
            table.set(&[&day, measure], value);
        }
    }
    table
}

/// Fills a `row` × `category` table from per-row category counts, adding the margins.
fn by_category(id: &str, f: &Figures, row_dimension: &str, rows: Vec<(String, [u64; 5])>) -> Table {
    let mut codes: Vec<String> = rows.iter().map(|(code, _)| code.clone()).collect();
    codes.push(TOTAL.to_string());
    let mut table = Table::new(
        id,
        Some(f.day),
        vec![
            Dimension::new(row_dimension, codes),
            Dimension::new("category", category_codes()),
        ],
    );
    let mut column_totals = [0u64; 5];
    for (code, counts) in &rows {
        for (i, category) in Category::ALL.iter().enumerate() {
            table.set(&[code, category.as_str()], Value::Count(counts[i]));
            column_totals[i] += counts[i];
        }
        table.set(&[code, TOTAL], Value::Count(counts.iter().sum()));
    }
    for (i, category) in Category::ALL.iter().enumerate() {
        table.set(&[TOTAL, category.as_str()], Value::Count(column_totals[i]));
    }
    table.set(&[TOTAL, TOTAL], Value::Count(column_totals.iter().sum()));
    table
}

fn category_index(category: Category) -> usize {
    Category::ALL.iter().position(|c| *c == category).unwrap_or(0)
}

/// Listed entries per kind of interpreting and category on the day of `f`, every kind listed
/// even when empty. Id `kind-by-category`, dimensions `kind` × `category`.
pub fn kind_by_category(f: &Figures) -> Table {
    let rows = LanguageKind::ALL
        .iter()
        .map(|kind| (kind.as_str().to_string(), f.per_category(Some(*kind))))
        .collect();
    by_category("kind-by-category", f, "kind", rows)
}

/// The languages with any listed entry, largest first (ties by code), with their entries.
fn languages_by_size(f: &Figures) -> Vec<(LanguageCode, u64)> {
    let mut totals: BTreeMap<LanguageCode, u64> = BTreeMap::new();
    for c in &f.cells {
        *totals.entry(c.language).or_default() += c.entries;
    }
    let mut languages: Vec<(LanguageCode, u64)> = totals.into_iter().filter(|(_, n)| *n > 0).collect();
    languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.as_str().cmp(b.0.as_str())));
    languages
}

/// Listed entries per language and category on the day of `f`. Id `language-by-category`,
/// dimensions `language` (languages with any listed entry, largest first, then `total`) ×
/// `category`.
pub fn language_by_category(f: &Figures) -> Table {
    let rows = languages_by_size(f)
        .into_iter()
        .map(|(language, _)| {
            let mut counts = [0u64; 5];
            for c in f.cells.iter().filter(|c| c.language == language) {
                counts[category_index(c.category)] += c.entries;
            }
            (language.as_str().to_string(), counts)
        })
        .collect();
    by_category("language-by-category", f, "language", rows)
}

/// Listed entries per language and county on the day of `f`. Id `language-by-county`,
/// dimensions `language` (as in [`language_by_category`]) × `county` (every county number in
/// order, then `total`). Small cells here can single people out: publish it through
/// [`super::disclosure::protect`].
pub fn language_by_county(f: &Figures) -> Table {
    let languages = languages_by_size(f);
    let counties: Vec<CountyCode> = CountyCode::all().collect();
    let mut language_codes: Vec<String> = languages.iter().map(|(l, _)| l.as_str().to_string()).collect();
    language_codes.push(TOTAL.to_string());
    let mut county_codes: Vec<String> = counties.iter().map(|c| c.to_string()).collect();
    county_codes.push(TOTAL.to_string());
    let mut table = Table::new(
        "language-by-county",
        Some(f.day),
        vec![
            Dimension::new("language", language_codes),
            Dimension::new("county", county_codes),
        ],
    );
    let mut per_county: BTreeMap<CountyCode, u64> = BTreeMap::new();
    for (language, total) in &languages {
        for county in &counties {
            let n = f.in_language_and_county(*language, *county);
            *per_county.entry(*county).or_default() += n;
            table.set(&[language.as_str(), &county.to_string()], Value::Count(n));
        }
        table.set(&[language.as_str(), TOTAL], Value::Count(*total));
    }
    for county in &counties {
        let n = per_county.get(county).copied().unwrap_or(0);
        table.set(&[TOTAL, &county.to_string()], Value::Count(n));
    }
    table.set(&[TOTAL, TOTAL], Value::Count(f.total(None)));
    table
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::statistics::Cell;

    fn cell(language: &str, kind: LanguageKind, category: Category, county: &str, entries: u64) -> Cell {
        Cell {
            language: language.parse().unwrap(),
            kind,
            category,
            county: county.parse().unwrap(),
            entries,
        }
    }

    fn figures(day: time::Date, cells: Vec<Cell>) -> Figures {
        Figures {
            day,
            cells,
            unique_persons: 7,
            persons_with_two_or_more_languages: 2,
        }
    }

    fn sample() -> Figures {
        figures(
            date!(2023 - 12 - 31),
            vec![
                cell("ARB", LanguageKind::Spoken, Category::A, "03", 2),
                cell("ARB", LanguageKind::Spoken, Category::E, "46", 3),
                cell("NSL", LanguageKind::Sign, Category::B, "03", 4),
                cell("NSL", LanguageKind::Sign, Category::D, "56", 1),
                cell("UKR", LanguageKind::Spoken, Category::D, "03", 1),
                cell("POL", LanguageKind::Spoken, Category::E, "11", 1),
            ],
        )
    }

    fn count(t: &Table, codes: &[&str]) -> u64 {
        match t.get(codes) {
            Some(Value::Count(n)) => n,
            other => panic!("{codes:?}: {other:?}"),
        }
    }

    /// Every row's and column's interior cells add up to its `total` cell.
    fn assert_margins_add_up(t: &Table) {
        let (rows, columns) = (&t.dimensions[0].codes, &t.dimensions[1].codes);
        for r in rows {
            let sum: u64 = columns.iter().filter(|c| *c != TOTAL).map(|c| count(t, &[r, c])).sum();
            assert_eq!(sum, count(t, &[r, TOTAL]), "row {r}");
        }
        for c in columns {
            let sum: u64 = rows.iter().filter(|r| *r != TOTAL).map(|r| count(t, &[r, c])).sum();
            assert_eq!(sum, count(t, &[TOTAL, c]), "column {c}");
        }
    }

    #[test]
    fn entries_by_category_follows_the_days_and_the_kind() {
        let earlier = figures(
            date!(2023 - 06 - 30),
            vec![cell("ARB", LanguageKind::Spoken, Category::B, "03", 5)],
        );
        let series = [earlier, sample()];
        let spoken = entries_by_category(&series, Some(LanguageKind::Spoken));
        assert_eq!(spoken.id, "entries-by-category");
        assert_eq!(spoken.dimensions[0].codes, ["2023-06-30", "2023-12-31"]);
        assert_eq!(spoken.dimensions[1].codes, ["A", "B", "C", "D", "E", "total"]);
        assert_eq!(count(&spoken, &["2023-06-30", "B"]), 5);
        assert_eq!(count(&spoken, &["2023-12-31", "E"]), 4);
        assert_eq!(count(&spoken, &["2023-12-31", "total"]), 7);
        // The sign-language entries count only when every kind is asked for.
        let all = entries_by_category(&series, None);
        assert_eq!(count(&all, &["2023-12-31", "B"]), 4);
        assert_eq!(count(&all, &["2023-12-31", "total"]), 12);
    }

    #[test]
    fn persons_carries_the_counts_and_the_share() {
        let t = persons(&[sample()]);
        assert_eq!(t.id, "persons");
        assert_eq!(t.dimensions[1].codes, PERSON_MEASURES);
        assert_eq!(count(&t, &["2023-12-31", "entries"]), 12);
        assert_eq!(count(&t, &["2023-12-31", "unique_persons"]), 7);
        assert_eq!(count(&t, &["2023-12-31", "two_or_more_languages"]), 2);
        // A–D: 2 + 4 + 1 + 1 of 12 entries.
        match t.get(&["2023-12-31", "highly_qualified_share"]) {
            Some(Value::Number(x)) => assert!((x - 8.0 / 12.0).abs() < 1e-12),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn kind_by_category_lists_every_kind_and_adds_up() {
        let t = kind_by_category(&sample());
        assert_eq!(
            (t.id.as_str(), t.day),
            ("kind-by-category", Some(date!(2023 - 12 - 31)))
        );
        assert_eq!(
            t.dimensions[0].codes,
            ["spoken", "sign", "speech_to_text", "deafblind", "total"]
        );
        assert_eq!(count(&t, &["sign", "B"]), 4);
        assert_eq!(count(&t, &["deafblind", "total"]), 0);
        assert_eq!(count(&t, &["total", "total"]), 12);
        assert_margins_add_up(&t);
    }

    #[test]
    fn language_by_category_orders_languages_by_size_then_code() {
        let t = language_by_category(&sample());
        // ARB 5, NSL 5 (tie: by code), then POL 1 and UKR 1.
        assert_eq!(t.dimensions[0].codes, ["ARB", "NSL", "POL", "UKR", "total"]);
        assert_eq!(count(&t, &["ARB", "A"]), 2);
        assert_eq!(count(&t, &["UKR", "D"]), 1);
        assert_eq!(count(&t, &["total", "D"]), 2);
        assert_margins_add_up(&t);
    }

    #[test]
    fn language_by_county_has_every_county_and_adds_up() {
        let t = language_by_county(&sample());
        assert_eq!(t.id, "language-by-county");
        assert_eq!(t.dimensions[1].codes.len(), 16);
        assert_eq!(t.dimensions[1].codes.first().map(String::as_str), Some("03"));
        assert_eq!(t.dimensions[1].codes[14], "56");
        assert_eq!(count(&t, &["ARB", "46"]), 3);
        assert_eq!(count(&t, &["total", "03"]), 7);
        assert_eq!(count(&t, &["NSL", "56"]), 1);
        assert_eq!(count(&t, &["POL", "33"]), 0);
        assert_eq!(count(&t, &["total", "total"]), 12);
        assert_margins_add_up(&t);
    }

    #[test]
    fn every_builder_uses_a_listed_id() {
        let f = sample();
        let ids = [
            entries_by_category(std::slice::from_ref(&f), None).id,
            persons(std::slice::from_ref(&f)).id,
            kind_by_category(&f).id,
            language_by_category(&f).id,
            language_by_county(&f).id,
        ];
        assert_eq!(ids, TABLE_IDS);
    }

    #[test]
    fn an_empty_day_gives_tables_of_zeros_with_margins_only() {
        let empty = figures(date!(2020 - 06 - 30), vec![]);
        let t = language_by_county(&empty);
        assert_eq!(t.dimensions[0].codes, ["total"]);
        assert_eq!(count(&t, &["total", "total"]), 0);
        assert_eq!(count(&entries_by_category(&[empty], None), &["2020-06-30", "total"]), 0);
    }
}
