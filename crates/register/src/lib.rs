//! The interpreter register itself: domain types and pure rules, history, change feed, audit
//! log and storage on SQLite and PostgreSQL. Knows nothing about HTTP or search indexes.

pub mod abuse;
pub mod casework;
pub mod category;
pub mod command;
pub mod counts;
pub mod county;
pub mod date_input;
pub mod entry_status;
pub mod export;
pub mod finder;
pub mod generator;
pub mod interpreter;
pub mod interpreter_number;
pub mod language;
pub mod licence;
pub mod mutation;
pub mod national_id;
pub mod qualification;
pub mod record;
pub mod reference;
pub mod rules;
pub mod sanctions;
pub mod staff;
pub mod statistics;
pub mod store;
mod string_enum;
pub mod timestamp;
pub mod tips;
pub mod ui_language;
pub mod workflow;

pub use category::Category;
pub use command::{ChangeMeta, Command};
pub use county::CountyCode;
pub use entry_status::EntryStatus;
pub use interpreter::Profile;
pub use interpreter_number::InterpreterNumber;
pub use language::{LanguageCode, LanguageKind};
pub use record::InterpreterRecord;
pub use reference::Catalogue;
pub use store::{Database, StoreError};
pub use timestamp::Timestamp;
