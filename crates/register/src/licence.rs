//! State authorisation licences (statsautorisasjon / bevilling) for Norwegian ↔ one language,
//! and the allowed changes of their status. Pure rules; no storage.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::language::LanguageCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenceStatus {
    Active,
    TemporarilyRevoked,
    Revoked,
}

impl LicenceStatus {
    pub const ALL: [LicenceStatus; 3] = [Self::Active, Self::TemporarilyRevoked, Self::Revoked];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::TemporarilyRevoked => "temporarily_revoked",
            Self::Revoked => "revoked",
        }
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

impl std::str::FromStr for LicenceStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("ukjent bevillingsstatus «{s}»"))
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
