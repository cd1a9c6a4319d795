//! The staff service's integration tests: flows, tips, committee, sessions, sign-in, OIDC, API problems, the statistician's workspace and the role x route matrix.
//! One test binary for the crate: one link instead of one per file (less build time and disk).

#[path = "../common/mod.rs"]
mod common;

mod api_problems;
mod committee;
mod coverage;
mod flows;
mod login_limits;
mod oidc;
mod role_matrix;
mod sessions;
mod statistics;
mod tips;
