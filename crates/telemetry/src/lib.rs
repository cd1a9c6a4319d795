//! What both services report about themselves. Metrics in Prometheus text format (`/metrics`):
//! requests and latency per route, labelled by the matched route template (`/tolk/{number}`),
//! never the raw path, so no interpreter number, search term or case reference reaches a metric;
//! each service adds its own gauges and counters. Request ids (`x-request-id`, kept from a
//! trusted proxy or made here, and sent back) in a tracing span around each request, so every log
//! line a request causes carries its id. Logs as text, or as JSON lines with
//! `TOLKEREGISTER_LOG_FORMAT=json`.
//!
//! One Prometheus recorder per process (the `metrics` facade is global): when both services run
//! in one process each `/metrics` shows both, told apart by the `service` label.

use std::sync::OnceLock;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// Request latency buckets in seconds: public searches answer in milliseconds, staff pages
/// with database work in tens of milliseconds, anything past a second is trouble.
const LATENCY_BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// The request id header, as proxies and tower-http name it.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The process's Prometheus recorder, installed on first use.
pub fn prometheus() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full("http_request_duration_seconds".into()), &LATENCY_BUCKETS)
            .expect("buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder installed first (a test harness) leaves ours unused but harmless.
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("a metrics recorder was already installed; /metrics shows ours only");
        }
        handle
    })
}

/// `GET /metrics`: everything recorded in this process, in Prometheus text format.
pub async fn metrics_page() -> Response {
    let body = prometheus().render();
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}

/// Counts and times each request under its route template.
async fn track(State(service): State<&'static str>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_string();
    // The template, never the path: `/tolk/{number}`, not `/tolk/10001`.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let labels = [("service", service.to_string()), ("method", method), ("route", route)];
    metrics::histogram!("http_request_duration_seconds", &labels).record(started.elapsed().as_secs_f64());
    let mut counted = labels.to_vec();
    counted.push(("status", status));
    metrics::counter!("http_requests_total", &counted).increment(1);
    res
}

/// Wraps `app` (all its routes added) with per-route metrics for `service`, request ids and
/// the request span. Route-level, so the matched template is known when a request is counted.
pub fn instrument(app: Router, service: &'static str) -> Router {
    prometheus();
    app.route_layer(axum::middleware::from_fn_with_state(service, track))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req
                .extensions()
                .get::<RequestId>()
                .and_then(|id| id.header_value().to_str().ok())
                .unwrap_or("-")
                .to_string();
            // The method only: a path can hold a national identity number (staff search)
            // or a reference, and logs must not.
            tracing::info_span!("request", request_id = %id, method = %req.method())
        }))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// The log subscriber: `filter` as `RUST_LOG` would give it, text (coloured when `ansi`) or
/// (`json`) one JSON object a line, each line with the request span's `request_id` when a
/// request caused it.
pub fn logs<W>(filter: &str, json: bool, ansi: bool, writer: W) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = tracing_subscriber::EnvFilter::new(filter);
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    if json {
        Box::new(builder.json().with_current_span(true).with_span_list(false).finish())
    } else {
        Box::new(builder.with_ansi(ansi).finish())
    }
}

/// Starts logging to stderr: `RUST_LOG` filters (default `info,sqlx=warn`), and
/// `TOLKEREGISTER_LOG_FORMAT=json` writes JSON lines.
pub fn init_logs() {
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| "info,sqlx=warn".to_string());
    let json = std::env::var("TOLKEREGISTER_LOG_FORMAT").is_ok_and(|v| v.eq_ignore_ascii_case("json"));
    // Colours only for a person at a terminal, not in a log collector's file.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = tracing::subscriber::set_global_default(logs(&filter, json, ansi, std::io::stderr));
}
