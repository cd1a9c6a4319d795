//! Following the change feed from any backend: wait until there may be changes after a sequence
//! number (in-process watch, PostgreSQL LISTEN, polling as the fallback). Reads no feed rows.

use std::time::Duration;

use sqlx::postgres::PgListener;
use tokio::sync::watch;

use super::Database;
use super::postgres::CHANNEL;

/// Why a wait ended; the caller reads the feed in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// A commit through this process's store handle.
    Watch,
    /// A PostgreSQL notification from any process.
    Notified,
    /// The polling interval passed (also the fallback while LISTEN is down).
    Poll,
}

/// Waits for the register to move past a sequence number.
pub struct Follower {
    watch: watch::Receiver<i64>,
    /// Present for PostgreSQL; `None` while (re)connecting failed or for SQLite.
    listener: Option<PgListener>,
    /// The pool to listen through, kept to reconnect after a failure.
    pool: Option<sqlx::PgPool>,
    poll: Duration,
}

impl Follower {
    /// A follower for `db`: PostgreSQL listens on [`CHANNEL`]; every backend also watches
    /// commits made through this handle and polls every `poll`.
    pub async fn new(db: &Database, poll: Duration) -> Follower {
        let pool = db.postgres_pool().cloned();
        let mut follower = Follower {
            watch: db.subscribe(),
            listener: None,
            pool,
            poll,
        };
        follower.listen().await;
        follower
    }

    /// (Re)starts listening; on failure the follower polls until the next attempt.
    async fn listen(&mut self) {
        let Some(pool) = &self.pool else { return };
        let started = async {
            let mut listener = PgListener::connect_with(pool).await?;
            listener.listen(CHANNEL).await?;
            Ok::<_, sqlx::Error>(listener)
        };
        match started.await {
            Ok(listener) => self.listener = Some(listener),
            Err(e) => {
                tracing::warn!(error = %e, "LISTEN {CHANNEL} failed; polling the change feed instead");
                self.listener = None;
            }
        }
    }

    /// Returns at once if this process has committed past `seq`, otherwise when a commit or a
    /// notification arrives or `poll` has passed, whichever is first.
    pub async fn wait_after(&mut self, seq: i64) -> Wake {
        if *self.watch.borrow_and_update() > seq {
            return Wake::Watch;
        }
        if self.pool.is_some() && self.listener.is_none() {
            self.listen().await;
        }
        let watch = &mut self.watch;
        let listener = &mut self.listener;
        let poll = self.poll;
        tokio::select! {
            changed = watch.changed() => match changed {
                Ok(()) => Wake::Watch,
                // The store is gone: nothing more will come through the watch.
                Err(_) => {
                    tokio::time::sleep(poll).await;
                    Wake::Poll
                }
            },
            notified = recv(listener) => match notified {
                Ok(()) => Wake::Notified,
                Err(e) => {
                    tracing::warn!(error = %e, "lost the LISTEN connection; polling until it is back");
                    *listener = None;
                    Wake::Poll
                }
            },
            () = tokio::time::sleep(poll) => Wake::Poll,
        }
    }
}

/// The next notification, or never when there is no listener.
async fn recv(listener: &mut Option<PgListener>) -> Result<(), sqlx::Error> {
    match listener {
        Some(l) => l.recv().await.map(|_| ()),
        None => std::future::pending().await,
    }
}
