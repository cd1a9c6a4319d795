//! Staff sign-in and sessions: the password login with its CSRF pair, cookie attributes,
//! logout that revokes the token, expired sessions, and CSRF checks on every form.

use crate::common::{Session, TestApp};
use admin::auth::Role;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

fn form_request(path: &str, cookie: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(path)
        .header(header::HOST, "admin.test")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn cookie_value<'a>(set_cookie: &'a str, name: &str) -> Option<&'a str> {
    set_cookie.strip_prefix(&format!("{name}="))?.split(';').next()
}

#[tokio::test]
async fn login_sets_a_strict_cookie_and_logout_revokes_it() {
    let app = TestApp::sqlite().await;
    let form = app.get("/logg-inn", None).await;
    assert_eq!(form.status, StatusCode::OK);
    let login_cookie = form
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("tolkeregister_admin_login="))
        .unwrap();
    let token = cookie_value(&login_cookie, "tolkeregister_admin_login")
        .unwrap()
        .to_string();
    assert!(
        form.body.contains(&format!("value=\"{token}\"")),
        "the form carries the token"
    );

    let forged = app
        .send(form_request(
            "/logg-inn",
            "",
            &format!("csrf={token}&username=kari&password=pw-kari"),
        ))
        .await;
    assert_eq!(
        forged.status,
        StatusCode::FORBIDDEN,
        "a login without the cookie half is refused"
    );

    let cookie = format!("tolkeregister_admin_login={token}");
    let wrong = app
        .send(form_request(
            "/logg-inn",
            &cookie,
            &format!("csrf={token}&username=kari&password=nope"),
        ))
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("Feil brukernavn eller passord") && wrong.body.contains("value=\"kari\""));
    assert!(wrong.cookies().iter().all(|c| !c.starts_with("tolkeregister_admin=")));

    let ok = app
        .send(form_request(
            "/logg-inn",
            &cookie,
            &format!("csrf={token}&username=kari&password=pw-kari"),
        ))
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let session_cookie = ok
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("tolkeregister_admin="))
        .expect("session cookie");
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age=3600"] {
        assert!(session_cookie.contains(attr), "{attr} missing: {session_cookie}");
    }
    let jwt = cookie_value(&session_cookie, "tolkeregister_admin")
        .unwrap()
        .to_string();
    assert_eq!(jwt.split('.').count(), 3, "the session is a JWT");

    let me = app
        .get(
            "/api/v1/me",
            Some(&Session {
                token: jwt.clone(),
                csrf: String::new(),
            }),
        )
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let session = Session {
        token: jwt,
        csrf: me.json()["csrf_token"].as_str().unwrap().to_string(),
    };
    let home = app.get("/", Some(&session)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Arbeidsliste") && home.body.contains("Logg ut"));

    let out = app.post("/logg-ut", Some(&session), &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(
        out.cookies()
            .iter()
            .any(|c| c.starts_with("tolkeregister_admin=;") && c.contains("Max-Age=0"))
    );
    assert_eq!(
        app.get("/", Some(&session)).await.status,
        StatusCode::UNAUTHORIZED,
        "the old token no longer works"
    );
}

#[tokio::test]
async fn forms_need_the_session_csrf_token_and_the_same_origin() {
    let app = TestApp::sqlite().await;
    let kari = app.session_for(Role::Caseworker);
    let per = app.session("per");
    let fields = [("q", "x")];
    assert_eq!(
        app.post_raw("/tolker", Some(&kari), &fields).await.status,
        StatusCode::FORBIDDEN,
        "no token"
    );
    let others = [("csrf", per.csrf.as_str())];
    assert_eq!(
        app.post_raw("/tolker", Some(&kari), &others).await.status,
        StatusCode::FORBIDDEN,
        "another session's token"
    );
    let ok = app.post("/tolker", Some(&kari), &[]).await;
    assert_eq!(
        ok.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "with the token the form is read (and found empty)"
    );

    let cross = Request::builder()
        .method("POST")
        .uri("/tolker")
        .header(header::HOST, "admin.test")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::COOKIE, format!("tolkeregister_admin={}", kari.token))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={}", kari.csrf)))
        .unwrap();
    assert_eq!(app.send(cross).await.status, StatusCode::FORBIDDEN, "cross-origin post");
}

#[tokio::test]
async fn tampered_and_unknown_sessions_are_refused() {
    let app = TestApp::sqlite().await;
    let kari = app.session_for(Role::Caseworker);
    let mut parts: Vec<String> = kari.token.split('.').map(str::to_string).collect();
    parts[2] = parts[2].chars().rev().collect();
    let tampered = Session {
        token: parts.join("."),
        csrf: kari.csrf.clone(),
    };
    assert_eq!(app.get("/", Some(&tampered)).await.status, StatusCode::UNAUTHORIZED);
    let garbage = Session {
        token: "not-a-token".into(),
        csrf: String::new(),
    };
    let reply = app.get("/api/v1/me", Some(&garbage)).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(reply.json()["error"].as_str().unwrap().contains("logge inn"));
    let page = app.get("/tolker", None).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(
        page.body.contains("href=\"/logg-inn\""),
        "the 401 page leads to the login"
    );
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    assert!(
        page.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
}
