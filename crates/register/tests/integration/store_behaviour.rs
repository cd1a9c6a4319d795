//! One behaviour story for the storage API, run on SQLite and on PostgreSQL: commands go
//! through the rules, history and audit are kept, the change feed orders every commit.

use crate::both_backends;

use register::Database;
use register::command::{ChangeMeta, Command};
use register::interpreter::{Availability, Gender, Profile, WorkModes};
use register::licence::LicenceStatus;
use register::national_id::NationalId;
use register::qualification::{NewQualification, QualificationKind};
use register::record::TestPart;
use register::rules::RuleError;
use register::{Category, EntryStatus, InterpreterNumber, LanguageCode, StoreError, Timestamp};
use time::Date;
use time::macros::date;

fn profile(seed: &str) -> Profile {
    Profile {
        national_id: NationalId::complete("150765005").unwrap(),
        given_name: format!("Åse {seed}"),
        family_name: "Sørensen".into(),
        preferred_name: None,
        gender: Gender::Female,
        county: "46".parse().unwrap(),
        phone: "+47 912 34 567".into(),
        email: "ase@example.com".into(),
        address: None,
        address_public: false,
        availability: Availability::PartTime,
        work_modes: WorkModes {
            on_site: true,
            telephone: true,
            video: false,
        },
    }
}

/// A profile whose national identity number is its own for each `i` (below 100).
fn profile_of(i: u32) -> Profile {
    let national_id = (i * 10..)
        .find_map(|n| NationalId::complete(&format!("020385{n:03}")))
        .unwrap();
    Profile {
        national_id,
        ..profile(&format!("f{i}"))
    }
}

fn lang(code: &str) -> LanguageCode {
    code.parse().unwrap()
}

fn at(day: Date) -> ChangeMeta {
    ChangeMeta {
        actor: "staff:test".into(),
        reason: "test".into(),
        effective_at: Timestamp::at(day, 10, 0),
    }
}

fn qual(kind: QualificationKind, language: Option<&str>, on: Date) -> Command {
    Command::AddQualification {
        qualification: NewQualification {
            kind,
            language: language.map(lang),
            completed_on: on,
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "ARK-1".into(),
        },
    }
}

async fn category(store: &Database, n: InterpreterNumber, code: &str) -> Option<Category> {
    store
        .record(n)
        .await
        .unwrap()
        .unwrap()
        .entry(lang(code))
        .and_then(|e| e.category)
}

