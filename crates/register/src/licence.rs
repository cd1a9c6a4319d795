//! State authorisation licences (statsautorisasjon / bevilling) for Norwegian ↔ one language,
//! and the allowed changes of their status. Pure rules; no storage.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::language::LanguageCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum LicenceStatus {
    Active,
    TemporarilyRevoked,
    Revoked,
}

impl LicenceStatus {
    pub const ALL: [LicenceStatus; 3] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether a licence may move from `self` to `to`. Revocation is final.
    pub fn may_become(self, to: LicenceStatus) -> bool {
        use LicenceStatus::*;
        matches!(
            (self, to),
            (Active, TemporarilyRevoked)
                | (Active, Revoked)
                | (TemporarilyRevoked, Active)
                | (TemporarilyRevoked, Revoked)
        )
    }
}

/// A licence as recorded in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Licence {
    /// Number within the interpreter's record.
    pub no: i32,
    pub language: LanguageCode,
    pub granted_on: Date,
    pub decision_ref: String,
    pub status: LicenceStatus,
}

#[cfg(test)]
mod tests {
    use super::LicenceStatus::*;

    #[test]
    fn status_transitions() {
        let table = [
            (Active, TemporarilyRevoked, true),
            (Active, Revoked, true),
            (Active, Active, false),
            (TemporarilyRevoked, Active, true),
            (TemporarilyRevoked, Revoked, true),
            (TemporarilyRevoked, TemporarilyRevoked, false),
            (Revoked, Active, false),
            (Revoked, TemporarilyRevoked, false),
            (Revoked, Revoked, false),
        ];
        for (from, to, allowed) in table {
            assert_eq!(from.may_become(to), allowed, "{from:?} -> {to:?}");
        }
    }
}
