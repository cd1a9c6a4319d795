//! Freshness: the time from a register commit to the change being visible in search, p50/p99
//! over 1000 changes (suspend / lift suspension of listed interpreters). SQLite follows through
//! the in-process watch; PostgreSQL through LISTEN/NOTIFY from a separate connection pool, as
//! another process would. Prints Markdown.
//!
//! cargo bench -p search --bench freshness [-- sqlite|postgres]

use std::sync::Arc;
use std::time::{Duration, Instant};

use register::generator::{self, Options};
use register::store::ConnectOptions;
use register::{Catalogue, ChangeMeta, Command, Database, Timestamp};
use search::{Indexer, IndexerOptions, PublicInterpreter, SearchIndex};
use sqlx::Connection;

const CHANGES: usize = 1_000;

async fn connect(url: &str) -> Database {
    Database::connect(
        &ConnectOptions {
            url: url.into(),
            max_connections: 4,
        },
        Catalogue::bundled(),
    )
    .await
    .unwrap()
}

/// Runs the changes through `writer` while the indexer follows `follower`; returns sorted delays.
async fn measure(writer: Database, follower: Database) -> Vec<Duration> {
    let generated = generator::generate(writer.catalogue(), Options::default());
    generator::load(&writer, generated.changes, 5_000).await.unwrap();
    let day = Timestamp::now().date();
    let listed: Vec<PublicInterpreter> = PublicInterpreter::listed(&generated.records, day);
    let dir = tempfile::tempdir().unwrap();
    let index = Arc::new(SearchIndex::open(Some(dir.path()), Catalogue::bundled()).unwrap());
    let indexer = Indexer::spawn(index.clone(), follower, IndexerOptions::default());
    indexer.ready().await;
    let mut delays = Vec::with_capacity(CHANGES);
    for i in 0..CHANGES {
        let p = &listed[(i / 2) % listed.len()];
        let suspend = i % 2 == 0;
        let command = if suspend {
            Command::Suspend
        } else {
            Command::LiftSuspension
        };
        writer
            .execute(p.number, command, ChangeMeta::now("system:bench", "freshness bench"))
            .await
            .unwrap();
        let committed = Instant::now();
        let seq = *writer.subscribe().borrow();
        tokio::time::timeout(Duration::from_secs(10), indexer.caught_up(seq))
            .await
            .expect("visible within 10 s");
        delays.push(committed.elapsed());
        assert_eq!(
            index.interpreter(p.number).unwrap().is_none(),
            suspend,
            "search shows the change"
        );
    }
    indexer.stop().await;
    delays.sort();
    delays
}

fn row(backend: &str, how: &str, d: &[Duration]) {
    let at = |q: f64| d[((d.len() as f64 * q) as usize).min(d.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "| {backend} | {how} | {} | {:.1} | {:.1} | {:.1} |",
        d.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let which: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let wants = |b: &str| which.is_empty() || which.iter().any(|w| w == b);
    println!("| backend | wake-up | changes | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|");
    if wants("sqlite") {
        let dir = tempfile::tempdir().unwrap();
        let store = connect(&format!("sqlite:{}", dir.path().join("r.db").display())).await;
        let d = measure(store.clone(), store).await;
        row("SQLite", "in-process watch", &d);
    }
    if wants("postgres") {
        let admin =
            std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await else {
            eprintln!("no PostgreSQL at {admin}; skipped");
            return;
        };
        let name = format!("tolkeregister_fresh_{}", std::process::id());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut conn)
            .await
            .unwrap();
        let url = format!("{}/{name}", admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b));
        let writer = connect(&url).await;
        let follower = connect(&url).await;
        let d = measure(writer.clone(), follower.clone()).await;
        row("PostgreSQL", "LISTEN/NOTIFY (separate pool)", &d);
        drop((writer, follower));
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
        )))
        .execute(&mut conn)
        .await;
    }
}
