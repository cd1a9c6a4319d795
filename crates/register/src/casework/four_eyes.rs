//! Four-eyes control: which register changes take effect only after a second person with the
//! senior role approves, and who may approve. Pure rules; `workflow` applies them.

use serde::{Deserialize, Serialize};

use super::error::CaseworkError;
use crate::command::Command;
use crate::interpreter_number::InterpreterNumber;
use crate::licence::LicenceStatus;
use crate::record::InterpreterRecord;
use crate::timestamp::Timestamp;

/// Revocation of a licence (also temporary) and every kind of exclusion need a second person.
pub fn requires_second_approval(command: &Command) -> bool {
    matches!(
        command,
        Command::ChangeLicenceStatus {
            status: LicenceStatus::Revoked | LicenceStatus::TemporarilyRevoked,
            ..
        } | Command::Exclude { .. }
            | Command::Suspend
    )
}

/// Whether `command` on `record` needs a second person: always for the changes above, and for
/// ending a qualification when that would lower a category (or end an entry's basis), since a
/// lower category can take an interpreter off a public body's list. `after` is the record as the
/// change would leave it (`rules::apply`).
pub fn needs_second_approval(record: &InterpreterRecord, command: &Command, after: &InterpreterRecord) -> bool {
    requires_second_approval(command)
        || matches!(command, Command::EndQualification { .. }) && lowers_a_category(record, after)
}

/// Whether an entry of `before` has a lower category, or none, in `after`.
fn lowers_a_category(before: &InterpreterRecord, after: &InterpreterRecord) -> bool {
    before.entries.iter().any(|old| {
        let new = after
            .entries
            .iter()
            .find(|e| e.language == old.language && e.kind == old.kind);
        match (old.category, new.and_then(|e| e.category)) {
            (Some(_), None) => true,
            (Some(was), Some(now)) => !now.meets(was),
            (None, _) => false,
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Rejected,
}

impl ApprovalStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A change waiting for (or past) a second person's approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingApproval {
    pub id: i64,
    pub number: InterpreterNumber,
    pub command: Command,
    pub reason: String,
    pub requested_by: String,
    pub requested_at: Timestamp,
    pub status: ApprovalStatus,
    pub decided_by: Option<String>,
    pub decided_at: Option<Timestamp>,
    pub note: Option<String>,
}

/// Checks that `approver` may approve or reject `approval`: it is still pending, the approver
/// has the senior role and is not the person who asked.
pub fn check_approver(
    approval: &PendingApproval,
    approver: &str,
    approver_is_senior: bool,
) -> Result<(), CaseworkError> {
    if approval.status != ApprovalStatus::Pending {
        return Err(CaseworkError::ApprovalClosed);
    }
    if !approver_is_senior {
        return Err(CaseworkError::NotSenior);
    }
    if approval.requested_by == approver {
        return Err(CaseworkError::OwnRequest);
    }
    Ok(())
}

/// A short Norwegian description of a change, for lists and the history.
pub fn describe(command: &Command) -> String {
    match command {
        Command::ChangeLicenceStatus { no, status } => match status {
            LicenceStatus::Revoked => format!("Tilbakekall av bevilling nr. {no}"),
            LicenceStatus::TemporarilyRevoked => format!("Midlertidig tilbakekall av bevilling nr. {no}"),
            LicenceStatus::Active => format!("Gjeninnsetting av bevilling nr. {no}"),
        },
        Command::ReinstateLicence { no } => format!("Gjeninnsetting av bevilling nr. {no} etter klage"),
        Command::Exclude { until: Some(until) } => format!("Utestenging fra registeret til {until}"),
        Command::Exclude { until: None } => "Permanent utestenging fra registeret".into(),
        Command::Suspend => "Midlertidig utestenging mens en sak behandles".into(),
        other => other.action().replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(requested_by: &str) -> PendingApproval {
        PendingApproval {
            id: 1,
            number: "10001".parse().unwrap(),
            command: Command::Exclude { until: None },
            reason: "alvorlig brudd".into(),
            requested_by: requested_by.into(),
            requested_at: Timestamp::now(),
            status: ApprovalStatus::Pending,
            decided_by: None,
            decided_at: None,
            note: None,
        }
    }

    #[test]
    fn revocation_and_exclusion_need_a_second_person_other_changes_do_not() {
        let table = [
            (
                Command::ChangeLicenceStatus {
                    no: 1,
                    status: LicenceStatus::Revoked,
                },
                true,
            ),
            (
                Command::ChangeLicenceStatus {
                    no: 1,
                    status: LicenceStatus::TemporarilyRevoked,
                },
                true,
            ),
            (
                Command::ChangeLicenceStatus {
                    no: 1,
                    status: LicenceStatus::Active,
                },
                false,
            ),
            (Command::Exclude { until: None }, true),
            (Command::Suspend, true),
            (Command::LiftExclusion, false),
            (Command::Withdraw { language: None }, false),
            (
                Command::ApproveEntry {
                    language: "ARB".parse().unwrap(),
                },
                false,
            ),
        ];
        for (command, needed) in table {
            assert_eq!(requires_second_approval(&command), needed, "{command:?}");
        }
    }

    #[test]
    fn only_another_senior_may_approve_a_pending_request() {
        let p = pending("staff:kari");
        assert!(check_approver(&p, "staff:ola", true).is_ok());
        assert!(matches!(
            check_approver(&p, "staff:kari", true),
            Err(CaseworkError::OwnRequest)
        ));
        assert!(matches!(
            check_approver(&p, "staff:ola", false),
            Err(CaseworkError::NotSenior)
        ));
        let done = PendingApproval {
            status: ApprovalStatus::Approved,
            ..p
        };
        assert!(matches!(
            check_approver(&done, "staff:ola", true),
            Err(CaseworkError::ApprovalClosed)
        ));
    }

    #[test]
    fn descriptions_name_the_licence_and_the_period() {
        assert_eq!(
            describe(&Command::ChangeLicenceStatus {
                no: 2,
                status: LicenceStatus::Revoked
            }),
            "Tilbakekall av bevilling nr. 2"
        );
        assert!(describe(&Command::Exclude { until: None }).contains("Permanent"));
    }
}
