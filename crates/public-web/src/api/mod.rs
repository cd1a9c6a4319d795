//! The public JSON API under `/api/v1` (search, interpreter, verify, languages) and its OpenAPI
//! document at `/api/openapi.json`. Answers from the search index; public fields only.

mod interpreters;
mod languages;
pub mod model;
mod openapi;
mod search;
mod verify;

use axum::Router;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::routing::get;
use register::{InterpreterNumber, LanguageCode};

use crate::AppState;
use crate::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/search", get(search::search))
        .route("/api/v1/interpreters/{number}", get(interpreters::one))
        .route("/api/v1/verify/{number}", get(verify::verify))
        .route("/api/v1/languages", get(languages::list))
        .route("/api/v1/languages/{code}", get(languages::one))
        .route("/api/openapi.json", get(openapi::document))
}

/// A path segment exactly as the document's pattern allows it: the register's parsers forgive
/// surrounding spaces, the API does not, so a client and the server agree on what is valid.
fn segment(path: Result<Path<String>, PathRejection>) -> Result<String, String> {
    match path {
        Ok(Path(raw)) if raw.trim() == raw => Ok(raw),
        Ok(Path(raw)) => Err(raw),
        Err(_) => Err(String::new()),
    }
}

/// `{number}`: 1–7 digits, no leading zero.
fn interpreter_number(path: Result<Path<String>, PathRejection>) -> Result<InterpreterNumber, ApiError> {
    let raw = segment(path).map_err(ApiError::InvalidNumber)?;
    raw.parse().map_err(|_| ApiError::InvalidNumber(raw))
}

/// `{code}`: three ASCII letters, any case.
fn language_code(path: Result<Path<String>, PathRejection>) -> Result<LanguageCode, ApiError> {
    let raw = segment(path).map_err(ApiError::InvalidLanguageCode)?;
    raw.parse().map_err(|_| ApiError::InvalidLanguageCode(raw))
}
