//! Signing in and out: the built-in password login (demo staff), the OpenID Connect callback
//! that receives the provider's ID token, and logout, which revokes the session server-side.

use axum::Router;
use axum::extract::{Form, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::Timestamp;
use serde::Deserialize;

use crate::AdminState;
use crate::auth::csrf::{random_token, same};
use crate::auth::role::AnyStaff;
use crate::auth::{Authenticator, Authorised, CsrfForm, LOGIN_CSRF_COOKIE, SESSION_COOKIE, cookie, now, read_cookie};
use crate::error::AdminError;
use crate::forms::{self, Errors};
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/logg-inn", get(login_page))
        .route("/logg-inn", post(login))
        .route("/logg-inn/oidc", post(oidc_callback))
        .route("/logg-ut", post(logout))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
    pub csrf: String,
}

fn login_csrf(headers: &HeaderMap) -> Option<String> {
    read_cookie(headers, LOGIN_CSRF_COOKIE)
}

/// The sign-in page: a password form (embedded) or a link to the provider (OpenID Connect).
fn login_view(state: &AdminState, token: &str, username: &str, errors: &Errors, general: Option<&str>) -> Markup {
    let body = match state.auth.as_ref() {
        Authenticator::Embedded { .. } => html! {
            h1 { "Logg inn" }
            p { "Saksbehandlertjenesten er bare for ansatte i IMDi." }
            (forms::summary(errors, general))
            form method="post" action="/logg-inn" {
                (forms::csrf(token))
                (forms::input("text", "username", "Brukernavn", username, errors, None))
                (forms::input("password", "password", "Passord", "", errors, None))
                div class="actions" { button type="submit" { "Logg inn" } }
            }
        },
        Authenticator::Oidc(verifier) => {
            let link = verifier.authorize_link(&state.csrf.nonce(now()));
            html! {
                h1 { "Logg inn" }
                (forms::summary(errors, general))
                @match link {
                    Some(href) => p { a href=(href) { "Logg inn med virksomhetens innlogging" } },
                    None => p { "Innlogging skjer gjennom virksomhetens identitetsleverandør (" (verifier.settings().issuer) "). Bruk et tilgangstoken i Authorization-feltet for API-et." },
                }
            }
        }
    };
    layout::page("Logg inn", None, body)
}

async fn login_page(State(state): State<AdminState>, headers: HeaderMap) -> Response {
    let token = login_csrf(&headers).unwrap_or_else(random_token);
    (
        [(header::SET_COOKIE, cookie(LOGIN_CSRF_COOKIE, &token, 3600))],
        login_view(&state, &token, "", &Errors::default(), None),
    )
        .into_response()
}

/// The login page again, with the username as typed, refusing for `wait`: 429 and Retry-After.
/// Said the same whether the username exists or not.
fn throttled(state: &AdminState, token: &str, username: &str, wait: std::time::Duration) -> Response {
    let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
    let when = match seconds {
        s if s < 60 => format!("{s} sekunder"),
        s => match s.div_ceil(60) {
            1 => "ett minutt".to_string(),
            m => format!("{m} minutter"),
        },
    };
    let message = format!(
        "For mange mislykkede innloggingsforsøk. Vent {when} og prøv igjen. Har du glemt passordet, kontakt brukerstøtte."
    );
    let page = login_view(state, token, username, &Errors::default(), Some(&message));
    let mut res = (StatusCode::TOO_MANY_REQUESTS, page).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    res
}

