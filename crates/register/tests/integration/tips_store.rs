//! Tip cases on SQLite and PostgreSQL: the whole lifecycle to the ministry's outcome, sanctions
//! reaching the register (and public listing), access rules, sealed contacts, the access log.

use crate::both_backends;
use crate::common;

use register::Database;
use register::casework::ApprovalStatus;
use register::command::{ChangeMeta, Command};
use register::interpreter::Profile;
use register::licence::LicenceStatus;
use register::qualification::{NewQualification, QualificationKind};
use register::rules::RuleError;
use register::store::tips::SHOWN_FOR_PROCESSING;
use register::tips::access::CaseView;
use register::tips::{
    CaseEvent, CaseStatus, Channel, ClosureReason, CommitteePerson, ContactKey, DecisionOutcome, Ground, Grounds,
    MinistryOutcome, NewEvent, NewMeeting, NewTerm, NewTip, OrganisationNumber, Reporter, ReporterContact,
    ReporterRole, Seat, SeatHolders, Subject, TermRules, TipCase, TipError, TipRules, Viewer,
};
use register::workflow::tips::{self as workflow, Acted};
use register::{InterpreterNumber, LanguageCode, Timestamp};
use time::{Date, Duration};

const KEY_HEX: &str = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const REPORTER_NAME: &str = "Ingrid Varslersen";
const REPORTER_EMAIL: &str = "ingrid.varslersen@kommune.example.no";

fn key() -> ContactKey {
    ContactKey::parse(KEY_HEX).unwrap()
}

fn rules() -> TipRules {
    TipRules::default()
}

fn today() -> Date {
    Timestamp::now().date()
}

fn arb() -> LanguageCode {
    "ARB".parse().unwrap()
}

fn profile() -> Profile {
    common::sample_profile()
}

/// An interpreter listed for Arabic with a licence (no. 1) and a foundation course.
async fn listed(store: &Database) -> InterpreterNumber {
    let n = store
        .register_interpreter(profile(), ChangeMeta::now("staff:kari", "søknad"))
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
    for command in [
        course,
        Command::GrantLicence {
            language: arb(),
            granted_on: today(),
            decision_ref: "24/17".into(),
        },
        Command::ApproveEntry { language: arb() },
    ] {
        store
            .execute(n, command, ChangeMeta::now("staff:kari", "søknad"))
            .await
            .unwrap();
    }
    assert!(is_listed(store, n).await);
    n
}

async fn is_listed(store: &Database, n: InterpreterNumber) -> bool {
    store.record(n).await.unwrap().unwrap().is_listed_on(today())
}

fn identified() -> Reporter {
    Reporter::Identified {
        role: ReporterRole::PublicBody,
        contact: ReporterContact::new(REPORTER_NAME, Some(REPORTER_EMAIL), Some("+47 22 00 00 00")).unwrap(),
    }
}

fn tip(subject: Subject, grounds: &[Ground], reporter: Reporter) -> NewTip {
    NewTip {
        received_on: today(),
        channel: Channel::WebForm,
        subject,
        assignment_on: Some(today() - Duration::days(3)),
        assignment_place: "Oslo universitetssykehus".into(),
        grounds: Grounds::new(grounds.iter().copied()).unwrap(),
        account: "Tolken fortalte andre om pasientens diagnose etter oppdraget.".into(),
        reporter,
        received_by: "public:web".into(),
    }
}

async fn receive(store: &Database, n: InterpreterNumber, reporter: Reporter) -> TipCase {
    store
        .receive_tip(
            &tip(Subject::Interpreter { number: n }, &[Ground::Confidentiality], reporter),
            &key(),
        )
        .await
        .unwrap()
}

/// Makes an event that needs no second person, as `staff:kari`.
async fn step(store: &Database, case: &TipCase, event: CaseEvent) -> TipCase {
    let kind = event.kind();
    match workflow::act(
        store,
        case.id,
        case.version,
        event,
        "staff:kari",
        "saksbehandling",
        &rules(),
    )
    .await
    {
        Ok(Acted::Done(c)) => *c,
        other => panic!("{kind}: {other:?}"),
    }
}

/// Proposes a sanction as `staff:kari` and has `staff:ola` (senior) approve it.
async fn sanction(store: &Database, case: &TipCase, event: CaseEvent) -> TipCase {
    let proposed = workflow::act(
        store,
        case.id,
        case.version,
        event,
        "staff:kari",
        "alvorlig brudd",
        &rules(),
    )
    .await;
    let Ok(Acted::AwaitingApproval(pending)) = proposed else {
        panic!("a sanction must wait for approval: {proposed:?}")
    };
    workflow::approve(store, pending.id, pending.version, "staff:ola", true, &rules())
        .await
        .unwrap()
}

fn person(login: &str) -> CommitteePerson {
    CommitteePerson {
        login: login.into(),
        name: format!("Navn {login}"),
    }
}

