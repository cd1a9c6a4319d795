//! Register languages: the code, the kind of interpreting, names in bokmål, nynorsk and English,
//! the endonym, aliases, names shared with other languages and (for merged languages) members.
//! Reference data, no storage code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A register language code: three ASCII letters, stored upper-case (ISO 639-3 style; the
/// local-use range `Q..` for kinds with no ISO code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode([u8; 3]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» er ikke en gyldig språkkode (tre bokstaver, f.eks. ARB)")]
pub struct InvalidLanguageCode(pub String);

impl LanguageCode {
    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for LanguageCode {
    type Err = InvalidLanguageCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        match t.as_bytes() {
            [a, b, c] if t.bytes().all(|x| x.is_ascii_alphabetic()) => Ok(Self([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(InvalidLanguageCode(s.to_string())),
        }
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = InvalidLanguageCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<LanguageCode> for String {
    fn from(c: LanguageCode) -> String {
        c.as_str().to_string()
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of interpreting a register language stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum LanguageKind {
    Spoken,
    Sign,
    SpeechToText,
    Deafblind,
}

impl LanguageKind {
    pub const ALL: [LanguageKind; 4] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// State authorisation exists only for spoken languages, so only they can reach A and C.
    pub fn has_state_authorisation(self) -> bool {
        self == Self::Spoken
    }
}

/// A name in the three languages of the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub nb: String,
    pub nn: String,
    pub en: String,
}

/// One member of a merged language (e.g. Croatian in HBS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub names: Names,
    pub endonym: String,
}

/// A register language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    pub code: LanguageCode,
    pub kind: LanguageKind,
    pub names: Names,
    pub endonym: String,
    pub aliases: Vec<String>,
    /// Names this language shares with other register languages, so that a search for one of
    /// them never picks a language silently: "kurdisk" (Sorani and Kurmanji/Badini), "samisk"
    /// (North, Lule and South Sami), "kinesisk", and "persisk" for Dari (Persian's own name) and
    /// "dari" for Persian. Not among [`Language::search_terms`], which are this language's alone.
    #[serde(default)]
    pub shared_names: Vec<String>,
    pub members: Vec<Member>,
}

impl Language {
    /// Every string a user might type for this language: code, names, endonym, aliases and
    /// the members' names.
    pub fn search_terms(&self) -> Vec<&str> {
        let mut terms = vec![
            self.code.as_str(),
            &self.names.nb,
            &self.names.nn,
            &self.names.en,
            &self.endonym,
        ];
        terms.extend(self.aliases.iter().map(String::as_str));
        for m in &self.members {
            terms.extend([m.names.nb.as_str(), &m.names.nn, &m.names.en, &m.endonym]);
        }
        terms
    }

    pub fn is_merged(&self) -> bool {
        !self.members.is_empty()
    }

    /// The language's own names: the code and the names in bokmål, nynorsk and English (not
    /// aliases). A shared name that is one language's own name ("persisk") means that language
    /// first.
    pub fn own_names(&self) -> [&str; 4] {
        [self.code.as_str(), &self.names.nb, &self.names.nn, &self.names.en]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_three_letters_normalised_to_upper_case() {
        assert_eq!("arb".parse::<LanguageCode>().unwrap().as_str(), "ARB");
        assert_eq!(" Pes ".parse::<LanguageCode>().unwrap().to_string(), "PES");
        for bad in ["", "AR", "ARAB", "A1B", "æøå", "a b"] {
            assert!(bad.parse::<LanguageCode>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn only_spoken_languages_have_state_authorisation() {
        assert!(LanguageKind::Spoken.has_state_authorisation());
        for k in [LanguageKind::Sign, LanguageKind::SpeechToText, LanguageKind::Deafblind] {
            assert!(!k.has_state_authorisation());
        }
    }
}
