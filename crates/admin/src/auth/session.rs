//! Session tokens of the embedded default: HS256 JWTs the service signs itself, with issuer,
//! audience, expiry and a session id that logout can revoke. Verification pins the algorithm.

use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::Rng;
use serde::{Deserialize, Serialize};

use super::csrf::random_token;
use super::role::Role;
use super::users::StaffUser;
use super::{AuthError, Identity};

/// Issuer and audience of the service's own tokens.
pub const ISSUER: &str = "tolkeregister-admin";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    name: String,
    roles: Vec<Role>,
    iat: i64,
    exp: i64,
    jti: String,
}

/// Signs and verifies session tokens.
#[derive(Clone)]
pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    lifetime: Duration,
}

impl std::fmt::Debug for SessionKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionKeys")
            .field("lifetime", &self.lifetime)
            .finish_non_exhaustive()
    }
}

impl SessionKeys {
    /// A fresh random key: sessions end when the service restarts.
    pub fn random(lifetime: Duration) -> SessionKeys {
        let mut secret = [0u8; 32];
        rand::rng().fill(&mut secret);
        SessionKeys::from_secret(&secret, lifetime)
    }

    /// A configured key, so several instances accept each other's sessions.
    pub fn from_secret(secret: &[u8], lifetime: Duration) -> SessionKeys {
        SessionKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            lifetime,
        }
    }

    pub fn lifetime(&self) -> Duration {
        self.lifetime
    }

    /// A new session for `user` starting at `now` (unix seconds): the token and who it is.
    pub fn issue(&self, user: &StaffUser, now: i64) -> Result<(String, Identity), AuthError> {
        let claims = Claims {
            iss: ISSUER.into(),
            aud: ISSUER.into(),
            sub: user.username.clone(),
            name: user.name.clone(),
            roles: user.roles.clone(),
            iat: now,
            exp: now + self.lifetime.as_secs() as i64,
            jti: random_token(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AuthError::Invalid(e.to_string()))?;
        Ok((token, identity(claims)))
    }

    pub fn verify(&self, token: &str) -> Result<Identity, AuthError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).map_err(AuthError::from)?;
        Ok(identity(data.claims))
    }
}

fn identity(c: Claims) -> Identity {
    Identity {
        id: c.sub,
        name: c.name,
        roles: c.roles,
        session_id: c.jti,
        expires_at: c.exp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::users::{DemoLogin, StaffDirectory};

    fn user() -> StaffUser {
        let dir = StaffDirectory::new(&[DemoLogin {
            username: "kari".into(),
            name: "Kari".into(),
            roles: vec![Role::Caseworker],
            password: "pw".into(),
        }]);
        dir.users()[0].clone()
    }

    fn now() -> i64 {
        jsonwebtoken::get_current_timestamp() as i64
    }

    #[test]
    fn a_token_round_trips_and_carries_roles_and_a_session_id() {
        let keys = SessionKeys::random(Duration::from_secs(3600));
        let (token, issued) = keys.issue(&user(), now()).unwrap();
        let back = keys.verify(&token).unwrap();
        assert_eq!(back.id, "kari");
        assert_eq!(back.roles, [Role::Caseworker]);
        assert_eq!(back.session_id, issued.session_id);
    }

    #[test]
    fn expired_foreign_and_tampered_tokens_are_refused() {
        let keys = SessionKeys::random(Duration::from_secs(60));
        let (old, _) = keys.issue(&user(), now() - 120).unwrap();
        assert!(matches!(keys.verify(&old), Err(AuthError::Expired)));
        let (token, _) = keys.issue(&user(), now()).unwrap();
        assert!(SessionKeys::random(Duration::from_secs(60)).verify(&token).is_err());
        let mut parts: Vec<&str> = token.split('.').collect();
        let forged = base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            br#"{"iss":"tolkeregister-admin","aud":"tolkeregister-admin","sub":"kari","name":"K","roles":["administrator"],"iat":0,"exp":9999999999,"jti":"x"}"#,
        );
        parts[1] = &forged;
        assert!(keys.verify(&parts.join(".")).is_err());
    }
}
