//! The staff members seen signing in through the organisation's OpenID Connect provider, and
//! the rule for who counts as an active caseworker among them (a tip case, and with it the
//! reporter's identity, may only be given to one; `tips::access::check_assignment`).
//!
//! The provider is the directory of record, but it tells this service about someone only when
//! they sign in, and never when they leave. So the service remembers each sign-in, with the
//! roles the provider gave then, and counts a member as active for [`ACTIVE_DAYS`] after it:
//! someone who left (or lost the role) stops being offered once that time has passed, and at
//! their next sign-in the provider's current roles replace the remembered ones.

use serde::Serialize;

use crate::tips::StaffStanding;

/// How long after their last sign-in a member still counts as active staff.
pub const ACTIVE_DAYS: i64 = 90;

/// The role names (as the staff service spells them) that make a caseworker.
pub const CASEWORK_ROLES: [&str; 2] = ["caseworker", "senior_caseworker"];

/// A member of staff as remembered from their sign-ins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMember {
    /// The login without the `staff:` prefix.
    pub login: String,
    pub name: String,
    /// Role names at the last sign-in.
    pub roles: Vec<String>,
    /// Unix seconds.
    pub first_seen: i64,
    pub last_seen: i64,
}

impl StaffMember {
    /// Whether the member signed in within [`ACTIVE_DAYS`] before `now` (Unix seconds).
    pub fn is_active(&self, now: i64) -> bool {
        now - self.last_seen <= ACTIVE_DAYS * 86_400
    }

    pub fn is_caseworker(&self) -> bool {
        self.roles.iter().any(|r| CASEWORK_ROLES.contains(&r.as_str()))
    }
}

/// What the remembered sign-ins say about a member a case is to be given to.
pub fn standing(member: Option<&StaffMember>, now: i64) -> StaffStanding {
    match member {
        Some(m) if m.is_active(now) && m.is_caseworker() => StaffStanding::Caseworker,
        Some(m) if m.is_active(now) => StaffStanding::OtherRole,
        _ => StaffStanding::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn member(roles: &[&str], last_seen: i64) -> StaffMember {
        StaffMember {
            login: "kari".into(),
            name: "Kari".into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            first_seen: 0,
            last_seen,
        }
    }

    #[test]
    fn only_caseworkers_seen_lately_count_as_active_caseworkers() {
        let now = 1_000 * DAY;
        let cases = [
            (Some(member(&["caseworker"], now - DAY)), StaffStanding::Caseworker),
            (
                Some(member(&["statistician", "senior_caseworker"], now)),
                StaffStanding::Caseworker,
            ),
            (
                Some(member(&["caseworker"], now - ACTIVE_DAYS * DAY)),
                StaffStanding::Caseworker,
            ),
            (
                Some(member(&["caseworker"], now - ACTIVE_DAYS * DAY - 1)),
                StaffStanding::Unknown,
            ),
            (Some(member(&["committee_member"], now)), StaffStanding::OtherRole),
            (Some(member(&[], now)), StaffStanding::OtherRole),
            (None, StaffStanding::Unknown),
        ];
        for (m, expected) in cases {
            assert_eq!(standing(m.as_ref(), now), expected, "{m:?}");
        }
    }
}
