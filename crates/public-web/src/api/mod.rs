//! The public JSON API under `/api/v1` (search, interpreter, verify, languages) and its OpenAPI
//! document at `/api/openapi.json`. Answers from the search index; public fields only.

mod interpreters;
mod languages;
pub mod model;
mod openapi;
mod search;
mod verify;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/search", get(search::search))
        .route("/api/v1/interpreters/{number}", get(interpreters::one))
        .route("/api/v1/verify/{number}", get(verify::verify))
        .route("/api/v1/languages", get(languages::list))
        .route("/api/v1/languages/{code}", get(languages::one))
        .route("/api/openapi.json", get(openapi::document))
}
