//! Casework storage and flows on SQLite and PostgreSQL: four-eyes approval of revocations,
//! decisions that change the register or leave nothing behind, foreign-qualification cases.

use crate::both_backends;
use crate::common;

use register::Database;
use register::casework::{
    ApprovalStatus, CaseworkError, ChecklistItem, Deadlines, DecisionKind, Equivalent, LetterLanguage, NewDecision,
    NewForeignCase, Outcome,
};
use register::command::{ChangeMeta, Command};
use register::interpreter::Profile;
use register::licence::LicenceStatus;
use register::qualification::{NewQualification, QualificationKind};
use register::rules::RuleError;
use register::workflow::casework::{self as workflow, ForeignDecision, Requested};
use register::{Category, InterpreterNumber, LanguageCode, StoreError, Timestamp};
use time::Duration;

fn profile() -> Profile {
    common::sample_profile()
}

fn arb() -> LanguageCode {
    "ARB".parse().unwrap()
}

fn today() -> time::Date {
    Timestamp::now().date()
}

fn qualification(kind: QualificationKind, language: Option<LanguageCode>) -> Command {
    Command::AddQualification {
        qualification: NewQualification {
            kind,
            language,
            completed_on: today() - Duration::days(400),
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "ARK-7".into(),
        },
    }
}

async fn category(store: &Database, n: InterpreterNumber) -> Option<Category> {
    store
        .record(n)
        .await
        .unwrap()
        .unwrap()
        .entry(arb())
        .and_then(|e| e.category)
}

