//! Qualifications an interpreter holds (degrees, courses, tests, translator credentials), each
//! with evidence; foreign ones count once IMDi has approved their Norwegian equivalent.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::language::LanguageCode;

/// What a qualification is. Foreign qualifications are recorded as their approved Norwegian
/// equivalent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum QualificationKind {
    /// 180-credit interpreting degree (sign language: sign language and interpreting).
    Bachelor,
    /// 30 credits "interpreting in the public sector" (grunnemne).
    FoundationCourse,
    /// Tospråktesten (formerly ToSPoT), per language.
    BilingualTest,
    /// Tolkens ansvarsområde: ethics and role; not language-specific.
    TaoCourse,
    /// Statsautorisert translatør / fagoversetter.
    AuthorisedTranslator,
    /// Sign-language interpreter training from before the sign-language bachelor.
    SignLanguageTraining,
    /// A foreign qualification approved as equivalent to the state authorisation. Norwegian
    /// authorisations are licences, never qualifications.
    Authorisation,
}

impl QualificationKind {
    pub const ALL: [QualificationKind; 7] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Only TAO is independent of language.
    pub fn is_language_specific(self) -> bool {
        self != Self::TaoCourse
    }
}

/// A qualification as recorded in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Qualification {
    /// Number within the interpreter's record (1, 2, …).
    pub no: i32,
    pub kind: QualificationKind,
    pub language: Option<LanguageCode>,
    pub completed_on: Date,
    /// The institution that awarded it (Norwegian or foreign).
    pub institution: String,
    /// The reference of IMDi's approval when the qualification is foreign.
    pub foreign_approval: Option<String>,
    /// Where the evidence is kept (archive or document reference). Never public.
    pub evidence_ref: String,
}

/// A qualification to record, before it has a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewQualification {
    pub kind: QualificationKind,
    pub language: Option<LanguageCode>,
    pub completed_on: Date,
    pub institution: String,
    pub foreign_approval: Option<String>,
    pub evidence_ref: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidQualification {
    #[error("kvalifikasjonen gjelder et bestemt språk, men språk mangler")]
    LanguageMissing,
    #[error("TAO gjelder ikke ett bestemt språk; språk skal ikke oppgis")]
    LanguageNotAllowed,
    #[error(
        "autorisasjon kan bare registreres som godkjent utenlandsk kvalifikasjon; norske autorisasjoner er bevillinger"
    )]
    AuthorisationNeedsForeignApproval,
    #[error("dokumentasjonsreferanse mangler")]
    EvidenceMissing,
}

impl NewQualification {
    /// Checks the rules that make a qualification meaningful before it is numbered.
    pub fn validate(&self) -> Result<(), InvalidQualification> {
        match (self.kind.is_language_specific(), self.language) {
            (true, None) => return Err(InvalidQualification::LanguageMissing),
            (false, Some(_)) => return Err(InvalidQualification::LanguageNotAllowed),
            _ => {}
        }
        if self.kind == QualificationKind::Authorisation && self.foreign_approval.is_none() {
            return Err(InvalidQualification::AuthorisationNeedsForeignApproval);
        }
        if self.evidence_ref.trim().is_empty() {
            return Err(InvalidQualification::EvidenceMissing);
        }
        Ok(())
    }

    pub fn numbered(self, no: i32) -> Qualification {
        Qualification {
            no,
            kind: self.kind,
            language: self.language,
            completed_on: self.completed_on,
            institution: self.institution,
            foreign_approval: self.foreign_approval,
            evidence_ref: self.evidence_ref,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn new(kind: QualificationKind, language: Option<&str>) -> NewQualification {
        NewQualification {
            kind,
            language: language.map(|l| l.parse().unwrap()),
            completed_on: date!(2020 - 06 - 01),
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "DOC-1".into(),
        }
    }

    #[test]
    fn language_is_required_except_for_tao() {
        assert_eq!(
            new(QualificationKind::Bachelor, None).validate(),
            Err(InvalidQualification::LanguageMissing)
        );
        assert_eq!(
            new(QualificationKind::TaoCourse, Some("ARB")).validate(),
            Err(InvalidQualification::LanguageNotAllowed)
        );
        assert_eq!(new(QualificationKind::TaoCourse, None).validate(), Ok(()));
        assert_eq!(new(QualificationKind::BilingualTest, Some("ARB")).validate(), Ok(()));
    }

    #[test]
    fn authorisation_only_as_foreign_equivalent_and_evidence_required() {
        let mut q = new(QualificationKind::Authorisation, Some("ARB"));
        assert_eq!(
            q.validate(),
            Err(InvalidQualification::AuthorisationNeedsForeignApproval)
        );
        q.foreign_approval = Some("UTL-2023-4".into());
        assert_eq!(q.validate(), Ok(()));
        q.evidence_ref = "  ".into();
        assert_eq!(q.validate(), Err(InvalidQualification::EvidenceMissing));
    }
}
