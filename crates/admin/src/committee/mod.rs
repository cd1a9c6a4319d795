//! The advisory committee in the admin service: terms and their seats, meetings and their agendas
//! (for IMDi's secretariat), and the members' own pages. Case handling itself is in `tips`.

pub mod demo;
pub mod meetings;
pub mod member;
pub mod terms;

use axum::Router;
use register::tips::Term;

use crate::AdminState;
use crate::auth::Staff;

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

pub use crate::auth::{short_login, staff_login as normalise_login};

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
