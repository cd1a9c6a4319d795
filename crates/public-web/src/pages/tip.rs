//! Handlers of the public tip form: show it, look up the interpreter, send it (rate limit,
//! honeypot, form token, checks, intake) and show the receipt. A send that works redirects to
//! the receipt (post/redirect/get), so reloading never files a tip twice.

use std::net::IpAddr;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use register::Timestamp;
use search::{Query, SearchError};
use tower_http::csrf::{CsrfLayer, ProtectionError};

use super::{lang_of, not_found, render};
use crate::AppState;
use crate::i18n::Lang;
use crate::tips::form::MAX_LOOKUP;
use crate::tips::guard::Claim;
use crate::tips::{Problems, TipForm};
use crate::views::layout::href;
use crate::views::tip::{FormView, Lookup, Notice, form_page, form_title, notice_page, receipt_page};

/// The largest form body accepted: the longest account, percent-encoded, with room to spare.
pub const BODY_LIMIT: usize = 256 * 1024;
/// How many look-up matches are offered as choices.
const LOOKUP_CHOICES: usize = 10;
/// How long a second send of the same form waits for the first to finish.
const DUPLICATE_WAIT: Duration = Duration::from_secs(10);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/varsle", get(form).post(submit))
        .route("/varsle/kvittering", get(receipt))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // A browser posting from another site is refused: the form has no session to protect,
        // but it must not let other sites file tips through visitors' browsers.
        .layer(CsrfLayer::new().with_rejection_response(cross_site_refused))
}

fn cross_site_refused(_: ProtectionError) -> Response<Body> {
    let lang = Lang::Nb;
    let t = &lang.texts().tips;
    render(
        StatusCode::FORBIDDEN,
        &Uri::from_static("/varsle"),
        lang,
        t.title,
        notice_page(lang, t.title, t.refused_text),
    )
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Tip pages are personal: never cached; and the form sends its origin, so the cross-site
/// check works in browsers without `Sec-Fetch-Site`.
fn private(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    r
}

fn retry_after(mut r: Response, wait: Duration) -> Response {
    let seconds = wait.as_secs().max(1);
    if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

fn seconds(wait: Duration) -> u64 {
    wait.as_secs_f64().ceil().max(1.0) as u64
}

/// The form page with `form` filled in, a fresh token, and the given problems and notice.
fn form_response(
    state: &AppState,
    status: StatusCode,
    uri: &Uri,
    lang: Lang,
    form: &TipForm,
    problems: &Problems,
    notice: Option<Notice>,
) -> Response {
    let lookup = match shown_choices(state, form) {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(error = %e, "interpreter look-up failed");
            Lookup::None
        }
    };
    let token = state.tip_guard.key.issue(now());
    let shown = form.for_display();
    let view = FormView {
        form: &shown,
        token: &token,
        problems,
        notice,
        lookup,
    };
    let title = form_title(lang, !problems.is_empty());
    private(render(
        status,
        uri,
        lang,
        &title,
        form_page(state.index.catalogue(), lang, &view),
    ))
}

/// Listed interpreters matching `text` by name or number: public fields from the index only.
fn look_up(state: &AppState, text: &str) -> Result<Lookup, SearchError> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() as u64 > MAX_LOOKUP {
        return Ok(Lookup::None);
    }
    let query = Query {
        name: Some(text.to_string()),
        per_page: LOOKUP_CHOICES,
        ..Query::default()
    };
    let results = state.index.search(&query)?;
    if results.hits.is_empty() {
        return Ok(Lookup::NoMatch(text.to_string()));
    }
    Ok(Lookup::Found {
        more: results.total > results.hits.len(),
        choices: results.hits.clone(),
    })
}

/// The choices to show again: the look-up's matches, and the chosen interpreter among them.
fn shown_choices(state: &AppState, form: &TipForm) -> Result<Lookup, SearchError> {
    let lookup = look_up(state, &form.lookup)?;
    let Some(chosen) = form.chosen() else {
        return Ok(lookup);
    };
    let Some(p) = state.index.interpreter(chosen)? else {
        return Ok(lookup);
    };
    Ok(match lookup {
        Lookup::Found { mut choices, more } => {
            if !choices.iter().any(|c| c.number == chosen) {
                choices.insert(0, p);
            }
            Lookup::Found { choices, more }
        }
        Lookup::None | Lookup::NoMatch(_) => Lookup::Found {
            choices: vec![p],
            more: false,
        },
    })
}

