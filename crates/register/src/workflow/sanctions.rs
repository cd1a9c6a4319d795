//! Sanctions flows that read the register: checking an exclusion's grounds before a request
//! for approval, and recording the end of exclusions whose period has run out.

use time::Date;

use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::sanctions::{ExclusionGrounds, check_exclusion};
use crate::store::{Database, StoreError};
use crate::timestamp::Timestamp;
use crate::tips::TipError;

/// Checks an exclusion against the register as it stands on `today`, writing nothing: lets a
/// request for four-eyes approval be refused at once instead of when the second person approves
/// (the store checks again then, inside the transaction that makes it).
pub async fn precheck_exclusion(
    store: &Database,
    number: InterpreterNumber,
    command: &Command,
    today: Date,
) -> Result<(), StoreError> {
    if !matches!(command, Command::Exclude { .. }) {
        return Ok(());
    }
    let grounds = ExclusionGrounds::default();
    let warnings = store
        .warnings_within(number, today, &grounds.rules)
        .await
        .map_err(|e| match e {
            TipError::Store(e) => e,
            other => StoreError::Corrupt(other.to_string()),
        })?;
    Ok(check_exclusion(command, &grounds, warnings)?)
}

/// The actor recorded for automatic changes.
pub const SYSTEM_ACTOR: &str = "system:sanctions";

/// Records the end of every exclusion that ended on or before `now`'s date; returns how many
/// interpreters returned.
pub async fn record_expired_exclusions(store: &Database, now: Timestamp) -> Result<usize, StoreError> {
    let due = store.expired_exclusions(now.date()).await?;
    let mut done = 0;
    for number in due {
        let meta = ChangeMeta {
            actor: SYSTEM_ACTOR.into(),
            reason: "Utestengingen utløp på sluttdatoen".into(),
            effective_at: now,
        };
        match store.execute(number, Command::RecordExpiredExclusions, meta).await {
            Ok(_) => done += 1,
            // Another process may have recorded it first.
            Err(StoreError::Rule(crate::rules::RuleError::NothingToChange)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}
