//! The indexer task: on start opens or rebuilds the index from the register, then tails the
//! change feed and applies each batch of changes in one commit. Reads the register, never writes.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use register::store::{Follower, StoreError};
use register::{Database, InterpreterNumber, Timestamp};
use time::Date;
use tokio::sync::watch;

use crate::document::PublicInterpreter;
use crate::index::{IndexState, SearchError, SearchIndex, Update};
use crate::schema::SCHEMA_VERSION;

/// How the indexer follows the register.
#[derive(Debug, Clone, Copy)]
pub struct IndexerOptions {
    /// The longest wait between looks at the feed when no notification arrives.
    pub poll: Duration,
    /// Feed rows read per query.
    pub batch: i64,
    /// A backlog longer than this is not replayed record by record: the index is rebuilt.
    pub rebuild_backlog: i64,
}

impl Default for IndexerOptions {
    fn default() -> Self {
        IndexerOptions {
            poll: Duration::from_secs(1),
            batch: 1_000,
            rebuild_backlog: 20_000,
        }
    }
}

/// What the indexer has done so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexerStatus {
    /// The index reflects the register up to `seq` (start-up is done).
    pub ready: bool,
    pub seq: i64,
    /// The last failure, cleared by the next success.
    pub error: Option<String>,
}

#[derive(Debug, thiserror::Error)]
enum StepError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("indekseringen stoppet uventet: {0}")]
    Join(#[from] tokio::task::JoinError),
}

/// A running indexer.
#[derive(Clone)]
pub struct Indexer {
    status: watch::Receiver<IndexerStatus>,
    task: Arc<std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

impl Indexer {
    /// Starts the indexer task for `index` on `store`.
    pub fn spawn(index: Arc<SearchIndex>, store: Database, options: IndexerOptions) -> Indexer {
        let (tx, rx) = watch::channel(IndexerStatus::default());
        let task = tokio::spawn(run(index, store, options, tx));
        Indexer {
            status: rx,
            task: Arc::new(std::sync::Mutex::new(Some(task))),
        }
    }

    /// Stops the task and waits until it has let go of the index (and so of its writer).
    pub async fn stop(&self) {
        let task = self.task.lock().ok().and_then(|mut t| t.take());
        if let Some(task) = task {
            task.abort();
            let _ = task.await;
        }
    }

    pub fn status(&self) -> IndexerStatus {
        self.status.borrow().clone()
    }

    /// Waits until changes up to `seq` are searchable.
    pub async fn caught_up(&self, seq: i64) {
        let mut rx = self.status.clone();
        let _ = rx.wait_for(|s| s.ready && s.seq >= seq).await;
    }

