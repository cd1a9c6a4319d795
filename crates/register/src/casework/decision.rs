//! Formal decisions (enkeltvedtak): kind, reasons, legal basis, appeal deadline and the letter's
//! language, and the register command a decision carries. Pure data and checks; no storage.

use serde::{Deserialize, Serialize};
use time::Date;

use super::error::CaseworkError;
use crate::command::Command;
use crate::interpreter_number::InterpreterNumber;
use crate::language::LanguageCode;
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum DecisionKind {
    /// Listing in the register for one language.
    ApproveEntry,
    /// Refusal of an application for listing.
    RefuseEntry,
    /// Removal from the register (one language or all) at the interpreter's request.
    Withdraw,
    /// Approval of a foreign qualification as its Norwegian equivalent.
    ApproveForeign,
    /// Refusal of a foreign qualification.
    RefuseForeign,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 5] = crate::string_enum::all();

    /// The kinds made directly on an interpreter (foreign ones come from their case).
    pub const ON_INTERPRETER: [DecisionKind; 3] = [Self::ApproveEntry, Self::RefuseEntry, Self::Withdraw];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the decision names one language (withdrawal may cover all).
    pub fn needs_language(self) -> bool {
        self != Self::Withdraw
    }

    /// The legal basis suggested for the kind; staff may change it per decision.
    pub fn default_legal_basis(self) -> &'static str {
        match self {
            Self::ApproveEntry | Self::RefuseEntry => "tolkeloven § 17, jf. § 7 tredje ledd og tolkeforskriften § 11",
            Self::Withdraw => "tolkeloven § 17",
            Self::ApproveForeign | Self::RefuseForeign => {
                "yrkeskvalifikasjonsloven, jf. tolkeloven § 17 og tolkeforskriften § 11"
            }
        }
    }
}

/// The language of the decision letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
pub enum LetterLanguage {
    #[serde(rename = "nb")]
    #[strum(serialize = "nb")]
    Bokmal,
    #[serde(rename = "nn")]
    #[strum(serialize = "nn")]
    Nynorsk,
}

impl LetterLanguage {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A decision about to be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDecision {
    pub number: InterpreterNumber,
    pub kind: DecisionKind,
    pub language: Option<LanguageCode>,
    /// The case the decision closes (e.g. a foreign-qualification case), if any.
    pub case_ref: Option<String>,
    pub reasons: String,
    pub legal_basis: String,
    pub decided_on: Date,
    pub letter_language: LetterLanguage,
    /// e.g. `staff:kari`.
    pub decided_by: String,
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub id: i64,
    pub number: InterpreterNumber,
    pub kind: DecisionKind,
    pub language: Option<LanguageCode>,
    pub case_ref: Option<String>,
    pub reasons: String,
    pub legal_basis: String,
    pub decided_on: Date,
    pub appeal_deadline: Date,
    pub letter_language: LetterLanguage,
    pub decided_by: String,
    pub recorded_at: Timestamp,
}

impl Decision {
    /// The reference printed on the letter, e.g. `VED-2024-00012`.
    pub fn reference(&self) -> String {
        reference(self.decided_on, self.id)
    }
}

pub fn reference(decided_on: Date, id: i64) -> String {
    format!("VED-{}-{id:05}", decided_on.year())
}

/// The longest reasons or legal basis accepted.
const MAX_TEXT: usize = 10_000;

impl NewDecision {
    /// Checks that the decision is complete enough to be made and sent.
    pub fn check(&self, today: Date) -> Result<(), CaseworkError> {
        let mut errors = Vec::new();
        if self.reasons.trim().is_empty() {
            errors.push(("reasons".into(), "vedtaket må begrunnes".into()));
        } else if self.reasons.len() > MAX_TEXT {
            errors.push(("reasons".into(), "begrunnelsen er for lang".into()));
        }
        if self.legal_basis.trim().is_empty() {
            errors.push(("legal_basis".into(), "hjemmel må oppgis".into()));
        } else if self.legal_basis.len() > 500 {
            errors.push(("legal_basis".into(), "hjemmelen er for lang".into()));
        }
        if self.kind.needs_language() && self.language.is_none() {
            errors.push(("language".into(), "vedtaket må gjelde et språk".into()));
        }
        if self.decided_on > today {
            errors.push(("decided_on".into(), "vedtaksdatoen kan ikke ligge fram i tid".into()));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CaseworkError::Invalid(errors))
        }
    }

    /// The register change the decision makes, if any (refusals change nothing).
    pub fn register_command(&self) -> Option<Command> {
        match (self.kind, self.language) {
            (DecisionKind::ApproveEntry, Some(language)) => Some(Command::ApproveEntry { language }),
            (DecisionKind::Withdraw, language) => Some(Command::Withdraw { language }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn new(kind: DecisionKind, language: Option<&str>) -> NewDecision {
        NewDecision {
            number: "10001".parse().unwrap(),
            kind,
            language: language.map(|l| l.parse().unwrap()),
            case_ref: None,
            reasons: "Vilkårene er oppfylt.".into(),
            legal_basis: kind.default_legal_basis().into(),
            decided_on: date!(2024 - 03 - 05),
            letter_language: LetterLanguage::Nynorsk,
            decided_by: "staff:kari".into(),
        }
    }

    #[test]
    fn decisions_need_reasons_basis_language_and_a_date_not_in_the_future() {
        let today = date!(2024 - 03 - 05);
        assert!(new(DecisionKind::ApproveEntry, Some("ARB")).check(today).is_ok());
        assert!(new(DecisionKind::Withdraw, None).check(today).is_ok());
        let mut bad = new(DecisionKind::RefuseEntry, None);
        bad.reasons = " ".into();
        bad.legal_basis = String::new();
        bad.decided_on = date!(2024 - 03 - 06);
        let Err(CaseworkError::Invalid(errors)) = bad.check(today) else {
            panic!("accepted")
        };
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["reasons", "legal_basis", "language", "decided_on"]);
    }

    #[test]
    fn only_approval_and_withdrawal_change_the_register() {
        let arb: LanguageCode = "ARB".parse().unwrap();
        assert_eq!(
            new(DecisionKind::ApproveEntry, Some("ARB")).register_command(),
            Some(Command::ApproveEntry { language: arb })
        );
        assert_eq!(
            new(DecisionKind::Withdraw, None).register_command(),
            Some(Command::Withdraw { language: None })
        );
        for kind in [
            DecisionKind::RefuseEntry,
            DecisionKind::ApproveForeign,
            DecisionKind::RefuseForeign,
        ] {
            assert_eq!(new(kind, Some("ARB")).register_command(), None, "{kind:?}");
        }
    }

    #[test]
    fn names_round_trip_and_references_carry_the_year() {
        for k in DecisionKind::ALL {
            assert_eq!(k.as_str().parse::<DecisionKind>().unwrap(), k);
        }
        assert_eq!(reference(date!(2024 - 03 - 05), 12), "VED-2024-00012");
        assert_eq!("nn".parse::<LetterLanguage>().unwrap(), LetterLanguage::Nynorsk);
        assert!("en".parse::<LetterLanguage>().is_err());
    }
}
