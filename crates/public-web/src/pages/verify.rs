//! Handler of the verify page: `?nummer=` → listed today (with entries) or not, from the index.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use register::{InterpreterNumber, Timestamp};

use super::{lang_of, render, starting, unavailable};
use crate::AppState;
use crate::views::verify::{Outcome, verify_page};

pub async fn check(State(state): State<AppState>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    let t = lang.texts();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(uri.query().unwrap_or("")).unwrap_or_default();
    let raw = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "nummer")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let today = (t.date)(Timestamp::now().date());
    let catalogue = state.index.catalogue();
    let Some(raw) = raw else {
        return render(
            StatusCode::OK,
            &uri,
            lang,
            t.verify_title,
            verify_page(catalogue, lang, &Outcome::Form, &today),
        );
    };
    let Ok(number) = raw.parse::<InterpreterNumber>() else {
        let outcome = Outcome::Invalid(&raw, (t.error_invalid_number)(&raw));
        return render(
            StatusCode::BAD_REQUEST,
            &uri,
            lang,
            t.verify_title,
            verify_page(catalogue, lang, &outcome, &today),
        );
    };
    if !state.ready() {
        return starting(&uri, lang);
    }
    let number_text = number.to_string();
    match state.index.interpreter(number) {
        Ok(found) => {
            let outcome = match &found {
                Some(p) => Outcome::Listed(p),
                None => Outcome::NotListed(&number_text),
            };
            render(
                StatusCode::OK,
                &uri,
                lang,
                t.verify_title,
                verify_page(catalogue, lang, &outcome, &today),
            )
        }
        Err(e) => unavailable(&uri, lang, &e),
    }
}
