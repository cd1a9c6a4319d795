//! Time-bounded sanctions that end by themselves: records, for every interpreter whose period
//! of exclusion has ended, the return to the register as a change of its own.

use crate::command::{ChangeMeta, Command};
use crate::store::{Store, StoreError};
use crate::timestamp::Timestamp;

/// The actor recorded for automatic changes.
pub const SYSTEM_ACTOR: &str = "system:sanctions";

/// Records the end of every exclusion that ended on or before `now`'s date; returns how many
/// interpreters returned.
pub async fn record_expired_exclusions<S: Store>(store: &S, now: Timestamp) -> Result<usize, StoreError> {
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
