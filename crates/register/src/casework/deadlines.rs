//! Statutory deadlines as configuration (acknowledge, decide, appeal) and calendar arithmetic on
//! them: months that clamp to the month's last day, and how urgent a deadline is today.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// The deadlines casework runs on. The law may change them, so they are data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// Foreign approval: acknowledge receipt within this many months.
    pub acknowledge_months: u8,
    /// Foreign approval: decide within this many months of a complete file.
    pub decide_months: u8,
    /// Appeal against a decision: within this many weeks of the decision.
    pub appeal_weeks: u8,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            acknowledge_months: 1,
            decide_months: 3,
            appeal_weeks: 3,
        }
    }
}

impl Deadlines {
    pub fn acknowledge_by(&self, received_on: Date) -> Date {
        add_months(received_on, self.acknowledge_months)
    }

    pub fn decide_by(&self, complete_on: Date) -> Date {
        add_months(complete_on, self.decide_months)
    }

    pub fn appeal_by(&self, decided_on: Date) -> Date {
        decided_on.saturating_add(Duration::weeks(i64::from(self.appeal_weeks)))
    }
}

/// `day` plus `months` calendar months; a day that does not exist in the target month becomes
/// that month's last day (31 January + 1 month = 28 or 29 February).
pub fn add_months(day: Date, months: u8) -> Date {
    let index = day.year() * 12 + i32::from(u8::from(day.month())) - 1 + i32::from(months);
    let year = index.div_euclid(12);
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(Month::December);
    let last = month.length(year);
    Date::from_calendar_date(year, month, day.day().min(last)).unwrap_or(day)
}

/// How pressing a deadline is on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Overdue,
    /// Due today or within the next six days.
    DueThisWeek,
    Later,
}

impl Urgency {
    pub fn of(deadline: Date, today: Date) -> Urgency {
        if deadline < today {
            Urgency::Overdue
        } else if deadline <= today.saturating_add(Duration::days(6)) {
            Urgency::DueThisWeek
        } else {
            Urgency::Later
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_clamp_to_the_last_day_and_cross_years() {
        let table = [
            (date!(2024 - 01 - 31), 1, date!(2024 - 02 - 29)),
            (date!(2023 - 01 - 31), 1, date!(2023 - 02 - 28)),
            (date!(2023 - 11 - 30), 3, date!(2024 - 02 - 29)),
            (date!(2023 - 12 - 15), 1, date!(2024 - 01 - 15)),
            (date!(2024 - 05 - 10), 0, date!(2024 - 05 - 10)),
        ];
        for (from, months, expected) in table {
            assert_eq!(add_months(from, months), expected, "{from} + {months}");
        }
    }

    #[test]
    fn statutory_deadlines_follow_the_configuration() {
        let d = Deadlines::default();
        assert_eq!(d.acknowledge_by(date!(2024 - 03 - 05)), date!(2024 - 04 - 05));
        assert_eq!(d.decide_by(date!(2024 - 03 - 05)), date!(2024 - 06 - 05));
        assert_eq!(d.appeal_by(date!(2024 - 03 - 05)), date!(2024 - 03 - 26));
        let longer = Deadlines { appeal_weeks: 6, ..d };
        assert_eq!(longer.appeal_by(date!(2024 - 03 - 05)), date!(2024 - 04 - 16));
    }

    #[test]
    fn urgency_splits_overdue_this_week_and_later() {
        let today = date!(2024 - 03 - 05);
        assert_eq!(Urgency::of(date!(2024 - 03 - 04), today), Urgency::Overdue);
        assert_eq!(Urgency::of(today, today), Urgency::DueThisWeek);
        assert_eq!(Urgency::of(date!(2024 - 03 - 11), today), Urgency::DueThisWeek);
        assert_eq!(Urgency::of(date!(2024 - 03 - 12), today), Urgency::Later);
    }
}
