//! The HTML pages' handlers: read the parameters, ask the index, pick the status code and hand
//! the data to a view. Everything comes from the search index, except the statistics pages and
//! downloads, which read the register's figures (aggregates only) through the figures cache.

mod info;
mod interpreter;
mod languages;
mod search;
pub mod statistics;
pub mod statistics_data;
pub mod tip;
mod verify;

use axum::Router;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::Markup;

use crate::AppState;
use crate::i18n::Lang;
use crate::views::errors::message_page;
use crate::views::layout::{Frame, page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(search::front))
        .route("/sok", get(search::results))
        .route("/tolk/{number}", get(interpreter::show))
        .route("/sprak", get(languages::overview))
        .route("/sprak/{code}", get(languages::one))
        .route("/kontroller", get(verify::check))
        .route("/hjelp", get(info::help))
        .route("/tilgjengelighet", get(info::accessibility))
        .route("/om", get(info::about))
        .route("/kontakt", get(info::contact))
        .route("/personvern", get(info::privacy))
        .route("/veileder", get(info::guide))
        .route("/statistikk", get(statistics::overview))
        .route("/statistikk/sprak", get(statistics::languages))
        .route("/statistikk/fylker", get(statistics::counties))
        .route("/statistikk/dekning", get(statistics::coverage))
        .route("/statistikk/data/{file}", get(statistics_data::download))
        .merge(tip::routes())
}

/// The UI language asked for in the query string.
pub fn lang_of(uri: &Uri) -> Lang {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query().unwrap_or("")).unwrap_or_default();
    Lang::parse(pairs.iter().rev().find(|(k, _)| k == "lang").map(|(_, v)| v.as_str()))
}

/// The request's path as a link that stays on this site. Browsers read `//host/x` and `/\host`
/// as another host, so a run of leading slashes and backslashes becomes one slash and every other
/// backslash is percent-encoded; a path that does not start with `/` (`*`) becomes `/`.
pub fn local_path(path: &str) -> String {
    if !path.starts_with('/') {
        return "/".to_string();
    }
    let rest = path.trim_start_matches(['/', '\\']);
    format!("/{}", rest.replace('\\', "%5C"))
}

/// `uri` with its `lang` parameter set to `lang` (left out for bokmål).
pub fn uri_in(uri: &Uri, lang: Lang) -> String {
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query().unwrap_or("")).unwrap_or_default();
    pairs.retain(|(k, _)| k != "lang");
    if lang != Lang::Nb {
        pairs.push(("lang".into(), lang.code().into()));
    }
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    let path = local_path(uri.path());
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// A whole HTML page with `status`.
pub fn render(status: StatusCode, uri: &Uri, lang: Lang, title: &str, main: Markup) -> Response {
    (status, whole_page(uri, lang, title, main)).into_response()
}

/// The page around `main`, for callers that keep the markup (the results cache).
pub fn whole_page(uri: &Uri, lang: Lang, title: &str, main: Markup) -> Markup {
    let url_in = |l: Lang| uri_in(uri, l);
    let frame = Frame {
        lang,
        title,
        path: uri.path(),
        url_in: &url_in,
    };
    page(&frame, main)
}

/// The page while the index is being built (503, try again shortly).
pub fn starting(uri: &Uri, lang: Lang) -> Response {
    let t = lang.texts();
    let mut r = render(
        StatusCode::SERVICE_UNAVAILABLE,
        uri,
        lang,
        t.starting_title,
        message_page(lang, t.starting_title, t.starting_text),
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    r
}

/// The page for a failure on our side (logged, not shown).
pub fn unavailable(uri: &Uri, lang: Lang, error: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %error, "public page failed");
    let t = lang.texts();
    render(
        StatusCode::SERVICE_UNAVAILABLE,
        uri,
        lang,
        t.unavailable_title,
        message_page(lang, t.unavailable_title, t.unavailable_text),
    )
}

/// 404 for unknown paths: JSON under `/api/`, a page elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return crate::error::ApiError::NotFound.into_response();
    }
    let lang = lang_of(&uri);
    let t = lang.texts();
    render(
        StatusCode::NOT_FOUND,
        &uri,
        lang,
        t.not_found_title,
        message_page(lang, t.not_found_title, t.not_found_text),
    )
}
