//! The maintained statistical projection gives the same figures as counting the history itself,
//! day by day across the fixture register's whole history, on both backends: kept change by
//! change (every batch of writes moves it in its own transaction) and built from history in one
//! go (bulk loads, and databases that never had it).

use register::Database;
use register::generator::{self, LAST_DAY, Options};
use time::{Date, Duration, Month};

use crate::both_backends;

/// Month ends from 2018 to the fixture's last day, plus every 29th day in between, so days
/// inside months and years are read as well as period boundaries.
fn days() -> Vec<Date> {
    let mut out = Vec::new();
    let mut day = Date::from_calendar_date(2018, Month::January, 31).unwrap();
    while day <= LAST_DAY {
        out.push(day);
        day += Duration::days(29);
    }
    for year in 2018..=LAST_DAY.year() {
        for month in 1..=12u8 {
            let first = Date::from_calendar_date(year, Month::try_from(month).unwrap(), 1).unwrap();
            if let Some(last) = first.previous_day() {
                out.push(last);
            }
        }
    }
    out.retain(|d| *d <= LAST_DAY);
    out.sort();
    out.dedup();
    out
}

async fn agree(store: &Database, what: &str) {
    let mut listed_days = 0;
    for day in days() {
        let projected = store.figures_on(day).await.unwrap();
        let counted = store.figures_from_history(day).await.unwrap();
        assert_eq!(projected, counted, "{what}: figures on {day}");
        if projected.total(None) > 0 {
            listed_days += 1;
        }
    }
    assert!(
        listed_days > 80,
        "{what}: the history must have listed entries on most days"
    );
}

async fn projection_agrees_with_history(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    // Kept batch by batch, as any write keeps it (not the bulk loader, which builds it once).
    let mut changes = generated.changes.into_iter().peekable();
    while changes.peek().is_some() {
        store
            .write_changes(changes.by_ref().take(2_000).collect())
            .await
            .unwrap();
    }
    agree(&store, "kept change by change").await;

    store.rebuild_statistics().await.unwrap();
    agree(&store, "built from history").await;
}

both_backends!(projection_matches_history, super::projection_agrees_with_history);
