//! Finding a register language from what a person types: code, any name (nb/nn/en), endonym,
//! alias or member of a merged language, tolerating typos ("arabsik"). No index, no I/O.

use register::{Catalogue, LanguageCode};

use crate::analysis::fold;

/// How a typed language was understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageMatch {
    pub code: LanguageCode,
    /// The catalogue term that matched (folded), e.g. "farsi" or "kroatisk".
    pub matched: String,
    /// Whether the input was exactly a code or a name (no typo correction, no prefix).
    pub exact: bool,
    /// Other languages that matched about as well, for "did you mean".
    pub alternatives: Vec<LanguageCode>,
}

/// One searchable term of one language.
#[derive(Debug, Clone)]
struct Term {
    folded: String,
    code: LanguageCode,
}

/// Resolves typed language names against the catalogue.
#[derive(Debug, Clone)]
pub struct LanguageMatcher {
    terms: Vec<Term>,
}

impl LanguageMatcher {
    pub fn new(catalogue: &Catalogue) -> LanguageMatcher {
        let mut terms = Vec::new();
        for language in catalogue.languages() {
            for t in language.search_terms() {
                let folded = fold(t);
                if !folded.is_empty() {
                    terms.push(Term {
                        folded,
                        code: language.code,
                    });
                }
            }
            // The code itself, lower-cased like the input.
            terms.push(Term {
                folded: language.code.as_str().to_lowercase(),
                code: language.code,
            });
            // "tsjekkisk/slovakisk": each part of a slash-joined name on its own.
            for name in [&language.names.nb, &language.names.nn, &language.names.en] {
                if name.contains('/') {
                    for part in name.split('/') {
                        terms.push(Term {
                            folded: fold(part),
                            code: language.code,
                        });
                    }
                }
            }
        }
        LanguageMatcher { terms }
    }

    /// Resolves `input`. Exact terms win, then a unique-enough prefix, then the closest term
    /// within a small edit distance (one edit for short words, two for longer ones).
    pub fn resolve(&self, input: &str) -> Option<LanguageMatch> {
        let q = fold(input);
        if q.is_empty() {
            return None;
        }
        if let Some(t) = self.terms.iter().find(|t| t.folded == q) {
            return Some(self.found(t, true, |u| u.folded == q));
        }
        let q_len = q.chars().count();
        if q_len >= 3
            && let Some(t) = self
                .terms
                .iter()
                .filter(|t| t.folded.starts_with(&q))
                .min_by_key(|t| (t.folded.len(), t.folded.clone()))
        {
            return Some(self.found(t, false, |u| u.folded.starts_with(&q)));
        }
        let allowed = match q_len {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        if allowed == 0 {
            return None;
        }
        let best = self
            .terms
            .iter()
            .filter(|t| t.folded.chars().count().abs_diff(q_len) <= allowed)
            .map(|t| (distance(&q, &t.folded), t))
            .filter(|(d, _)| *d <= allowed)
            .min_by(|(da, a), (db, b)| da.cmp(db).then(a.folded.len().cmp(&b.folded.len())))?;
        let (d, t) = best;
        Some(self.found(t, false, |u| {
            u.folded.chars().count().abs_diff(q_len) <= d && distance(&q, &u.folded) == d
        }))
    }

    fn found(&self, term: &Term, exact: bool, also: impl Fn(&Term) -> bool) -> LanguageMatch {
        let mut alternatives: Vec<LanguageCode> = self
            .terms
            .iter()
            .filter(|t| t.code != term.code && also(t))
            .map(|t| t.code)
            .collect();
        alternatives.sort();
        alternatives.dedup();
        alternatives.truncate(5);
        LanguageMatch {
            code: term.code,
            matched: term.folded.clone(),
            exact,
            alternatives,
        }
    }

    /// Languages whose terms start like `input`, for suggestions when nothing matched.
    pub fn suggestions(&self, input: &str, catalogue: &Catalogue) -> Vec<LanguageCode> {
        let q = fold(input);
        let prefix: String = q.chars().take(2).collect();
        let mut out: Vec<LanguageCode> = if prefix.is_empty() {
            Vec::new()
        } else {
            self.terms
                .iter()
                .filter(|t| t.folded.starts_with(&prefix))
                .map(|t| t.code)
                .collect()
        };
        out.sort();
        out.dedup();
        out.retain(|c| catalogue.language(*c).is_some());
        out.truncate(6);
        out
    }
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost one.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 2 {
        return n.abs_diff(m);
    }
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(m: &LanguageMatcher, q: &str) -> Option<String> {
        m.resolve(q).map(|x| x.code.to_string())
    }

    #[test]
    fn finds_by_code_name_endonym_alias_member_and_typo() {
        let m = LanguageMatcher::new(&Catalogue::bundled());
        for (q, expected) in [
            ("ARB", "ARB"),
            ("arb", "ARB"),
            ("arabisk", "ARB"),
            ("Arabic", "ARB"),
            ("العربية", "ARB"),
            ("arabsik", "ARB"),
            ("farsi", "PES"),
            ("persisk", "PES"),
            ("dari", "PRS"),
            ("kroatisk", "HBS"),
            ("Croatian", "HBS"),
            ("slovakisk", "CES"),
            ("nordsamisk", "SME"),
            ("ukrainsk", "UKR"),
            ("somali", "SOM"),
        ] {
            assert_eq!(code(&m, q).as_deref(), Some(expected), "{q}");
        }
        assert!(m.resolve("arabsik").is_some_and(|x| !x.exact));
        assert!(m.resolve("farsi").is_some_and(|x| x.exact));
        assert_eq!(code(&m, "xq"), None);
        assert_eq!(code(&m, "zzzzzzzz"), None);
        assert_eq!(code(&m, "   "), None);
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance("arabsik", "arabisk"), 1);
        assert_eq!(distance("sorensen", "sorensen"), 0);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
