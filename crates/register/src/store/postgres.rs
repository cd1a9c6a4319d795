//! The PostgreSQL backend for production: a pooled connection sized by configuration, and
//! `NOTIFY register_changes` on every commit so followers in other processes wake at once.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::watch;

use super::shared::store_impl;
use super::{Result, StoreError};
use crate::reference::Catalogue;

/// The notification channel followers LISTEN on; the payload is the newest sequence number.
pub const CHANNEL: &str = "register_changes";

/// The longest a request waits for a connection (including connecting) before it is refused.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(1);

/// The register in PostgreSQL.
#[derive(Clone)]
pub struct PostgresStore {
    pub(crate) pool: PgPool,
    pub(crate) catalogue: Arc<Catalogue>,
    pub(crate) notify: Arc<watch::Sender<i64>>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

impl PostgresStore {
    /// Connects to `url`, migrates and loads the reference data.
    pub async fn connect(url: &str, max_connections: u32, catalogue: Catalogue) -> Result<PostgresStore> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            // A stopped server must not hold requests for long: staff requests answer 503 and
            // readiness answers within a second instead of waiting 10 s for a connection.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(url)
            .await
            .map_err(|e| match e {
                sqlx::Error::Configuration(_) => StoreError::Url(url.to_string()),
                other => StoreError::Database(other),
            })?;
        MIGRATOR.run(&pool).await?;
        let last: i64 = sqlx::query_scalar("SELECT last_seq FROM feed_position WHERE id = 1")
            .fetch_one(&pool)
            .await?;
        generated::sync_reference(&pool, &catalogue).await?;
        Ok(PostgresStore {
            pool,
            catalogue: Arc::new(catalogue),
            notify: Arc::new(watch::Sender::new(last)),
        })
    }

    /// Runs the migrations only.
    pub async fn migrate(url: &str) -> Result<()> {
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(())
    }

    /// The pool, for followers that LISTEN on [`CHANNEL`].
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Begins a write transaction. PostgreSQL's row locks already make writers wait for each
    /// other, so a plain BEGIN is enough; the SQLite twin takes its write lock up front.
    pub(crate) async fn begin_write(pool: &PgPool) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        pool.begin().await
    }

    /// Queues a notification that is delivered when the transaction commits.
    async fn notify_followers(conn: &mut sqlx::PgConnection, seq: i64) -> Result<()> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(seq.to_string())
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}

store_impl!(PostgresStore, sqlx::Postgres);
super::casework::casework_impl!(PostgresStore, sqlx::Postgres);
super::tips::tips_impl!(PostgresStore, sqlx::Postgres);
super::guards::guards_impl!(PostgresStore, sqlx::Postgres);
super::staff::staff_impl!(PostgresStore, sqlx::Postgres);
