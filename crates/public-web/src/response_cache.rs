//! Finished response bodies of the search endpoints, kept per index version and day: popular
//! searches repeat, so most requests skip ranking and rendering. Holds bytes, decides nothing.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;
use time::Date;

/// Bodies kept before the cache starts afresh.
const CAPACITY: usize = 1_024;

#[derive(Default)]
struct Entries {
    version: u64,
    day: Option<Date>,
    bodies: HashMap<(&'static str, String), Bytes>,
}

/// Bodies by (endpoint, query string), valid for one index version and one day.
#[derive(Default)]
pub struct ResponseCache(Mutex<Entries>);

impl ResponseCache {
    /// The body for `key` at `version` on `day`, made by `render` when not kept; errors are
    /// passed on and not kept.
    pub fn get_or_render<E>(
        &self,
        key: (&'static str, &str),
        version: u64,
        day: Date,
        render: impl FnOnce() -> Result<Bytes, E>,
    ) -> Result<Bytes, E> {
        if let Ok(mut e) = self.0.lock() {
            if e.version != version || e.day != Some(day) || e.bodies.len() >= CAPACITY {
                *e = Entries {
                    version,
                    day: Some(day),
                    bodies: HashMap::new(),
                };
            }
            if let Some(body) = e.bodies.get(&(key.0, key.1.to_string())) {
                return Ok(body.clone());
            }
        }
        let body = render()?;
        if let Ok(mut e) = self.0.lock()
            && e.version == version
            && e.day == Some(day)
        {
            e.bodies.insert((key.0, key.1.to_string()), body.clone());
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_new_index_version_or_day_renders_again() {
        let cache = ResponseCache::default();
        let day = date!(2026 - 11 - 24);
        let render = |s: &'static str| move || Ok::<_, ()>(Bytes::from(s));
        assert_eq!(
            cache.get_or_render(("json", "q=a"), 1, day, render("one")).unwrap(),
            "one"
        );
        assert_eq!(
            cache.get_or_render(("json", "q=a"), 1, day, render("two")).unwrap(),
            "one"
        );
        assert_eq!(
            cache.get_or_render(("html", "q=a"), 1, day, render("three")).unwrap(),
            "three"
        );
        assert_eq!(
            cache.get_or_render(("json", "q=a"), 2, day, render("four")).unwrap(),
            "four"
        );
        assert_eq!(
            cache
                .get_or_render(("json", "q=a"), 2, date!(2026 - 11 - 25), render("five"))
                .unwrap(),
            "five"
        );
        assert!(
            cache
                .get_or_render(("json", "q=b"), 2, day, || Err::<Bytes, _>("bad"))
                .is_err()
        );
    }
}