/// Registering, qualifying and licensing an interpreter moves the derived category up; revoking
/// the licence moves it down; every step is in the history with who and why.
async fn categories_follow_qualifications(store: Database) {
    let r = store
        .register_interpreter(profile("a"), at(date!(2022 - 01 - 03)))
        .await
        .unwrap();
    let n = r.number;
    assert_eq!(n, InterpreterNumber::FIRST);
    store
        .execute(
            n,
            qual(QualificationKind::TaoCourse, None, date!(2022 - 01 - 01)),
            at(date!(2022 - 01 - 04)),
        )
        .await
        .unwrap();
    store
        .execute(
            n,
            qual(QualificationKind::BilingualTest, Some("ARB"), date!(2022 - 01 - 02)),
            at(date!(2022 - 01 - 05)),
        )
        .await
        .unwrap();
    store
        .execute(
            n,
            Command::ApproveEntry { language: lang("ARB") },
            at(date!(2022 - 01 - 06)),
        )
        .await
        .unwrap();
    assert_eq!(category(&store, n, "ARB").await, Some(Category::E));

    store
        .execute(
            n,
            qual(QualificationKind::FoundationCourse, Some("ARB"), date!(2022 - 06 - 01)),
            at(date!(2022 - 06 - 02)),
        )
        .await
        .unwrap();
    assert_eq!(category(&store, n, "ARB").await, Some(Category::D));

    for (part, day) in [
        (TestPart::Written, date!(2022 - 09 - 01)),
        (TestPart::Oral, date!(2022 - 11 - 01)),
    ] {
        let cmd = Command::RecordAuthorisationTest {
            language: lang("ARB"),
            part,
            taken_on: day,
            passed: true,
        };
        store.execute(n, cmd, at(date!(2022 - 11 - 02))).await.unwrap();
    }
    let grant = Command::GrantLicence {
        language: lang("ARB"),
        granted_on: date!(2023 - 01 - 10),
        decision_ref: "23/00017".into(),
    };
    store.execute(n, grant, at(date!(2023 - 01 - 10))).await.unwrap();
    assert_eq!(
        category(&store, n, "ARB").await,
        Some(Category::B),
        "authorisation + foundation course"
    );

    store
        .execute(
            n,
            qual(QualificationKind::Bachelor, Some("ARB"), date!(2023 - 06 - 15)),
            at(date!(2023 - 06 - 20)),
        )
        .await
        .unwrap();
    assert_eq!(category(&store, n, "ARB").await, Some(Category::A));

    let revoke = Command::ChangeLicenceStatus {
        no: 1,
        status: LicenceStatus::TemporarilyRevoked,
    };
    store.execute(n, revoke, at(date!(2024 - 02 - 01))).await.unwrap();
    assert_eq!(
        category(&store, n, "ARB").await,
        Some(Category::B),
        "a temporarily revoked licence no longer counts"
    );

    let history = store.history(n).await.unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "register_interpreter",
            "add_qualification",
            "add_qualification",
            "approve_entry",
            "add_qualification",
            "record_authorisation_test",
            "record_authorisation_test",
            "grant_licence",
            "add_qualification",
            "change_licence_status"
        ]
    );
    assert!(history.iter().all(|h| h.actor == "staff:test" && h.reason == "test"));
    let last = history.last().unwrap().detail.to_string();
    assert!(
        last.contains("\"category\":\"B\""),
        "audit detail names the new category: {last}"
    );
    assert!(
        !history.iter().any(|h| h.detail.to_string().contains("15076500")),
        "no identity numbers in the audit log"
    );

    // The past is still there: as it stood at the end of 2022 the entry was D, mid-2023 B.
    let end_2022 = store
        .record_as_of(n, Timestamp::end_of(date!(2022 - 12 - 31)))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(end_2022.entry(lang("ARB")).unwrap().category, Some(Category::D));
    assert!(end_2022.licences.is_empty());
    let spring_2023 = store
        .record_as_of(n, Timestamp::end_of(date!(2023 - 03 - 01)))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(spring_2023.entry(lang("ARB")).unwrap().category, Some(Category::B));
    assert_eq!(spring_2023.licences[0].status, LicenceStatus::Active);
    assert!(
        store
            .record_as_of(n, Timestamp::end_of(date!(2021 - 12 - 31)))
            .await
            .unwrap()
            .is_none(),
        "not registered yet"
    );
    let before_entry = store
        .record_as_of(n, Timestamp::end_of(date!(2022 - 01 - 05)))
        .await
        .unwrap()
        .unwrap();
    assert!(before_entry.entries.is_empty());
}

