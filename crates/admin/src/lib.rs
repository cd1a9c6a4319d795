//! The staff service on its own listener with its own authentication. For now it serves only
//! its health probes; staff work (login, roles, cases) arrives with the admin issue.

pub mod health;

use axum::Router;
use register::Database;

/// What every admin handler can reach.
#[derive(Clone)]
pub struct AdminState {
    pub store: Database,
}

/// The admin service's routes.
pub fn router(state: AdminState) -> Router {
    Router::new().merge(health::routes()).with_state(state)
}
