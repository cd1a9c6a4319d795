//! Tip cases over HTTP on both backends: staff intake to a decision with four eyes, temporary
//! exclusion leaving and returning to the public register, the reporter shown only to assigned
//! caseworkers, every view in the access log, documents checked by content, closing with
//! guidance, and no way in for committee members.

use crate::admin_story;
use crate::common;

use crate::common::{Reply, Session, TestApp};
use admin::auth::{Role, SESSION_COOKIE};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use register::command::{ChangeMeta, Command};
use register::qualification::{NewQualification, QualificationKind};
use register::tips::{CommitteePerson, NewMeeting, NewTerm, Seat, SeatHolders, TermRules};
use register::{InterpreterNumber, LanguageCode, Timestamp};
use time::{Date, Duration};

const REPORTER: &str = "Ingrid Varslersen";
const REPORTER_EMAIL: &str = "ingrid.varslersen@kommune.example.no";
const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";

fn today() -> Date {
    Timestamp::now().date()
}

fn day(offset: i64) -> String {
    (today() + Duration::days(offset)).to_string()
}

/// The day `offset` days from today as the pages write it in running text ("2. desember 2026").
fn spoken_day(offset: i64) -> String {
    admin::labels::date(today() + Duration::days(offset))
}

fn arb() -> LanguageCode {
    "ARB".parse().unwrap()
}

/// An interpreter listed for Arabic (foundation course and licence: category B).
async fn listed(app: &TestApp) -> InterpreterNumber {
    let store = &app.state.store;
    let meta = || ChangeMeta::now("staff:kari", "søknad");
    let n = store
        .register_interpreter(common::store::sample_profile(), meta())
        .await
        .unwrap()
        .number;
    let course = Command::AddQualification {
        qualification: NewQualification {
            kind: QualificationKind::FoundationCourse,
            language: Some(arb()),
            completed_on: today() - Duration::days(400),
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "ARK-7".into(),
        },
    };
    let licence = Command::GrantLicence {
        language: arb(),
        granted_on: today(),
        decision_ref: "24/17".into(),
    };
    for command in [course, licence, Command::ApproveEntry { language: arb() }] {
        store.execute(n, command, meta()).await.unwrap();
    }
    assert!(is_listed(app, n).await);
    n
}

/// Whether the interpreter is in the public register now, as the export (and public search) has it.
async fn is_listed(app: &TestApp, n: InterpreterNumber) -> bool {
    let all = app.state.store.as_of(Timestamp::now()).await.unwrap();
    let record = all.iter().find(|r| r.number == n).expect("the interpreter");
    register::export::ExportedInterpreter::new(record, today())
        .entries
        .iter()
        .any(|e| e.listed)
}

fn intake_fields(number: &str) -> Vec<(&'static str, String)> {
    vec![
        ("received_on", day(0)),
        ("channel", "email".into()),
        ("interpreter", number.into()),
        ("assignment_on", day(-3)),
        ("assignment_place", "Oslo universitetssykehus".into()),
        ("ground_confidentiality", "on".into()),
        (
            "account",
            "Tolken fortalte andre om pasientens diagnose etter oppdraget.".into(),
        ),
        ("reporter_role", "public_body".into()),
        ("reporter_name", REPORTER.into()),
        ("reporter_email", REPORTER_EMAIL.into()),
        ("reporter_phone", "+47 22 00 00 00".into()),
    ]
}

