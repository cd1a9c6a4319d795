//! Faults of the running system (issue 14, item 16): a PostgreSQL server of the test's own is
//! stopped under both services and started again. Staff requests must fail fast with 503 and a
//! message, readiness must answer within a second, public search must keep answering, and the
//! public index must resume within about a second of the database's return.

use crate::support;

use std::time::{Duration, Instant};

use admin::auth::Role;
use admin::auth::session::SessionKeys;
use admin::auth::users::{DemoLogin, StaffDirectory};

use register::{Catalogue, ChangeMeta, Command, InterpreterNumber};

const ADMIN_SECRET: &str = "feiltest-hemmelighet";
const TIP_KEY: &str = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

/// A staff session cookie the service accepts (signed with its configured secret).
fn staff_cookie() -> String {
    let directory = StaffDirectory::new(&[DemoLogin {
        username: "kari".into(),
        name: "Kari Nordmann".into(),
        roles: vec![Role::Caseworker],
        password: "ubrukt".into(),
    }]);
    let keys = SessionKeys::from_secret(format!("session:{ADMIN_SECRET}").as_bytes(), Duration::from_secs(3600));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (token, _) = keys.issue(&directory.users()[0], now).unwrap();
    format!("{}={token}", admin::auth::SESSION_COOKIE)
}

fn listed(addr: &str, n: InterpreterNumber) -> bool {
    let (status, body) = support::get(addr, &format!("/api/v1/verify/{n}"));
    assert_eq!(status, 200, "public search must answer: {body}");
    body.contains("\"listed\":true")
}

/// Times one request.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_and_started_again_under_both_services() {
    let Some(pg) = support::own_postgres::OwnPostgres::start() else {
        return;
    };
    let url = pg.url("postgres");
    let seeded = std::process::Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(["seed", "--scale", "200"])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));

    let dir = tempfile::tempdir().unwrap();
    let env = [
        ("DATABASE_URL", url.clone()),
        (
            "TOLKEREGISTER_INDEX_DIR",
            dir.path().join("index").display().to_string(),
        ),
        ("TOLKEREGISTER_TIP_KEY", TIP_KEY.to_string()),
        ("ADMIN_SECRET", ADMIN_SECRET.to_string()),
    ];
    let args = ["serve", "--public-addr", "127.0.0.1:0", "--admin-addr", "127.0.0.1:0"];
    let (_server, addrs) = support::start(
        dir.path(),
        &args,
        &env,
        &["Offentlig tjeneste", "Saksbehandlertjeneste"],
    );
    let (public, staff) = (addrs[0].as_str(), addrs[1].as_str());
    let ready = support::within(Duration::from_secs(30), || support::get(public, "/readyz").0 == 200);
    assert!(ready.is_some(), "the public service builds its index");

    let store = register::Database::open_postgres(&url, 2, Catalogue::bundled())
        .await
        .unwrap();
    let someone = store
        .as_of(register::Timestamp::now())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.number)
        .find(|n| listed(public, *n))
        .expect("someone is listed");
    let cookie = staff_cookie();
    let dossier = format!("/tolker/{someone}");
    let staff_get = || support::get_with(staff, &dossier, &[("Cookie", &cookie)]);
    let (status, body) = staff_get();
    assert_eq!(status, 200, "the staff page opens while the database runs: {body}");

    pg.stop();
    let stopped = Instant::now();

    let ((status, body), took) = timed(staff_get);
    eprintln!("staff request with PostgreSQL stopped: {status} after {took:?}");
    assert_eq!(status, 503, "a stopped database is a 503, not a 500: {body}");
    assert!(
        body.contains("databasen ikke svarer"),
        "staff are told why, in Norwegian: {body}"
    );
    assert!(
        took < Duration::from_secs(3),
        "staff requests fail fast, not after 10 s: {took:?}"
    );

    for service in [public, staff] {
        let ((status, body), took) = timed(|| support::get(service, "/readyz"));
        eprintln!("{service} /readyz with PostgreSQL stopped: {status} after {took:?}: {body}");
        assert!(
            took < Duration::from_secs(1),
            "readiness answers within a second: {took:?}"
        );
        assert!(
            body.contains("unavailable"),
            "readiness says the database is away: {body}"
        );
    }
    let (status, _) = support::get(public, "/readyz");
    assert_eq!(status, 200, "public search stays ready on its last index");
    assert!(listed(public, someone), "public search keeps answering from its index");

    // A few seconds of outage, long enough for a growing retry wait to have grown.
    tokio::time::sleep(Duration::from_secs(4).saturating_sub(stopped.elapsed())).await;
    pg.start_again().expect("PostgreSQL starts again");
    let back = Instant::now();

    let staff_back = support::within(Duration::from_secs(5), || staff_get().0 == 200);
    let staff_back = staff_back.expect("staff pages work again once the database is back");
    eprintln!("staff pages answer again {staff_back:?} after PostgreSQL returned");

    // A staff write straight after the return must reach public search within about a second.
    let store = register::Database::open_postgres(&url, 2, Catalogue::bundled())
        .await
        .unwrap();
    store
        .execute(someone, Command::Suspend, ChangeMeta::now("staff:test", "feiltest"))
        .await
        .unwrap();
    let written = Instant::now();
    let hidden = support::within(Duration::from_secs(10), || !listed(public, someone));
    let hidden = hidden.expect("the index resumes following the register");
    eprintln!(
        "suspension searchable {hidden:?} after the write, {:?} after PostgreSQL returned",
        back.elapsed()
    );
    assert!(
        written.duration_since(back) + hidden < Duration::from_secs(3),
        "the index resumes within about a second of the database's return, not 4–10 s: {:?}",
        written.duration_since(back) + hidden
    );
    assert!(hidden < Duration::from_millis(1_500), "{hidden:?}");
}

