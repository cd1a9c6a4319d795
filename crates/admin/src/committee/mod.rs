//! The advisory committee in the admin service: terms and their seats, meetings and their agendas
//! (for IMDi's secretariat), and the members' own pages. Case handling itself is in `tips`.

pub mod demo;
pub mod meetings;
pub mod member;
pub mod terms;

use axum::Router;
use register::casework::CaseworkError;
use register::tips::{Term, TipError};

use crate::AdminState;
use crate::auth::Staff;
use crate::error::AdminError;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .merge(terms::routes())
        .merge(meetings::routes())
        .merge(member::routes())
}

/// The login a seat, a meeting's participant list and the case access log know a person by: the
/// same `staff:<id>` form as every other actor in this service.
pub fn login(staff: &Staff) -> String {
    staff.actor()
}

/// A seat login as typed in a form (`amina` or `staff:amina`) in its stored form.
pub fn normalise_login(typed: &str) -> String {
    format!("staff:{}", typed.trim().trim_start_matches("staff:"))
}

/// A login without its `staff:` prefix, for display.
pub fn short_login(login: &str) -> &str {
    login.trim_start_matches("staff:")
}

/// The name of `login` in `term`, or the login itself if they hold no seat there.
pub fn name_in<'t>(term: Option<&'t Term>, login: &'t str) -> &'t str {
    term.and_then(|t| {
        t.seats.iter().find_map(|s| {
            [&s.member, &s.deputy]
                .into_iter()
                .find(|p| p.login == login)
                .map(|p| p.name.as_str())
        })
    })
    .unwrap_or_else(|| short_login(login))
}

/// A refusal from the tip store as the admin service's error: unknown things are 404, broken
/// rules 422 with their fields, internal failures 500.
pub fn tip_error(e: TipError) -> AdminError {
    match e {
        TipError::NotFound(_) | TipError::MeetingNotFound(_) | TipError::TermNotFound(_) => {
            AdminError::NotFound(e.to_string())
        }
        TipError::Invalid(fields) => AdminError::Casework(CaseworkError::Invalid(fields)),
        TipError::AccessDenied => AdminError::Forbidden,
        TipError::Store(s) => s.into(),
        TipError::Key(k) => AdminError::Internal(k.to_string()),
        other => AdminError::BadRequest(other.to_string()),
    }
}
