//! Two public services on one PostgreSQL register, as in production behind a load balancer:
//! each keeps its own index, both follow the change feed, and a sanction written by staff
//! reaches both at once (LISTEN/NOTIFY), as does its lifting.

#[path = "../crates/register/tests/common/mod.rs"]
mod common;
mod support;

use std::time::Duration;

use register::generator::{self, Options};
use register::{ChangeMeta, Command, InterpreterNumber, Store, Timestamp};

/// Generous for a loaded CI machine; the measured figure is printed.
const LIMIT: Duration = Duration::from_secs(15);

fn listed(addr: &str, n: InterpreterNumber) -> bool {
    let (status, body) = support::get(addr, &format!("/api/v1/verify/{n}"));
    assert_eq!(status, 200, "{addr}: {body}");
    body.contains("\"listed\":true")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_public_replicas_follow_one_postgres_register() {
    let Some(db) = common::postgres().await else { return };
    let store = db.store.clone();
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();
    let numbers: Vec<InterpreterNumber> = store
        .as_of(Timestamp::now())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.number)
        .collect();

    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let replicas: Vec<(support::Server, String)> = dirs
        .iter()
        .map(|dir| {
            let env = [
                ("DATABASE_URL", db.url.clone()),
                (
                    "TOLKEREGISTER_INDEX_DIR",
                    dir.path().join("index").display().to_string(),
                ),
                ("TOLKEREGISTER_TIP_SEALING_KEY", "ab".repeat(32)),
            ];
            let args = ["serve-public", "--public-addr", "127.0.0.1:0"];
            let (server, addrs) = support::start(dir.path(), &args, &env, &["Offentlig tjeneste"]);
            (server, addrs[0].clone())
        })
        .collect();
    let addrs: Vec<&str> = replicas.iter().map(|(_, a)| a.as_str()).collect();
    for addr in &addrs {
        let ready = support::within(LIMIT, || support::get(addr, "/readyz").0 == 200);
        assert!(ready.is_some(), "{addr} did not build its index in time");
    }
    let someone = *numbers
        .iter()
        .find(|n| listed(addrs[0], **n))
        .expect("someone is listed");
    let shown_everywhere = |want: bool| support::within(LIMIT, || addrs.iter().all(|a| listed(a, someone) == want));
    assert!(shown_everywhere(true).is_some(), "{someone} is listed on both at start");

    let meta = || ChangeMeta::now("staff:test", "test med to offentlige tjenester");
    store.execute(someone, Command::Suspend, meta()).await.unwrap();
    let hidden = shown_everywhere(false).expect("a suspension reaches both replicas");
    store.execute(someone, Command::LiftSuspension, meta()).await.unwrap();
    let back = shown_everywhere(true).expect("lifting reaches both replicas");
    eprintln!("both replicas: hidden after {hidden:?}, shown again after {back:?}");
}
