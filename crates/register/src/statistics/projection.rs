//! The statistical projection, as pure functions: what one interpreter's history contributes to
//! the official figures, as day-stamped changes ("deltas") to the listed-entry cells and to the
//! person counts. The store keeps the running sums of these deltas, so the figures of any day
//! are a sum over a few thousand rows instead of a scan of the whole history
//! ([`Database::figures_on`](crate::Database::figures_on)). No I/O here.
//!
//! The rule is the same as the one the figures are defined by: an entry is counted on day D
//! when its version and the interpreter's profile version are in force at the end of D, it has
//! a category, and it is active or excluded for a period that has ended by D.

use std::collections::BTreeMap;

use time::Date;

use crate::category::Category;
use crate::county::CountyCode;
use crate::language::{LanguageCode, LanguageKind};

/// When a version of an entry is listed, apart from its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Listed for as long as the version is in force.
    Active,
    /// Excluded for a period: listed again from this day (inclusive).
    ExcludedUntil(Date),
    /// Not listed at all (suspended, excluded permanently, withdrawn, no basis).
    NotListed,
}

/// One version of one entry, by the days it is in force: `[from, to)` in counted days
/// ([`Timestamp::counted_day`](crate::Timestamp::counted_day)); `to` is `None` while current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryVersion {
    pub language: LanguageCode,
    pub kind: LanguageKind,
    pub category: Option<Category>,
    pub listing: Listing,
    pub from: Date,
    pub to: Option<Date>,
}

/// One version of the interpreter's profile, reduced to what the figures break down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileVersion {
    pub county: CountyCode,
    pub from: Date,
    pub to: Option<Date>,
}

/// The breakdown of listed entries: one cell of [`crate::statistics::Figures`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellKey {
    pub language: LanguageCode,
    pub kind: LanguageKind,
    pub category: Category,
    pub county: CountyCode,
}

/// Changes to the person counts of one county on one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonDelta {
    /// People with at least one listed entry.
    pub listed: i64,
    /// People with two or more listed entries.
    pub multi: i64,
}

/// Day-stamped changes to the figures: the figures of day D are the sums of every delta dated
/// on or before D.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deltas {
    pub entries: BTreeMap<(CellKey, Date), i64>,
    pub persons: BTreeMap<(CountyCode, Date), PersonDelta>,
}

impl Deltas {
    /// Adds `other` times `sign` (1 or -1), dropping what sums to nothing.
    pub fn add(&mut self, other: &Deltas, sign: i64) {
        for (key, n) in &other.entries {
            *self.entries.entry(*key).or_default() += sign * n;
        }
        for (key, d) in &other.persons {
            let slot = self.persons.entry(*key).or_default();
            slot.listed += sign * d.listed;
            slot.multi += sign * d.multi;
        }
        self.entries.retain(|_, n| *n != 0);
        self.persons.retain(|_, d| d.listed != 0 || d.multi != 0);
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.persons.is_empty()
    }
}

/// A stretch of days `[start, end)` in which one entry is counted in one cell.
#[derive(Debug, Clone, Copy)]
struct Span {
    cell: CellKey,
    start: Date,
    end: Option<Date>,
}

fn later(a: Date, b: Date) -> Date {
    a.max(b)
}