/// A term from 1 January this year with `committee:<seat>` members and `committee:<seat>-vara`
/// deputies, and a meeting today where the given people sit.
async fn committee_meeting(store: &Database, sitting: &[&str]) -> i64 {
    let starts_on = Date::from_calendar_date(today().year(), time::Month::January, 1).unwrap();
    if store.terms().await.unwrap().is_empty() {
        let seats = Seat::ALL
            .iter()
            .map(|s| SeatHolders {
                seat: *s,
                member: person(&format!("committee:{}", s.as_str())),
                deputy: person(&format!("committee:{}-vara", s.as_str())),
            })
            .collect();
        let term = store
            .appoint_term(&NewTerm { starts_on, seats }, &TermRules::default())
            .await
            .unwrap();
        assert_eq!(term.seats.len(), 4);
        assert!(term.ends_on > today());
    }
    let meeting = NewMeeting {
        held_on: today(),
        participants: sitting.iter().map(|s| s.to_string()).collect(),
    };
    store.plan_meeting(&meeting).await.unwrap().id
}

fn decide(outcome: DecisionOutcome, substantial_breach: bool) -> CaseEvent {
    CaseEvent::Decide {
        outcome,
        reasons: "Tolken brøt taushetsplikten, jf. tolkeloven § 15.".into(),
        decided_on: today(),
        appeal_by: rules().appeal_by(today()),
        substantial_breach,
    }
}

/// Assigns `staff:kari`, assesses and opens an investigation.
async fn investigate(store: &Database, case: &TipCase) -> TipCase {
    let mut c = step(
        store,
        case,
        CaseEvent::Assign {
            caseworker: "staff:kari".into(),
        },
    )
    .await;
    c = step(store, &c, CaseEvent::StartAssessment).await;
    step(store, &c, CaseEvent::OpenInvestigation).await
}

/// Puts the case on a meeting's agenda with `summary`.
async fn refer(store: &Database, case: &TipCase, meeting_id: i64, summary: &str) -> TipCase {
    let event = CaseEvent::ReferToCommittee {
        meeting_id,
        summary: summary.into(),
    };
    step(store, case, event).await
}

/// Brings a new case to the point where a sanction may be decided (reply received).
async fn to_decision(store: &Database, case: TipCase) -> TipCase {
    let mut c = investigate(store, &case).await;
    let reply_by = rules().suggested_reply_by(today());
    c = step(
        store,
        &c,
        CaseEvent::SendAdvanceNotice {
            sent_on: today(),
            reply_by,
        },
    )
    .await;
    step(store, &c, CaseEvent::RecordReply { received_on: today() }).await
}

