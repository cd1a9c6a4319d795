//! The one error type of casework: refusals with messages for staff (in Norwegian) and the
//! storage errors underneath. Which side caused an error decides its HTTP status upstream.

use std::convert::Infallible;

/// `S` is what storage can add: nothing ([`Infallible`], the default) for the pure rules, so a
/// rule's refusal cannot carry a database error; the store's `StoreError` for the operations
/// that read and write (`CaseworkError<StoreError>`), which the services map to status codes.
#[derive(Debug, thiserror::Error)]
pub enum CaseworkError<S = Infallible> {
    /// Input that breaks a rule, per field: `(field, message)`.
    #[error("ugyldige opplysninger: {}", .0.iter().map(|(f, m)| format!("{f}: {m}")).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<(String, String)>),
    #[error("fant ingen sak med nummer {0}")]
    CaseNotFound(i64),
    #[error("fant intet vedtak med nummer {0}")]
    DecisionNotFound(i64),
    #[error("fant ingen forespørsel om godkjenning med nummer {0}")]
    ApprovalNotFound(i64),
    #[error("mottaket av søknaden er allerede bekreftet")]
    AlreadyAcknowledged,
    #[error("saken er allerede avgjort")]
    AlreadyDecided,
    #[error("dokumentasjonen er ikke komplett; mangler: {}", .0.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", "))]
    FileIncomplete(Vec<super::foreign::ChecklistItem>),
    #[error("saken må vurderes før den kan avgjøres")]
    NotAssessed,
    #[error("godkjenning krever en norsk likeverdig kvalifikasjon i vurderingen")]
    NoEquivalent,
    #[error("denne endringen krever ikke godkjenning av en annen saksbehandler")]
    NoApprovalNeeded,
    #[error("du kan ikke godkjenne din egen forespørsel; en annen seniorsaksbehandler må gjøre det")]
    OwnRequest,
    #[error("bare en seniorsaksbehandler kan godkjenne eller avvise")]
    NotSenior,
    #[error("forespørselen er allerede behandlet")]
    ApprovalClosed,
    #[error("saken er endret av noen andre i mellomtiden; last siden på nytt og prøv igjen")]
    Conflict,
    #[error(transparent)]
    Store(S),
}

impl<S> CaseworkError<S> {
    /// A refusal tied to one input field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![(field.to_string(), message.into())])
    }
}
