//! The staff JSON API's errors: RFC 9457 problem details with a stable `type`, and title and
//! detail in the language asked for (`lang`, else Accept-Language, else bokmål), per status.

use crate::admin_story;
use crate::common;

use crate::common::{Reply, Session, TestApp};
use admin::auth::Role;
use axum::body::Body;
use axum::http::{StatusCode, header};
use register::ui_language::UiLanguage;

async fn ask(
    app: &TestApp,
    method: &str,
    path: &str,
    session: Option<&Session>,
    accept_language: Option<&str>,
    body: Option<serde_json::Value>,
) -> Reply {
    let mut b = TestApp::request(method, path, session);
    if let Some(a) = accept_language {
        b = b.header(header::ACCEPT_LANGUAGE, a);
    }
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            if let Some(s) = session.filter(|_| !path.contains("no-csrf")) {
                b = b.header("x-csrf-token", &s.csrf);
            }
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    app.send(b.body(body).unwrap()).await
}

/// (method, path, session, body, status, code, English title, whether the detail is translated)
type Case<'a> = (
    &'a str,
    &'a str,
    Option<&'a Session>,
    Option<serde_json::Value>,
    StatusCode,
    &'a str,
    &'a str,
    bool,
);

async fn problems_in_each_language(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let ingrid = app.session_for(Role::Statistician);
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let profile = serde_json::json!({"profile": {
        "national_id": common::national_id("010190125"), "given_name": "Leila", "family_name": "Haddad", "preferred_name": null,
        "gender": "female", "county": "03", "phone": "+47 912 34 567", "email": "ikke-epost", "address": null,
        "address_public": false, "availability": "full_time", "work_modes": {"on_site": true, "telephone": false, "video": false}
    }, "reason": "e-post"});
    let cases: Vec<Case> = vec![
        (
            "GET",
            "/api/v1/me",
            None,
            None,
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "Not signed in",
            true,
        ),
        (
            "GET",
            "/api/v1/worklist",
            Some(&ingrid),
            None,
            StatusCode::FORBIDDEN,
            "forbidden",
            "Access denied",
            true,
        ),
        (
            "GET",
            "/api/v1/approvals",
            Some(&kari),
            None,
            StatusCode::FORBIDDEN,
            "forbidden",
            "Access denied",
            true,
        ),
        (
            "GET",
            "/api/v1/interpreters/9999999",
            Some(&kari),
            None,
            StatusCode::NOT_FOUND,
            "not-found",
            "Not found",
            false,
        ),
        (
            "POST",
            "/api/v1/interpreters",
            Some(&kari),
            Some(profile.clone()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "Invalid data",
            false,
        ),
        (
            "POST",
            "/api/v1/approvals/abc/approve",
            Some(&sigrid),
            Some(serde_json::json!({})),
            StatusCode::NOT_FOUND,
            "not-found",
            "Not found",
            false,
        ),
    ];
    // (query, Accept-Language, language expected)
    let asks = [
        ("", None, UiLanguage::Nb),
        ("?lang=nn", None, UiLanguage::Nn),
        ("", Some("en-GB,en;q=0.9"), UiLanguage::En),
        ("?lang=en", Some("nn"), UiLanguage::En),
        ("", Some("nn-NO, nb;q=0.5"), UiLanguage::Nn),
    ];
    for (method, path, session, body, status, code, english, translated) in &cases {
        let mut seen = Vec::new();
        for (query, accept, lang) in asks {
            let url = format!("{path}{query}");
            let a = ask(&app, method, &url, *session, accept, body.clone()).await;
            assert_eq!(a.status, *status, "{method} {url}: {}", a.body);
            assert_eq!(a.headers[header::CONTENT_TYPE], "application/problem+json", "{url}");
            assert_eq!(a.headers[header::CONTENT_LANGUAGE], lang.code(), "{url} {accept:?}");
            let v = a.json();
            assert_eq!(v["type"], format!("urn:tolkeregister:admin-problem:{code}"), "{url}");
            assert_eq!(v["code"], *code);
            assert_eq!(v["status"], status.as_u16());
            let detail = v["detail"].as_str().unwrap().to_string();
            assert!(!detail.is_empty() && v["error"] == detail.as_str());
            if lang == UiLanguage::En {
                assert_eq!(v["title"], *english, "{url}");
            }
            seen.push((v["title"].as_str().unwrap().to_string(), detail));
        }
        let (nb, nn, en) = (&seen[0], &seen[1], &seen[2]);
        assert!(nb.0 != en.0 && (nn.0 != en.0), "{path}: titles {seen:?}");
        if *translated {
            assert!(nb.1 != en.1 && nn.1 != en.1 && nb.1 != nn.1, "{path}: details {seen:?}");
        }
    }
    let invalid = ask(
        &app,
        "POST",
        "/api/v1/interpreters?lang=en",
        Some(&kari),
        None,
        Some(profile),
    )
    .await;
    assert!(invalid.json()["fields"]["email"].is_string(), "{}", invalid.body);
    // Pages are not changed: the staff service's pages stay in bokmål HTML.
    let page = ask(&app, "GET", "/tolker/9999999?lang=en", Some(&kari), Some("en"), None).await;
    assert!(
        page.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}
admin_story!(problem_details, super::problems_in_each_language);