/// An interpreter listed for Arabic in category B (licence + foundation course).
async fn licensed(store: &Database) -> InterpreterNumber {
    let n = store
        .register_interpreter(profile(), ChangeMeta::now("staff:kari", "papirsøknad 24/1"))
        .await
        .unwrap()
        .number;
    for command in [
        qualification(QualificationKind::FoundationCourse, Some(arb())),
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
    assert_eq!(category(store, n).await, Some(Category::B));
    n
}

/// A revocation waits for another senior; only then does the category fall, in the approver's
/// name with both people in the history.
async fn revocation_needs_a_second_senior(store: Database) {
    let n = licensed(&store).await;
    let revoke = Command::ChangeLicenceStatus {
        no: 1,
        status: LicenceStatus::Revoked,
    };
    let Requested::AwaitingApproval(pending) =
        workflow::request_change(&store, n, revoke, "alvorlig brudd på god tolkeskikk", "staff:sigrid")
            .await
            .unwrap()
    else {
        panic!("a revocation must wait for approval");
    };
    assert_eq!(
        category(&store, n).await,
        Some(Category::B),
        "nothing changes before approval"
    );
    assert_eq!(store.approvals(ApprovalStatus::Pending).await.unwrap().len(), 1);

    let own = workflow::approve(&store, pending.id, "staff:sigrid", true).await;
    assert!(matches!(own, Err(CaseworkError::OwnRequest)), "{own:?}");
    let junior = workflow::approve(&store, pending.id, "staff:kari", false).await;
    assert!(matches!(junior, Err(CaseworkError::NotSenior)), "{junior:?}");
    assert_eq!(category(&store, n).await, Some(Category::B));

    let after = workflow::approve(&store, pending.id, "staff:nils", true).await.unwrap();
    assert_eq!(
        after.entry(arb()).unwrap().category,
        Some(Category::D),
        "foundation course remains"
    );
    let again = workflow::approve(&store, pending.id, "staff:nils", true).await;
    assert!(matches!(again, Err(CaseworkError::ApprovalClosed)));
    let closed = store.approval(pending.id).await.unwrap().unwrap();
    assert_eq!(
        (closed.status, closed.decided_by.as_deref()),
        (ApprovalStatus::Approved, Some("staff:nils"))
    );

    let last = store.history(n).await.unwrap().pop().unwrap();
    assert_eq!(last.actor, "staff:nils");
    assert!(last.reason.contains("foreslått av staff:sigrid") && last.reason.contains("godkjent av staff:nils"));
    let feed = store.changes_since(0, 100).await.unwrap();
    assert_eq!(feed.last().unwrap().number, n, "the change reaches the feed");
}
both_backends!(
    revocation_needs_a_second_senior_on,
    super::revocation_needs_a_second_senior
);

/// A request that breaks the rules is refused at once; a request that became impossible before
/// approval stays pending; a rejection changes nothing.
async fn refused_and_rejected_requests(store: Database) {
    let n = licensed(&store).await;
    let unknown = Command::ChangeLicenceStatus {
        no: 9,
        status: LicenceStatus::Revoked,
    };
    let refused = workflow::request_change(&store, n, unknown, "feil", "staff:kari").await;
    assert!(matches!(
        refused,
        Err(CaseworkError::Store(StoreError::Rule(RuleError::NoSuchLicence(9))))
    ));
    let no_reason = workflow::request_change(&store, n, Command::Suspend, " ", "staff:kari").await;
    assert!(matches!(no_reason, Err(CaseworkError::Invalid(_))));

    let temporary = Command::ChangeLicenceStatus {
        no: 1,
        status: LicenceStatus::TemporarilyRevoked,
    };
    let revoke = Command::ChangeLicenceStatus {
        no: 1,
        status: LicenceStatus::Revoked,
    };
    let Requested::AwaitingApproval(first) = workflow::request_change(&store, n, temporary, "sak", "staff:kari")
        .await
        .unwrap()
    else {
        panic!()
    };
    let Requested::AwaitingApproval(second) = workflow::request_change(&store, n, revoke, "sak", "staff:per")
        .await
        .unwrap()
    else {
        panic!()
    };
    workflow::approve(&store, second.id, "staff:sigrid", true)
        .await
        .unwrap();
    // Revoked is final: the temporary revocation can no longer be made, and stays pending.
    let stale = workflow::approve(&store, first.id, "staff:sigrid", true).await;
    assert!(
        matches!(
            stale,
            Err(CaseworkError::Store(StoreError::Rule(
                RuleError::LicenceTransition { .. }
            )))
        ),
        "{stale:?}"
    );
    assert_eq!(
        store.approval(first.id).await.unwrap().unwrap().status,
        ApprovalStatus::Pending
    );

    let empty_note = workflow::reject(&store, first.id, "staff:nils", true, "").await;
    assert!(matches!(empty_note, Err(CaseworkError::Invalid(_))));
    let rejected = workflow::reject(&store, first.id, "staff:nils", true, "overtatt av tilbakekallet")
        .await
        .unwrap();
    assert_eq!(rejected.status, ApprovalStatus::Rejected);
    assert_eq!(rejected.note.as_deref(), Some("overtatt av tilbakekallet"));
    assert!(store.approvals(ApprovalStatus::Pending).await.unwrap().is_empty());
    assert_eq!(store.approvals_for(n).await.unwrap().len(), 2);
}
both_backends!(refused_and_rejected_requests_on, super::refused_and_rejected_requests);

fn decision(n: InterpreterNumber, kind: DecisionKind) -> NewDecision {
    NewDecision {
        number: n,
        kind,
        language: Some(arb()),
        case_ref: None,
        reasons: "Vilkårene i tolkeforskriften § 11 er oppfylt.".into(),
        legal_basis: kind.default_legal_basis().into(),
        decided_on: today(),
        letter_language: LetterLanguage::Nynorsk,
        decided_by: "staff:kari".into(),
    }
}

/// A decision to list an interpreter lists them, with the decision's reference in the history;
/// a decision the rules refuse leaves no decision behind.
async fn decisions_change_the_register_or_nothing(store: Database) {
    let n = store
        .register_interpreter(profile(), ChangeMeta::now("staff:kari", "e-post 24/2"))
        .await
        .unwrap()
        .number;
    let refused = workflow::decide(&store, decision(n, DecisionKind::ApproveEntry), &Deadlines::default()).await;
    assert!(
        matches!(
            refused,
            Err(CaseworkError::Store(StoreError::Rule(RuleError::NotEligible(_))))
        ),
        "{refused:?}"
    );
    assert!(store.decisions_for(n).await.unwrap().is_empty(), "nothing half-saved");
    // Past the checks (as when the register changed since): the register refuses inside the
    // decision's own transaction, so the decision is not stored either.
    let command = Command::ApproveEntry { language: arb() };
    let raced = store
        .record_decision(&decision(n, DecisionKind::ApproveEntry), today(), move |_| {
            Ok(Some(command))
        })
        .await;
    assert!(
        matches!(raced, Err(CaseworkError::Store(StoreError::Rule(_)))),
        "{raced:?}"
    );
    assert!(
        store.decisions_for(n).await.unwrap().is_empty(),
        "no decision without its change"
    );

    for kind in [QualificationKind::TaoCourse, QualificationKind::BilingualTest] {
        let language = (kind != QualificationKind::TaoCourse).then(arb);
        store
            .execute(n, qualification(kind, language), ChangeMeta::now("staff:kari", "bevis"))
            .await
            .unwrap();
    }
    let made = workflow::decide(&store, decision(n, DecisionKind::ApproveEntry), &Deadlines::default())
        .await
        .unwrap();
    assert_eq!(made.appeal_deadline, today() + Duration::weeks(3));
    assert_eq!(made.letter_language, LetterLanguage::Nynorsk);
    assert_eq!(category(&store, n).await, Some(Category::E));
    let last = store.history(n).await.unwrap().pop().unwrap();
    assert!(
        last.reason.starts_with(&format!("Vedtak {}:", made.reference())),
        "{}",
        last.reason
    );

    let refusal = workflow::decide(&store, decision(n, DecisionKind::RefuseEntry), &Deadlines::default())
        .await
        .unwrap();
    assert_eq!(store.decisions_for(n).await.unwrap().len(), 2);
    assert_eq!(store.decision(refusal.id).await.unwrap().unwrap(), refusal);
    let mut bad = decision(n, DecisionKind::Withdraw);
    bad.reasons.clear();
    assert!(matches!(
        workflow::decide(&store, bad, &Deadlines::default()).await,
        Err(CaseworkError::Invalid(_))
    ));
    let unknown = InterpreterNumber::new(9_999_999).unwrap();
    let nobody = workflow::decide(
        &store,
        decision(unknown, DecisionKind::RefuseEntry),
        &Deadlines::default(),
    )
    .await;
    assert!(matches!(nobody, Err(CaseworkError::Store(StoreError::NotFound(_)))));
}
both_backends!(
    decisions_change_the_register_or_nothing_on,
    super::decisions_change_the_register_or_nothing
);

/// A foreign case from intake to approval: checklist, deadlines, assessment; the approval adds
/// the Norwegian equivalent, so the category follows. Concurrent saves do not overwrite.
async fn foreign_case_to_category(store: Database) {
    let n = store
        .register_interpreter(profile(), ChangeMeta::now("staff:kari", "e-post 24/3"))
        .await
        .unwrap()
        .number;
    let received = today() - Duration::days(40);
    let case = store
        .open_foreign_case(NewForeignCase {
            number: n,
            language: arb(),
            country: "Egypt".into(),
            institution: "Cairo University".into(),
            title: "BA in Interpreting".into(),
            completed_on: today() - Duration::days(800),
            received_on: received,
            assigned_to: "staff:kari".into(),
            opened_by: "staff:kari".into(),
        })
        .await
        .unwrap();
    assert_eq!(case.reference(), format!("UTL-{:05}", case.id));
    let rules = Deadlines::default();
    assert!(
        case.open_deadlines(&rules)[0].1 < today(),
        "acknowledgement is overdue after 40 days"
    );

    let stale = case.clone();
    let mut case = store
        .save_foreign_case(&case.acknowledge(today(), today()).unwrap())
        .await
        .unwrap();
    let overwritten = store
        .save_foreign_case(&stale.acknowledge(today(), today()).unwrap())
        .await;
    assert!(matches!(overwritten, Err(CaseworkError::Conflict)));

    for item in ChecklistItem::ALL {
        case = case.receive_document(item, today(), today()).unwrap();
    }
    let case = store.save_foreign_case(&case).await.unwrap();
    assert_eq!(case.complete_on, Some(today()));
    assert_eq!(case.documents.len(), 5);
    let case = store
        .save_foreign_case(
            &case
                .assess(
                    Some(Equivalent::Bachelor),
                    "180 studiepoeng tolking, tilsvarer bachelor",
                )
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(store.foreign_cases(true).await.unwrap().len(), 1);

    let input = ForeignDecision {
        outcome: Outcome::Approved,
        reasons: "Utdanningen tilsvarer bachelorgrad i tolking.".into(),
        legal_basis: DecisionKind::ApproveForeign.default_legal_basis().into(),
        decided_on: today(),
        letter_language: LetterLanguage::Bokmal,
        decided_by: "staff:kari".into(),
    };
    let (closed, decision) = workflow::decide_foreign_case(&store, &case, input, &rules)
        .await
        .unwrap();
    assert_eq!(closed.outcome, Some(Outcome::Approved));
    assert_eq!(closed.decision_id, Some(decision.id));
    assert_eq!(decision.case_ref.as_deref(), Some(case.reference().as_str()));
    assert!(store.foreign_cases(true).await.unwrap().is_empty());
    let record = store.record(n).await.unwrap().unwrap();
    let q = record.qualifications.last().unwrap();
    assert_eq!(q.kind, QualificationKind::Bachelor);
    assert_eq!(q.foreign_approval.as_deref(), Some(decision.reference().as_str()));
    store
        .execute(
            n,
            Command::ApproveEntry { language: arb() },
            ChangeMeta::now("staff:kari", "vedtak"),
        )
        .await
        .unwrap();
    assert_eq!(
        category(&store, n).await,
        Some(Category::B),
        "an approved foreign bachelor counts as a bachelor"
    );
    assert_eq!(store.foreign_cases_for(n).await.unwrap().len(), 1);
}
both_backends!(foreign_case_to_category_on, super::foreign_case_to_category);

/// Two caseworkers decide the same foreign case: the one who read it before the other's save
/// is refused, and leaves no decision, no qualification and no change on the case behind.
async fn stale_foreign_decision_leaves_nothing(store: Database) {
    let n = store
        .register_interpreter(profile(), ChangeMeta::now("staff:kari", "papirsøknad 24/2"))
        .await
        .unwrap()
        .number;
    let case = store
        .open_foreign_case(NewForeignCase {
            number: n,
            language: arb(),
            country: "Syria".into(),
            institution: "Damascus University".into(),
            title: "BA in Translation".into(),
            completed_on: today() - Duration::days(900),
            received_on: today() - Duration::days(10),
            assigned_to: "staff:kari".into(),
            opened_by: "staff:kari".into(),
        })
        .await
        .unwrap();
    let complete = ChecklistItem::ALL
        .into_iter()
        .try_fold(case.acknowledge(today(), today()).unwrap(), |c, item| {
            c.receive_document(item, today(), today())
        })
        .unwrap()
        .assess(Some(Equivalent::Bachelor), "tilsvarer bachelor i tolking")
        .unwrap();
    let read_by_kari = store.save_foreign_case(&complete).await.unwrap();
    let per_reassessed = store
        .save_foreign_case(
            &read_by_kari
                .assess(Some(Equivalent::Bachelor), "vurdert på nytt")
                .unwrap(),
        )
        .await
        .unwrap();
    let qualifications_before = store.record(n).await.unwrap().unwrap().qualifications.len();

    let input = ForeignDecision {
        outcome: Outcome::Approved,
        reasons: "Utdanningen tilsvarer bachelorgrad i tolking.".into(),
        legal_basis: DecisionKind::ApproveForeign.default_legal_basis().into(),
        decided_on: today(),
        letter_language: LetterLanguage::Nynorsk,
        decided_by: "staff:kari".into(),
    };
    let stale = workflow::decide_foreign_case(&store, &read_by_kari, input, &Deadlines::default()).await;
    assert!(matches!(stale, Err(CaseworkError::Conflict)), "{stale:?}");
    assert!(
        store.decisions_for(n).await.unwrap().is_empty(),
        "no decision half-saved"
    );
    assert_eq!(
        store.record(n).await.unwrap().unwrap().qualifications.len(),
        qualifications_before,
        "no qualification added by a refused decision"
    );
    let now = store.foreign_case(case.id).await.unwrap().unwrap();
    assert_eq!(now.outcome, None, "the case stays open");
    assert_eq!(now.version, per_reassessed.version);
}
both_backends!(
    stale_foreign_decision_leaves_nothing_on,
    super::stale_foreign_decision_leaves_nothing
);

/// Logged-out sessions stay revoked; revoking twice is harmless.
async fn sessions_can_be_revoked(store: Database) {
    assert!(!store.is_session_revoked("abc").await.unwrap());
    let later = Timestamp::from(Timestamp::now().get() + Duration::hours(8));
    store.revoke_session("abc", later).await.unwrap();
    store.revoke_session("abc", later).await.unwrap();
    assert!(store.is_session_revoked("abc").await.unwrap());
    assert!(!store.is_session_revoked("abd").await.unwrap());
}
both_backends!(sessions_can_be_revoked_on, super::sessions_can_be_revoked);