fn too_many(state: &AppState, uri: &Uri, lang: Lang, form: Option<&TipForm>, wait: Duration) -> Response {
    let t = &lang.texts().tips;
    let text = (t.too_many_text)(seconds(wait));
    let r = match form {
        Some(form) => form_response(
            state,
            StatusCode::TOO_MANY_REQUESTS,
            uri,
            lang,
            form,
            &Problems::default(),
            Some(Notice {
                title: Some(t.too_many_title),
                text,
                color: "warning",
            }),
        ),
        None => private(render(
            StatusCode::TOO_MANY_REQUESTS,
            uri,
            lang,
            t.too_many_title,
            notice_page(lang, t.too_many_title, &text),
        )),
    };
    retry_after(r, wait)
}

fn closed(uri: &Uri, lang: Lang) -> Response {
    let t = &lang.texts().tips;
    retry_after(
        private(render(
            StatusCode::SERVICE_UNAVAILABLE,
            uri,
            lang,
            t.closed_title,
            notice_page(lang, t.closed_title, t.closed_text),
        )),
        Duration::from_secs(3600),
    )
}

fn client(state: &AppState, headers: &HeaderMap, extensions: &Extensions) -> IpAddr {
    state.tip_guard.client(headers, extensions)
}

/// GET /varsle: the empty form.
pub async fn form(State(state): State<AppState>, uri: Uri, headers: HeaderMap, extensions: Extensions) -> Response {
    let lang = lang_of(&uri);
    if let Err(wait) = state.tip_guard.allow_view(client(&state, &headers, &extensions)) {
        return too_many(&state, &uri, lang, None, wait);
    }
    if state.tips.is_none() {
        return closed(&uri, lang);
    }
    form_response(
        &state,
        StatusCode::OK,
        &uri,
        lang,
        &TipForm::default(),
        &Problems::default(),
        None,
    )
}

