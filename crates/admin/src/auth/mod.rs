//! Staff authentication and authorisation: who is asking (session cookie or bearer token,
//! embedded sign-in or OpenID Connect), which roles they hold, and the CSRF rules for forms.

pub mod csrf;
pub mod extract;
pub mod limits;
pub mod oidc;
pub mod role;
pub mod session;
pub mod sign_ins;
pub mod users;

use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64::Engine;
use sha2::{Digest, Sha256};

pub use extract::{Authorised, CsrfForm, CsrfJson, Staff, short_login, staff_login};
pub use role::{Access, Role};

/// The session cookie; HttpOnly, Secure, SameSite=Strict.
pub const SESSION_COOKIE: &str = "tolkeregister_admin";
/// The login form's double-submit CSRF cookie.
pub const LOGIN_CSRF_COOKIE: &str = "tolkeregister_admin_login";

/// A verified token's holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// What logout revokes: the token's `jti`, or a digest of the token.
    pub session_id: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// Why a token was not accepted. Shown to users only as "log in (again)".
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("ikke innlogget")]
    Missing,
    #[error("økten er utløpt")]
    Expired,
    #[error("økten er avsluttet")]
    Revoked,
    #[error("ugyldig token: {0}")]
    Invalid(String),
}

impl From<jsonwebtoken::errors::Error> for AuthError {
    fn from(e: jsonwebtoken::errors::Error) -> Self {
        match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => AuthError::Expired,
            other => AuthError::Invalid(format!("{other:?}")),
        }
    }
}

/// A stable id for a token that has no `jti`.
pub fn token_digest(token: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// How staff sign in.
#[derive(Debug)]
pub enum Authenticator {
    /// The embedded default: the built-in directory and the service's own tokens.
    Embedded {
        directory: users::StaffDirectory,
        keys: session::SessionKeys,
    },
    /// Production: the organisation's OpenID Connect provider.
    Oidc(oidc::OidcVerifier),
}

impl Authenticator {
    /// Verifies a session or bearer token.
    pub async fn verify(&self, token: &str) -> Result<Identity, AuthError> {
        match self {
            Authenticator::Embedded { keys, .. } => keys.verify(token),
            Authenticator::Oidc(verifier) => verifier.verify(token).await.map(|v| v.identity),
        }
    }
}

/// A `Set-Cookie` value with the attributes every cookie of this service carries: HttpOnly,
/// Secure, SameSite=Strict, the whole site, `max_age_seconds` (0 removes the cookie).
pub fn cookie(name: &'static str, value: &str, max_age_seconds: i64) -> String {
    Cookie::build((name, value.to_string()))
        .path("/")
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(time::Duration::seconds(max_age_seconds.max(0)))
        .build()
        .to_string()
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn read_cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_string())
}

/// Unix seconds now.
pub fn now() -> i64 {
    jsonwebtoken::get_current_timestamp() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_http_only_secure_and_strict() {
        let c = cookie(SESSION_COOKIE, "abc", 60);
        for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age=60"] {
            assert!(c.contains(attr), "{c}");
        }
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            "a=1; tolkeregister_admin=abc; b=2".parse().unwrap(),
        );
        assert_eq!(read_cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        headers.insert(axum::http::header::COOKIE, "a=1".parse().unwrap());
        assert_eq!(read_cookie(&headers, SESSION_COOKIE), None);
        let removal = cookie(SESSION_COOKIE, "", 0);
        assert!(
            removal.contains("Max-Age=0") && removal.starts_with("tolkeregister_admin=;"),
            "{removal}"
        );
    }
}
