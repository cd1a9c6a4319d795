//! The status of a tip case and its state machine: which event is allowed in which status and
//! where it leads, per DOMAIN.md's tip lifecycle. Pure; deadlines and sanctions are in `case`.

use serde::{Deserialize, Serialize};

use super::error::TipError;
use super::event::CaseEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum CaseStatus {
    /// Intake: received, not yet looked at.
    Received,
    InitialAssessment,
    /// Closed without a decision (not followed up, too little information, outside power).
    Closed,
    Investigation,
    /// On a committee meeting's agenda, waiting for its advice.
    WithCommittee,
    /// Advance notice sent; waiting for the interpreter's reply or the deadline.
    AdvanceNotice,
    Decided,
    Appealed,
    /// IMDi reversed its own decision on appeal.
    ReversedOnAppeal,
    WithMinistry,
    /// The ministry's outcome of the appeal is recorded.
    MinistryDecided,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 11] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the case is still being handled (not closed, and no appeal or decision pending).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Received
                | Self::InitialAssessment
                | Self::Investigation
                | Self::WithCommittee
                | Self::AdvanceNotice
                | Self::Appealed
                | Self::WithMinistry
        )
    }

    /// Whether the sanctions of an investigation (temporary exclusion) may be used.
    pub fn is_investigating(self) -> bool {
        matches!(self, Self::Investigation | Self::WithCommittee | Self::AdvanceNotice)
    }
}

/// What kind of event, without its content: what a screen asks "is this allowed now?" with,
/// and what the state machine below decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Assign,
    Unassign,
    StartAssessment,
    Close,
    OpenInvestigation,
    RequestInformation,
    RecordInformationReply,
    TemporaryExclusion,
    LiftTemporaryExclusion,
    ReferToCommittee,
    RecordAdvice,
    SendAdvanceNotice,
    RecordReply,
    /// A decision; whether it is a sanction matters (see `transition`).
    Decide,
    Appeal,
    ReverseOnAppeal,
    ForwardToMinistry,
    RecordMinistryOutcome,
    AddNote,
    AddDocument,
}

impl CaseEvent {
    /// The kind of this event; `None` for a proposal or its rejection, which take their
    /// place in the lifecycle from what is proposed.
    pub fn event_kind(&self) -> Option<EventKind> {
        use CaseEvent as E;
        use EventKind as K;
        Some(match self {
            E::Assign { .. } => K::Assign,
            E::Unassign { .. } => K::Unassign,
            E::StartAssessment => K::StartAssessment,
            E::Close { .. } => K::Close,
            E::OpenInvestigation => K::OpenInvestigation,
            E::RequestInformation { .. } => K::RequestInformation,
            E::RecordInformationReply { .. } => K::RecordInformationReply,
            E::TemporaryExclusion => K::TemporaryExclusion,
            E::LiftTemporaryExclusion => K::LiftTemporaryExclusion,
            E::ReferToCommittee { .. } => K::ReferToCommittee,
            E::RecordAdvice { .. } => K::RecordAdvice,
            E::SendAdvanceNotice { .. } => K::SendAdvanceNotice,
            E::RecordReply { .. } => K::RecordReply,
            E::Decide { .. } => K::Decide,
            E::Appeal { .. } => K::Appeal,
            E::ReverseOnAppeal { .. } => K::ReverseOnAppeal,
            E::ForwardToMinistry { .. } => K::ForwardToMinistry,
            E::RecordMinistryOutcome { .. } => K::RecordMinistryOutcome,
            E::AddNote { .. } => K::AddNote,
            E::AddDocument { .. } => K::AddDocument,
            E::Propose { .. } | E::RejectProposal { .. } => return None,
        })
    }
}

