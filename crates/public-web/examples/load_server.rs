//! Load-test server: the real public router on a synthetic register indexed in memory, and a
//! trivial axum handler in the same process and runtime, for `benches/wrk.sh` to compare.
//!
//! cargo run --release -p public-web --example load_server [-- ENTRIES]

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use public_web::{AppState, router};
use register::Timestamp;
use register::generator::Options;
use search::SearchIndex;

#[tokio::main]
async fn main() {
    let scale = std::env::args().nth(1).and_then(|a| a.parse().ok());
    let dir = tempfile::tempdir().expect("temp dir");
    let options = Options { seed: 1, scale };
    let (_, index) = SearchIndex::generated(options, Timestamp::now().date(), Some(dir.path())).expect("indexed");
    let app = router(AppState::with_index(Arc::new(index)));
    let trivial = Router::new().route("/", get(|| async { "ok" }));

    let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let trivial_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    println!(
        "app=http://{} trivial=http://{}",
        app_listener.local_addr().expect("addr"),
        trivial_listener.local_addr().expect("addr")
    );
    let a = tokio::spawn(async move { axum::serve(app_listener, app).await });
    let b = tokio::spawn(async move { axum::serve(trivial_listener, trivial).await });
    let _ = tokio::join!(a, b);
}
