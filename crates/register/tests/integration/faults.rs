//! Faults under contention: on SQLite a staff writer and the public tip form share one database
//! file, and a tip must never be refused because someone else was writing at the same moment.

use crate::common;

use register::Database;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use register::command::{ChangeMeta, Command};
use register::tips::{Channel, ContactKey, Ground, Grounds, NewTip, Reporter, Subject};
use register::{Catalogue, InterpreterNumber, Timestamp};
use time::Duration;

const KEY_HEX: &str = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

/// Tips sent while the writer runs, and how many are in flight at once.
const TIPS: usize = 40;
const AT_ONCE: usize = 8;

fn tip(number: InterpreterNumber) -> NewTip {
    let today = Timestamp::now().date();
    NewTip {
        received_on: today,
        channel: Channel::WebForm,
        subject: Subject::Interpreter { number },
        assignment_on: Some(today - Duration::days(2)),
        assignment_place: "Haukeland universitetssjukehus".into(),
        grounds: Grounds::new([Ground::Confidentiality]).unwrap(),
        account: "Tolken fortalte andre om det som ble sagt i timen.".into(),
        reporter: Reporter::Anonymous { role: None },
        received_by: "public:web".into(),
    }
}

/// One staff writer loops `update_profile` through `staff` while `public` receives tips, as the
/// staff and public services do on one SQLite file. Every tip must be accepted and stored.
async fn tips_are_accepted_while_staff_write(staff: Database, public: Database) {
    let n = staff
        .register_interpreter(common::sample_profile(), ChangeMeta::now("staff:kari", "søknad"))
        .await
        .unwrap()
        .number;
    let stop = Arc::new(AtomicBool::new(false));
    let writes = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (staff, stop, writes) = (staff.clone(), stop.clone(), writes.clone());
        tokio::spawn(async move {
            let mut profile = common::sample_profile();
            let mut i = 0u32;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                profile.phone = format!("+47 912 {:02} {:03}", i % 100, i % 1000);
                staff
                    .execute(
                        n,
                        Command::UpdateProfile {
                            profile: profile.clone(),
                        },
                        ChangeMeta::now("staff:kari", "nytt telefonnummer"),
                    )
                    .await
                    .expect("the staff writer's own updates succeed");
                writes.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let key = Arc::new(ContactKey::parse(KEY_HEX).unwrap());
    let mut refused = Vec::new();
    for _ in 0..TIPS / AT_ONCE {
        let round: Vec<_> = (0..AT_ONCE)
            .map(|_| {
                let (public, key) = (public.clone(), key.clone());
                tokio::spawn(async move { public.receive_tip(&tip(n), &*key).await })
            })
            .collect();
        for t in round {
            if let Err(e) = t.await.unwrap() {
                refused.push(e.to_string());
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert!(
        writes.load(Ordering::Relaxed) > 0,
        "the writer must have written while the tips came in"
    );
    assert!(
        refused.is_empty(),
        "{} of {TIPS} tips refused: {refused:?}",
        refused.len()
    );
    let stored = public.tip_list(false).await.unwrap();
    assert_eq!(stored.len(), TIPS, "every accepted tip is stored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tips_are_accepted_while_staff_write_sqlite() {
    let f = common::sqlite().await;
    // A second handle on the same file, as the public service in its own process has.
    let public = register::Database::open_sqlite(&f.url, Catalogue::bundled())
        .await
        .unwrap();
    tips_are_accepted_while_staff_write(f.store.clone(), public).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tips_are_accepted_while_staff_write_postgres() {
    let Some(f) = common::postgres().await else { return };
    let public = register::Database::open_postgres(&f.url, 5, Catalogue::bundled())
        .await
        .unwrap();
    tips_are_accepted_while_staff_write(f.store.clone(), public).await;
}
