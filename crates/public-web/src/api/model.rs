//! The JSON shapes of the public API, with their OpenAPI schemas. Built from the index's public
//! records; a field added here is public, so only DOMAIN.md's public fields belong here.

use register::{Catalogue, Category};
use search::{Facets, PublicEntry, PublicInterpreter};
use serde::Serialize;
use utoipa::ToSchema;

/// One listed entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct Entry {
    /// Register language code, e.g. `ARB`.
    #[schema(example = "ARB")]
    pub language: String,
    /// The language's name in bokmål.
    #[schema(example = "arabisk")]
    pub language_name: String,
    /// `spoken`, `sign`, `speech_to_text` or `deafblind`.
    #[schema(example = "spoken")]
    pub kind: String,
    /// Qualification category, A (highest) to E.
    #[schema(example = "B")]
    pub category: String,
    /// The first day (ISO 8601, Norwegian calendar day) of the entry's current unbroken
    /// listing: since when the interpreter has been listed in this language without a break
    /// (a suspension, exclusion or withdrawal starts it again). `null` when not known.
    #[schema(example = "2026-12-02", format = Date)]
    pub listed_since: Option<String>,
}

impl Entry {
    pub fn new(catalogue: &Catalogue, e: &PublicEntry) -> Entry {
        Entry {
            language: e.language.to_string(),
            language_name: catalogue
                .language(e.language)
                .map(|l| l.names.nb.clone())
                .unwrap_or_default(),
            kind: e.kind.as_str().to_string(),
            category: e.category.to_string(),
            listed_since: e.listed_since.map(|d| d.to_string()),
        }
    }
}

/// A public address (only where the interpreter has consented).
#[derive(Debug, Serialize, ToSchema)]
pub struct Address {
    pub street: String,
    pub postal_code: String,
    pub city: String,
}

/// A listed interpreter's public fields.
#[derive(Debug, Serialize, ToSchema)]
pub struct Interpreter {
    #[schema(example = "10001")]
    pub interpreter_number: String,
    /// Preferred (or given) name and family name.
    pub name: String,
    pub given_name: String,
    pub preferred_name: Option<String>,
    pub family_name: String,
    /// `female`, `male` or `unspecified`.
    pub gender: String,
    /// County number, e.g. `03`.
    #[schema(example = "03")]
    pub county: String,
    pub county_name: String,
    pub phone: String,
    pub email: String,
    pub address: Option<Address>,
    /// `full_time`, `part_time` or `occasional`.
    pub availability: String,
    /// Any of `on_site`, `telephone`, `video`.
    pub work_modes: Vec<String>,
    pub entries: Vec<Entry>,
}

