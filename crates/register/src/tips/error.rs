//! The one error type of tip handling: refusals with Norwegian messages for staff and the
//! public, and the storage errors underneath. No rules live here.

use std::convert::Infallible;

/// `S` is what storage can add: nothing ([`Infallible`], the default) for the pure rules, so a
/// rule's refusal cannot carry a database error; the store's `StoreError` for the operations
/// that read and write (`TipError<StoreError>`), which the services map to status codes.
#[derive(Debug, thiserror::Error)]
pub enum TipError<S = Infallible> {
    /// Input that breaks a rule, per field: `(field, message)`.
    #[error("ugyldige opplysninger: {}", .0.iter().map(|(f, m)| format!("{f}: {m}")).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<(String, String)>),
    #[error("fant ingen varselsak med nummer {0}")]
    NotFound(i64),
    /// The event (by its stored kind, `CaseEvent::kind`) is not allowed in the status.
    #[error("hendelsen «{event}» er ikke tillatt når saken har status «{}»", .status.as_str())]
    NotAllowed {
        status: super::status::CaseStatus,
        event: &'static str,
    },
    /// A new committee term breaks the rules of its composition.
    #[error("utvalgsperioden kan ikke oppnevnes: {0:?}")]
    Term(Vec<super::committee::TermProblem>),
    #[error(
        "utestenging krever tre advarsler i løpet av fem år eller et vesentlig brudd (tolken har {warnings} advarsler)"
    )]
    ExclusionNotAllowed { warnings: usize },
    #[error("fristen for å svare på forhåndsvarselet ({0}) er ikke ute, og tolken har ikke svart")]
    ReplyPending(time::Date),
    #[error("klagefristen gikk ut {0}")]
    AppealTooLate(time::Date),
    #[error("saken har en endring som venter på godkjenning; godkjenn eller avvis den først")]
    ProposalPending,
    #[error("denne endringen må godkjennes av en annen seniorsaksbehandler; foreslå den først")]
    SecondPersonNeeded,
    #[error("saken har ingen endring som venter på godkjenning")]
    NoProposal,
    #[error("du kan ikke godkjenne ditt eget forslag; en annen seniorsaksbehandler må gjøre det")]
    OwnProposal,
    #[error("bare en seniorsaksbehandler kan godkjenne eller avvise")]
    NotSenior,
    #[error("saken er endret av noen andre i mellomtiden; last siden på nytt og prøv igjen")]
    Conflict,
    #[error("du har ikke tilgang til denne saken")]
    AccessDenied,
    #[error("bare en seniorsaksbehandler kan tildele saken til andre; du kan ta saken selv")]
    AssignOthers,
    #[error("«{0}» er ikke en aktiv saksbehandler og kan ikke få saken")]
    NotACaseworker(String),
    #[error("bare saksbehandlere som er tildelt saken, og seniorsaksbehandlere, kan legge dokumenter til den")]
    NotAssigned,
    #[error("fant intet dokument med nummer {0} i saken")]
    DocumentNotFound(i64),
    #[error("fant intet utvalgsmøte med nummer {0}")]
    MeetingNotFound(i64),
    #[error("fant ingen utvalgsperiode med nummer {0}")]
    TermNotFound(i64),
    #[error(transparent)]
    Key(#[from] super::contact_key::KeyError),
    #[error(transparent)]
    Store(S),
}

impl<S> TipError<S> {
    /// A refusal tied to one input field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![(field.to_string(), message.into())])
    }
}
