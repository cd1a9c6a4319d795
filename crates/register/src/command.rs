//! The changes that can be made to an interpreter's record, and the metadata every change
//! carries (who, when, why). Plain data: the rules that apply them live in `rules`.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::interpreter::Profile;
use crate::language::LanguageCode;
use crate::licence::LicenceStatus;
use crate::qualification::NewQualification;
use crate::record::TestPart;
use crate::timestamp::Timestamp;

/// A change to one interpreter's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// Replace the interpreter's details (names, contact, county, work modes).
    UpdateProfile {
        profile: Profile,
    },
    AddQualification {
        qualification: NewQualification,
    },
    /// A qualification recorded in error or no longer valid.
    EndQualification {
        no: i32,
    },
    RecordAuthorisationTest {
        language: LanguageCode,
        part: TestPart,
        taken_on: Date,
        passed: bool,
    },
    GrantLicence {
        language: LanguageCode,
        granted_on: Date,
        decision_ref: String,
    },
    ChangeLicenceStatus {
        no: i32,
        status: LicenceStatus,
    },
    /// A revocation set aside on appeal: the licence is active again, as if never revoked.
    /// Only an appeal can do this; otherwise revocation is final.
    ReinstateLicence {
        no: i32,
    },
    /// Decision to list the interpreter for a language (or to list again after withdrawal).
    ApproveEntry {
        language: LanguageCode,
    },
    /// The interpreter leaves the register for one language, or for all when `None`.
    Withdraw {
        language: Option<LanguageCode>,
    },
    /// Temporary exclusion while a case runs.
    Suspend,
    LiftSuspension,
    /// Exclusion until a date, or permanently when `until` is `None`.
    Exclude {
        until: Option<Date>,
    },
    LiftExclusion,
    /// Writes down that exclusions ended on their end date (run by the system each day).
    RecordExpiredExclusions,
}

impl Command {
    /// A stable name for the audit log.
    pub fn action(&self) -> &'static str {
        match self {
            Self::UpdateProfile { .. } => "update_profile",
            Self::AddQualification { .. } => "add_qualification",
            Self::EndQualification { .. } => "end_qualification",
            Self::RecordAuthorisationTest { .. } => "record_authorisation_test",
            Self::GrantLicence { .. } => "grant_licence",
            Self::ChangeLicenceStatus { .. } => "change_licence_status",
            Self::ReinstateLicence { .. } => "reinstate_licence",
            Self::ApproveEntry { .. } => "approve_entry",
            Self::Withdraw { .. } => "withdraw",
            Self::Suspend => "suspend",
            Self::LiftSuspension => "lift_suspension",
            Self::Exclude { .. } => "exclude",
            Self::LiftExclusion => "lift_exclusion",
            Self::RecordExpiredExclusions => "record_expired_exclusions",
        }
    }
}

/// Who made a change, why, and from when it takes effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeMeta {
    /// e.g. `staff:kari.nordmann`, `interpreter:10001`, `system:seed`.
    pub actor: String,
    pub reason: String,
    /// When the change takes effect in the register (valid time). Defaults to now.
    pub effective_at: Timestamp,
}

impl ChangeMeta {
    pub fn now(actor: impl Into<String>, reason: impl Into<String>) -> ChangeMeta {
        ChangeMeta {
            actor: actor.into(),
            reason: reason.into(),
            effective_at: Timestamp::now(),
        }
    }
}
