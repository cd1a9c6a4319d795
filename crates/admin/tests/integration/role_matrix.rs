//! Every route × every role (and no session): allowed routes never answer 401/403, forbidden
//! ones answer 403, and without a session 401. The route list is checked against the source,
//! so a new route cannot be left out.

use crate::admin_story;
use std::collections::BTreeSet;

use crate::common::{Session, TestApp, national_id};
use admin::auth::Role;
use admin::auth::role::{
    Access, Administration, AnyStaff, Casework, Committee, CommitteeSecretariat, Senior, Statistics,
};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

/// Who may use a route; `None` is public.
type Allowed = Option<&'static [Role]>;

const PUBLIC: Allowed = None;
const ANY: Allowed = Some(AnyStaff::ROLES);
const CASEWORK: Allowed = Some(Casework::ROLES);
const SENIOR: Allowed = Some(Senior::ROLES);
const STATISTICS: Allowed = Some(Statistics::ROLES);
const ADMINISTRATION: Allowed = Some(Administration::ROLES);
const SECRETARIAT: Allowed = Some(CommitteeSecretariat::ROLES);
const COMMITTEE: Allowed = Some(Committee::ROLES);

/// (method, route pattern, access). `{number}` becomes a registered interpreter, `{licence}`,
/// `{id}`, `{document}` become 1.
const MATRIX: &[(&str, &str, Allowed)] = &[
    ("get", "/admin.css", PUBLIC),
    ("get", "/theme.css", PUBLIC),
    ("get", "/api/openapi.json", PUBLIC),
    ("get", "/healthz", PUBLIC),
    ("get", "/readyz", PUBLIC),
    ("get", "/metrics", PUBLIC),
    ("get", "/logg-inn", PUBLIC),
    ("post", "/logg-inn", PUBLIC),
    ("post", "/logg-inn/oidc", PUBLIC),
    ("post", "/logg-ut", ANY),
    ("get", "/", ANY),
    ("get", "/tolker", CASEWORK),
    ("post", "/tolker", CASEWORK),
    ("post", "/tolker/sok", CASEWORK),
    ("get", "/tolker/ny", CASEWORK),
    ("get", "/tolker/{number}", CASEWORK),
    ("post", "/tolker/{number}/fodselsnummer", CASEWORK),
    ("get", "/tolker/{number}/opplysninger", CASEWORK),
    ("post", "/tolker/{number}/opplysninger", CASEWORK),
    (
        "get",
        "/tolker/{number}/kvalifikasjoner/{qualification}/avslutt",
        CASEWORK,
    ),
    (
        "post",
        "/tolker/{number}/kvalifikasjoner/{qualification}/avslutt",
        CASEWORK,
    ),
    ("get", "/tolker/{number}/kvalifikasjoner/ny", CASEWORK),
    ("post", "/tolker/{number}/kvalifikasjoner", CASEWORK),
    ("get", "/tolker/{number}/autorisasjonsprover/ny", CASEWORK),
    ("post", "/tolker/{number}/autorisasjonsprover", CASEWORK),
    ("get", "/tolker/{number}/bevillinger/ny", CASEWORK),
    ("post", "/tolker/{number}/bevillinger", CASEWORK),
    ("get", "/tolker/{number}/bevillinger/{licence}/status", CASEWORK),
    ("post", "/tolker/{number}/bevillinger/{licence}/status", CASEWORK),
    ("get", "/tolker/{number}/utestenging", CASEWORK),
    ("post", "/tolker/{number}/utestenging", CASEWORK),
    ("get", "/tolker/{number}/vedtak/ny", CASEWORK),
    ("post", "/tolker/{number}/vedtak", CASEWORK),
    ("get", "/vedtak/{id}", CASEWORK),
    ("get", "/godkjenninger", SENIOR),
    ("post", "/godkjenninger/{id}/godkjenn", SENIOR),
    ("post", "/godkjenninger/{id}/avvis", SENIOR),
    ("get", "/utenlandske-saker", CASEWORK),
    ("post", "/utenlandske-saker", CASEWORK),
    ("get", "/utenlandske-saker/ny", CASEWORK),
    ("get", "/utenlandske-saker/{id}", CASEWORK),
    ("post", "/utenlandske-saker/{id}/kvittering", CASEWORK),
    ("post", "/utenlandske-saker/{id}/dokumenter", CASEWORK),
    ("post", "/utenlandske-saker/{id}/vurdering", CASEWORK),
    ("post", "/utenlandske-saker/{id}/vedtak", CASEWORK),
    ("get", "/varsler", CASEWORK),
    ("post", "/varsler", CASEWORK),
    ("get", "/varsler/ny", CASEWORK),
    ("get", "/varsler/{id}", CASEWORK),
    ("post", "/varsler/{id}/hendelser", CASEWORK),
    ("post", "/varsler/{id}/godkjenn", SENIOR),
    ("post", "/varsler/{id}/avvis", SENIOR),
    ("post", "/varsler/{id}/dokumenter", CASEWORK),
    ("get", "/varsler/{id}/dokumenter/{document}", CASEWORK),
    ("get", "/statistikk", STATISTICS),
    ("get", "/statistikk/varsler", STATISTICS),
    ("get", "/statistikk/varsler.csv", STATISTICS),
    ("get", "/statistikk/dekning", STATISTICS),
    ("get", "/statistikk/ettersporsel", STATISTICS),
    ("post", "/statistikk/ettersporsel", STATISTICS),
    ("get", "/utvalg", SECRETARIAT),
    ("get", "/utvalg/perioder/ny", SECRETARIAT),
    ("post", "/utvalg/perioder", SECRETARIAT),
    ("get", "/utvalg/moter", SECRETARIAT),
    ("post", "/utvalg/moter", SECRETARIAT),
    ("get", "/utvalg/moter/ny", SECRETARIAT),
    ("get", "/utvalg/moter/{id}", SECRETARIAT),
    ("get", "/utvalg/mine", COMMITTEE),
    ("get", "/utvalg/saker/{id}", COMMITTEE),
    ("post", "/utvalg/saker/{id}/inhabilitet", COMMITTEE),
    ("get", "/brukere", ADMINISTRATION),
    ("get", "/api/v1/me", ANY),
    ("post", "/api/v1/interpreters", CASEWORK),
    ("get", "/api/v1/interpreters/{number}", CASEWORK),
    ("get", "/api/v1/interpreters/{number}/history", CASEWORK),
    ("post", "/api/v1/interpreters/{number}/commands", CASEWORK),
    ("get", "/api/v1/worklist", CASEWORK),
    ("get", "/api/v1/approvals", SENIOR),
    ("post", "/api/v1/approvals/{id}/approve", SENIOR),
];

