//! Reference data: the register languages and the counties, bundled from `fixtures/` and looked
//! up by code or exact name. Typo-tolerant language search belongs to the search crate.

use std::collections::BTreeMap;

use crate::county::{County, CountyCode};
use crate::language::{Language, LanguageCode};

const LANGUAGES_JSON: &str = include_str!("../../../fixtures/languages.json");
const COUNTIES_JSON: &str = include_str!("../../../fixtures/counties.json");

/// Languages and counties, indexed for lookup.
#[derive(Debug, Clone)]
pub struct Catalogue {
    languages: BTreeMap<LanguageCode, Language>,
    counties: BTreeMap<CountyCode, County>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("ukjent språk «{query}»{}", suggestion_text(.suggestions))]
pub struct UnknownLanguage {
    pub query: String,
    pub suggestions: Vec<String>,
}

fn suggestion_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" – mente du {}?", suggestions.join(", "))
    }
}

impl Catalogue {
    /// The reference data shipped with the register.
    pub fn bundled() -> Catalogue {
        let languages: Vec<Language> =
            serde_json::from_str(LANGUAGES_JSON).expect("fixtures/languages.json is valid (checked by tests)");
        let counties: Vec<County> =
            serde_json::from_str(COUNTIES_JSON).expect("fixtures/counties.json is valid (checked by tests)");
        Catalogue::new(languages, counties)
    }

    pub fn new(languages: Vec<Language>, counties: Vec<County>) -> Catalogue {
        Catalogue {
            languages: languages.into_iter().map(|l| (l.code, l)).collect(),
            counties: counties.into_iter().map(|c| (c.code, c)).collect(),
        }
    }

    pub fn languages(&self) -> impl Iterator<Item = &Language> {
        self.languages.values()
    }

    pub fn counties(&self) -> impl Iterator<Item = &County> {
        self.counties.values()
    }

    pub fn language(&self, code: LanguageCode) -> Option<&Language> {
        self.languages.get(&code)
    }

    pub fn county(&self, code: CountyCode) -> Option<&County> {
        self.counties.get(&code)
    }

    /// Finds a language by code or by any exact name, endonym, alias or member name
    /// (case-insensitive). Unknown input gets suggestions that share its first letters.
    pub fn find_language(&self, query: &str) -> Result<&Language, UnknownLanguage> {
        let q = query.trim().to_lowercase();
        let found = self
            .languages
            .values()
            .find(|l| l.search_terms().iter().any(|t| t.to_lowercase() == q));
        found.ok_or_else(|| {
            let prefix: String = q.chars().take(3).collect();
            let suggestions = if prefix.is_empty() {
                Vec::new()
            } else {
                self.languages
                    .values()
                    .filter(|l| l.search_terms().iter().any(|t| t.to_lowercase().starts_with(&prefix)))
                    .map(|l| format!("{} ({})", l.names.nb, l.code))
                    .take(5)
                    .collect()
            };
            UnknownLanguage {
                query: query.to_string(),
                suggestions,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LanguageKind;

    #[test]
    fn bundled_languages_cover_the_register() {
        let c = Catalogue::bundled();
        assert!(c.languages().count() >= 76, "only {} languages", c.languages().count());
        for code in [
            "ARB", "PES", "PRS", "UKR", "SOM", "TIR", "SME", "SMJ", "SMA", "HBS", "CES", "KIN", "KMR",
        ] {
            assert!(c.language(code.parse().unwrap()).is_some(), "{code} missing");
        }
        let kinds: Vec<LanguageKind> = c.languages().map(|l| l.kind).collect();
        for kind in LanguageKind::ALL {
            assert!(kinds.contains(&kind), "no language of kind {kind:?}");
        }
        for merged in ["HBS", "CES", "KIN", "KMR"] {
            assert!(
                c.language(merged.parse().unwrap()).unwrap().is_merged(),
                "{merged} not merged"
            );
        }
        for l in c.languages() {
            assert!(
                !l.names.nb.is_empty() && !l.names.nn.is_empty() && !l.names.en.is_empty(),
                "{}",
                l.code
            );
        }
    }

    #[test]
    fn ambiguous_names_are_shared_and_no_plain_name_belongs_to_two_languages() {
        let c = Catalogue::bundled();
        let holders = |name: &str| -> Vec<&str> {
            c.languages()
                .filter(|l| {
                    l.search_terms()
                        .iter()
                        .chain(l.shared_names.iter().map(String::as_str).collect::<Vec<_>>().iter())
                        .any(|t| t.to_lowercase() == name.to_lowercase())
                })
                .map(|l| l.code.as_str())
                .collect()
        };
        for l in c.languages() {
            for name in &l.shared_names {
                assert!(holders(name).len() >= 2, "{}: «{name}» is shared with nobody", l.code);
                assert!(
                    !l.search_terms().contains(&name.as_str()),
                    "{}: «{name}» also a plain name",
                    l.code
                );
            }
            for term in l.search_terms() {
                let plain: Vec<&str> = c
                    .languages()
                    .filter(|o| o.search_terms().iter().any(|t| t.to_lowercase() == term.to_lowercase()))
                    .map(|o| o.code.as_str())
                    .collect();
                assert_eq!(
                    plain.len(),
                    1,
                    "«{term}» is a plain name of {plain:?}: declare it in shared_names"
                );
            }
        }
        assert_eq!(holders("kurdisk"), ["CKB", "KMR"]);
        assert_eq!(holders("samisk"), ["SMA", "SME", "SMJ"]);
        assert_eq!(holders("kinesisk"), ["CMN", "YUE"]);
        assert_eq!(holders("persisk"), ["PES", "PRS"]);
        assert_eq!(holders("dari"), ["PES", "PRS"]);
        // The exact look-up (the export command) refuses a shared name and names the choices.
        let err = c.find_language("kurdisk").unwrap_err();
        assert!(
            err.suggestions.iter().any(|s| s.contains("CKB")) && err.suggestions.iter().any(|s| s.contains("KMR")),
            "{err}"
        );
    }

    #[test]
    fn counties_are_the_fifteen_from_2024() {
        let c = Catalogue::bundled();
        let codes: Vec<String> = c.counties().map(|c| c.code.to_string()).collect();
        assert_eq!(
            codes,
            [
                "03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"
            ]
        );
        assert_eq!(
            c.county("55".parse().unwrap()).unwrap().sami_name.as_deref(),
            Some("Romsa")
        );
    }

    #[test]
    fn finds_languages_by_code_name_alias_and_member() {
        let c = Catalogue::bundled();
        for (query, code) in [
            ("arb", "ARB"),
            ("Arabisk", "ARB"),
            ("farsi", "PES"),
            ("kroatisk", "HBS"),
            ("Slovak", "CES"),
        ] {
            assert_eq!(c.find_language(query).unwrap().code.as_str(), code, "{query}");
        }
        let err = c.find_language("arabsik").unwrap_err();
        assert!(err.to_string().contains("ukjent språk «arabsik»"));
        assert!(err.suggestions.iter().any(|s| s.contains("ARB")), "{err}");
    }
}
