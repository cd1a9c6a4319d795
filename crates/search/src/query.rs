//! A search request (filters, name, page) and its answer (hits, total, facets). Plain data:
//! how a request is run is in `index` and `collector`, how it is parsed is the caller's job.

use std::str::FromStr;

use register::interpreter::{Availability, Gender};
use register::{Category, CountyCode, LanguageCode, LanguageKind};
use serde::{Deserialize, Serialize};

use crate::document::PublicInterpreter;

/// Results per page unless asked otherwise, and the most a page may hold.
pub const DEFAULT_PER_PAGE: usize = 20;
pub const MAX_PER_PAGE: usize = 100;
/// How deep into a result list pages may reach (page × per_page).
pub const MAX_DEPTH: usize = 10_000;

/// A way of working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    OnSite,
    Telephone,
    Video,
}

impl WorkMode {
    pub const ALL: [WorkMode; 3] = [Self::OnSite, Self::Telephone, Self::Video];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OnSite => "on_site",
            Self::Telephone => "telephone",
            Self::Video => "video",
        }
    }
}

impl FromStr for WorkMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("ukjent arbeidsform «{s}»"))
    }
}

/// What to search for. Within one filter several values mean "any of them"; different
/// filters must all hold. Empty filters do not restrict.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Query {
    /// Resolved language codes (see `LanguageMatcher`).
    pub languages: Vec<LanguageCode>,
    /// The lowest acceptable category (A is the highest).
    pub min_category: Option<Category>,
    pub counties: Vec<CountyCode>,
    pub genders: Vec<Gender>,
    pub modes: Vec<WorkMode>,
    pub availability: Vec<Availability>,
    pub kinds: Vec<LanguageKind>,
    /// A name (typo-tolerant) or an interpreter number.
    pub name: Option<String>,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            languages: Vec::new(),
            min_category: None,
            counties: Vec::new(),
            genders: Vec::new(),
            modes: Vec::new(),
            availability: Vec::new(),
            kinds: Vec::new(),
            name: None,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl Query {
    /// A query for one language, first page.
    pub fn language(code: LanguageCode) -> Query {
        Query {
            languages: vec![code],
            ..Query::default()
        }
    }
}

/// Counts for the current query. Each facet counts with every filter except its own, so it
/// tells what changing that filter would give (the zero-result page builds on this).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Interpreters per category (their category in the searched language or kind, else
    /// their best), A first.
    pub categories: Vec<(Category, usize)>,
    /// Interpreters per county, in county-number order, all counties listed.
    pub counties: Vec<(CountyCode, usize)>,
}

impl Facets {
    pub fn category(&self, c: Category) -> usize {
        self.categories.iter().find(|(k, _)| *k == c).map_or(0, |(_, n)| *n)
    }

    pub fn county(&self, c: CountyCode) -> usize {
        self.counties.iter().find(|(k, _)| *k == c).map_or(0, |(_, n)| *n)
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Results {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<PublicInterpreter>,
    pub facets: Facets,
}

impl Results {
    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}