/// Refused commands write nothing: no new state, no history, no feed row.
async fn refused_changes_leave_no_trace(store: Database) {
    let n = store
        .register_interpreter(profile("b"), at(date!(2023 - 01 - 02)))
        .await
        .unwrap()
        .number;
    let feed_before = store.changes_since(0, 1000).await.unwrap();
    let history_before = store.history(n).await.unwrap();
    let record_before = store.record(n).await.unwrap();

    let refusals: Vec<(Command, ChangeMeta)> = vec![
        (
            Command::ApproveEntry { language: lang("ARB") },
            at(date!(2023 - 02 - 01)),
        ),
        (
            Command::ApproveEntry { language: lang("XYZ") },
            at(date!(2023 - 02 - 01)),
        ),
        (
            qual(QualificationKind::Bachelor, Some("ARB"), date!(2030 - 01 - 01)),
            at(date!(2023 - 02 - 01)),
        ),
        (
            qual(QualificationKind::TaoCourse, Some("ARB"), date!(2022 - 01 - 01)),
            at(date!(2023 - 02 - 01)),
        ),
        (
            Command::GrantLicence {
                language: lang("NSL"),
                granted_on: date!(2023 - 01 - 05),
                decision_ref: "x".into(),
            },
            at(date!(2023 - 02 - 01)),
        ),
        (
            Command::ChangeLicenceStatus {
                no: 9,
                status: LicenceStatus::Revoked,
            },
            at(date!(2023 - 02 - 01)),
        ),
        (Command::Suspend, at(date!(2023 - 02 - 01))),
        (Command::EndQualification { no: 1 }, at(date!(2023 - 02 - 01))),
        // Before the interpreter's latest change.
        (
            qual(QualificationKind::TaoCourse, None, date!(2022 - 01 - 01)),
            at(date!(2022 - 12 - 01)),
        ),
        // In the future.
        (
            qual(QualificationKind::TaoCourse, None, date!(2022 - 01 - 01)),
            ChangeMeta {
                effective_at: Timestamp::at(date!(2099 - 01 - 01), 0, 0),
                ..at(date!(2023 - 02 - 01))
            },
        ),
        // Without a reason.
        (
            qual(QualificationKind::TaoCourse, None, date!(2022 - 01 - 01)),
            ChangeMeta {
                reason: " ".into(),
                ..at(date!(2023 - 02 - 01))
            },
        ),
    ];
    for (command, meta) in refusals {
        let err = store
            .execute(n, command.clone(), meta)
            .await
            .expect_err(&format!("{command:?} accepted"));
        assert!(err.is_user_error(), "{command:?} gave a system error: {err}");
        assert!(!err.to_string().is_empty());
    }
    let missing = InterpreterNumber::new(999_999).unwrap();
    assert!(matches!(
        store
            .execute(missing, Command::Suspend, at(date!(2023 - 02 - 01)))
            .await,
        Err(StoreError::NotFound(_))
    ));
    let mut bad = profile("c");
    bad.email = "ikke-en-adresse".into();
    match store.register_interpreter(bad, at(date!(2023 - 02 - 01))).await {
        Err(StoreError::Rule(RuleError::InvalidProfile(fields))) => assert_eq!(fields[0].0, "email"),
        other => panic!("invalid e-mail accepted: {other:?}"),
    }

    assert_eq!(store.changes_since(0, 1000).await.unwrap(), feed_before);
    assert_eq!(store.history(n).await.unwrap(), history_before);
    assert_eq!(store.record(n).await.unwrap(), record_before);
}

