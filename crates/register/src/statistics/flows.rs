//! The register's flows per calendar year, from its history: new qualifications by route,
//! foreign-qualification cases, and entries added and ended by cause. Pure types and sums; the
//! counting queries are in the store ([`Database::flows`](crate::Database::flows)), no SQL here.
//!
//! # What is counted
//!
//! A year is a Norwegian calendar year; a change belongs to the year of the Norwegian day it took
//! effect on. A year is counted as the register stood at its end, like
//! [`figures_on`](crate::Database::figures_on) on 31 December, so a year's flows do not change
//! once it is over: a licence or degree of the year that the register first learns of later
//! (someone licensed in 2023 who applies to the register in 2024) is not counted in any year.
//!
//! - **Authorisations**: state licences granted in the year (by grant date, whatever their
//!   status), and the number of languages among them.
//! - **Bilingual test + TAO**: entries (person × language) that were first listed in the year
//!   with category E while the person held a bilingual test in that language and the TAO course.
//!   "First listed" means no earlier version of the entry had a category, so an entry listed
//!   again after a withdrawal or an exclusion is not newly qualified. The persons behind those
//!   entries are counted too (a person with two such entries in a year counts once).
//! - **Bachelor degrees** and **foundation courses**: Norwegian qualifications of that kind (one
//!   per language) completed in the year and held at its end (an ended one was mostly recorded
//!   in error). Foreign ones approved as their equivalent are counted under foreign-qualification
//!   cases instead.
//! - **Foreign-qualification cases**: received in the year (by the day the application came in);
//!   approved and refused in the year (by the day of the decision).
//! - **Entries added and ended**: every change of an entry between listed and not listed, where
//!   listed is what [`figures_on`](crate::Database::figures_on) counts (a category, and active or
//!   past the end of an exclusion for a period). An entry that ends and comes back counts as
//!   ended and, when it comes back, as added again; an exclusion for a period counts as added
//!   again on its end date, also when nobody recorded the end (but not before that day has come).
//!   So entries at the end of a year = entries at the end of the year before + added − ended.

use serde::Serialize;
use time::Date;

use crate::entry_status::EntryStatus;
use crate::timestamp::Timestamp;

/// The first and last calendar year of a flows table; `from <= to`, both within the years a
/// register can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearRange {
    from: i32,
    to: i32,
}

/// Years outside what a flows table can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum YearRangeError {
    #[error("året {0} er utenfor det registeret kan vise (bruk et år fra {first} til {last})", first = YearRange::FIRST, last = YearRange::LAST)]
    OutOfRange(i32),
    #[error("fra-året {from} er etter til-året {to}")]
    Reversed { from: i32, to: i32 },
}

impl YearRange {
    /// The earliest year a flows table may start in (the register has no history before it).
    pub const FIRST: i32 = 1990;
    /// The latest year a flows table may end in.
    pub const LAST: i32 = 2100;

    pub fn new(from: i32, to: i32) -> Result<YearRange, YearRangeError> {
        for year in [from, to] {
            if !(Self::FIRST..=Self::LAST).contains(&year) {
                return Err(YearRangeError::OutOfRange(year));
            }
        }
        if from > to {
            return Err(YearRangeError::Reversed { from, to });
        }
        Ok(YearRange { from, to })
    }

    pub fn from(self) -> i32 {
        self.from
    }

    pub fn to(self) -> i32 {
        self.to
    }

    pub fn years(self) -> impl Iterator<Item = i32> {
        self.from..=self.to
    }

    pub fn contains(self, day: Date) -> bool {
        (self.from..=self.to).contains(&day.year())
    }
}

/// Why a listed entry stopped being listed; the entry's status after the change says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndCause {
    /// The interpreter asked to leave the register.
    Withdrawal,
    /// No qualification left that yields a category (a revoked licence, an ended qualification).
    NoBasis,
    /// Temporary exclusion while a tip is handled.
    Suspension,
    /// Exclusion for a period.
    PeriodExclusion,
    PermanentExclusion,
}

impl EndCause {
    pub const ALL: [EndCause; 5] = [
        EndCause::Withdrawal,
        EndCause::NoBasis,
        EndCause::Suspension,
        EndCause::PeriodExclusion,
        EndCause::PermanentExclusion,
    ];

