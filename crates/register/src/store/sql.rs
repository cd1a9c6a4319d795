//! The one place that runs SQL on either backend. A statement ([`Sql`]) is its text, written
//! once with `$1`-style placeholders (SQLite and PostgreSQL both read them), and its typed
//! binds; it runs on a pool, a pooled connection or a write transaction ([`On`]), whose
//! variant picks the backend. Everything above this module is ordinary Rust written once.

use std::borrow::Cow;

use sqlx::error::BoxDynError;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgArguments, PgConnection, PgPool, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteConnection, SqlitePool, SqliteRow};
use sqlx::{Arguments, AssertSqlSafe, Decode, Encode, FromRow, Postgres, Sqlite, Type};

/// A value both backends can bind, borrowing for `'a` at most. (Not `for<'q> Encode<'q, _>`:
/// sqlx encodes `Option<T>` only for `T: 'q`, so that bound would demand `'static` values.)
pub(crate) trait Param<'a>: Send + Sync + 'a {
    fn add_to_sqlite(&self, args: &mut SqliteArguments) -> Result<(), BoxDynError>;
    fn add_to_postgres(&self, args: &mut PgArguments) -> Result<(), BoxDynError>;
}

impl<'a, T> Param<'a> for T
where
    T: Encode<'a, Sqlite> + Type<Sqlite> + Encode<'a, Postgres> + Type<Postgres> + Send + Sync + 'a,
{
    fn add_to_sqlite(&self, args: &mut SqliteArguments) -> Result<(), BoxDynError> {
        args.add(self)
    }

    fn add_to_postgres(&self, args: &mut PgArguments) -> Result<(), BoxDynError> {
        args.add(self)
    }
}

/// A row type both backends can decode (every `#[derive(sqlx::FromRow)]` struct and tuple).
pub(crate) trait Row: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

impl<T> Row for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

/// A single column value both backends can decode.
pub(crate) trait Value:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}

impl<T> Value for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}

/// A statement: SQL text and its binds, in placeholder order.
pub(crate) struct Sql<'a> {
    text: Cow<'static, str>,
    /// The same statement with anonymous `?` placeholders, for SQLite, where one is given: SQLite
    /// looks every `$n` up among the names seen so far while preparing, which is quadratic in a
    /// multi-row INSERT of thousands of binds.
    sqlite_text: Option<String>,
    params: Vec<Box<dyn Param<'a> + 'a>>,
}

/// Starts a statement.
pub(crate) fn sql<'a>(text: impl Into<Cow<'static, str>>) -> Sql<'a> {
    Sql {
        text: text.into(),
        sqlite_text: None,
        params: Vec::new(),
    }
}

/// A multi-row `INSERT`: `head` (`INSERT INTO t (a, b)`) followed by `rows` groups of
/// `columns` placeholders each.
pub(crate) fn insert_rows<'a>(head: &str, rows: usize, columns: usize) -> Sql<'a> {
    upsert_rows(head, rows, columns, "")
}

/// [`insert_rows`] followed by `tail` (an `ON CONFLICT …` clause).
pub(crate) fn upsert_rows<'a>(head: &str, rows: usize, columns: usize, tail: &str) -> Sql<'a> {
    let values = |placeholder: &dyn Fn(usize) -> String| {
        let mut text = String::with_capacity(head.len() + rows * columns * 7);
        text.push_str(head);
        text.push_str(" VALUES ");
        for r in 0..rows {
            text.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..columns {
                if c > 0 {
                    text.push_str(", ");
                }
                text.push_str(&placeholder(r * columns + c + 1));
            }
            text.push(')');
        }
        text.push_str(tail);
        text
    };
    let mut statement = sql(values(&|n| format!("${n}")));
    statement.sqlite_text = Some(values(&|_| "?".to_string()));
    statement
}

/// Rows per multi-row INSERT, kept under SQLite's 32 766 bound parameters.
pub(crate) fn chunk_rows(columns: usize) -> usize {
    (30_000 / columns).max(1)
}

