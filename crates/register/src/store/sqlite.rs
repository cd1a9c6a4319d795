//! Connecting to the embedded SQLite backend: a file under `data/`, WAL, foreign keys on and a
//! busy timeout. Its write transactions take the write lock at BEGIN (see
//! [`Pool::begin_write`](super::sql::Pool::begin_write)).

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::{Result, StoreError};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");

/// Opens (creating the file and its folder if missing) the database at `url` (`sqlite:PATH`)
/// and migrates it.
pub(super) async fn connect(url: &str) -> Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|_| StoreError::Url(url.to_string()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    if let Some(dir) = super::backup::sqlite_path(url).and_then(|p| p.parent().map(|d| d.to_path_buf()))
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Url(format!("{url}: {e}")))?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// Runs the migrations only.
pub(super) async fn migrate(url: &str) -> Result<()> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|_| StoreError::Url(url.to_string()))?
        .create_if_missing(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(())
}
