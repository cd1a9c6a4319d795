//! The indexer against a real register on SQLite and PostgreSQL: builds the index from the
//! register, makes each change searchable, hides suspended interpreters at once, and rebuilds
//! a deleted index or catches up a stale one.

use crate::common;

use std::sync::Arc;
use std::time::Duration;

use register::generator::{self, Options};
use register::{ChangeMeta, Command, Database, InterpreterNumber, Timestamp};
use search::{Indexer, IndexerOptions, PublicInterpreter, Query, SearchIndex};

const WAIT: Duration = Duration::from_secs(20);

fn options() -> IndexerOptions {
    IndexerOptions {
        poll: Duration::from_millis(200),
        ..IndexerOptions::default()
    }
}

async fn start(store: &Database, dir: &std::path::Path) -> (Arc<SearchIndex>, Indexer) {
    let index = Arc::new(SearchIndex::open(Some(dir), store.catalogue().clone()).unwrap());
    let indexer = Indexer::spawn(index.clone(), store.clone(), options());
    tokio::time::timeout(WAIT, indexer.ready())
        .await
        .expect("indexer ready in time");
    (index, indexer)
}

async fn caught_up(indexer: &Indexer, seq: i64) {
    tokio::time::timeout(WAIT, indexer.caught_up(seq))
        .await
        .unwrap_or_else(|_| panic!("change {seq} not searchable in time: {:?}", indexer.status()));
}

async fn change(store: &Database, n: InterpreterNumber, command: Command) -> i64 {
    store
        .execute(n, command, ChangeMeta::now("staff:test", "test av søket"))
        .await
        .expect("change accepted");
    let rows = store.changes_since(0, i64::MAX).await.unwrap();
    rows.last().unwrap().seq
}

async fn story(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();
    let today = Timestamp::now().date();
    // The register as stored (the generator's own records agree but for entry order).
    let stored = store.as_of(Timestamp::now()).await.unwrap();
    assert_eq!(stored.len(), generated.records.len());
    let listed: Vec<PublicInterpreter> = PublicInterpreter::listed(&stored, today);

    let dir = tempfile::tempdir().unwrap();
    let (index, indexer) = start(&store, dir.path()).await;
    assert_eq!(index.len() as usize, listed.len(), "built from the register");

    // Suspending hides the interpreter; lifting the suspension shows them again.
    let someone = listed.iter().find(|p| p.entries.len() == 1).unwrap().clone();
    let language = someone.entries[0].language;
    let in_search = |index: &SearchIndex| {
        let q = Query {
            name: Some(someone.number.to_string()),
            ..Query::language(language)
        };
        index.search(&q).unwrap().total == 1
    };
    assert!(in_search(&index));
    let seq = change(&store, someone.number, Command::Suspend).await;
    caught_up(&indexer, seq).await;
    assert!(!in_search(&index), "suspended but still found");
    assert_eq!(index.interpreter(someone.number).unwrap(), None);
    let seq = change(&store, someone.number, Command::LiftSuspension).await;
    caught_up(&indexer, seq).await;
    assert!(in_search(&index), "suspension lifted but not found");

    // A profile change (new county, new name) is searchable by the new values.
    let mut record = store.record(someone.number).await.unwrap().unwrap();
    record.profile.family_name = "Bjørkelund".into();
    record.profile.county = "56".parse().unwrap();
    let seq = change(
        &store,
        someone.number,
        Command::UpdateProfile {
            profile: record.profile.clone(),
        },
    )
    .await;
    caught_up(&indexer, seq).await;
    let r = index
        .search(&Query {
            name: Some("bjorkelund".into()),
            counties: vec!["56".parse().unwrap()],
            ..Query::default()
        })
        .unwrap();
    assert!(
        r.hits.iter().any(|p| p.number == someone.number),
        "new name and county not searchable"
    );

    // Stop; change the register meanwhile; reopening catches up from the stored position.
    indexer.stop().await;
    drop(index);
    let seq = change(&store, someone.number, Command::Withdraw { language: None }).await;
    let (index, indexer) = start(&store, dir.path()).await;
    caught_up(&indexer, seq).await;
    assert_eq!(
        index.interpreter(someone.number).unwrap(),
        None,
        "withdrawal missed while stopped"
    );
    assert_eq!(index.len() as usize, listed.len() - 1);

    // The index is disposable: delete it and it is rebuilt from the register.
    indexer.stop().await;
    drop(index);
    std::fs::remove_dir_all(dir.path()).unwrap();
    let (index, _indexer) = start(&store, dir.path()).await;
    assert_eq!(index.len() as usize, listed.len() - 1);
    assert!(dir.path().join("meta.json").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    let f = common::sqlite().await;
    story(f.store.clone()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let Some(f) = common::postgres().await else { return };
    story(f.store.clone()).await;
}

#[tokio::test]
async fn a_directory_that_is_not_an_index_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let err = SearchIndex::open(Some(dir.path()), register::Catalogue::bundled())
        .err()
        .expect("refused");
    assert!(err.to_string().contains("ikke tom"), "{err}");
    assert!(dir.path().join("notes.txt").exists());
}