/// Intake → assessment → investigation with temporary exclusion → committee advice → advance
/// notice → exclusion (four eyes) → appeal → ministry reverses; the register follows each step.
async fn whole_lifecycle(store: Database) {
    let n = listed(&store).await;
    let meeting = committee_meeting(&store, &["committee:educator", "committee:public_booker-vara"]).await;
    let case = receive(&store, n, identified()).await;
    assert_eq!((case.status, case.version), (CaseStatus::Received, 0));
    assert!(case.reference().starts_with("VAR-"));

    let mut c = investigate(&store, &case).await;
    c = sanction(&store, &c, CaseEvent::TemporaryExclusion).await;
    assert!(c.temporarily_excluded);
    assert!(
        !is_listed(&store, n).await,
        "a temporary exclusion removes the interpreter at once"
    );

    // Ask the hospital what happened; a wrong organisation number never gets this far.
    assert!("974760674".parse::<OrganisationNumber>().is_err());
    let ask = CaseEvent::RequestInformation {
        organisation_number: "974760673".parse().unwrap(),
        body: "Oslo universitetssykehus".into(),
        asked_on: today(),
        due_on: today() + Duration::weeks(2),
    };
    c = step(&store, &c, ask).await;
    let answer = CaseEvent::RecordInformationReply {
        request: 1,
        received_on: today(),
        summary: "Bekrefter at tolken omtalte pasienten.".into(),
    };
    c = step(&store, &c, answer).await;
    assert_eq!(c.information_requests[0].organisation_number.to_string(), "974760673");
    assert!(c.information_requests[0].answered.is_some());

    let summary = "Mulig brudd på taushetsplikt etter oppdrag på sykehus.";
    c = refer(&store, &c, meeting, summary).await;
    assert_eq!(c.status, CaseStatus::WithCommittee);
    assert_eq!(
        store.meetings_for("committee:educator").await.unwrap()[0].agenda,
        vec![c.id]
    );
    c = step(
        &store,
        &c,
        CaseEvent::RecordAdvice {
            meeting_id: meeting,
            advice: "Utvalget anbefaler utestenging.".into(),
        },
    )
    .await;
    assert_eq!((c.status, c.advice.len()), (CaseStatus::Investigation, 1));

    let reply_by = rules().suggested_reply_by(today());
    c = step(
        &store,
        &c,
        CaseEvent::SendAdvanceNotice {
            sent_on: today(),
            reply_by,
        },
    )
    .await;
    // Before the reply or the deadline, a sanction is refused and nothing changes.
    let early = workflow::act(
        &store,
        c.id,
        c.version,
        decide(DecisionOutcome::Warning, false),
        "staff:kari",
        "r",
        &rules(),
    )
    .await;
    assert!(
        matches!(early, Err(TipError::ReplyPending(d)) if d == reply_by),
        "{early:?}"
    );
    c = step(&store, &c, CaseEvent::RecordReply { received_on: today() }).await;

    // Exclusion needs three warnings or a substantial breach.
    let until = today() + Duration::days(180);
    let weak = workflow::act(
        &store,
        c.id,
        c.version,
        decide(DecisionOutcome::Exclusion { until }, false),
        "staff:kari",
        "r",
        &rules(),
    )
    .await;
    assert!(
        matches!(weak, Err(TipError::ExclusionNotAllowed { warnings: 0 })),
        "{weak:?}"
    );
    c = sanction(&store, &c, decide(DecisionOutcome::Exclusion { until }, true)).await;
    assert_eq!(c.status, CaseStatus::Decided);
    let decision = c.decision.clone().unwrap();
    assert_eq!(
        (decision.decided_by.as_str(), decision.approved_by.as_deref()),
        ("staff:kari", Some("staff:ola"))
    );
    assert_eq!(decision.appeal_by, today() + Duration::weeks(3));
    let record = store.record(n).await.unwrap().unwrap();
    assert_eq!(
        record.entry(arb()).unwrap().status,
        register::EntryStatus::Excluded { until }
    );
    assert!(!c.temporarily_excluded);

    c = step(&store, &c, CaseEvent::Appeal { received_on: today() }).await;
    c = step(&store, &c, CaseEvent::ForwardToMinistry { sent_on: today() }).await;
    assert_eq!(c.status, CaseStatus::WithMinistry);
    assert!(!is_listed(&store, n).await);
    c = step(
        &store,
        &c,
        CaseEvent::RecordMinistryOutcome {
            outcome: MinistryOutcome::Reversed,
            decided_on: today(),
        },
    )
    .await;
    assert_eq!(c.status, CaseStatus::MinistryDecided);
    assert!(
        is_listed(&store, n).await,
        "the ministry's reversal brings the interpreter back"
    );

    // The case history keeps every step with who and why; the register's audit names the case.
    let kinds: Vec<&str> = c.history.iter().map(|e| e.event.kind()).collect();
    assert_eq!(
        kinds,
        [
            "assign",
            "start_assessment",
            "open_investigation",
            "propose",
            "temporary_exclusion",
            "request_information",
            "record_information_reply",
            "refer_to_committee",
            "record_advice",
            "send_advance_notice",
            "record_reply",
            "propose",
            "decide",
            "appeal",
            "forward_to_ministry",
            "record_ministry_outcome"
        ]
    );
    let actions: Vec<String> = store.history(n).await.unwrap().into_iter().map(|a| a.action).collect();
    assert_eq!(actions[actions.len() - 3..], ["suspend", "exclude", "lift_exclusion"]);
    let audit = store.history(n).await.unwrap();
    let suspend = audit.iter().find(|a| a.action == "suspend").unwrap();
    assert_eq!(suspend.actor, "staff:ola");
    assert!(suspend.reason.contains(&c.reference()) && suspend.reason.contains("foreslått av staff:kari"));
    assert!(
        store.tip_list(true).await.unwrap().is_empty(),
        "the case is no longer open"
    );
    assert_eq!(
        store.tip_list(false).await.unwrap()[0].status,
        CaseStatus::MinistryDecided
    );
}
both_backends!(whole_lifecycle_on, super::whole_lifecycle);

