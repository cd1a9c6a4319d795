//! The public web service (axum): health probes and the public JSON API (verify, languages).
//! Unauthenticated, so it serves public fields only; never identity numbers or case data.

pub mod api;
pub mod error;
pub mod health;

use axum::Router;
use register::Database;

/// What every public handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Database,
}

/// The public service's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(health::routes())
        .merge(api::routes())
        .fallback(error::not_found)
        .with_state(state)
}