/// The phone number that encodes write number `i` of the kill -9 writer.
fn phone_of(i: u64) -> String {
    let d = format!("{:07}", i % 10_000_000);
    format!("+47 9{} {} {}", &d[..2], &d[2..4], &d[4..])
}

fn write_number(phone: &str) -> u64 {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len() - 7..].parse().unwrap()
}

const WRITER_URL: &str = "TOLKEREGISTER_FAULTS_WRITER_URL";
const WRITER_FROM: &str = "TOLKEREGISTER_FAULTS_WRITER_FROM";

/// Not a test on its own: the staff writer that `kill_9_during_writes_*` starts in a process
/// of its own (this test binary again) and kills. It updates profiles round-robin and prints
/// `ack NUMBER WRITE` after each acknowledged write.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_writer_process() {
    let Ok(url) = std::env::var(WRITER_URL) else {
        return;
    };
    let mut i: u64 = std::env::var(WRITER_FROM).unwrap().parse().unwrap();
    let store = PostgresOrSqlite::open(&url).await;
    let records = store.as_of(register::Timestamp::now()).await.unwrap();
    use std::io::Write as _;
    let mut out = std::io::stdout();
    loop {
        i += 1;
        let mut record = records[i as usize % records.len()].clone();
        record.profile.phone = phone_of(i);
        store
            .execute(
                record.number,
                Command::UpdateProfile {
                    profile: record.profile,
                },
                ChangeMeta::now("staff:test", "kill -9-test"),
            )
            .await
            .unwrap();
        writeln!(out, "ack {} {i}", record.number).unwrap();
        out.flush().unwrap();
    }
}

