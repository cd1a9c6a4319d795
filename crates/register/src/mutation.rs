//! The difference between two states of a record, as the rows storage must write. Computing it
//! from before/after keeps the rules free of storage concerns; this module does no I/O.

use serde::Serialize;

use crate::interpreter::Profile;
use crate::language::LanguageCode;
use crate::licence::Licence;
use crate::qualification::Qualification;
use crate::record::{AuthorisationTest, Entry, InterpreterRecord};

/// One row-level change to an interpreter's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mutation {
    /// The interpreter is new: create the identity row.
    CreateInterpreter,
    /// A new version of the profile.
    PutProfile(Profile),
    AddQualification(Qualification),
    EndQualification(i32),
    /// A new licence or a new version of one.
    PutLicence(Licence),
    AddTest(AuthorisationTest),
    /// A new entry or a new version of one.
    PutEntry(Entry),
}

/// A summary of a mutation for the audit log: no national identity number, no contact data.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum MutationSummary {
    Registered,
    ProfileChanged,
    QualificationAdded {
        no: i32,
        kind: &'static str,
        language: Option<LanguageCode>,
    },
    QualificationEnded {
        no: i32,
    },
    Licence {
        no: i32,
        language: LanguageCode,
        status: &'static str,
    },
    TestRecorded {
        no: i32,
        language: LanguageCode,
        passed: bool,
    },
    Entry {
        language: LanguageCode,
        category: Option<&'static str>,
        status: &'static str,
    },
}

impl Mutation {
    pub fn summary(&self) -> MutationSummary {
        match self {
            Self::CreateInterpreter => MutationSummary::Registered,
            Self::PutProfile(_) => MutationSummary::ProfileChanged,
            Self::AddQualification(q) => MutationSummary::QualificationAdded {
                no: q.no,
                kind: q.kind.as_str(),
                language: q.language,
            },
            Self::EndQualification(no) => MutationSummary::QualificationEnded { no: *no },
            Self::PutLicence(l) => MutationSummary::Licence {
                no: l.no,
                language: l.language,
                status: l.status.as_str(),
            },
            Self::AddTest(t) => MutationSummary::TestRecorded {
                no: t.no,
                language: t.language,
                passed: t.passed,
            },
            Self::PutEntry(e) => MutationSummary::Entry {
                language: e.language,
                category: e.category.map(|c| c.as_str()),
                status: e.status.as_str(),
            },
        }
    }
}

/// The mutations that turn `before` (absent for a new interpreter) into `after`.
pub fn diff(before: Option<&InterpreterRecord>, after: &InterpreterRecord) -> Vec<Mutation> {
    let mut out = Vec::new();
    let Some(before) = before else {
        out.push(Mutation::CreateInterpreter);
        out.push(Mutation::PutProfile(after.profile.clone()));
        out.extend(after.qualifications.iter().cloned().map(Mutation::AddQualification));
        out.extend(after.licences.iter().cloned().map(Mutation::PutLicence));
        out.extend(after.tests.iter().cloned().map(Mutation::AddTest));
        out.extend(after.entries.iter().cloned().map(Mutation::PutEntry));
        return out;
    };
    if before.profile != after.profile {
        out.push(Mutation::PutProfile(after.profile.clone()));
    }
    for q in &before.qualifications {
        if !after.qualifications.iter().any(|a| a.no == q.no) {
            out.push(Mutation::EndQualification(q.no));
        }
    }
    for q in &after.qualifications {
        if !before.qualifications.iter().any(|b| b.no == q.no) {
            out.push(Mutation::AddQualification(q.clone()));
        }
    }
    for l in &after.licences {
        if before.licences.iter().find(|b| b.no == l.no) != Some(l) {
            out.push(Mutation::PutLicence(l.clone()));
        }
    }
    for t in &after.tests {
        if !before.tests.iter().any(|b| b.no == t.no) {
            out.push(Mutation::AddTest(t.clone()));
        }
    }
    for e in &after.entries {
        if before.entry(e.language) != Some(e) {
            out.push(Mutation::PutEntry(e.clone()));
        }
    }
    out
}