/// Where an event of `kind` leads from `status`, or `None` when the lifecycle does not allow
/// it there. `sanction` says whether a decision is a sanction, which needs an advance notice.
pub fn transition(status: CaseStatus, kind: EventKind, sanction: bool) -> Option<CaseStatus> {
    use CaseStatus::*;
    use EventKind as K;
    Some(match (status, kind) {
        (s, K::Assign | K::Unassign) if s != Closed && s != MinistryDecided => s,
        (Received, K::StartAssessment) => InitialAssessment,
        (Received | InitialAssessment, K::Close) => Closed,
        (InitialAssessment, K::OpenInvestigation) => Investigation,
        (s, K::TemporaryExclusion | K::RequestInformation | K::RecordInformationReply) if s.is_investigating() => s,
        // Lifting is allowed whenever the case no longer needs it, also after a decision.
        (s, K::LiftTemporaryExclusion) if s != Received && s != InitialAssessment => s,
        (Investigation, K::ReferToCommittee) => WithCommittee,
        (WithCommittee, K::RecordAdvice) => Investigation,
        (Investigation, K::SendAdvanceNotice) => AdvanceNotice,
        (AdvanceNotice, K::RecordReply) => AdvanceNotice,
        (Investigation, K::Decide) if !sanction => Decided,
        (AdvanceNotice, K::Decide) => Decided,
        (Decided, K::Appeal) => Appealed,
        (Appealed, K::ReverseOnAppeal) => ReversedOnAppeal,
        (Appealed, K::ForwardToMinistry) => WithMinistry,
        (WithMinistry, K::RecordMinistryOutcome) => MinistryDecided,
        (s, K::AddNote | K::AddDocument) => s,
        _ => return None,
    })
}

/// Whether some event of `kind` is allowed in `status` (for a decision: at least one that is
/// not a sanction). Conditions beyond the status are checked by `TipCase::check`.
pub fn allows(status: CaseStatus, kind: EventKind) -> bool {
    transition(status, kind, false).is_some()
}

/// The status after `event` in `status`, or why the event is not allowed there. Conditions
/// beyond the status (deadlines, warnings, pending proposals) are checked by `TipCase::check`.
pub fn next(status: CaseStatus, event: &CaseEvent) -> Result<CaseStatus, TipError> {
    let to = match event {
        CaseEvent::Propose { proposal } => next(status, proposal).map(|_| status).ok(),
        CaseEvent::RejectProposal { .. } => Some(status),
        CaseEvent::Decide { outcome, .. } => transition(status, EventKind::Decide, outcome.is_sanction()),
        e => e.event_kind().and_then(|kind| transition(status, kind, false)),
    };
    to.ok_or_else(|| TipError::NotAllowed {
        status,
        event: event.kind(),
    })
}

#[cfg(test)]
mod tests {
    use super::CaseStatus::*;
    use super::*;
    use crate::tips::outcome::{ClosureReason, DecisionOutcome, MinistryOutcome};
    use time::macros::date;

    fn decide(outcome: DecisionOutcome) -> CaseEvent {
        CaseEvent::Decide {
            outcome,
            reasons: "r".into(),
            decided_on: date!(2024 - 05 - 01),
            appeal_by: date!(2024 - 05 - 22),
            substantial_breach: false,
        }
    }

    #[test]
    fn allows_answers_as_the_state_machine_does_for_any_event_of_the_kind() {
        assert!(allows(Received, EventKind::Close));
        assert!(!allows(Investigation, EventKind::Close));
        assert!(
            allows(Investigation, EventKind::Decide),
            "a decision that is no sanction"
        );
        assert!(allows(AdvanceNotice, EventKind::Decide));
        assert!(!allows(Received, EventKind::Decide));
        assert!(!allows(Closed, EventKind::Assign));
        assert!(allows(Closed, EventKind::AddNote));
        assert_eq!(
            transition(Investigation, EventKind::Decide, true),
            None,
            "a sanction needs notice"
        );
        assert_eq!(transition(AdvanceNotice, EventKind::Decide, true), Some(Decided));
    }

