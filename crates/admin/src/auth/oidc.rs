//! Production sign-in: ID tokens from the organisation's OpenID Connect provider, validated by
//! configured issuer and audience, with the algorithm pinned by configuration. The provider's
//! keys come from its discovery document (`{issuer}/.well-known/openid-configuration`, then its
//! `jwks_uri`), cached; a token naming a key id we do not know makes us fetch the key set again
//! (key rotation), at most once per `min_refresh`, so tokens with made-up key ids cannot make us
//! hammer the provider. A JWKS file instead of discovery is an offline/development option.

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
    /// The `iss` every token must carry; also where the discovery document is found.
    pub issuer: String,
    /// The `aud` every token must carry (this service's client id).
    pub audience: String,
    /// A JWKS file to use instead of discovery (offline and development setups); `None` reads
    /// the keys from the provider.
    pub jwks_path: Option<PathBuf>,
    /// The only algorithm accepted, e.g. RS256.
    pub algorithm: Algorithm,
    /// The claim that lists the staff member's roles.
    pub roles_claim: String,
    /// Where browsers are sent to sign in; the discovered `authorization_endpoint` when unset.
    pub authorize_url: Option<String>,
    /// This service's callback address as registered with the provider.
    pub redirect_url: Option<String>,
    /// The least time between two fetches of the key set for unknown key ids.
    pub min_refresh: Duration,
}

impl OidcSettings {
    /// Settings reading the keys from `issuer`'s discovery document, with the usual defaults.
    pub fn discovered(issuer: &str, audience: &str, algorithm: Algorithm) -> OidcSettings {
        OidcSettings {
            issuer: issuer.to_string(),
            audience: audience.to_string(),
            jwks_path: None,
            algorithm,
            roles_claim: "roles".into(),
            authorize_url: None,
            redirect_url: None,
            min_refresh: DEFAULT_MIN_REFRESH,
        }
    }
}

/// Keys are fetched again at most this often when tokens name unknown keys.
pub const DEFAULT_MIN_REFRESH: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("kunne ikke lese JWKS-fila {path}: {reason}")]
    Jwks { path: String, reason: String },
    #[error("kunne ikke hente {url} fra identitetsleverandøren: {reason}")]
    Fetch { url: String, reason: String },
    #[error("identitetsleverandøren oppgir utstederen «{found}», men OIDC_ISSUER er «{expected}»")]
    IssuerMismatch { expected: String, found: String },
}

/// Where the key set comes from.
#[derive(Debug)]
enum Source {
    File(PathBuf),
    Remote { client: reqwest::Client, jwks_uri: String },
}

