//! Notes and documents of tip cases on SQLite and PostgreSQL: append-only with who and when,
//! documents checked by content, downloads only for assigned caseworkers and seniors, every
//! download and refusal in the access log; the work list's assignments and deadlines.

use crate::both_backends;
use crate::common;

use register::Database;
use register::command::ChangeMeta;
use register::tips::{
    CaseEvent, CaseStatus, Channel, ClosureReason, ContactKey, DeadlineKind, DecisionOutcome, DocumentKind, Ground,
    Grounds, NewDocument, NewEvent, NewTip, Reporter, Subject, TipCase, TipError, TipRules, Viewer,
};
use register::workflow::tips::{self as workflow, Acted};
use register::{InterpreterNumber, Timestamp};
use time::{Date, Duration};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";

fn key() -> ContactKey {
    ContactKey::parse("8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0").unwrap()
}

fn today() -> Date {
    Timestamp::now().date()
}

fn staff(login: &str) -> Viewer {
    Viewer::Staff { login: login.into() }
}

async fn interpreter(store: &Database) -> InterpreterNumber {
    store
        .register_interpreter(common::sample_profile(), ChangeMeta::now("staff:kari", "søknad"))
        .await
        .unwrap()
        .number
}

async fn receive(store: &Database, n: InterpreterNumber) -> TipCase {
    let tip = NewTip {
        received_on: today(),
        channel: Channel::Post,
        subject: Subject::Interpreter { number: n },
        assignment_on: None,
        assignment_place: "NAV Grünerløkka".into(),
        grounds: Grounds::new([Ground::GoodPractice]).unwrap(),
        account: "Tolken ga egne råd til brukeren.".into(),
        reporter: Reporter::Anonymous { role: None },
        received_by: "staff:per".into(),
    };
    store.receive_tip(&tip, &key()).await.unwrap()
}

async fn step(store: &Database, case: &TipCase, event: CaseEvent, actor: &str) -> TipCase {
    let kind = event.kind();
    match workflow::act(
        store,
        case.id,
        case.version,
        event,
        actor,
        "saksbehandling",
        &TipRules::default(),
    )
    .await
    {
        Ok(Acted::Done(c)) => *c,
        other => panic!("{kind}: {other:?}"),
    }
}

/// Documents are stored with their kind, size and hash, named in the history by number, and
/// opened only by the assigned caseworker or a senior; each download and refusal is logged.
async fn documents_are_checked_stored_and_downloaded_under_the_rule(store: Database) {
    let n = interpreter(&store).await;
    let mut c = receive(&store, n).await;
    let other = receive(&store, n).await;
    c = step(
        &store,
        &c,
        CaseEvent::Assign {
            caseworker: "staff:kari".into(),
        },
        "staff:kari",
    )
    .await;

    let pdf = NewDocument::new("Svar fra NAV.pdf", PDF.to_vec(), "staff:kari").unwrap();
    let (after, stored) = store
        .add_document(c.id, &pdf, false, "Svar fra NAV Grünerløkka", &TipRules::default())
        .await
        .unwrap();
    assert_eq!(after.version, c.version + 1, "the upload is an event in the history");
    let last = after.history.last().unwrap();
    assert_eq!(
        (last.actor.as_str(), last.reason.as_str()),
        ("staff:kari", "Svar fra NAV Grünerløkka")
    );
    assert_eq!(
        last.event,
        CaseEvent::AddDocument {
            document: stored.id,
            media_type: "application/pdf".into(),
            size: PDF.len() as u64,
            sha256: pdf.sha256().to_string(),
        }
    );
    assert!(
        !serde_json::to_string(&last.event).unwrap().contains("Svar fra NAV.pdf"),
        "the history does not carry the file name"
    );
    let listed = store.documents(c.id).await.unwrap();
    assert_eq!(listed, vec![stored.clone()]);
    assert_eq!(
        (listed[0].filename.as_str(), listed[0].kind, listed[0].size),
        ("Svar fra NAV.pdf", DocumentKind::Pdf, PDF.len() as u64)
    );
    assert!(store.documents(other.id).await.unwrap().is_empty());

    // The assigned caseworker and a senior may open it; another caseworker may not.
    let got = store
        .download_document(c.id, stored.id, &staff("staff:kari"), false)
        .await
        .unwrap();
    assert_eq!((got.content.as_slice(), got.document.id), (PDF, stored.id));
    let refused = store
        .download_document(c.id, stored.id, &staff("staff:per"), false)
        .await;
    assert!(matches!(refused, Err(TipError::AccessDenied)), "{refused:?}");
    let senior = store
        .download_document(c.id, stored.id, &staff("staff:sigrid"), true)
        .await
        .unwrap();
    assert_eq!(senior.content, PDF);
    let committee = Viewer::CommitteeMember {
        login: "committee:educator".into(),
    };
    assert!(matches!(
        store.download_document(c.id, stored.id, &committee, true).await,
        Err(TipError::AccessDenied)
    ));
    // A document is reached only through its own case.
    assert!(matches!(
        store
            .download_document(other.id, stored.id, &staff("staff:sigrid"), true)
            .await,
        Err(TipError::DocumentNotFound(_))
    ));
    assert!(matches!(
        store
            .add_document(999_999, &pdf, false, "r", &TipRules::default())
            .await,
        Err(TipError::NotFound(999_999))
    ));

    let log: Vec<(String, String)> = store
        .access_log(c.id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.viewer, e.shown))
        .collect();
    let document = format!("document:{}", stored.id);
    let refusal = format!("refused_document:{}", stored.id);
    for expected in [
        ("staff:kari", document.as_str()),
        ("staff:per", refusal.as_str()),
        ("staff:sigrid", document.as_str()),
        ("committee:educator", refusal.as_str()),
    ] {
        assert!(
            log.iter().any(|(v, s)| (v.as_str(), s.as_str()) == expected),
            "{expected:?} missing from {log:?}"
        );
    }

    // A refused kind never reaches storage.
    assert!(NewDocument::new("virus.pdf", b"MZ\x90\0\x03\0\0\0".to_vec(), "staff:kari").is_err());
    assert_eq!(store.documents(c.id).await.unwrap().len(), 1);
}
both_backends!(
    documents_on,
    super::documents_are_checked_stored_and_downloaded_under_the_rule
);