fn earlier(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

/// The stretches in which each entry version is counted, split by the profile versions.
fn spans(entries: &[EntryVersion], profiles: &[ProfileVersion]) -> Vec<Span> {
    let mut out = Vec::new();
    for e in entries {
        let (Some(category), Some(listed_from)) = (
            e.category,
            match e.listing {
                Listing::Active => Some(e.from),
                Listing::ExcludedUntil(until) => Some(later(e.from, until)),
                Listing::NotListed => None,
            },
        ) else {
            continue;
        };
        for p in profiles {
            let start = later(listed_from, p.from);
            let end = earlier(e.to, p.to);
            if end.is_some_and(|end| end <= start) {
                continue;
            }
            let cell = CellKey {
                language: e.language,
                kind: e.kind,
                category,
                county: p.county,
            };
            out.push(Span { cell, start, end });
        }
    }
    out
}

/// What one interpreter's whole history (every entry version and profile version) adds to the
/// figures. The difference between this before and after a write is what the write changes.
pub fn deltas(entries: &[EntryVersion], profiles: &[ProfileVersion]) -> Deltas {
    let spans = spans(entries, profiles);
    let mut out = Deltas::default();
    for s in &spans {
        *out.entries.entry((s.cell, s.start)).or_default() += 1;
        if let Some(end) = s.end {
            *out.entries.entry((s.cell, end)).or_default() -= 1;
        }
    }
    person_deltas(&spans, &mut out);
    out.entries.retain(|_, n| *n != 0);
    out
}

/// Sweeps the days on which the number of counted entries (or the county) can change and dates
/// a person delta wherever being listed, or listed twice, starts or stops in a county.
fn person_deltas(spans: &[Span], out: &mut Deltas) {
    let mut days: Vec<Date> = spans.iter().flat_map(|s| [Some(s.start), s.end]).flatten().collect();
    days.sort();
    days.dedup();
    // The county and "listed twice" of the stretch before the current day; None: not listed.
    let mut before: Option<(CountyCode, bool)> = None;
    for day in days {
        let covering: Vec<&Span> = spans
            .iter()
            .filter(|s| s.start <= day && s.end.is_none_or(|end| day < end))
            .collect();
        let now = covering.first().map(|s| (s.cell.county, covering.len() >= 2));
        if now == before {
            continue;
        }
        if let Some((county, multi)) = before {
            let slot = out.persons.entry((county, day)).or_default();
            slot.listed -= 1;
            slot.multi -= i64::from(multi);
        }
        if let Some((county, multi)) = now {
            let slot = out.persons.entry((county, day)).or_default();
            slot.listed += 1;
            slot.multi += i64::from(multi);
        }
        before = now;
    }
    out.persons.retain(|_, d| d.listed != 0 || d.multi != 0);
}

/// The first day of the month and of the year `day` falls in: the coarser periods the store
/// sums deltas by.
pub fn periods(day: Date) -> (Date, Date) {
    let month = day.replace_day(1).unwrap_or(day);
    let year = month.replace_month(time::Month::January).unwrap_or(month);
    (month, year)
}

/// How finely a stretch of deltas is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Year,
    Month,
    Day,
}

impl Grain {
    /// The code stored in the `grain` column.
    pub fn code(self) -> &'static str {
        match self {
            Grain::Year => "y",
            Grain::Month => "m",
            Grain::Day => "d",
        }
    }
}

/// The periods of one grain starting in `[from, to)` (`from` `None`: from the beginning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub grain: Grain,
    pub from: Option<Date>,
    pub to: Date,
}

fn next_month(first: Date) -> Date {
    let (y, m) = match first.month() {
        time::Month::December => (first.year() + 1, time::Month::January),
        m => (first.year(), m.next()),
    };
    Date::from_calendar_date(y, m, 1).unwrap_or(Date::MAX)
}

fn next_year(first: Date) -> Date {
    Date::from_calendar_date(first.year() + 1, time::Month::January, 1).unwrap_or(Date::MAX)
}