    /// Why an entry with `category`/`status` on `day` is not listed, `None` when it is listed.
    pub fn of(has_category: bool, status: EntryStatus, day: Date) -> Option<EndCause> {
        Some(match status.effective_on(day) {
            EntryStatus::Withdrawn => EndCause::Withdrawal,
            EntryStatus::Suspended => EndCause::Suspension,
            EntryStatus::Excluded { .. } => EndCause::PeriodExclusion,
            EntryStatus::ExcludedPermanently => EndCause::PermanentExclusion,
            EntryStatus::NoBasis => EndCause::NoBasis,
            EntryStatus::Active if !has_category => EndCause::NoBasis,
            EntryStatus::Active => return None,
        })
    }
}

/// Entries that stopped being listed in a year, by cause.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EndedByCause {
    pub withdrawal: u64,
    pub no_basis: u64,
    pub suspension: u64,
    pub period_exclusion: u64,
    pub permanent_exclusion: u64,
}

impl EndedByCause {
    pub fn get(&self, cause: EndCause) -> u64 {
        match cause {
            EndCause::Withdrawal => self.withdrawal,
            EndCause::NoBasis => self.no_basis,
            EndCause::Suspension => self.suspension,
            EndCause::PeriodExclusion => self.period_exclusion,
            EndCause::PermanentExclusion => self.permanent_exclusion,
        }
    }

    fn get_mut(&mut self, cause: EndCause) -> &mut u64 {
        match cause {
            EndCause::Withdrawal => &mut self.withdrawal,
            EndCause::NoBasis => &mut self.no_basis,
            EndCause::Suspension => &mut self.suspension,
            EndCause::PeriodExclusion => &mut self.period_exclusion,
            EndCause::PermanentExclusion => &mut self.permanent_exclusion,
        }
    }

    /// Exclusions of every kind (temporary, for a period, permanent).
    pub fn exclusion(&self) -> u64 {
        self.suspension + self.period_exclusion + self.permanent_exclusion
    }

    pub fn total(&self) -> u64 {
        EndCause::ALL.iter().map(|c| self.get(*c)).sum()
    }
}

/// New qualifications of a year by route (see the module comment for each definition).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NewQualifications {
    /// State licences granted.
    pub authorisations: u64,
    /// Languages among those licences.
    pub authorisation_languages: u64,
    /// Entries first listed in category E by bilingual test + TAO.
    pub bilingual_test_entries: u64,
    /// The persons behind those entries.
    pub bilingual_test_persons: u64,
    pub bachelor_degrees: u64,
    pub foundation_courses: u64,
}

/// Foreign-qualification cases of a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ForeignCases {
    pub received: u64,
    pub approved: u64,
    pub refused: u64,
}

/// Entries added to and ended in the register in a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EntryFlows {
    pub added: u64,
    pub ended: EndedByCause,
}

impl EntryFlows {
    pub fn count(&mut self, event: EntryEvent) {
        match event {
            EntryEvent::Added => self.added += 1,
            EntryEvent::Ended(cause) => *self.ended.get_mut(cause) += 1,
        }
    }
}

/// The flows of one calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FlowsYear {
    pub year: i32,
    pub new_qualifications: NewQualifications,
    pub foreign_cases: ForeignCases,
    pub entries: EntryFlows,
}

impl FlowsYear {
    pub fn empty(year: i32) -> FlowsYear {
        FlowsYear {
            year,
            new_qualifications: NewQualifications::default(),
            foreign_cases: ForeignCases::default(),
            entries: EntryFlows::default(),
        }
    }

    /// One figure of the year.
    pub fn get(&self, figure: FlowFigure) -> u64 {
        let q = &self.new_qualifications;
        let f = &self.foreign_cases;
        let e = &self.entries;
        match figure {
            FlowFigure::Authorisations => q.authorisations,
            FlowFigure::AuthorisationLanguages => q.authorisation_languages,
            FlowFigure::BilingualTestEntries => q.bilingual_test_entries,
            FlowFigure::BilingualTestPersons => q.bilingual_test_persons,
            FlowFigure::BachelorDegrees => q.bachelor_degrees,
            FlowFigure::FoundationCourses => q.foundation_courses,
            FlowFigure::ForeignReceived => f.received,
            FlowFigure::ForeignApproved => f.approved,
            FlowFigure::ForeignRefused => f.refused,
            FlowFigure::EntriesAdded => e.added,
            FlowFigure::EntriesEnded => e.ended.total(),
            FlowFigure::EndedWithdrawal => e.ended.withdrawal,
            FlowFigure::EndedNoBasis => e.ended.no_basis,
            FlowFigure::EndedSuspension => e.ended.suspension,
            FlowFigure::EndedPeriodExclusion => e.ended.period_exclusion,
            FlowFigure::EndedPermanentExclusion => e.ended.permanent_exclusion,
        }
    }
}

