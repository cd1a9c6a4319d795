//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the search index is
//! built and following the register) probes, and `/metrics` (Prometheus text: requests and
//! latency per route from `telemetry`, and the index's lag behind the change feed). Search keeps
//! serving when the database is down. Nothing personal is in any metric: routes are templates.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

/// `GET /metrics`. The lag is measured at scrape time: the feed head the database has now
/// minus the last sequence applied to this replica's index.
async fn metrics(State(state): State<AppState>) -> Response {
    if let Some(indexer) = &state.indexer {
        let status = indexer.status();
        metrics::gauge!("search_index_applied_seq").set(status.seq as f64);
        metrics::gauge!("search_index_ready").set(if status.ready { 1.0 } else { 0.0 });
        if let Some(store) = &state.store {
            match store.feed_head().await {
                Ok(head) => {
                    metrics::gauge!("change_feed_head_seq").set(head as f64);
                    metrics::gauge!("search_index_lag").set((head - status.seq).max(0) as f64);
                }
                Err(e) => tracing::warn!(error = %e, "metrics: the feed head is unknown"),
            }
        }
    }
    metrics::gauge!("search_index_interpreters").set(state.index.len() as f64);
    telemetry::metrics_page().await
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
