//! Connecting to the PostgreSQL backend for production: a pool sized by configuration that
//! gives up quickly on a stopped server. Every commit also sends `NOTIFY register_changes`
//! (see [`On::notify_followers`](super::sql::On::notify_followers)), so followers in other
//! processes wake at once.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

use super::{Result, StoreError};

pub use super::sql::CHANNEL;

/// The longest a request waits for a connection (including connecting) before it is refused.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(1);

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// Connects to `url` and migrates.
pub(super) async fn connect(url: &str, max_connections: u32) -> Result<PgPool> {
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
    Ok(pool)
}

/// Runs the migrations only.
pub(super) async fn migrate(url: &str) -> Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect(url)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(())
}