/// Where a statement runs.
pub(crate) enum On<'e> {
    SqlitePool(&'e SqlitePool),
    PostgresPool(&'e PgPool),
    Sqlite(&'e mut SqliteConnection),
    Postgres(&'e mut PgConnection),
}

impl<'a, 'e> From<&'a mut On<'e>> for On<'a> {
    /// Reborrows, so one `On` serves every statement of a function.
    fn from(on: &'a mut On<'e>) -> On<'a> {
        match on {
            On::SqlitePool(p) => On::SqlitePool(p),
            On::PostgresPool(p) => On::PostgresPool(p),
            On::Sqlite(c) => On::Sqlite(c),
            On::Postgres(c) => On::Postgres(c),
        }
    }
}

impl<'a> From<&'a Pool> for On<'a> {
    fn from(pool: &'a Pool) -> On<'a> {
        match pool {
            Pool::Sqlite(p) => On::SqlitePool(p),
            Pool::Postgres(p) => On::PostgresPool(p),
        }
    }
}

/// Rows as one backend returned them.
enum Rows {
    Sqlite(Vec<SqliteRow>),
    Postgres(Vec<PgRow>),
}

impl Rows {
    fn decode<T: Row>(self) -> sqlx::Result<Vec<T>> {
        match self {
            Rows::Sqlite(rows) => rows.iter().map(T::from_row).collect(),
            Rows::Postgres(rows) => rows.iter().map(T::from_row).collect(),
        }
    }
}

impl<'a> Sql<'a> {
    /// Binds the next placeholder.
    pub fn bind<T: Param<'a>>(mut self, value: T) -> Sql<'a> {
        self.params.push(Box::new(value));
        self
    }

    fn sqlite_args(&self) -> sqlx::Result<SqliteArguments> {
        let mut args = SqliteArguments::default();
        for p in &self.params {
            p.add_to_sqlite(&mut args).map_err(sqlx::Error::Encode)?;
        }
        Ok(args)
    }

    fn postgres_args(&self) -> sqlx::Result<PgArguments> {
        let mut args = PgArguments::default();
        for p in &self.params {
            p.add_to_postgres(&mut args).map_err(sqlx::Error::Encode)?;
        }
        Ok(args)
    }

    /// The text to run on SQLite.
    fn sqlite_sql(&self) -> AssertSqlSafe<String> {
        AssertSqlSafe(self.sqlite_text.clone().unwrap_or_else(|| self.text.to_string()))
    }

    /// Runs the statement; the number of rows it changed.
    pub async fn execute<'e>(self, on: impl Into<On<'e>>) -> sqlx::Result<u64> {
        let text = AssertSqlSafe(self.text.clone());
        Ok(match on.into() {
            On::SqlitePool(p) => sqlx::query_with(self.sqlite_sql(), self.sqlite_args()?)
                .execute(p)
                .await?
                .rows_affected(),
            On::Sqlite(c) => sqlx::query_with(self.sqlite_sql(), self.sqlite_args()?)
                .execute(c)
                .await?
                .rows_affected(),
            On::PostgresPool(p) => sqlx::query_with(text, self.postgres_args()?)
                .execute(p)
                .await?
                .rows_affected(),
            On::Postgres(c) => sqlx::query_with(text, self.postgres_args()?)
                .execute(c)
                .await?
                .rows_affected(),
        })
    }

    async fn rows(self, on: On<'_>, first_only: bool) -> sqlx::Result<Rows> {
        let text = AssertSqlSafe(self.text.clone());
        Ok(match on {
            On::SqlitePool(p) => {
                Rows::Sqlite(fetch(sqlx::query_with(self.sqlite_sql(), self.sqlite_args()?), p, first_only).await?)
            }
            On::Sqlite(c) => {
                Rows::Sqlite(fetch(sqlx::query_with(self.sqlite_sql(), self.sqlite_args()?), c, first_only).await?)
            }
            On::PostgresPool(p) => {
                Rows::Postgres(fetch(sqlx::query_with(text, self.postgres_args()?), p, first_only).await?)
            }
            On::Postgres(c) => {
                Rows::Postgres(fetch(sqlx::query_with(text, self.postgres_args()?), c, first_only).await?)
            }
        })
    }

    /// Every row.
    pub async fn fetch_all<'e, T: Row>(self, on: impl Into<On<'e>>) -> sqlx::Result<Vec<T>> {
        self.rows(on.into(), false).await?.decode()
    }

    /// The first row, if any.
    pub async fn fetch_optional<'e, T: Row>(self, on: impl Into<On<'e>>) -> sqlx::Result<Option<T>> {
        Ok(self.rows(on.into(), true).await?.decode()?.pop())
    }

    /// The first row; `RowNotFound` if there is none.
    pub async fn fetch_one<'e, T: Row>(self, on: impl Into<On<'e>>) -> sqlx::Result<T> {
        self.fetch_optional(on).await?.ok_or(sqlx::Error::RowNotFound)
    }

    /// The first column of every row.
    pub async fn scalars<'e, T: Value>(self, on: impl Into<On<'e>>) -> sqlx::Result<Vec<T>> {
        Ok(self.fetch_all::<(T,)>(on).await?.into_iter().map(|(v,)| v).collect())
    }

    /// The first column of the first row, if any.
    pub async fn scalar_optional<'e, T: Value>(self, on: impl Into<On<'e>>) -> sqlx::Result<Option<T>> {
        Ok(self.fetch_optional::<(T,)>(on).await?.map(|(v,)| v))
    }

    /// The first column of the first row; `RowNotFound` if there is none.
    pub async fn scalar<'e, T: Value>(self, on: impl Into<On<'e>>) -> sqlx::Result<T> {
        Ok(self.fetch_one::<(T,)>(on).await?.0)
    }
}

