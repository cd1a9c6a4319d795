//! Storing imported Tolkemonitor demand: each import whole in one transaction with its audit
//! row, never overwritten. Validation is in [`crate::statistics::demand`], not here.
//!
//! The demand of a year is the rows of the latest import (the highest id) that has rows for
//! that year; an older import of the same year stays stored for the record and shows in
//! [`Database::demand_imports`], but no longer counts.

use std::collections::BTreeMap;

use serde::Serialize;

use super::rows::parse;
use super::sql::{chunk_rows, insert_rows, sql};
use super::{Database, Result, StoreError};
use crate::statistics::demand::DemandRow;
use crate::timestamp::Timestamp;

/// One import of a demand file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemandImport {
    pub id: i64,
    pub imported_at: Timestamp,
    /// The staff login (or `cli:` user) who imported it.
    pub imported_by: String,
    pub file_name: String,
    pub note: String,
    pub rows: u64,
    /// The years the file has rows for, ascending.
    pub years: Vec<i32>,
    /// The years whose demand this import is (no later import covers them), ascending.
    pub current_years: Vec<i32>,
}

#[derive(sqlx::FromRow)]
struct ImportRow {
    id: i64,
    imported_at: Timestamp,
    imported_by: String,
    file_name: String,
    note: String,
}

#[derive(sqlx::FromRow)]
struct StoredDemandRow {
    year: i64,
    language: String,
    county: Option<String>,
    sector: Option<String>,
    assignments: i64,
}

impl StoredDemandRow {
    fn into_row(self) -> Result<DemandRow> {
        Ok(DemandRow {
            year: i32::try_from(self.year).map_err(|_| StoreError::Corrupt(format!("år {}", self.year)))?,
            language: parse(&self.language, "språkkode")?,
            county: self.county.as_deref().map(|c| parse(c, "fylke")).transpose()?,
            sector: self.sector,
            assignments: u64::try_from(self.assignments)
                .map_err(|_| StoreError::Corrupt(format!("antall oppdrag {}", self.assignments)))?,
        })
    }
}

const ROW_COLUMNS: usize = 6;

impl Database {
    /// Stores validated demand `rows` as one new import by `imported_by` from the file
    /// `file_name`, with an audit row saying who, when and why (`note`); all or nothing.
    pub async fn import_demand(
        &self,
        imported_by: &str,
        file_name: &str,
        note: &str,
        rows: &[DemandRow],
    ) -> Result<DemandImport> {
        if imported_by.trim().is_empty() {
            return Err(StoreError::ReasonMissing);
        }
        let now = Timestamp::now();
        let mut tx = self.pool.begin_write().await?;
        let id: i64 = sql(
            "INSERT INTO demand_imports (imported_at, imported_by, file_name, note) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(now)
        .bind(imported_by)
        .bind(file_name)
        .bind(note)
        .scalar(tx.on())
        .await?;
        for chunk in rows.chunks(chunk_rows(ROW_COLUMNS)) {
            let mut insert = insert_rows(
                "INSERT INTO demand_rows (import_id, year, language, county, sector, assignments)",
                chunk.len(),
                ROW_COLUMNS,
            );
            for row in chunk {
                insert = insert
                    .bind(id)
                    .bind(i64::from(row.year))
                    .bind(row.language.to_string())
                    .bind(row.county.map(|c| c.to_string()))
                    .bind(row.sector.clone())
                    .bind(i64::try_from(row.assignments).unwrap_or(i64::MAX));
            }
            insert.execute(tx.on()).await?;
        }
        let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
        years.sort_unstable();
        years.dedup();
        let detail = serde_json::json!({
            "import": id,
            "file_name": file_name,
            "rows": rows.len(),
            "years": years,
        });
        let reason = if note.trim().is_empty() {
            format!("import av {file_name}")
        } else {
            note.to_string()
        };
        sql(
            "INSERT INTO audit_log (change_seq, recorded_at, effective_at, actor, action, interpreter_number, \
             reason, detail) VALUES (NULL, $1, $1, $2, 'import_demand', NULL, $3, $4)",
        )
        .bind(now)
        .bind(imported_by)
        .bind(reason)
        .bind(detail.to_string())
        .execute(tx.on())
        .await?;
        tx.commit().await?;
        Ok(DemandImport {
            id,
            imported_at: now,
            imported_by: imported_by.to_string(),
            file_name: file_name.to_string(),
            note: note.to_string(),
            rows: rows.len() as u64,
            current_years: years.clone(),
            years,
        })
    }

    /// The demand of `year`: the rows of the latest import that covers it, empty when none does.
    /// Ordered by language code, county and sector.
    pub async fn demand_for(&self, year: i32) -> Result<Vec<DemandRow>> {
        let rows: Vec<StoredDemandRow> = sql("SELECT year, language, county, sector, assignments FROM demand_rows \
             WHERE year = $1 AND import_id = (SELECT MAX(import_id) FROM demand_rows WHERE year = $1)")
        .bind(i64::from(year))
        .fetch_all(&self.pool)
        .await?;
        let mut rows = rows
            .into_iter()
            .map(StoredDemandRow::into_row)
            .collect::<Result<Vec<_>>>()?;
        // Sorted here, not by ORDER BY: PostgreSQL's collation would order text differently.
        rows.sort_by(|a, b| {
            (a.language.as_str(), a.county, &a.sector).cmp(&(b.language.as_str(), b.county, &b.sector))
        });
        Ok(rows)
    }

    /// The years some import has demand for, ascending.
    pub async fn demand_years(&self) -> Result<Vec<i32>> {
        let years: Vec<i64> = sql("SELECT DISTINCT year FROM demand_rows ORDER BY year")
            .scalars(&self.pool)
            .await?;
        Ok(years.into_iter().filter_map(|y| i32::try_from(y).ok()).collect())
    }

    /// Every import, the newest first.
    pub async fn demand_imports(&self) -> Result<Vec<DemandImport>> {
        let imports: Vec<ImportRow> =
            sql("SELECT id, imported_at, imported_by, file_name, note FROM demand_imports ORDER BY id DESC")
                .fetch_all(&self.pool)
                .await?;
        let counts: Vec<(i64, i64, i64)> =
            sql("SELECT import_id, year, COUNT(*) FROM demand_rows GROUP BY import_id, year")
                .fetch_all(&self.pool)
                .await?;
        let mut per_import: BTreeMap<i64, (u64, Vec<i32>)> = BTreeMap::new();
        let mut latest: BTreeMap<i32, i64> = BTreeMap::new();
        for (import, year, n) in counts {
            let year = i32::try_from(year).map_err(|_| StoreError::Corrupt(format!("år {year}")))?;
            let entry = per_import.entry(import).or_default();
            entry.0 += u64::try_from(n).unwrap_or(0);
            entry.1.push(year);
            let newest = latest.entry(year).or_insert(import);
            *newest = (*newest).max(import);
        }
        Ok(imports
            .into_iter()
            .map(|i| {
                let (rows, mut years) = per_import.remove(&i.id).unwrap_or_default();
                years.sort_unstable();
                let current_years = years.iter().copied().filter(|y| latest.get(y) == Some(&i.id)).collect();
                DemandImport {
                    id: i.id,
                    imported_at: i.imported_at,
                    imported_by: i.imported_by,
                    file_name: i.file_name,
                    note: i.note,
                    rows,
                    years,
                    current_years,
                }
            })
            .collect())
    }
}
