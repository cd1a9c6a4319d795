//! Brute-force protection of the password login: failed attempts are limited per username at
//! an address, per username and per client address, the refusal is a Norwegian login page with 429 and Retry-After, and it
//! says the same whether the username exists. The counts live in the register's database and
//! are shared by every instance; that sharing is tested on both backends.

use crate::admin_story;
use std::net::SocketAddr;

use crate::common::{Reply, TestApp};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};

const LOGIN_COOKIE: &str = "tolkeregister_admin_login";

/// A password login from `peer` with a fresh CSRF pair, and an X-Forwarded-For header when
/// `forwarded` is given.
async fn login(app: &TestApp, peer: &str, username: &str, password: &str, forwarded: Option<&str>) -> Reply {
    login_at(&app.router, peer, username, password, forwarded).await
}

/// [`login`] through `router`, one instance of the service.
async fn login_at(router: &axum::Router, peer: &str, username: &str, password: &str, forwarded: Option<&str>) -> Reply {
    let token = "t0k3n";
    let body = serde_urlencoded::to_string([("csrf", token), ("username", username), ("password", password)]).unwrap();
    let mut req = Request::builder()
        .method("POST")
        .uri("/logg-inn")
        .header(header::HOST, "admin.test")
        .header(header::COOKIE, format!("{LOGIN_COOKIE}={token}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .extension(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
    if let Some(f) = forwarded {
        req = req.header("x-forwarded-for", f);
    }
    let res = tower::ServiceExt::oneshot(router.clone(), req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn retry_after(reply: &Reply) -> u64 {
    reply
        .headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no Retry-After: {:?}", reply.headers))
}

#[tokio::test]
async fn wrong_passwords_are_refused_after_the_limit_without_blocking_others() {
    let app = TestApp::sqlite().await;
    let limit = app.state.settings.login_limits.failures_per_user_at_address.get();
    assert_eq!(limit, 5);
    let peer = "192.0.2.10:5000";
    for _ in 0..limit {
        let wrong = login(&app, peer, "kari", "gjett", None).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    }
    let refused = login(&app, peer, "kari", "gjett", None).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&refused);
    assert!((1..=15 * 60).contains(&wait), "{wait}");
    assert!(refused.body.contains("lang=\"nb\""));
    assert!(
        refused.body.contains("For mange mislykkede innloggingsforsøk. Vent "),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"kari\""), "the username as typed is kept");
    assert!(!refused.body.contains("gjett"), "the password is not");
    let right = login(&app, peer, "kari", "pw-kari", None).await;
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "not even the right password gets through"
    );
    assert!(right.cookies().iter().all(|c| !c.starts_with("tolkeregister_admin=")));

    // Someone else from the same address still gets in: one username's failures are its own.
    let per = login(&app, peer, "per", "pw-per", None).await;
    assert_eq!(per.status, StatusCode::SEE_OTHER, "{}", per.body);
    assert!(per.cookies().iter().any(|c| c.starts_with("tolkeregister_admin=")));

    // A username nobody has is treated the same, so the refusal does not tell who exists.
    let other = "198.51.100.20:5000";
    for _ in 0..limit {
        assert_eq!(
            login(&app, other, "ukjent", "gjett", None).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let unknown = login(&app, other, "ukjent", "gjett", None).await;
    assert_eq!(unknown.status, StatusCode::TOO_MANY_REQUESTS);
    let page = |r: &Reply| r.body.replace("ukjent", "kari");
    assert_eq!(page(&unknown), page(&refused));
}

#[tokio::test]
async fn one_address_is_refused_after_failures_for_many_usernames() {
    let app = TestApp::sqlite().await;
    let limit = app.state.settings.login_limits.failures_per_address.get();
    assert_eq!(limit, 50);
    let peer = "[2001:db8:7:7::1]:443";
    for i in 0..limit {
        // X-Forwarded-For is not trusted by default: a made-up address changes nothing.
        let forwarded = format!("203.0.113.{i}");
        let wrong = login(&app, peer, &format!("bruker{i}"), "gjett", Some(&forwarded)).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    }
    // The same /64 counts as one client.
    let sigrid = login(&app, "[2001:db8:7:7:ffff::2]:443", "sigrid", "pw-sigrid", None).await;
    assert_eq!(sigrid.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&sigrid) >= 1);
    let elsewhere = login(&app, "[2001:db8:7:8::1]:443", "sigrid", "pw-sigrid", None).await;
    assert_eq!(
        elsewhere.status,
        StatusCode::SEE_OTHER,
        "another network is not held back"
    );
}

/// Behind an office proxy every member of staff arrives from one address. Many failures there
/// (colleagues mistyping, or someone guessing one colleague's password) must not lock out the
/// others: the tight limit is per user name at the address.
#[tokio::test]
async fn failures_of_some_staff_behind_one_proxy_do_not_lock_out_the_others() {
    let app = TestApp::sqlite().await;
    let proxy = "10.20.30.40:443";
    // Kari's password is guessed until her allowance at this address is used up, and the
    // guesser keeps trying; then eight colleagues each mistype three times.
    for _ in 0..30 {
        let reply = login(&app, proxy, "kari", "gjett", None).await;
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(&reply.status),
            "{:?}",
            reply.status
        );
    }
    for i in 0..8 {
        for _ in 0..3 {
            let reply = login(&app, proxy, &format!("kollega{i}"), "feil", None).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        }
    }
    let kari = login(&app, proxy, "kari", "pw-kari", None).await;
    assert_eq!(
        kari.status,
        StatusCode::TOO_MANY_REQUESTS,
        "kari is held back at this address"
    );
    let per = login(&app, proxy, "per", "pw-per", None).await;
    assert_eq!(
        per.status,
        StatusCode::SEE_OTHER,
        "per gets in from the same address: {}",
        per.body
    );
    let kari_at_home = login(&app, "198.51.100.7:5000", "kari", "pw-kari", None).await;
    assert_eq!(
        kari_at_home.status,
        StatusCode::SEE_OTHER,
        "kari gets in from elsewhere"
    );
}

/// HSTS on the staff service: behind a trusted proxy, on requests it received over HTTPS.
#[tokio::test]
async fn strict_transport_security_follows_the_trusted_proxy() {
    use admin::Settings;

    let app = TestApp::sqlite().await;
    let hsts_on = async |hsts: throttle::Hsts, proto: &str| {
        let mut state = app.state.clone();
        state.settings = std::sync::Arc::new(Settings {
            hsts,
            ..Settings::default()
        });
        let req = Request::get("/logg-inn")
            .header("x-forwarded-proto", proto)
            .body(Body::empty())
            .unwrap();
        let res = tower::ServiceExt::oneshot(admin::router(state), req).await.unwrap();
        res.headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .map(|v| v.to_str().unwrap().to_string())
    };
    let trusted = throttle::Hsts::configure(None, true).unwrap();
    assert_eq!(
        hsts_on(trusted.clone(), "https").await.as_deref(),
        Some(throttle::DEFAULT_POLICY)
    );
    assert_eq!(hsts_on(trusted, "http").await, None);
    assert_eq!(hsts_on(throttle::Hsts::off(), "https").await, None);
}

/// Two instances of the staff service on one database (replicas behind a load balancer) share
/// the counts: failures spread over both use up one allowance, on both.
async fn two_instances_share_the_failure_counts(app: TestApp) {
    let other = app.replica();
    let peer = "192.0.2.44:5000";
    for i in 0..5 {
        let router = if i % 2 == 0 { &app.router } else { &other };
        let wrong = login_at(router, peer, "kari", "gjett", None).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    for router in [&app.router, &other] {
        let refused = login_at(router, peer, "kari", "pw-kari", None).await;
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{}", refused.body);
        assert!(retry_after(&refused) >= 1);
    }
    let per = login_at(&other, peer, "per", "pw-per", None).await;
    assert_eq!(per.status, StatusCode::SEE_OTHER, "{}", per.body);
}

admin_story!(shared_by_instances, super::two_instances_share_the_failure_counts);

/// `/metrics` on the staff service: refused logins by reason, and requests per route template.
#[tokio::test]
async fn login_refusals_and_requests_are_counted_in_metrics() {
    let app = TestApp::sqlite().await;
    let peer = "192.0.2.77:5000";
    for _ in 0..6 {
        login(&app, peer, "metrikk", "gjett", None).await;
    }
    let page = app.get("/metrics", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let value = |name: &str, needles: &[&str]| -> f64 {
        page.body
            .lines()
            .filter(|l| l.starts_with(name) && needles.iter().all(|n| l.contains(n)))
            .filter_map(|l| l.rsplit_once(' ')?.1.parse::<f64>().ok())
            .sum()
    };
    // Other tests in this binary count too, so at least ours.
    assert!(
        value("admin_login_refusals_total{", &["reason=\"wrong_password\""]) >= 5.0,
        "{}",
        page.body
    );
    assert!(
        value("admin_login_refusals_total{", &["reason=\"throttled\""]) >= 1.0,
        "{}",
        page.body
    );
    let route = ["service=\"admin\"", "route=\"/logg-inn\"", "method=\"POST\""];
    assert!(value("http_requests_total{", &route) >= 6.0, "{}", page.body);
    assert!(
        value("http_request_duration_seconds_count{", &route) >= 6.0,
        "{}",
        page.body
    );
    assert!(!page.body.contains("metrikk"), "no user name in metrics");
    assert!(!page.body.contains("192.0.2.77"), "no address in metrics");
}
