//! The whole system's tests: the command line, both services together, backup and restore, replicas and database faults.
//! One test binary for the crate: one link instead of one per file (less build time and disk).

#[path = "../../crates/register/tests/common/mod.rs"]
mod common;
#[path = "../support/mod.rs"]
mod support;

mod backup;
mod cli;
mod faults;
mod replicas;
mod services;
