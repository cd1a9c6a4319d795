//! Coverage per language (dekningsgrad): the register's capacity against Tolkemonitor's demand
//! for one year, per language and in total. Pure arithmetic on figures already counted; no storage.
//!
//! The model, as IMDi uses it: an interpreter listed in a language supplies `capacity_share` of a
//! full-time position in it (IMDi's assumption: 35 %). Demand in assignments becomes full-time
//! positions through `assignments_per_full_time`. Coverage is capacity ÷ demand; the interpreters
//! missing are those needed to cover the rest, rounded up. Listed means listed on 31 December of
//! the year, counted two ways: by person × language (every listed entry counts once), or by
//! unique person (each person counts once, split equally over the languages they are listed in),
//! since someone listed in three languages cannot work full capacity in all three.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::language::LanguageCode;
use crate::statistics::Figures;

/// IMDi's assumption: one interpreter can do about 35 % of a full-time position.
pub const DEFAULT_CAPACITY_SHARE: f64 = 0.35;

/// An assumption of this register, not an IMDi figure: a full-time public-service interpreter
/// does about 1 000 assignments a year (some four a working day over 230 working days, most of
/// them short and many by telephone or video). Shown with every figure; change it when IMDi
/// publishes a better one.
pub const DEFAULT_ASSIGNMENTS_PER_FULL_TIME: f64 = 1_000.0;

/// The two assumptions of the model, shown with every figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CoverageParams {
    /// The share of a full-time position one listed interpreter supplies, in (0, 1].
    pub capacity_share: f64,
    /// Assignments one full-time position does in a year, > 0.
    pub assignments_per_full_time: f64,
}

impl Default for CoverageParams {
    fn default() -> Self {
        CoverageParams {
            capacity_share: DEFAULT_CAPACITY_SHARE,
            assignments_per_full_time: DEFAULT_ASSIGNMENTS_PER_FULL_TIME,
        }
    }
}

/// Parameters outside their range.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum InvalidParams {
    #[error("kapasitetsandelen må være større enn 0 og høyst 1 (fikk {0})")]
    CapacityShare(f64),
    #[error("oppdrag per årsverk må være et positivt tall (fikk {0})")]
    AssignmentsPerFullTime(f64),
}

impl CoverageParams {
    /// Checked parameters: a share in (0, 1] and a positive, finite number of assignments.
    pub fn new(capacity_share: f64, assignments_per_full_time: f64) -> Result<CoverageParams, InvalidParams> {
        if !(capacity_share > 0.0 && capacity_share <= 1.0) {
            return Err(InvalidParams::CapacityShare(capacity_share));
        }
        if !(assignments_per_full_time > 0.0 && assignments_per_full_time.is_finite()) {
            return Err(InvalidParams::AssignmentsPerFullTime(assignments_per_full_time));
        }
        Ok(CoverageParams {
            capacity_share,
            assignments_per_full_time,
        })
    }
}

/// How listed interpreters are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Every listed entry counts one interpreter in its language.
    PersonLanguage,
    /// Every listed person counts one, split equally over their languages.
    UniquePerson,
}

/// Coverage of one language in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageCoverage {
    pub language: LanguageCode,
    /// Interpreters listed on 31 December: entries, or person weights (fractional) when counting
    /// unique persons.
    pub listed: f64,
    /// Full-time positions the listed interpreters supply.
    pub capacity_full_time: f64,
    pub demand_assignments: u64,
    pub demand_full_time: f64,
    /// Capacity ÷ demand; `None` without demand.
    pub coverage: Option<f64>,
    /// Interpreters needed beyond those listed, rounded up; never negative.
    pub interpreters_missing: u64,
    /// Assignments the capacity does not cover; never negative.
    pub uncovered_assignments: f64,
}

impl LanguageCoverage {
    fn new(language: LanguageCode, listed: f64, demand_assignments: u64, params: &CoverageParams) -> Self {
        let capacity_full_time = listed * params.capacity_share;
        let demand_full_time = demand_assignments as f64 / params.assignments_per_full_time;
        let coverage = (demand_assignments > 0).then(|| capacity_full_time / demand_full_time);
        let needed = demand_full_time / params.capacity_share;
        // A hair of tolerance so 0.35 × 20 = 7.000000000000001 positions does not ask for one more.
        let short = needed - listed;
        let interpreters_missing = if short > 1e-9 { (short - 1e-9).ceil() as u64 } else { 0 };
        let uncovered_assignments =
            (demand_assignments as f64 - capacity_full_time * params.assignments_per_full_time).max(0.0);
        LanguageCoverage {
            language,
            listed,
            capacity_full_time,
            demand_assignments,
            demand_full_time,
            coverage,
            interpreters_missing,
            uncovered_assignments,
        }
    }

