//! Abuse protection of the tip form without a CAPTCHA: rate limits per client (`governor`,
//! the client as the `throttle` crate finds it), and the memory of forms already sent so a double submit files one tip.
//! That memory lives in the register's database when the service takes tips, so a form sent
//! twice through two replicas behind a load balancer still files one tip.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{Extensions, HeaderMap};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use register::Database;
use register::abuse::{FormClaim, now_micros};

use super::token::FormKey;

/// A claim not finished within this time belonged to a request that died (its process was
/// stopped); the form may be sent again. Longer than a send can take (the database's busy
/// timeout is 10 s), short enough that a reporter who tries again soon is not turned away.
const CLAIM_ABANDONED_AFTER: Duration = Duration::from_secs(30);

/// The tip form's limits. The defaults suit one person writing one tip: a few sends a minute,
/// and plenty of page views and interpreter look-ups.
#[derive(Debug, Clone)]
pub struct TipSettings {
    /// Sends (valid or not) per client per minute.
    pub sends_per_minute: NonZeroU32,
    /// Form views, look-ups and receipts per client per minute.
    pub views_per_minute: NonZeroU32,
    /// Take the client from the last X-Forwarded-For address: only behind a proxy that sets it.
    pub trust_forwarded_for: bool,
    /// How long a shown form can still be sent.
    pub form_lifetime: Duration,
}

impl Default for TipSettings {
    fn default() -> Self {
        TipSettings {
            sends_per_minute: NonZeroU32::new(5).expect("non-zero"),
            views_per_minute: NonZeroU32::new(120).expect("non-zero"),
            trust_forwarded_for: false,
            form_lifetime: Duration::from_secs(6 * 3600),
        }
    }
}

/// How many clients the limiters remember before forgetting those that are back to full.
const REMEMBERED_CLIENTS: usize = 10_000;

/// Rate limits, the form key and the forms already sent, shared by every request.
pub struct TipGuard {
    pub settings: TipSettings,
    pub key: FormKey,
    sends: DefaultKeyedRateLimiter<IpAddr>,
    views: DefaultKeyedRateLimiter<IpAddr>,
    /// The forms being sent or sent.
    sent: Memory,
}

/// Where the forms already sent are remembered.
enum Memory {
    /// Form nonce → the reference its tip got (`None` while being sent), until the form's
    /// lifetime has passed: for a service without a register (which takes no tips).
    Local(Mutex<HashMap<String, (Option<String>, Instant)>>),
    /// In the register's database, shared by every replica.
    Shared(Database),
}

impl std::fmt::Debug for TipGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TipGuard").field("settings", &self.settings).finish()
    }
}

impl TipGuard {
    pub fn new(settings: TipSettings, key: FormKey) -> TipGuard {
        TipGuard {
            sends: RateLimiter::keyed(Quota::per_minute(settings.sends_per_minute)),
            views: RateLimiter::keyed(Quota::per_minute(settings.views_per_minute)),
            settings,
            key,
            sent: Memory::Local(Mutex::default()),
        }
    }

    /// A guard that remembers sent forms in `store`, shared with every replica on it.
    pub fn shared(settings: TipSettings, key: FormKey, store: Database) -> TipGuard {
        TipGuard {
            sent: Memory::Shared(store),
            ..TipGuard::new(settings, key)
        }
    }

    /// The client a request counts against (see [`throttle::client`]).
    pub fn client(&self, headers: &HeaderMap, extensions: &Extensions) -> IpAddr {
        throttle::client(headers, extensions, self.settings.trust_forwarded_for)
    }

    /// `Err(wait)` when `client` has sent too often.
    pub fn allow_send(&self, client: IpAddr) -> Result<(), Duration> {
        check(&self.sends, client)
    }

    /// `Err(wait)` when `client` has asked for too many pages.
    pub fn allow_view(&self, client: IpAddr) -> Result<(), Duration> {
        check(&self.views, client)
    }

