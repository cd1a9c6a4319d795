//! Casework around the register: deadlines, formal decisions, foreign-qualification cases and
//! four-eyes approval. Pure rules here; `workflow` strings them to storage.

pub mod deadlines;
pub mod decision;
pub mod error;
pub mod foreign;
pub mod four_eyes;

pub use deadlines::Deadlines;
pub use decision::{Decision, DecisionKind, LetterLanguage, NewDecision};
pub use error::CaseworkError;
pub use foreign::{ChecklistItem, Equivalent, ForeignCase, NewForeignCase, Outcome};
pub use four_eyes::{ApprovalStatus, PendingApproval};