    /// Demand with nobody listed.
    pub fn has_no_interpreter(&self) -> bool {
        self.demand_assignments > 0 && self.listed <= 0.0
    }
}

/// The sums over the languages with demand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageTotals {
    pub listed: f64,
    pub capacity_full_time: f64,
    pub demand_assignments: u64,
    pub demand_full_time: f64,
    /// Total capacity ÷ total demand; `None` without demand. A surplus in one language hides a
    /// gap in another here: read [`CoverageTotals::covered_share`] for the share of demand met.
    pub coverage: Option<f64>,
    /// The share of the demand the capacity covers, language by language (a surplus in one
    /// language does not cover another's gap); `None` without demand. IMDi's "30 %
    /// under-coverage" is 1 minus this.
    pub covered_share: Option<f64>,
    /// The sum of each language's interpreters missing.
    pub interpreters_missing: u64,
    pub uncovered_assignments: f64,
    /// Languages with at least one interpreter missing.
    pub languages_short: usize,
}

/// Coverage of every language with demand in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub year: i32,
    pub params: CoverageParams,
    pub counting: Counting,
    /// Languages with demand, the most uncovered assignments first (then by code).
    pub languages: Vec<LanguageCoverage>,
    pub totals: CoverageTotals,
}

impl Coverage {
    /// Languages with demand and nobody listed, in rank order.
    pub fn without_interpreters(&self) -> impl Iterator<Item = &LanguageCoverage> {
        self.languages.iter().filter(|l| l.has_no_interpreter())
    }

    /// One language's line, if it had demand.
    pub fn language(&self, code: LanguageCode) -> Option<&LanguageCoverage> {
        self.languages.iter().find(|l| l.language == code)
    }
}

/// Interpreters listed per language counted by person × language: the listed entries of every
/// kind in each language on the figures' day.
pub fn entries_per_language(figures: &Figures) -> BTreeMap<LanguageCode, f64> {
    let mut out = BTreeMap::new();
    for cell in &figures.cells {
        *out.entry(cell.language).or_insert(0.0) += cell.entries as f64;
    }
    out
}

/// Coverage in `year` of every language in `demand` (assignments per language, summed over
/// counties and sectors), with `listed` interpreters per language counted as `counting` says.
/// Languages listed but without demand figures are left out: there is nothing to compare.
pub fn compute(
    year: i32,
    listed: &BTreeMap<LanguageCode, f64>,
    demand: &BTreeMap<LanguageCode, u64>,
    params: CoverageParams,
    counting: Counting,
) -> Coverage {
    let mut languages: Vec<LanguageCoverage> = demand
        .iter()
        .map(|(code, assignments)| {
            LanguageCoverage::new(*code, listed.get(code).copied().unwrap_or(0.0), *assignments, &params)
        })
        .collect();
    languages.sort_by(|a, b| {
        b.uncovered_assignments
            .total_cmp(&a.uncovered_assignments)
            .then_with(|| a.language.as_str().cmp(b.language.as_str()))
    });
    let capacity_full_time: f64 = languages.iter().map(|l| l.capacity_full_time).sum();
    let demand_assignments: u64 = languages.iter().map(|l| l.demand_assignments).sum();
    let demand_full_time = demand_assignments as f64 / params.assignments_per_full_time;
    let uncovered_assignments: f64 = languages.iter().map(|l| l.uncovered_assignments).sum();
    let totals = CoverageTotals {
        listed: languages.iter().map(|l| l.listed).sum(),
        capacity_full_time,
        demand_assignments,
        demand_full_time,
        coverage: (demand_assignments > 0).then(|| capacity_full_time / demand_full_time),
        covered_share: (demand_assignments > 0).then(|| 1.0 - uncovered_assignments / demand_assignments as f64),
        interpreters_missing: languages.iter().map(|l| l.interpreters_missing).sum(),
        uncovered_assignments,
        languages_short: languages.iter().filter(|l| l.interpreters_missing > 0).count(),
    };
    Coverage {
        year,
        params,
        counting,
        languages,
        totals,
    }
}

