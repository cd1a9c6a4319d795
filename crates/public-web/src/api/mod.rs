//! The public JSON API under `/api/v1`: verify an interpreter number, list languages.
//! Public fields only.

mod languages;
mod verify;

use axum::Router;
use axum::routing::get;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/verify/{number}", get(verify::verify))
        .route("/api/v1/languages", get(languages::list))
        .route("/api/v1/languages/{code}", get(languages::one))
}