/// Every `.route("PATH", method(` in the crate's source, however it is wrapped.
fn routes_in_source() -> BTreeSet<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![dir];
    let mut found = BTreeSet::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for chunk in text.split(".route(").skip(1) {
            let Some(quoted) = chunk.trim_start().strip_prefix('"') else {
                continue;
            };
            let (route, rest) = quoted.split_once('"').unwrap();
            let method: String = rest
                .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            found.insert((method, route.to_string()));
        }
    }
    found
}

#[test]
fn the_matrix_lists_every_route_in_the_source() {
    let matrix: BTreeSet<(String, String)> = MATRIX.iter().map(|(m, r, _)| (m.to_string(), r.to_string())).collect();
    let source = routes_in_source();
    assert_eq!(matrix.len(), MATRIX.len(), "a route is listed twice");
    let missing: Vec<_> = source.difference(&matrix).collect();
    let stale: Vec<_> = matrix.difference(&source).collect();
    assert!(missing.is_empty(), "routes missing from the role matrix: {missing:?}");
    assert!(
        stale.is_empty(),
        "routes in the matrix but not in the source: {stale:?}"
    );
}

async fn call(app: &TestApp, method: &str, path: &str, session: Option<&Session>) -> StatusCode {
    if path == "/logg-inn" && method == "post" {
        // The login form's own CSRF pair, as a browser that loaded the form would send it.
        let req = Request::builder()
            .method("POST")
            .uri(path)
            .header(header::HOST, "admin.test")
            .header(header::COOKIE, "tolkeregister_admin_login=t0k")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("csrf=t0k&username=&password="))
            .unwrap();
        return app.send(req).await.status;
    }
    match (method, path.starts_with("/api/")) {
        ("get", _) => app.get(path, session).await.status,
        ("post", true) => app.post_json(path, session, &serde_json::json!({})).await.status,
        ("post", false) => app.post(path, session, &[]).await.status,
        other => panic!("unknown method {other:?}"),
    }
}

async fn every_route_for_every_role(app: TestApp) {
    let staff = app.session_for(Role::Caseworker);
    let form = [
        ("source", "paper"),
        ("source_ref", "24/9"),
        ("national_id", &national_id("010190125")),
        ("given_name", "Leila"),
        ("family_name", "Haddad"),
        ("gender", "female"),
        ("county", "03"),
        ("phone", "+47 912 34 567"),
        ("email", "leila@example.no"),
        ("availability", "full_time"),
    ];
    let created = app.post("/tolker", Some(&staff), &form).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let number = created
        .location()
        .trim_start_matches("/tolker/")
        .split('?')
        .next()
        .unwrap()
        .to_string();

    let mut failures = Vec::new();
    for (method, pattern, allowed) in MATRIX {
        let path = pattern
            .replace("{number}", &number)
            .replace("{licence}", "1")
            .replace("{qualification}", "1")
            .replace("{id}", "1")
            .replace("{document}", "1");
        let anonymous = call(&app, method, &path, None).await;
        match allowed {
            None if matches!(anonymous, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) => {
                failures.push(format!("{method} {path} (public) without session: {anonymous}"))
            }
            Some(_) if anonymous != StatusCode::UNAUTHORIZED => {
                failures.push(format!("{method} {path} without session: {anonymous}, expected 401"))
            }
            _ => {}
        }
        let Some(roles) = allowed else { continue };
        for role in Role::ALL {
            let session = app.session_for(role);
            let status = call(&app, method, &path, Some(&session)).await;
            let may = roles.contains(&role);
            let ok = if may {
                !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) && !status.is_server_error()
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !ok {
                failures.push(format!(
                    "{method} {path} as {}: {status}, expected {}",
                    role.as_str(),
                    if may { "allowed" } else { "403" }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "role matrix failures:\n{}", failures.join("\n"));
}
admin_story!(every_route_on, super::every_route_for_every_role);