/// Notes are events: allowed in every status, also closed and beside a pending proposal, never
/// changing the status; an empty note is refused.
async fn notes_are_appended_in_every_status(store: Database) {
    let n = interpreter(&store).await;
    let mut c = receive(&store, n).await;
    let note = |text: &str| CaseEvent::AddNote { text: text.into() };
    c = step(&store, &c, note("Ringte NAV for å høre om tolken."), "staff:kari").await;
    assert_eq!(c.status, CaseStatus::Received);
    let empty = workflow::act(
        &store,
        c.id,
        c.version,
        note("  "),
        "staff:kari",
        "notat",
        &TipRules::default(),
    )
    .await;
    assert!(matches!(empty, Err(TipError::Invalid(_))), "{empty:?}");

    c = step(&store, &c, CaseEvent::StartAssessment, "staff:kari").await;
    c = step(&store, &c, CaseEvent::OpenInvestigation, "staff:kari").await;
    // A decision proposed for a second person's approval, as the admin service does for all.
    let proposal = NewEvent::new(
        CaseEvent::Propose {
            proposal: Box::new(CaseEvent::Decide {
                outcome: DecisionOutcome::NoBreach,
                reasons: "Ingen brudd".into(),
                decided_on: today(),
                appeal_by: TipRules::default().appeal_by(today()),
                substantial_breach: false,
            }),
        },
        "staff:kari",
        "forslag",
    );
    let pending = store
        .append_event(c.id, c.version, &proposal, &TipRules::default(), today())
        .await
        .unwrap();
    c = step(
        &store,
        &pending,
        note("Venter på godkjenning fra Sigrid."),
        "staff:kari",
    )
    .await;
    assert!(c.pending.is_some(), "a note leaves the proposal waiting");
    c = workflow::reject(
        &store,
        c.id,
        c.version,
        "staff:sigrid",
        true,
        "ikke nødvendig nå",
        &TipRules::default(),
    )
    .await
    .unwrap();

    let mut closed = receive(&store, n).await;
    closed = step(
        &store,
        &closed,
        CaseEvent::Close {
            reason: ClosureReason::TooLittleInformation,
            guidance: None,
        },
        "staff:kari",
    )
    .await;
    closed = step(
        &store,
        &closed,
        note("Varsleren ringte igjen; ingen nye opplysninger."),
        "staff:per",
    )
    .await;
    assert_eq!(closed.status, CaseStatus::Closed);
    let text = |case: &TipCase| -> Vec<String> {
        case.history
            .iter()
            .filter_map(|e| match &e.event {
                CaseEvent::AddNote { text } => Some(format!("{}: {text}", e.actor)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        text(&closed),
        ["staff:per: Varsleren ringte igjen; ingen nye opplysninger."]
    );
    assert_eq!(text(&c).len(), 2);
    let reread = store.case_for_processing(c.id, "staff:kari").await.unwrap();
    assert_eq!(
        reread.history, c.history,
        "notes are stored, in order, with who and when"
    );
}
both_backends!(notes_on, super::notes_are_appended_in_every_status);

/// The work list shows who is assigned, what the case waits for, and a pending proposal, without
/// loading anything a viewer must be logged for.
async fn the_work_list_shows_assignments_and_deadlines(store: Database) {
    let n = interpreter(&store).await;
    let mut c = receive(&store, n).await;
    for event in [
        CaseEvent::Assign {
            caseworker: "staff:kari".into(),
        },
        CaseEvent::StartAssessment,
        CaseEvent::OpenInvestigation,
        CaseEvent::RequestInformation {
            organisation_number: "974760673".parse().unwrap(),
            body: "Oslo universitetssykehus".into(),
            asked_on: today(),
            due_on: today() + Duration::weeks(2),
        },
    ] {
        c = step(&store, &c, event, "staff:kari").await;
    }
    let log_before = store.access_log(c.id).await.unwrap().len();
    let list = store.tip_list(true).await.unwrap();
    let item = list.iter().find(|i| i.id == c.id).unwrap();
    assert_eq!(item.assigned, ["staff:kari"]);
    assert_eq!(item.status, CaseStatus::Investigation);
    assert_eq!(
        item.deadlines.iter().map(|d| (d.kind, d.due)).collect::<Vec<_>>(),
        [(
            DeadlineKind::InformationReply { request: 1 },
            today() + Duration::weeks(2)
        )]
    );
    assert!(!item.pending);
    assert_eq!(
        store.access_log(c.id).await.unwrap().len(),
        log_before,
        "the list reads no case"
    );
}
both_backends!(work_list_on, super::the_work_list_shows_assignments_and_deadlines);
