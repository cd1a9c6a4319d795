//! Brute-force protection of the password login: failed attempts are limited per username and
//! per client address, the refusal is a Norwegian login page with 429 and Retry-After, and it
//! says the same whether the username exists. The counts live in memory, not in the register,
//! so one backend is enough here.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use common::{Reply, TestApp};

const LOGIN_COOKIE: &str = "tolkeregister_admin_login";

/// A password login from `peer` with a fresh CSRF pair, and an X-Forwarded-For header when
/// `forwarded` is given.
async fn login(app: &TestApp, peer: &str, username: &str, password: &str, forwarded: Option<&str>) -> Reply {
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
    app.send(req.body(Body::from(body)).unwrap()).await
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
    let limit = app.state.settings.login_limits.failures_per_username.get();
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
    assert_eq!(limit, 20);
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