async fn post_owned(app: &TestApp, path: &str, session: &Session, fields: &[(&'static str, String)]) -> Reply {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post(path, Some(session), &borrowed).await
}

/// Registers a tip from e-mail as `session`; the new case's id.
async fn intake(app: &TestApp, session: &Session, fields: &[(&'static str, String)]) -> i64 {
    let created = post_owned(app, "/varsler", session, fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let location = created.location();
    assert!(location.ends_with("?ok=registered"), "{location}");
    location
        .trim_start_matches("/varsler/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The case's version, read the way a workflow reads it (logged as `test:harness`).
async fn version(app: &TestApp, id: i64) -> String {
    app.state
        .store
        .case_for_processing(id, "test:harness")
        .await
        .unwrap()
        .version
        .to_string()
}

/// Submits an action form on the case page, with the version the page would show.
async fn act(app: &TestApp, session: &Session, id: i64, action: &str, fields: &[(&str, &str)]) -> Reply {
    let v = version(app, id).await;
    let mut all = vec![("action", action), ("version", v.as_str())];
    all.extend_from_slice(fields);
    if !fields.iter().any(|(k, _)| *k == "reason") {
        all.push(("reason", "saksbehandling"));
    }
    app.post(&format!("/varsler/{id}/hendelser"), Some(session), &all).await
}

async fn done(app: &TestApp, session: &Session, id: i64, action: &str, fields: &[(&str, &str)]) -> String {
    let reply = act(app, session, id, action, fields).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{action}: {}", reply.body);
    reply.location().to_string()
}

async fn approve(app: &TestApp, session: &Session, id: i64) -> Reply {
    let v = version(app, id).await;
    app.post(&format!("/varsler/{id}/godkjenn"), Some(session), &[("version", &v)])
        .await
}

async fn case_page(app: &TestApp, session: &Session, id: i64) -> String {
    let page = app.get(&format!("/varsler/{id}"), Some(session)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body
}

/// A committee term with `committee:<seat>` members and a meeting today; the meeting's id.
async fn meeting(app: &TestApp) -> i64 {
    let person = |login: String| CommitteePerson {
        name: format!("Navn {login}"),
        login,
    };
    let seats = Seat::ALL
        .iter()
        .map(|s| SeatHolders {
            seat: *s,
            member: person(format!("committee:{}", s.as_str())),
            deputy: person(format!("committee:{}-vara", s.as_str())),
        })
        .collect();
    let starts_on = Date::from_calendar_date(today().year(), time::Month::January, 1).unwrap();
    let store = &app.state.store;
    store
        .appoint_term(&NewTerm { starts_on, seats }, &TermRules::default())
        .await
        .unwrap();
    let planned = NewMeeting {
        held_on: today(),
        participants: vec!["committee:educator".into()],
    };
    store.plan_meeting(&planned).await.unwrap().id
}

/// Intake (bad input kept), assignment, assessment, investigation, committee advice, advance
/// notice and a warning proposed by one senior and approved by another.
async fn intake_to_decision_with_four_eyes(app: TestApp) {
    let n = listed(&app).await;
    let meeting = meeting(&app).await;
    let kari = app.session_for(Role::Caseworker);
    let sigrid = app.session("sigrid");
    let nils = app.session("nils");

    let form = app.get("/varsler/ny", Some(&kari)).await;
    assert_eq!(form.status, StatusCode::OK);
    let mut bad = intake_fields(&n.to_string());
    bad.retain(|(k, _)| !matches!(*k, "ground_confidentiality" | "account" | "assignment_on"));
    bad.push(("assignment_on", day(5)));
    let rejected = post_owned(&app, "/varsler", &kari, &bad).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "velg minst ett grunnlag",
        "beskriv hva som skjedde",
        "kan ikke ligge fram i tid",
    ] {
        assert!(rejected.body.contains(message), "«{message}» missing");
    }
    assert!(
        rejected.body.contains("value=\"Oslo universitetssykehus\""),
        "input kept"
    );
    assert!(
        rejected.body.contains(REPORTER),
        "the reporter's name is kept in the form"
    );
    assert!(
        app.state.store.tip_list(false).await.unwrap().is_empty(),
        "nothing stored"
    );

    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    let list = app.get("/varsler", Some(&kari)).await;
    assert_eq!(list.status, StatusCode::OK);
    let reference = format!("VAR-{}-{id:05}", today().year());
    assert!(list.body.contains(&reference) && list.body.contains("Mottatt"));
    assert!(!list.body.contains(REPORTER), "the list never shows the reporter");

    done(&app, &kari, id, "take", &[]).await;
    let mine = app.get("/varsler?mine=on", Some(&kari)).await;
    assert!(mine.body.contains(&reference), "the case is in kari's list");
    let others = app.get("/varsler?mine=on", Some(&app.session("per"))).await;
    assert!(!others.body.contains(&reference), "not in per's list");

    done(&app, &kari, id, "start_assessment", &[]).await;
    done(&app, &kari, id, "open_investigation", &[]).await;
    done(
        &app,
        &kari,
        id,
        "note",
        &[("note", "Ringte sykehuset; de sender en redegjørelse.")],
    )
    .await;
    let bad_org = act(
        &app,
        &kari,
        id,
        "request_information",
        &[
            ("organisation_number", "974760674"),
            ("body", "Oslo universitetssykehus HF"),
            ("asked_on", &day(0)),
            ("due_on", &day(14)),
        ],
    )
    .await;
    assert_eq!(bad_org.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_org.body.contains("ikke et gyldig organisasjonsnummer"));
    assert!(
        bad_org.body.contains("value=\"Oslo universitetssykehus HF\""),
        "input kept"
    );
    done(
        &app,
        &kari,
        id,
        "request_information",
        &[
            ("organisation_number", "974 760 673"),
            ("body", "Oslo universitetssykehus HF"),
            ("asked_on", &day(0)),
            ("due_on", &day(14)),
        ],
    )
    .await;
    let list = app.get("/varsler", Some(&kari)).await;
    assert!(
        list.body.contains(&format!(
            "Svar på forespørsel om opplysninger nr. 1: {}",
            spoken_day(14)
        )),
        "the deadline is in the work list"
    );

    done(
        &app,
        &kari,
        id,
        "refer_to_committee",
        &[
            ("meeting", &meeting.to_string()),
            ("summary", "Mulig brudd på taushetsplikt etter oppdrag på sykehus."),
        ],
    )
    .await;
    done(
        &app,
        &kari,
        id,
        "record_advice",
        &[
            ("meeting", &meeting.to_string()),
            ("advice", "Utvalget anbefaler advarsel."),
        ],
    )
    .await;
    done(
        &app,
        &kari,
        id,
        "send_advance_notice",
        &[("sent_on", &day(0)), ("reply_by", &day(14))],
    )
    .await;
    let decision = [
        ("outcome", "warning"),
        ("decided_on", &day(0) as &str),
        ("reasons", "Tolken brøt taushetsplikten, jf. tolkeloven § 15."),
    ];
    let early = act(&app, &sigrid, id, "decide", &decision).await;
    assert_eq!(
        early.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "before the reply deadline"
    );
    assert!(early.body.contains("Fristen for å svare på forhåndsvarselet"));
    assert!(early.body.contains("Tolken brøt taushetsplikten"), "reasons kept");
    done(&app, &kari, id, "record_reply", &[("received_on", &day(0))]).await;

    let proposed = done(&app, &sigrid, id, "decide", &decision).await;
    assert!(proposed.ends_with("?ok=proposed"), "{proposed}");
    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Venter på godkjenning: Vedtak: advarsel"));
    assert!(
        !page.contains("Godkjenn forslaget"),
        "a caseworker is not offered approval"
    );
    let by_caseworker = approve(&app, &kari, id).await;
    assert_eq!(by_caseworker.status, StatusCode::FORBIDDEN);
    let own = approve(&app, &sigrid, id).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    assert!(own.body.contains("ikke godkjenne ditt eget forslag"), "{}", own.body);
    assert!(
        case_page(&app, &sigrid, id).await.contains("Du foreslo dette selv"),
        "the proposer is told a second senior must approve"
    );
    let front = app.get("/", Some(&nils)).await.body;
    assert!(front.contains("Varselsaker som venter på godkjenning (1)"), "{front}");
    assert!(front.contains("<table id=\"tip-approvals\"") && front.contains(&format!("data-case=\"{id}\"")));
    let caseworker_front = app.get("/", Some(&kari)).await.body;
    assert!(
        !caseworker_front.contains("Varselsaker som venter på godkjenning"),
        "only seniors approve"
    );
    let queue = app.get("/godkjenninger", Some(&nils)).await.body;
    assert!(
        queue.contains(&format!("href=\"/varsler/{id}\"")),
        "the seniors' approval queue leads to the case"
    );
    let approved = approve(&app, &nils, id).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let queue = app.get("/godkjenninger", Some(&nils)).await.body;
    assert!(
        queue.contains("Ingen varselsaker venter på godkjenning"),
        "and leaves it once approved"
    );

    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Vedtak fattet"));
    assert!(page.contains("<dd>Advarsel</dd>"), "the decision is shown");
    assert!(page.contains("Godkjent av</dt><dd>nils"));
    let appeal_by = (today() + Duration::weeks(3)).to_string();
    assert!(page.contains(&format!("Klagefrist</dt><dd>{appeal_by}")));
    assert!(page.contains("Utvalgets råd: </strong>Utvalget anbefaler advarsel."));
    assert!(page.contains("Notat: Ringte sykehuset"));
    assert!(
        page.contains("Tolken har 1 advarsel som står ved lag"),
        "warnings within five years"
    );
    let case = app.state.store.case_for_processing(id, "test:harness").await.unwrap();
    let d = case.decision.unwrap();
    assert_eq!(
        (d.decided_by.as_str(), d.approved_by.as_deref()),
        ("staff:sigrid", Some("staff:nils"))
    );
    assert!(is_listed(&app, n).await, "a warning does not remove the interpreter");

    // Appeal on time, forwarded, the ministry upholds.
    done(&app, &kari, id, "appeal", &[("received_on", &day(0))]).await;
    done(&app, &kari, id, "forward_to_ministry", &[("sent_on", &day(0))]).await;
    done(
        &app,
        &kari,
        id,
        "record_ministry_outcome",
        &[("ministry_outcome", "upheld"), ("decided_on", &day(0))],
    )
    .await;
    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Klage avgjort av departementet") && page.contains("vedtaket står ved lag"));
}
admin_story!(intake_to_decision_on, super::intake_to_decision_with_four_eyes);

/// On the tip-case path an exclusion for a period needs three warnings or a substantial breach
/// too (tolkeloven § 21): refused without, made once approved with the breach established, and
/// the interpreter leaves the public register.
async fn tip_exclusion_needs_grounds(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let sigrid = app.session("sigrid");
    let nils = app.session("nils");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    for step in ["take", "start_assessment", "open_investigation"] {
        done(&app, &kari, id, step, &[]).await;
    }
    done(
        &app,
        &kari,
        id,
        "send_advance_notice",
        &[("sent_on", &day(0)), ("reply_by", &day(14))],
    )
    .await;
    done(&app, &kari, id, "record_reply", &[("received_on", &day(0))]).await;
    let (until, today) = (day(180), day(0));
    let mut decision = vec![
        ("outcome", "exclusion"),
        ("until", until.as_str()),
        ("decided_on", today.as_str()),
        ("reasons", "Tolken brøt taushetsplikten, jf. tolkeloven § 15."),
    ];
    let weak = act(&app, &sigrid, id, "decide", &decision).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", weak.body);
    assert!(weak.body.contains("tre advarsler i løpet av fem år"), "{}", weak.body);
    decision.push(("substantial_breach", "on"));
    let proposed = done(&app, &sigrid, id, "decide", &decision).await;
    assert!(proposed.ends_with("?ok=proposed"), "{proposed}");
    assert!(
        is_listed(&app, n).await,
        "nothing happens before the second senior approves"
    );
    let approved = approve(&app, &nils, id).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert!(!is_listed(&app, n).await, "the exclusion is in the register");
}
admin_story!(tip_exclusion_grounds_on, super::tip_exclusion_needs_grounds);

/// A temporary exclusion waits for a second senior, then takes the interpreter out of the
/// public register at once; lifting it brings them back.
async fn temporary_exclusion_and_lifting(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session_for(Role::Caseworker);
    let nils = app.session("nils");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    for action in ["take", "start_assessment", "open_investigation"] {
        done(&app, &kari, id, action, &[]).await;
    }
    let missing_reason = act(&app, &kari, id, "temporary_exclusion", &[("reason", " ")]).await;
    assert_eq!(missing_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing_reason.body.contains("skriv en begrunnelse"));
    let proposed = done(
        &app,
        &kari,
        id,
        "temporary_exclusion",
        &[("reason", "Fare for nye brudd")],
    )
    .await;
    assert!(proposed.ends_with("?ok=proposed"));
    assert!(is_listed(&app, n).await, "nothing happens before approval");
    let blocked = act(&app, &kari, id, "request_information", &[]).await;
    assert_eq!(blocked.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", blocked.body);

    assert_eq!(approve(&app, &nils, id).await.status, StatusCode::SEE_OTHER);
    assert!(!is_listed(&app, n).await, "out of the public register at once");
    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Midlertidig utestengt") && page.contains("ikke synlig i registeret nå"));
    assert!(page.contains("Opphev midlertidig utestenging"));

    // Lifting cannot be undone: the first answer asks for confirmation and changes nothing.
    let lift = [("reason", "Undersøkelsen viste lav risiko")];
    let asked = act(&app, &kari, id, "lift_temporary_exclusion", &lift).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(asked.body.contains("Dette kan ikke angres.") && asked.body.contains("Ja, opphev midlertidig utestenging"));
    assert!(
        asked.body.contains("value=\"Undersøkelsen viste lav risiko\""),
        "the reason is sent again"
    );
    assert!(!is_listed(&app, n).await, "nothing lifted before it is confirmed");
    done(
        &app,
        &kari,
        id,
        "lift_temporary_exclusion",
        &[("reason", "Undersøkelsen viste lav risiko"), ("confirmed", "yes")],
    )
    .await;
    assert!(is_listed(&app, n).await, "back in the public register once lifted");
    let actions: Vec<String> = app
        .state
        .store
        .history(n)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.action)
        .collect();
    assert_eq!(actions[actions.len() - 2..], ["suspend", "lift_suspension"]);
}
admin_story!(temporary_exclusion_on, super::temporary_exclusion_and_lifting);

/// Only the assigned caseworker sees the reporter; every view is in the access log, which
/// seniors see on the page.
async fn reporter_need_to_know_and_access_log(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let per = app.session("per");
    let sigrid = app.session("sigrid");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;

    let unassigned = case_page(&app, &per, id).await;
    assert!(!unassigned.contains(REPORTER) && !unassigned.contains(REPORTER_EMAIL));
    assert!(unassigned.contains("Varslerens identitet vises bare for saksbehandlere som er tildelt saken"));
    assert!(
        !unassigned.contains("Innsynslogg"),
        "a caseworker does not see the access log"
    );

    done(&app, &kari, id, "take", &[]).await;
    let assigned = case_page(&app, &kari, id).await;
    assert!(assigned.contains(REPORTER) && assigned.contains(REPORTER_EMAIL));
    let senior = case_page(&app, &sigrid, id).await;
    assert!(
        !senior.contains(REPORTER),
        "a senior who is not assigned does not see the reporter"
    );
    assert!(senior.contains("Innsynslogg"));

    let log = app.state.store.access_log(id).await.unwrap();
    let views: Vec<(&str, &str)> = log
        .iter()
        .filter(|e| e.shown != "processing")
        .map(|e| (e.viewer.as_str(), e.shown.as_str()))
        .collect();
    assert_eq!(
        views,
        [
            ("staff:per", "without_reporter"),
            ("staff:kari", "full"),
            ("staff:sigrid", "without_reporter")
        ]
    );
    let log_section = senior.split("Innsynslogg").nth(1).unwrap();
    assert!(log_section.contains("per") && log_section.contains("saken uten varsleren"));
    assert!(log_section.contains("hele saken med varsleren"));
}
admin_story!(reporter_on, super::reporter_need_to_know_and_access_log);

/// A multipart upload with the session's cookie; `csrf` as the first field when given.
async fn upload(
    app: &TestApp,
    session: &Session,
    id: i64,
    csrf: Option<&str>,
    reason: &str,
    file: (&str, &[u8]),
) -> Reply {
    let boundary = "----tolkeregister-test-boundary";
    let mut body = Vec::new();
    let mut text = |name: &str, value: &str| {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    };
    if let Some(token) = csrf {
        text("csrf", token);
    }
    text("reason", reason);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let req = Request::builder()
        .method("POST")
        .uri(format!("/varsler/{id}/dokumenter"))
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

/// Documents: the kind is checked by content, the CSRF token before storing, the size limit;
/// downloads are attachments for the assigned caseworker and seniors, each one logged.
async fn documents_are_checked_and_downloads_restricted(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let per = app.session("per");
    let sigrid = app.session("sigrid");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    done(&app, &kari, id, "take", &[]).await;

    let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0".as_slice();
    let refused = upload(
        &app,
        &kari,
        id,
        Some(&kari.csrf),
        "Skjermbilde fra varsleren",
        ("bilde.pdf", exe),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("filtypen er ikke tillatt"), "{}", refused.body);
    assert!(
        refused.body.contains("Skjermbilde fra varsleren"),
        "the description is kept"
    );
    let no_token = upload(&app, &kari, id, None, "Brev", ("brev.pdf", PDF)).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let too_big = vec![b'a'; register::tips::document::MAX_DOCUMENT_BYTES + 70 * 1024];
    let big = upload(&app, &kari, id, Some(&kari.csrf), "Stor fil", ("stor.txt", &too_big)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(big.body.contains("høyst 10 MB"));
    assert!(
        app.state.store.documents(id).await.unwrap().is_empty(),
        "nothing stored"
    );

    let stored = upload(
        &app,
        &kari,
        id,
        Some(&kari.csrf),
        "Brev fra sykehuset",
        ("Brev fra Tromsø.pdf", PDF),
    )
    .await;
    assert_eq!(stored.status, StatusCode::SEE_OTHER, "{}", stored.body);
    let document = app.state.store.documents(id).await.unwrap()[0].id;
    let path = format!("/varsler/{id}/dokumenter/{document}");
    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Brev fra Tromsø.pdf") && page.contains(&format!("href=\"{path}\"")));
    assert!(
        page.contains(&format!("Dokument nr. {document} lagt til (PDF")),
        "in the history"
    );

    let got = app.get(&path, Some(&kari)).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.body, String::from_utf8_lossy(PDF), "the stored bytes come back");
    let header = |name: header::HeaderName| got.headers.get(name).unwrap().to_str().unwrap().to_string();
    assert_eq!(header(header::CONTENT_TYPE), "application/pdf");
    assert!(header(header::CONTENT_DISPOSITION).starts_with("attachment; filename="));
    assert!(header(header::CONTENT_DISPOSITION).contains("Troms%C3%B8"));
    assert_eq!(header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");

    let unassigned = app.get(&path, Some(&per)).await;
    assert_eq!(unassigned.status, StatusCode::FORBIDDEN);
    let hidden = case_page(&app, &per, id).await;
    assert!(!hidden.contains("Brev fra Tromsø.pdf"), "the file name is hidden too");
    assert!(hidden.contains(&format!("Dokument nr. {document}")));
    assert_eq!(app.get(&path, Some(&sigrid)).await.status, StatusCode::OK);

    let shown: Vec<(String, String)> = app
        .state
        .store
        .access_log(id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.shown.contains("document"))
        .map(|e| (e.viewer, e.shown))
        .collect();
    let d = format!("document:{document}");
    let r = format!("refused_document:{document}");
    assert_eq!(
        shown,
        [
            ("staff:kari".to_string(), d.clone()),
            ("staff:per".to_string(), r),
            ("staff:sigrid".to_string(), d)
        ]
    );
}
admin_story!(documents_on, super::documents_are_checked_and_downloads_restricted);

/// Only a senior gives a case to someone else, and only to an active caseworker (the assignee
/// sees the reporter); a caseworker takes a case for themself. Documents are added only by the
/// assigned caseworkers and seniors.
async fn assignment_and_uploads_follow_the_case(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let per = app.session("per");
    let sigrid = app.session("sigrid");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    let assigned = |app: &TestApp| {
        let store = app.state.store.clone();
        async move { store.case_for_processing(id, "staff:test").await.unwrap().assigned }
    };

    let page = case_page(&app, &sigrid, id).await;
    assert!(
        page.contains(r#"<option value="per">"#),
        "a senior picks among the caseworkers"
    );
    assert!(!page.contains(r#"<option value="ingrid">"#) && !page.contains(r#"<option value="amina">"#));
    let by_caseworker = act(&app, &kari, id, "assign", &[("caseworker", "per")]).await;
    assert_eq!(by_caseworker.status, StatusCode::FORBIDDEN, "{}", by_caseworker.body);
    assert!(
        by_caseworker
            .body
            .contains("en seniorsaksbehandler kan tildele saken til andre")
    );
    for (who, why) in [
        ("finnes-ikke", "unknown"),
        ("ingrid", "a statistician"),
        ("amina", "a committee member"),
    ] {
        let r = act(&app, &sigrid, id, "assign", &[("caseworker", who)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {}", r.body);
        assert!(
            r.body.contains(&format!("«{who}» er ikke en aktiv saksbehandler")),
            "{why}: {}",
            r.body
        );
    }
    assert!(assigned(&app).await.is_empty(), "nobody was given the case");

    done(&app, &kari, id, "take", &[]).await;
    done(&app, &sigrid, id, "assign", &[("caseworker", "per")]).await;
    assert_eq!(assigned(&app).await, ["staff:kari", "staff:per"]);

    let other = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    let refused = upload(&app, &per, other, Some(&per.csrf), "Brev", ("brev.pdf", PDF)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(refused.body.contains("tildelt saken"), "{}", refused.body);
    assert!(
        app.state.store.documents(other).await.unwrap().is_empty(),
        "nothing stored"
    );
    let by_senior = upload(&app, &sigrid, other, Some(&sigrid.csrf), "Brev", ("brev.pdf", PDF)).await;
    assert_eq!(by_senior.status, StatusCode::SEE_OTHER, "{}", by_senior.body);
    let by_assignee = upload(&app, &per, id, Some(&per.csrf), "Brev", ("brev.pdf", PDF)).await;
    assert_eq!(by_assignee.status, StatusCode::SEE_OTHER, "{}", by_assignee.body);
}
admin_story!(assignment_and_uploads_on, super::assignment_and_uploads_follow_the_case);

/// A tip about someone neither listed nor authorised is closed with guidance to the reporter.
async fn outside_power_needs_guidance(app: TestApp) {
    let kari = app.session("kari");
    let mut fields = intake_fields("");
    fields.push((
        "subject_description",
        "Mann i 40-årene, tolket dari via Tolkebyrå AS".into(),
    ));
    fields.push(("anonymous", "on".into()));
    let id = intake(&app, &kari, &fields).await;
    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Ukjent: Mann i 40-årene"));
    assert!(!page.contains(REPORTER), "an anonymous tip stores no contact");

    let close = [
        ("closure_reason", "outside_power"),
        ("reason", "Tolken er verken oppført eller autorisert"),
    ];
    let refused = act(&app, &kari, id, "close", &close).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("skriv veiledningen til varsleren"));
    assert!(
        refused.body.contains("id=\"close-guidance-error\""),
        "the error is next to the field"
    );
    assert!(
        refused.body.contains("Tolken er verken oppført eller autorisert"),
        "reason kept"
    );
    let mut guided = close.to_vec();
    guided.push((
        "guidance",
        "Ta kontakt med tolkebyrået eller Tolketjenesten i kommunen.",
    ));
    let asked = act(&app, &kari, id, "close", &guided).await;
    assert_eq!(
        asked.status,
        StatusCode::OK,
        "closing is confirmed first: {}",
        asked.body
    );
    assert!(asked.body.contains("Bekreft: avslutt saken") && asked.body.contains("name=\"confirmed\" value=\"yes\""));
    let before = app.state.store.case_for_processing(id, "test:harness").await.unwrap();
    assert!(before.status.is_open(), "still open before confirming");
    guided.push(("confirmed", "yes"));
    done(&app, &kari, id, "close", &guided).await;
    let page = case_page(&app, &kari, id).await;
    assert!(page.contains("Avsluttet") && page.contains("Veiledning til varsleren: Ta kontakt med tolkebyrået"));
    let open = app.get("/varsler", Some(&kari)).await;
    assert!(
        !open.body.contains(&format!("/varsler/{id}\"")),
        "closed cases leave the open list"
    );
    let all = app.get("/varsler?status=all", Some(&kari)).await;
    assert!(all.body.contains(&format!("/varsler/{id}\"")));
}
admin_story!(outside_power_on, super::outside_power_needs_guidance);

/// Committee members (and other roles without casework) get 403 on every tip route.
async fn committee_members_cannot_reach_cases(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    for role in [Role::CommitteeMember, Role::Statistician, Role::Administrator] {
        let s = app.session_for(role);
        for path in [
            "/varsler".to_string(),
            "/varsler/ny".into(),
            format!("/varsler/{id}"),
            format!("/varsler/{id}/dokumenter/1"),
        ] {
            let got = app.get(&path, Some(&s)).await;
            assert_eq!(got.status, StatusCode::FORBIDDEN, "{role:?} GET {path}");
            assert!(!got.body.contains(REPORTER));
        }
        let posted = app
            .post(
                &format!("/varsler/{id}/hendelser"),
                Some(&s),
                &[("action", "take"), ("version", "0"), ("reason", "r")],
            )
            .await;
        assert_eq!(posted.status, StatusCode::FORBIDDEN, "{role:?} POST");
    }
    let views = app.state.store.access_log(id).await.unwrap();
    assert!(
        views
            .iter()
            .all(|e| e.viewer == "test:harness" || e.viewer.starts_with("staff:kari")),
        "nobody else read the case: {views:?}"
    );
}
admin_story!(committee_on, super::committee_members_cannot_reach_cases);

/// The front page shows what a caseworker owns or must pick up: a new tip under "new, nobody has
/// it" for everyone, and once taken under the taker's own tip cases, with the interpreter's name
/// and the next deadline (issue 13, item 8: "Mine saker (0)" after taking a tip).
async fn a_taken_tip_is_on_the_takers_work_list(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let per = app.session("per");
    let id = intake(&app, &kari, &intake_fields(&n.to_string())).await;
    let name = app.state.store.record(n).await.unwrap().unwrap().profile.display_name();
    let row = format!("data-case=\"{id}\"");
    let section = |page: &str, table: &str| {
        let start = page.find(&format!("<table id=\"{table}\"")).map(|i| &page[i..]);
        start
            .map(|s| s[..s.find("</table>").unwrap()].to_string())
            .unwrap_or_default()
    };

    let before = app.get("/", Some(&per)).await.body;
    assert!(before.contains("Mine varselsaker (0)"), "{before}");
    assert!(before.contains("Nye varsler uten saksbehandler (1)"));
    assert!(
        section(&before, "new-tips").contains(&row),
        "a new tip is offered to everyone"
    );
    assert!(
        section(&before, "new-tips").contains(&format!("{name} ({n})")),
        "named, not only numbered"
    );

    done(&app, &per, id, "take", &[]).await;
    let after = app.get("/", Some(&per)).await.body;
    assert!(after.contains("Mine varselsaker (1)"), "{after}");
    let mine = section(&after, "my-tips");
    assert!(mine.contains(&row) && mine.contains(&format!("{name} ({n})")));
    assert!(
        after.contains("Nye varsler uten saksbehandler (0)"),
        "taken tips leave the new list"
    );
    let others = app.get("/", Some(&kari)).await.body;
    assert!(others.contains("Mine varselsaker (0)"), "only the taker owns it");
}
admin_story!(work_list_tips_on, super::a_taken_tip_is_on_the_takers_work_list);

/// The work list's tables sort by a heading and page by ten without JavaScript, each table on its
/// own keys, and nonsense in the query shows the nearest page instead of an error (issue 13,
/// item 8: every list sortable and paginated).
async fn work_list_tables_sort_and_page(app: TestApp) {
    let n = listed(&app).await;
    let kari = app.session("kari");
    let mut ids = Vec::new();
    for days_ago in 0..11 {
        let mut fields = intake_fields(&n.to_string());
        fields[0].1 = day(-days_ago);
        fields[3].1 = day(-days_ago - 1);
        ids.push(intake(&app, &kari, &fields).await);
    }
    let rows = |page: &str| -> Vec<i64> {
        let start = page.find("<table id=\"new-tips\"").expect("new-tips table");
        let table = &page[start..start + page[start..].find("</table>").unwrap()];
        table
            .split("data-case=\"")
            .skip(1)
            .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
            .collect()
    };
    let oldest_first: Vec<i64> = ids.iter().rev().copied().collect();

    let first = app.get("/", Some(&kari)).await.body;
    assert!(first.contains("Nye varsler uten saksbehandler (11)"));
    assert_eq!(rows(&first), oldest_first[..10], "the oldest ten, oldest first");
    assert!(first.contains("Viser 1–10 av 11 varselsaker."), "{first}");
    assert!(first.contains("Side 1 av 2") && first.contains("Neste side"));

    let second = app.get("/?new-tips.page=2", Some(&kari)).await.body;
    assert_eq!(rows(&second), oldest_first[10..], "the newest on page 2");

    let newest = app
        .get("/?new-tips.sort=received&new-tips.order=desc", Some(&kari))
        .await
        .body;
    assert_eq!(rows(&newest), ids[..10], "newest first when sorted descending");
    assert!(newest.contains(r#"aria-sort="descending""#));

    let silly = app.get("/?new-tips.page=99&new-tips.sort=nope", Some(&kari)).await;
    assert_eq!(silly.status, StatusCode::OK);
    assert_eq!(
        rows(&silly.body),
        oldest_first[10..],
        "past the end shows the last page"
    );

    let all = app
        .get("/varsler?tips.sort=received&tips.order=asc", Some(&kari))
        .await
        .body;
    let first_row = all.find(&format!("data-case=\"{}\"", oldest_first[0])).unwrap();
    let last_row = all.find(&format!("data-case=\"{}\"", ids[0])).unwrap();
    assert!(first_row < last_row, "the tips list sorts too");
}
admin_story!(work_list_sorting_on, super::work_list_tables_sort_and_page);
