//! Reading what coverage needs from storage: the unique-person weights per language on a day,
//! and a year's coverage put together. The arithmetic is in [`crate::statistics::coverage`].
//!
//! Listed is the same condition as the official figures (`store::statistics`): an entry version
//! in force at the end of the day, with a category, active or excluded until a day already passed.

use std::collections::BTreeMap;

use time::{Date, Month};

use super::rows::parse;
use super::sql::sql;
use super::{Database, Result, StoreError};
use crate::language::LanguageCode;
use crate::statistics::coverage::{self, Counting, Coverage, CoverageParams};
use crate::timestamp::Timestamp;

/// Distinct (person, language) pairs listed at `$1` (the end of the day) on day `$2`.
const LISTED_PAIRS: &str = "SELECT DISTINCT e.interpreter_number AS person, e.language AS language \
    FROM entry_versions e \
    JOIN interpreter_versions p ON p.interpreter_number = e.interpreter_number \
    AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1) \
    WHERE e.valid_from <= $1 AND (e.valid_to IS NULL OR e.valid_to > $1) AND e.category IS NOT NULL \
    AND (e.status = 'active' OR (e.status = 'excluded' AND e.excluded_until <= $2))";

impl Database {
    /// Each language's share of the persons listed at the end of `day`: Σ 1/k over the persons
    /// listed in it, where k is the number of languages the person is listed in. The weights add
    /// up to the number of unique persons.
    pub async fn person_weights_on(&self, day: Date) -> Result<BTreeMap<LanguageCode, f64>> {
        // Counted in integers per (language, k) and divided here, so both backends agree exactly.
        let rows: Vec<(String, i64, i64)> = sql(format!(
            "WITH pairs AS ({LISTED_PAIRS}), \
             per_person AS (SELECT person, COUNT(*) AS k FROM pairs GROUP BY person) \
             SELECT pairs.language, per_person.k, COUNT(*) FROM pairs \
             JOIN per_person ON per_person.person = pairs.person \
             GROUP BY pairs.language, per_person.k"
        ))
        .bind(Timestamp::end_of(day))
        .bind(day)
        .fetch_all(&self.pool)
        .await?;
        let mut weights = BTreeMap::new();
        for (language, k, persons) in rows {
            let code: LanguageCode = parse(&language, "språkkode")?;
            if k <= 0 {
                return Err(StoreError::Corrupt(format!("språk per person {k}")));
            }
            *weights.entry(code).or_insert(0.0) += persons as f64 / k as f64;
        }
        Ok(weights)
    }

    /// Coverage per language in `year`: the interpreters listed on 31 December of the year,
    /// counted as `counting` says, against the year's demand (see [`Database::demand_for`]).
    pub async fn coverage(&self, year: i32, params: CoverageParams, counting: Counting) -> Result<Coverage> {
        let day = Date::from_calendar_date(year, Month::December, 31)
            .map_err(|_| StoreError::Corrupt(format!("år {year}")))?;
        let listed = match counting {
            Counting::PersonLanguage => coverage::entries_per_language(&self.figures_on(day).await?),
            Counting::UniquePerson => self.person_weights_on(day).await?,
        };
        let demand = coverage::demand_per_language(&self.demand_for(year).await?, year);
        Ok(coverage::compute(year, &listed, &demand, params, counting))
    }
}