/// Sanctions: suspension hides and returns an interpreter; an exclusion for a period ends on
/// its end date by itself, and the sweep writes that down; withdrawal is refused during a
/// sanction and a withdrawn interpreter can be approved again.
async fn sanctions_and_status_machine(store: Database) {
    let n = store
        .register_interpreter(profile("d"), at(date!(2023 - 01 - 02)))
        .await
        .unwrap()
        .number;
    store
        .execute(
            n,
            qual(QualificationKind::Bachelor, Some("POL"), date!(2022 - 06 - 01)),
            at(date!(2023 - 01 - 03)),
        )
        .await
        .unwrap();
    store
        .execute(
            n,
            Command::ApproveEntry { language: lang("POL") },
            at(date!(2023 - 01 - 04)),
        )
        .await
        .unwrap();

    let r = store
        .execute(n, Command::Suspend, at(date!(2023 - 03 - 01)))
        .await
        .unwrap();
    assert!(!r.is_listed_on(date!(2023 - 03 - 01)));
    let err = store
        .execute(n, Command::Withdraw { language: None }, at(date!(2023 - 03 - 02)))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Rule(RuleError::Transition(_))), "{err}");
    let r = store
        .execute(n, Command::LiftSuspension, at(date!(2023 - 04 - 01)))
        .await
        .unwrap();
    assert!(r.is_listed_on(date!(2023 - 04 - 01)));

    let exclude = Command::Exclude {
        until: Some(date!(2023 - 10 - 01)),
    };
    // No warnings and no tip case: the register refuses the exclusion (tolkeloven § 21) ...
    let refused = store
        .execute(n, exclude.clone(), at(date!(2023 - 05 - 01)))
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Rule(RuleError::ExclusionWithoutGrounds { warnings: 0, .. })
        ),
        "{refused}"
    );
    assert!(
        store
            .record(n)
            .await
            .unwrap()
            .unwrap()
            .is_listed_on(date!(2023 - 05 - 01))
    );
    // ... so the period (decided elsewhere) is loaded as history, the way imported data comes.
    load_as_history(&store, n, exclude, at(date!(2023 - 05 - 01))).await;
    let during = store.as_of(Timestamp::end_of(date!(2023 - 09 - 30))).await.unwrap();
    let me = during.iter().find(|r| r.number == n).unwrap();
    assert!(!me.is_listed_on(date!(2023 - 09 - 30)), "excluded during the period");
    assert!(me.is_listed_on(date!(2023 - 10 - 01)), "listed again from the end date");
    assert_eq!(
        store.expired_exclusions(date!(2023 - 09 - 30)).await.unwrap(),
        Vec::<InterpreterNumber>::new()
    );
    assert_eq!(store.expired_exclusions(date!(2023 - 10 - 01)).await.unwrap(), vec![n]);

    let sweep_time = Timestamp::at(date!(2023 - 10 - 02), 3, 0);
    let swept = register::workflow::sanctions::record_expired_exclusions(&store, sweep_time)
        .await
        .unwrap();
    assert_eq!(swept, 1);
    assert_eq!(
        store.record(n).await.unwrap().unwrap().entries[0].status,
        EntryStatus::Active
    );
    assert_eq!(
        register::workflow::sanctions::record_expired_exclusions(&store, sweep_time)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store.history(n).await.unwrap().last().unwrap().actor,
        register::workflow::sanctions::SYSTEM_ACTOR
    );

    store
        .execute(n, Command::Withdraw { language: None }, at(date!(2024 - 01 - 01)))
        .await
        .unwrap();
    assert!(
        !store
            .record(n)
            .await
            .unwrap()
            .unwrap()
            .is_listed_on(date!(2024 - 01 - 01))
    );
    let r = store
        .execute(
            n,
            Command::ApproveEntry { language: lang("POL") },
            at(date!(2024 - 06 - 01)),
        )
        .await
        .unwrap();
    assert_eq!(r.entries[0].status, EntryStatus::Active);
    let permanent = Command::Exclude { until: None };
    assert!(matches!(
        store.execute(n, permanent.clone(), at(date!(2024 - 07 - 01))).await,
        Err(StoreError::Rule(RuleError::ExclusionWithoutGrounds { .. }))
    ));
    let moved = Profile {
        county: "03".parse().unwrap(),
        ..r.profile.clone()
    };
    store
        .execute(n, Command::UpdateProfile { profile: moved }, at(date!(2024 - 06 - 15)))
        .await
        .unwrap();
    load_as_history(&store, n, permanent, at(date!(2024 - 07 - 01))).await;
    let permanent = store.record(n).await.unwrap().unwrap();
    assert_eq!(permanent.entries[0].status, EntryStatus::ExcludedPermanently);

    // The statistics followed every one of these writes: day by day, the maintained figures are
    // the figures counted from the history.
    let mut day = date!(2022 - 12 - 30);
    while day <= date!(2024 - 07 - 05) {
        let kept = store.figures_on(day).await.unwrap();
        assert_eq!(kept, store.figures_from_history(day).await.unwrap(), "figures on {day}");
        day = day.next_day().unwrap();
    }
    let listed = |f: &register::statistics::Figures| (f.total(None), f.unique_persons);
    assert_eq!(listed(&store.figures_on(date!(2023 - 02 - 01)).await.unwrap()), (1, 1));
    assert_eq!(
        listed(&store.figures_on(date!(2023 - 03 - 15)).await.unwrap()),
        (0, 0),
        "suspended"
    );
    assert_eq!(
        listed(&store.figures_on(date!(2023 - 09 - 30)).await.unwrap()),
        (0, 0),
        "excluded"
    );
    assert_eq!(
        listed(&store.figures_on(date!(2023 - 10 - 01)).await.unwrap()),
        (1, 1),
        "listed again on the end date, before the sweep wrote it down"
    );
    let june = store.figures_on(date!(2024 - 06 - 20)).await.unwrap();
    assert_eq!(june.cells.len(), 1);
    assert_eq!(
        june.cells[0].county.to_string(),
        "03",
        "counted where the interpreter lives now"
    );
    assert_eq!(listed(&store.figures_on(date!(2024 - 07 - 01)).await.unwrap()), (0, 0));
}