/// The fewest, coarsest periods that cover exactly the days after `after` (from the beginning
/// when `None`) up to and including `upto`: days up to the next month, months up to the next
/// year, whole years, then months and days again. A day's figures are the sums over
/// `segments(None, day)`; a time series adds `segments(previous, day)` to the previous day's.
/// Whole months and years stay whole: the figures of 31 December read only year rows.
pub fn segments(after: Option<Date>, upto: Date) -> Vec<Segment> {
    let Some(end) = upto.next_day() else {
        return Vec::new();
    };
    let (end_month, end_year) = periods(end);
    let mut out = Vec::new();
    let mut cursor = match after {
        None => {
            out.push(Segment {
                grain: Grain::Year,
                from: None,
                to: end_year,
            });
            end_year
        }
        Some(after) => match after.next_day() {
            Some(start) => start,
            None => return out,
        },
    };
    while cursor < end {
        let (month, year) = periods(cursor);
        let (grain, to) = if cursor == year && next_year(cursor) <= end {
            (Grain::Year, end_year)
        } else if cursor == month && next_month(cursor) <= end {
            (Grain::Month, next_year(cursor).min(end_month))
        } else {
            (Grain::Day, next_month(month).min(end))
        };
        out.push(Segment {
            grain,
            from: Some(cursor),
            to,
        });
        cursor = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn entry(
        language: &str,
        category: Option<Category>,
        listing: Listing,
        from: Date,
        to: Option<Date>,
    ) -> EntryVersion {
        EntryVersion {
            language: language.parse().unwrap(),
            kind: LanguageKind::Spoken,
            category,
            listing,
            from,
            to,
        }
    }

    fn profile(county: &str, from: Date, to: Option<Date>) -> ProfileVersion {
        ProfileVersion {
            county: county.parse().unwrap(),
            from,
            to,
        }
    }

    /// The figures a set of deltas gives on `day`: (entries per cell, persons listed, multi).
    fn on(d: &Deltas, day: Date) -> (BTreeMap<CellKey, i64>, i64, i64) {
        let mut cells = BTreeMap::new();
        for ((cell, at), n) in &d.entries {
            if *at <= day {
                *cells.entry(*cell).or_insert(0) += n;
            }
        }
        cells.retain(|_, n| *n != 0);
        let (mut listed, mut multi) = (0, 0);
        for ((_, at), p) in &d.persons {
            if *at <= day {
                listed += p.listed;
                multi += p.multi;
            }
        }
        (cells, listed, multi)
    }

    fn key(language: &str, category: Category, county: &str) -> CellKey {
        CellKey {
            language: language.parse().unwrap(),
            kind: LanguageKind::Spoken,
            category,
            county: county.parse().unwrap(),
        }
    }

    #[test]
    fn an_active_entry_counts_from_its_first_day_until_it_ends() {
        let d = deltas(
            &[entry(
                "ARB",
                Some(Category::E),
                Listing::Active,
                date!(2021 - 03 - 01),
                Some(date!(2022 - 01 - 01)),
            )],
            &[profile("03", date!(2021 - 03 - 01), None)],
        );
        assert_eq!(on(&d, date!(2021 - 02 - 28)), (BTreeMap::new(), 0, 0));
        let (cells, listed, multi) = on(&d, date!(2021 - 03 - 01));
        assert_eq!(cells, BTreeMap::from([(key("ARB", Category::E, "03"), 1)]));
        assert_eq!((listed, multi), (1, 0));
        assert_eq!(on(&d, date!(2021 - 12 - 31)).1, 1);
        assert_eq!(on(&d, date!(2022 - 01 - 01)), (BTreeMap::new(), 0, 0));
    }

    #[test]
    fn an_entry_without_category_or_listing_never_counts() {
        let profiles = [profile("03", date!(2020 - 01 - 01), None)];
        for e in [
            entry("ARB", None, Listing::Active, date!(2021 - 01 - 01), None),
            entry(
                "ARB",
                Some(Category::A),
                Listing::NotListed,
                date!(2021 - 01 - 01),
                None,
            ),
        ] {
            assert!(deltas(&[e], &profiles).is_empty());
        }
    }

    #[test]
    fn a_period_exclusion_counts_again_from_its_end_day() {
        let d = deltas(
            &[
                entry(
                    "ARB",
                    Some(Category::C),
                    Listing::Active,
                    date!(2021 - 01 - 01),
                    Some(date!(2022 - 05 - 01)),
                ),
                entry(
                    "ARB",
                    Some(Category::C),
                    Listing::ExcludedUntil(date!(2022 - 11 - 01)),
                    date!(2022 - 05 - 01),
                    None,
                ),
            ],
            &[profile("46", date!(2020 - 01 - 01), None)],
        );
        assert_eq!(on(&d, date!(2022 - 04 - 30)).1, 1);
        assert_eq!(on(&d, date!(2022 - 05 - 01)).1, 0);
        assert_eq!(on(&d, date!(2022 - 10 - 31)).0.len(), 0);
        assert_eq!(on(&d, date!(2022 - 11 - 01)).1, 1);
    }

    #[test]
    fn an_exclusion_replaced_before_it_ends_leaves_nothing_behind() {
        // Excluded until 1 Nov, but withdrawn on 1 Aug: never listed again.
        let d = deltas(
            &[
                entry(
                    "ARB",
                    Some(Category::C),
                    Listing::ExcludedUntil(date!(2022 - 11 - 01)),
                    date!(2022 - 05 - 01),
                    Some(date!(2022 - 08 - 01)),
                ),
                entry(
                    "ARB",
                    Some(Category::C),
                    Listing::NotListed,
                    date!(2022 - 08 - 01),
                    None,
                ),
            ],
            &[profile("46", date!(2020 - 01 - 01), None)],
        );
        assert!(d.is_empty());
    }

    #[test]
    fn a_move_shifts_entries_and_the_person_between_counties() {
        let d = deltas(
            &[
                entry("ARB", Some(Category::B), Listing::Active, date!(2021 - 01 - 01), None),
                entry("SOM", Some(Category::E), Listing::Active, date!(2021 - 06 - 01), None),
            ],
            &[
                profile("03", date!(2021 - 01 - 01), Some(date!(2022 - 01 - 01))),
                profile("50", date!(2022 - 01 - 01), None),
            ],
        );
        let (cells, listed, multi) = on(&d, date!(2021 - 12 - 31));
        assert_eq!(
            cells,
            BTreeMap::from([(key("ARB", Category::B, "03"), 1), (key("SOM", Category::E, "03"), 1)])
        );
        assert_eq!((listed, multi), (1, 1));
        let (cells, listed, multi) = on(&d, date!(2022 - 01 - 01));
        assert_eq!(
            cells,
            BTreeMap::from([(key("ARB", Category::B, "50"), 1), (key("SOM", Category::E, "50"), 1)])
        );
        assert_eq!((listed, multi), (1, 1));
        assert_eq!(
            d.persons
                .get(&("03".parse().unwrap(), date!(2022 - 01 - 01)))
                .unwrap()
                .listed,
            -1
        );
        assert_eq!(
            d.persons
                .get(&("50".parse().unwrap(), date!(2022 - 01 - 01)))
                .unwrap()
                .listed,
            1
        );
        assert_eq!(on(&d, date!(2021 - 05 - 31)).2, 0);
    }

    #[test]
    fn the_difference_of_two_histories_is_what_a_write_changes() {
        let profiles = [profile("03", date!(2021 - 01 - 01), None)];
        let before = [entry(
            "ARB",
            Some(Category::E),
            Listing::Active,
            date!(2021 - 01 - 01),
            None,
        )];
        let after = [
            entry(
                "ARB",
                Some(Category::E),
                Listing::Active,
                date!(2021 - 01 - 01),
                Some(date!(2023 - 02 - 01)),
            ),
            entry("ARB", Some(Category::C), Listing::Active, date!(2023 - 02 - 01), None),
        ];
        let mut change = deltas(&after, &profiles);
        change.add(&deltas(&before, &profiles), -1);
        assert_eq!(
            change.entries,
            BTreeMap::from([
                ((key("ARB", Category::E, "03"), date!(2023 - 02 - 01)), -1),
                ((key("ARB", Category::C, "03"), date!(2023 - 02 - 01)), 1),
            ])
        );
        assert!(
            change.persons.is_empty(),
            "the person stays listed: {:?}",
            change.persons
        );
    }

    #[test]
    fn versions_of_a_single_day_cancel_out() {
        let d = deltas(
            &[entry(
                "ARB",
                Some(Category::E),
                Listing::Active,
                date!(2021 - 01 - 01),
                Some(date!(2021 - 01 - 01)),
            )],
            &[profile("03", date!(2021 - 01 - 01), None)],
        );
        assert!(d.is_empty());
    }

    /// Every day the segments cover, once each.
    fn covered(segments: &[Segment], earliest: Date) -> Vec<Date> {
        let mut days = Vec::new();
        for s in segments {
            let mut period = s.from.unwrap_or(earliest);
            while period < s.to {
                let next = match s.grain {
                    Grain::Year => next_year(period),
                    Grain::Month => next_month(period),
                    Grain::Day => period.next_day().unwrap(),
                };
                let mut day = period;
                while day < next {
                    days.push(day);
                    day = day.next_day().unwrap();
                }
                period = next;
            }
        }
        days
    }

    #[test]
    fn segments_cover_exactly_the_days_asked_for_with_whole_periods_kept_whole() {
        let earliest = date!(2015 - 01 - 01);
        let mut after = Some(date!(2018 - 11 - 27));
        let samples = [
            date!(2018 - 11 - 27),
            date!(2018 - 11 - 30),
            date!(2018 - 12 - 31),
            date!(2019 - 01 - 01),
            date!(2019 - 02 - 28),
            date!(2020 - 02 - 29),
            date!(2020 - 06 - 30),
            date!(2021 - 03 - 17),
            date!(2023 - 12 - 31),
            date!(2024 - 01 - 31),
            date!(2026 - 06 - 30),
        ];
        for upto in samples {
            for from in [None, after] {
                let got = covered(&segments(from, upto), earliest);
                let mut want = Vec::new();
                let mut day = from.map_or(earliest, |a| a.next_day().unwrap());
                while day <= upto {
                    want.push(day);
                    day = day.next_day().unwrap();
                }
                assert_eq!(got, want, "after {from:?} up to {upto}");
            }
            after = Some(upto);
        }
        // A year's end reads year rows only; a half-year step reads months only.
        assert_eq!(
            segments(None, date!(2023 - 12 - 31)),
            vec![Segment {
                grain: Grain::Year,
                from: None,
                to: date!(2024 - 01 - 01)
            }]
        );
        let step = segments(Some(date!(2023 - 06 - 30)), date!(2023 - 12 - 31));
        assert_eq!(step.len(), 1);
        assert_eq!(step[0].grain, Grain::Month);
        assert!(segments(None, date!(2023 - 07 - 19)).len() <= 3);
    }

    #[test]
    fn periods_are_the_first_of_the_month_and_of_the_year() {
        assert_eq!(
            periods(date!(2023 - 07 - 19)),
            (date!(2023 - 07 - 01), date!(2023 - 01 - 01))
        );
    }
}
