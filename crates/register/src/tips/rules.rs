//! Deadlines and thresholds of tip handling as configuration (appeal weeks, reply weeks, the
//! warning window), and the pure rules on them. No storage, no clock.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// The numbers the law or IMDi may change, kept as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TipRules {
    /// An appeal must arrive within this many weeks of the decision.
    pub appeal_weeks: u8,
    /// Suggested reply deadline of an advance notice, in weeks from sending.
    pub reply_weeks: u8,
    /// Warnings count towards exclusion for this many years.
    pub warning_window_years: u8,
    /// This many warnings in the window allow exclusion.
    pub warnings_before_exclusion: u8,
}

impl Default for TipRules {
    fn default() -> Self {
        TipRules {
            appeal_weeks: 3,
            reply_weeks: 2,
            warning_window_years: 5,
            warnings_before_exclusion: 3,
        }
    }
}

/// A decision that stands (not reversed), as far as counting warnings is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastWarning {
    pub decided_on: Date,
}

impl TipRules {
    pub fn appeal_by(&self, decided_on: Date) -> Date {
        decided_on.saturating_add(Duration::weeks(i64::from(self.appeal_weeks)))
    }

    pub fn suggested_reply_by(&self, sent_on: Date) -> Date {
        sent_on.saturating_add(Duration::weeks(i64::from(self.reply_weeks)))
    }

    /// The first day of the warning window that ends on `today`.
    pub fn window_start(&self, today: Date) -> Date {
        let year = today.year() - i32::from(self.warning_window_years);
        Date::from_calendar_date(year, today.month(), today.day())
            .or_else(|_| Date::from_calendar_date(year, today.month(), 28))
            .unwrap_or(today)
    }

    /// Standing warnings decided within the window that ends on `today` (not after it).
    pub fn warnings_within(&self, warnings: &[PastWarning], today: Date) -> usize {
        let start = self.window_start(today);
        warnings
            .iter()
            .filter(|w| w.decided_on > start && w.decided_on <= today)
            .count()
    }

    /// Exclusion (for a period, permanently, or with revocation) is allowed after enough
    /// warnings in the window, or for one substantial breach.
    pub fn exclusion_allowed(&self, warnings_in_window: usize, substantial_breach: bool) -> bool {
        substantial_breach || warnings_in_window >= usize::from(self.warnings_before_exclusion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn appeal_and_reply_deadlines_follow_the_configuration() {
        let r = TipRules::default();
        assert_eq!(r.appeal_by(date!(2024 - 03 - 05)), date!(2024 - 03 - 26));
        assert_eq!(r.suggested_reply_by(date!(2024 - 12 - 20)), date!(2025 - 01 - 03));
        let longer = TipRules { appeal_weeks: 6, ..r };
        assert_eq!(longer.appeal_by(date!(2024 - 03 - 05)), date!(2024 - 04 - 16));
    }

    #[test]
    fn only_warnings_inside_the_five_year_window_count() {
        let r = TipRules::default();
        let today = date!(2024 - 06 - 15);
        let table: [(&[Date], usize); 5] = [
            (&[], 0),
            (
                &[date!(2024 - 01 - 01), date!(2022 - 01 - 01), date!(2019 - 06 - 16)],
                3,
            ),
            (&[date!(2019 - 06 - 15)], 0),
            (&[date!(2019 - 06 - 14), date!(2010 - 01 - 01)], 0),
            (&[date!(2024 - 06 - 16)], 0),
        ];
        for (dates, expected) in table {
            let warnings: Vec<PastWarning> = dates.iter().map(|&d| PastWarning { decided_on: d }).collect();
            assert_eq!(r.warnings_within(&warnings, today), expected, "{dates:?}");
        }
        assert_eq!(r.window_start(date!(2024 - 02 - 29)), date!(2019 - 02 - 28));
    }

    #[test]
    fn exclusion_needs_three_warnings_or_a_substantial_breach() {
        let r = TipRules::default();
        let table = [
            (0, false, false),
            (2, false, false),
            (3, false, true),
            (5, false, true),
            (0, true, true),
        ];
        for (warnings, substantial, allowed) in table {
            assert_eq!(
                r.exclusion_allowed(warnings, substantial),
                allowed,
                "{warnings} {substantial}"
            );
        }
        let stricter = TipRules {
            warnings_before_exclusion: 4,
            ..r
        };
        assert!(!stricter.exclusion_allowed(3, false));
    }
}
