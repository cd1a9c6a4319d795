//! The errors of the operations that read and write: the rules' refusals (`TipError`,
//! `CaseworkError`, which cannot carry a storage error) widened with the storage errors
//! underneath (`TipError<StoreError>`, `CaseworkError<StoreError>`).

use super::StoreError;
use crate::casework::CaseworkError;
use crate::rules::RuleError;
use crate::tips::TipError;

impl From<TipError> for TipError<StoreError> {
    fn from(refusal: TipError) -> Self {
        match refusal {
            TipError::Invalid(a) => TipError::Invalid(a),
            TipError::NotFound(a) => TipError::NotFound(a),
            TipError::NotAllowed { status, event } => TipError::NotAllowed { status, event },
            TipError::ExclusionNotAllowed { warnings } => TipError::ExclusionNotAllowed { warnings },
            TipError::ReplyPending(a) => TipError::ReplyPending(a),
            TipError::AppealTooLate(a) => TipError::AppealTooLate(a),
            TipError::ProposalPending => TipError::ProposalPending,
            TipError::SecondPersonNeeded => TipError::SecondPersonNeeded,
            TipError::NoProposal => TipError::NoProposal,
            TipError::OwnProposal => TipError::OwnProposal,
            TipError::NotSenior => TipError::NotSenior,
            TipError::Conflict => TipError::Conflict,
            TipError::AccessDenied => TipError::AccessDenied,
            TipError::AssignOthers => TipError::AssignOthers,
            TipError::NotACaseworker(a) => TipError::NotACaseworker(a),
            TipError::NotAssigned => TipError::NotAssigned,
            TipError::DocumentNotFound(a) => TipError::DocumentNotFound(a),
            TipError::MeetingNotFound(a) => TipError::MeetingNotFound(a),
            TipError::TermNotFound(a) => TipError::TermNotFound(a),
            TipError::Term(a) => TipError::Term(a),
            TipError::Key(a) => TipError::Key(a),
            TipError::Store(never) => match never {},
        }
    }
}

impl From<StoreError> for TipError<StoreError> {
    fn from(e: StoreError) -> Self {
        TipError::Store(e)
    }
}

impl From<sqlx::Error> for TipError<StoreError> {
    fn from(e: sqlx::Error) -> Self {
        TipError::Store(StoreError::Database(e))
    }
}

impl From<RuleError> for TipError<StoreError> {
    fn from(e: RuleError) -> Self {
        TipError::Store(StoreError::Rule(e))
    }
}

impl TipError<StoreError> {
    /// Whether the caller caused the error (a 4xx), as opposed to the system (a 5xx).
    pub fn is_user_error(&self) -> bool {
        match self {
            Self::Store(e) => e.is_user_error(),
            Self::Key(_) => false,
            _ => true,
        }
    }
}

impl From<CaseworkError> for CaseworkError<StoreError> {
    fn from(refusal: CaseworkError) -> Self {
        match refusal {
            CaseworkError::Invalid(a) => CaseworkError::Invalid(a),
            CaseworkError::CaseNotFound(a) => CaseworkError::CaseNotFound(a),
            CaseworkError::DecisionNotFound(a) => CaseworkError::DecisionNotFound(a),
            CaseworkError::ApprovalNotFound(a) => CaseworkError::ApprovalNotFound(a),
            CaseworkError::AlreadyAcknowledged => CaseworkError::AlreadyAcknowledged,
            CaseworkError::AlreadyDecided => CaseworkError::AlreadyDecided,
            CaseworkError::FileIncomplete(a) => CaseworkError::FileIncomplete(a),
            CaseworkError::NotAssessed => CaseworkError::NotAssessed,
            CaseworkError::NoEquivalent => CaseworkError::NoEquivalent,
            CaseworkError::NoApprovalNeeded => CaseworkError::NoApprovalNeeded,
            CaseworkError::OwnRequest => CaseworkError::OwnRequest,
            CaseworkError::NotSenior => CaseworkError::NotSenior,
            CaseworkError::ApprovalClosed => CaseworkError::ApprovalClosed,
            CaseworkError::Conflict => CaseworkError::Conflict,
            CaseworkError::Store(never) => match never {},
        }
    }
}

impl From<StoreError> for CaseworkError<StoreError> {
    fn from(e: StoreError) -> Self {
        CaseworkError::Store(e)
    }
}

impl From<sqlx::Error> for CaseworkError<StoreError> {
    fn from(e: sqlx::Error) -> Self {
        CaseworkError::Store(StoreError::Database(e))
    }
}

impl From<RuleError> for CaseworkError<StoreError> {
    fn from(e: RuleError) -> Self {
        CaseworkError::Store(StoreError::Rule(e))
    }
}

impl CaseworkError<StoreError> {
    /// Whether the caller caused the error (a 4xx), as opposed to the system (a 5xx).
    pub fn is_user_error(&self) -> bool {
        match self {
            Self::Store(e) => e.is_user_error(),
            _ => true,
        }
    }
}