/// Writes `command` as already-derived history (the path bulk loading takes), for sanctions
/// whose grounds lie outside this test.
async fn load_as_history(store: &Database, n: InterpreterNumber, command: Command, meta: ChangeMeta) {
    let before = store.record(n).await.unwrap().unwrap();
    let after = register::rules::apply(&before, &command, store.catalogue(), meta.effective_at.date()).unwrap();
    let change = register::store::Change {
        number: n,
        action: command.action().into(),
        meta,
        mutations: register::mutation::diff(Some(&before), &after),
    };
    store.write_changes(vec![change]).await.unwrap();
}

/// Losing the only basis removes an entry from the register; a new qualification brings it
/// back. Qualification numbers are never reused.
async fn basis_lost_and_restored(store: Database) {
    let n = store
        .register_interpreter(profile("e"), at(date!(2023 - 01 - 02)))
        .await
        .unwrap()
        .number;
    let grant = Command::GrantLicence {
        language: lang("SOM"),
        granted_on: date!(2022 - 12 - 01),
        decision_ref: "22/1".into(),
    };
    store.execute(n, grant, at(date!(2023 - 01 - 03))).await.unwrap();
    store
        .execute(
            n,
            Command::ApproveEntry { language: lang("SOM") },
            at(date!(2023 - 01 - 04)),
        )
        .await
        .unwrap();
    assert_eq!(category(&store, n, "SOM").await, Some(Category::C));
    let revoke = Command::ChangeLicenceStatus {
        no: 1,
        status: LicenceStatus::Revoked,
    };
    let r = store.execute(n, revoke, at(date!(2023 - 02 - 01))).await.unwrap();
    assert_eq!(r.entries[0].status, EntryStatus::NoBasis);
    assert_eq!(r.entries[0].category, None);
    let again = Command::ChangeLicenceStatus {
        no: 1,
        status: LicenceStatus::Active,
    };
    assert!(
        store.execute(n, again, at(date!(2023 - 02 - 02))).await.is_err(),
        "revocation is final"
    );

    store
        .execute(
            n,
            qual(QualificationKind::FoundationCourse, Some("SOM"), date!(2023 - 03 - 01)),
            at(date!(2023 - 03 - 02)),
        )
        .await
        .unwrap();
    store
        .execute(n, Command::EndQualification { no: 1 }, at(date!(2023 - 03 - 03)))
        .await
        .unwrap();
    let r = store
        .execute(
            n,
            qual(QualificationKind::FoundationCourse, Some("SOM"), date!(2023 - 03 - 04)),
            at(date!(2023 - 03 - 05)),
        )
        .await
        .unwrap();
    assert_eq!(
        r.qualifications.iter().map(|q| q.no).collect::<Vec<_>>(),
        [2],
        "number 1 is not reused"
    );
    assert_eq!(r.entries[0].status, EntryStatus::Active);
    assert_eq!(r.entries[0].category, Some(Category::D));
}