/// Demand rows summed per language (over counties and sectors) for one year.
pub fn demand_per_language<'a>(
    rows: impl IntoIterator<Item = &'a super::demand::DemandRow>,
    year: i32,
) -> BTreeMap<LanguageCode, u64> {
    let mut out = BTreeMap::new();
    for row in rows.into_iter().filter(|r| r.year == year) {
        *out.entry(row.language).or_insert(0) += row.assignments;
    }
    out
}

/// The languages of a coverage in which someone is listed but nothing was demanded are not in
/// it; this names the ones in `listed` that were left out, for a note under the table.
pub fn listed_without_demand(
    listed: &BTreeMap<LanguageCode, f64>,
    demand: &BTreeMap<LanguageCode, u64>,
) -> BTreeSet<LanguageCode> {
    listed
        .iter()
        .filter(|(code, n)| **n > 0.0 && !demand.contains_key(code))
        .map(|(code, _)| *code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> LanguageCode {
        c.parse().unwrap()
    }

    fn map<T: Copy>(pairs: &[(&str, T)]) -> BTreeMap<LanguageCode, T> {
        pairs.iter().map(|(c, n)| (code(c), *n)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn parameters_are_checked() {
        assert!(CoverageParams::new(0.35, 1000.0).is_ok());
        assert!(CoverageParams::new(1.0, 1.0).is_ok());
        for (share, per) in [
            (0.0, 1000.0),
            (-0.1, 1000.0),
            (1.01, 1000.0),
            (f64::NAN, 1000.0),
            (0.35, 0.0),
            (0.35, -5.0),
            (0.35, f64::INFINITY),
            (0.35, f64::NAN),
        ] {
            assert!(CoverageParams::new(share, per).is_err(), "{share} {per}");
        }
        assert_eq!(CoverageParams::default().capacity_share, 0.35);
    }

    /// One language, the model by hand: `listed` interpreters at 0.35 and 1 000 assignments a
    /// full-time position against `demand` assignments.
    #[test]
    fn one_language_by_the_table() {
        // (listed, demand, coverage, missing, uncovered)
        let cases: [(f64, u64, Option<f64>, u64, f64); 7] = [
            // 100 × 0.35 = 35 positions against 50: 70 % covered, 43 missing (42.86 rounded up).
            (100.0, 50_000, Some(0.7), 43, 15_000.0),
            // Exactly covered: nobody missing (20 × 0.35 = 7.000000000000001 must not round up).
            (20.0, 7_000, Some(1.0), 0, 0.0),
            // Over-coverage: ratio above 1, nothing missing or uncovered.
            (200.0, 35_000, Some(2.0), 0, 0.0),
            // Zero demand: no ratio, nothing missing.
            (10.0, 0, None, 0, 0.0),
            // Zero interpreters: coverage 0, every assignment uncovered.
            (0.0, 3_500, Some(0.0), 10, 3_500.0),
            // One assignment short of exactly covered still needs one more interpreter.
            (10.0, 3_501, Some(3.5 / 3.501), 1, 1.0),
            // Unique-person weights are fractional: 2.5 persons.
            (2.5, 1_750, Some(0.5), 3, 875.0),
        ];
        let params = CoverageParams::default();
        for (listed, demand, coverage, missing, uncovered) in cases {
            let c = compute(
                2022,
                &map(&[("ARB", listed)]),
                &map(&[("ARB", demand)]),
                params,
                Counting::PersonLanguage,
            );
            let l = &c.languages[0];
            match (l.coverage, coverage) {
                (Some(a), Some(b)) => assert!(close(a, b), "{listed}/{demand}: {a} ≠ {b}"),
                (a, b) => assert_eq!(a, b, "{listed}/{demand}"),
            }
            assert_eq!(l.interpreters_missing, missing, "{listed}/{demand}");
            assert!(
                close(l.uncovered_assignments, uncovered),
                "{listed}/{demand}: {}",
                l.uncovered_assignments
            );
            assert!(close(l.capacity_full_time, listed * 0.35));
            assert!(close(l.demand_full_time, demand as f64 / 1000.0));
        }
    }

    #[test]
    fn the_parameters_change_the_answer() {
        let listed = map(&[("ARB", 100.0)]);
        let demand = map(&[("ARB", 50_000)]);
        let half = compute(
            2022,
            &listed,
            &demand,
            CoverageParams::new(0.5, 1000.0).unwrap(),
            Counting::PersonLanguage,
        );
        assert!(close(half.languages[0].coverage.unwrap(), 1.0));
        assert_eq!(half.languages[0].interpreters_missing, 0);
        let busy = compute(
            2022,
            &listed,
            &demand,
            CoverageParams::new(0.35, 500.0).unwrap(),
            Counting::PersonLanguage,
        );
        // 100 positions needed at 0.35: 286 interpreters (285.7 rounded up), 186 missing.
        assert!(close(busy.languages[0].coverage.unwrap(), 0.35));
        assert_eq!(busy.languages[0].interpreters_missing, 186);
    }

    #[test]
    fn languages_rank_by_uncovered_assignments_and_totals_add_up() {
        let listed = map(&[
            ("ARB", 100.0),
            ("SOM", 50.0),
            ("UKR", 200.0),
            ("PES", 10.0),
            ("NSL", 30.0),
        ]);
        let demand = map(&[
            ("ARB", 60_000), // 25 000 uncovered, 72 missing
            ("SOM", 20_000), // 2 500 uncovered, 8 missing
            ("UKR", 35_000), // 35 000 capacity: over-covered
            ("PES", 3_500),  // exactly covered
            ("TIG", 1_000),  // nobody listed: 1 000 uncovered, 3 missing
            ("KIN", 1_000),  // nobody listed either
        ]);
        let c = compute(
            2022,
            &listed,
            &demand,
            CoverageParams::default(),
            Counting::UniquePerson,
        );
        let order: Vec<&str> = c.languages.iter().map(|l| l.language.as_str()).collect();
        assert_eq!(order, ["ARB", "SOM", "KIN", "TIG", "PES", "UKR"]);
        assert_eq!(c.counting, Counting::UniquePerson);
        let without: Vec<&str> = c.without_interpreters().map(|l| l.language.as_str()).collect();
        assert_eq!(without, ["KIN", "TIG"]);
        assert_eq!(c.language(code("ARB")).unwrap().interpreters_missing, 72);

        let t = &c.totals;
        assert_eq!(t.demand_assignments, 120_500);
        assert!(
            close(t.listed, 360.0),
            "NSL has no demand and is left out: {}",
            t.listed
        );
        assert!(close(t.capacity_full_time, 126.0));
        assert!(close(t.uncovered_assignments, 29_500.0));
        assert_eq!(t.interpreters_missing, 72 + 8 + 3 + 3);
        assert_eq!(t.languages_short, 4);
        // Ukrainian's surplus shows in the ratio of totals but not in the share covered.
        assert!(close(t.coverage.unwrap(), 126.0 / 120.5));
        assert!(close(t.covered_share.unwrap(), 1.0 - 29_500.0 / 120_500.0));
        assert_eq!(
            listed_without_demand(&listed, &demand).into_iter().collect::<Vec<_>>(),
            [code("NSL")]
        );
    }

    #[test]
    fn no_demand_at_all_gives_an_empty_table_without_ratios() {
        let c = compute(
            2022,
            &map(&[("ARB", 10.0)]),
            &BTreeMap::new(),
            CoverageParams::default(),
            Counting::PersonLanguage,
        );
        assert!(c.languages.is_empty());
        assert_eq!(c.totals.coverage, None);
        assert_eq!(c.totals.covered_share, None);
        assert_eq!(c.totals.interpreters_missing, 0);
    }

    #[test]
    fn demand_rows_sum_over_counties_and_sectors_of_one_year() {
        use crate::statistics::demand::DemandRow;
        let row = |year, language: &str, county: Option<&str>, assignments| DemandRow {
            year,
            language: code(language),
            county: county.map(|c| c.parse().unwrap()),
            sector: None,
            assignments,
        };
        let rows = [
            row(2022, "ARB", Some("03"), 10),
            row(2022, "ARB", Some("46"), 5),
            row(2023, "ARB", None, 100),
            row(2022, "SOM", None, 7),
        ];
        assert_eq!(demand_per_language(&rows, 2022), map(&[("ARB", 15), ("SOM", 7)]));
    }

    #[test]
    fn entries_per_language_adds_every_kind_category_and_county() {
        use crate::category::Category;
        use crate::language::LanguageKind;
        use crate::statistics::Cell;
        let cell = |language: &str, county: &str, entries| Cell {
            language: code(language),
            kind: LanguageKind::Spoken,
            category: Category::A,
            county: county.parse().unwrap(),
            entries,
        };
        let figures = Figures {
            day: time::macros::date!(2022 - 12 - 31),
            cells: vec![cell("ARB", "03", 2), cell("ARB", "46", 3), cell("SOM", "03", 1)],
            unique_persons: 5,
            persons_with_two_or_more_languages: 1,
        };
        assert_eq!(entries_per_language(&figures), map(&[("ARB", 5.0), ("SOM", 1.0)]));
    }
}
