//! Since when an entry has been listed, from the register's stored history to the verify page
//! and the verify API: listed, suspended and listed again shows the later start, in bokmål,
//! nynorsk and English, on SQLite and PostgreSQL.

use crate::common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use public_web::{AppState, router};
use register::command::{ChangeMeta, Command};
use register::qualification::{NewQualification, QualificationKind};
use register::{Database, LanguageCode, Timestamp};
use time::macros::date;
use tower::ServiceExt;

fn code(c: &str) -> LanguageCode {
    c.parse().unwrap()
}

fn at(day: time::Date) -> ChangeMeta {
    ChangeMeta {
        effective_at: Timestamp::at(day, 10, 0),
        ..ChangeMeta::now("staff:kari", "test av oppført siden")
    }
}

async fn get(app: &axum::Router, path: &str) -> (StatusCode, String) {
    let response = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn story(store: Database) {
    let n = store
        .register_interpreter(common::sample_profile(), at(date!(2023 - 01 - 10)))
        .await
        .unwrap()
        .number;
    for language in ["ARB", "PES"] {
        let course = Command::AddQualification {
            qualification: NewQualification {
                kind: QualificationKind::FoundationCourse,
                language: Some(code(language)),
                completed_on: date!(2022 - 12 - 15),
                institution: "OsloMet".into(),
                foreign_approval: None,
                evidence_ref: "ARK-7".into(),
            },
        };
        store.execute(n, course, at(date!(2023 - 01 - 10))).await.unwrap();
    }
    let steps = [
        (date!(2023 - 02 - 01), Command::ApproveEntry { language: code("ARB") }),
        // Suspended while a tip was handled, then listed again.
        (date!(2025 - 04 - 15), Command::Suspend),
        (date!(2025 - 06 - 02), Command::LiftSuspension),
        (date!(2025 - 09 - 01), Command::ApproveEntry { language: code("PES") }),
    ];
    for (day, command) in steps {
        store.execute(n, command, at(day)).await.unwrap();
    }
    let today = Timestamp::now().date();
    let record = store.record(n).await.unwrap().unwrap();
    assert_eq!(record.listed_since(code("ARB"), today), Some(date!(2025 - 06 - 02)));
    assert_eq!(record.listed_since(code("PES"), today), Some(date!(2025 - 09 - 01)));
    // As the register stood before and during the suspension.
    let as_of = |day| store.record_as_of(n, Timestamp::at(day, 12, 0));
    let before = as_of(date!(2024 - 05 - 01)).await.unwrap().unwrap();
    assert_eq!(
        before.listed_since(code("ARB"), date!(2024 - 05 - 01)),
        Some(date!(2023 - 02 - 01))
    );
    let during = as_of(date!(2025 - 05 - 01)).await.unwrap().unwrap();
    assert_eq!(during.listed_since(code("ARB"), date!(2025 - 05 - 01)), None);

    let dir = tempfile::tempdir().unwrap();
    let state = AppState::start(store.clone(), dir.path()).unwrap();
    for _ in 0..300 {
        if state.ready() && !state.index.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let app = router(state);
    for (lang, arabic, persian) in [
        ("nb", "Oppført siden 2. juni 2025", "Oppført siden 1. september 2025"),
        ("nn", "Oppført sidan 2. juni 2025", "Oppført sidan 1. september 2025"),
        ("en", "Listed since 2 June 2025", "Listed since 1 September 2025"),
    ] {
        let (status, body) = get(&app, &format!("/kontroller?nummer={n}&lang={lang}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains(arabic), "{lang}: {body}");
        assert!(body.contains(persian), "{lang}");
        assert!(
            !body.contains("1. februar 2023") && !body.contains("2023-02-01"),
            "{lang}: the first start shown"
        );
    }
    let (_, json) = get(&app, &format!("/api/v1/verify/{n}")).await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let since = |language: &str| {
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["language"] == language)
            .map(|e| e["listed_since"].clone())
    };
    assert_eq!(since("ARB"), Some("2025-06-02".into()), "{json}");
    assert_eq!(since("PES"), Some("2025-09-01".into()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    let f = common::sqlite().await;
    story(f.store.clone()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let Some(f) = common::postgres().await else {
        return;
    };
    story(f.store.clone()).await;
}
