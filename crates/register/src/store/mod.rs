//! Storage of the register: one API (the `Store` trait) with SQLite and PostgreSQL behind it,
//! chosen from the database URL. The only place in the workspace that speaks SQL.

pub mod backup;
pub mod casework;
pub mod follow;
pub mod guards;
pub mod postgres;
mod rows;
mod shared;
pub mod sqlite;
pub mod staff;
pub mod tips;

use std::future::Future;

use serde::Serialize;
use tokio::sync::watch;

use crate::command::{ChangeMeta, Command};
use crate::interpreter::Profile;
use crate::interpreter_number::InterpreterNumber;
use crate::mutation::Mutation;
use crate::record::InterpreterRecord;
use crate::reference::Catalogue;
use crate::rules::RuleError;
use crate::timestamp::Timestamp;

pub use casework::CaseStore;
pub use follow::{Follower, Wake};
pub use guards::{FeedHead, GuardStore};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
pub use staff::StaffStore;
pub use tips::TipStore;

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

/// The storage API. Implemented by [`SqliteStore`] and [`PostgresStore`] from one body of SQL,
/// and by [`Database`], which picks one of them at start-up.
pub trait Store: Clone + Send + Sync + 'static {
    /// The reference data (languages, counties) this store validates against.
    fn catalogue(&self) -> &Catalogue;

    /// The sequence number of the newest committed change, pushed after every commit made
    /// through this handle (followers in other processes poll or listen instead).
    fn subscribe(&self) -> watch::Receiver<i64>;

    /// Checks that the database answers.
    fn ping(&self) -> impl Future<Output = Result<()>> + Send;

    /// Registers a new interpreter and returns the record with its new interpreter number.
    fn register_interpreter(
        &self,
        profile: Profile,
        meta: ChangeMeta,
    ) -> impl Future<Output = Result<InterpreterRecord>> + Send;

    /// Applies one command to one interpreter under the domain rules, writing new state,
    /// history, audit and change feed in one transaction. Returns the record afterwards.
    fn execute(
        &self,
        number: InterpreterNumber,
        command: Command,
        meta: ChangeMeta,
    ) -> impl Future<Output = Result<InterpreterRecord>> + Send;

    /// Writes already-derived changes in one transaction (bulk loading by the generator).
    /// Returns the sequence number of the last change.
    fn write_changes(&self, changes: Vec<Change>) -> impl Future<Output = Result<i64>> + Send;

    /// The current record of one interpreter.
    fn record(&self, number: InterpreterNumber) -> impl Future<Output = Result<Option<InterpreterRecord>>> + Send;

    /// The record of one interpreter as it stood at `at`.
    fn record_as_of(
        &self,
        number: InterpreterNumber,
        at: Timestamp,
    ) -> impl Future<Output = Result<Option<InterpreterRecord>>> + Send;

    /// The whole register as it stood at `at`, ordered by interpreter number.
    fn as_of(&self, at: Timestamp) -> impl Future<Output = Result<Vec<InterpreterRecord>>> + Send;

    /// Feed rows after `seq`, oldest first, at most `limit`.
    fn changes_since(&self, seq: i64, limit: i64) -> impl Future<Output = Result<Vec<FeedItem>>> + Send;

    /// The audit trail of one interpreter, oldest first.
    fn history(&self, number: InterpreterNumber) -> impl Future<Output = Result<Vec<AuditItem>>> + Send;

    /// Records in the audit trail that `actor` was shown `number`'s national identity number,
    /// and why: a read, not a change (no feed row, no `change_seq`), so the history tells who
    /// has seen the number.
    fn record_national_id_reveal(
        &self,
        number: InterpreterNumber,
        actor: &str,
        reason: &str,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Interpreters whose period of exclusion ended on or before `today` but are still stored
    /// as excluded; the caller records the end through `Command::RecordExpiredExclusions`.
    fn expired_exclusions(&self, today: time::Date) -> impl Future<Output = Result<Vec<InterpreterNumber>>> + Send;

    /// Whether no interpreter has been registered yet.
    fn is_empty(&self) -> impl Future<Output = Result<bool>> + Send;
}

/// The store chosen from the database URL at start-up. Static dispatch: a `match`, no `dyn`.
#[derive(Clone)]
pub enum Database {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
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
            Ok(Database::Sqlite(SqliteStore::connect(url, catalogue).await?))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Database::Postgres(
                PostgresStore::connect(url, options.max_connections, catalogue).await?,
            ))
        } else {
            Err(StoreError::Url(options.url.clone()))
        }
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
        match self {
            Database::Sqlite(_) => "sqlite",
            Database::Postgres(_) => "postgres",
        }
    }
}

macro_rules! delegate {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Database::Sqlite($s) => $e,
            Database::Postgres($s) => $e,
        }
    };
}

impl Store for Database {
    fn catalogue(&self) -> &Catalogue {
        delegate!(self, s => s.catalogue())
    }
    fn subscribe(&self) -> watch::Receiver<i64> {
        delegate!(self, s => s.subscribe())
    }
    async fn ping(&self) -> Result<()> {
        delegate!(self, s => s.ping().await)
    }
    async fn register_interpreter(&self, profile: Profile, meta: ChangeMeta) -> Result<InterpreterRecord> {
        delegate!(self, s => s.register_interpreter(profile, meta).await)
    }
    async fn execute(
        &self,
        number: InterpreterNumber,
        command: Command,
        meta: ChangeMeta,
    ) -> Result<InterpreterRecord> {
        delegate!(self, s => s.execute(number, command, meta).await)
    }
    async fn write_changes(&self, changes: Vec<Change>) -> Result<i64> {
        delegate!(self, s => s.write_changes(changes).await)
    }
    async fn record(&self, number: InterpreterNumber) -> Result<Option<InterpreterRecord>> {
        delegate!(self, s => s.record(number).await)
    }
    async fn record_as_of(&self, number: InterpreterNumber, at: Timestamp) -> Result<Option<InterpreterRecord>> {
        delegate!(self, s => s.record_as_of(number, at).await)
    }
    async fn as_of(&self, at: Timestamp) -> Result<Vec<InterpreterRecord>> {
        delegate!(self, s => s.as_of(at).await)
    }
    async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<FeedItem>> {
        delegate!(self, s => s.changes_since(seq, limit).await)
    }
    async fn history(&self, number: InterpreterNumber) -> Result<Vec<AuditItem>> {
        delegate!(self, s => s.history(number).await)
    }
    async fn record_national_id_reveal(&self, number: InterpreterNumber, actor: &str, reason: &str) -> Result<()> {
        delegate!(self, s => s.record_national_id_reveal(number, actor, reason).await)
    }
    async fn expired_exclusions(&self, today: time::Date) -> Result<Vec<InterpreterNumber>> {
        delegate!(self, s => s.expired_exclusions(today).await)
    }
    async fn is_empty(&self) -> Result<bool> {
        delegate!(self, s => s.is_empty().await)
    }
}