/// Every figure of a [`FlowsYear`], in the order tables show them; the code is the stable column
/// name of CSV and JSON outputs (the services give the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum FlowFigure {
    Authorisations,
    AuthorisationLanguages,
    BilingualTestEntries,
    BilingualTestPersons,
    BachelorDegrees,
    FoundationCourses,
    ForeignReceived,
    ForeignApproved,
    ForeignRefused,
    EntriesAdded,
    EntriesEnded,
    EndedWithdrawal,
    EndedNoBasis,
    EndedSuspension,
    EndedPeriodExclusion,
    EndedPermanentExclusion,
}

impl FlowFigure {
    pub const ALL: [FlowFigure; 16] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Something that happened to an entry's listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryEvent {
    Added,
    Ended(EndCause),
}

/// What of an entry version decides whether it is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub has_category: bool,
    pub status: EntryStatus,
}

impl Standing {
    fn listed_on(self, day: Date) -> bool {
        EndCause::of(self.has_category, self.status, day).is_none()
    }
}

/// One version of an entry with the version it followed (`None` for the entry's first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionStep {
    pub valid_from: Timestamp,
    pub valid_to: Option<Timestamp>,
    pub standing: Standing,
    pub previous: Option<Standing>,
}

impl VersionStep {
    /// What happened to the entry's listing when this version took effect, and, for an
    /// exclusion for a period that ends while the version is in force, on its end date (up to
    /// and including `today`).
    pub fn events(&self, today: Date) -> Vec<(Date, EntryEvent)> {
        let day = self.valid_from.date();
        let before = self.previous.is_some_and(|p| p.listed_on(day));
        let after = self.standing.listed_on(day);
        let mut out = Vec::new();
        match (before, after) {
            (false, true) => out.push((day, EntryEvent::Added)),
            (true, false) => {
                if let Some(cause) = EndCause::of(self.standing.has_category, self.standing.status, day) {
                    out.push((day, EntryEvent::Ended(cause)));
                }
            }
            _ => {}
        }
        // Listed again from the first instant of the end date, while this version still held.
        if let EntryStatus::Excluded { until } = self.standing.status
            && self.standing.has_category
            && !after
            && until <= today
            && self.valid_to.is_none_or(|to| Timestamp::start_of(until) < to)
        {
            out.push((until, EntryEvent::Added));
        }
        out
    }
}

