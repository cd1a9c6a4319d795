//! Search parameters from a URL query string, shared by the HTML pages and the JSON API:
//! parsed once into typed values (or a precise error), and written back into shareable URLs.

use register::Category;
use search::query::{DEFAULT_PER_PAGE, MAX_DEPTH, MAX_PER_PAGE};
use search::{LanguageMatch, LanguageMatcher, Query};

use crate::i18n::Lang;

/// What was wrong with a parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    /// A value that is not one of the allowed ones.
    Invalid { param: &'static str, value: String },
    /// A language nobody recognised, with languages that start alike.
    UnknownLanguage {
        typed: String,
        suggestions: Vec<register::LanguageCode>,
    },
    /// A page beyond what can be shown.
    PageRange,
}

impl ParamError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            ParamError::Invalid { param, value } => (t.error_invalid)((t.param)(param), value),
            ParamError::UnknownLanguage { typed, .. } => (t.error_unknown_language)(typed),
            ParamError::PageRange => t.error_page_range.to_string(),
        }
    }
}

/// A search as asked for: the language as typed and the filters, so forms can be refilled and
/// links rebuilt. `filters.languages` stays empty until the language is resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchParams {
    /// The language as typed.
    pub language: Option<String>,
    pub filters: Query,
    /// The user-interface language (HTML only).
    pub lang: Lang,
}

/// Splits `a,b` and repeated keys into single non-empty values.
fn values<'a>(pairs: &'a [(String, String)], key: &str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .flat_map(|(_, v)| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn parse_all<T: std::str::FromStr>(pairs: &[(String, String)], key: &'static str) -> Result<Vec<T>, ParamError> {
    let mut out = Vec::new();
    for v in values(pairs, key) {
        let parsed = v.parse().map_err(|_| ParamError::Invalid {
            param: key,
            value: v.to_string(),
        })?;
        out.push(parsed);
    }
    Ok(out)
}

fn single(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A page number: digits only (no sign, spaces or empty value, so the API's integer schema and
/// the parser agree), within `1..=max`.
fn number(pairs: &[(String, String)], key: &'static str, default: usize, max: usize) -> Result<usize, ParamError> {
    let Some((_, v)) = pairs.iter().rev().find(|(k, _)| k == key) else {
        return Ok(default);
    };
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParamError::Invalid {
            param: key,
            value: v.clone(),
        });
    }
    match v.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(ParamError::PageRange),
    }
}

impl SearchParams {
    /// Parses a raw query string (`a=1&b=2`); unknown keys are ignored.
    pub fn parse(raw: Option<&str>) -> Result<SearchParams, ParamError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
        Self::from_pairs(&pairs)
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Result<SearchParams, ParamError> {
        let params = Self::from_pairs_any_depth(pairs)?;
        if params.beyond_depth() {
            return Err(ParamError::PageRange);
        }
        Ok(params)
    }