/// A temporary exclusion waits for another senior, removes the interpreter from the listed
/// register and the change feed at once, and lifting it brings them back.
async fn temporary_exclusion_and_lifting(store: Database) {
    let n = listed(&store).await;
    let mut c = receive(
        &store,
        n,
        Reporter::Anonymous {
            role: Some(ReporterRole::InterpretedPerson),
        },
    )
    .await;
    c = step(&store, &c, CaseEvent::StartAssessment).await;
    c = step(&store, &c, CaseEvent::OpenInvestigation).await;

    let proposed = workflow::act(
        &store,
        c.id,
        c.version,
        CaseEvent::TemporaryExclusion,
        "staff:kari",
        "fare for nye brudd",
        &rules(),
    )
    .await
    .unwrap();
    let Acted::AwaitingApproval(pending) = proposed else {
        panic!("needs four eyes")
    };
    assert!(is_listed(&store, n).await, "nothing changes before approval");
    let blocked = workflow::act(
        &store,
        c.id,
        pending.version,
        CaseEvent::Assign {
            caseworker: "staff:per".into(),
        },
        "staff:per",
        "r",
        &rules(),
    )
    .await;
    assert!(matches!(blocked, Err(TipError::ProposalPending)), "{blocked:?}");
    let own = workflow::approve(&store, c.id, pending.version, "staff:kari", true, &rules()).await;
    assert!(matches!(own, Err(TipError::OwnProposal)), "{own:?}");
    let junior = workflow::approve(&store, c.id, pending.version, "staff:per", false, &rules()).await;
    assert!(matches!(junior, Err(TipError::NotSenior)), "{junior:?}");
    let stale = workflow::approve(&store, c.id, pending.version - 1, "staff:ola", true, &rules()).await;
    assert!(matches!(stale, Err(TipError::Conflict)), "{stale:?}");
    assert!(is_listed(&store, n).await);

    let seq_before = *store.subscribe().borrow();
    c = workflow::approve(&store, c.id, pending.version, "staff:ola", true, &rules())
        .await
        .unwrap();
    assert!(c.temporarily_excluded && c.pending.is_none());
    assert!(!is_listed(&store, n).await, "excluded from the listed register at once");
    let feed = store.changes_since(seq_before, 10).await.unwrap();
    assert_eq!(
        feed.iter().map(|f| f.number).collect::<Vec<_>>(),
        [n],
        "public search follows the feed"
    );

    // Lifting needs no second person and restores the listing.
    c = step(&store, &c, CaseEvent::LiftTemporaryExclusion).await;
    assert!(!c.temporarily_excluded);
    assert!(is_listed(&store, n).await, "listed again once lifted");
    assert_eq!(
        store.history(n).await.unwrap().last().unwrap().action,
        "lift_suspension"
    );

    // A decision of no breach while suspended lifts the suspension too.
    c = sanction(&store, &c, CaseEvent::TemporaryExclusion).await;
    assert!(!is_listed(&store, n).await);
    c = step(&store, &c, decide(DecisionOutcome::NoBreach, false)).await;
    assert_eq!(c.status, CaseStatus::Decided);
    assert!(is_listed(&store, n).await);
    let rejected = workflow::act(
        &store,
        c.id,
        c.version,
        CaseEvent::Appeal { received_on: today() },
        "staff:kari",
        "r",
        &rules(),
    )
    .await;
    assert!(rejected.is_err(), "no breach cannot be appealed");
}
both_backends!(temporary_exclusion_on, super::temporary_exclusion_and_lifting);

/// Assigned caseworkers see the reporter; other staff do not; committee members see only the
/// summary of cases on their meetings' agendas, never the reporter, and not when conflicted.
/// Every read, refusals included, is in the access log.
async fn access_rules(store: Database) {
    let n = listed(&store).await;
    let meeting = committee_meeting(&store, &["committee:educator", "committee:user_representative"]).await;
    let mut c = receive(&store, n, identified()).await;
    let other = receive(&store, n, identified()).await;
    c = investigate(&store, &c).await;
    let summary = "Sak om taushetsplikt; tolken skal ha omtalt en pasient.";
    refer(&store, &c, meeting, summary).await;

    let kari = Viewer::Staff {
        login: "staff:kari".into(),
    };
    let ola = Viewer::Staff {
        login: "staff:ola".into(),
    };
    let educator = Viewer::CommitteeMember {
        login: "committee:educator".into(),
    };
    let user_rep = Viewer::CommitteeMember {
        login: "committee:user_representative".into(),
    };
    let deputy = Viewer::CommitteeMember {
        login: "committee:educator-vara".into(),
    };

    let full = store.view_case(c.id, &kari, &key()).await.unwrap();
    let contact = full
        .reporter()
        .and_then(|r| r.contact())
        .expect("the assigned caseworker sees the reporter");
    assert_eq!((contact.name(), contact.email()), (REPORTER_NAME, Some(REPORTER_EMAIL)));

    let unassigned = store.view_case(c.id, &ola, &key()).await.unwrap();
    assert!(matches!(unassigned, CaseView::WithoutReporter { .. }));
    assert!(!serde_json::to_string(&unassigned).unwrap().contains(REPORTER_NAME));

    let member_view = store.view_case(c.id, &educator, &key()).await.unwrap();
    let CaseView::CommitteeSummary(s) = &member_view else {
        panic!("a member sees a summary: {member_view:?}")
    };
    assert_eq!(
        (s.summaries.as_slice(), s.interpreter),
        (&[summary.to_string()][..], Some(n))
    );
    let shown = serde_json::to_string(&member_view).unwrap();
    for secret in [REPORTER_NAME, REPORTER_EMAIL, "diagnose", "public_body"] {
        assert!(!shown.contains(secret), "a member must not see «{secret}»: {shown}");
    }

    for (viewer, id) in [(&educator, other.id), (&deputy, c.id)] {
        let refused = store.view_case(id, viewer, &key()).await;
        assert!(
            matches!(refused, Err(TipError::AccessDenied)),
            "{viewer:?} on {id}: {refused:?}"
        );
    }
    store
        .declare_conflict(c.id, "committee:user_representative", "kjenner tolken")
        .await
        .unwrap();
    assert!(matches!(
        store.view_case(c.id, &user_rep, &key()).await,
        Err(TipError::AccessDenied)
    ));
    store.view_case(c.id, &educator, &key()).await.unwrap();

    // A wrong key cannot open the contact; the assigned caseworker gets an error, not garbage.
    let wrong = ContactKey::parse(&KEY_HEX.replace('8', "9")).unwrap();
    assert!(matches!(
        store.view_case(c.id, &kari, &wrong).await,
        Err(TipError::Key(_))
    ));

    let log = store.access_log(c.id).await.unwrap();
    let entries: Vec<(&str, &str)> = log
        .iter()
        .filter(|e| e.shown != SHOWN_FOR_PROCESSING)
        .map(|e| (e.viewer.as_str(), e.shown.as_str()))
        .collect();
    assert_eq!(
        entries,
        [
            ("staff:kari", "full"),
            ("staff:ola", "without_reporter"),
            ("committee:educator", "committee_summary"),
            ("committee:educator-vara", "refused_not_on_agenda"),
            ("committee:user_representative", "refused_conflict"),
            ("committee:educator", "committee_summary"),
        ]
    );
    assert!(log.iter().all(|e| e.tip_id == c.id && e.viewed_at.date() == today()));
    assert!(
        log.iter()
            .any(|e| e.shown == SHOWN_FOR_PROCESSING && e.viewer == "staff:kari"),
        "processing reads are logged too"
    );
    let other_log = store.access_log(other.id).await.unwrap();
    assert_eq!(other_log.len(), 1);
    assert_eq!(
        (other_log[0].viewer.as_str(), other_log[0].shown.as_str()),
        ("committee:educator", "refused_not_on_agenda")
    );
}
both_backends!(access_rules_on, super::access_rules);

