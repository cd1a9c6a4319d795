//! Shared abuse-protection storage on SQLite and PostgreSQL: login failure counts that several
//! instances add to at once, and the tip form's double-send memory.

use crate::both_backends;
use crate::common;

use register::Database;
use std::num::NonZeroU32;
use std::time::Duration;

use register::ChangeMeta;
use register::abuse::{Allowance, FormClaim};

async fn failures_refuse_after_the_allowance_and_are_shared_by_concurrent_writers(store: Database) {
    let allowance = Allowance::new(NonZeroU32::new(5).unwrap(), Duration::from_secs(300));
    let period = allowance.period_micros();
    let now = 1_800_000_000_000_000_i64;
    let key = "user:kari@192.0.2.1".to_string();
    assert_eq!(
        store.failure_marks(std::slice::from_ref(&key)).await.unwrap(),
        vec![None]
    );
    // Five failures counted at once, as five instances would: none is lost.
    let counted = futures_like_join(
        (0..5)
            .map(|_| {
                let store = store.clone();
                let key = key.clone();
                tokio::spawn(async move { store.count_failure(&key, now, period).await.unwrap() })
            })
            .collect(),
    )
    .await;
    assert_eq!(counted.iter().max(), Some(&(now + 5 * period)));
    let marks = store
        .failure_marks(&[key.clone(), "user:per@192.0.2.1".into()])
        .await
        .unwrap();
    assert_eq!(allowance.wait(marks[0], now), Some(Duration::from_secs(60)));
    assert_eq!(allowance.wait(marks[1], now), None, "another key has its own allowance");
    // Once refilled, the key is forgotten.
    assert_eq!(store.forget_failures(now + 5 * period - 1).await.unwrap(), 0);
    assert_eq!(store.forget_failures(now + 5 * period + 1).await.unwrap(), 1);
    assert_eq!(store.failure_marks(&[key]).await.unwrap(), vec![None]);
}

async fn futures_like_join(handles: Vec<tokio::task::JoinHandle<i64>>) -> Vec<i64> {
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

both_backends!(
    login_failures,
    super::failures_refuse_after_the_allowance_and_are_shared_by_concurrent_writers
);

async fn a_form_sent_twice_is_claimed_once(store: Database) {
    let (now, stale) = (1_000_000_000, 999_000_000);
    assert_eq!(store.claim_form("n1", now, stale).await.unwrap(), FormClaim::Fresh);
    assert_eq!(
        store.claim_form("n1", now + 1, stale).await.unwrap(),
        FormClaim::Busy,
        "while the first send runs"
    );
    store.form_sent("n1", "VAR-2026-00001").await.unwrap();
    assert_eq!(
        store.claim_form("n1", now + 2, stale).await.unwrap(),
        FormClaim::Sent("VAR-2026-00001".into())
    );
    store.release_form("n1").await.unwrap();
    assert_eq!(
        store.claim_form("n1", now + 3, now + 3).await.unwrap(),
        FormClaim::Sent("VAR-2026-00001".into()),
        "a sent form is never released nor taken over"
    );

    assert_eq!(store.claim_form("n2", now, stale).await.unwrap(), FormClaim::Fresh);
    store.release_form("n2").await.unwrap();
    assert_eq!(
        store.claim_form("n2", now, stale).await.unwrap(),
        FormClaim::Fresh,
        "a form that failed can be sent again"
    );
    // A claim whose sender died (never sent, never released) is taken over once stale.
    assert_eq!(store.claim_form("n2", now + 5, now).await.unwrap(), FormClaim::Busy);
    assert_eq!(
        store.claim_form("n2", now + 5, now + 1).await.unwrap(),
        FormClaim::Fresh
    );

    assert_eq!(store.forget_forms(now + 1).await.unwrap(), 1, "n1, claimed at `now`");
    assert_eq!(store.claim_form("n1", now + 9, stale).await.unwrap(), FormClaim::Fresh);
}

both_backends!(tip_form_memory, super::a_form_sent_twice_is_claimed_once);

async fn the_feed_head_is_the_last_committed_change(store: Database) {
    assert_eq!(store.feed_head().await.unwrap(), 0);
    let meta = ChangeMeta::now("staff:test", "feed head");
    store
        .register_interpreter(common::sample_profile(), meta)
        .await
        .unwrap();
    let last = store.changes_since(0, 100).await.unwrap().last().unwrap().seq;
    assert_eq!(store.feed_head().await.unwrap(), last);
}

both_backends!(feed_head, super::the_feed_head_is_the_last_committed_change);
