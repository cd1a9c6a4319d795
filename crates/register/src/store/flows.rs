//! Counting the register's flows per calendar year from its history: licences, qualifications,
//! first listings in category E, foreign-qualification cases, and each entry version with the
//! version before it. The definitions and sums are in [`crate::statistics::flows`]; no HTTP here.

use time::{Date, Month};

use super::sql::{On, sql};
use super::{Database, Result};
use crate::entry_status::EntryStatus;
use crate::statistics::flows::{
    FlowsYear, ForeignCases, NewQualifications, Standing, VersionStep, YearRange, entry_flows,
};
use crate::timestamp::Timestamp;

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The first and last day of `year`, and the instants they start and the next year starts.
struct Bounds {
    first: Date,
    last: Date,
    start: Timestamp,
    end: Timestamp,
}

impl Bounds {
    fn of(year: i32) -> Option<Bounds> {
        let first = Date::from_calendar_date(year, Month::January, 1).ok()?;
        let last = Date::from_calendar_date(year, Month::December, 31).ok()?;
        Some(Bounds {
            first,
            last,
            start: Timestamp::start_of(first),
            end: Timestamp::end_of(last),
        })
    }
}

/// In force at the end of the year: the register as it stood then.
const AT_YEAR_END: &str = "valid_from < $3 AND (valid_to IS NULL OR valid_to >= $3)";

/// Licences granted in the year that the register held at its end, and their languages.
async fn authorisations(db: &mut On<'_>, year: &Bounds) -> Result<(u64, u64)> {
    let (licences, languages): (i64, i64) = sql(format!(
        "SELECT COUNT(*), COUNT(DISTINCT language) FROM licence_versions \
         WHERE granted_on >= $1 AND granted_on <= $2 AND {AT_YEAR_END}"
    ))
    .bind(year.first)
    .bind(year.last)
    .bind(year.end)
    .fetch_one(db)
    .await?;
    Ok((count(licences), count(languages)))
}

/// Norwegian bachelor degrees and foundation courses completed in the year that the register
/// held at its end.
async fn degrees_and_courses(db: &mut On<'_>, year: &Bounds) -> Result<(u64, u64)> {
    let (bachelor, course): (i64, i64) = sql(format!(
        "SELECT COUNT(CASE WHEN kind = 'bachelor' THEN 1 END), COUNT(CASE WHEN kind = 'foundation_course' THEN 1 END) \
         FROM qualifications WHERE foreign_approval IS NULL AND kind IN ('bachelor', 'foundation_course') \
         AND completed_on >= $1 AND completed_on <= $2 AND {AT_YEAR_END}"
    ))
    .bind(year.first)
    .bind(year.last)
    .bind(year.end)
    .fetch_one(db)
    .await?;
    Ok((count(bachelor), count(course)))
}

/// A qualification of `kind` held by the entry's interpreter when entry version `v` took effect.
fn held(kind: &str, same_language: bool) -> String {
    let language = if same_language {
        " AND q.language = v.language"
    } else {
        ""
    };
    format!(
        "EXISTS (SELECT 1 FROM qualifications q WHERE q.interpreter_number = v.interpreter_number \
         AND q.kind = '{kind}'{language} AND q.valid_from <= v.valid_from \
         AND (q.valid_to IS NULL OR q.valid_to > v.valid_from))"
    )
}

/// Entries first listed in the year in category E by bilingual test + TAO, and their persons.
async fn bilingual_test(db: &mut On<'_>, year: &Bounds) -> Result<(u64, u64)> {
    let (entries, persons): (i64, i64) = sql(format!(
        "SELECT COUNT(*), COUNT(DISTINCT v.interpreter_number) FROM entry_versions v \
         WHERE v.valid_from >= $1 AND v.valid_from < $2 AND v.category = 'E' AND v.status = 'active' \
         AND NOT EXISTS (SELECT 1 FROM entry_versions o WHERE o.interpreter_number = v.interpreter_number \
         AND o.language = v.language AND o.change_seq < v.change_seq AND o.category IS NOT NULL) \
         AND {} AND {}",
        held("bilingual_test", true),
        held("tao_course", false)
    ))
    .bind(year.start)
    .bind(year.end)
    .fetch_one(db)
    .await?;
    Ok((count(entries), count(persons)))
}

