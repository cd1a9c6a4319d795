//! Abuse-protection state that every instance of a service shares through the database: the
//! staff login's failure counts (see [`crate::abuse`]) and the public tip form's memory of forms
//! already sent. Kept in the register's database, not in memory, so a guesser gains nothing by
//! landing on another staff replica, and a form sent twice through two public replicas files
//! one tip.

use super::sql::sql;
use super::{Database, Result};
use crate::abuse::FormClaim;

impl Database {
    /// The stored `tat` (see [`crate::abuse`]) of each of `keys`, `None` for keys never counted.
    pub async fn failure_marks(&self, keys: &[String]) -> Result<Vec<Option<i64>>> {
        let mut marks = Vec::with_capacity(keys.len());
        for key in keys {
            let tat: Option<i64> = sql("SELECT tat FROM login_failures WHERE key = $1")
                .bind(key)
                .scalar_optional(&self.pool)
                .await?;
            marks.push(tat);
        }
        Ok(marks)
    }

    /// Counts one failure against `key` at `now` (microseconds) whose allowance refills one every
    /// `period` microseconds, in one statement so concurrent failures from other instances all
    /// count; returns the new `tat`.
    pub async fn count_failure(&self, key: &str, now: i64, period: i64) -> Result<i64> {
        let tat: i64 = sql("INSERT INTO login_failures (key, tat) VALUES ($1, $2 + $3) \
             ON CONFLICT (key) DO UPDATE SET tat = \
             (CASE WHEN login_failures.tat > $2 THEN login_failures.tat ELSE $2 END) + $3 \
             RETURNING tat")
        .bind(key)
        .bind(now)
        .bind(period)
        .scalar(&self.pool)
        .await?;
        Ok(tat)
    }

    /// Forgets keys whose allowance was full again before `now`.
    pub async fn forget_failures(&self, now: i64) -> Result<u64> {
        let done = sql("DELETE FROM login_failures WHERE tat < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done)
    }

    /// Takes the form `nonce` for sending at `now` (microseconds): `Fresh` when nobody sends it
    /// (or a send that started before `stale_before` never finished: its instance died), `Busy`
    /// while another request sends it, `Sent` once it became a tip.
    pub async fn claim_form(&self, nonce: &str, now: i64, stale_before: i64) -> Result<FormClaim> {
        // One statement decides who sends: the insert, or the take-over of a claim
        // whose sender died, returns the row; a live or finished claim returns none.
        let taken: Option<String> = sql(
            "INSERT INTO tip_form_sends (nonce, reference, claimed_at) VALUES ($1, NULL, $2) \
             ON CONFLICT (nonce) DO UPDATE SET claimed_at = $2 \
             WHERE tip_form_sends.reference IS NULL AND tip_form_sends.claimed_at < $3 \
             RETURNING nonce",
        )
        .bind(nonce)
        .bind(now)
        .bind(stale_before)
        .scalar_optional(&self.pool)
        .await?;
        if taken.is_some() {
            return Ok(FormClaim::Fresh);
        }
        let reference: Option<Option<String>> = sql("SELECT reference FROM tip_form_sends WHERE nonce = $1")
            .bind(nonce)
            .scalar_optional(&self.pool)
            .await?;
        Ok(match reference {
            Some(Some(r)) => FormClaim::Sent(r),
            // Released in between: the caller asks again.
            _ => FormClaim::Busy,
        })
    }

    /// The claimed form became the tip `reference`.
    pub async fn form_sent(&self, nonce: &str, reference: &str) -> Result<()> {
        sql("UPDATE tip_form_sends SET reference = $2 WHERE nonce = $1")
            .bind(nonce)
            .bind(reference)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The claimed form did not become a tip; it may be sent again.
    pub async fn release_form(&self, nonce: &str) -> Result<()> {
        sql("DELETE FROM tip_form_sends WHERE nonce = $1 AND reference IS NULL")
            .bind(nonce)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets forms claimed before `before` (older than a form's lifetime, so never sendable).
    pub async fn forget_forms(&self, before: i64) -> Result<u64> {
        let done = sql("DELETE FROM tip_form_sends WHERE claimed_at < $1")
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(done)
    }
}
