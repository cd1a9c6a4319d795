//! The statistician's demand import and coverage pages: a bad file imports nothing and shows
//! every bad line, a good file is kept with its name and shows as coverage, the parameters are
//! checked, and caseworkers are kept out.

use crate::admin_story;
use crate::common::{Reply, Session, TestApp};
use admin::auth::{Role, SESSION_COOKIE};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

/// A multipart upload of `file` with `note`; the session's CSRF token when `csrf` is true.
async fn upload(app: &TestApp, session: &Session, csrf: bool, note: &str, file: (&str, &str)) -> Reply {
    let boundary = "----tolkeregister-demand-boundary";
    let mut body = String::new();
    let mut text = |name: &str, value: &str| {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    };
    if csrf {
        text("csrf", &session.csrf);
    }
    text("note", note);
    body.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\n\
         Content-Type: text/csv\r\n\r\n{}\r\n--{boundary}--\r\n",
        file.0, file.1
    ));
    let req = Request::builder()
        .method("POST")
        .uri("/statistikk/ettersporsel")
        .header(header::HOST, "admin.test")
        .header(header::COOKIE, format!("{SESSION_COOKIE}={}", session.token))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    app.send(req).await
}

const BAD: &str = "language;year;assignments\nARB;2022;3500\nklingon;2022;10\nSOM;2022;-7\nARB;2022;1\n";
const GOOD: &str = "# Oppdiktede tall\nlanguage,year,assignments\narabisk,2022,3500\nSOM,2022,700\n";

async fn statistician_imports_demand_and_sees_coverage(app: TestApp) {
    let stats = app.session_for(Role::Statistician);

    let empty = app.get("/statistikk/dekning", Some(&stats)).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty.body.contains("ikke importert etterspørsel ennå"),
        "{}",
        empty.body
    );

    // A bad file: every bad line named, the file's name kept, nothing stored.
    let refused = upload(&app, &stats, true, "første forsøk", ("tolkemonitor.csv", BAD)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    for expected in [
        "tolkemonitor.csv",
        "ingenting er lagret",
        "linje 3: ukjent språk «klingon»",
        "linje 4: antall oppdrag kan ikke være negativt",
        "linje 5: samme språk, år, fylke og sektor står allerede på linje 2",
        "første forsøk",
    ] {
        assert!(
            refused.body.contains(expected),
            "missing {expected:?}: {}",
            refused.body
        );
    }
    assert!(app.state.store.demand_imports().await.unwrap().is_empty());

    // Without the form's token: refused before anything is read.
    let forged = upload(&app, &stats, false, "", ("tolkemonitor.csv", GOOD)).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app.state.store.demand_imports().await.unwrap().is_empty());

    // A caseworker may neither import nor look.
    let caseworker = app.session_for(Role::Caseworker);
    let not_theirs = upload(&app, &caseworker, true, "", ("tolkemonitor.csv", GOOD)).await;
    assert_eq!(not_theirs.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/statistikk/dekning", Some(&caseworker)).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(app.state.store.demand_imports().await.unwrap().is_empty());

    // A good file: stored with its name, listed, and shown as coverage.
    let done = upload(&app, &stats, true, "Tolkemonitor 2022", ("tolkemonitor-2022.csv", GOOD)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let listed = app.get(done.location(), Some(&stats)).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(
        listed.body.contains("Importerte 2 rader fra tolkemonitor-2022.csv"),
        "{}",
        listed.body
    );
    assert!(listed.body.contains("Tolkemonitor 2022"));
    let imports = app.state.store.demand_imports().await.unwrap();
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].imported_by, "staff:ingrid");
    assert_eq!(imports[0].file_name, "tolkemonitor-2022.csv");

    // Nobody is listed in the test register: every language has demand and no interpreter.
    // 3 500 assignments at 1 000 a position and 0.35 a person: 10 Arabic interpreters missing;
    // 700 Somali: 2.
    let page = app.get("/statistikk/dekning?ar=2022", Some(&stats)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for expected in [
        "Etterspørsel uten noen oppført tolk",
        "arabisk (ARB)",
        "somali (SOM)",
        "kapasitetsandel 0,35 årsverk per tolk",
        "oppdrag per årsverk (en antakelse)",
        "Talt som person × språk",
        "Talt som unike personer",
        "Tolker som mangler: <strong>12</strong>",
    ] {
        assert!(page.body.contains(expected), "missing {expected:?}: {}", page.body);
    }
    let arabic_first = page.body.find("arabisk (ARB)").unwrap() < page.body.find("somali (SOM)").unwrap();
    assert!(arabic_first, "ranked by uncovered assignments");

    // Half a position per interpreter: 7 Arabic and 2 Somali missing.
    let half = app.get("/statistikk/dekning?ar=2022&andel=0%2C5", Some(&stats)).await;
    assert_eq!(half.status, StatusCode::OK);
    assert!(
        half.body.contains("Tolker som mangler: <strong>9</strong>"),
        "{}",
        half.body
    );
    assert!(half.body.contains("kapasitetsandel 0,50 årsverk per tolk"));

    for bad in [
        "/statistikk/dekning?andel=0",
        "/statistikk/dekning?andel=1%2C5",
        "/statistikk/dekning?oppdrag=-3",
        "/statistikk/dekning?ar=1999",
    ] {
        let refused = app.get(bad, Some(&stats)).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(refused.body.contains("kan ikke regnes ut"), "{bad}: {}", refused.body);
    }
}
admin_story!(
    demand_and_coverage_on,
    super::statistician_imports_demand_and_sees_coverage
);
