//! The extractors every handler uses: `Authorised<A>` (who, and may they — 401 or 403 before
//! the handler runs) and `CsrfForm`/`CsrfJson` (bodies of state-changing requests).

use std::marker::PhantomData;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use serde::de::DeserializeOwned;

use super::role::{Access, Role};
use super::{AuthError, Identity, SESSION_COOKIE, read_cookie};
use crate::AdminState;
use crate::error::AdminError;

/// How the request carried its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    Cookie,
    Bearer,
}

/// The member of staff making the request.
#[derive(Debug, Clone)]
pub struct Staff {
    pub identity: Identity,
    pub carrier: Carrier,
    /// The CSRF token for this session's forms.
    pub csrf: String,
}

/// The prefix of staff actors in the audit log and in stored logins (`staff:kari`).
const STAFF_PREFIX: &str = "staff:";

/// A staff login as typed in a form (`kari` or `staff:kari`) in its stored form.
pub fn staff_login(typed: &str) -> String {
    format!("{STAFF_PREFIX}{}", typed.trim().trim_start_matches(STAFF_PREFIX))
}

/// A stored actor (`staff:kari`) as shown to people (`kari`).
pub fn short_login(actor: &str) -> &str {
    actor.trim_start_matches(STAFF_PREFIX)
}

impl Staff {
    /// The actor recorded in the register's audit log.
    pub fn actor(&self) -> String {
        format!("{STAFF_PREFIX}{}", self.identity.id)
    }

    pub fn has(&self, role: Role) -> bool {
        self.identity.roles.contains(&role)
    }

    pub fn may<A: Access>(&self) -> bool {
        A::ROLES.iter().any(|r| self.has(*r))
    }
}

/// A member of staff allowed by `A`. Extraction fails with 401 (no valid session) or 403 (no
/// allowed role), so the handler body is never reached without both.
pub struct Authorised<A: Access> {
    pub staff: Staff,
    _access: PhantomData<A>,
}

impl<A: Access> std::ops::Deref for Authorised<A> {
    type Target = Staff;
    fn deref(&self) -> &Staff {
        &self.staff
    }
}

/// Whether the client wants JSON errors (the API) rather than pages.
pub fn wants_json(path: &str, headers: &HeaderMap) -> bool {
    path.starts_with("/api/")
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"))
}

fn token(headers: &HeaderMap) -> Option<(String, Carrier)> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some((bearer.trim().to_string(), Carrier::Bearer));
    }
    read_cookie(headers, SESSION_COOKIE).map(|t| (t, Carrier::Cookie))
}

/// The staff member behind a request, if any session is valid.
pub async fn authenticate(parts: &Parts, state: &AdminState) -> Result<Staff, AdminError> {
    let (token, carrier) = token(&parts.headers).ok_or(AdminError::Unauthenticated(AuthError::Missing))?;
    let identity = state.auth.verify(&token).await.map_err(AdminError::Unauthenticated)?;
    if state.store.is_session_revoked(&identity.session_id).await? {
        return Err(AdminError::Unauthenticated(AuthError::Revoked));
    }
    if matches!(state.auth.as_ref(), super::Authenticator::Oidc(_)) {
        state.sign_ins.note(&state.store, &identity, super::now()).await?;
    }
    let csrf = state.csrf.token_for(&identity.session_id);
    Ok(Staff {
        identity,
        carrier,
        csrf,
    })
}

impl<A: Access> FromRequestParts<AdminState> for Authorised<A> {
    type Rejection = axum::response::Response;

    async fn from_request_parts(parts: &mut Parts, state: &AdminState) -> Result<Self, Self::Rejection> {
        let json = wants_json(parts.uri.path(), &parts.headers);
        let render = |e: AdminError| e.render(json);
        let staff = authenticate(parts, state).await.map_err(render)?;
        if !staff.may::<A>() {
            return Err(render(AdminError::Forbidden));
        }
        parts.extensions.insert(staff.clone());
        Ok(Authorised {
            staff,
            _access: PhantomData,
        })
    }
}

/// The largest form or JSON body accepted.
const BODY_LIMIT: usize = 256 * 1024;

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// Refuses a cross-site request by its `Origin`, where the browser sent one.
fn same_origin(parts: &Parts) -> bool {
    same_origin_headers(&parts.headers)
}

fn same_origin_headers(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host)
}

async fn body(req: Request) -> Result<(Parts, axum::body::Bytes), AdminError> {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| AdminError::BadRequest("forespørselen er for stor eller ufullstendig".into()))?;
    Ok((parts, bytes))
}

/// The CSRF check for a body the handler reads itself (a multipart upload, whose token is a
/// form field): the token must match `staff`'s session and the `Origin` (if any) this service.
pub fn csrf_valid(state: &AdminState, staff: &Staff, headers: &HeaderMap, token: &str) -> bool {
    same_origin_headers(headers) && state.csrf.check(&staff.identity.session_id, token)
}

/// A form body from a staff member whose session it was made for: the `csrf` field must match
/// the session, and the `Origin` (if any) this service. Use after an `Authorised` extractor.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AdminState> for CsrfForm<T> {
    type Rejection = axum::response::Response;

    async fn from_request(req: Request, state: &AdminState) -> Result<Self, Self::Rejection> {
        let json = wants_json(req.uri().path(), req.headers());
        let run = async {
            let (parts, bytes) = body(req).await?;
            let staff = parts
                .extensions
                .get::<Staff>()
                .ok_or(AdminError::Unauthenticated(AuthError::Missing))?;
            let field: CsrfField = serde_urlencoded::from_bytes(&bytes).map_err(|_| AdminError::Csrf)?;
            if parts.method != Method::POST
                || !same_origin(&parts)
                || !state.csrf.check(&staff.identity.session_id, &field.csrf)
            {
                return Err(AdminError::Csrf);
            }
            serde_urlencoded::from_bytes::<T>(&bytes)
                .map(CsrfForm)
                .map_err(|e| AdminError::BadRequest(format!("skjemaet kunne ikke leses: {e}")))
        };
        run.await.map_err(|e| e.render(json))
    }
}

/// A JSON body for the API. With a cookie session the `X-CSRF-Token` header must match; a
/// bearer token is not sent by browsers on their own, so it needs none.
pub struct CsrfJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AdminState> for CsrfJson<T> {
    type Rejection = axum::response::Response;

    async fn from_request(req: Request, state: &AdminState) -> Result<Self, Self::Rejection> {
        let run = async {
            let (parts, bytes) = body(req).await?;
            let staff = parts
                .extensions
                .get::<Staff>()
                .ok_or(AdminError::Unauthenticated(AuthError::Missing))?;
            if staff.carrier == Carrier::Cookie {
                let header = parts
                    .headers
                    .get("x-csrf-token")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !same_origin(&parts) || !state.csrf.check(&staff.identity.session_id, header) {
                    return Err(AdminError::Csrf);
                }
            }
            serde_json::from_slice::<T>(&bytes)
                .map(CsrfJson)
                .map_err(|e| AdminError::BadRequest(format!("ugyldig JSON: {e}")))
        };
        run.await.map_err(|e| e.render(true))
    }
}
