//! Remembering who signs in through OpenID Connect (`register::staff`), so that a senior can give
//! a tip case to a colleague the provider only ever described at sign-in. Every authenticated
//! request counts (browser sessions and API bearer tokens alike), but each login is written at
//! most once per [`RECORD_EVERY`] seconds per process, so a busy caseworker costs one write an
//! hour, not one per page.

use std::collections::HashMap;
use std::sync::Mutex;

use register::{Database, StoreError};

use super::Identity;

/// Seconds between two records of the same login by one process.
pub const RECORD_EVERY: i64 = 3_600;

#[derive(Debug, Default)]
pub struct SignIns {
    /// When this process last recorded each login (Unix seconds), with the roles it recorded.
    recorded: Mutex<HashMap<String, (i64, Vec<String>)>>,
}

impl SignIns {
    /// Records `identity` as seen at `now` unless this process did so within the hour with the
    /// same roles (a changed role is written at once).
    pub async fn note(&self, store: &Database, identity: &Identity, now: i64) -> Result<(), StoreError> {
        let roles: Vec<String> = identity.roles.iter().map(|r| r.as_str().to_string()).collect();
        let due = self.recorded.lock().map_or(true, |recorded| {
            recorded
                .get(&identity.id)
                .is_none_or(|(at, known)| now - at >= RECORD_EVERY || *known != roles)
        });
        if !due {
            return Ok(());
        }
        store.record_sign_in(&identity.id, &identity.name, &roles, now).await?;
        if let Ok(mut recorded) = self.recorded.lock() {
            recorded.insert(identity.id.clone(), (now, roles));
        }
        Ok(())
    }
}
