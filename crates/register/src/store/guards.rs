//! Abuse-protection state that every instance of a service shares through the database: the
//! staff login's failure counts (see [`crate::abuse`]) and the public tip form's memory of forms
//! already sent. Kept in the register's database, not in memory, so a guesser gains nothing by
//! landing on another staff replica, and a form sent twice through two public replicas files
//! one tip. The SQL is written once in `guards_impl!` for both backends.

use std::future::Future;

use super::{Database, Result, Store};
use crate::abuse::FormClaim;

/// The shared abuse-protection storage API.
pub trait GuardStore: Store {
    /// The stored `tat` (see [`crate::abuse`]) of each of `keys`, `None` for keys never counted.
    fn failure_marks(&self, keys: &[String]) -> impl Future<Output = Result<Vec<Option<i64>>>> + Send;
    /// Counts one failure against `key` at `now` (microseconds) whose allowance refills one every
    /// `period` microseconds, in one statement so concurrent failures from other instances all
    /// count; returns the new `tat`.
    fn count_failure(&self, key: &str, now: i64, period: i64) -> impl Future<Output = Result<i64>> + Send;
    /// Forgets keys whose allowance was full again before `now`.
    fn forget_failures(&self, now: i64) -> impl Future<Output = Result<u64>> + Send;

    /// Takes the form `nonce` for sending at `now` (microseconds): `Fresh` when nobody sends it
    /// (or a send that started before `stale_before` never finished: its instance died), `Busy`
    /// while another request sends it, `Sent` once it became a tip.
    fn claim_form(&self, nonce: &str, now: i64, stale_before: i64) -> impl Future<Output = Result<FormClaim>> + Send;
    /// The claimed form became the tip `reference`.
    fn form_sent(&self, nonce: &str, reference: &str) -> impl Future<Output = Result<()>> + Send;
    /// The claimed form did not become a tip; it may be sent again.
    fn release_form(&self, nonce: &str) -> impl Future<Output = Result<()>> + Send;
    /// Forgets forms claimed before `before` (older than a form's lifetime, so never sendable).
    fn forget_forms(&self, before: i64) -> impl Future<Output = Result<u64>> + Send;
}

/// The change feed's head as the database has it now, whichever process wrote it: what the
/// public service's index lag is measured against (`Store::subscribe` only sees this process).
pub trait FeedHead: Store {
    fn feed_head(&self) -> impl Future<Output = Result<i64>> + Send;
}

