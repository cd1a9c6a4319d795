//! Public search over the register: the tantivy index of public fields, its analysers, the
//! indexer that follows the change feed, and the query API. The only crate that knows tantivy.

pub mod analysis;
pub mod collector;
pub mod document;
mod groups;
pub mod index;
pub mod indexer;
pub mod languages;
pub mod query;
pub mod rotation;
pub mod schema;

pub use document::{PublicEntry, PublicInterpreter};
pub use index::{LanguageCounts, SearchError, SearchIndex};
pub use indexer::{Indexer, IndexerOptions, IndexerStatus};
pub use languages::{LanguageMatch, LanguageMatcher};
pub use query::{Facets, Query, Results, WorkMode};
