//! Liveness (`/healthz`) and readiness (`/readyz`, the database answers) probes of the admin
//! service.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::AdminState;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}

/// How long readiness waits for the database: a probe must answer within a second even when
/// the database is gone.
const PING_LIMIT: std::time::Duration = std::time::Duration::from_millis(500);

async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

async fn readyz(State(state): State<AdminState>) -> (StatusCode, Json<Value>) {
    match state.store.ping_within(PING_LIMIT).await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "database": state.store.backend() })),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable" })),
            )
        }
    }
}
