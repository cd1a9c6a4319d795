//! The register's integration tests: storage behaviour on both backends, tips, casework, guards, faults and the fixture history.
//! One test binary for the crate: one link instead of one per file (less build time and disk).

#[path = "../common/mod.rs"]
mod common;

mod casework_store;
mod demand_store;
mod faults;
mod fixture_history;
mod guards_store;
mod projection;
mod staff_store;
mod statistics;
mod store_behaviour;
mod tip_documents;
mod tips_store;
