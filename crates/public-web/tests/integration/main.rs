//! The public service's integration tests: the site, the tip form, the metrics, the listed-since dates
//! and the statistics pages.
//! One test binary for the crate: one link instead of one per file (less build time and disk).

#[path = "../../../register/tests/common/mod.rs"]
mod common;

mod listed_since;
mod metrics;
mod site;
mod statistics;
mod tip_form;