async fn login(
    State(state): State<AdminState>,
    headers: HeaderMap,
    extensions: Extensions,
    Form(form): Form<LoginForm>,
) -> Response {
    let Authenticator::Embedded { directory, keys } = state.auth.as_ref() else {
        return AdminError::NotFound("Passordinnlogging er slått av; bruk virksomhetens innlogging.".into())
            .into_response();
    };
    let expected = login_csrf(&headers).unwrap_or_default();
    if expected.is_empty() || !same(&expected, &form.csrf) {
        return AdminError::Csrf.into_response();
    }
    let mut errors = Errors::default();
    if form.username.trim().is_empty() {
        errors.push("username", "skriv brukernavnet ditt");
    }
    if form.password.is_empty() {
        errors.push("password", "skriv passordet ditt");
    }
    if !errors.is_empty() {
        let page = login_view(&state, &expected, &form.username, &errors, None);
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    let throttle = &state.login_throttle;
    let client = throttle.client(&headers, &extensions);
    // Checked and counted in one turn, so parallel guesses cannot pass together.
    let turn = throttle.turn().await;
    match throttle.check(&form.username, client).await {
        Ok(Ok(())) => {}
        Ok(Err(wait)) => {
            tracing::warn!(%client, retry_after_seconds = wait.as_secs(), "admin login throttled");
            metrics::counter!("admin_login_refusals_total", "reason" => "throttled").increment(1);
            return throttled(&state, &expected, &form.username, wait);
        }
        Err(e) => return AdminError::from(e).into_response(),
    }
    let directory = directory.clone();
    let (username, password) = (form.username.clone(), form.password.clone());
    let user = tokio::task::spawn_blocking(move || directory.verify(&username, &password))
        .await
        .ok()
        .flatten();
    if user.is_none()
        && let Err(e) = throttle.failed(&form.username, client).await
    {
        return AdminError::from(e).into_response();
    }
    drop(turn);
    let Some(user) = user else {
        tracing::info!(%client, "failed admin login");
        metrics::counter!("admin_login_refusals_total", "reason" => "wrong_password").increment(1);
        let page = login_view(
            &state,
            &expected,
            &form.username,
            &errors,
            Some("Feil brukernavn eller passord."),
        );
        return (StatusCode::UNAUTHORIZED, page).into_response();
    };
    match keys.issue(&user, now()) {
        Ok((token, _)) => {
            tracing::info!(staff = %user.username, "admin login");
            let max_age = keys.lifetime().as_secs() as i64;
            (
                AppendHeaders([
                    (header::SET_COOKIE, cookie(SESSION_COOKIE, &token, max_age)),
                    (header::SET_COOKIE, cookie(LOGIN_CSRF_COOKIE, "", 0)),
                ]),
                Redirect::to("/"),
            )
                .into_response()
        }
        Err(e) => AdminError::Internal(e.to_string()).into_response(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OidcCallback {
    pub id_token: String,
}

/// The provider posts the ID token here (`response_mode=form_post`). The nonce we signed
/// proves the login was started here; the session cookie then carries the ID token.
async fn oidc_callback(State(state): State<AdminState>, Form(form): Form<OidcCallback>) -> Response {
    let Authenticator::Oidc(verifier) = state.auth.as_ref() else {
        return AdminError::NotFound("Innlogging via identitetsleverandør er ikke satt opp.".into()).into_response();
    };
    let verified = match verifier.verify(&form.id_token).await {
        Ok(v) => v,
        Err(e) => return AdminError::Unauthenticated(e).into_response(),
    };
    let nonce_ok = verified
        .nonce
        .as_deref()
        .is_some_and(|n| state.csrf.check_nonce(n, now()));
    if !nonce_ok {
        return AdminError::Csrf.into_response();
    }
    let max_age = verified.identity.expires_at - now();
    // A page, not a redirect: after a cross-site POST, the browser sends a SameSite=Strict
    // cookie only on a navigation that starts on this site.
    let body = html! {
        h1 { "Du er logget inn" }
        p { a href="/" { "Fortsett til arbeidslisten" } }
    };
    (
        [(header::SET_COOKIE, cookie(SESSION_COOKIE, &form.id_token, max_age))],
        layout::page("Innlogget", None, body),
    )
        .into_response()
}

#[derive(Debug, Default, Deserialize)]
pub struct Empty {}

async fn logout(
    State(state): State<AdminState>,
    user: Authorised<AnyStaff>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AdminError> {
    let expires = time::OffsetDateTime::from_unix_timestamp(user.identity.expires_at)
        .map(Timestamp::from)
        .unwrap_or_else(|_| Timestamp::now());
    state.store.revoke_session(&user.identity.session_id, expires).await?;
    tracing::info!(staff = %user.identity.id, "admin logout");
    Ok((
        [(header::SET_COOKIE, cookie(SESSION_COOKIE, "", 0))],
        Redirect::to("/logg-inn"),
    )
        .into_response())
}
