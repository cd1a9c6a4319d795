//! The qualification category (A–E) of an entry, derived from the interpreter's qualifications
//! and licences in that language. Pure functions only: the category is never typed in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::language::{LanguageCode, LanguageKind};
use crate::licence::{Licence, LicenceStatus};
use crate::qualification::{Qualification, QualificationKind};

/// Qualification category; `A` is the highest. `Ord` follows quality: `A > B > … > E`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::IntoStaticStr, strum::VariantArray,
)]
pub enum Category {
    A,
    B,
    C,
    D,
    E,
}

impl Category {
    pub const ALL: [Category; 5] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    fn rank(self) -> u8 {
        match self {
            Self::A => 5,
            Self::B => 4,
            Self::C => 3,
            Self::D => 2,
            Self::E => 1,
        }
    }

    /// Whether this category is at least as high as `minimum`.
    pub fn meets(self, minimum: Category) -> bool {
        self >= minimum
    }

    /// Legacy categories 1–5 (before 2020) map roughly onto today's; where the old category is
    /// ambiguous this returns the lower candidate, to be raised by the imported qualifications.
    pub fn from_legacy(legacy: u8) -> Option<Category> {
        match legacy {
            1 => Some(Self::B),
            2 => Some(Self::C),
            3 => Some(Self::D),
            4 | 5 => Some(Self::E),
            _ => None,
        }
    }
}

