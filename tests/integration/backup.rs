//! The backup and restore drill (issue 14, item 15), on SQLite and on PostgreSQL: the fixture
//! register is backed up, restored into a fresh database with identical figures for several
//! dates, a second restore over it is refused without `--force`, and after a change that came
//! later is lost by restoring the original in place, the public index rebuilds to match.

use crate::common;
use crate::support;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use register::store::ConnectOptions;
use register::{Catalogue, ChangeMeta, Database, InterpreterNumber, Timestamp};

const DAYS: [&str; 5] = ["2020-12-31", "2021-12-31", "2022-06-30", "2023-12-31", "2024-03-01"];

fn run(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs")
}

fn ok(url: &str, args: &[&str]) -> String {
    let out = run(url, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(url: &str, args: &[&str]) -> String {
    let out = run(url, args);
    assert!(!out.status.success(), "{args:?} must be refused");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The figures for every day in [`DAYS`] and the export at the end of 2023.
fn figures(url: &str) -> Vec<String> {
    let mut all: Vec<String> = DAYS.iter().map(|d| ok(url, &["counts", "--as-of", d])).collect();
    all.push(ok(url, &["export", "--as-of", "2023-12-31"]));
    all
}

/// A public service on `url` with its index in `index`: once ready, how many it lists.
fn public_service(url: &str, dir: &Path, index: &Path) -> (support::Server, String, u64) {
    let env = [
        ("DATABASE_URL", url.to_string()),
        ("TOLKEREGISTER_INDEX_DIR", index.display().to_string()),
    ];
    let (server, addrs) = support::start(
        dir,
        &["serve-public", "--public-addr", "127.0.0.1:0"],
        &env,
        &["Offentlig tjeneste"],
    );
    let addr = addrs[0].clone();
    let ready = support::within(Duration::from_secs(60), || support::get(&addr, "/readyz").0 == 200);
    assert!(ready.is_some(), "the public service gets ready");
    let (_, body) = support::get(&addr, "/readyz");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let listed = v["index"]["interpreters"].as_u64().unwrap();
    (server, addr, listed)
}

fn listed(addr: &str, n: InterpreterNumber) -> bool {
    let (status, body) = support::get(addr, &format!("/api/v1/verify/{n}"));
    assert_eq!(status, 200, "{body}");
    body.contains("\"listed\":true")
}

async fn drill(original: &str, fresh: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.backup");
    let file_arg = file.to_str().unwrap();
    ok(original, &["seed"]);
    let before = figures(original);

    let said = ok(original, &["backup", "--to", file_arg]);
    assert!(said.contains("Sikkerhetskopi"), "{said}");
    assert!(
        std::fs::metadata(&file).unwrap().len() > 100_000,
        "the backup holds the register"
    );
    let again = refused(original, &["backup", "--to", file_arg]);
    assert!(
        again.contains("finnes allerede"),
        "an existing backup is never overwritten: {again}"
    );

    let said = ok(fresh, &["restore", "--from", file_arg]);
    assert!(said.contains("Gjenopprettet"), "{said}");
    assert_eq!(
        figures(fresh),
        before,
        "the restored register has the same figures on every date"
    );
    let twice = refused(fresh, &["restore", "--from", file_arg]);
    assert!(
        twice.contains("inneholder allerede et register") && twice.contains("--force"),
        "a register is not overwritten without --force: {twice}"
    );
    let missing = refused(fresh, &["restore", "--from", "/finnes/ikke.backup"]);
    assert!(missing.contains("fant ingen sikkerhetskopi"), "{missing}");
    ok(fresh, &["restore", "--from", file_arg, "--force"]);
    assert_eq!(figures(fresh), before);

    // The accident: a change after the backup, then the backup restored in place. The public
    // index, which had seen the change, must notice and rebuild to match the register.
    let index = dir.path().join("index");
    let (server, addr, listed_at_backup) = public_service(original, dir.path(), &index);
    let store = Database::connect(
        &ConnectOptions {
            url: original.to_string(),
            max_connections: 2,
        },
        Catalogue::bundled(),
    )
    .await
    .unwrap();
    let someone = store
        .as_of(Timestamp::now())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.number)
        .find(|n| listed(&addr, *n))
        .expect("someone is listed");
    store
        .execute(
            someone,
            register::Command::Suspend,
            ChangeMeta::now("staff:test", "øvelse"),
        )
        .await
        .unwrap();
    drop(store);
    let hidden = support::within(Duration::from_secs(10), || !listed(&addr, someone));
    assert!(hidden.is_some(), "the suspension reaches the index");
    drop(server);

    ok(original, &["restore", "--from", file_arg, "--force"]);
    assert_eq!(
        figures(original),
        before,
        "restored in place, the figures are as backed up"
    );
    let (_server, addr, listed_now) = public_service(original, dir.path(), &index);
    assert!(
        listed(&addr, someone),
        "the index was rebuilt: the lost suspension is gone from it too"
    );
    assert_eq!(
        listed_now, listed_at_backup,
        "the rebuilt index lists as many as at backup time"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_drill_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let original = format!("sqlite:{}", dir.path().join("register.db").display());
    let fresh = format!("sqlite:{}", dir.path().join("restored/register.db").display());
    drill(&original, &fresh).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_drill_postgres() {
    let Some(original) = common::postgres().await else {
        return;
    };
    let Some(fresh) = common::postgres().await else {
        return;
    };
    let (original_url, fresh_url) = (original.url.clone(), fresh.url.clone());
    // The fixtures hold pools on both databases; the drill's own processes do the work.
    drill(&original_url, &fresh_url).await;
}
