//! CSRF protection: form tokens bound to the session by HMAC, the login form's double-submit
//! token, and signed nonces for the OpenID Connect round trip. No request handling here.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// How long a login nonce stays valid.
const NONCE_SECONDS: i64 = 600;

/// A secret key for CSRF tokens and nonces, random per start unless configured.
#[derive(Clone)]
pub struct CsrfKey([u8; 32]);

impl std::fmt::Debug for CsrfKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CsrfKey(…)")
    }
}

/// A random URL-safe token of 32 bytes.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Compares two strings in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl CsrfKey {
    pub fn random() -> CsrfKey {
        let mut bytes = [0u8; 32];
        rand::rng().fill(&mut bytes);
        CsrfKey(bytes)
    }

    pub fn from_secret(secret: &[u8]) -> CsrfKey {
        let mut mac = HmacSha256::new_from_slice(b"tolkeregister-admin-csrf").expect("HMAC takes any key length");
        mac.update(secret);
        CsrfKey(mac.finalize().into_bytes().into())
    }

    fn mac(&self, purpose: &str, value: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(value.as_bytes());
        mac
    }

    /// The token every form of `session_id` must carry.
    pub fn token_for(&self, session_id: &str) -> String {
        URL_SAFE_NO_PAD.encode(self.mac("form", session_id).finalize().into_bytes())
    }

    pub fn check(&self, session_id: &str, token: &str) -> bool {
        URL_SAFE_NO_PAD
            .decode(token.trim())
            .is_ok_and(|raw| self.mac("form", session_id).verify_slice(&raw).is_ok())
    }

    /// A nonce for an OpenID Connect login started at `now` (unix seconds).
    pub fn nonce(&self, now: i64) -> String {
        let stamp = now.to_string();
        let sig = URL_SAFE_NO_PAD.encode(self.mac("nonce", &stamp).finalize().into_bytes());
        format!("{stamp}.{sig}")
    }

    /// Whether `nonce` was made by this key within the last ten minutes.
    pub fn check_nonce(&self, nonce: &str, now: i64) -> bool {
        let Some((stamp, sig)) = nonce.split_once('.') else {
            return false;
        };
        let Ok(at) = stamp.parse::<i64>() else { return false };
        let fresh = (0..=NONCE_SECONDS).contains(&(now - at));
        fresh
            && URL_SAFE_NO_PAD
                .decode(sig)
                .is_ok_and(|raw| self.mac("nonce", stamp).verify_slice(&raw).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_tokens_are_bound_to_the_session_and_the_key() {
        let key = CsrfKey::random();
        let token = key.token_for("session-1");
        assert!(key.check("session-1", &token));
        assert!(!key.check("session-2", &token));
        assert!(!CsrfKey::random().check("session-1", &token));
        assert!(!key.check("session-1", ""));
        assert_eq!(
            CsrfKey::from_secret(b"x").token_for("s"),
            CsrfKey::from_secret(b"x").token_for("s")
        );
    }

    #[test]
    fn nonces_expire_and_cannot_be_forged() {
        let key = CsrfKey::random();
        let nonce = key.nonce(1_000_000);
        assert!(key.check_nonce(&nonce, 1_000_100));
        assert!(!key.check_nonce(&nonce, 1_000_000 + NONCE_SECONDS + 1));
        assert!(!key.check_nonce("1000000.AAAA", 1_000_100));
        assert!(!key.check_nonce(&nonce.replace("1000000", "1000001"), 1_000_100));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
