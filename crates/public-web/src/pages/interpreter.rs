//! Handler of the interpreter page: a listed interpreter's public record from the index, 404
//! when no listed interpreter has the number, 400 for a malformed number.

use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use register::InterpreterNumber;

use super::{lang_of, render, starting, unavailable};
use crate::AppState;
use crate::views::errors::message_page;
use crate::views::interpreter::{interpreter_page, not_listed_page};

pub async fn show(State(state): State<AppState>, Path(raw): Path<String>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    let t = lang.texts();
    let Ok(number) = raw.parse::<InterpreterNumber>() else {
        let message = (t.error_invalid_number)(&raw);
        return render(
            StatusCode::BAD_REQUEST,
            &uri,
            lang,
            t.bad_request_title,
            message_page(lang, t.bad_request_title, &message),
        );
    };
    if !state.ready() {
        return starting(&uri, lang);
    }
    match state.index.interpreter(number) {
        Ok(Some(p)) => render(
            StatusCode::OK,
            &uri,
            lang,
            &(t.interpreter_title)(&p.name),
            interpreter_page(state.index.catalogue(), lang, &p),
        ),
        Ok(None) => {
            let title = (t.verify_not_listed)(&number.to_string());
            render(
                StatusCode::NOT_FOUND,
                &uri,
                lang,
                &title,
                not_listed_page(lang, &number.to_string()),
            )
        }
        Err(e) => unavailable(&uri, lang, &e),
    }
}
