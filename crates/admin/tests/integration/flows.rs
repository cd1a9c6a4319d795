//! The staff flows over HTTP on both backends: register an interpreter (bad input kept and
//! explained), qualify, decide, license, revoke with four eyes, foreign case, letters.

use crate::admin_story;
use crate::common::{Session, TestApp, national_id};
use admin::auth::Role;
use axum::http::StatusCode;
use register::Timestamp;
use register::casework::ApprovalStatus;

fn today() -> String {
    Timestamp::now().date().to_string()
}

/// The category shown in the dossier for Arabic, in the table with `id`.
async fn shown_category(app: &TestApp, session: &Session, number: &str, table: &str) -> String {
    let page = app.get(&format!("/tolker/{number}"), Some(session)).await;
    assert_eq!(page.status, StatusCode::OK);
    let start = page
        .body
        .find(&format!("<table id=\"{table}\""))
        .unwrap_or_else(|| panic!("no {table} table"));
    let rest = &page.body[start..];
    let cell = rest.split("data-language=\"ARB\">").nth(1).expect("an Arabic row");
    cell.split('<').next().unwrap().to_string()
}

/// A complete registration form for `given_name` with national identity number `id`.
fn registration<'a>(id: &'a str, given_name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("source", "paper"),
        ("source_ref", "24/1234"),
        ("national_id", id),
        ("given_name", given_name),
        ("family_name", "Haddad"),
        ("gender", "female"),
        ("county", "46"),
        ("phone", "+47 912 34 567"),
        ("email", "leila@example.no"),
        ("availability", "part_time"),
        ("on_site", "on"),
    ]
}

