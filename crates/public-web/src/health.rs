//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the search index is
//! built and following the register) probes. Search keeps serving when the database is down.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::AppState;

pub fn routes() -> Router<AppState> {
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

async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let status = state.indexer.as_ref().map(|i| i.status()).unwrap_or_default();
    let database = match &state.store {
        Some(store) => match store.ping_within(PING_LIMIT).await {
            Ok(()) => store.backend(),
            Err(e) => {
                tracing::warn!(error = %e, "database does not answer; search serves the last index");
                "unavailable"
            }
        },
        None => "none",
    };
    let body = json!({
        "status": if state.ready() { "ready" } else { "starting" },
        "database": database,
        "index": { "interpreters": state.index.len(), "seq": status.seq, "error": status.error },
    });
    let code = if state.ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(body))
}