/// POST /varsle: a look-up (shows the form again with choices) or a send.
pub async fn submit(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    extensions: Extensions,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let lang = lang_of(&uri);
    let t = &lang.texts().tips;
    let client = client(&state, &headers, &extensions);
    let body = match body {
        Ok(b) => b,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            tracing::info!("tip form: body over the size limit");
            return private(render(
                StatusCode::PAYLOAD_TOO_LARGE,
                &uri,
                lang,
                t.too_large_title,
                notice_page(lang, t.too_large_title, t.too_large_text),
            ));
        }
        Err(rejection) => {
            tracing::info!(error = %rejection, "tip form: unreadable body");
            return private(render(
                StatusCode::BAD_REQUEST,
                &uri,
                lang,
                t.title,
                notice_page(lang, t.title, t.refused_text),
            ));
        }
    };
    let form = TipForm::from_pairs(serde_urlencoded::from_bytes(&body).unwrap_or_default());
    let notice = |text: &str, color: &'static str| {
        Some(Notice {
            title: None,
            text: text.to_string(),
            color,
        })
    };
    let none = Problems::default();

    let Some(intake) = state.tips.clone() else {
        let n = Some(Notice {
            title: Some(t.closed_title),
            text: t.closed_text.to_string(),
            color: "warning",
        });
        return form_response(&state, StatusCode::SERVICE_UNAVAILABLE, &uri, lang, &form, &none, n);
    };
    if form.is_lookup() {
        if let Err(wait) = state.tip_guard.allow_view(client) {
            return too_many(&state, &uri, lang, Some(&form), wait);
        }
        return form_response(&state, StatusCode::OK, &uri, lang, &form, &none, None);
    }
    if let Err(wait) = state.tip_guard.allow_send(client) {
        return too_many(&state, &uri, lang, Some(&form), wait);
    }
    // A filled honeypot: no tip, and no pretend receipt either. A person whose browser filled
    // the hidden field by mistake must not believe IMDi got a tip that was thrown away; they
    // get their text back (without the hidden field) and can send it again.
    if !form.website.trim().is_empty() {
        tracing::info!("tip form: honeypot filled; nothing stored");
        let n = notice(t.refused_text, "danger");
        return form_response(&state, StatusCode::BAD_REQUEST, &uri, lang, &form, &none, n);
    }
    let lifetime = state.tip_guard.settings.form_lifetime.as_secs() as i64;
    let nonce = match state.tip_guard.key.check(&form.token, now(), lifetime) {
        Ok(n) => n,
        Err(problem) => {
            tracing::info!(?problem, "tip form: token refused");
            let n = notice(t.expired_text, "warning");
            return form_response(&state, StatusCode::BAD_REQUEST, &uri, lang, &form, &none, n);
        }
    };
    // The same form sent twice (double click, back and send again) files one tip.
    let started = std::time::Instant::now();
    loop {
        match state.tip_guard.claim(&nonce).await {
            Claim::Fresh => break,
            Claim::Sent(reference) => return to_receipt(&state, lang, &reference),
            Claim::Busy if started.elapsed() < DUPLICATE_WAIT => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Claim::Busy => {
                let n = notice(t.failed_text, "danger");
                return form_response(&state, StatusCode::SERVICE_UNAVAILABLE, &uri, lang, &form, &none, n);
            }
        }
    }

    let today = Timestamp::now().date();
    let listed = |n| state.index.interpreter(n).is_ok_and(|p| p.is_some());
    // A refused send frees its form token, so the corrected form can be sent again.
    let refuse = async |problems: &Problems| {
        state.tip_guard.release(&nonce).await;
        form_response(
            &state,
            StatusCode::UNPROCESSABLE_ENTITY,
            &uri,
            lang,
            &form,
            problems,
            None,
        )
    };
    let tip = match form.to_new_tip(today, &listed) {
        Ok(tip) => tip,
        Err(problems) => return refuse(&problems).await,
    };
    match intake.submit(&tip).await {
        Ok(reference) => {
            tracing::info!(reference = %reference, "tip received through the public form");
            state.tip_guard.remember_sent(&nonce, &reference).await;
            to_receipt(&state, lang, &reference)
        }
        Err(e) if e.is_user_error() => refuse(&Problems::from_register(e)).await,
        Err(e) => {
            state.tip_guard.release(&nonce).await;
            tracing::error!(error = %e, "tip form: could not store a tip");
            let n = notice(t.failed_text, "danger");
            form_response(&state, StatusCode::SERVICE_UNAVAILABLE, &uri, lang, &form, &none, n)
        }
    }
}

/// 303 to the receipt of `reference`, signed so the receipt page shows only real references.
fn to_receipt(state: &AppState, lang: Lang, reference: &str) -> Response {
    let signature = state.tip_guard.key.receipt_signature(reference);
    let query =
        serde_urlencoded::to_string([("saksnummer", reference), ("signatur", signature.as_str())]).unwrap_or_default();
    private(Redirect::to(&href(lang, &format!("/varsle/kvittering?{query}"))).into_response())
}

/// GET /varsle/kvittering: the receipt.
pub async fn receipt(State(state): State<AppState>, uri: Uri, headers: HeaderMap, extensions: Extensions) -> Response {
    let lang = lang_of(&uri);
    if let Err(wait) = state.tip_guard.allow_view(client(&state, &headers, &extensions)) {
        return too_many(&state, &uri, lang, None, wait);
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query().unwrap_or("")).unwrap_or_default();
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    match (value("saksnummer"), value("signatur")) {
        (Some(reference), Some(signature)) if state.tip_guard.key.check_receipt(reference, signature) => {
            let t = &lang.texts().tips;
            private(render(
                StatusCode::OK,
                &uri,
                lang,
                t.receipt_title,
                receipt_page(lang, reference),
            ))
        }
        _ => not_found(uri).await,
    }
}