impl PartialOrd for Category {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Category {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» er ikke en kvalifikasjonskategori (A–E)")]
pub struct InvalidCategory(pub String);

impl FromStr for Category {
    type Err = InvalidCategory;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "A" | "a" => Ok(Self::A),
            "B" | "b" => Ok(Self::B),
            "C" | "c" => Ok(Self::C),
            "D" | "d" => Ok(Self::D),
            "E" | "e" => Ok(Self::E),
            _ => Err(InvalidCategory(s.to_string())),
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an interpreter holds in one language, as far as the category rule cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// An active state authorisation, or an approved foreign equivalent.
    pub authorisation: bool,
    pub bachelor: bool,
    pub foundation_course: bool,
    pub sign_language_training: bool,
    pub bilingual_test: bool,
    pub tao_course: bool,
    pub authorised_translator: bool,
}

impl Facts {
    /// Collects the facts for `language` from qualifications and licences currently in force.
    /// Revoked and temporarily revoked licences do not count.
    pub fn collect(language: LanguageCode, qualifications: &[Qualification], licences: &[Licence]) -> Facts {
        let mut facts = Facts {
            authorisation: licences
                .iter()
                .any(|l| l.language == language && l.status == LicenceStatus::Active),
            ..Facts::default()
        };
        for q in qualifications {
            let applies = match q.language {
                Some(l) => l == language,
                None => !q.kind.is_language_specific(),
            };
            if !applies {
                continue;
            }
            match q.kind {
                QualificationKind::Bachelor => facts.bachelor = true,
                QualificationKind::FoundationCourse => facts.foundation_course = true,
                QualificationKind::BilingualTest => facts.bilingual_test = true,
                QualificationKind::TaoCourse => facts.tao_course = true,
                QualificationKind::AuthorisedTranslator => facts.authorised_translator = true,
                QualificationKind::SignLanguageTraining => facts.sign_language_training = true,
                QualificationKind::Authorisation => facts.authorisation = true,
            }
        }
        facts
    }
}

/// Derives the category for one language from the facts; the highest matching rule wins.
///
/// Only spoken languages have state authorisation, so for sign language, speech-to-text and
/// deafblind interpreting an authorisation is ignored and B is the top. Their D is the
/// sign-language interpreter training from before the bachelor; for spoken languages it is the
/// foundation course.
pub fn derive(kind: LanguageKind, facts: &Facts) -> Option<Category> {
    let authorised = facts.authorisation && kind.has_state_authorisation();
    let d_basis = if kind == LanguageKind::Spoken {
        facts.foundation_course
    } else {
        facts.sign_language_training
    };
    if authorised && facts.bachelor {
        Some(Category::A)
    } else if facts.bachelor || (authorised && facts.foundation_course) {
        Some(Category::B)
    } else if authorised {
        Some(Category::C)
    } else if d_basis {
        Some(Category::D)
    } else if facts.tao_course && (facts.bilingual_test || facts.authorised_translator) {
        Some(Category::E)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LanguageKind::*;
    use time::macros::date;

    /// Facts from a compact spec: a=authorisation, b=bachelor, f=foundation, s=sign training,
    /// t=bilingual test, o=TAO, r=authorised translator.
    fn facts(spec: &str) -> Facts {
        Facts {
            authorisation: spec.contains('a'),
            bachelor: spec.contains('b'),
            foundation_course: spec.contains('f'),
            sign_language_training: spec.contains('s'),
            bilingual_test: spec.contains('t'),
            tao_course: spec.contains('o'),
            authorised_translator: spec.contains('r'),
        }
    }

    #[test]
    fn spoken_language_rules_and_precedence() {
        let table: &[(&str, Option<Category>)] = &[
            ("", None),
            ("ab", Some(Category::A)),
            ("abfto", Some(Category::A)),
            ("b", Some(Category::B)),
            ("bf", Some(Category::B)),
            ("af", Some(Category::B)),
            ("afto", Some(Category::B)),
            ("a", Some(Category::C)),
            ("ato", Some(Category::C)),
            ("f", Some(Category::D)),
            ("fto", Some(Category::D)),
            ("to", Some(Category::E)),
            ("ro", Some(Category::E)),
            ("tro", Some(Category::E)),
            ("t", None),
            ("o", None),
            ("r", None),
            ("tr", None),
            // Sign-language training means nothing for a spoken language.
            ("s", None),
            ("so", None),
        ];
        for (spec, expected) in table {
            assert_eq!(derive(Spoken, &facts(spec)), *expected, "spoken {spec:?}");
        }
    }

    #[test]
    fn sign_language_kinds_top_out_at_b_and_ignore_authorisation() {
        let table: &[(&str, Option<Category>)] = &[
            ("ab", Some(Category::B)),
            ("b", Some(Category::B)),
            ("a", None),
            ("af", None),
            ("s", Some(Category::D)),
            ("as", Some(Category::D)),
            ("f", None),
            ("to", Some(Category::E)),
            ("", None),
        ];
        for kind in [Sign, SpeechToText, Deafblind] {
            for (spec, expected) in table {
                assert_eq!(derive(kind, &facts(spec)), *expected, "{kind:?} {spec:?}");
            }
        }
    }

    fn qual(kind: QualificationKind, language: Option<&str>) -> Qualification {
        Qualification {
            no: 1,
            kind,
            language: language.map(|l| l.parse().unwrap()),
            completed_on: date!(2021 - 01 - 01),
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "DOC".into(),
        }
    }

    fn licence(language: &str, status: LicenceStatus) -> Licence {
        Licence {
            no: 1,
            language: language.parse().unwrap(),
            granted_on: date!(2019 - 05 - 01),
            decision_ref: "23/00001".into(),
            status,
        }
    }

    #[test]
    fn facts_are_per_language_except_tao() {
        let arb: LanguageCode = "ARB".parse().unwrap();
        let quals = [
            qual(QualificationKind::Bachelor, Some("PES")),
            qual(QualificationKind::BilingualTest, Some("ARB")),
            qual(QualificationKind::TaoCourse, None),
        ];
        let f = Facts::collect(arb, &quals, &[licence("PES", LicenceStatus::Active)]);
        assert_eq!(f, facts("to"));
        assert_eq!(derive(Spoken, &f), Some(Category::E));
    }

    #[test]
    fn a_revoked_licence_lowers_or_removes_the_category() {
        let ara: LanguageCode = "ARB".parse().unwrap();
        let bachelor = [qual(QualificationKind::Bachelor, Some("ARB"))];
        for (status, with_bachelor, without) in [
            (LicenceStatus::Active, Some(Category::A), Some(Category::C)),
            (LicenceStatus::TemporarilyRevoked, Some(Category::B), None),
            (LicenceStatus::Revoked, Some(Category::B), None),
        ] {
            let lic = [licence("ARB", status)];
            assert_eq!(
                derive(Spoken, &Facts::collect(ara, &bachelor, &lic)),
                with_bachelor,
                "{status:?}"
            );
            assert_eq!(derive(Spoken, &Facts::collect(ara, &[], &lic)), without, "{status:?}");
        }
    }

    #[test]
    fn approved_foreign_authorisation_counts_as_authorisation() {
        let arb: LanguageCode = "ARB".parse().unwrap();
        let mut q = qual(QualificationKind::Authorisation, Some("ARB"));
        q.foreign_approval = Some("UTL-1".into());
        assert_eq!(derive(Spoken, &Facts::collect(arb, &[q], &[])), Some(Category::C));
    }

    #[test]
    fn ordering_and_minimum() {
        assert!(Category::A > Category::B && Category::D > Category::E);
        assert!(Category::B.meets(Category::C));
        assert!(!Category::D.meets(Category::C));
        assert_eq!("c".parse::<Category>().unwrap(), Category::C);
        assert!("F".parse::<Category>().is_err());
        assert_eq!(Category::from_legacy(2), Some(Category::C));
        assert_eq!(Category::from_legacy(6), None);
    }
}
