//! Finding a register language from what a person types: code, any name (nb/nn/en), endonym,
//! alias or member of a merged language, tolerating typos ("arabsik"). A name several languages
//! share ("kurdisk") is never settled silently: the match names them all. No index, no I/O.

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
    /// When the matched term is a name several register languages share (the catalogue's
    /// `shared_names`): all of them in code order, `code` among them. Empty otherwise.
    pub shared_by: Vec<LanguageCode>,
    /// Whether the shared term is `code`'s own name ("persisk" for Persian, which Dari shares):
    /// then `code` alone is searched and the others are offered. Otherwise all are searched.
    pub own_name: bool,
}

impl LanguageMatch {
    /// Whether the term may mean more than one register language.
    pub fn is_shared(&self) -> bool {
        self.shared_by.len() > 1
    }

    /// The languages to search: `code`, or every language sharing a term that is none of
    /// theirs alone ("kurdisk": Sorani and Kurmanji/Badini).
    pub fn codes(&self) -> Vec<LanguageCode> {
        if self.is_shared() && !self.own_name {
            self.shared_by.clone()
        } else {
            vec![self.code]
        }
    }

    /// The languages the term may also mean that are not searched, to offer on the page.
    pub fn others(&self) -> Vec<LanguageCode> {
        let searched = self.codes();
        self.shared_by
            .iter()
            .copied()
            .filter(|c| !searched.contains(c))
            .collect()
    }
}

/// One searchable term of one language.
#[derive(Debug, Clone)]
struct Term {
    folded: String,
    code: LanguageCode,
    /// From `shared_names`: the term may also mean other languages.
    shared: bool,
    /// The code or a name in nb/nn/en of `code`.
    own: bool,
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
            let code = language.code;
            let own: Vec<String> = language.own_names().iter().map(|n| fold(n)).collect();
            let term = |folded: String, shared: bool| Term {
                own: own.contains(&folded),
                folded,
                code,
                shared,
            };
            for t in language.search_terms() {
                let folded = fold(t);
                if !folded.is_empty() {
                    terms.push(term(folded, false));
                }
            }
            for t in &language.shared_names {
                let folded = fold(t);
                if !folded.is_empty() {
                    terms.push(term(folded, true));
                }
            }
            // The code itself, lower-cased like the input.
            terms.push(Term {
                own: true,
                ..term(code.as_str().to_lowercase(), false)
            });
            // "tsjekkisk/slovakisk": each part of a slash-joined name on its own.
            for name in [&language.names.nb, &language.names.nn, &language.names.en] {
                if name.contains('/') {
                    for part in name.split('/') {
                        terms.push(term(fold(part), false));
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
        // Every language holding the matched term; more than one only for shared names.
        let same: Vec<&Term> = self.terms.iter().filter(|t| t.folded == term.folded).collect();
        let mut shared_by: Vec<LanguageCode> = same.iter().map(|t| t.code).collect();
        shared_by.sort();
        shared_by.dedup();
        let owner = same.iter().find(|t| t.own && !t.shared).map(|t| t.code);
        let code = if shared_by.len() > 1 {
            owner.unwrap_or(shared_by[0])
        } else {
            term.code
        };
        if shared_by.len() < 2 {
            shared_by.clear();
        }
        let mut alternatives: Vec<LanguageCode> = self
            .terms
            .iter()
            .filter(|t| t.code != code && !shared_by.contains(&t.code) && also(t))
            .map(|t| t.code)
            .collect();
        alternatives.sort();
        alternatives.dedup();
        alternatives.truncate(5);
        LanguageMatch {
            code,
            matched: term.folded.clone(),
            exact,
            alternatives,
            own_name: owner.is_some() && !shared_by.is_empty(),
            shared_by,
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

    fn codes(list: &[LanguageCode]) -> Vec<String> {
        list.iter().map(LanguageCode::to_string).collect()
    }

    #[test]
    fn shared_names_offer_every_language_they_may_mean() {
        let m = LanguageMatcher::new(&Catalogue::bundled());
        // A name no language has as its own: all of them are searched.
        for (q, all) in [
            ("kurdisk", &["CKB", "KMR"][..]),
            ("Kurdish", &["CKB", "KMR"]),
            ("kurdsik", &["CKB", "KMR"]),
            ("samisk", &["SMA", "SME", "SMJ"]),
            ("kinesisk", &["CMN", "YUE"]),
            ("chin", &["CNH", "CTD"]),
            ("farsi", &["PES", "PRS"]),
        ] {
            let found = m.resolve(q).unwrap_or_else(|| panic!("{q} not found"));
            assert!(found.is_shared() && !found.own_name, "{q}: {found:?}");
            assert_eq!(codes(&found.shared_by), all, "{q}");
            assert_eq!(codes(&found.codes()), all, "{q}");
            assert!(found.others().is_empty(), "{q}");
        }
        // A shared name that is one language's own: that language, the others offered.
        for (q, searched, offered) in [
            ("persisk", "PES", "PRS"),
            ("Persian", "PES", "PRS"),
            ("dari", "PRS", "PES"),
        ] {
            let found = m.resolve(q).unwrap();
            assert!(found.is_shared() && found.own_name, "{q}: {found:?}");
            assert_eq!(codes(&found.codes()), [searched], "{q}");
            assert_eq!(codes(&found.others()), [offered], "{q}");
        }
        // Names of one language are not shared.
        for q in [
            "sorani",
            "kurmanji",
            "nordsamisk",
            "mandarin",
            "arabisk",
            "arabsik",
            "kroatisk",
        ] {
            let found = m.resolve(q).unwrap();
            assert!(!found.is_shared() && found.shared_by.is_empty(), "{q}: {found:?}");
            assert_eq!(found.codes(), [found.code], "{q}");
        }
    }

    #[test]
    fn no_term_means_two_languages_unless_the_catalogue_says_it_is_shared() {
        let m = LanguageMatcher::new(&Catalogue::bundled());
        for t in &m.terms {
            let plain: Vec<LanguageCode> = m
                .terms
                .iter()
                .filter(|u| u.folded == t.folded && !u.shared)
                .map(|u| u.code)
                .collect();
            assert!(
                plain.iter().all(|c| *c == plain[0]) || plain.is_empty(),
                "«{}» means {plain:?} silently",
                t.folded
            );
        }
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance("arabsik", "arabisk"), 1);
        assert_eq!(distance("sorensen", "sorensen"), 0);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
