//! Brute-force protection of the password login: failed attempts are counted per username and
//! per client address (`governor`, GCRA), and once either has used its allowance further
//! attempts are refused before the password is looked at. Successful logins count nothing, so
//! staff behind one office address are held back only by that address's failures.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{Extensions, HeaderMap};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

/// How many failed logins are allowed before the login is refused for a while.
#[derive(Debug, Clone)]
pub struct LoginLimits {
    /// Failed attempts per username (known or not) per `window`.
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
            failures_per_username: NonZeroU32::new(5).expect("non-zero"),
            failures_per_address: NonZeroU32::new(20).expect("non-zero"),
            window: Duration::from_secs(15 * 60),
            trust_forwarded_for: false,
        }
    }
}

/// How many usernames or addresses are remembered before forgetting those back to full.
const REMEMBERED: usize = 10_000;

type Limiter<K> = RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock, StateInformationMiddleware>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Username(String),
    Address(IpAddr),
}

/// The failure counts of the password login, shared by every request.
pub struct LoginThrottle {
    limits: LoginLimits,
    by_username: Limiter<String>,
    by_address: Limiter<IpAddr>,
    /// Until when a username or address is refused. `governor` cannot tell whether an
    /// allowance is used up without spending from it, so the failure that uses it up writes
    /// down here when it comes back.
    refused: Mutex<HashMap<Key, Instant>>,
    /// One password check at a time: parallel guesses would otherwise all pass the check
    /// before the first failure is counted. Argon2 takes the CPU anyway.
    turn: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for LoginThrottle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginThrottle").field("limits", &self.limits).finish()
    }
}

fn limiter<K: Hash + Eq + Clone>(failures: NonZeroU32, window: Duration) -> Limiter<K> {
    let quota = Quota::with_period(window / failures.get())
        .unwrap_or_else(|| Quota::per_second(failures))
        .allow_burst(failures);
    RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>()
}

/// The username as counted: the directory ignores surrounding space, and case must not give
/// a guesser a fresh allowance.
fn username_key(username: &str) -> String {
    username.trim().to_lowercase()
}

impl LoginThrottle {
    pub fn new(limits: LoginLimits) -> LoginThrottle {
        LoginThrottle {
            by_username: limiter(limits.failures_per_username, limits.window),
            by_address: limiter(limits.failures_per_address, limits.window),
            limits,
            refused: Mutex::default(),
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

    /// `Err(wait)` while `username` or `address` has used up its failed attempts.
    pub fn check(&self, username: &str, address: IpAddr) -> Result<(), Duration> {
        let now = Instant::now();
        let mut refused = self.refused.lock().unwrap_or_else(|p| p.into_inner());
        if refused.len() > REMEMBERED {
            refused.retain(|_, until| *until > now);
        }
        let wait = [Key::Username(username_key(username)), Key::Address(address)]
            .iter()
            .filter_map(|k| refused.get(k))
            .filter(|until| **until > now)
            .map(|until| *until - now)
            .max();
        wait.map_or(Ok(()), Err)
    }

    /// Counts a failed attempt for `username` and `address`.
    pub fn failed(&self, username: &str, address: IpAddr) {
        let username = username_key(username);
        let waits = [
            (Key::Username(username.clone()), spend(&self.by_username, &username)),
            (Key::Address(address), spend(&self.by_address, &address)),
        ];
        let now = Instant::now();
        let mut refused = self.refused.lock().unwrap_or_else(|p| p.into_inner());
        for (key, wait) in waits {
            if let Some(wait) = wait {
                refused.insert(key, now + wait);
            }
        }
    }
}

/// Spends one attempt of `key`'s allowance; `Some(wait)` when none is left, with how long until
/// the next one comes back (at most one refill period: an upper bound where the attempt just
/// spent the last one).
fn spend<K: Hash + Eq + Clone>(limiter: &Limiter<K>, key: &K) -> Option<Duration> {
    if limiter.len() > REMEMBERED {
        limiter.retain_recent();
    }
    match limiter.check_key(key) {
        Ok(state) if state.remaining_burst_capacity() > 0 => None,
        Ok(state) => Some(state.quota().replenish_interval()),
        Err(not_until) => Some(not_until.wait_time_from(DefaultClock::default().now())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn throttle(per_username: u32, per_address: u32) -> LoginThrottle {
        LoginThrottle::new(LoginLimits {
            failures_per_username: NonZeroU32::new(per_username).unwrap(),
            failures_per_address: NonZeroU32::new(per_address).unwrap(),
            ..LoginLimits::default()
        })
    }

    #[test]
    fn the_failure_that_uses_up_an_allowance_refuses_the_next_attempt() {
        let t = throttle(3, 100);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..2 {
            assert!(t.check("kari", ip).is_ok());
            t.failed("kari", ip);
        }
        assert!(t.check("kari", ip).is_ok(), "the third attempt is still allowed");
        t.failed(" Kari ", ip);
        let wait = t.check("kari", ip).unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(300), "{wait:?}");
        assert!(t.check("per", ip).is_ok(), "another username has its own allowance");
    }

    #[test]
    fn an_address_is_refused_after_failures_for_many_usernames() {
        let t = throttle(5, 3);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        for name in ["a", "b", "c"] {
            t.failed(name, a);
        }
        assert!(t.check("d", a).is_err());
        assert!(t.check("d", b).is_ok(), "another address has its own allowance");
    }
}