/// Concurrent writers: every commit gets its own feed sequence number, the feed has no gaps,
/// and a follower reading after any sequence sees exactly the later changes.
async fn feed_orders_concurrent_commits(store: Database) {
    let mut numbers = Vec::new();
    for i in 0..4 {
        numbers.push(
            store
                .register_interpreter(profile_of(i), at(date!(2023 - 01 - 02)))
                .await
                .unwrap()
                .number,
        );
    }
    let mut watch = store.subscribe();
    let start = *watch.borrow_and_update();
    let mut tasks = Vec::new();
    for (i, n) in numbers.iter().copied().enumerate() {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            for k in 0..5u8 {
                let cmd = Command::UpdateProfile {
                    profile: Profile {
                        phone: format!("+47 900 00 0{i}{k}"),
                        ..profile_of(i as u32)
                    },
                };
                let meta = ChangeMeta {
                    effective_at: Timestamp::now(),
                    ..at(date!(2023 - 01 - 02))
                };
                s.execute(n, cmd, meta).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let feed = store.changes_since(start, 1000).await.unwrap();
    assert_eq!(feed.len(), 20);
    let seqs: Vec<i64> = feed.iter().map(|f| f.seq).collect();
    assert_eq!(
        seqs,
        ((start + 1)..=(start + 20)).collect::<Vec<_>>(),
        "strictly increasing without gaps"
    );
    assert_eq!(
        *watch.borrow_and_update(),
        start + 20,
        "followers are told the newest sequence"
    );
    let later = store.changes_since(start + 15, 1000).await.unwrap();
    assert_eq!(
        later.iter().map(|f| f.seq).collect::<Vec<_>>(),
        ((start + 16)..=(start + 20)).collect::<Vec<_>>()
    );
    assert_eq!(
        store.changes_since(start, 3).await.unwrap().len(),
        3,
        "the limit is honoured"
    );
    for n in numbers {
        let history = store.history(n).await.unwrap();
        assert_eq!(history.len(), 6, "registration and five profile changes");
        assert!(
            store.record(n).await.unwrap().unwrap().profile.phone.ends_with('4'),
            "the last write wins"
        );
    }
}

/// A national identity number belongs to one current interpreter: a second registration with
/// it, or another interpreter's profile changed to it, is refused without a trace (no
/// interpreter, no version, no feed or audit row); re-saving one's own number is fine.
async fn national_ids_are_not_shared(store: Database) {
    let first = store
        .register_interpreter(profile("a"), at(date!(2023 - 01 - 02)))
        .await
        .unwrap()
        .number;
    let feed_before = store.changes_since(0, 1000).await.unwrap();
    let everyone_before = store.as_of(Timestamp::now()).await.unwrap();
    match store
        .register_interpreter(profile("b"), at(date!(2023 - 01 - 03)))
        .await
    {
        Err(e @ StoreError::DuplicateNationalId(n)) => {
            assert_eq!(n, first);
            assert!(e.is_user_error());
            assert_eq!(
                e.to_string(),
                format!("Fødselsnummeret er allerede registrert på tolk nr. {first}.")
            );
            assert!(!e.to_string().contains(profile("a").national_id.expose()));
        }
        other => panic!("a second interpreter with the same number: {other:?}"),
    }
    assert_eq!(store.changes_since(0, 1000).await.unwrap(), feed_before, "no feed row");
    assert_eq!(
        store.as_of(Timestamp::now()).await.unwrap(),
        everyone_before,
        "no interpreter, no version"
    );
    assert_eq!(store.record(first.next().unwrap()).await.unwrap(), None);

    let mut other = profile("c");
    other.national_id = NationalId::complete("020285123").unwrap();
    let second = store
        .register_interpreter(other.clone(), at(date!(2023 - 01 - 04)))
        .await
        .unwrap()
        .number;
    let record_before = store.record(second).await.unwrap();
    let history_before = store.history(second).await.unwrap();
    let feed_before = store.changes_since(0, 1000).await.unwrap();
    let taken = Command::UpdateProfile { profile: profile("c") };
    match store.execute(second, taken, at(date!(2023 - 01 - 05))).await {
        Err(StoreError::DuplicateNationalId(n)) => assert_eq!(n, first),
        other => panic!("a profile changed to another's number: {other:?}"),
    }
    assert_eq!(store.record(second).await.unwrap(), record_before);
    assert_eq!(store.history(second).await.unwrap(), history_before);
    assert_eq!(store.changes_since(0, 1000).await.unwrap(), feed_before);

    other.phone = "+47 987 65 432".into();
    let saved = store
        .execute(
            second,
            Command::UpdateProfile { profile: other.clone() },
            at(date!(2023 - 01 - 05)),
        )
        .await
        .expect("re-saving one's own number");
    assert_eq!(saved.profile.phone, "+47 987 65 432");
    let mut renumbered = other;
    renumbered.national_id = NationalId::complete("010190125").unwrap();
    store
        .execute(
            second,
            Command::UpdateProfile { profile: renumbered },
            at(date!(2023 - 01 - 06)),
        )
        .await
        .expect("a number nobody has");
    store
        .register_interpreter(
            Profile {
                national_id: NationalId::complete("020285123").unwrap(),
                ..profile("d")
            },
            at(date!(2023 - 01 - 07)),
        )
        .await
        .expect("a number given up by its holder can be registered again");
}

both_backends!(categories, super::categories_follow_qualifications);
both_backends!(refusals, super::refused_changes_leave_no_trace);
both_backends!(sanctions, super::sanctions_and_status_machine);
both_backends!(basis, super::basis_lost_and_restored);
both_backends!(feed, super::feed_orders_concurrent_commits);
both_backends!(national_ids, super::national_ids_are_not_shared);
