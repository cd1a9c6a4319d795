//! The deadlines a tip case is waiting on (answers to information requests, the reply to an
//! advance notice, the appeal period), for work lists and the case page. Pure; no clock.

use serde::Serialize;
use time::Date;

use super::case::TipCase;
use super::status::CaseStatus;

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The answer to information request number `request` (1 is the first of the case).
    InformationReply { request: usize },
    /// The interpreter's reply to the advance notice.
    AdvanceNoticeReply,
    /// The end of the appeal period of a sanction.
    Appeal,
}

/// One deadline the case is waiting on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CaseDeadline {
    pub kind: DeadlineKind,
    pub due: Date,
}

impl TipCase {
    /// The deadlines still running or missed, soonest first: unanswered information requests
    /// while the case is investigated, an unanswered advance notice, and the appeal period of a
    /// sanction nobody has appealed yet.
    pub fn open_deadlines(&self) -> Vec<CaseDeadline> {
        let mut out = Vec::new();
        if self.status.is_investigating() {
            for (i, r) in self.information_requests.iter().enumerate() {
                if r.answered.is_none() {
                    out.push(CaseDeadline {
                        kind: DeadlineKind::InformationReply { request: i + 1 },
                        due: r.due_on,
                    });
                }
            }
        }
        if self.status == CaseStatus::AdvanceNotice
            && let Some(n) = self.advance_notice
            && n.replied_on.is_none()
        {
            out.push(CaseDeadline {
                kind: DeadlineKind::AdvanceNoticeReply,
                due: n.reply_by,
            });
        }
        if self.status == CaseStatus::Decided
            && let Some(d) = &self.decision
            && d.outcome.is_sanction()
        {
            out.push(CaseDeadline {
                kind: DeadlineKind::Appeal,
                due: d.appeal_by,
            });
        }
        out.sort_by_key(|d| d.due);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timestamp::Timestamp;
    use crate::tips::event::{CaseEvent, records};
    use crate::tips::grounds::{Ground, Grounds};
    use crate::tips::intake::{Channel, Intake, Subject};
    use crate::tips::outcome::DecisionOutcome;
    use time::macros::date;

    fn case(events: &[CaseEvent]) -> TipCase {
        let intake = Intake {
            received_on: date!(2024 - 05 - 02),
            received_at: Timestamp::start_of(date!(2024 - 05 - 02)),
            received_by: "staff:kari".into(),
            channel: Channel::Post,
            subject: Subject::Interpreter {
                number: "10001".parse().unwrap(),
            },
            assignment_on: None,
            assignment_place: String::new(),
            grounds: Grounds::new([Ground::GoodPractice]).unwrap(),
            account: "a".into(),
            reporter_role: None,
            anonymous: true,
        };
        TipCase::replay(3, intake, records(events, Timestamp::start_of(date!(2024 - 06 - 01))))
    }

    #[test]
    fn deadlines_follow_what_the_case_waits_for() {
        let request = |due_on| CaseEvent::RequestInformation {
            organisation_number: "974760673".parse().unwrap(),
            body: "NAV".into(),
            asked_on: date!(2024 - 05 - 10),
            due_on,
        };
        let mut events = vec![
            CaseEvent::StartAssessment,
            CaseEvent::OpenInvestigation,
            request(date!(2024 - 05 - 31)),
            request(date!(2024 - 05 - 24)),
            CaseEvent::RecordInformationReply {
                request: 1,
                received_on: date!(2024 - 05 - 20),
                summary: "s".into(),
            },
        ];
        assert_eq!(
            case(&events).open_deadlines(),
            [CaseDeadline {
                kind: DeadlineKind::InformationReply { request: 2 },
                due: date!(2024 - 05 - 24)
            }]
        );
        events.push(CaseEvent::SendAdvanceNotice {
            sent_on: date!(2024 - 05 - 21),
            reply_by: date!(2024 - 06 - 04),
        });
        let kinds: Vec<DeadlineKind> = case(&events).open_deadlines().iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                DeadlineKind::InformationReply { request: 2 },
                DeadlineKind::AdvanceNoticeReply
            ]
        );
        events.push(CaseEvent::RecordReply {
            received_on: date!(2024 - 05 - 28),
        });
        events.push(CaseEvent::Decide {
            outcome: DecisionOutcome::Warning,
            reasons: "r".into(),
            decided_on: date!(2024 - 06 - 03),
            appeal_by: date!(2024 - 06 - 24),
            substantial_breach: false,
        });
        assert_eq!(
            case(&events).open_deadlines(),
            [CaseDeadline {
                kind: DeadlineKind::Appeal,
                due: date!(2024 - 06 - 24)
            }]
        );
        events.push(CaseEvent::Appeal {
            received_on: date!(2024 - 06 - 10),
        });
        assert!(
            case(&events).open_deadlines().is_empty(),
            "an appeal ends the appeal period"
        );
    }
}