impl Interpreter {
    pub fn new(catalogue: &Catalogue, p: &PublicInterpreter) -> Interpreter {
        Interpreter {
            interpreter_number: p.number.to_string(),
            name: p.name.clone(),
            given_name: p.given_name.clone(),
            preferred_name: p.preferred_name.clone(),
            family_name: p.family_name.clone(),
            gender: p.gender.as_str().to_string(),
            county: p.county.to_string(),
            county_name: catalogue.county(p.county).map(|c| c.name.clone()).unwrap_or_default(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            address: p.address.as_ref().map(|a| Address {
                street: a.street.clone(),
                postal_code: a.postal_code.clone(),
                city: a.city.clone(),
            }),
            availability: p.availability.as_str().to_string(),
            work_modes: p.modes().iter().map(|m| m.as_str().to_string()).collect(),
            entries: p.entries.iter().map(|e| Entry::new(catalogue, e)).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryCount {
    #[schema(example = "A")]
    pub category: String,
    pub count: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountyCount {
    #[schema(example = "46")]
    pub county: String,
    pub name: String,
    pub count: usize,
}

/// Counts for the current query; each facet ignores its own filter.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCounts {
    pub categories: Vec<CategoryCount>,
    pub counties: Vec<CountyCount>,
}

impl FacetCounts {
    pub fn new(catalogue: &Catalogue, f: &Facets) -> FacetCounts {
        FacetCounts {
            categories: f
                .categories
                .iter()
                .map(|(c, n)| CategoryCount {
                    category: c.to_string(),
                    count: *n,
                })
                .collect(),
            counties: f
                .counties
                .iter()
                .map(|(c, n)| CountyCount {
                    county: c.to_string(),
                    name: catalogue.county(*c).map(|x| x.name.clone()).unwrap_or_default(),
                    count: *n,
                })
                .collect(),
        }
    }
}

/// How the `language` parameter was understood.
#[derive(Debug, Serialize, ToSchema)]
pub struct LanguageUnderstood {
    /// What was typed.
    pub typed: String,
    #[schema(example = "ARB")]
    pub code: String,
    pub name: String,
    /// False when a typo was corrected or a prefix completed.
    pub exact: bool,
    /// Every language searched: more than `code` for a name several register languages share
    /// and none has as its own ("kurdisk": CKB and KMR).
    pub codes: Vec<String>,
    /// Register languages the typed name may also mean that were not searched ("persisk" is
    /// Persian's name and may also mean Dari, PRS).
    pub may_also_mean: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub language: Option<LanguageUnderstood>,
    pub results: Vec<Interpreter>,
    pub facets: FacetCounts,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Verification {
    #[schema(example = "10001")]
    pub interpreter_number: String,
    /// Whether the interpreter is listed today.
    pub listed: bool,
    /// The name on the ID card, only when listed.
    pub name: Option<String>,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Names {
    pub nb: String,
    pub nn: String,
    pub en: String,
}

/// Listed interpreters per category in one language.
#[derive(Debug, Serialize, ToSchema)]
#[allow(non_snake_case)]
pub struct PerCategory {
    pub A: usize,
    pub B: usize,
    pub C: usize,
    pub D: usize,
    pub E: usize,
    pub total: usize,
}

impl PerCategory {
    pub fn new(per: [usize; 5], total: usize) -> PerCategory {
        let at = |c: Category| per[Category::ALL.iter().position(|x| *x == c).unwrap_or(0)];
        PerCategory {
            A: at(Category::A),
            B: at(Category::B),
            C: at(Category::C),
            D: at(Category::D),
            E: at(Category::E),
            total,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Language {
    #[schema(example = "PES")]
    pub code: String,
    pub kind: String,
    pub names: Names,
    pub endonym: String,
    #[schema(example = json!(["farsi"]))]
    pub aliases: Vec<String>,
    /// For merged languages (e.g. HBS): the members' bokmål names.
    pub members: Vec<String>,
    pub interpreters: PerCategory,
}

impl Language {
    pub fn new(l: &register::language::Language, counts: &search::LanguageCounts) -> Language {
        let (per, total) = counts.of(l.code).unwrap_or(([0; 5], 0));
        Language {
            code: l.code.to_string(),
            kind: l.kind.as_str().to_string(),
            names: Names {
                nb: l.names.nb.clone(),
                nn: l.names.nn.clone(),
                en: l.names.en.clone(),
            },
            endonym: l.endonym.clone(),
            aliases: l.aliases.clone(),
            members: l.members.iter().map(|m| m.names.nb.clone()).collect(),
            interpreters: PerCategory::new(per, total),
        }
    }
}

/// An error as RFC 9457 problem details (`application/problem+json`), in the request's
/// language: `lang=nb|nn|en`, else Accept-Language, else bokmål.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Stable, machine-readable: `urn:tolkeregister:problem:` and the code.
    #[serde(rename = "type")]
    #[schema(example = "urn:tolkeregister:problem:invalid-parameter")]
    pub r#type: String,
    /// The end of `type`, for clients that switch on a short code.
    #[schema(example = "invalid-parameter")]
    pub code: String,
    /// Short and the same for every occurrence of the type (in the request's language).
    #[schema(example = "Ugyldig parameter")]
    pub title: String,
    /// The HTTP status code.
    #[schema(example = 400, minimum = 400, maximum = 599)]
    pub status: u16,
    /// What was wrong with this request and how to put it right.
    #[schema(example = "«30» er ikke en gyldig verdi for fylke.")]
    pub detail: String,
    /// The same as `detail`, for clients of the first version of this API.
    #[schema(deprecated)]
    pub error: String,
    /// For `unknown-language`: codes of languages that start alike.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = json!(["ARB"]))]
    pub suggestions: Option<Vec<String>>,
}