    /// Waits until start-up is done.
    pub async fn ready(&self) {
        let mut rx = self.status.clone();
        let _ = rx.wait_for(|s| s.ready).await;
    }
}

fn today() -> Date {
    Timestamp::now().date()
}

async fn run(index: Arc<SearchIndex>, store: Database, options: IndexerOptions, tx: watch::Sender<IndexerStatus>) {
    let mut follower = Follower::new(&store, options.poll).await;
    let mut backoff = Backoff::default();
    // The feed head when this indexer started: it is ready only once it has applied the feed up
    // to there, so readiness never sends searches to an index behind the register.
    let head = *store.subscribe().borrow();
    let mut state = loop {
        match start(&index, &store, &options).await {
            Ok(state) => break state,
            Err(e) => {
                tracing::warn!(error = %e, "search index could not start; retrying");
                tx.send_modify(|s| s.error = Some(e.to_string()));
                backoff.wait().await;
            }
        }
    };
    backoff.reset();
    while state.seq < head {
        tx.send_modify(|s| s.seq = state.seq);
        match follow(&index, &store, &options, &state).await {
            Ok(Some(next)) => {
                state = next;
                backoff.reset();
            }
            // The feed has nothing after `state.seq` although the head was beyond it: nothing
            // more can be applied, so waiting longer would only keep the service unready.
            Ok(None) => break,
            Err(e) => {
                tracing::warn!(error = %e, "search index could not catch up; retrying");
                tx.send_modify(|s| s.error = Some(e.to_string()));
                backoff.wait().await;
            }
        }
    }
    tx.send_replace(IndexerStatus {
        ready: true,
        seq: state.seq,
        error: None,
    });
    tracing::info!(seq = state.seq, interpreters = index.len(), "search index ready");
    // After a failure the feed is read again as soon as the backoff has passed, without
    // waiting for a notification: none comes while the LISTEN connection is down, and the
    // index must resume within a second of the database's return.
    let mut retrying = false;
    loop {
        if !retrying {
            follower.wait_after(state.seq).await;
        }
        retrying = false;
        match follow(&index, &store, &options, &state).await {
            Ok(Some(next)) => {
                state = next;
                backoff.reset();
                tx.send_replace(IndexerStatus {
                    ready: true,
                    seq: state.seq,
                    error: None,
                });
            }
            Ok(None) => {
                backoff.reset();
                if tx.borrow().error.is_some() {
                    tx.send_modify(|s| s.error = None);
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "could not follow the change feed; search serves the last index");
                tx.send_modify(|s| s.error = Some(e.to_string()));
                backoff.wait().await;
                retrying = true;
            }
        }
    }
}

/// Opens the stored index if it still matches the register, otherwise rebuilds it.
async fn start(index: &Arc<SearchIndex>, store: &Database, options: &IndexerOptions) -> Result<IndexState, StepError> {
    let head = *store.subscribe().borrow();
    if let Some(state) = index.state() {
        let same_register = state.seq <= head && mark(store, state.seq).await? == state.seq_mark;
        if same_register && head - state.seq <= options.rebuild_backlog {
            tracing::info!(seq = state.seq, head, "opened the search index; catching up");
            return Ok(state);
        }
        tracing::info!(
            seq = state.seq,
            head,
            "search index does not match the register; rebuilding"
        );
    }
    rebuild(index, store, head).await
}

/// Builds the index from the whole register as it is now, marked as of feed position `head`
/// (changes after `head` are replayed by the follower, which is harmless if already seen).
async fn rebuild(index: &Arc<SearchIndex>, store: &Database, head: i64) -> Result<IndexState, StepError> {
    let started = std::time::Instant::now();
    let day = today();
    let seq_mark = mark(store, head).await?;
    let records = store.as_of(Timestamp::now()).await?;
    let state = IndexState {
        schema: SCHEMA_VERSION,
        seq: head,
        seq_mark,
        day,
    };
    let index = index.clone();
    let commit = state.clone();
    let count = tokio::task::spawn_blocking(move || {
        let public: Vec<PublicInterpreter> = PublicInterpreter::listed(&records, day);
        let count = public.len();
        index.replace_all(public, &commit).map(|()| count)
    })
    .await??;
    tracing::info!(
        interpreters = count,
        seq = head,
        ms = started.elapsed().as_millis() as u64,
        "search index rebuilt"
    );
    Ok(state)
}

/// The feed row at `seq`, as (interpreter number, recorded time).
async fn mark(store: &Database, seq: i64) -> Result<Option<(i64, String)>, StoreError> {
    if seq <= 0 {
        return Ok(None);
    }
    let rows = store.changes_since(seq - 1, 1).await?;
    Ok(rows
        .into_iter()
        .find(|r| r.seq == seq)
        .map(|r| (r.number.get(), r.recorded_at.to_string())))
}

/// Applies the feed after `state.seq` (and, on a new day, the exclusions that ended) in one
/// commit. `None` when there was nothing to do.
async fn follow(
    index: &Arc<SearchIndex>,
    store: &Database,
    options: &IndexerOptions,
    state: &IndexState,
) -> Result<Option<IndexState>, StepError> {
    let day = today();
    let mut numbers: BTreeSet<InterpreterNumber> = BTreeSet::new();
    let mut seq = state.seq;
    let mut seq_mark = state.seq_mark.clone();
    loop {
        let rows = store.changes_since(seq, options.batch).await?;
        let full = rows.len() as i64 >= options.batch;
        if let Some(last) = rows.last() {
            seq = last.seq;
            seq_mark = Some((last.number.get(), last.recorded_at.to_string()));
        }
        numbers.extend(rows.iter().map(|r| r.number));
        if !full || numbers.len() >= 5_000 {
            break;
        }
    }
    if day != state.day {
        numbers.extend(store.expired_exclusions(day).await?);
    }
    if numbers.is_empty() && day == state.day {
        return Ok(None);
    }
    let mut updates = Vec::with_capacity(numbers.len());
    for n in numbers {
        let public = store
            .record(n)
            .await?
            .and_then(|r| PublicInterpreter::from_record(&r, day));
        updates.push(match public {
            Some(p) => Update::Upsert(Box::new(p)),
            None => Update::Remove(n),
        });
    }
    let next = IndexState {
        schema: SCHEMA_VERSION,
        seq,
        seq_mark,
        day,
    };
    let index = index.clone();
    let commit = next.clone();
    tokio::task::spawn_blocking(move || index.apply(updates, &commit)).await??;
    Ok(Some(next))
}

/// Waits longer after each failure in a row, from 100 ms up to half a second: short enough
/// that the index resumes within a second of the database's return, long enough not to spin
/// (each attempt against a stopped PostgreSQL also waits up to the pool's acquire timeout).
#[derive(Default)]
struct Backoff(u32);

impl Backoff {
    const FIRST: Duration = Duration::from_millis(100);
    const LONGEST: Duration = Duration::from_millis(500);

    async fn wait(&mut self) {
        tokio::time::sleep(self.delay()).await;
        self.0 = self.0.saturating_add(1);
    }

    fn delay(&self) -> Duration {
        Self::FIRST.saturating_mul(1 << self.0.min(8)).min(Self::LONGEST)
    }

    fn reset(&mut self) {
        self.0 = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_never_waits_longer_than_half_a_second() {
        let mut b = Backoff::default();
        let delays: Vec<u128> = (0..40)
            .map(|_| {
                let d = b.delay().as_millis();
                b.0 += 1;
                d
            })
            .collect();
        assert_eq!(&delays[..4], &[100, 200, 400, 500]);
        assert!(delays.iter().all(|d| *d <= 500), "{delays:?}");
    }
}
