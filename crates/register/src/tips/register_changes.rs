//! The register changes a tip case's event makes (suspend, exclude, revoke, and their lifts),
//! and so whether it needs a second person's approval. Pure.

use super::case::TipCase;
use super::event::CaseEvent;
use super::outcome::{DecisionOutcome, MinistryOutcome};
use crate::casework::four_eyes;
use crate::command::Command;
use crate::licence::LicenceStatus;

impl TipCase {
    /// The register changes `event` makes, in order. Lifts are listed even when the sanction
    /// has already ended; the workflow leaves out those that would change nothing.
    pub fn register_commands(&self, event: &CaseEvent) -> Vec<Command> {
        use CaseEvent as E;
        let excluded = self.decision.as_ref().is_some_and(|d| d.outcome.excludes());
        match event {
            E::TemporaryExclusion => vec![Command::Suspend],
            E::LiftTemporaryExclusion => vec![Command::LiftSuspension],
            E::Decide { outcome, .. } => match *outcome {
                DecisionOutcome::Exclusion { until } => vec![Command::Exclude { until: Some(until) }],
                DecisionOutcome::PermanentExclusion => vec![Command::Exclude { until: None }],
                DecisionOutcome::Revocation { licence_no, until } => vec![
                    Command::ChangeLicenceStatus {
                        no: licence_no,
                        status: LicenceStatus::Revoked,
                    },
                    Command::Exclude { until },
                ],
                DecisionOutcome::NoBreach | DecisionOutcome::Warning if self.temporarily_excluded => {
                    vec![Command::LiftSuspension]
                }
                DecisionOutcome::NoBreach | DecisionOutcome::Warning => vec![],
            },
            E::ReverseOnAppeal { .. }
            | E::RecordMinistryOutcome {
                outcome: MinistryOutcome::Reversed,
                ..
            } => {
                // Setting the decision aside undoes all of it: the revoked licence too.
                let mut commands = Vec::new();
                if let Some(DecisionOutcome::Revocation { licence_no, .. }) = self.decision.as_ref().map(|d| d.outcome)
                {
                    commands.push(Command::ReinstateLicence { no: licence_no });
                }
                if excluded {
                    commands.push(Command::LiftExclusion);
                }
                commands
            }
            _ => vec![],
        }
    }

    /// Whether `event` needs a second person's approval (the register's four-eyes rule).
    pub fn needs_second_person(&self, event: &CaseEvent) -> bool {
        self.register_commands(event)
            .iter()
            .any(four_eyes::requires_second_approval)
    }
}
