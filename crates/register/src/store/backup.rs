//! What backup and restore need from the database itself: SQLite's online copy (`VACUUM INTO`)
//! and whether a database already holds a register (restore refuses to overwrite one). The
//! PostgreSQL copy is `pg_dump`/`pg_restore`, run by the command line.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::Connection;
use sqlx::sqlite::SqliteConnectOptions;

use super::sql::{On, Pool, sql};
use super::{Database, Result, StoreError};

/// The first bytes of every SQLite database file.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The file of an `sqlite:PATH` URL (without `?options`), or `None` for other URLs.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

impl Database {
    /// Writes a consistent copy of a SQLite database to `to` while the register stays in use:
    /// `VACUUM INTO` reads one snapshot, so writers carry on and the copy is compact. Fails if
    /// `to` exists. PostgreSQL is copied with `pg_dump` instead (`Url` error here).
    pub async fn backup_into(&self, to: &Path) -> Result<()> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Err(StoreError::Url(
                "VACUUM INTO gjelder bare SQLite; bruk pg_dump for PostgreSQL".into(),
            ));
        };
        let target = to
            .to_str()
            .ok_or_else(|| StoreError::Url(format!("{}: filnavnet må være UTF-8", to.display())))?;
        sql("VACUUM INTO $1").bind(target).execute(On::SqlitePool(pool)).await?;
        Ok(())
    }
}

/// Whether the database at `url` exists and holds a register (any interpreter or tip case).
/// Reads only: creates, migrates and changes nothing.
pub async fn holds_register(url: &str) -> Result<bool> {
    if let Some(path) = sqlite_path(url) {
        if std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) == 0 {
            return Ok(false);
        }
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::Url(url.to_string()))?
            .read_only(true);
        let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
        let tables: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('interpreters', 'tips')",
        )
        .fetch_one(&mut conn)
        .await?;
        return Ok(tables == 2 && sqlx::query_scalar(ANY_ROWS).fetch_one(&mut conn).await?);
    }
    let mut conn = sqlx::PgConnection::connect(url).await.map_err(|e| match e {
        sqlx::Error::Configuration(_) => StoreError::Url(url.to_string()),
        other => StoreError::Database(other),
    })?;
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN \
            ('interpreters', 'tips')",
    )
    .fetch_one(&mut conn)
    .await?;
    Ok(tables == 2 && sqlx::query_scalar(ANY_ROWS).fetch_one(&mut conn).await?)
}

/// Whether the register's tables have any row (both exist when this is asked).
const ANY_ROWS: &str = "SELECT EXISTS (SELECT 1 FROM interpreters) OR EXISTS (SELECT 1 FROM tips)";

#[cfg(test)]
mod tests {
    use super::sqlite_path;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(sqlite_path("sqlite:data/x.db"), Some("data/x.db".into()));
        assert_eq!(sqlite_path("sqlite:///tmp/x.db?mode=rwc"), Some("/tmp/x.db".into()));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://db/x"), None);
    }
}
