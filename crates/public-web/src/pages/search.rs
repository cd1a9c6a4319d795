//! Handlers of the front page and the results page: parse, resolve the language, search, and
//! on zero results look up the alternatives the page offers.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use register::Timestamp;
use search::SearchError;

use super::{lang_of, render, starting, unavailable, whole_page};
use crate::AppState;
use crate::params::{ParamError, SearchParams};
use crate::views::search::{ResultsPage, ZeroHelp, bad_search_page, front_page, remote_alternative, results_page};

pub async fn front(State(state): State<AppState>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    let params = SearchParams {
        lang,
        ..SearchParams::default()
    };
    let listed = state.index.len() as usize;
    render(
        StatusCode::OK,
        &uri,
        lang,
        lang.texts().front_title,
        front_page(state.index.catalogue(), &params, listed),
    )
}

pub async fn results(State(state): State<AppState>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    if !state.ready() {
        return starting(&uri, lang);
    }
    let catalogue = state.index.catalogue();
    let bad = |params: &SearchParams, error: ParamError| {
        let suggestions = match &error {
            ParamError::UnknownLanguage { suggestions, .. } => suggestions.clone(),
            _ => Vec::new(),
        };
        let t = params.lang.texts();
        render(
            StatusCode::BAD_REQUEST,
            &uri,
            params.lang,
            t.bad_request_title,
            bad_search_page(catalogue, params, &[error.message(params.lang)], &suggestions),
        )
    };
    let params = match SearchParams::parse(uri.query()) {
        Ok(p) => p,
        Err(e) => {
            let fallback = SearchParams {
                lang,
                ..SearchParams::default()
            };
            return bad(&fallback, e);
        }
    };
    let language = match params.resolve_language(state.index.languages(), catalogue) {
        Ok(l) => l,
        Err(e) => return bad(&params, e),
    };
    let day = Timestamp::now().date();
    let key = ("html", uri.query().unwrap_or(""));
    let body = state.responses.get_or_render(key, state.index.version(), day, || {
        let index = &state.index;
        let query = params.query(language.as_ref());
        let results = index.search(&query)?;
        let zero = (results.total == 0).then(|| ZeroHelp {
            remote: remote_alternative(&params).and_then(|alt| {
                let q = search::Query {
                    per_page: 1,
                    ..alt.query(language.as_ref())
                };
                let n = index.search(&q).ok()?.total;
                (n > 0).then_some((alt, n))
            }),
        });
        let main = results_page(&ResultsPage {
            catalogue,
            params: &params,
            language: language.as_ref(),
            results: &results,
            zero,
        });
        let page = whole_page(&uri, lang, lang.texts().results_title, main);
        Ok::<_, SearchError>(Bytes::from(page.into_string()))
    });
    match body {
        Ok(body) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response(),
        Err(SearchError::OutOfRange { .. }) => bad(&params, ParamError::PageRange),
        Err(e) => unavailable(&uri, lang, &e),
    }
}
