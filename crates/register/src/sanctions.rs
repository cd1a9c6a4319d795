//! Sanctions on the register: the grounds an exclusion must rest on (tolkeloven § 21), checked
//! by the store whichever path the exclusion comes through, and the sweep that records, for every
//! interpreter whose period of exclusion has ended, the return to the register as a change of its
//! own.

use crate::command::Command;
use crate::rules::RuleError;
use crate::tips::TipRules;

/// What an exclusion is judged against besides the interpreter's warnings: the warning rules in
/// force, and whether the tip-case decision the exclusion carries out (made in the same
/// transaction) established a substantial breach. Every path other than a tip-case decision
/// uses the default: the law's numbers and no breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExclusionGrounds {
    pub rules: TipRules,
    pub substantial_breach: bool,
}

/// Refuses an exclusion for a period or a permanent exclusion unless the interpreter has enough
/// standing warnings in the window or a tip case established a substantial breach. Suspension
/// while a case runs is not an exclusion in this sense, and every other command passes.
pub fn check_exclusion(
    command: &Command,
    grounds: &ExclusionGrounds,
    warnings_in_window: usize,
) -> Result<(), RuleError> {
    if !matches!(command, Command::Exclude { .. }) {
        return Ok(());
    }
    if grounds
        .rules
        .exclusion_allowed(warnings_in_window, grounds.substantial_breach)
    {
        Ok(())
    } else {
        Err(RuleError::ExclusionWithoutGrounds {
            warnings: warnings_in_window,
            needed: grounds.rules.warnings_before_exclusion,
            years: grounds.rules.warning_window_years,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusion_needs_three_warnings_or_a_substantial_breach_suspension_does_not() {
        let plain = ExclusionGrounds::default();
        let breach = ExclusionGrounds {
            substantial_breach: true,
            ..plain
        };
        let period = Command::Exclude {
            until: Some(time::macros::date!(2030 - 01 - 01)),
        };
        let permanent = Command::Exclude { until: None };
        let table = [
            (&period, plain, 0, false),
            (&period, plain, 2, false),
            (&period, plain, 3, true),
            (&permanent, plain, 2, false),
            (&permanent, breach, 0, true),
            (&Command::Suspend, plain, 0, true),
            (&Command::LiftExclusion, plain, 0, true),
        ];
        for (command, grounds, warnings, allowed) in table {
            let got = check_exclusion(command, &grounds, warnings);
            assert_eq!(got.is_ok(), allowed, "{command:?} {grounds:?} {warnings}: {got:?}");
        }
        let refused = check_exclusion(&permanent, &plain, 1).unwrap_err();
        let message = refused.to_string();
        assert!(
            message.contains("3 advarsler i løpet av 5 år") && message.contains("§ 21"),
            "{message}"
        );
    }
}