/// The entry flows of each year of `years` from the steps of every entry (each version once).
pub fn entry_flows(steps: impl IntoIterator<Item = VersionStep>, years: YearRange, today: Date) -> Vec<EntryFlows> {
    let mut out = vec![EntryFlows::default(); years.years().count()];
    for step in steps {
        for (day, event) in step.events(today) {
            if years.contains(day) {
                out[(day.year() - years.from()) as usize].count(event);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use EntryStatus::*;

    const LISTED: Standing = Standing {
        has_category: true,
        status: Active,
    };

    fn standing(status: EntryStatus) -> Standing {
        Standing {
            has_category: true,
            status,
        }
    }

    fn step(from: Date, to: Option<Date>, standing: Standing, previous: Option<Standing>) -> VersionStep {
        VersionStep {
            valid_from: Timestamp::at(from, 10, 0),
            valid_to: to.map(|d| Timestamp::at(d, 10, 0)),
            standing,
            previous,
        }
    }

    const TODAY: Date = date!(2026 - 12 - 08);

    #[test]
    fn each_change_of_listing_is_one_event_with_the_cause_the_status_gives() {
        let d = date!(2023 - 03 - 01);
        let no_category = Standing {
            has_category: false,
            status: Active,
        };
        type Case = (Option<Standing>, Standing, Vec<(Date, EntryEvent)>);
        let cases: [Case; 10] = [
            (None, LISTED, vec![(d, EntryEvent::Added)]),
            (Some(LISTED), LISTED, vec![]),
            (
                Some(LISTED),
                standing(Withdrawn),
                vec![(d, EntryEvent::Ended(EndCause::Withdrawal))],
            ),
            (
                Some(LISTED),
                standing(NoBasis),
                vec![(d, EntryEvent::Ended(EndCause::NoBasis))],
            ),
            (
                Some(LISTED),
                no_category,
                vec![(d, EntryEvent::Ended(EndCause::NoBasis))],
            ),
            (
                Some(LISTED),
                standing(Suspended),
                vec![(d, EntryEvent::Ended(EndCause::Suspension))],
            ),
            (
                Some(LISTED),
                standing(ExcludedPermanently),
                vec![(d, EntryEvent::Ended(EndCause::PermanentExclusion))],
            ),
            (Some(standing(Suspended)), LISTED, vec![(d, EntryEvent::Added)]),
            (Some(standing(Withdrawn)), LISTED, vec![(d, EntryEvent::Added)]),
            (None, standing(NoBasis), vec![]),
        ];
        for (previous, now, expected) in cases {
            assert_eq!(
                step(d, None, now, previous).events(TODAY),
                expected,
                "{previous:?} -> {now:?}"
            );
        }
    }

    #[test]
    fn an_exclusion_for_a_period_comes_back_on_its_end_date_recorded_or_not() {
        let from = date!(2024 - 10 - 01);
        let until = date!(2025 - 04 - 01);
        let excluded = standing(Excluded { until });
        // Excluded, nothing recorded after: ended, then added on the end date.
        assert_eq!(
            step(from, None, excluded, Some(LISTED)).events(TODAY),
            vec![
                (from, EntryEvent::Ended(EndCause::PeriodExclusion)),
                (until, EntryEvent::Added)
            ]
        );
        // The end recorded on the end date: the recording is no second event.
        assert_eq!(step(until, None, LISTED, Some(excluded)).events(TODAY), vec![]);
        // Lifted early: added when lifted, not again on the end date.
        let lifted = date!(2025 - 01 - 15);
        assert_eq!(
            step(from, Some(lifted), excluded, Some(LISTED)).events(TODAY),
            vec![(from, EntryEvent::Ended(EndCause::PeriodExclusion))]
        );
        assert_eq!(
            step(lifted, None, LISTED, Some(excluded)).events(TODAY),
            vec![(lifted, EntryEvent::Added)]
        );
        // An end date still to come is no event yet.
        assert_eq!(
            step(from, None, excluded, Some(LISTED)).events(date!(2025 - 03 - 31)),
            vec![(from, EntryEvent::Ended(EndCause::PeriodExclusion))]
        );
    }

    #[test]
    fn flows_land_in_their_year_and_outside_years_are_dropped() {
        let years = YearRange::new(2023, 2024).unwrap();
        let steps = [
            step(date!(2022 - 05 - 01), None, LISTED, None),
            step(date!(2023 - 05 - 01), None, LISTED, None),
            step(date!(2024 - 02 - 01), None, standing(Withdrawn), Some(LISTED)),
            step(date!(2024 - 12 - 31), None, LISTED, None),
        ];
        let flows = entry_flows(steps, years, TODAY);
        assert_eq!(flows.len(), 2);
        assert_eq!((flows[0].added, flows[0].ended.total()), (1, 0));
        assert_eq!((flows[1].added, flows[1].ended.withdrawal), (1, 1));
    }

    #[test]
    fn year_ranges_refuse_reversed_and_impossible_years() {
        assert_eq!(YearRange::new(2020, 2023).unwrap().years().count(), 4);
        assert_eq!(
            YearRange::new(2024, 2020),
            Err(YearRangeError::Reversed { from: 2024, to: 2020 })
        );
        assert_eq!(YearRange::new(20, 2023), Err(YearRangeError::OutOfRange(20)));
        assert!(
            YearRange::new(2020, 99999)
                .unwrap_err()
                .to_string()
                .contains("fra 1990 til 2100")
        );
    }

    #[test]
    fn every_figure_reads_its_own_field() {
        let mut y = FlowsYear::empty(2023);
        y.new_qualifications.authorisations = 18;
        y.new_qualifications.authorisation_languages = 6;
        y.entries.count(EntryEvent::Ended(EndCause::Suspension));
        y.entries.count(EntryEvent::Ended(EndCause::PermanentExclusion));
        assert_eq!(y.get(FlowFigure::Authorisations), 18);
        assert_eq!(y.get(FlowFigure::AuthorisationLanguages), 6);
        assert_eq!(y.get(FlowFigure::EntriesEnded), 2);
        assert_eq!(y.entries.ended.exclusion(), 2);
        assert_eq!(y.get(FlowFigure::EndedWithdrawal), 0);
        assert_eq!(FlowFigure::EndedNoBasis.as_str(), "ended_no_basis");
    }
}