/// Every row of `query`, or only the first when `first_only` (the rest are not read).
async fn fetch<'q, 'c, DB, E>(
    query: sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>,
    on: E,
    first_only: bool,
) -> sqlx::Result<Vec<DB::Row>>
where
    DB: sqlx::Database,
    <DB as sqlx::Database>::Arguments: sqlx::IntoArguments<DB>,
    E: sqlx::Executor<'c, Database = DB>,
{
    if first_only {
        Ok(query.fetch_optional(on).await?.into_iter().collect())
    } else {
        query.fetch_all(on).await
    }
}

/// A pool of either backend.
#[derive(Clone)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Pool {
    /// A connection for several statements in a row.
    pub async fn acquire(&self) -> sqlx::Result<Conn> {
        Ok(match self {
            Pool::Sqlite(p) => Conn::Sqlite(p.acquire().await?),
            Pool::Postgres(p) => Conn::Postgres(p.acquire().await?),
        })
    }

    /// Begins a write transaction. SQLite takes its write lock at BEGIN (`BEGIN IMMEDIATE`): a
    /// deferred transaction that reads first and then writes cannot wait for the lock, and if
    /// another writer committed in between SQLite answers "database is locked"
    /// (SQLITE_BUSY_SNAPSHOT, 517) at once, without the busy timeout; taking the lock at BEGIN
    /// makes every writer queue behind the busy timeout instead. PostgreSQL's row locks already
    /// make writers wait for each other, so a plain BEGIN is enough there.
    pub async fn begin_write(&self) -> sqlx::Result<Tx> {
        Ok(match self {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }
}

/// A pooled connection of either backend.
pub(crate) enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Conn {
    pub fn on(&mut self) -> On<'_> {
        match self {
            Conn::Sqlite(c) => On::Sqlite(c),
            Conn::Postgres(c) => On::Postgres(c),
        }
    }
}

/// A write transaction of either backend; rolled back when dropped uncommitted.
pub(crate) enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

impl Tx {
    pub fn on(&mut self) -> On<'_> {
        match self {
            Tx::Sqlite(t) => On::Sqlite(t),
            Tx::Postgres(t) => On::Postgres(t),
        }
    }

    pub async fn commit(self) -> sqlx::Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }
}

/// The notification channel PostgreSQL followers LISTEN on; the payload is the newest sequence
/// number.
pub const CHANNEL: &str = "register_changes";

impl On<'_> {
    /// Tells followers in other processes that the register moved to `seq` once this
    /// transaction commits: PostgreSQL's `NOTIFY` is delivered at commit; SQLite's followers live
    /// in this process and are woken through the store's watch channel instead.
    pub async fn notify_followers(&mut self, seq: i64) -> sqlx::Result<()> {
        if matches!(self, On::Postgres(_) | On::PostgresPool(_)) {
            sql("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(seq.to_string())
                .execute(self)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::insert_rows;

    #[test]
    fn multi_row_inserts_number_their_placeholders_in_order() {
        let s = insert_rows("INSERT INTO t (a, b)", 2, 2);
        assert_eq!(s.text, "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
        assert_eq!(
            s.sqlite_text.as_deref(),
            Some("INSERT INTO t (a, b) VALUES (?, ?), (?, ?)")
        );
    }
}
