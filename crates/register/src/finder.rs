//! Finding a person in the register for staff: by a partial or misspelt name, an interpreter
//! number, an e-mail address or a phone number, over every interpreter (listed or not), with
//! filters by language, category, entry status and county. Public search has its own index;
//! staff need people who are not listed too, and a register of a few thousand is searched in
//! memory in well under a millisecond per hundred records.
//!
//! Names are compared word by word after folding case and diacritics (Sørensen, SØRENSEN and
//! Sorensen are one word): each word of the query must meet a word of the name exactly, as its
//! beginning, or within one typo (two for long words), a swap of neighbours counting as one, so
//! "Qasm" finds Qasim and "Haddda" finds Haddad.

use crate::record::InterpreterRecord;
use crate::{Category, CountyCode, LanguageCode};

/// What staff asked for. Empty parts do not restrict.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonQuery {
    /// Name words, an e-mail address or a phone number.
    pub text: String,
    pub language: Option<LanguageCode>,
    pub category: Option<Category>,
    /// An entry status as stored (`active`, `suspended`, `withdrawn` …).
    pub status: Option<String>,
    pub county: Option<CountyCode>,
}

/// How well a record matched: higher is better.
pub type Score = u32;

/// The words of `text`, lower-cased and folded to ASCII.
fn folded_words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How well query word `q` meets name word `w`: exact 4, beginning 2, near miss 1.
fn word_score(q: &str, w: &str) -> Option<Score> {
    if q == w {
        return Some(4);
    }
    if q.len() >= 2 && w.starts_with(q) {
        return Some(2);
    }
    let typos = match q.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    (typos > 0 && strsim::osa_distance(q, w) <= typos).then_some(1)
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// How `record` matches the text of the query, if it does. An e-mail address (holding `@`) is
/// matched as a part of the address; five digits or more as a part of the phone number; anything
/// else as name words.
fn text_score(record: &InterpreterRecord, text: &str) -> Option<Score> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    let p = &record.profile;
    if text.contains('@') {
        return p.email.to_lowercase().contains(&text.to_lowercase()).then_some(4);
    }
    let number = digits(text);
    if number.len() >= 5 && number.len() == text.chars().filter(|c| !c.is_whitespace() && *c != '+').count() {
        return digits(&p.phone).contains(&number).then_some(4);
    }
    let name = format!(
        "{} {} {}",
        p.given_name,
        p.preferred_name.as_deref().unwrap_or(""),
        p.family_name
    );
    let name_words = folded_words(&name);
    folded_words(text).iter().try_fold(0, |total, q| {
        let best = name_words.iter().filter_map(|w| word_score(q, w)).max()?;
        Some(total + best)
    })
}

/// Whether `record` passes the query's filters: an entry in the language, at least the
/// category, in the status (all three on the same entry when given together), and the county.
fn passes_filters(record: &InterpreterRecord, q: &PersonQuery) -> bool {
    if q.county.is_some_and(|c| record.profile.county != c) {
        return false;
    }
    if q.language.is_none() && q.category.is_none() && q.status.is_none() {
        return true;
    }
    record.entries.iter().any(|e| {
        q.language.is_none_or(|l| e.language == l)
            && q.category.is_none_or(|c| e.category.is_some_and(|have| have.meets(c)))
            && q.status.as_deref().is_none_or(|s| e.status.as_str() == s)
    })
}

/// The records matching `q`, best first (then by name), at most `limit`.
pub fn find<'a>(records: &'a [InterpreterRecord], q: &PersonQuery, limit: usize) -> Vec<&'a InterpreterRecord> {
    let mut hits: Vec<(Score, &InterpreterRecord)> = records
        .iter()
        .filter(|r| passes_filters(r, q))
        .filter_map(|r| text_score(r, &q.text).map(|s| (s, r)))
        .collect();
    hits.sort_by(|(a, ra), (b, rb)| {
        b.cmp(a)
            .then_with(|| ra.profile.family_name.cmp(&rb.profile.family_name))
            .then_with(|| ra.profile.given_name.cmp(&rb.profile.given_name))
            .then_with(|| ra.number.cmp(&rb.number))
    });
    hits.into_iter().take(limit).map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_words_meet_exactly_as_a_beginning_or_within_a_typo() {
        assert_eq!(word_score("qasim", "qasim"), Some(4));
        assert_eq!(word_score("qas", "qasim"), Some(2));
        assert_eq!(word_score("qasm", "qasim"), Some(1), "one letter left out");
        assert_eq!(word_score("haddda", "haddad"), Some(1), "two neighbours swapped");
        assert_eq!(word_score("abc", "abd"), None, "short words allow no typo");
        assert_eq!(word_score("nordmnan", "nordmann"), Some(1));
        assert_eq!(word_score("hansen", "jensen"), None, "two typos in a six-letter word");
        assert_eq!(
            folded_words("Bjørnstad-Ødegård, SØREN"),
            ["bjornstad", "odegard", "soren"]
        );
    }
}
