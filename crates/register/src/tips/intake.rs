//! The intake of a tip: how it came (`Channel`), whom it is about (`Subject`), the new tip as
//! received (`NewTip`, with every check that needs no storage) and the intake as stored.
//! Pure; no storage, no clock.

use serde::{Deserialize, Serialize};
use time::Date;

use super::error::TipError;
use super::grounds::Grounds;
use super::reporter::{Reporter, ReporterRole};
use crate::interpreter_number::InterpreterNumber;
use crate::timestamp::Timestamp;

/// How a tip reached IMDi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Channel {
    WebForm,
    Email,
    Post,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Who a tip is about: a registered interpreter, or a description when the reporter does not
/// know the interpreter number (staff may identify the interpreter later by a new tip).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "subject", rename_all = "snake_case")]
pub enum Subject {
    Interpreter { number: InterpreterNumber },
    Unknown { description: String },
}

impl Subject {
    pub fn number(&self) -> Option<InterpreterNumber> {
        match self {
            Subject::Interpreter { number } => Some(*number),
            Subject::Unknown { .. } => None,
        }
    }
}

/// A tip as received, before it has a case number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTip {
    pub received_on: Date,
    pub channel: Channel,
    pub subject: Subject,
    pub assignment_on: Option<Date>,
    pub assignment_place: String,
    pub grounds: Grounds,
    /// What happened, in the reporter's words.
    pub account: String,
    pub reporter: Reporter,
    /// `public:web` for the form, otherwise the staff member who registered it.
    pub received_by: String,
}

/// The longest account accepted (the public form's size limit).
pub const MAX_ACCOUNT: usize = 20_000;
const MAX_SHORT: usize = 300;

impl NewTip {
    /// Checks everything that can be checked without storage; every problem at once, per field.
    pub fn check(&self, today: Date) -> Result<(), TipError> {
        let mut errors: Vec<(String, String)> = Vec::new();
        let mut err = |f: &str, m: &str| errors.push((f.into(), m.into()));
        let account = self.account.trim().chars().count();
        if account == 0 {
            err("account", "beskriv hva som skjedde");
        } else if account > MAX_ACCOUNT {
            err("account", "beskrivelsen er for lang (høyst 20 000 tegn)");
        }
        if self.assignment_place.chars().count() > MAX_SHORT {
            err("assignment_place", "stedet kan ha høyst 300 tegn");
        }
        if self.assignment_on.is_some_and(|d| d > today) {
            err("assignment_on", "oppdraget kan ikke ligge fram i tid");
        }
        if self.received_on > today {
            err("received_on", "mottaksdatoen kan ikke ligge fram i tid");
        }
        if let Subject::Unknown { description } = &self.subject {
            let n = description.trim().chars().count();
            if n == 0 {
                err("subject", "oppgi tolkenummer eller beskriv hvem tolken var");
            } else if n > MAX_SHORT {
                err("subject", "beskrivelsen av tolken kan ha høyst 300 tegn");
            }
        }
        if self.received_by.trim().is_empty() {
            err("received_by", "hvem som registrerte varselet må oppgis");
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(TipError::Invalid(errors))
        }
    }
}

/// The intake of a case as stored: what the tip said, without the reporter's contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Intake {
    pub received_on: Date,
    pub received_at: Timestamp,
    pub received_by: String,
    pub channel: Channel,
    pub subject: Subject,
    pub assignment_on: Option<Date>,
    pub assignment_place: String,
    pub grounds: Grounds,
    pub account: String,
    pub reporter_role: Option<ReporterRole>,
    pub anonymous: bool,
}

/// The case reference staff and letters use, `VAR-2024-00042`.
pub fn reference(received_on: Date, id: i64) -> String {
    format!("VAR-{}-{id:05}", received_on.year())
}
