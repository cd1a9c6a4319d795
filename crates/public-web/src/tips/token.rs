//! Stateless signatures of the tip form: the form token (issue time and a nonce, signed) that a
//! submission must carry back within its lifetime, and the signed receipt link. No storage.
//!
//! The key is derived from the reporter-contact key, so every replica of the public service
//! that can take tips accepts the tokens of the others without sharing anything new.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::Rng;
use register::tips::SealingKey;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// How far a token's issue time may lie ahead of this clock (replicas' clocks differ a little).
const CLOCK_SKEW_SECONDS: i64 = 60;

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// Missing, altered or made with another key.
    Invalid,
    /// Older than the form's lifetime.
    Expired,
}

/// The secret behind form tokens and receipt links.
#[derive(Clone)]
pub struct FormKey([u8; 32]);

impl std::fmt::Debug for FormKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormKey(..)")
    }
}

impl FormKey {
    /// A key of its own for this purpose, derived one-way from the sealing key. The sealing key
    /// is configuration, not published; even someone who knew it could only make form tokens,
    /// which bind a post to this deployment and expire; cross-site posts are refused by the
    /// origin check, and abuse by the rate limits.
    pub fn derive(sealing: &SealingKey) -> FormKey {
        let mut mac = HmacSha256::new_from_slice(sealing.as_bytes()).expect("HMAC takes any key length");
        mac.update(b"tolkeregister public tip form");
        FormKey(mac.finalize().into_bytes().into())
    }

    /// A random key, for a service that takes no tips (its tokens are never checked).
    pub fn random() -> FormKey {
        let mut bytes = [0u8; 32];
        rand::rng().fill(&mut bytes);
        FormKey(bytes)
    }

    fn sign(&self, purpose: &str, value: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(value.as_bytes());
        mac
    }

    fn verify(&self, purpose: &str, value: &str, signature: &str) -> bool {
        URL_SAFE_NO_PAD
            .decode(signature.trim())
            .is_ok_and(|raw| self.sign(purpose, value).verify_slice(&raw).is_ok())
    }

    /// A token for a form shown at `now` (unix seconds): `time.nonce.signature`.
    pub fn issue(&self, now: i64) -> String {
        let mut nonce = [0u8; 16];
        rand::rng().fill(&mut nonce);
        let body = format!("{now}.{}", URL_SAFE_NO_PAD.encode(nonce));
        let sig = URL_SAFE_NO_PAD.encode(self.sign("form", &body).finalize().into_bytes());
        format!("{body}.{sig}")
    }

    /// Checks a token at `now` against a lifetime of `max_age` seconds; returns its nonce,
    /// which names the form (a form sent twice has the same nonce).
    pub fn check(&self, token: &str, now: i64, max_age: i64) -> Result<String, TokenProblem> {
        let Some((body, sig)) = token.trim().rsplit_once('.') else {
            return Err(TokenProblem::Invalid);
        };
        let Some((issued, nonce)) = body.split_once('.') else {
            return Err(TokenProblem::Invalid);
        };
        let Ok(issued) = issued.parse::<i64>() else {
            return Err(TokenProblem::Invalid);
        };
        if !self.verify("form", body, sig) {
            return Err(TokenProblem::Invalid);
        }
        let age = now - issued;
        if age < -CLOCK_SKEW_SECONDS {
            Err(TokenProblem::Invalid)
        } else if age > max_age {
            Err(TokenProblem::Expired)
        } else {
            Ok(nonce.to_string())
        }
    }

    /// The signature of a receipt link for `reference`, so the receipt page shows only
    /// references this service handed out.
    pub fn receipt_signature(&self, reference: &str) -> String {
        URL_SAFE_NO_PAD.encode(self.sign("receipt", reference).finalize().into_bytes())
    }

    pub fn check_receipt(&self, reference: &str, signature: &str) -> bool {
        self.verify("receipt", reference, signature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use register::tips::ContactKey;

    #[test]
    fn tokens_expire_and_cannot_be_forged_or_moved_between_keys() {
        let key = FormKey::random();
        let token = key.issue(1_000_000);
        let nonce = key.check(&token, 1_000_100, 3600).unwrap();
        assert_eq!(
            key.check(&token, 1_000_200, 3600).unwrap(),
            nonce,
            "same form, same nonce"
        );
        assert_ne!(key.issue(1_000_000), token, "every form has its own nonce");
        assert_eq!(key.check(&token, 1_003_601, 3600), Err(TokenProblem::Expired));
        assert_eq!(key.check(&token, 999_000, 3600), Err(TokenProblem::Invalid));
        assert_eq!(
            FormKey::random().check(&token, 1_000_100, 3600),
            Err(TokenProblem::Invalid)
        );
        let later = token.replacen("1000000", "1000500", 1);
        assert_eq!(key.check(&later, 1_000_600, 3600), Err(TokenProblem::Invalid));
        for bad in ["", "x", "1.2", "a.b.c"] {
            assert_eq!(key.check(bad, 1_000_100, 3600), Err(TokenProblem::Invalid), "{bad}");
        }
    }

    #[test]
    fn replicas_with_the_same_sealing_key_share_the_form_key() {
        let sealing = ContactKey::random().sealing_key();
        let (a, b) = (FormKey::derive(&sealing), FormKey::derive(&sealing));
        assert!(b.check(&a.issue(50), 60, 3600).is_ok());
        let sig = a.receipt_signature("VAR-2026-00012");
        assert!(b.check_receipt("VAR-2026-00012", &sig));
        assert!(!b.check_receipt("VAR-2026-00013", &sig));
        assert!(!FormKey::derive(&ContactKey::random().sealing_key()).check_receipt("VAR-2026-00012", &sig));
        assert_eq!(format!("{a:?}"), "FormKey(..)");
    }
}
