//! What a tip case can end in: closure after intake or assessment, IMDi's decision (no breach,
//! warning, exclusion, revocation) and the ministry's outcome of an appeal. Pure values.

use serde::{Deserialize, Serialize};
use time::Date;

/// Why a case was closed without a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ClosureReason {
    /// The assessment found nothing to follow up.
    NotFollowedUp,
    /// Too little information to follow up.
    TooLittleInformation,
    /// About someone neither listed nor authorised: outside IMDi's power; closed with guidance.
    OutsidePower,
}

impl ClosureReason {
    pub const ALL: [ClosureReason; 3] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// IMDi's decision in a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[derive(strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum DecisionOutcome {
    /// No breach, or no action.
    NoBreach,
    Warning,
    /// Exclusion from the register; listed again from `until`.
    Exclusion {
        until: Date,
    },
    PermanentExclusion,
    /// Revocation of the licence numbered `licence_no`, with exclusion until a date or
    /// permanently (`until: None`).
    Revocation {
        licence_no: i32,
        until: Option<Date>,
    },
}

impl DecisionOutcome {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the decision excludes the interpreter from the register.
    pub fn excludes(self) -> bool {
        matches!(
            self,
            Self::Exclusion { .. } | Self::PermanentExclusion | Self::Revocation { .. }
        )
    }

    /// Whether the decision is a sanction the interpreter may appeal.
    pub fn is_sanction(self) -> bool {
        self != Self::NoBreach
    }
}

/// The ministry's outcome of an appeal IMDi forwarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum MinistryOutcome {
    /// The decision stands.
    Upheld,
    /// The decision is set aside.
    Reversed,
}

impl MinistryOutcome {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn sanctions_and_exclusions_are_told_apart() {
        let until = date!(2025 - 01 - 01);
        let table = [
            (DecisionOutcome::NoBreach, false, false),
            (DecisionOutcome::Warning, true, false),
            (DecisionOutcome::Exclusion { until }, true, true),
            (DecisionOutcome::PermanentExclusion, true, true),
            (
                DecisionOutcome::Revocation {
                    licence_no: 1,
                    until: None,
                },
                true,
                true,
            ),
        ];
        for (outcome, sanction, excludes) in table {
            assert_eq!(
                (outcome.is_sanction(), outcome.excludes()),
                (sanction, excludes),
                "{outcome:?}"
            );
        }
    }
}