    /// Takes the form `nonce` for sending: `Fresh` when nobody sends it yet (call
    /// [`TipGuard::remember_sent`] or [`TipGuard::release`] afterwards), `Busy` while another
    /// request (in any replica) sends it, `Sent` with the reference once it has become a tip.
    /// When the database cannot answer the form counts as fresh: a possible duplicate tip is
    /// better than a lost one, and filing it needs the database anyway.
    pub async fn claim(&self, nonce: &str) -> Claim {
        let lifetime = self.settings.form_lifetime;
        match &self.sent {
            Memory::Local(sent) => {
                let mut sent = sent.lock().unwrap_or_else(|p| p.into_inner());
                sent.retain(|_, (_, at)| at.elapsed() < lifetime);
                match sent.get(nonce) {
                    Some((Some(reference), _)) => Claim::Sent(reference.clone()),
                    Some((None, _)) => Claim::Busy,
                    None => {
                        sent.insert(nonce.to_string(), (None, Instant::now()));
                        Claim::Fresh
                    }
                }
            }
            Memory::Shared(store) => {
                let now = now_micros();
                let micros = |d: Duration| d.as_micros() as i64;
                // Forms past their lifetime can never be sent again; forget them now and then.
                if rand::random_ratio(1, 64)
                    && let Err(e) = store.forget_forms(now - micros(lifetime)).await
                {
                    tracing::warn!(error = %e, "tip form: could not forget old forms");
                }
                match store.claim_form(nonce, now, now - micros(CLAIM_ABANDONED_AFTER)).await {
                    Ok(claim) => claim,
                    Err(e) => {
                        tracing::warn!(error = %e, "tip form: double-send memory unavailable");
                        Claim::Fresh
                    }
                }
            }
        }
    }

    /// The claimed form became the tip `reference`.
    pub async fn remember_sent(&self, nonce: &str, reference: &str) {
        match &self.sent {
            Memory::Local(sent) => {
                let mut sent = sent.lock().unwrap_or_else(|p| p.into_inner());
                sent.insert(nonce.to_string(), (Some(reference.to_string()), Instant::now()));
            }
            Memory::Shared(store) => {
                if let Err(e) = store.form_sent(nonce, reference).await {
                    tracing::warn!(error = %e, "tip form: could not remember a sent form");
                }
            }
        }
    }

    /// The claimed form did not become a tip; it may be sent again.
    pub async fn release(&self, nonce: &str) {
        match &self.sent {
            Memory::Local(sent) => {
                sent.lock().unwrap_or_else(|p| p.into_inner()).remove(nonce);
            }
            Memory::Shared(store) => {
                if let Err(e) = store.release_form(nonce).await {
                    tracing::warn!(error = %e, "tip form: could not release a form");
                }
            }
        }
    }
}

/// Where a form stands in sending; see [`TipGuard::claim`].
pub type Claim = FormClaim;

fn check(limiter: &DefaultKeyedRateLimiter<IpAddr>, client: IpAddr) -> Result<(), Duration> {
    if limiter.len() > REMEMBERED_CLIENTS {
        limiter.retain_recent();
    }
    limiter
        .check_key(&client)
        .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(trust: bool, sends: u32) -> TipGuard {
        TipGuard::new(
            TipSettings {
                sends_per_minute: NonZeroU32::new(sends).unwrap(),
                trust_forwarded_for: trust,
                ..TipSettings::default()
            },
            FormKey::random(),
        )
    }

    #[test]
    fn sends_are_limited_per_client() {
        let g = guard(false, 2);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        assert!(g.allow_send(a).is_ok() && g.allow_send(a).is_ok());
        let wait = g.allow_send(a).unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(30), "{wait:?}");
        assert!(g.allow_send(b).is_ok(), "another client has its own allowance");
        assert!(g.allow_view(a).is_ok(), "viewing is counted apart");
    }

    #[tokio::test]
    async fn a_form_sent_twice_becomes_one_tip() {
        let g = guard(false, 5);
        assert_eq!(g.claim("n1").await, Claim::Fresh);
        assert_eq!(g.claim("n1").await, Claim::Busy, "while the first send runs");
        g.remember_sent("n1", "VAR-2026-00001").await;
        assert_eq!(g.claim("n1").await, Claim::Sent("VAR-2026-00001".into()));
        assert_eq!(g.claim("n2").await, Claim::Fresh);
        g.release("n2").await;
        assert_eq!(
            g.claim("n2").await,
            Claim::Fresh,
            "a form that failed can be sent again"
        );
    }
}
