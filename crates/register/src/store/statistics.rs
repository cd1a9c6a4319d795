//! Counting the register's figures on a day straight from its history: the entry versions in
//! force at the end of the day, with the interpreter's county from the profile version in
//! force then. Listed means what the public saw that day: a category, and active (or excluded
//! for a period that had ended by then). The sums are in [`crate::statistics`].

use time::Date;

use super::rows::parse;
use super::sql::{On, sql};
use super::{Database, Result};
use crate::statistics::{Cell, Figures};
use crate::timestamp::Timestamp;

/// The entry versions listed at `$1` (the end of the day) on day `$2`, with the county.
const LISTED: &str = "FROM entry_versions e \
    JOIN interpreter_versions p ON p.interpreter_number = e.interpreter_number \
    AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1) \
    WHERE e.valid_from <= $1 AND (e.valid_to IS NULL OR e.valid_to > $1) AND e.category IS NOT NULL \
    AND (e.status = 'active' OR (e.status = 'excluded' AND e.excluded_until <= $2))";

#[derive(sqlx::FromRow)]
struct CellRow {
    language: String,
    kind: String,
    category: String,
    county: String,
    entries: i64,
}

impl CellRow {
    fn into_cell(self) -> Result<Cell> {
        Ok(Cell {
            language: parse(&self.language, "språkkode")?,
            kind: parse(&self.kind, "tolkeform")?,
            category: parse(&self.category, "kategori")?,
            county: parse(&self.county, "fylke")?,
            entries: u64::try_from(self.entries).unwrap_or(0),
        })
    }
}

async fn cells(db: &mut On<'_>, at: Timestamp, day: Date) -> Result<Vec<Cell>> {
    let rows: Vec<CellRow> = sql(format!(
        "SELECT e.language AS language, e.kind AS kind, e.category AS category, p.county AS county, \
         COUNT(*) AS entries {LISTED} GROUP BY e.language, e.kind, e.category, p.county"
    ))
    .bind(at)
    .bind(day)
    .fetch_all(db)
    .await?;
    let mut cells = rows.into_iter().map(CellRow::into_cell).collect::<Result<Vec<_>>>()?;
    // Sorted here, not by ORDER BY: PostgreSQL's collation would order text differently.
    cells.sort_by(|a, b| {
        (a.language.as_str(), a.kind.as_str(), a.category.as_str(), a.county).cmp(&(
            b.language.as_str(),
            b.kind.as_str(),
            b.category.as_str(),
            b.county,
        ))
    });
    Ok(cells)
}

/// People listed in any kind, and those with two or more listed entries.
async fn persons(db: &mut On<'_>, at: Timestamp, day: Date) -> Result<(u64, u64)> {
    let (all, multi): (i64, Option<i64>) = sql(format!(
        "SELECT COUNT(*), SUM(CASE WHEN listed >= 2 THEN 1 ELSE 0 END) FROM \
         (SELECT e.interpreter_number, COUNT(*) AS listed {LISTED} GROUP BY e.interpreter_number) per_person"
    ))
    .bind(at)
    .bind(day)
    .fetch_one(db)
    .await?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok((count(all), count(multi.unwrap_or(0))))
}

impl Database {
    /// The register's figures at the end of `day` (Norwegian time), from its history.
    pub async fn figures_on(&self, day: Date) -> Result<Figures> {
        let at = Timestamp::end_of(day);
        let mut conn = self.pool.acquire().await?;
        let cells = cells(&mut conn.on(), at, day).await?;
        let (unique_persons, persons_with_two_or_more_languages) = persons(&mut conn.on(), at, day).await?;
        Ok(Figures {
            day,
            cells,
            unique_persons,
            persons_with_two_or_more_languages,
        })
    }

    /// [`Database::figures_on`] for each of `days`, in order.
    pub async fn figures_series(&self, days: &[Date]) -> Result<Vec<Figures>> {
        let mut out = Vec::with_capacity(days.len());
        for day in days {
            out.push(self.figures_on(*day).await?);
        }
        Ok(out)
    }
}