/// Foreign-qualification cases received in the year, and approved and refused by decisions of
/// the year.
async fn foreign_cases(db: &mut On<'_>, year: &Bounds) -> Result<ForeignCases> {
    let (received,): (i64,) = sql("SELECT COUNT(*) FROM foreign_cases WHERE received_on >= $1 AND received_on <= $2")
        .bind(year.first)
        .bind(year.last)
        .fetch_one(&mut *db)
        .await?;
    let (approved, refused): (i64, i64) = sql(
        "SELECT COUNT(CASE WHEN c.outcome = 'approved' THEN 1 END), COUNT(CASE WHEN c.outcome = 'refused' THEN 1 END) \
         FROM foreign_cases c JOIN decisions d ON d.id = c.decision_id \
         WHERE c.outcome IS NOT NULL AND d.decided_on >= $1 AND d.decided_on <= $2",
    )
    .bind(year.first)
    .bind(year.last)
    .fetch_one(db)
    .await?;
    Ok(ForeignCases {
        received: count(received),
        approved: count(approved),
        refused: count(refused),
    })
}

#[derive(sqlx::FromRow)]
struct StepRow {
    valid_from: Timestamp,
    valid_to: Option<Timestamp>,
    category: Option<String>,
    status: String,
    excluded_until: Option<Date>,
    previous_category: Option<String>,
    previous_status: Option<String>,
    previous_until: Option<Date>,
}

fn status(name: &str, until: Option<Date>) -> Result<EntryStatus> {
    EntryStatus::from_parts(name, until)
        .ok_or_else(|| super::StoreError::Corrupt(format!("oppføringsstatus: «{name}»")))
}

impl StepRow {
    fn into_step(self) -> Result<VersionStep> {
        let previous = match self.previous_status {
            Some(name) => Some(Standing {
                has_category: self.previous_category.is_some(),
                status: status(&name, self.previous_until)?,
            }),
            None => None,
        };
        Ok(VersionStep {
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            standing: Standing {
                has_category: self.category.is_some(),
                status: status(&self.status, self.excluded_until)?,
            },
            previous,
        })
    }
}

/// The entry versions that can change a listing within `years`: those that took effect then,
/// and exclusions for a period that end then; each with the version it followed (by change
/// order, so two versions recorded at the same instant still follow each other).
async fn version_steps(db: &mut On<'_>, years: YearRange) -> Result<Vec<VersionStep>> {
    let (Some(first), Some(last)) = (Bounds::of(years.from()), Bounds::of(years.to())) else {
        return Ok(Vec::new());
    };
    let rows: Vec<StepRow> = sql(
        "SELECT v.valid_from AS valid_from, v.valid_to AS valid_to, v.category AS category, v.status AS status, \
         v.excluded_until AS excluded_until, p.category AS previous_category, p.status AS previous_status, \
         p.excluded_until AS previous_until \
         FROM entry_versions v LEFT JOIN entry_versions p ON p.interpreter_number = v.interpreter_number \
         AND p.language = v.language AND p.change_seq = (SELECT MAX(q.change_seq) FROM entry_versions q \
         WHERE q.interpreter_number = v.interpreter_number AND q.language = v.language AND q.change_seq < v.change_seq) \
         WHERE (v.valid_from >= $1 AND v.valid_from < $2) \
         OR (v.status = 'excluded' AND v.excluded_until >= $3 AND v.excluded_until <= $4)",
    )
    .bind(first.start)
    .bind(last.end)
    .bind(first.first)
    .bind(last.last)
    .fetch_all(db)
    .await?;
    rows.into_iter().map(StepRow::into_step).collect()
}

impl Database {
    /// The register's flows in each year of `years`, oldest first, from its history (see
    /// [`crate::statistics::flows`] for what each figure counts). Exclusions that end after
    /// today are not counted as coming back yet.
    pub async fn flows(&self, years: YearRange) -> Result<Vec<FlowsYear>> {
        self.flows_until(years, Timestamp::now().date()).await
    }

    /// [`Database::flows`] as it stands on `today`.
    pub async fn flows_until(&self, years: YearRange, today: Date) -> Result<Vec<FlowsYear>> {
        let mut conn = self.pool.acquire().await?;
        let mut out = Vec::new();
        for year in years.years() {
            let Some(bounds) = Bounds::of(year) else { continue };
            let (authorisations, authorisation_languages) = authorisations(&mut conn.on(), &bounds).await?;
            let (bachelor_degrees, foundation_courses) = degrees_and_courses(&mut conn.on(), &bounds).await?;
            let (bilingual_test_entries, bilingual_test_persons) = bilingual_test(&mut conn.on(), &bounds).await?;
            let mut flows = FlowsYear::empty(year);
            flows.new_qualifications = NewQualifications {
                authorisations,
                authorisation_languages,
                bilingual_test_entries,
                bilingual_test_persons,
                bachelor_degrees,
                foundation_courses,
            };
            flows.foreign_cases = foreign_cases(&mut conn.on(), &bounds).await?;
            out.push(flows);
        }
        let steps = version_steps(&mut conn.on(), years).await?;
        for (flows, entries) in out.iter_mut().zip(entry_flows(steps, years, today)) {
            flows.entries = entries;
        }
        Ok(out)
    }
}