    /// [`SearchParams::parse`] allowing a page past the first [`MAX_DEPTH`] results (the JSON
    /// API answers it with an empty page, since its document can state each bound alone but not
    /// their product).
    pub fn parse_any_depth(raw: Option<&str>) -> Result<SearchParams, ParamError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
        Self::from_pairs_any_depth(&pairs)
    }

    /// Whether the page lies past the first [`MAX_DEPTH`] results, which are all that is shown.
    pub fn beyond_depth(&self) -> bool {
        self.filters.page.saturating_mul(self.filters.per_page) > MAX_DEPTH
    }

    fn from_pairs_any_depth(pairs: &[(String, String)]) -> Result<SearchParams, ParamError> {
        let category = match single(pairs, "category") {
            None => None,
            Some(v) => Some(v.parse::<Category>().map_err(|_| ParamError::Invalid {
                param: "category",
                value: v,
            })?),
        };
        let page = number(pairs, "page", 1, MAX_DEPTH)?;
        let per_page = number(pairs, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
        Ok(SearchParams {
            language: single(pairs, "language"),
            filters: Query {
                languages: Vec::new(),
                min_category: category,
                counties: parse_all(pairs, "county")?,
                genders: parse_all(pairs, "gender")?,
                modes: parse_all(pairs, "mode")?,
                availability: parse_all(pairs, "availability")?,
                kinds: parse_all(pairs, "kind")?,
                name: single(pairs, "name"),
                page,
                per_page,
            },
            lang: Lang::parse(single(pairs, "lang").as_deref()),
        })
    }

    /// The language as understood, or an error naming languages that start alike.
    pub fn resolve_language(
        &self,
        matcher: &LanguageMatcher,
        catalogue: &register::Catalogue,
    ) -> Result<Option<LanguageMatch>, ParamError> {
        let Some(typed) = self.language.as_deref() else {
            return Ok(None);
        };
        match matcher.resolve(typed) {
            Some(m) => Ok(Some(m)),
            None => Err(ParamError::UnknownLanguage {
                typed: typed.to_string(),
                suggestions: matcher.suggestions(typed, catalogue),
            }),
        }
    }

    /// The index query, with the language already resolved (every language a shared name such
    /// as "kurdisk" may mean).
    pub fn query(&self, language: Option<&LanguageMatch>) -> Query {
        Query {
            languages: language.map(LanguageMatch::codes).unwrap_or_default(),
            ..self.filters.clone()
        }
    }

    /// Whether anything beyond the language narrows the search.
    pub fn has_filters(&self) -> bool {
        let f = &self.filters;
        f.min_category.is_some()
            || !f.counties.is_empty()
            || !f.genders.is_empty()
            || !f.modes.is_empty()
            || !f.availability.is_empty()
            || !f.kinds.is_empty()
            || f.name.is_some()
    }

    /// The query string for these parameters (defaults left out), without `?`.
    pub fn query_string(&self) -> String {
        let f = &self.filters;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(l) = &self.language {
            pairs.push(("language", l.clone()));
        }
        if let Some(c) = f.min_category {
            pairs.push(("category", c.to_string()));
        }
        pairs.extend(f.counties.iter().map(|c| ("county", c.to_string())));
        pairs.extend(f.genders.iter().map(|g| ("gender", g.as_str().to_string())));
        pairs.extend(f.modes.iter().map(|m| ("mode", m.as_str().to_string())));
        pairs.extend(f.availability.iter().map(|a| ("availability", a.as_str().to_string())));
        pairs.extend(f.kinds.iter().map(|k| ("kind", k.as_str().to_string())));
        if let Some(n) = &f.name {
            pairs.push(("name", n.clone()));
        }
        if f.page > 1 {
            pairs.push(("page", f.page.to_string()));
        }
        if f.per_page != DEFAULT_PER_PAGE {
            pairs.push(("per_page", f.per_page.to_string()));
        }
        if self.lang != Lang::Nb {
            pairs.push(("lang", self.lang.code().to_string()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// The results page for these parameters.
    pub fn url(&self) -> String {
        format!("/sok?{}", self.query_string())
    }

    /// A copy changed by `f`, back on page 1 unless `f` sets the page.
    pub fn with(&self, f: impl FnOnce(&mut SearchParams)) -> SearchParams {
        let mut p = self.clone();
        p.filters.page = 1;
        f(&mut p);
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use search::WorkMode;

    #[test]
    fn parses_lists_repeats_and_empty_form_fields() {
        let p = SearchParams::parse(Some(
            "language=arabisk&category=c&county=03,46&county=&mode=telephone&mode=video&gender=&page=2&lang=nn",
        ))
        .unwrap();
        assert_eq!(p.language.as_deref(), Some("arabisk"));
        assert_eq!(p.filters.min_category, Some(Category::C));
        assert_eq!(p.filters.counties.len(), 2);
        assert_eq!(p.filters.modes, [WorkMode::Telephone, WorkMode::Video]);
        assert!(p.filters.genders.is_empty());
        assert_eq!(p.filters.page, 2);
        assert_eq!(p.lang, Lang::Nn);
        let again = SearchParams::parse(Some(&p.query_string())).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn bad_values_name_the_parameter() {
        for (raw, param) in [
            ("category=F", "category"),
            ("county=30", "county"),
            ("gender=x", "gender"),
            ("mode=fax", "mode"),
            ("availability=always", "availability"),
            ("kind=robot", "kind"),
            ("page=abc", "page"),
        ] {
            match SearchParams::parse(Some(raw)) {
                Err(ParamError::Invalid { param: p, .. }) => assert_eq!(p, param, "{raw}"),
                other => panic!("{raw}: {other:?}"),
            }
        }
        assert_eq!(SearchParams::parse(Some("page=0")), Err(ParamError::PageRange));
        assert_eq!(SearchParams::parse(Some("per_page=500")), Err(ParamError::PageRange));
        assert_eq!(
            SearchParams::parse(Some("page=600&per_page=20")),
            Err(ParamError::PageRange)
        );
        let msg = ParamError::Invalid {
            param: "county",
            value: "30".into(),
        }
        .message(Lang::Nb);
        assert!(msg.contains("fylke") && msg.contains("30"), "{msg}");
    }
}
