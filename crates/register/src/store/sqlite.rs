//! The embedded SQLite backend: a file under `data/`, WAL, foreign keys on, busy timeout, and
//! write transactions that take the write lock at BEGIN (`begin_write`).
//! Followers in this process are woken through the in-process watch channel.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tokio::sync::watch;

use super::shared::store_impl;
use super::{Result, StoreError};
use crate::reference::Catalogue;

/// The register in an SQLite file.
#[derive(Clone)]
pub struct SqliteStore {
    pub(crate) pool: SqlitePool,
    pub(crate) catalogue: Arc<Catalogue>,
    pub(crate) notify: Arc<watch::Sender<i64>>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");

impl SqliteStore {
    /// Opens (creating if missing) the database at `url` (`sqlite:PATH`), migrates it and
    /// loads the reference data.
    pub async fn connect(url: &str, catalogue: Catalogue) -> Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::Url(url.to_string()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(dir) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .and_then(|p| {
                std::path::Path::new(p.split('?').next().unwrap_or(p))
                    .parent()
                    .map(|d| d.to_path_buf())
            })
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(&dir).map_err(|e| StoreError::Url(format!("{url}: {e}")))?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        let last: i64 = sqlx::query_scalar("SELECT last_seq FROM feed_position WHERE id = 1")
            .fetch_one(&pool)
            .await?;
        generated::sync_reference(&pool, &catalogue).await?;
        Ok(SqliteStore {
            pool,
            catalogue: Arc::new(catalogue),
            notify: Arc::new(watch::Sender::new(last)),
        })
    }

    /// Runs the migrations only.
    pub async fn migrate(url: &str) -> Result<()> {
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

    /// Begins a write transaction that holds SQLite's write lock from its first statement
    /// (`BEGIN IMMEDIATE`). A deferred transaction that reads first and then writes cannot wait
    /// for the lock: if another writer committed in between, SQLite answers "database is
    /// locked" (SQLITE_BUSY_SNAPSHOT, 517) at once, without the busy timeout. Taking the lock at
    /// BEGIN makes every writer queue behind the busy timeout instead.
    pub(crate) async fn begin_write(pool: &SqlitePool) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// SQLite followers live in this process and are woken by the watch channel.
    async fn notify_followers(_conn: &mut sqlx::SqliteConnection, _seq: i64) -> Result<()> {
        Ok(())
    }
}

store_impl!(SqliteStore, sqlx::Sqlite);
super::casework::casework_impl!(SqliteStore, sqlx::Sqlite);
super::tips::tips_impl!(SqliteStore, sqlx::Sqlite);
super::guards::guards_impl!(SqliteStore, sqlx::Sqlite);
super::staff::staff_impl!(SqliteStore, sqlx::Sqlite);
