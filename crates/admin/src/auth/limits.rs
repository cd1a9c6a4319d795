//! Brute-force protection of the password login: failed attempts are counted per username at
//! a client address, per username from anywhere, and per client address; once any has used its
//! allowance further attempts are refused before the password is looked at, and refused
//! attempts count nothing. The tight limit is the pair: staff behind one office proxy each have
//! their own, so one person's (or one guesser's) failures lock out only that user name there;
//! the looser per-username and per-address caps stop guessing one name from many addresses, or
//! many names from one. Successful logins count nothing.
//!
//! The counts live in the register's database ([`Database::count_failure`](register::Database::count_failure), the arithmetic in
//! [`register::abuse`]), so every staff instance behind a load balancer sees the same
//! failures: a guesser gains nothing by being sent to another replica.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use axum::http::{Extensions, HeaderMap};
use register::Database;
use register::StoreError;
use register::abuse::{Allowance, now_micros};

/// How many failed logins are allowed before the login is refused for a while.
#[derive(Debug, Clone)]
pub struct LoginLimits {
    /// Failed attempts per username (known or not) from one client address per `window`.
    pub failures_per_user_at_address: NonZeroU32,
    /// Failed attempts per username from any address per `window`.
    pub failures_per_username: NonZeroU32,
    /// Failed attempts per client address (IPv6 per /64) per `window`, whatever the usernames.
    pub failures_per_address: NonZeroU32,
    /// The period over which the allowances refill, evenly (one attempt back every
    /// `window / failures`).
    pub window: Duration,
    /// Take the client from the last X-Forwarded-For address: only behind a proxy that sets it.
    pub trust_forwarded_for: bool,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            failures_per_user_at_address: NonZeroU32::new(5).expect("non-zero"),
            failures_per_username: NonZeroU32::new(20).expect("non-zero"),
            failures_per_address: NonZeroU32::new(50).expect("non-zero"),
            window: Duration::from_secs(15 * 60),
            trust_forwarded_for: false,
        }
    }
}

/// Forget refilled keys after this many counted failures (a sweep is one indexed delete).
const SWEEP_EVERY: u32 = 64;

/// The failure counts of the password login, shared by every request and every instance.
pub struct LoginThrottle {
    limits: LoginLimits,
    store: Database,
    counted: AtomicU32,
    /// One password check at a time in this instance: parallel guesses would otherwise all pass
    /// the check before the first failure is counted. Argon2 takes the CPU anyway. Across
    /// instances the check and the count are separate statements, so at most one guess per
    /// other instance can slip past a limit at the moment it is reached.
    turn: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for LoginThrottle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginThrottle").field("limits", &self.limits).finish()
    }
}

/// The username as counted: the directory ignores surrounding space, and case must not give
/// a guesser a fresh allowance.
fn username_key(username: &str) -> String {
    username.trim().to_lowercase()
}

impl LoginThrottle {
    pub fn new(limits: LoginLimits, store: Database) -> LoginThrottle {
        LoginThrottle {
            limits,
            store,
            counted: AtomicU32::new(0),
            turn: tokio::sync::Mutex::new(()),
        }
    }

    pub fn limits(&self) -> &LoginLimits {
        &self.limits
    }

    /// The client address a request counts against.
    pub fn client(&self, headers: &HeaderMap, extensions: &Extensions) -> IpAddr {
        throttle::client(headers, extensions, self.limits.trust_forwarded_for)
    }

    /// Waits for the turn to check a password; hold it until the failure is counted.
    pub async fn turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.turn.lock().await
    }

    /// The stored keys of an attempt and their allowances. The username is the last part of
    /// the pair's key, so no username can make it look like another address.
    fn keys(&self, username: &str, address: IpAddr) -> [(String, Allowance); 3] {
        let name = username_key(username);
        let l = &self.limits;
        [
            (
                format!("pair:{address}:{name}"),
                Allowance::new(l.failures_per_user_at_address, l.window),
            ),
            (
                format!("user:{name}"),
                Allowance::new(l.failures_per_username, l.window),
            ),
            (
                format!("address:{address}"),
                Allowance::new(l.failures_per_address, l.window),
            ),
        ]
    }

    /// `Ok(Err(wait))` while `username` at `address`, `username` or `address` has used up its
    /// failed attempts.
    pub async fn check(&self, username: &str, address: IpAddr) -> Result<Result<(), Duration>, StoreError> {
        let keys = self.keys(username, address);
        let names: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
        let marks = self.store.failure_marks(&names).await?;
        let now = now_micros();
        let wait = keys
            .iter()
            .zip(marks)
            .filter_map(|((_, allowance), tat)| allowance.wait(tat, now))
            .max();
        Ok(wait.map_or(Ok(()), Err))
    }

    /// Counts a failed attempt for `username` at `address`.
    pub async fn failed(&self, username: &str, address: IpAddr) -> Result<(), StoreError> {
        let now = now_micros();
        for (key, allowance) in self.keys(username, address) {
            self.store.count_failure(&key, now, allowance.period_micros()).await?;
        }
        if self.counted.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.store.forget_failures(now).await?;
        }
        Ok(())
    }
}
