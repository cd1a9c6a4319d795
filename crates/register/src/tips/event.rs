//! The things that happen to a tip case, as stored in its append-only history: every event with
//! who, when and why. Plain data; which event is allowed when is decided in `status` and `case`.

use serde::{Deserialize, Serialize};
use time::Date;

use super::organisation_number::OrganisationNumber;
use super::outcome::{ClosureReason, DecisionOutcome, MinistryOutcome};
use crate::timestamp::Timestamp;

/// One change to a case. Never overwritten: the case is the fold of its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum CaseEvent {
    /// A caseworker is assigned; only assigned caseworkers see the reporter's identity.
    Assign {
        caseworker: String,
    },
    Unassign {
        caseworker: String,
    },
    StartAssessment,
    /// Closed after intake or the initial assessment; guidance is required when outside power.
    Close {
        reason: ClosureReason,
        guidance: Option<String>,
    },
    OpenInvestigation,
    /// A request for information to a public body, with a deadline for its answer.
    RequestInformation {
        organisation_number: OrganisationNumber,
        body: String,
        asked_on: Date,
        due_on: Date,
    },
    /// The answer to the request numbered `request` (1 is the first of the case).
    RecordInformationReply {
        request: usize,
        received_on: Date,
        summary: String,
    },
    /// Temporary exclusion from the register while the case runs.
    TemporaryExclusion,
    LiftTemporaryExclusion,
    /// The case is put on a committee meeting's agenda with a summary that names no reporter.
    ReferToCommittee {
        meeting_id: i64,
        summary: String,
    },
    /// The committee's advice from a meeting; advice only, the case returns to investigation.
    RecordAdvice {
        meeting_id: i64,
        advice: String,
    },
    /// Advance notice to the interpreter, with a reply deadline.
    SendAdvanceNotice {
        sent_on: Date,
        reply_by: Date,
    },
    RecordReply {
        received_on: Date,
    },
    Decide {
        outcome: DecisionOutcome,
        reasons: String,
        decided_on: Date,
        /// Fixed when the decision is made, so a later change of the rules does not move it.
        appeal_by: Date,
        /// A substantial breach allows exclusion without three earlier warnings.
        substantial_breach: bool,
    },
    Appeal {
        received_on: Date,
    },
    /// IMDi reconsiders and reverses its own decision.
    ReverseOnAppeal {
        reasons: String,
    },
    ForwardToMinistry {
        sent_on: Date,
    },
    RecordMinistryOutcome {
        outcome: MinistryOutcome,
        decided_on: Date,
    },
    /// A change that needs a second person; made when another senior approves it.
    Propose {
        proposal: Box<CaseEvent>,
    },
    RejectProposal {
        note: String,
    },
    /// A caseworker's note; allowed in every status and changes nothing else.
    AddNote {
        text: String,
    },
    /// A document was stored with the case (`tip_documents`); the history names it by number,
    /// never by file name, since a file name may reveal the reporter.
    AddDocument {
        document: i64,
        media_type: String,
        size: u64,
        sha256: String,
    },
}

impl CaseEvent {
    /// A stable name for storage and the history view.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Assign { .. } => "assign",
            Self::Unassign { .. } => "unassign",
            Self::StartAssessment => "start_assessment",
            Self::Close { .. } => "close",
            Self::OpenInvestigation => "open_investigation",
            Self::RequestInformation { .. } => "request_information",
            Self::RecordInformationReply { .. } => "record_information_reply",
            Self::TemporaryExclusion => "temporary_exclusion",
            Self::LiftTemporaryExclusion => "lift_temporary_exclusion",
            Self::ReferToCommittee { .. } => "refer_to_committee",
            Self::RecordAdvice { .. } => "record_advice",
            Self::SendAdvanceNotice { .. } => "send_advance_notice",
            Self::RecordReply { .. } => "record_reply",
            Self::Decide { .. } => "decide",
            Self::Appeal { .. } => "appeal",
            Self::ReverseOnAppeal { .. } => "reverse_on_appeal",
            Self::ForwardToMinistry { .. } => "forward_to_ministry",
            Self::RecordMinistryOutcome { .. } => "record_ministry_outcome",
            Self::Propose { .. } => "propose",
            Self::RejectProposal { .. } => "reject_proposal",
            Self::AddNote { .. } => "add_note",
            Self::AddDocument { .. } => "add_document",
        }
    }

    /// Whether this is a decision, also one proposed for approval (its check needs the
    /// interpreter's warnings).
    pub fn is_decision(&self) -> bool {
        match self {
            Self::Decide { .. } => true,
            Self::Propose { proposal } => proposal.is_decision(),
            _ => false,
        }
    }

    /// Whether this is a decision that excludes the interpreter and establishes a substantial
    /// breach: the one ground besides three warnings on which the register accepts an exclusion.
    /// A proposal establishes nothing until it is approved and made.
    pub fn establishes_substantial_breach(&self) -> bool {
        matches!(self, Self::Decide { outcome, substantial_breach: true, .. } if outcome.excludes())
    }

    /// Whether the event only adds to the case file (a note or a document): allowed in every
    /// status and beside a pending proposal, since it changes nothing a second person checks.
    pub fn is_file_addition(&self) -> bool {
        matches!(self, Self::AddNote { .. } | Self::AddDocument { .. })
    }
}

/// One stored event with who made it, who approved it (four eyes), when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub seq: i64,
    pub recorded_at: Timestamp,
    pub actor: String,
    pub approved_by: Option<String>,
    pub reason: String,
    pub event: CaseEvent,
}

/// An event about to be appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub event: CaseEvent,
    /// e.g. `staff:kari`. For an approved proposal: the person who proposed it.
    pub actor: String,
    /// The second person, for an approved proposal.
    pub approved_by: Option<String>,
    pub reason: String,
}

impl NewEvent {
    pub fn new(event: CaseEvent, actor: &str, reason: &str) -> NewEvent {
        NewEvent {
            event,
            actor: actor.to_string(),
            approved_by: None,
            reason: reason.trim().to_string(),
        }
    }
}

/// Records of `events` in order, each by `staff:kari` at `at`, for tests of folds.
#[cfg(test)]
pub(crate) fn records(events: &[CaseEvent], at: Timestamp) -> Vec<EventRecord> {
    events
        .iter()
        .enumerate()
        .map(|(i, event)| EventRecord {
            seq: i as i64 + 1,
            recorded_at: at,
            actor: "staff:kari".into(),
            approved_by: None,
            reason: "r".into(),
            event: event.clone(),
        })
        .collect()
}