macro_rules! guards_impl {
    ($store:ident, $db:ty) => {
        mod guards_generated {
            use super::$store;
            use $crate::abuse::FormClaim;
            use $crate::store::Result;
            use $crate::store::guards::{FeedHead, GuardStore};

            impl FeedHead for $store {
                async fn feed_head(&self) -> Result<i64> {
                    let head: i64 = sqlx::query_scalar("SELECT last_seq FROM feed_position WHERE id = 1")
                        .fetch_one(&self.pool)
                        .await?;
                    Ok(head)
                }
            }

            impl GuardStore for $store {
                async fn failure_marks(&self, keys: &[String]) -> Result<Vec<Option<i64>>> {
                    let mut marks = Vec::with_capacity(keys.len());
                    for key in keys {
                        let tat: Option<i64> = sqlx::query_scalar("SELECT tat FROM login_failures WHERE key = $1")
                            .bind(key)
                            .fetch_optional(&self.pool)
                            .await?;
                        marks.push(tat);
                    }
                    Ok(marks)
                }

                async fn count_failure(&self, key: &str, now: i64, period: i64) -> Result<i64> {
                    let tat: i64 = sqlx::query_scalar(
                        "INSERT INTO login_failures (key, tat) VALUES ($1, $2 + $3) \
                         ON CONFLICT (key) DO UPDATE SET tat = \
                         (CASE WHEN login_failures.tat > $2 THEN login_failures.tat ELSE $2 END) + $3 \
                         RETURNING tat",
                    )
                    .bind(key)
                    .bind(now)
                    .bind(period)
                    .fetch_one(&self.pool)
                    .await?;
                    Ok(tat)
                }

                async fn forget_failures(&self, now: i64) -> Result<u64> {
                    let done = sqlx::query("DELETE FROM login_failures WHERE tat < $1")
                        .bind(now)
                        .execute(&self.pool)
                        .await?;
                    Ok(done.rows_affected())
                }

                async fn claim_form(&self, nonce: &str, now: i64, stale_before: i64) -> Result<FormClaim> {
                    // One statement decides who sends: the insert, or the take-over of a claim
                    // whose sender died, returns the row; a live or finished claim returns none.
                    let taken: Option<String> = sqlx::query_scalar(
                        "INSERT INTO tip_form_sends (nonce, reference, claimed_at) VALUES ($1, NULL, $2) \
                         ON CONFLICT (nonce) DO UPDATE SET claimed_at = $2 \
                         WHERE tip_form_sends.reference IS NULL AND tip_form_sends.claimed_at < $3 \
                         RETURNING nonce",
                    )
                    .bind(nonce)
                    .bind(now)
                    .bind(stale_before)
                    .fetch_optional(&self.pool)
                    .await?;
                    if taken.is_some() {
                        return Ok(FormClaim::Fresh);
                    }
                    let reference: Option<Option<String>> =
                        sqlx::query_scalar("SELECT reference FROM tip_form_sends WHERE nonce = $1")
                            .bind(nonce)
                            .fetch_optional(&self.pool)
                            .await?;
                    Ok(match reference {
                        Some(Some(r)) => FormClaim::Sent(r),
                        // Released in between: the caller asks again.
                        _ => FormClaim::Busy,
                    })
                }

                async fn form_sent(&self, nonce: &str, reference: &str) -> Result<()> {
                    sqlx::query("UPDATE tip_form_sends SET reference = $2 WHERE nonce = $1")
                        .bind(nonce)
                        .bind(reference)
                        .execute(&self.pool)
                        .await?;
                    Ok(())
                }

                async fn release_form(&self, nonce: &str) -> Result<()> {
                    sqlx::query("DELETE FROM tip_form_sends WHERE nonce = $1 AND reference IS NULL")
                        .bind(nonce)
                        .execute(&self.pool)
                        .await?;
                    Ok(())
                }

                async fn forget_forms(&self, before: i64) -> Result<u64> {
                    let done = sqlx::query("DELETE FROM tip_form_sends WHERE claimed_at < $1")
                        .bind(before)
                        .execute(&self.pool)
                        .await?;
                    Ok(done.rows_affected())
                }
            }
        }
    };
}
pub(crate) use guards_impl;

macro_rules! delegate {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Database::Sqlite($s) => $e,
            Database::Postgres($s) => $e,
        }
    };
}

impl FeedHead for Database {
    async fn feed_head(&self) -> Result<i64> {
        delegate!(self, s => s.feed_head().await)
    }
}

impl GuardStore for Database {
    async fn failure_marks(&self, keys: &[String]) -> Result<Vec<Option<i64>>> {
        delegate!(self, s => s.failure_marks(keys).await)
    }
    async fn count_failure(&self, key: &str, now: i64, period: i64) -> Result<i64> {
        delegate!(self, s => s.count_failure(key, now, period).await)
    }
    async fn forget_failures(&self, now: i64) -> Result<u64> {
        delegate!(self, s => s.forget_failures(now).await)
    }
    async fn claim_form(&self, nonce: &str, now: i64, stale_before: i64) -> Result<FormClaim> {
        delegate!(self, s => s.claim_form(nonce, now, stale_before).await)
    }
    async fn form_sent(&self, nonce: &str, reference: &str) -> Result<()> {
        delegate!(self, s => s.form_sent(nonce, reference).await)
    }
    async fn release_form(&self, nonce: &str) -> Result<()> {
        delegate!(self, s => s.release_form(nonce).await)
    }
    async fn forget_forms(&self, before: i64) -> Result<u64> {
        delegate!(self, s => s.forget_forms(before).await)
    }
}
