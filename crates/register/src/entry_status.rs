//! The status of an entry and its state machine: explicit events, allowed transitions, and
//! exclusions that lift on their end date. Pure functions; no clocks are read here.

use serde::{Deserialize, Serialize};
use time::Date;

/// Where an entry stands. Only `Active` entries with a category are listed publicly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
#[derive(strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum EntryStatus {
    Active,
    /// Temporarily excluded while a tip about the interpreter is being handled.
    Suspended,
    /// Excluded for a period; listed again from `until` (inclusive).
    Excluded {
        until: Date,
    },
    ExcludedPermanently,
    /// The interpreter asked to leave the register.
    Withdrawn,
    /// No qualification left that yields a category (e.g. a revoked licence).
    NoBasis,
}

/// Something that happens to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum StatusEvent {
    Suspend,
    LiftSuspension,
    /// Exclusion until a date, or permanently when `until` is `None`.
    Exclude {
        until: Option<Date>,
    },
    LiftExclusion,
    Withdraw,
    /// A new approval decision after a withdrawal.
    Reinstate,
    BasisLost,
    BasisRestored,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("«{event:?}» er ikke tillatt når oppføringen har status «{}»", .status.as_str())]
    NotAllowed { status: EntryStatus, event: StatusEvent },
    #[error("utestengingen må slutte etter {today}; sluttdatoen {until} er allerede passert")]
    EndDateNotInFuture { until: Date, today: Date },
}

impl EntryStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Rebuilds a status from its stored parts.
    pub fn from_parts(name: &str, until: Option<Date>) -> Option<EntryStatus> {
        Some(match (name, until) {
            ("active", _) => Self::Active,
            ("suspended", _) => Self::Suspended,
            ("excluded", Some(until)) => Self::Excluded { until },
            ("excluded_permanently", _) => Self::ExcludedPermanently,
            ("withdrawn", _) => Self::Withdrawn,
            ("no_basis", _) => Self::NoBasis,
            _ => return None,
        })
    }

    pub fn until(self) -> Option<Date> {
        match self {
            Self::Excluded { until } => Some(until),
            _ => None,
        }
    }

    /// The status as it stands on `day`: an exclusion for a period has lifted from its end date.
    pub fn effective_on(self, day: Date) -> EntryStatus {
        match self {
            Self::Excluded { until } if day >= until => Self::Active,
            other => other,
        }
    }
}

/// Applies `event` to `status` on `today`. The status is first brought up to date, so an
/// exclusion whose end date has passed counts as lifted.
///
/// Withdrawal is refused while suspended or excluded so that a sanction is never overwritten by
/// the interpreter leaving; exclusion is allowed from every state, so that an interpreter cannot
/// escape a sanction by withdrawing first or by losing the basis for an entry.
pub fn transition(status: EntryStatus, event: StatusEvent, today: Date) -> Result<EntryStatus, TransitionError> {
    use EntryStatus::*;
    use StatusEvent::*;
    let current = status.effective_on(today);
    let next = match (current, event) {
        (Active | NoBasis, Suspend) => Suspended,
        (Suspended, LiftSuspension) => Active,
        (_, Exclude { until: Some(until) }) if until <= today => {
            return Err(TransitionError::EndDateNotInFuture { until, today });
        }
        (_, Exclude { until: Some(until) }) => Excluded { until },
        (_, Exclude { until: None }) => ExcludedPermanently,
        (Excluded { .. } | ExcludedPermanently, LiftExclusion) => Active,
        (Active | NoBasis, Withdraw) => Withdrawn,
        (Withdrawn, Reinstate) => Active,
        (Active, BasisLost) => NoBasis,
        (NoBasis, BasisRestored) => Active,
        (status, event) => {
            return Err(TransitionError::NotAllowed { status, event });
        }
    };
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::EntryStatus::*;
    use super::StatusEvent::*;
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2024 - 03 - 01);
    const LATER: Date = date!(2024 - 09 - 01);

    #[test]
    fn allowed_and_refused_transitions() {
        let excluded = Excluded { until: LATER };
        let ok = |s, e, to| assert_eq!(transition(s, e, TODAY), Ok(to), "{s:?} + {e:?}");
        let refused = |s, e| assert!(transition(s, e, TODAY).is_err(), "{s:?} + {e:?} accepted");

        ok(Active, Suspend, Suspended);
        ok(NoBasis, Suspend, Suspended);
        ok(Suspended, LiftSuspension, Active);
        ok(Active, Exclude { until: Some(LATER) }, excluded);
        ok(Suspended, Exclude { until: Some(LATER) }, excluded);
        ok(Withdrawn, Exclude { until: None }, ExcludedPermanently);
        ok(excluded, Exclude { until: None }, ExcludedPermanently);
        ok(excluded, LiftExclusion, Active);
        ok(ExcludedPermanently, LiftExclusion, Active);
        ok(Active, Withdraw, Withdrawn);
        ok(NoBasis, Withdraw, Withdrawn);
        ok(Withdrawn, Reinstate, Active);
        ok(Active, BasisLost, NoBasis);
        ok(NoBasis, BasisRestored, Active);

        refused(Suspended, Suspend);
        refused(Active, LiftSuspension);
        refused(Active, LiftExclusion);
        refused(Suspended, Withdraw);
        refused(excluded, Withdraw);
        refused(ExcludedPermanently, Withdraw);
        refused(Withdrawn, Withdraw);
        refused(Active, Reinstate);
        refused(Suspended, BasisLost);
        refused(Active, BasisRestored);
        refused(ExcludedPermanently, Suspend);
    }

    #[test]
    fn exclusion_end_must_be_in_the_future() {
        for until in [TODAY, date!(2024 - 01 - 01)] {
            assert_eq!(
                transition(Active, Exclude { until: Some(until) }, TODAY),
                Err(TransitionError::EndDateNotInFuture { until, today: TODAY })
            );
        }
    }

    #[test]
    fn exclusion_lifts_on_its_end_date() {
        let s = Excluded { until: LATER };
        assert_eq!(s.effective_on(date!(2024 - 08 - 31)), s);
        assert_eq!(s.effective_on(LATER), Active);
        assert_eq!(s.effective_on(date!(2025 - 01 - 01)), Active);
        assert_eq!(
            ExcludedPermanently.effective_on(date!(2099 - 01 - 01)),
            ExcludedPermanently
        );
        // Once lifted, the entry behaves as active: it can be withdrawn.
        assert_eq!(transition(s, Withdraw, LATER), Ok(Withdrawn));
    }

    #[test]
    fn stored_parts_round_trip() {
        for s in [
            Active,
            Suspended,
            Excluded { until: LATER },
            ExcludedPermanently,
            Withdrawn,
            NoBasis,
        ] {
            assert_eq!(EntryStatus::from_parts(s.as_str(), s.until()), Some(s));
        }
        assert_eq!(EntryStatus::from_parts("excluded", None), None);
        assert_eq!(EntryStatus::from_parts("bogus", None), None);
    }
}
