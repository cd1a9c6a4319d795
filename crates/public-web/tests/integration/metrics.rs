//! `/metrics` on the public service: requests and latency per route template (never a raw path,
//! so no interpreter number), and the index's lag behind the change feed when another process
//! writes; request ids on responses and in the log lines a request causes.

use crate::common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use public_web::{AppState, router};
use register::{Catalogue, ChangeMeta, Command};
use search::{Indexer, IndexerOptions, SearchIndex};
use tower::ServiceExt;

async fn get(app: &axum::Router, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&bytes).into_owned())
}

/// The value of the sample `name{labels}` in a Prometheus text page, labels in any order.
fn sample(page: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    page.lines().find_map(|line| {
        let (series, value) = line.rsplit_once(' ')?;
        let (metric, rest) = series.split_once('{').unwrap_or((series, "}"));
        let all = labels.iter().all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")));
        (metric == name && all).then(|| value.parse().ok()).flatten()
    })
}

/// A change of the sample interpreter's phone number: always a change to write.
fn phone(number: &str) -> Command {
    Command::UpdateProfile {
        profile: register::Profile {
            phone: number.into(),
            ..common::sample_profile()
        },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_latency_and_index_lag_are_scraped_without_anything_personal() {
    let f = common::sqlite().await;
    let store = f.store.clone();
    let meta = || ChangeMeta::now("staff:test", "metrikktest");
    let number = store
        .register_interpreter(common::sample_profile(), meta())
        .await
        .unwrap()
        .number;
    let dir = tempfile::tempdir().unwrap();
    let index = Arc::new(SearchIndex::open(Some(dir.path()), store.catalogue().clone()).unwrap());
    // Woken only by this process's writes, and otherwise not for an hour: a write through
    // another connection (another process) stays unapplied while the test looks.
    let options = IndexerOptions {
        poll: Duration::from_secs(3600),
        ..IndexerOptions::default()
    };
    let indexer = Indexer::spawn(index.clone(), store.clone(), options);
    let mut state = AppState::with_index(index);
    state.indexer = Some(indexer.clone());
    state.store = Some(store.clone());
    let app = router(state);
    for _ in 0..300 {
        if indexer.status().ready && indexer.status().seq >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    for _ in 0..3 {
        // Not listed (no approved entry): 404, counted under the route all the same.
        get(&app, &format!("/tolk/{number}")).await;
    }
    get(&app, "/sok?language=arabisk").await;
    let (status, headers, page) = get(&app, "/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/plain"));
    let route = [("service", "public"), ("route", "/tolk/{number}"), ("method", "GET")];
    let requests = |page: &str| -> f64 {
        page.lines()
            .filter(|l| {
                l.starts_with("http_requests_total{") && route.iter().all(|(k, v)| l.contains(&format!("{k}=\"{v}\"")))
            })
            .filter_map(|l| l.rsplit_once(' ')?.1.parse::<f64>().ok())
            .sum()
    };
    assert!(requests(&page) >= 3.0, "{page}");
    let latency = sample(&page, "http_request_duration_seconds_count", &route).expect("latency histogram");
    assert!(latency >= 3.0, "{page}");
    assert!(
        sample(
            &page,
            "http_request_duration_seconds_bucket",
            &[("route", "/sok"), ("le", "+Inf")]
        )
        .is_some(),
        "{page}"
    );
    assert!(
        !page.contains(&number.to_string()),
        "no raw path (interpreter number) in: {page}"
    );
    assert!(!page.contains("arabisk"), "no query string in: {page}");
    assert_eq!(sample(&page, "search_index_lag", &[]), Some(0.0), "{page}");

    // Another process (its own connection) writes twice: the index is two changes behind.
    let other = register::Database::open_sqlite(&f.url, Catalogue::bundled())
        .await
        .unwrap();
    other.execute(number, phone("+47 900 00 001"), meta()).await.unwrap();
    other.execute(number, phone("+47 900 00 002"), meta()).await.unwrap();
    let page = get(&app, "/metrics").await.2;
    assert_eq!(sample(&page, "search_index_lag", &[]), Some(2.0), "{page}");
    let head = sample(&page, "change_feed_head_seq", &[]).unwrap();
    assert_eq!(sample(&page, "search_index_applied_seq", &[]), Some(head - 2.0));

    // A write through this process wakes the indexer, which catches up on all of them.
    store.execute(number, phone("+47 900 00 003"), meta()).await.unwrap();
    let mut lag = None;
    for _ in 0..200 {
        let page = get(&app, "/metrics").await.2;
        lag = sample(&page, "search_index_lag", &[]);
        if lag == Some(0.0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(lag, Some(0.0), "the lag falls back to zero once applied");
}

/// Every response carries a request id (the proxy's, or one made here), and the log lines a
/// request causes carry it, as text and as JSON.
#[tokio::test]
async fn request_ids_are_on_responses_and_in_log_lines() {
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Lines {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let index = Arc::new(SearchIndex::open(None, Catalogue::bundled()).unwrap());
    let app = router(AppState::with_index(index));
    for json in [false, true] {
        let lines = Lines::default();
        let writer = lines.clone();
        let _guard = tracing::subscriber::set_default(telemetry::logs("info", json, false, move || writer.clone()));
        // An oversized tip form is refused with a log line, inside the request's span.
        let req = Request::post("/varsle")
            .header("x-request-id", "proxy-id-42")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(vec![b'a'; 2 * 1024 * 1024]))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            res.headers()["x-request-id"],
            "proxy-id-42",
            "the proxy's id is kept and sent back"
        );
        let made = app
            .clone()
            .oneshot(Request::get("/hjelp").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let id = made.headers()["x-request-id"].to_str().unwrap().to_string();
        assert_eq!(id.len(), 36, "a UUID: {id}");
        let text = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
        let line = text
            .lines()
            .find(|l| l.contains("body over the size limit"))
            .unwrap_or_else(|| panic!("no log line in: {text}"));
        if json {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert_eq!(v["span"]["request_id"], "proxy-id-42", "{line}");
        } else {
            assert!(line.contains("request_id=proxy-id-42"), "{line}");
        }
        assert!(!line.contains("/varsle"), "no path in log lines: {line}");
    }
}