/// Three standing warnings within five years allow exclusion without a substantial breach;
/// tips about unknown people are closed with guidance; the annual figures count it all.
async fn warnings_and_figures(store: Database) {
    let n = listed(&store).await;
    for i in 0..3 {
        let c = to_decision(&store, receive(&store, n, Reporter::Anonymous { role: None }).await).await;
        assert_eq!(store.warnings_within(n, today(), &rules()).await.unwrap(), i);
        step(&store, &c, decide(DecisionOutcome::Warning, false)).await;
    }
    assert_eq!(store.warnings_within(n, today(), &rules()).await.unwrap(), 3);
    let c = to_decision(&store, receive(&store, n, identified()).await).await;
    let c = sanction(&store, &c, decide(DecisionOutcome::PermanentExclusion, false)).await;
    assert_eq!(c.decision.unwrap().outcome, DecisionOutcome::PermanentExclusion);
    assert!(!is_listed(&store, n).await);

    let unknown = tip(
        Subject::Unknown {
            description: "Mann, tolket somali på NAV".into(),
        },
        &[Ground::GoodPractice, Ground::Impartiality],
        Reporter::Anonymous { role: None },
    );
    let u = store
        .receive_tip(
            &NewTip {
                channel: Channel::Post,
                received_by: "staff:kari".into(),
                ..unknown
            },
            &key(),
        )
        .await
        .unwrap();
    let refused = workflow::act(
        &store,
        u.id,
        u.version,
        CaseEvent::Close {
            reason: ClosureReason::OutsidePower,
            guidance: None,
        },
        "staff:kari",
        "r",
        &rules(),
    )
    .await;
    assert!(matches!(refused, Err(TipError::Invalid(_))));
    let closed = step(
        &store,
        &u,
        CaseEvent::Close {
            reason: ClosureReason::OutsidePower,
            guidance: Some("Kontakt tolkeformidleren.".into()),
        },
    )
    .await;
    assert_eq!(closed.status, CaseStatus::Closed);
    let missing = store
        .receive_tip(
            &tip(
                Subject::Interpreter {
                    number: "9999999".parse().unwrap(),
                },
                &[Ground::GoodPractice],
                Reporter::Anonymous { role: None },
            ),
            &key(),
        )
        .await;
    assert!(
        matches!(missing, Err(TipError::Store(register::StoreError::NotFound(_)))),
        "{missing:?}"
    );

    let meeting = committee_meeting(&store, &["committee:educator"]).await;
    let mut a = step(
        &store,
        &receive(&store, n, Reporter::Anonymous { role: None }).await,
        CaseEvent::StartAssessment,
    )
    .await;
    a = step(&store, &a, CaseEvent::OpenInvestigation).await;
    a = step(
        &store,
        &a,
        CaseEvent::ReferToCommittee {
            meeting_id: meeting,
            summary: "s".into(),
        },
    )
    .await;
    step(
        &store,
        &a,
        CaseEvent::RecordAdvice {
            meeting_id: meeting,
            advice: "Ingen reaksjon.".into(),
        },
    )
    .await;

    let figures = store.annual_figures().await.unwrap();
    assert_eq!(figures.len(), 1);
    let f = &figures[0];
    assert_eq!((f.year, f.tips), (today().year(), 6));
    assert_eq!(
        (f.per_ground.get(&Ground::Confidentiality), f.several_grounds),
        (Some(&5), 1)
    );
    assert_eq!(f.outcomes.get("warning"), Some(&3));
    assert_eq!(f.outcomes.get("permanent_exclusion"), Some(&1));
    assert_eq!(f.outcomes.get("outside_power"), Some(&1));
    assert_eq!(f.outcomes.get("open"), Some(&1));
    assert_eq!((f.meetings, f.cases_advised), (1, 1));
}
both_backends!(warnings_and_figures_on, super::warnings_and_figures);