async fn register(app: &TestApp, kari: &Session) -> String {
    let mut bad = registration("15076500566", "Leila");
    for (field, value) in &mut bad {
        match *field {
            "family_name" => *value = "",
            "phone" => *value = "12ab",
            _ => {}
        }
    }
    let rejected = app.post("/tolker", Some(kari), &bad).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        rejected.body.contains("id=\"national_id-error\""),
        "error next to the field"
    );
    assert!(rejected.body.contains("kontrollsiffer"));
    assert!(rejected.body.contains("id=\"family_name-error\""));
    assert!(rejected.body.contains("id=\"phone-error\""));
    assert!(rejected.body.contains("value=\"Leila\""), "what was typed is kept");
    assert!(rejected.body.contains("value=\"leila@example.no\""));
    assert!(app.state.store.is_empty().await.unwrap(), "nothing saved");

    let id = national_id("010190125");
    let created = app.post("/tolker", Some(kari), &registration(&id, "Leila")).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    created
        .location()
        .trim_start_matches("/tolker/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn add(app: &TestApp, s: &Session, number: &str, kind: &str, language: &str) {
    let r = app
        .post(
            &format!("/tolker/{number}/kvalifikasjoner"),
            Some(s),
            &[
                ("kind", kind),
                ("language", language),
                ("completed_on", "2023-05-01"),
                ("institution", "OsloMet"),
                ("evidence_ref", "ARK-2024-17"),
                ("reason", "Kopi av vitnemål mottatt"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{kind}: {}", r.body);
}

/// The flow of the issue: register, qualify, see the derived category, approve the entry,
/// license (category rises), revoke with four eyes (category falls), history says who and why.
async fn register_qualify_license_revoke(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let number = register(&app, &kari).await;

    add(&app, &kari, &number, "tao_course", "").await;
    add(&app, &kari, &number, "bilingual_test", "ARB").await;
    assert_eq!(shown_category(&app, &kari, &number, "derived").await, "E");
    let bad = app
        .post(
            &format!("/tolker/{number}/kvalifikasjoner"),
            Some(&kari),
            &[("kind", "bachelor"), ("completed_on", "2023-02-30")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"language-error\"") && bad.body.contains("id=\"completed_on-error\""));
    assert!(bad.body.contains("value=\"2023-02-30\""));

    let decision = app
        .post(
            &format!("/tolker/{number}/vedtak"),
            Some(&kari),
            &[
                ("kind", "approve_entry"),
                ("language", "ARB"),
                ("reasons", "Søkeren har bestått Tospråktesten og TAO."),
                ("legal_basis", "tolkeloven § 17"),
                ("decided_on", &today()),
                ("letter_language", "nn"),
            ],
        )
        .await;
    assert_eq!(decision.status, StatusCode::SEE_OTHER, "{}", decision.body);
    let letter = app.get(decision.location(), Some(&kari)).await;
    assert!(
        letter
            .body
            .contains("ført opp i Nasjonalt tolkeregister for arabisk i kategori E"),
        "{}",
        letter.body
    );
    assert!(letter.body.contains("Grunngiving") && letter.body.contains("tre veker"));
    assert_eq!(shown_category(&app, &kari, &number, "entries").await, "E");

    add(&app, &kari, &number, "foundation_course", "ARB").await;
    assert_eq!(shown_category(&app, &kari, &number, "entries").await, "D");
    let licence = app
        .post(
            &format!("/tolker/{number}/bevillinger"),
            Some(&kari),
            &[
                ("language", "ARB"),
                ("granted_on", &today()),
                ("decision_ref", "24/00321"),
                ("reason", "Bestått autorisasjonsprøven"),
            ],
        )
        .await;
    assert_eq!(licence.status, StatusCode::SEE_OTHER, "{}", licence.body);
    assert_eq!(
        shown_category(&app, &kari, &number, "entries").await,
        "B",
        "the category rises"
    );

    let revoke = app
        .post(
            &format!("/tolker/{number}/bevillinger/1/status"),
            Some(&kari),
            &[("status", "revoked"), ("reason", "Alvorlig brudd, sak 24/77")],
        )
        .await;
    assert_eq!(revoke.status, StatusCode::SEE_OTHER, "{}", revoke.body);
    assert!(revoke.location().ends_with("ok=awaiting"));
    assert_eq!(
        shown_category(&app, &kari, &number, "entries").await,
        "B",
        "no effect before approval"
    );
    assert_eq!(
        app.get("/godkjenninger", Some(&kari)).await.status,
        StatusCode::FORBIDDEN
    );

    let pending = app.state.store.approvals(ApprovalStatus::Pending).await.unwrap();
    let id = pending[0].id;
    let queue = app.get("/godkjenninger", Some(&sigrid)).await;
    assert!(queue.body.contains("Tilbakekall av bevilling nr. 1"));
    let approved = app
        .post(&format!("/godkjenninger/{id}/godkjenn"), Some(&sigrid), &[])
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert_eq!(
        shown_category(&app, &kari, &number, "entries").await,
        "D",
        "the category falls"
    );

    let page = app.get(&format!("/tolker/{number}"), Some(&kari)).await;
    assert!(
        page.body.contains("godkjent av staff:sigrid"),
        "history names both people"
    );
    assert!(page.body.contains("Alvorlig brudd, sak 24/77"));
    let feed = app.state.store.changes_since(0, 100).await.unwrap();
    assert_eq!(feed.len(), 7, "every change is in the change feed");
}
admin_story!(issue_flow_on, super::register_qualify_license_revoke);

/// A senior's own request needs another senior; the page says so and nothing changes.
async fn own_requests_cannot_be_approved(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let nils = app.session("nils");
    let number = register(&app, &kari).await;
    let r = app
        .post(
            &format!("/tolker/{number}/utestenging"),
            Some(&sigrid),
            &[("action", "suspend"), ("reason", "Varselsak VAR-2024-00012 pågår")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no entries to suspend yet: {}",
        r.body
    );
    assert!(r.body.contains("Endringen ble ikke gjort"));

    add(&app, &kari, &number, "bachelor", "ARB").await;
    app.state
        .store
        .execute(
            number.parse().unwrap(),
            register::Command::ApproveEntry {
                language: "ARB".parse().unwrap(),
            },
            register::ChangeMeta::now("staff:kari", "vedtak"),
        )
        .await
        .unwrap();
    let r = app
        .post(
            &format!("/tolker/{number}/utestenging"),
            Some(&sigrid),
            &[("action", "suspend"), ("reason", "Varselsak VAR-2024-00012 pågår")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let id = app.state.store.approvals(ApprovalStatus::Pending).await.unwrap()[0].id;
    let own = app
        .post(&format!("/godkjenninger/{id}/godkjenn"), Some(&sigrid), &[])
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    assert!(own.body.contains("egen forespørsel"));
    let rejected = app
        .post(
            &format!("/godkjenninger/{id}/avvis"),
            Some(&nils),
            &[(&format!("note-{id}"), "")],
        )
        .await;
    assert_eq!(
        rejected.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a rejection needs a note"
    );
    let approved = app
        .post(&format!("/godkjenninger/{id}/godkjenn"), Some(&nils), &[])
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/tolker/{number}"), Some(&kari)).await;
    assert!(page.body.contains("midlertidig utestengt"));
}
admin_story!(own_request_on, super::own_requests_cannot_be_approved);

/// Exclusion for a period or permanently needs three warnings in five years or a substantial
/// breach established in a tip case (tolkeloven § 21): the staff form, the JSON API and the
/// approval of a request recorded earlier all refuse it for an interpreter with neither, and
/// the interpreter stays listed. Suspension while a case runs still goes to approval.
async fn exclusion_needs_grounds(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let nils = app.session("nils");
    let number = register(&app, &kari).await;
    add(&app, &kari, &number, "bachelor", "ARB").await;
    let n: register::InterpreterNumber = number.parse().unwrap();
    let listed = || async {
        app.state
            .store
            .record(n)
            .await
            .unwrap()
            .unwrap()
            .is_listed_on(Timestamp::now().date())
    };
    app.state
        .store
        .execute(
            n,
            register::Command::ApproveEntry {
                language: "ARB".parse().unwrap(),
            },
            register::ChangeMeta::now("staff:kari", "vedtak"),
        )
        .await
        .unwrap();

    let form = app.get(&format!("/tolker/{number}/utestenging"), Some(&sigrid)).await;
    assert!(
        form.body.contains("tolkeloven § 21"),
        "the form says what an exclusion needs"
    );
    let until = (Timestamp::now().date() + time::Duration::days(90)).to_string();
    for fields in [
        vec![
            ("action", "exclude_until"),
            ("until", until.as_str()),
            ("reason", "Brudd på taushetsplikten"),
        ],
        vec![
            ("action", "exclude_permanently"),
            ("reason", "Brudd på taushetsplikten"),
        ],
    ] {
        let r = app
            .post(&format!("/tolker/{number}/utestenging"), Some(&sigrid), &fields)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}: {}", r.body);
        assert!(
            r.body.contains("Endringen ble ikke gjort") && r.body.contains("tolkeloven § 21"),
            "{}",
            r.body
        );
        assert!(r.body.contains("Brudd på taushetsplikten"), "what was typed is kept");
    }
    let api = app
        .post_json(
            &format!("/api/v1/interpreters/{number}/commands"),
            Some(&sigrid),
            &serde_json::json!({ "command": { "command": "exclude", "until": null }, "reason": "brudd" }),
        )
        .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", api.body);
    assert!(api.json()["error"].as_str().unwrap().contains("tolkeloven § 21"));
    assert!(
        app.state
            .store
            .approvals(ApprovalStatus::Pending)
            .await
            .unwrap()
            .is_empty()
    );

    // A request already waiting (recorded before the rule held) is refused on approval.
    let old = app
        .state
        .store
        .request_approval(n, &register::Command::Exclude { until: None }, "brudd", "staff:sigrid")
        .await
        .unwrap();
    let approved = app
        .post(&format!("/godkjenninger/{}/godkjenn", old.id), Some(&nils), &[])
        .await;
    assert_eq!(approved.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", approved.body);
    assert!(approved.body.contains("tolkeloven § 21"), "{}", approved.body);
    let by_api = app
        .post_json(
            &format!("/api/v1/approvals/{}/approve", old.id),
            Some(&nils),
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(by_api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", by_api.body);
    assert!(by_api.json()["error"].as_str().unwrap().contains("tolkeloven § 21"));
    assert_eq!(
        app.state.store.approval(old.id).await.unwrap().unwrap().status,
        ApprovalStatus::Pending
    );
    assert!(listed().await, "still listed, so still found in search");

    let suspend = app
        .post(
            &format!("/tolker/{number}/utestenging"),
            Some(&sigrid),
            &[("action", "suspend"), ("reason", "Varselsak pågår")],
        )
        .await;
    assert_eq!(suspend.status, StatusCode::SEE_OTHER, "{}", suspend.body);
    assert!(suspend.location().ends_with("ok=awaiting"));
}
admin_story!(exclusion_grounds_on, super::exclusion_needs_grounds);

/// A national identity number whose birth date cannot exist is refused with the reason, even
/// with valid check digits; a D-number (day + 40) for a real date is accepted.
async fn impossible_birth_dates(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    for impossible in ["30029910088", "29029910039"] {
        let r = app
            .post("/tolker", Some(&kari), &registration(impossible, "Leila"))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{impossible}: {}", r.body);
        assert!(
            r.body.contains("id=\"national_id-error\"") && r.body.contains("ugyldig dato"),
            "{}",
            r.body
        );
    }
    assert!(app.state.store.is_empty().await.unwrap(), "nothing saved");
    let d_number = app
        .post("/tolker", Some(&kari), &registration("69029610150", "Leila"))
        .await;
    assert_eq!(d_number.status, StatusCode::SEE_OTHER, "{}", d_number.body);
}
admin_story!(impossible_birth_dates_on, super::impossible_birth_dates);

/// State authorisation exists only for spoken languages: the licence and authorisation-test
/// forms offer no sign language, speech-to-text or deafblind interpreting, and the register
/// refuses a licence for them when one is posted anyway.
async fn no_licence_for_sign_language(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let number = register(&app, &kari).await;
    for path in ["bevillinger/ny", "autorisasjonsprover/ny"] {
        let form = app.get(&format!("/tolker/{number}/{path}"), Some(&kari)).await;
        assert_eq!(form.status, StatusCode::OK, "{path}");
        assert!(form.body.contains("value=\"ARB\""), "{path} offers spoken languages");
        for code in ["NSL", "QTT", "QDB"] {
            assert!(
                !form.body.contains(&format!("value=\"{code}\"")),
                "{path} offers {code}"
            );
        }
    }
    let r = app
        .post(
            &format!("/tolker/{number}/bevillinger"),
            Some(&kari),
            &[
                ("language", "NSL"),
                ("granted_on", "2024-01-10"),
                ("decision_ref", "24/99"),
                ("reason", "Vedtak om bevilling"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("statsautorisasjon finnes bare for talespråk"),
        "{}",
        r.body
    );
    let record = app.state.store.record(number.parse().unwrap()).await.unwrap().unwrap();
    assert!(record.licences.is_empty());
}
admin_story!(no_licence_for_sign_language_on, super::no_licence_for_sign_language);

/// A national identity number never goes into an address: the search form posts (with its
/// CSRF token), and a GET that carries one is neither searched nor echoed but sent to the form.
async fn national_id_search_stays_out_of_the_url(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let number = register(&app, &kari).await;
    let id = national_id("010190125");

    let form = app.get("/tolker", Some(&kari)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains(r#"<form method="post" action="/tolker/sok">"#),
        "{}",
        form.body
    );
    assert!(!form.body.contains(r#"method="get""#));

    let found = app.post("/tolker/sok", Some(&kari), &[("q", &id)]).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert!(
        found.body.contains(&format!("href=\"/tolker/{number}\"")),
        "the number finds the interpreter"
    );
    let no_token = app.post_raw("/tolker/sok", Some(&kari), &[("q", &id)]).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);

    let spaced = format!("{} {}", &id[..6], &id[6..]);
    let with_name = format!("Leila {id}");
    for q in [id.as_str(), spaced.as_str(), with_name.as_str()] {
        let path = format!("/tolker?q={}", q.replace(' ', "+"));
        let moved = app.get(&path, Some(&kari)).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{q}: {}", moved.body);
        assert_eq!(moved.location(), "/tolker?sok=fnr");
        assert!(!moved.body.contains(&id[6..]), "not echoed");
    }
    let notice = app.get("/tolker?sok=fnr", Some(&kari)).await;
    assert!(notice.body.contains("Fødselsnummer søkes ikke fra adressefeltet"));
    assert!(!notice.body.contains(&id));

    let by_name = app.get("/tolker?q=Haddad", Some(&kari)).await;
    assert_eq!(by_name.status, StatusCode::OK);
    assert!(
        by_name.body.contains(&format!("href=\"/tolker/{number}\"")),
        "names still work from a link"
    );
}
admin_story!(national_id_search_on, super::national_id_search_stays_out_of_the_url);

/// A foreign case from intake to a bokmål letter, with deadlines on the work list.
async fn foreign_case_flow(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let number = register(&app, &kari).await;
    let long_ago = (Timestamp::now().date() - time::Duration::days(45)).to_string();
    let missing = app.post("/utenlandske-saker", Some(&kari), &[("tolk", &number)]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("id=\"country-error\"") && missing.body.contains(&format!("value=\"{number}\"")));
    let opened = app
        .post(
            "/utenlandske-saker",
            Some(&kari),
            &[
                ("tolk", &number),
                ("language", "ARB"),
                ("country", "Egypt"),
                ("institution", "Cairo University"),
                ("title", "BA in Interpreting"),
                ("completed_on", "2019-06-30"),
                ("received_on", &long_ago),
                ("assigned_to", "kari"),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let case = opened.location().to_string();

    let home = app.get("/", Some(&kari)).await;
    assert!(
        home.body.contains("Fristen er oversittet (1)"),
        "acknowledgement is overdue"
    );
    assert!(home.body.contains("Mine saker om utenlandsk kvalifikasjon (1)"));
    let worklist = app.get("/api/v1/worklist", Some(&kari)).await.json();
    assert_eq!(worklist["overdue"][0]["kind"], "acknowledge");

    assert_eq!(
        app.post(
            &format!("{case}/kvittering"),
            Some(&kari),
            &[("acknowledged_on", &today())]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let early = app
        .post(
            &format!("{case}/vurdering"),
            Some(&kari),
            &[("equivalent", "bachelor"), ("assessment", "ok")],
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("ikke komplett"));
    let docs: Vec<(&str, &str)> = [
        "diploma",
        "transcript",
        "course_description",
        "norwegian_proficiency",
        "identity",
    ]
    .iter()
    .map(|d| (*d, "on"))
    .chain([("documents_on", "")])
    .collect();
    let bad_date = app.post(&format!("{case}/dokumenter"), Some(&kari), &docs).await;
    assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut docs = docs;
    docs.pop();
    let today = today();
    docs.push(("documents_on", &today));
    assert_eq!(
        app.post(&format!("{case}/dokumenter"), Some(&kari), &docs).await.status,
        StatusCode::SEE_OTHER
    );
    let home = app.get("/", Some(&kari)).await;
    assert!(home.body.contains("Fristen er oversittet (0)"));
    assert_eq!(
        app.post(
            &format!("{case}/vurdering"),
            Some(&kari),
            &[("equivalent", "bachelor"), ("assessment", "180 studiepoeng tolking")]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let decided = app
        .post(
            &format!("{case}/vedtak"),
            Some(&kari),
            &[
                ("outcome", "approved"),
                ("reasons", "Tilsvarer bachelor i tolking."),
                ("legal_basis", "yrkeskvalifikasjonsloven"),
                ("decided_on", &today),
                ("letter_language", "nb"),
            ],
        )
        .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    let letter = app.get(decided.location(), Some(&kari)).await;
    assert!(
        letter
            .body
            .contains("godkjent utdanningen din fra utlandet som likeverdig med bachelorgrad i tolking"),
        "{}",
        letter.body
    );
    assert!(letter.body.contains("tre uker") && letter.body.contains("Arbeids- og inkluderingsdepartementet"));
    assert_eq!(
        shown_category(&app, &kari, &number, "derived").await,
        "B",
        "approved foreign bachelor gives B"
    );
}
admin_story!(foreign_case_on, super::foreign_case_flow);

/// The JSON API: register with field errors, make changes, four-eyes returns 202.
async fn json_api(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let me = app.get("/api/v1/me", Some(&kari)).await.json();
    assert_eq!(me["roles"][0], "caseworker");
    let profile = serde_json::json!({
        "national_id": national_id("010190125"), "given_name": "Leila", "family_name": "Haddad", "preferred_name": null,
        "gender": "female", "county": "03", "phone": "+47 912 34 567", "email": "ikke-epost", "address": null,
        "address_public": false, "availability": "full_time", "work_modes": {"on_site": true, "telephone": false, "video": false}
    });
    let bad = app
        .post_json(
            "/api/v1/interpreters",
            Some(&kari),
            &serde_json::json!({"profile": profile, "reason": "e-post"}),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.json()["fields"]["email"].is_string());
    let mut good = profile.clone();
    good["email"] = "leila@example.no".into();
    let created = app
        .post_json(
            "/api/v1/interpreters",
            Some(&kari),
            &serde_json::json!({"profile": good, "reason": "e-post"}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let number = created.json()["number"].as_str().unwrap().to_string();
    let command = serde_json::json!({"command": {"command": "suspend"}, "reason": "varsel 24/5"});
    let refused = app
        .post_json(
            &format!("/api/v1/interpreters/{number}/commands"),
            Some(&kari),
            &command,
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no entry to suspend: {}",
        refused.body
    );
    let no_csrf = app
        .post_json(
            &format!("/api/v1/interpreters/{number}/commands"),
            Some(&Session {
                csrf: "x".into(),
                ..kari.clone()
            }),
            &command,
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    let history = app
        .get(&format!("/api/v1/interpreters/{number}/history"), Some(&kari))
        .await
        .json();
    assert_eq!(history[0]["action"], "register_interpreter");
    assert!(
        !history.to_string().contains(&national_id("010190125")),
        "no identity number in the audit trail"
    );
}
admin_story!(json_api_on, super::json_api);

/// A second interpreter with a national identity number already in the register is refused
/// with the form as typed and the other interpreter's number, and nothing is saved.
async fn duplicate_national_id_is_refused(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let number = register(&app, &kari).await;
    let feed = app.state.store.changes_since(0, 100).await.unwrap();
    let id = national_id("010190125");
    let twice = app.post("/tolker", Some(&kari), &registration(&id, "Samira")).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.body);
    assert!(
        twice
            .body
            .contains(&format!("Fødselsnummeret er allerede registrert på tolk nr. {number}.")),
        "{}",
        twice.body
    );
    assert!(
        twice.body.contains("id=\"national_id-error\""),
        "error next to the field"
    );
    assert!(twice.body.contains("value=\"Samira\""), "what was typed is kept");
    assert_eq!(
        app.state.store.changes_since(0, 100).await.unwrap(),
        feed,
        "nothing saved"
    );

    // Through the API: a second interpreter, then an attempt to give them the first one's number.
    let first = app
        .get(&format!("/api/v1/interpreters/{number}"), Some(&kari))
        .await
        .json();
    let mut other = first["profile"].clone();
    other["national_id"] = national_id("020285123").into();
    let second = app
        .post_json(
            "/api/v1/interpreters",
            Some(&kari),
            &serde_json::json!({"profile": other, "reason": "søknad 24/7"}),
        )
        .await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.body);
    let second = second.json()["number"].as_str().unwrap().to_string();
    let command = serde_json::json!({
        "command": {"command": "update_profile", "profile": first["profile"]},
        "reason": "retting",
    });
    let taken = app
        .post_json(
            &format!("/api/v1/interpreters/{second}/commands"),
            Some(&kari),
            &command,
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT, "{}", taken.body);
    assert_eq!(
        taken.json()["error"],
        format!("Fødselsnummeret er allerede registrert på tolk nr. {number}.")
    );
    assert!(!taken.body.contains(&id), "the number itself is not echoed");
}
admin_story!(duplicate_national_id_on, super::duplicate_national_id_is_refused);

/// A national identity number is masked on the dossier (birth date and stars); the whole number
/// is shown only on request with a reason, and every reveal is in the interpreter's history with
/// who and why (issue 13, item 11).
async fn national_id_is_masked_until_revealed_with_a_reason(app: TestApp) {
    let kari = app.session("kari");
    let number = register(&app, &kari).await;
    let id = national_id("010190125");
    let page = app.get(&format!("/tolker/{number}"), Some(&kari)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(&id), "the whole number is not on the page");
    assert!(page.body.contains("010190*****"), "{}", page.body);
    assert!(page.body.contains("Vis hele fødselsnummeret"));

    let path = format!("/tolker/{number}/fodselsnummer");
    let refused = app.post(&path, Some(&kari), &[("reason", " ")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Skriv hvorfor du trenger å se fødselsnummeret."));
    assert!(!refused.body.contains(&id), "no reason, no number");
    let unprotected = app
        .post_raw(&path, Some(&kari), &[("reason", "Kontroll mot søknad")])
        .await;
    assert_eq!(
        unprotected.status,
        StatusCode::FORBIDDEN,
        "the form needs its CSRF token"
    );

    let shown = app
        .post(&path, Some(&kari), &[("reason", "Kontroll mot søknad 24/1234")])
        .await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert!(shown.body.contains(&id), "the whole number after the request");
    assert!(shown.body.contains("Visningen er logget"));
    let number: register::InterpreterNumber = number.parse().unwrap();
    let history = app.state.store.history(number).await.unwrap();
    let reveals: Vec<_> = history.iter().filter(|h| h.action == "reveal_national_id").collect();
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0].actor, "staff:kari");
    assert_eq!(reveals[0].reason, "Kontroll mot søknad 24/1234");
    assert_eq!(reveals[0].change_seq, None, "a read, not a change");
    let again = app.get(&format!("/tolker/{number}"), Some(&kari)).await;
    assert!(!again.body.contains(&id), "masked again on the next visit");
    assert!(again.body.contains("Fødselsnummer vist") && again.body.contains("Kontroll mot søknad 24/1234"));
}
admin_story!(
    national_id_reveal_on,
    super::national_id_is_masked_until_revealed_with_a_reason
);

/// Staff find a person by a partial or misspelt name, by e-mail or phone, and narrow by county,
/// language and status; a filter no form offers is refused with a message (issue 13, item 9).
async fn people_are_found_by_partial_and_misspelt_names_and_contact_details(app: TestApp) {
    let kari = app.session("kari");
    register(&app, &kari).await;
    let qasim = national_id("020285123");
    let created = app.post("/tolker", Some(&kari), &registration(&qasim, "Qasim")).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let find = |fields: Vec<(&'static str, &'static str)>| {
        let (app, kari) = (&app, &kari);
        async move { app.post("/tolker/sok", Some(kari), &fields).await }
    };
    let names = |body: &str| -> Vec<String> {
        let Some(start) = body.find("<table id=\"hits\"") else {
            return Vec::new();
        };
        body[start..]
            .split("<tr>")
            .skip(2)
            .filter_map(|row| row.split("<td>").nth(2)?.split('<').next().map(str::to_string))
            .collect()
    };

    let found = find(vec![("q", "Qasm")]).await;
    assert_eq!(found.status, StatusCode::OK);
    assert_eq!(names(&found.body), ["Qasim Haddad"], "one letter left out");
    assert_eq!(
        names(&find(vec![("q", "Haddda")]).await.body),
        ["Leila Haddad", "Qasim Haddad"]
    );
    assert_eq!(
        names(&find(vec![("q", "lei had")]).await.body),
        ["Leila Haddad"],
        "beginnings of words"
    );
    assert_eq!(
        names(&find(vec![("q", "LEILA@example.no")]).await.body).len(),
        2,
        "both share the address"
    );
    assert_eq!(names(&find(vec![("q", "912 34 567")]).await.body).len(), 2, "by phone");
    assert!(names(&find(vec![("q", "Hansen")]).await.body).is_empty());

    assert_eq!(
        names(&find(vec![("q", "Haddad"), ("county", "46")]).await.body).len(),
        2
    );
    let elsewhere = find(vec![("q", "Haddad"), ("county", "03")]).await;
    assert!(elsewhere.body.contains("Ingen tolker passer søket."));
    let no_language = find(vec![("q", ""), ("language", "ARB")]).await;
    assert!(names(&no_language.body).is_empty(), "neither has an Arabic entry yet");
    let bad = find(vec![("q", "Haddad"), ("category", "Z")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("Kategorien må være A, B, C, D eller E."),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"Haddad\""), "what was typed is kept");
}
admin_story!(
    person_finder_on,
    super::people_are_found_by_partial_and_misspelt_names_and_contact_details
);

/// A caseworker corrects an interpreter's phone number through the same history as every other
/// change; a wrong value is refused with what was typed kept (issue 13, item 10).
async fn a_profile_is_corrected_with_a_reason(app: TestApp) {
    let kari = app.session("kari");
    let number = register(&app, &kari).await;
    let path = format!("/tolker/{number}/opplysninger");
    let form = app.get(&path, Some(&kari)).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"+47 912 34 567\""), "filled from the record");
    assert!(
        !form.body.contains(&national_id("010190125")),
        "the identity number is not on the form"
    );

    let fields = |phone: &'static str, reason: &'static str| -> Vec<(&'static str, &'static str)> {
        let mut f: Vec<(&str, &str)> = registration("", "Leila")
            .into_iter()
            .filter(|(k, _)| !matches!(*k, "national_id" | "source" | "source_ref" | "phone"))
            .collect();
        f.push(("phone", phone));
        f.push(("reason", reason));
        f
    };
    let bad = app.post(&path, Some(&kari), &fields("12ab", "")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"phone-error\"") && bad.body.contains("id=\"reason-error\""));
    assert!(bad.body.contains("value=\"12ab\""), "what was typed is kept");

    let done = app
        .post(
            &path,
            Some(&kari),
            &fields("+47 400 00 001", "Nytt nummer oppgitt av tolken"),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let n: register::InterpreterNumber = number.parse().unwrap();
    let record = app.state.store.record(n).await.unwrap().unwrap();
    assert_eq!(record.profile.phone, "+47 400 00 001");
    assert_eq!(record.profile.national_id.expose(), national_id("010190125"), "kept");
    let history = app.state.store.history(n).await.unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.reason.as_str()),
        ("update_profile", "Nytt nummer oppgitt av tolken")
    );
    assert_eq!(last.actor, "staff:kari");
}
admin_story!(profile_correction_on, super::a_profile_is_corrected_with_a_reason);

/// Ending a qualification entered by mistake: at once when no category falls, with a second
/// person's approval when one would (issue 13, item 10).
async fn a_qualification_is_ended_with_four_eyes_when_a_category_falls(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let number = register(&app, &kari).await;
    let n: register::InterpreterNumber = number.parse().unwrap();
    add(&app, &kari, &number, "tao_course", "").await;
    add(&app, &kari, &number, "bilingual_test", "ARB").await;
    let approve = register::Command::ApproveEntry {
        language: "ARB".parse().unwrap(),
    };
    app.state
        .store
        .execute(n, approve, register::ChangeMeta::now("staff:kari", "vedtak"))
        .await
        .unwrap();
    add(&app, &kari, &number, "tao_course", "").await;
    let end = |no: u32, reason: &'static str| {
        let (app, kari, number) = (&app, &kari, number.clone());
        async move {
            app.post(
                &format!("/tolker/{number}/kvalifikasjoner/{no}/avslutt"),
                Some(kari),
                &[("reason", reason)],
            )
            .await
        }
    };
    let nos = |r: &register::InterpreterRecord| r.qualifications.iter().map(|q| q.no).collect::<Vec<_>>();

    let page = app
        .get(&format!("/tolker/{number}/kvalifikasjoner/2/avslutt"), Some(&kari))
        .await;
    assert!(
        page.body.contains("2: Tospråktesten"),
        "the form names what it ends: {}",
        page.body
    );
    let no_reason = end(3, "").await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = end(9, "feil").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("ingen kvalifikasjon med dette nummeret"));

    // A second TAO course entered twice: the category stays E, so it ends at once.
    let at_once = end(3, "Registrert to ganger").await;
    assert_eq!(at_once.location(), format!("/tolker/{number}?ok=changed"));
    assert_eq!(nos(&app.state.store.record(n).await.unwrap().unwrap()), [1, 2]);

    // The bilingual test is the basis of the Arabic entry: four eyes, through the JSON API as
    // through the form.
    let by_api = app
        .post_json(
            &format!("/api/v1/interpreters/{number}/commands"),
            Some(&kari),
            &serde_json::json!({"command": {"command": "end_qualification", "no": 2}, "reason": "feil tolk"}),
        )
        .await;
    assert_eq!(by_api.status, StatusCode::ACCEPTED, "{}", by_api.body);
    let api_request = app.state.store.approvals(ApprovalStatus::Pending).await.unwrap()[0].id;
    let rejected = app
        .post(
            &format!("/godkjenninger/{api_request}/avvis"),
            Some(&sigrid),
            &[(&format!("note-{api_request}"), "Bruk skjemaet")],
        )
        .await;
    assert_eq!(rejected.status, StatusCode::SEE_OTHER, "{}", rejected.body);
    let waiting = end(2, "Registrert på feil tolk").await;
    assert_eq!(waiting.location(), format!("/tolker/{number}?ok=awaiting"));
    let record = app.state.store.record(n).await.unwrap().unwrap();
    assert_eq!(nos(&record), [1, 2], "nothing ended before a second person approves");
    let pending = app.state.store.approvals(ApprovalStatus::Pending).await.unwrap();
    assert_eq!(pending.len(), 1);
    let approved = app
        .post(
            &format!("/godkjenninger/{}/godkjenn", pending[0].id),
            Some(&sigrid),
            &[],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let record = app.state.store.record(n).await.unwrap().unwrap();
    assert_eq!(nos(&record), [1]);
    assert!(
        record.entries.iter().all(|e| e.category.is_none()),
        "{:?}",
        record.entries
    );
}
admin_story!(
    end_qualification_on,
    super::a_qualification_is_ended_with_four_eyes_when_a_category_falls
);

/// Lifting an exclusion takes effect at once, so the form asks for confirmation first and
/// changes nothing until it is given (issue 13, item 12).
async fn lifting_a_sanction_is_confirmed_first(app: TestApp) {
    let kari = app.session_for(Role::Caseworker);
    let number = register(&app, &kari).await;
    let n: register::InterpreterNumber = number.parse().unwrap();
    add(&app, &kari, &number, "bachelor", "ARB").await;
    for command in [
        register::Command::ApproveEntry {
            language: "ARB".parse().unwrap(),
        },
        register::Command::Suspend,
    ] {
        app.state
            .store
            .execute(n, command, register::ChangeMeta::now("staff:sigrid", "varselsak"))
            .await
            .unwrap();
    }
    let suspended = |app: &TestApp| {
        let store = app.state.store.clone();
        async move {
            let r = store.record(n).await.unwrap().unwrap();
            r.entries.iter().any(|e| e.status == register::EntryStatus::Suspended)
        }
    };
    let path = format!("/tolker/{number}/utestenging");
    let lift = [
        ("action", "lift_suspension"),
        ("reason", "Saken er avsluttet uten brudd"),
    ];
    let asked = app.post(&path, Some(&kari), &lift).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(asked.body.contains("Dette kan ikke angres.") && asked.body.contains("Ja, gjør endringen"));
    assert!(
        asked.body.contains("value=\"lift_suspension\""),
        "the choice is sent again"
    );
    assert!(suspended(&app).await, "nothing lifted before it is confirmed");
    let mut confirmed = lift.to_vec();
    confirmed.push(("confirmed", "yes"));
    let done = app.post(&path, Some(&kari), &confirmed).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(!suspended(&app).await, "lifted once confirmed");
}
admin_story!(lift_confirmed_on, super::lifting_a_sanction_is_confirmed_first);
