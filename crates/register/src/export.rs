//! The export format: one JSON object per interpreter (JSON lines), with derived categories
//! and statuses. The national identity number is never exported.

use serde::Serialize;
use time::Date;

use crate::interpreter::{Address, Availability, Gender, WorkModes};
use crate::licence::Licence;
use crate::qualification::Qualification;
use crate::record::{AuthorisationTest, Entry, InterpreterRecord};

#[derive(Debug, Serialize)]
pub struct ExportedEntry<'a> {
    #[serde(flatten)]
    pub entry: &'a Entry,
    /// Whether the entry is shown to the public on the export day.
    pub listed: bool,
}

/// One exported interpreter.
#[derive(Debug, Serialize)]
pub struct ExportedInterpreter<'a> {
    pub interpreter_number: String,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub preferred_name: Option<&'a str>,
    pub gender: Gender,
    pub county: String,
    pub phone: &'a str,
    pub email: &'a str,
    pub address: Option<&'a Address>,
    pub address_public: bool,
    pub availability: Availability,
    pub work_modes: WorkModes,
    pub entries: Vec<ExportedEntry<'a>>,
    pub qualifications: &'a [Qualification],
    pub licences: &'a [Licence],
    pub authorisation_tests: &'a [AuthorisationTest],
}

impl<'a> ExportedInterpreter<'a> {
    pub fn new(r: &'a InterpreterRecord, day: Date) -> Self {
        let p = &r.profile;
        ExportedInterpreter {
            interpreter_number: r.number.to_string(),
            given_name: &p.given_name,
            family_name: &p.family_name,
            preferred_name: p.preferred_name.as_deref(),
            gender: p.gender,
            county: p.county.to_string(),
            phone: &p.phone,
            email: &p.email,
            address: p.address.as_ref(),
            address_public: p.address_public,
            availability: p.availability,
            work_modes: p.work_modes,
            entries: r
                .entries
                .iter()
                .map(|e| ExportedEntry {
                    entry: e,
                    listed: e.is_listed_on(day),
                })
                .collect(),
            qualifications: &r.qualifications,
            licences: &r.licences,
            authorisation_tests: &r.tests,
        }
    }
}

/// Writes `records` as JSON lines.
pub fn write_json_lines(
    records: &[InterpreterRecord],
    day: Date,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, &ExportedInterpreter::new(r, day))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