    #[test]
    fn the_lifecycle_moves_only_along_allowed_transitions() {
        let d = date!(2024 - 05 - 01);
        let close = CaseEvent::Close {
            reason: ClosureReason::NotFollowedUp,
            guidance: None,
        };
        let refer = CaseEvent::ReferToCommittee {
            meeting_id: 1,
            summary: "s".into(),
        };
        let advice = CaseEvent::RecordAdvice {
            meeting_id: 1,
            advice: "a".into(),
        };
        let notice = CaseEvent::SendAdvanceNotice {
            sent_on: d,
            reply_by: d,
        };
        let ministry = CaseEvent::RecordMinistryOutcome {
            outcome: MinistryOutcome::Upheld,
            decided_on: d,
        };
        let request = CaseEvent::RequestInformation {
            organisation_number: "974760673".parse().unwrap(),
            body: "NAV Grünerløkka".into(),
            asked_on: d,
            due_on: d,
        };
        let reply = CaseEvent::RecordInformationReply {
            request: 1,
            received_on: d,
            summary: "s".into(),
        };
        let allowed: Vec<(CaseStatus, CaseEvent, CaseStatus)> = vec![
            (Received, CaseEvent::StartAssessment, InitialAssessment),
            (Received, close.clone(), Closed),
            (InitialAssessment, close.clone(), Closed),
            (InitialAssessment, CaseEvent::OpenInvestigation, Investigation),
            (Investigation, refer.clone(), WithCommittee),
            (WithCommittee, advice.clone(), Investigation),
            (Investigation, notice.clone(), AdvanceNotice),
            (AdvanceNotice, CaseEvent::RecordReply { received_on: d }, AdvanceNotice),
            (Investigation, decide(DecisionOutcome::NoBreach), Decided),
            (AdvanceNotice, decide(DecisionOutcome::Warning), Decided),
            (AdvanceNotice, decide(DecisionOutcome::PermanentExclusion), Decided),
            (Decided, CaseEvent::Appeal { received_on: d }, Appealed),
            (
                Appealed,
                CaseEvent::ReverseOnAppeal { reasons: "r".into() },
                ReversedOnAppeal,
            ),
            (Appealed, CaseEvent::ForwardToMinistry { sent_on: d }, WithMinistry),
            (WithMinistry, ministry.clone(), MinistryDecided),
            (Investigation, CaseEvent::TemporaryExclusion, Investigation),
            (AdvanceNotice, request.clone(), AdvanceNotice),
            (WithCommittee, reply.clone(), WithCommittee),
            (WithCommittee, CaseEvent::TemporaryExclusion, WithCommittee),
            (Decided, CaseEvent::LiftTemporaryExclusion, Decided),
            (
                Appealed,
                CaseEvent::Assign {
                    caseworker: "staff:ola".into(),
                },
                Appealed,
            ),
            (
                AdvanceNotice,
                CaseEvent::Propose {
                    proposal: Box::new(decide(DecisionOutcome::Warning)),
                },
                AdvanceNotice,
            ),
        ];
        for (from, event, to) in allowed {
            assert_eq!(next(from, &event).ok(), Some(to), "{from:?} + {}", event.kind());
        }
        let refused: Vec<(CaseStatus, CaseEvent)> = vec![
            (Received, CaseEvent::OpenInvestigation),
            (Received, decide(DecisionOutcome::NoBreach)),
            (Investigation, close.clone()),
            (Closed, CaseEvent::StartAssessment),
            (
                Closed,
                CaseEvent::Assign {
                    caseworker: "staff:ola".into(),
                },
            ),
            (InitialAssessment, CaseEvent::TemporaryExclusion),
            (InitialAssessment, request),
            (Decided, reply),
            (Decided, CaseEvent::TemporaryExclusion),
            (Investigation, decide(DecisionOutcome::Warning)),
            (WithCommittee, decide(DecisionOutcome::NoBreach)),
            (WithCommittee, notice),
            (Investigation, advice),
            (AdvanceNotice, refer),
            (Investigation, CaseEvent::Appeal { received_on: d }),
            (Decided, CaseEvent::ForwardToMinistry { sent_on: d }),
            (Appealed, ministry.clone()),
            (MinistryDecided, ministry),
            (
                Investigation,
                CaseEvent::Propose {
                    proposal: Box::new(decide(DecisionOutcome::Warning)),
                },
            ),
        ];
        for (from, event) in refused {
            assert!(
                matches!(next(from, &event), Err(TipError::NotAllowed { .. })),
                "{from:?} + {} accepted",
                event.kind()
            );
        }
    }

    #[test]
    fn names_round_trip_and_open_cases_are_known() {
        for s in CaseStatus::ALL {
            assert_eq!(s.as_str().parse::<CaseStatus>().unwrap(), s);
        }
        assert!(Investigation.is_open() && !Closed.is_open() && !Decided.is_open() && !MinistryDecided.is_open());
    }
}
