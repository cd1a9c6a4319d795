//! Reading the register's figures of a day: from the maintained projection (`store::projection`:
//! whole years, then months, then days of running sums), and, as the reference it is checked
//! against, counted straight from the history: the entry versions in force at the end of the
//! day, with the interpreter's county from the profile version in force then. Listed means what
//! the public saw that day: a category, and active (or excluded for a period that had ended by
//! then). The sums are in [`crate::statistics`].

use std::collections::BTreeMap;

use time::Date;

use super::rows::parse;
use super::sql::{On, sql};
use super::{Database, Result};

use crate::statistics::projection::{Segment, segments};
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
    sorted(rows)
}

/// The cells, ordered by language, kind, category and county: here, not by ORDER BY, since
/// PostgreSQL's collation would order text differently.
fn sorted(rows: Vec<CellRow>) -> Result<Vec<Cell>> {
    let mut cells = rows.into_iter().map(CellRow::into_cell).collect::<Result<Vec<_>>>()?;
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

/// The WHERE clause selecting the projection rows of `segments`, and its binds in order.
fn segment_filter(segments: &[Segment]) -> (String, Vec<Date>) {
    let mut clauses = Vec::new();
    let mut binds = Vec::new();
    for s in segments {
        let grain = s.grain.code();
        let mut clause = format!("(grain = '{grain}'");
        if let Some(from) = s.from {
            binds.push(from);
            clause.push_str(&format!(" AND period >= ${}", binds.len()));
        }
        binds.push(s.to);
        clause.push_str(&format!(" AND period < ${})", binds.len()));
        clauses.push(clause);
    }
    if clauses.is_empty() {
        return ("WHERE 1 = 0".into(), binds);
    }
    (format!("WHERE {}", clauses.join(" OR ")), binds)
}

/// The sums of the entry deltas dated in `segments`, per cell (zero sums left out).
async fn summed_cells(db: &mut On<'_>, segments: &[Segment]) -> Result<Vec<CellRow>> {
    let (filter, binds) = segment_filter(segments);
    let mut statement = sql(format!(
        "SELECT language, kind, category, county, CAST(SUM(delta) AS BIGINT) AS entries FROM stat_entry_deltas \
         {filter} GROUP BY language, kind, category, county HAVING SUM(delta) <> 0"
    ));
    for b in binds {
        statement = statement.bind(b);
    }
    Ok(statement.fetch_all(db).await?)
}

/// The sums of the person deltas dated in `segments`: (listed, listed twice).
async fn summed_persons(db: &mut On<'_>, segments: &[Segment]) -> Result<(i64, i64)> {
    let (filter, binds) = segment_filter(segments);
    let mut statement = sql(format!(
        "SELECT CAST(SUM(listed) AS BIGINT), CAST(SUM(multi) AS BIGINT) FROM stat_person_deltas {filter}"
    ));
    for b in binds {
        statement = statement.bind(b);
    }
    let (all, multi): (Option<i64>, Option<i64>) = statement.fetch_one(db).await?;
    Ok((all.unwrap_or(0), multi.unwrap_or(0)))
}

/// Running sums along a time series: the cells and persons of the last day read.
#[derive(Default)]
struct Running {
    cells: BTreeMap<(String, String, String, String), i64>,
    persons: (i64, i64),
}

impl Running {
    async fn advance(&mut self, db: &mut On<'_>, after: Option<Date>, upto: Date) -> Result<()> {
        let segments = segments(after, upto);
        for row in summed_cells(db, &segments).await? {
            *self
                .cells
                .entry((row.language, row.kind, row.category, row.county))
                .or_default() += row.entries;
        }
        let (all, multi) = summed_persons(db, &segments).await?;
        self.persons.0 += all;
        self.persons.1 += multi;
        Ok(())
    }

    fn figures(&self, day: Date) -> Result<Figures> {
        let rows = self
            .cells
            .iter()
            .filter(|(_, n)| **n != 0)
            .map(|((language, kind, category, county), n)| CellRow {
                language: language.clone(),
                kind: kind.clone(),
                category: category.clone(),
                county: county.clone(),
                entries: *n,
            })
            .collect();
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(Figures {
            day,
            cells: sorted(rows)?,
            unique_persons: count(self.persons.0),
            persons_with_two_or_more_languages: count(self.persons.1),
        })
    }
}

impl Database {
    /// The register's figures at the end of `day` (Norwegian time), from the maintained
    /// projection: a sum over at most a few thousand rows per year, month and day of history
    /// (measured in BENCHMARKS.md), whatever the size of the register.
    pub async fn figures_on(&self, day: Date) -> Result<Figures> {
        let mut conn = self.pool.acquire().await?;
        let mut running = Running::default();
        running.advance(&mut conn.on(), None, day).await?;
        running.figures(day)
    }

    /// The same figures counted from the version history itself: the definition the projection
    /// is tested against (`register` integration tests compare the two day by day). Reads every
    /// version in force on the day, so it grows with the register.
    pub async fn figures_from_history(&self, day: Date) -> Result<Figures> {
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

    /// [`Database::figures_on`] for each of `days` (in increasing order), reading each day as
    /// the one before plus the deltas in between: a half-year step reads six months of rows.
    pub async fn figures_series(&self, days: &[Date]) -> Result<Vec<Figures>> {
        if !days.windows(2).all(|w| w[0] < w[1]) {
            let mut out = Vec::with_capacity(days.len());
            for day in days {
                out.push(self.figures_on(*day).await?);
            }
            return Ok(out);
        }
        let mut conn = self.pool.acquire().await?;
        let mut running = Running::default();
        let mut previous = None;
        let mut out = Vec::with_capacity(days.len());
        for day in days {
            running.advance(&mut conn.on(), previous, *day).await?;
            out.push(running.figures(*day)?);
            previous = Some(*day);
        }
        Ok(out)
    }

    /// Stops keeping the statistical projection until [`Database::rebuild_statistics`]: for
    /// bulk loads, where one build from the loaded history is far cheaper than following every
    /// batch. A process that starts meanwhile builds it (so an interrupted load loses nothing).
    pub async fn suspend_statistics(&self) -> Result<()> {
        let mut tx = self.pool.begin_write().await?;
        sql("UPDATE feed_position SET last_seq = last_seq WHERE id = 1")
            .execute(&mut tx.on())
            .await?;
        sql("DELETE FROM stat_projection_state").execute(&mut tx.on()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Throws the statistical projection away and builds it again from the history (the
    /// `tolkeregister stats rebuild` command; never needed in normal running).
    pub async fn rebuild_statistics(&self) -> Result<()> {
        let mut tx = self.pool.begin_write().await?;
        sql("UPDATE feed_position SET last_seq = last_seq WHERE id = 1")
            .execute(&mut tx.on())
            .await?;
        super::projection::rebuild(&mut tx.on()).await?;
        tx.commit().await?;
        Ok(())
    }
}