/// The reporter's contact is sealed in the database: the raw column holds neither the name
/// nor the e-mail, and two tips from the same person seal differently.
async fn sealed_contact(store: &Database) -> (i64, i64) {
    let n = listed(store).await;
    let a = receive(store, n, identified()).await;
    let b = receive(store, n, identified()).await;
    let anonymous = receive(store, n, Reporter::Anonymous { role: None }).await;
    assert!(anonymous.intake.anonymous && !a.intake.anonymous);
    (a.id, b.id)
}

fn assert_sealed(raw: Vec<Option<Vec<u8>>>) {
    let [Some(a), Some(b), None] = raw.as_slice() else {
        panic!("two sealed contacts and one anonymous: {raw:?}")
    };
    assert_ne!(a, b, "a fresh nonce per value");
    for bytes in [a, b] {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("Ingrid") && !text.contains("kommune.example") && !text.contains("\"name\""),
            "{text}"
        );
        let plain = key().open(bytes).unwrap();
        assert!(String::from_utf8(plain).unwrap().contains(REPORTER_EMAIL));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_is_sealed_at_rest_sqlite() {
    use sqlx::Connection;
    let f = common::sqlite().await;
    sealed_contact(&f.store).await;
    let mut conn = sqlx::SqliteConnection::connect(&f.url).await.unwrap();
    let raw: Vec<Option<Vec<u8>>> = sqlx::query_scalar("SELECT reporter_contact FROM tips ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_sealed(raw);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_is_sealed_at_rest_postgres() {
    let Some(f) = common::postgres().await else { return };
    sealed_contact(&f.store).await;
    let raw: Vec<Option<Vec<u8>>> = sqlx::query_scalar("SELECT reporter_contact FROM tips ORDER BY id")
        .fetch_all(f.store.postgres_pool().expect("a PostgreSQL store"))
        .await
        .unwrap();
    assert_sealed(raw);
}

// A sanction and its case event commit together: if the register refuses the change, the case
// keeps no trace of the event, and the register no trace of a half-made change.
async fn event_and_sanction_commit_together(store: Database) {
    let n = listed(&store).await;
    let case = investigate(&store, &receive(&store, n, identified()).await).await;
    let proposed = workflow::act(
        &store,
        case.id,
        case.version,
        CaseEvent::TemporaryExclusion,
        "staff:kari",
        "fare for nye brudd",
        &rules(),
    )
    .await;
    let Ok(Acted::AwaitingApproval(case)) = proposed else {
        panic!("{proposed:?}")
    };
    let approved = |event: CaseEvent| NewEvent {
        event,
        actor: "staff:kari".into(),
        approved_by: Some("staff:ola".into()),
        reason: "fare for nye brudd".into(),
    };
    let meta = ChangeMeta::now("staff:ola", "Varselsak: midlertidig utestenging");
    let feed_before = store.changes_since(0, i64::MAX).await.unwrap().len();

    // The register refuses the second change (nothing to lift), so the first is undone with it.
    let refused = store
        .append_event_with_changes(
            case.id,
            case.version,
            &approved(CaseEvent::TemporaryExclusion),
            &[(n, Command::Suspend), (n, Command::LiftExclusion)],
            &meta,
            &rules(),
            today(),
        )
        .await;
    assert!(
        matches!(refused, Err(TipError::Store(_))),
        "refused by the register: {refused:?}"
    );
    let after = store.case_for_processing(case.id, "staff:kari").await.unwrap();
    assert_eq!(after.version, case.version, "no event without its register change");
    assert!(!after.temporarily_excluded);
    assert!(is_listed(&store, n).await, "no suspension without its case event");
    assert_eq!(store.changes_since(0, i64::MAX).await.unwrap().len(), feed_before);

    let made = store
        .append_event_with_changes(
            case.id,
            case.version,
            &approved(CaseEvent::TemporaryExclusion),
            &[(n, Command::Suspend)],
            &meta,
            &rules(),
            today(),
        )
        .await
        .unwrap();
    assert!(made.temporarily_excluded);
    assert!(!is_listed(&store, n).await, "the suspension is in the register");
    assert_eq!(store.changes_since(0, i64::MAX).await.unwrap().len(), feed_before + 1);
}

both_backends!(event_and_sanction_atomic_on, super::event_and_sanction_commit_together);

fn without_grounds<T: std::fmt::Debug>(result: &Result<T, impl std::fmt::Debug + std::fmt::Display>) -> bool {
    matches!(result, Err(e) if e.to_string().contains("tolkeloven § 21"))
}

/// The warnings the register counted when it refused an exclusion for want of grounds.
fn warnings_refused<T>(result: &Result<T, register::StoreError>) -> Option<usize> {
    match result {
        Err(register::StoreError::Rule(RuleError::ExclusionWithoutGrounds { warnings, .. })) => Some(*warnings),
        _ => None,
    }
}

/// Exclusion for a period or permanently needs three standing warnings within five years or a
/// substantial breach established in a tip case (tolkeloven § 21), whichever path it comes
/// through: a direct command, a staff request for four-eyes approval, the approval of a request
/// recorded earlier, a tip-case event whose changes carry an exclusion. Suspension does not.
async fn exclusion_needs_grounds_on_every_path(store: Database) {
    let n = listed(&store).await;
    let period = Command::Exclude {
        until: Some(today() + Duration::days(180)),
    };
    let permanent = Command::Exclude { until: None };
    let feed_before = store.changes_since(0, i64::MAX).await.unwrap().len();

    let direct = store
        .execute(n, period.clone(), ChangeMeta::now("staff:sigrid", "brudd"))
        .await;
    assert_eq!(warnings_refused(&direct), Some(0), "{direct:?}");
    let requested =
        register::workflow::casework::request_change(&store, n, permanent.clone(), "brudd", "staff:sigrid").await;
    assert!(without_grounds(&requested), "{requested:?}");
    assert!(
        store.approvals(ApprovalStatus::Pending).await.unwrap().is_empty(),
        "nothing waits for approval"
    );

    // A request recorded before the rule held (or by any other way in) is refused on approval
    // and stays pending.
    let old = store
        .request_approval(n, &period, "brudd", "staff:sigrid")
        .await
        .unwrap();
    let approved = register::workflow::casework::approve(&store, old.id, "staff:ola", true).await;
    assert!(without_grounds(&approved), "{approved:?}");
    assert_eq!(
        store.approval(old.id).await.unwrap().unwrap().status,
        ApprovalStatus::Pending
    );

    // A tip-case event that establishes no substantial breach cannot carry an exclusion.
    let case = investigate(&store, &receive(&store, n, identified()).await).await;
    let approved_event = NewEvent {
        event: CaseEvent::TemporaryExclusion,
        actor: "staff:kari".into(),
        approved_by: Some("staff:ola".into()),
        reason: "fare for nye brudd".into(),
    };
    let proposal = workflow::act(
        &store,
        case.id,
        case.version,
        CaseEvent::TemporaryExclusion,
        "staff:kari",
        "fare for nye brudd",
        &rules(),
    )
    .await
    .unwrap();
    let case = proposal.case().clone();
    let smuggled = store
        .append_event_with_changes(
            case.id,
            case.version,
            &approved_event,
            &[(n, permanent.clone())],
            &ChangeMeta::now("staff:ola", "Varselsak"),
            &rules(),
            today(),
        )
        .await;
    assert!(without_grounds(&smuggled), "{smuggled:?}");
    assert!(is_listed(&store, n).await);
    assert_eq!(store.changes_since(0, i64::MAX).await.unwrap().len(), feed_before);

    // Suspension while a case runs is not an exclusion in this sense.
    let suspended = store
        .execute(n, Command::Suspend, ChangeMeta::now("staff:ola", "sak pågår"))
        .await
        .unwrap();
    assert!(!suspended.is_listed_on(today()));
    store
        .execute(
            n,
            Command::LiftSuspension,
            ChangeMeta::now("staff:ola", "sak avsluttet"),
        )
        .await
        .unwrap();

    // Two warnings are not enough; the third is.
    for i in 0..3 {
        let c = to_decision(&store, receive(&store, n, Reporter::Anonymous { role: None }).await).await;
        step(&store, &c, decide(DecisionOutcome::Warning, false)).await;
        if i == 1 {
            let two = store
                .execute(n, period.clone(), ChangeMeta::now("staff:sigrid", "brudd"))
                .await;
            assert_eq!(warnings_refused(&two), Some(2), "{two:?}");
        }
    }
    let record = register::workflow::casework::approve(&store, old.id, "staff:ola", true)
        .await
        .unwrap();
    assert_eq!(
        record.entry(arb()).unwrap().status,
        register::EntryStatus::Excluded {
            until: today() + Duration::days(180)
        }
    );
}
both_backends!(exclusion_needs_grounds_on, super::exclusion_needs_grounds_on_every_path);

/// The store adds a document only for a caseworker assigned to the case or a senior, judged on
/// the case as it stands when the document is written.
async fn documents_only_from_assignees_and_seniors(store: Database) {
    let n = listed(&store).await;
    let case = investigate(&store, &receive(&store, n, identified()).await).await;
    let doc = |by: &str| register::tips::NewDocument::new("svar.txt", b"Svar fra sykehuset.".to_vec(), by).unwrap();
    let refused = store
        .add_document(case.id, &doc("staff:per"), false, "svar", &rules())
        .await;
    assert!(matches!(refused, Err(TipError::NotAssigned)), "{refused:?}");
    assert!(store.documents(case.id).await.unwrap().is_empty(), "nothing stored");
    store
        .add_document(case.id, &doc("staff:kari"), false, "svar", &rules())
        .await
        .unwrap();
    store
        .add_document(case.id, &doc("staff:sigrid"), true, "svar", &rules())
        .await
        .unwrap();
    assert_eq!(store.documents(case.id).await.unwrap().len(), 2);
}
both_backends!(
    documents_only_from_assignees_on,
    super::documents_only_from_assignees_and_seniors
);

/// A meeting's agenda lists the cases referred to it in referral order, with the interpreter,
/// the status, whether its advice is recorded and the conflicts declared; another meeting's
/// cases are not on it, and an unknown meeting is an error.
async fn meeting_agenda(store: Database) {
    let n = listed(&store).await;
    let meeting = committee_meeting(&store, &["committee:educator", "committee:degree_interpreter"]).await;
    let later = committee_meeting(&store, &["committee:educator"]).await;
    assert!(store.agenda(meeting).await.unwrap().is_empty());

    let first = investigate(&store, &receive(&store, n, identified()).await).await;
    let second = investigate(&store, &receive(&store, n, identified()).await).await;
    let elsewhere = investigate(&store, &receive(&store, n, identified()).await).await;
    // Referred out of id order: the agenda keeps the order of referral.
    let second = refer(&store, &second, meeting, "Andre sak").await;
    refer(&store, &first, meeting, "Første sak").await;
    refer(&store, &elsewhere, later, "På et annet møte").await;
    step(
        &store,
        &second,
        CaseEvent::RecordAdvice {
            meeting_id: meeting,
            advice: "Utvalget anbefaler advarsel.".into(),
        },
    )
    .await;
    store
        .declare_conflict(first.id, "committee:degree_interpreter", "Tolken er min svigerinne.")
        .await
        .unwrap();
    // Declaring twice keeps the first declaration.
    store
        .declare_conflict(first.id, "committee:degree_interpreter", "igjen")
        .await
        .unwrap();

    let agenda = store.agenda(meeting).await.unwrap();
    let ids: Vec<i64> = agenda.iter().map(|a| a.tip_id).collect();
    assert_eq!(ids, [second.id, first.id]);
    let (done, open) = (&agenda[0], &agenda[1]);
    assert_eq!(done.reference, second.reference());
    assert_eq!(
        (done.interpreter, done.status, done.advised),
        (Some(n), CaseStatus::Investigation, true)
    );
    assert!(done.conflicts.is_empty());
    assert_eq!((open.status, open.advised), (CaseStatus::WithCommittee, false));
    let conflicts: Vec<(&str, &str)> = open
        .conflicts
        .iter()
        .map(|c| (c.login.as_str(), c.note.as_str()))
        .collect();
    assert_eq!(
        conflicts,
        [("committee:degree_interpreter", "Tolken er min svigerinne.")]
    );
    assert_eq!(open.conflicts[0].declared_at.date(), today());

    let other: Vec<i64> = store.agenda(later).await.unwrap().iter().map(|a| a.tip_id).collect();
    assert_eq!(other, [elsewhere.id]);
    let missing = store.agenda(later + 100).await;
    assert!(
        matches!(missing, Err(TipError::MeetingNotFound(m)) if m == later + 100),
        "{missing:?}"
    );
    // Listing an agenda shows no case content, so it is not a logged read.
    assert!(
        store
            .access_log(first.id)
            .await
            .unwrap()
            .iter()
            .all(|e| e.shown == SHOWN_FOR_PROCESSING)
    );
}
both_backends!(meeting_agenda_on, super::meeting_agenda);

/// A revocation set aside on appeal gives the licence back and lists the interpreter again.
async fn revocation_reversed_on_appeal(store: Database) {
    let n = listed(&store).await;
    let case = to_decision(&store, receive(&store, n, identified()).await).await;
    let revoke = decide(
        DecisionOutcome::Revocation {
            licence_no: 1,
            until: None,
        },
        true,
    );
    let decided = sanction(&store, &case, revoke).await;
    let licence = |r: register::InterpreterRecord| r.licences.iter().find(|l| l.no == 1).unwrap().status;
    assert_eq!(licence(store.record(n).await.unwrap().unwrap()), LicenceStatus::Revoked);
    assert!(!is_listed(&store, n).await);

    let appealed = step(&store, &decided, CaseEvent::Appeal { received_on: today() }).await;
    let reversal = CaseEvent::ReverseOnAppeal {
        reasons: "Klagen førte fram: bruddet er ikke bevist.".into(),
    };
    let reversed = match workflow::act(
        &store,
        appealed.id,
        appealed.version,
        reversal,
        "staff:kari",
        "klage",
        &rules(),
    )
    .await
    {
        Ok(Acted::Done(c)) => *c,
        Ok(Acted::AwaitingApproval(c)) => workflow::approve(&store, c.id, c.version, "staff:ola", true, &rules())
            .await
            .unwrap(),
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(reversed.status, CaseStatus::ReversedOnAppeal);
    assert_eq!(licence(store.record(n).await.unwrap().unwrap()), LicenceStatus::Active);
    assert!(is_listed(&store, n).await, "listed again with the licence back");
    let again = store
        .execute(
            n,
            Command::ReinstateLicence { no: 1 },
            ChangeMeta::now("staff:kari", "feil"),
        )
        .await;
    assert!(again.is_err(), "only a revoked licence can be reinstated: {again:?}");
}

both_backends!(revocation_reversed_on_appeal_on, super::revocation_reversed_on_appeal);