/// Verifies provider tokens against the key set.
#[derive(Debug)]
pub struct OidcVerifier {
    settings: OidcSettings,
    source: Source,
    /// From the discovery document, when the settings name none.
    authorization_endpoint: Option<String>,
    keys: RwLock<JwkSet>,
    /// When the key set was last fetched for an unknown key id; held while fetching, so
    /// concurrent requests with the same new key wait for one fetch instead of each making one.
    refreshed: tokio::sync::Mutex<Option<Instant>>,
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

/// The parts of the discovery document this service uses.
#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
    #[serde(default)]
    authorization_endpoint: Option<String>,
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

async fn fetch_json<T: serde::de::DeserializeOwned>(client: &reqwest::Client, url: &str) -> Result<T, OidcError> {
    let error = |reason: String| OidcError::Fetch {
        url: url.to_string(),
        reason,
    };
    let response = client.get(url).send().await.map_err(|e| error(e.to_string()))?;
    let response = response.error_for_status().map_err(|e| error(e.to_string()))?;
    response.json::<T>().await.map_err(|e| error(e.to_string()))
}

impl OidcVerifier {
    /// The verifier for `settings`: reads the JWKS file, or fetches the discovery document and
    /// the key set (so a wrong issuer or an unreachable provider stops the start with a clear
    /// message rather than refusing every sign-in later).
    pub async fn load(settings: OidcSettings) -> Result<OidcVerifier, OidcError> {
        let (source, keys, authorization_endpoint) = match &settings.jwks_path {
            Some(path) => (Source::File(path.clone()), read_jwks(path)?, None),
            None => {
                let client = reqwest::Client::builder()
                    .connect_timeout(Duration::from_secs(5))
                    .timeout(Duration::from_secs(10))
                    .build()
                    .map_err(|e| OidcError::Fetch {
                        url: settings.issuer.clone(),
                        reason: e.to_string(),
                    })?;
                let url = format!(
                    "{}/.well-known/openid-configuration",
                    settings.issuer.trim_end_matches('/')
                );
                let discovery: Discovery = fetch_json(&client, &url).await?;
                // OpenID Connect Discovery § 4.3: the document must name the issuer it was
                // fetched for, or its keys are not that issuer's.
                if discovery.issuer != settings.issuer {
                    return Err(OidcError::IssuerMismatch {
                        expected: settings.issuer.clone(),
                        found: discovery.issuer,
                    });
                }
                let keys = fetch_json(&client, &discovery.jwks_uri).await?;
                let source = Source::Remote {
                    client,
                    jwks_uri: discovery.jwks_uri,
                };
                (source, keys, discovery.authorization_endpoint)
            }
        };
        Ok(OidcVerifier {
            settings,
            source,
            authorization_endpoint,
            keys: RwLock::new(keys),
            refreshed: tokio::sync::Mutex::new(None),
        })
    }

    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    fn cached(&self, kid: Option<&str>) -> Option<jsonwebtoken::jwk::Jwk> {
        let set = self.keys.read().unwrap_or_else(|p| p.into_inner());
        match kid {
            Some(kid) => set.find(kid).cloned(),
            None if set.keys.len() == 1 => set.keys.first().cloned(),
            None => None,
        }
    }

    /// The key set again from its source, unless it was fetched less than `min_refresh` ago.
    async fn refresh(&self, kid: Option<&str>) -> Option<jsonwebtoken::jwk::Jwk> {
        let mut refreshed = self.refreshed.lock().await;
        // Someone else may have fetched it while we waited.
        if let Some(jwk) = self.cached(kid) {
            return Some(jwk);
        }
        if refreshed.is_some_and(|at| at.elapsed() < self.settings.min_refresh) {
            return None;
        }
        *refreshed = Some(Instant::now());
        let fresh = match &self.source {
            Source::File(path) => read_jwks(path),
            Source::Remote { client, jwks_uri } => fetch_json(client, jwks_uri).await,
        };
        match fresh {
            Ok(set) => {
                tracing::info!(keys = set.keys.len(), "OpenID Connect: key set fetched again");
                *self.keys.write().unwrap_or_else(|p| p.into_inner()) = set;
            }
            Err(e) => tracing::warn!(error = %e, "OpenID Connect: could not fetch the key set again"),
        }
        self.cached(kid)
    }

    async fn key(&self, kid: Option<&str>) -> Result<DecodingKey, AuthError> {
        let jwk = match self.cached(kid) {
            Some(jwk) => jwk,
            None => self
                .refresh(kid)
                .await
                .ok_or_else(|| AuthError::Invalid("ukjent nøkkel".into()))?,
        };
        if let Some(alg) = jwk.common.key_algorithm
            && alg.to_string() != format!("{:?}", self.settings.algorithm)
        {
            return Err(AuthError::Invalid("nøkkelen er for en annen algoritme".into()));
        }
        DecodingKey::from_jwk(&jwk).map_err(AuthError::from)
    }

    /// Verifies a provider token: algorithm, signature, issuer, audience and expiry.
    pub async fn verify(&self, token: &str) -> Result<Verified, AuthError> {
        let header = jsonwebtoken::decode_header(token).map_err(AuthError::from)?;
        if header.alg != self.settings.algorithm {
            return Err(AuthError::Invalid(format!(
                "algoritmen {:?} er ikke tillatt",
                header.alg
            )));
        }
        let key = self.key(header.kid.as_deref()).await?;
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
        let base = self
            .settings
            .authorize_url
            .as_deref()
            .or(self.authorization_endpoint.as_deref())?;
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
