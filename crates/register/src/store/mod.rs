//! Storage of the register: one [`Database`] with SQLite or PostgreSQL behind it, chosen from
//! the database URL. The only place in the workspace that speaks SQL.

pub mod backup;
mod batch;
pub mod casework;
pub mod committee;
mod coverage;
pub mod demand;
mod errors;
mod flows;
pub mod follow;
pub mod guards;
pub mod postgres;
mod projection;
mod records;
mod rows;
mod sql;
pub mod sqlite;
pub mod staff;
mod statistics;
pub mod tips;

use std::sync::Arc;

use serde::Serialize;
use tokio::sync::watch;

use crate::command::ChangeMeta;
use crate::interpreter_number::InterpreterNumber;
use crate::mutation::Mutation;
use crate::reference::Catalogue;
use crate::rules::RuleError;
use crate::timestamp::Timestamp;

pub use follow::{Follower, Wake};

use sql::{Pool, sql};

/// Everything that can go wrong in storage, with messages fit for users where the cause is
/// theirs (`NotFound`, `Rule`, `Backdated`, `FutureChange`, `ReasonMissing`,
/// `DuplicateNationalId`).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("fant ingen tolk med tolkenummer {0}")]
    NotFound(InterpreterNumber),
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error("endringen kan ikke gjelde fra {at}, før forrige endring i registeret for tolken ({last})")]
    Backdated { at: Timestamp, last: Timestamp },
    #[error("en endring kan ikke gjelde fra et tidspunkt fram i tid ({0})")]
    FutureChange(Timestamp),
    #[error("hvem som gjør endringen og hvorfor må oppgis")]
    ReasonMissing,
    /// Another interpreter's current profile has the national identity number. Names only the
    /// other interpreter, never the number itself.
    #[error("Fødselsnummeret er allerede registrert på tolk nr. {0}.")]
    DuplicateNationalId(InterpreterNumber),
    #[error("ugyldig database-URL «{0}»: bruk sqlite:STI eller postgres://…")]
    Url(String),
    #[error("databasefeil: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migrering feilet: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("ugyldige data i databasen: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Whether the caller caused the error (a 4xx), as opposed to the system (a 5xx).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Self::NotFound(_)
                | Self::Rule(_)
                | Self::Backdated { .. }
                | Self::FutureChange(_)
                | Self::ReasonMissing
                | Self::DuplicateNationalId(_)
        )
    }
}

impl StoreError {
    /// Whether the database could not be reached or is refusing work for now (stopped,
    /// restarting, no free connection in time, locked past the busy timeout): a retry later
    /// may succeed, so services answer 503 with a message rather than 500.
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::Database(e) => database_unavailable(e),
            _ => false,
        }
    }
}

fn database_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            // PostgreSQL: connection exceptions (class 08), shutting down or starting up (57P01–57P03).
            // SQLite: busy or locked (5, 6, 517 and other extended codes of 5/6).
            code.starts_with("08")
                || matches!(code.as_ref(), "57P01" | "57P02" | "57P03")
                || code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6))
        }),
        _ => false,
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A change ready to be written: the mutations of one command on one record.
#[derive(Debug, Clone)]
pub struct Change {
    pub number: InterpreterNumber,
    pub action: String,
    pub meta: ChangeMeta,
    pub mutations: Vec<Mutation>,
}

/// One row of the change feed: enough for a follower to know which record to re-read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeedItem {
    pub seq: i64,
    pub number: InterpreterNumber,
    pub effective_at: Timestamp,
    pub recorded_at: Timestamp,
}

/// One audited change: who did what to which record, when and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditItem {
    pub change_seq: Option<i64>,
    pub recorded_at: Timestamp,
    pub effective_at: Timestamp,
    pub actor: String,
    pub action: String,
    pub number: Option<InterpreterNumber>,
    pub reason: String,
    pub detail: serde_json::Value,
}

