//! The search crate's integration tests: the indexer, query rules on the fixture register, and recovery.
//! One test binary for the crate: one link instead of one per file (less build time and disk).

#[path = "../../../register/tests/common/mod.rs"]
mod common;
#[path = "../fixture/mod.rs"]
mod fixture;

mod indexer;
mod query_rules;
mod recovery;
