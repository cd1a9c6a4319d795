//! Production sign-in: ID tokens from the organisation's OpenID Connect provider, validated by
//! configured issuer, audience and JWKS with the algorithm pinned. No network: JWKS from a file.

use std::path::PathBuf;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

use super::role::Role;
use super::{AuthError, Identity};

/// How the provider is configured.
#[derive(Debug, Clone)]
pub struct OidcSettings {
    /// The `iss` every token must carry.
    pub issuer: String,
    /// The `aud` every token must carry (this service's client id).
    pub audience: String,
    /// A JWKS document with the provider's public keys (kept current by deployment).
    pub jwks_path: PathBuf,
    /// The only algorithm accepted, e.g. RS256.
    pub algorithm: Algorithm,
    /// The claim that lists the staff member's roles.
    pub roles_claim: String,
    /// Where browsers are sent to sign in (the provider's authorization endpoint).
    pub authorize_url: Option<String>,
    /// This service's callback address as registered with the provider.
    pub redirect_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("kunne ikke lese JWKS-fila {path}: {reason}")]
    Jwks { path: String, reason: String },
}

/// Verifies provider tokens against the key set.
#[derive(Debug)]
pub struct OidcVerifier {
    settings: OidcSettings,
    keys: RwLock<(JwkSet, Instant)>,
}

#[derive(Debug, Deserialize)]
struct ProviderClaims {
    sub: String,
    exp: i64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    preferred_username: Option<String>,
    #[serde(default)]
    jti: Option<String>,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(flatten)]
    other: serde_json::Map<String, serde_json::Value>,
}

/// A verified provider token: who it is, and the nonce it answers (for the login round trip).
#[derive(Debug, Clone)]
pub struct Verified {
    pub identity: Identity,
    pub nonce: Option<String>,
}

fn read_jwks(path: &PathBuf) -> Result<JwkSet, OidcError> {
    let error = |reason: String| OidcError::Jwks {
        path: path.display().to_string(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| error(e.to_string()))
}

/// Keys are re-read at most this often when a token names an unknown key (key rotation).
const RELOAD_AFTER: Duration = Duration::from_secs(60);

impl OidcVerifier {
    pub fn load(settings: OidcSettings) -> Result<OidcVerifier, OidcError> {
        let keys = read_jwks(&settings.jwks_path)?;
        Ok(OidcVerifier {
            settings,
            keys: RwLock::new((keys, Instant::now())),
        })
    }

    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    fn key(&self, kid: Option<&str>) -> Result<DecodingKey, AuthError> {
        let find = |set: &JwkSet| -> Option<jsonwebtoken::jwk::Jwk> {
            match kid {
                Some(kid) => set.find(kid).cloned(),
                None if set.keys.len() == 1 => set.keys.first().cloned(),
                None => None,
            }
        };
        let found = {
            let guard = self.keys.read().map_err(|_| AuthError::Invalid("nøkkellager".into()))?;
            find(&guard.0)
        };
        let jwk = match found {
            Some(jwk) => jwk,
            None => {
                let mut guard = self
                    .keys
                    .write()
                    .map_err(|_| AuthError::Invalid("nøkkellager".into()))?;
                if guard.1.elapsed() >= RELOAD_AFTER
                    && let Ok(fresh) = read_jwks(&self.settings.jwks_path)
                {
                    *guard = (fresh, Instant::now());
                }
                find(&guard.0).ok_or_else(|| AuthError::Invalid("ukjent nøkkel".into()))?
            }
        };
        if let Some(alg) = jwk.common.key_algorithm
            && alg.to_string() != format!("{:?}", self.settings.algorithm)
        {
            return Err(AuthError::Invalid("nøkkelen er for en annen algoritme".into()));
        }
        DecodingKey::from_jwk(&jwk).map_err(AuthError::from)
    }

    /// Verifies a provider token: algorithm, signature, issuer, audience and expiry.
    pub fn verify(&self, token: &str) -> Result<Verified, AuthError> {
        let header = jsonwebtoken::decode_header(token).map_err(AuthError::from)?;
        if header.alg != self.settings.algorithm {
            return Err(AuthError::Invalid(format!(
                "algoritmen {:?} er ikke tillatt",
                header.alg
            )));
        }
        let key = self.key(header.kid.as_deref())?;
        let mut validation = Validation::new(self.settings.algorithm);
        validation.set_issuer(&[&self.settings.issuer]);
        validation.set_audience(&[&self.settings.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        let data = jsonwebtoken::decode::<ProviderClaims>(token, &key, &validation).map_err(AuthError::from)?;
        let c = data.claims;
        let roles = c
            .other
            .get(&self.settings.roles_claim)
            .and_then(|v| v.as_array())
            .map(|list| {
                list.iter()
                    .filter_map(|r| r.as_str().and_then(|s| s.parse::<Role>().ok()))
                    .collect()
            })
            .unwrap_or_default();
        let id = c.preferred_username.clone().unwrap_or_else(|| c.sub.clone());
        let session_id = c.jti.clone().unwrap_or_else(|| super::token_digest(token));
        Ok(Verified {
            identity: Identity {
                name: c.name.unwrap_or_else(|| id.clone()),
                id,
                roles,
                session_id,
                expires_at: c.exp,
            },
            nonce: c.nonce,
        })
    }

    /// The provider's sign-in address for a browser, asking for an ID token posted back to
    /// this service with `nonce`.
    pub fn authorize_link(&self, nonce: &str) -> Option<String> {
        let base = self.settings.authorize_url.as_deref()?;
        let redirect = self.settings.redirect_url.as_deref()?;
        let query = serde_urlencoded::to_string([
            ("response_type", "id_token"),
            ("response_mode", "form_post"),
            ("client_id", self.settings.audience.as_str()),
            ("redirect_uri", redirect),
            ("scope", "openid profile"),
            ("nonce", nonce),
        ])
        .ok()?;
        let sep = if base.contains('?') { '&' } else { '?' };
        Some(format!("{base}{sep}{query}"))
    }
}
