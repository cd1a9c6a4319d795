//! HTML views, one maud function per page, all sharing `layout`. Views only render what they
//! are given: no index lookups, no parameter parsing.

pub mod coverage;
pub mod errors;
pub mod info;
pub mod interpreter;
pub mod languages;
pub mod layout;
pub mod parts;
pub mod search;
pub mod statistics;
pub mod tip;
pub mod verify;
