//! The register's figures per day, kept for the statistics pages and downloads: a past day's
//! figures never change, so they are kept until the cache is full; today's can, so they are kept
//! for [`TODAY_TTL`]. Holds figures and asks the register for missing ones; renders nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use register::statistics::Figures;
use register::{Database, StoreError};
use time::Date;

/// How long today's figures are served before being counted again.
pub const TODAY_TTL: Duration = Duration::from_secs(60);

/// Days kept before the cache starts afresh (a day's figures are a few hundred cells; any day
/// since 2020 can be asked for, so the cache must not grow without bound).
const CAPACITY: usize = 512;

struct Kept {
    figures: Arc<Figures>,
    /// `None`: a past day, kept for good.
    expires: Option<Instant>,
}

#[derive(Default)]
pub struct FiguresCache(Mutex<HashMap<Date, Kept>>);

impl FiguresCache {
    fn kept(&self, day: Date, now: Instant) -> Option<Arc<Figures>> {
        let map = self.0.lock().ok()?;
        map.get(&day)
            .filter(|k| k.expires.is_none_or(|e| now < e))
            .map(|k| k.figures.clone())
    }

    fn keep(&self, day: Date, today: Date, figures: Arc<Figures>, now: Instant) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= CAPACITY {
                map.clear();
            }
            let expires = (day >= today).then(|| now + TODAY_TTL);
            map.insert(day, Kept { figures, expires });
        }
    }

    /// The figures of `day` (counted by `store` unless kept); `today` decides how long they keep.
    pub async fn on(&self, store: &Database, day: Date, today: Date) -> Result<Arc<Figures>, StoreError> {
        if let Some(f) = self.kept(day, Instant::now()) {
            return Ok(f);
        }
        let figures = Arc::new(store.figures_on(day).await?);
        self.keep(day, today, figures.clone(), Instant::now());
        Ok(figures)
    }

    /// [`FiguresCache::on`] for each of `days`, in order.
    pub async fn series(&self, store: &Database, days: &[Date], today: Date) -> Result<Vec<Arc<Figures>>, StoreError> {
        let mut out = Vec::with_capacity(days.len());
        for day in days {
            out.push(self.on(store, *day, today).await?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn figures(day: Date, persons: u64) -> Arc<Figures> {
        Arc::new(Figures {
            day,
            cells: Vec::new(),
            unique_persons: persons,
            persons_with_two_or_more_languages: 0,
        })
    }

    #[test]
    fn past_days_keep_and_today_expires() {
        let cache = FiguresCache::default();
        let today = date!(2026 - 12 - 08);
        let past = date!(2023 - 12 - 31);
        let now = Instant::now();
        cache.keep(past, today, figures(past, 2338), now);
        cache.keep(today, today, figures(today, 2900), now);
        let later = now + TODAY_TTL + Duration::from_secs(1);
        assert_eq!(cache.kept(past, later).map(|f| f.unique_persons), Some(2338));
        assert_eq!(cache.kept(today, now).map(|f| f.unique_persons), Some(2900));
        assert!(cache.kept(today, later).is_none(), "today's figures are counted again");
        assert!(cache.kept(date!(2022 - 12 - 31), now).is_none());
    }

    #[test]
    fn a_full_cache_starts_afresh() {
        let cache = FiguresCache::default();
        let today = date!(2026 - 12 - 08);
        let now = Instant::now();
        let first = date!(2020 - 01 - 01);
        for i in 0..=CAPACITY as i64 {
            let day = first + time::Duration::days(i);
            cache.keep(day, today, figures(day, 1), now);
        }
        assert!(cache.kept(first, now).is_none());
        assert!(cache.0.lock().unwrap().len() <= CAPACITY);
    }
}
