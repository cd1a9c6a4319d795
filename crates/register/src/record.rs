//! An interpreter's whole record: profile, qualifications, licences, authorisation-test results
//! and entries, as it stands at one moment. The unit every rule works on; no storage code.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::category::Category;
use crate::entry_status::EntryStatus;
use crate::interpreter::Profile;
use crate::interpreter_number::InterpreterNumber;
use crate::language::{LanguageCode, LanguageKind};
use crate::licence::Licence;
use crate::qualification::Qualification;

/// An interpreter listed for one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub language: LanguageCode,
    pub kind: LanguageKind,
    /// Derived from qualifications and licences; `None` when nothing yields a category.
    pub category: Option<Category>,
    pub status: EntryStatus,
}

impl Entry {
    /// Whether the entry is shown to the public on `day`.
    pub fn is_listed_on(&self, day: Date) -> bool {
        self.category.is_some() && self.status.effective_on(day) == EntryStatus::Active
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestPart {
    Written,
    Oral,
}

impl TestPart {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Written => "written",
            Self::Oral => "oral",
        }
    }
}

impl std::str::FromStr for TestPart {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "written" => Ok(Self::Written),
            "oral" => Ok(Self::Oral),
            _ => Err(format!("ukjent prøvedel «{s}»")),
        }
    }
}

/// One sitting of the authorisation test (written screening or oral part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationTest {
    pub no: i32,
    pub language: LanguageCode,
    pub part: TestPart,
    pub taken_on: Date,
    pub passed: bool,
}

/// The full record of one interpreter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterpreterRecord {
    pub number: InterpreterNumber,
    pub profile: Profile,
    pub qualifications: Vec<Qualification>,
    pub licences: Vec<Licence>,
    pub tests: Vec<AuthorisationTest>,
    pub entries: Vec<Entry>,
    /// The highest qualification number ever used, including ended ones, so numbers are never
    /// reused.
    #[serde(skip)]
    pub qualification_high_water: i32,
}

impl InterpreterRecord {
    pub fn new(number: InterpreterNumber, profile: Profile) -> Self {
        Self {
            number,
            profile,
            qualifications: Vec::new(),
            licences: Vec::new(),
            tests: Vec::new(),
            entries: Vec::new(),
            qualification_high_water: 0,
        }
    }

    pub fn entry(&self, language: LanguageCode) -> Option<&Entry> {
        self.entries.iter().find(|e| e.language == language)
    }

    pub fn entry_mut(&mut self, language: LanguageCode) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.language == language)
    }

    /// Entries shown to the public on `day`.
    pub fn listed_entries(&self, day: Date) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.is_listed_on(day))
    }

    pub fn is_listed_on(&self, day: Date) -> bool {
        self.listed_entries(day).next().is_some()
    }

    /// The next free number for a qualification, licence or test within this record; `used`
    /// is the highest number handed out before, so ended items' numbers are not reused.
    pub(crate) fn next_no(items: impl Iterator<Item = i32>, used: i32) -> i32 {
        items.max().unwrap_or(0).max(used) + 1
    }
}
