//! Two public services on one PostgreSQL register, as in production behind a load balancer:
//! each keeps its own index, both follow the change feed, and a sanction written by staff
//! reaches both at once (LISTEN/NOTIFY), as does its lifting; a tip form sent through one and
//! again through the other files one tip. Two staff services on one register share the login
//! limits.

use crate::common;
use crate::support;

use std::time::Duration;

use register::generator::{self, Options};
use register::{ChangeMeta, Command, InterpreterNumber, Timestamp};

/// Generous for a loaded CI machine; the measured figure is printed.
const LIMIT: Duration = Duration::from_secs(15);

/// One process of the binary per directory, started with `args` and `env(dir)`; each with the
/// address it prints after `label`.
fn start_each(
    dirs: &[tempfile::TempDir],
    args: &[&str],
    label: &str,
    env: impl Fn(&std::path::Path) -> Vec<(&'static str, String)>,
) -> Vec<(support::Server, String)> {
    dirs.iter()
        .map(|dir| {
            let (server, addrs) = support::start(dir.path(), args, &env(dir.path()), &[label]);
            (server, addrs[0].clone())
        })
        .collect()
}

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
    let replicas = start_each(
        &dirs,
        &["serve-public", "--public-addr", "127.0.0.1:0"],
        "Offentlig tjeneste",
        |dir| {
            vec![
                ("DATABASE_URL", db.url.clone()),
                ("TOLKEREGISTER_INDEX_DIR", dir.join("index").display().to_string()),
                ("TOLKEREGISTER_TIP_SEALING_KEY", "ab".repeat(32)),
            ]
        },
    );
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

    // One tip form, sent through the first replica and again through the second (a double
    // click that the load balancer spreads): one tip, one receipt.
    let (_, _, page) = support::request(addrs[0], "GET", "/varsle", &[], None);
    let token = page
        .split(r#"name="token" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a form token");
    let number = someone.to_string();
    let form = serde_urlencoded::to_string([
        ("lookup", number.as_str()),
        ("interpreter", number.as_str()),
        ("assignment_on", "1.2.2026"),
        ("assignment_place", "Haukeland universitetssjukehus"),
        ("grounds", "confidentiality"),
        ("account", "Tolken fortalte naboen min om legetimen."),
        ("anonymity", "anonymous"),
        ("website", ""),
        ("token", token),
        ("action", "send"),
    ])
    .unwrap();
    let receipts: Vec<String> = addrs
        .iter()
        .map(|addr| {
            let (status, headers, body) = support::request(addr, "POST", "/varsle", &[], Some(&form));
            assert_eq!(status, 303, "{addr}: {body}");
            support::header(&headers, "location").unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(receipts[0], receipts[1], "the same receipt from both replicas");
    let tips = store.tip_list(false).await.unwrap();
    assert_eq!(tips.len(), 1, "one tip, not two");
}

/// Two staff services on one register: failed logins through either count against one
/// allowance, so the limit holds however the load balancer spreads a guesser's attempts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_staff_replicas_share_the_login_limits() {
    let Some(db) = common::postgres().await else { return };
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let replicas = start_each(
        &dirs,
        &["serve-admin", "--admin-addr", "127.0.0.1:0"],
        "Saksbehandlertjeneste",
        |_| {
            vec![
                ("DATABASE_URL", db.url.clone()),
                ("TOLKEREGISTER_TIP_KEY", "cd".repeat(32)),
                ("ADMIN_SECRET", "replica-test-secret".to_string()),
            ]
        },
    );
    let attempt = |addr: &str| {
        let (status, headers, _) = support::request(addr, "GET", "/logg-inn", &[], None);
        assert_eq!(status, 200);
        let cookie = support::header(&headers, "set-cookie").expect("login cookie");
        let pair = cookie.split(';').next().unwrap().to_string();
        let token = pair.split_once('=').unwrap().1.to_string();
        let form = serde_urlencoded::to_string([("csrf", token.as_str()), ("username", "kari"), ("password", "gjett")])
            .unwrap();
        support::request(addr, "POST", "/logg-inn", &[format!("Cookie: {pair}")], Some(&form)).0
    };
    for i in 0..5 {
        let addr = &replicas[i % 2].1;
        assert_eq!(attempt(addr), 401, "attempt {i} through {addr}");
    }
    for (_, addr) in &replicas {
        assert_eq!(
            attempt(addr),
            429,
            "{addr} refuses after five failures spread over both"
        );
    }
}
