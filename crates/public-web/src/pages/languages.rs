//! Handlers of the languages overview and the page of one language. A name instead of a code
//! (`/sprak/arabisk`) redirects to the code's page; a name several languages share
//! (`/sprak/kurdisk`) to the search for it, which names them all.

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use register::LanguageCode;

use super::{lang_of, render, unavailable};
use crate::AppState;
use crate::params::SearchParams;
use crate::views::errors::message_page;
use crate::views::languages::{language_page, languages_page};
use crate::views::layout::href;

pub async fn overview(State(state): State<AppState>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    match state.index.language_counts() {
        Ok(counts) => render(
            StatusCode::OK,
            &uri,
            lang,
            lang.texts().languages_title,
            languages_page(state.index.catalogue(), lang, &counts),
        ),
        Err(e) => unavailable(&uri, lang, &e),
    }
}

pub async fn one(State(state): State<AppState>, Path(raw): Path<String>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    let t = lang.texts();
    let catalogue = state.index.catalogue();
    let language = raw.parse::<LanguageCode>().ok().and_then(|c| catalogue.language(c));
    let Some(language) = language else {
        if let Some(m) = state.index.languages().resolve(&raw) {
            if m.codes().len() > 1 {
                // A name several languages share: the search page says so and offers each.
                let search = SearchParams {
                    language: Some(raw.clone()),
                    lang,
                    ..SearchParams::default()
                };
                return Redirect::temporary(&search.url()).into_response();
            }
            return Redirect::permanent(&href(lang, &format!("/sprak/{}", m.code))).into_response();
        }
        return render(
            StatusCode::NOT_FOUND,
            &uri,
            lang,
            t.not_found_title,
            message_page(lang, t.not_found_title, &(t.error_unknown_language)(&raw)),
        );
    };
    match state.index.language_counts() {
        Ok(counts) => render(
            StatusCode::OK,
            &uri,
            lang,
            &(t.language_title)(lang.language_name(language)),
            language_page(lang, language, &counts),
        ),
        Err(e) => unavailable(&uri, lang, &e),
    }
}
