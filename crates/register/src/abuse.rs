//! The arithmetic of abuse limits shared by every instance of a service (the staff login's
//! failure allowances), kept pure so it is tested without a database. An allowance of `n`
//! failures per `window` refills evenly, one failure every `window / n` (GCRA): storage keeps,
//! per key, only the "theoretical arrival time" `tat`, the instant at which the allowance would
//! be full again. Each failure moves it on by one refill period from `max(tat, now)`; the key is
//! refused while `tat` lies more than `window - period` ahead, that is once `n` failures fall
//! inside one window.

use std::num::NonZeroU32;
use std::time::Duration;

/// `failures` allowed per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub failures: NonZeroU32,
    pub window: Duration,
}

impl Allowance {
    pub fn new(failures: NonZeroU32, window: Duration) -> Allowance {
        Allowance { failures, window }
    }

    /// How long one failure takes to come back, in microseconds (at least one).
    pub fn period_micros(&self) -> i64 {
        (self.window.as_micros() as i64 / i64::from(self.failures.get())).max(1)
    }

    fn window_micros(&self) -> i64 {
        (self.window.as_micros() as i64).max(self.period_micros())
    }

    /// How long a key with `tat` (microseconds since the epoch, `None` when never counted) is
    /// refused at `now`; `None` while it may still fail.
    pub fn wait(&self, tat: Option<i64>, now: i64) -> Option<Duration> {
        let ahead = tat? - now;
        let tolerance = self.window_micros() - self.period_micros();
        (ahead > tolerance).then(|| Duration::from_micros((ahead - tolerance) as u64))
    }
}

/// Microseconds since the Unix epoch, the unit the limits are stored in.
pub fn now_micros() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    (now.unix_timestamp_nanos() / 1_000) as i64
}

/// Where a sent form stands in the tip form's double-send memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormClaim {
    /// Nobody sends it yet; the caller does now.
    Fresh,
    /// Another request (perhaps in another instance) is sending it.
    Busy,
    /// It already became the tip with this reference.
    Sent(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts failures like storage does: `tat = max(tat, now) + period`.
    fn fail(a: &Allowance, tat: Option<i64>, now: i64) -> Option<i64> {
        Some(tat.unwrap_or(now).max(now) + a.period_micros())
    }

    #[test]
    fn the_nth_failure_in_a_window_refuses_the_next_until_one_refills() {
        let a = Allowance::new(NonZeroU32::new(5).unwrap(), Duration::from_secs(300));
        let mut tat = None;
        for i in 0..5 {
            assert_eq!(a.wait(tat, 0), None, "failure {i} is still allowed");
            tat = fail(&a, tat, 0);
        }
        let wait = a.wait(tat, 0).expect("refused after five");
        assert_eq!(wait, Duration::from_secs(60), "one failure back after window / n");
        assert_eq!(a.wait(tat, 60_000_000), None, "and then one more is allowed");
        assert!(a.wait(tat, 59_000_000).is_some());
        assert_eq!(a.wait(None, 0), None);
    }

    #[test]
    fn failures_spread_out_over_time_never_refuse() {
        let a = Allowance::new(NonZeroU32::new(3).unwrap(), Duration::from_secs(30));
        let mut tat = None;
        for step in 0..20 {
            let now = step * 10_000_000;
            assert_eq!(a.wait(tat, now), None, "step {step}");
            tat = fail(&a, tat, now);
        }
    }
}
