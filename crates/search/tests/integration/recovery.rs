//! After a kill -9 (issue 14, item 16): an index directory left by a commit that was cut short
//! opens and takes the replayed changes, and an indexer that reopens a stale index says it is
//! ready only once it has caught up with the feed head it found at start.

use crate::common;

use std::sync::Arc;
use std::time::Duration;

use register::generator::{self, Options};
use register::{ChangeMeta, Command, Database, Timestamp};
use search::index::{IndexState, Update};
use search::{Indexer, IndexerOptions, PublicInterpreter, SearchIndex};

/// A commit cut short between writing a segment's deletions (`<segment>.<opstamp>.del`) and
/// writing `meta.json` leaves the `.del` file behind. When the restarted process's replay of the
/// feed reaches the same operation stamp, tantivy refused the commit with
/// `FileAlreadyExists(….del)`, and the index fell behind until a later attempt got past it.
#[test]
fn a_commit_cut_short_leaves_no_file_in_the_way() {
    let day = Timestamp::now().date();
    let dir = tempfile::tempdir().unwrap();
    let (records, index) = SearchIndex::generated(Options::default(), day, Some(dir.path())).unwrap();
    let listed = PublicInterpreter::listed(&records, day);
    let state = index.state().expect("the generated index has a state");
    let committed_meta = std::fs::read_to_string(dir.path().join("meta.json")).unwrap();
    let next = IndexState {
        seq: state.seq + 1,
        ..state.clone()
    };
    let upserts = |k: usize| -> Vec<Update> {
        listed[..k]
            .iter()
            .map(|p| Update::Upsert(Box::new(p.clone())))
            .collect()
    };
    index.apply(upserts(1), &next).unwrap();
    drop(index);
    // The kill -9: meta.json as before that commit, its delete file still on disk.
    std::fs::write(dir.path().join("meta.json"), &committed_meta).unwrap();
    let leftover: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find_map(|n| n.strip_suffix(".del")?.rsplit('.').next()?.parse().ok())
        .expect("the simulated crash left a delete file");
    let committed: u64 = serde_json::from_str::<serde_json::Value>(&committed_meta).unwrap()["opstamp"]
        .as_u64()
        .unwrap();

    // Replay as many operations as reach the leftover file's stamp: each upsert is a delete
    // and an add, a removal one delete, and the commit takes one more.
    let needed = (leftover - committed - 1) as usize;
    let mut replay = upserts(needed / 2);
    if needed % 2 == 1 {
        replay.push(Update::Remove("99999".parse().unwrap()));
    }
    let reopened = SearchIndex::open(Some(dir.path()), register::Catalogue::bundled()).unwrap();
    assert_eq!(reopened.state(), Some(state), "the last finished commit is what counts");
    reopened
        .apply(replay, &next)
        .expect("the replayed changes commit despite the leftover file");
    assert_eq!(reopened.state(), Some(next));
    assert_eq!(reopened.len() as usize, listed.len(), "nobody lost or doubled");
    assert!(reopened.interpreter(listed[0].number).unwrap().is_some());
}

/// A stale index is reopened and caught up; until it has reached the feed head found at
/// start it must not say it is ready (readiness sent the load balancer traffic that then read
/// an index behind the register).
async fn ready_only_when_caught_up(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let options = IndexerOptions {
        poll: Duration::from_millis(200),
        ..IndexerOptions::default()
    };
    let index = Arc::new(SearchIndex::open(Some(dir.path()), store.catalogue().clone()).unwrap());
    let indexer = Indexer::spawn(index.clone(), store.clone(), options);
    tokio::time::timeout(Duration::from_secs(30), indexer.ready())
        .await
        .unwrap();
    indexer.stop().await;
    drop(index);

    // Changes the stopped index has not seen: enough that catching up takes a while.
    let listed: Vec<_> = store
        .as_of(Timestamp::now())
        .await
        .unwrap()
        .into_iter()
        .filter(|r| PublicInterpreter::from_record(r, Timestamp::now().date()).is_some())
        .map(|r| r.number)
        .take(300)
        .collect();
    for n in &listed {
        store
            .execute(*n, Command::Suspend, ChangeMeta::now("staff:test", "test av oppstart"))
            .await
            .unwrap();
    }
    let head = store.changes_since(0, i64::MAX).await.unwrap().last().unwrap().seq;

    let index = Arc::new(SearchIndex::open(Some(dir.path()), store.catalogue().clone()).unwrap());
    assert!(index.state().unwrap().seq < head, "the reopened index is behind");
    let indexer = Indexer::spawn(index.clone(), store.clone(), options);
    tokio::time::timeout(Duration::from_secs(30), indexer.ready())
        .await
        .unwrap();
    let status = indexer.status();
    assert!(
        status.seq >= head,
        "ready at feed position {} while the head at start was {head}",
        status.seq
    );
    assert!(
        listed.iter().all(|n| index.interpreter(*n).unwrap().is_none()),
        "every change before start is searchable once ready"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_only_when_caught_up_sqlite() {
    let f = common::sqlite().await;
    ready_only_when_caught_up(f.store.clone()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_only_when_caught_up_postgres() {
    let Some(f) = common::postgres().await else { return };
    ready_only_when_caught_up(f.store.clone()).await;
}
