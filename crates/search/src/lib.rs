//! Public search over the register: the tantivy index of public fields, its analysers, the
//! indexer that follows the change feed, and the query API. Arrives with the public-search issue.