/// The register's database: SQLite or PostgreSQL, chosen from the URL at start-up. Every
/// storage operation is an ordinary method on it, in the module of its concern (`records`,
/// `tips`, `committee`, `casework`, `guards`, `staff`), written once for both backends; the
/// backend shows only in [`sql`], in connecting and in the migrations.
#[derive(Clone)]
pub struct Database {
    pub(crate) pool: Pool,
    pub(crate) catalogue: Arc<Catalogue>,
    pub(crate) notify: Arc<watch::Sender<i64>>,
}

/// Connection settings shared by both backends.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    pub url: String,
    /// Pool size (PostgreSQL); SQLite uses a small fixed pool.
    pub max_connections: u32,
}

impl Database {
    /// Opens `sqlite:PATH` (created if missing) or `postgres://…`, and runs the migrations.
    pub async fn connect(options: &ConnectOptions, catalogue: Catalogue) -> Result<Database> {
        let url = options.url.as_str();
        if url.starts_with("sqlite:") {
            Database::open_sqlite(url, catalogue).await
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Database::open_postgres(url, options.max_connections, catalogue).await
        } else {
            Err(StoreError::Url(options.url.clone()))
        }
    }

    /// Opens (creating if missing) the SQLite database at `url` (`sqlite:PATH`), migrates it
    /// and loads the reference data.
    pub async fn open_sqlite(url: &str, catalogue: Catalogue) -> Result<Database> {
        Database::open(Pool::Sqlite(sqlite::connect(url).await?), catalogue).await
    }

    /// Connects to PostgreSQL at `url` with at most `max_connections`, migrates and loads the
    /// reference data.
    pub async fn open_postgres(url: &str, max_connections: u32, catalogue: Catalogue) -> Result<Database> {
        Database::open(
            Pool::Postgres(postgres::connect(url, max_connections).await?),
            catalogue,
        )
        .await
    }

    async fn open(pool: Pool, catalogue: Catalogue) -> Result<Database> {
        let last: i64 = sql("SELECT last_seq FROM feed_position WHERE id = 1")
            .scalar(&pool)
            .await?;
        records::sync_reference(&pool, &catalogue).await?;
        let mut tx = pool.begin_write().await?;
        if projection::ensure_built(&mut tx.on()).await? {
            tracing::info!("built the statistical projection from the register's history");
        }
        tx.commit().await?;
        Ok(Database {
            pool,
            catalogue: Arc::new(catalogue),
            notify: Arc::new(watch::Sender::new(last)),
        })
    }

    /// Runs the migrations of the database at `url` only.
    pub async fn migrate(url: &str) -> Result<()> {
        if url.starts_with("sqlite:") {
            sqlite::migrate(url).await
        } else {
            postgres::migrate(url).await
        }
    }

    /// The reference data (languages, counties) this store validates against.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The sequence number of the newest committed change, pushed after every commit made
    /// through this handle (followers in other processes poll or listen instead).
    pub fn subscribe(&self) -> watch::Receiver<i64> {
        self.notify.subscribe()
    }

    /// Wakes in-process followers (the search indexer) once a register change is committed.
    pub(crate) fn wake_followers(&self, seq: Option<i64>) {
        if let Some(seq) = seq {
            self.notify.send_replace(seq);
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        sql("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Pings the database but gives up after `limit`, so a readiness probe answers in time
    /// even while the database is gone (a refusal then reads as a pool timeout).
    pub async fn ping_within(&self, limit: std::time::Duration) -> Result<()> {
        match tokio::time::timeout(limit, self.ping()).await {
            Ok(answer) => answer,
            Err(_) => Err(StoreError::Database(sqlx::Error::PoolTimedOut)),
        }
    }

    pub fn backend(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// The PostgreSQL pool, for followers that LISTEN; `None` for SQLite.
    pub fn postgres_pool(&self) -> Option<&sqlx::PgPool> {
        match &self.pool {
            Pool::Postgres(p) => Some(p),
            Pool::Sqlite(_) => None,
        }
    }
}