/// Staff writes and the public service are killed with SIGKILL again and again: no acknowledged
/// write may be lost, the change feed must have no gap, and the restarted public service must
/// say it is ready only with every change applied.
async fn kill_9_during_writes(url: &str) {
    use std::io::BufRead as _;
    let seeded = std::process::Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(["seed", "--scale", "200"])
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let dir = tempfile::tempdir().unwrap();
    let public_env = [
        ("DATABASE_URL", url.to_string()),
        (
            "TOLKEREGISTER_INDEX_DIR",
            dir.path().join("index").display().to_string(),
        ),
    ];
    let public_args = ["serve-public", "--public-addr", "127.0.0.1:0"];
    let mut acked: std::collections::HashMap<String, u64> = Default::default();
    let mut acks = 0u64;
    for round in 0..4u64 {
        let (public, _) = support::start(dir.path(), &public_args, &public_env, &["Offentlig tjeneste"]);
        let mut writer = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "kill_9_writer_process", "--nocapture", "--test-threads", "1"])
            .env(WRITER_URL, url)
            // Write numbers far above the seeded phone numbers' digits, rising across rounds.
            .env(WRITER_FROM, (9_900_000 + round * 10_000).to_string())
            .env("RUST_LOG", "error")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let lines = std::io::BufReader::new(writer.stdout.take().unwrap()).lines();
        let mut this_round = 0;
        for line in lines {
            let line = line.unwrap();
            let Some(rest) = line.strip_prefix("ack ") else {
                continue;
            };
            let (number, write) = rest.split_once(' ').unwrap();
            acked.insert(number.to_string(), write.parse().unwrap());
            acks += 1;
            this_round += 1;
            if this_round == 150 {
                // SIGKILL both while the writer is in the middle of its next write and the
                // public service may be committing to its index.
                writer.kill().unwrap();
                drop(public);
                break;
            }
        }
        let _ = writer.wait();
    }

    let store = PostgresOrSqlite::open(url).await;
    let feed = store.changes_since(0, i64::MAX).await.unwrap();
    let seqs: Vec<i64> = feed.iter().map(|r| r.seq).collect();
    let expected: Vec<i64> = (1..=seqs.len() as i64).collect();
    assert_eq!(seqs, expected, "the change feed has no gap");
    for (number, write) in &acked {
        let n: InterpreterNumber = number.parse().unwrap();
        let record = store.record(n).await.unwrap().unwrap();
        // The last acknowledged write, or one made after it that was cut off before its ack.
        assert!(
            record.profile.phone == phone_of(*write) || write_number(&record.profile.phone) > *write,
            "acknowledged write {write} to {n} lost: the record shows write {}",
            write_number(&record.profile.phone)
        );
    }
    let head = *seqs.last().unwrap();

    // The public service after its last kill: ready only when it has applied every change.
    let (_public, addrs) = support::start(dir.path(), &public_args, &public_env, &["Offentlig tjeneste"]);
    let mut first_ready = None;
    support::within(Duration::from_secs(30), || {
        let (status, body) = support::get(&addrs[0], "/readyz");
        if status == 200 {
            first_ready = Some(body);
        }
        status == 200
    })
    .expect("the public service recovers its index after the kills");
    let body: serde_json::Value = serde_json::from_str(&first_ready.unwrap()).unwrap();
    let seq = body["index"]["seq"].as_i64().unwrap();
    assert!(seq >= head, "ready at feed position {seq} behind the head {head}");
    eprintln!("{acks} acknowledged writes over 4 kill -9 rounds, none lost; feed 1..={head} without gap");
}

/// Opens either backend from its URL.
struct PostgresOrSqlite;

impl PostgresOrSqlite {
    async fn open(url: &str) -> register::Database {
        register::Database::connect(
            &register::store::ConnectOptions {
                url: url.to_string(),
                max_connections: 2,
            },
            Catalogue::bundled(),
        )
        .await
        .unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_during_writes_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    kill_9_during_writes(&format!("sqlite:{}", dir.path().join("register.db").display())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_during_writes_postgres() {
    let Some(pg) = support::own_postgres::OwnPostgres::start() else {
        return;
    };
    kill_9_during_writes(&pg.url("postgres")).await;
}
