//! Staff roles and the access rules routes declare: each `Access` type names the roles that
//! may use a route. Pure data; the check itself is in `extract`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Caseworker,
    SeniorCaseworker,
    CommitteeMember,
    Statistician,
    Administrator,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Self::Caseworker,
        Self::SeniorCaseworker,
        Self::CommitteeMember,
        Self::Statistician,
        Self::Administrator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Caseworker => "caseworker",
            Self::SeniorCaseworker => "senior_caseworker",
            Self::CommitteeMember => "committee_member",
            Self::Statistician => "statistician",
            Self::Administrator => "administrator",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Caseworker => "saksbehandler",
            Self::SeniorCaseworker => "seniorsaksbehandler",
            Self::CommitteeMember => "medlem av det partssammensatte utvalget",
            Self::Statistician => "statistiker",
            Self::Administrator => "administrator",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("ukjent rolle «{s}»"))
    }
}

/// Who may use a route.
pub trait Access: Send + Sync + 'static {
    const ROLES: &'static [Role];
}

/// Everyday casework on interpreters, cases and decisions.
pub struct Casework;
impl Access for Casework {
    const ROLES: &'static [Role] = &[Role::Caseworker, Role::SeniorCaseworker];
}

/// Four-eyes approval.
pub struct Senior;
impl Access for Senior {
    const ROLES: &'static [Role] = &[Role::SeniorCaseworker];
}

/// The committee's secretariat: IMDi chairs the committee, appoints its terms and plans its
/// meetings.
pub struct CommitteeSecretariat;
impl Access for CommitteeSecretariat {
    const ROLES: &'static [Role] = &[Role::SeniorCaseworker, Role::Administrator];
}

/// Members and deputies of the committee: their meetings and the summaries of agenda cases.
pub struct Committee;
impl Access for Committee {
    const ROLES: &'static [Role] = &[Role::CommitteeMember];
}

/// Figures without personal data.
pub struct Statistics;
impl Access for Statistics {
    const ROLES: &'static [Role] = &[Role::Statistician, Role::SeniorCaseworker, Role::Administrator];
}

/// The service's own configuration, such as who the staff are.
pub struct Administration;
impl Access for Administration {
    const ROLES: &'static [Role] = &[Role::Administrator];
}

/// Any logged-in member of staff.
pub struct AnyStaff;
impl Access for AnyStaff {
    const ROLES: &'static [Role] = &Role::ALL;
}
