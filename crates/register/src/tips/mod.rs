//! Tips (varsler) about breaches of the Interpreting Act: intake, the case lifecycle, sanctions,
//! the advisory committee, confidentiality of the reporter and annual figures. No HTTP here.

pub mod access;
pub mod archive;
pub mod case;
pub mod check;
pub mod committee;
pub mod contact_key;
pub mod deadlines;
pub mod document;
pub mod error;
pub mod event;
pub mod figures;
pub mod grounds;
pub mod intake;
pub mod organisation_number;
pub mod outcome;
pub mod register_changes;
pub mod reporter;
pub mod rules;
pub mod status;

pub use access::{CaseView, StaffStanding, Viewer};
pub use case::TipCase;
pub use check::CheckContext;
pub use committee::{CommitteePerson, Meeting, NewMeeting, NewTerm, Seat, SeatHolders, Term, TermRules};
pub use contact_key::{ContactKey, KeyError, Seal, SealingKey};
pub use deadlines::{CaseDeadline, DeadlineKind};
pub use document::{DocumentContent, DocumentKind, NewDocument, TipDocument};
pub use error::TipError;
pub use event::{CaseEvent, EventRecord, NewEvent};
pub use grounds::{Ground, Grounds};
pub use intake::{Channel, Intake, NewTip, Subject};
pub use organisation_number::OrganisationNumber;
pub use outcome::{ClosureReason, DecisionOutcome, MinistryOutcome};
pub use reporter::{Reporter, ReporterContact, ReporterRole};
pub use rules::TipRules;
pub use status::CaseStatus;
