//! Foreign-qualification cases: intake, document checklist, acknowledgement and decision
//! deadlines, assessment naming the Norwegian equivalent, and the outcome. Pure transitions.

use serde::{Deserialize, Serialize};
use time::Date;

use super::deadlines::Deadlines;
use super::error::CaseworkError;
use crate::interpreter_number::InterpreterNumber;
use crate::language::LanguageCode;
use crate::qualification::{NewQualification, QualificationKind};
use crate::timestamp::Timestamp;

/// The documents a complete file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ChecklistItem {
    Diploma,
    Transcript,
    CourseDescription,
    /// Norwegian must be one of the working languages.
    NorwegianProficiency,
    Identity,
}

impl ChecklistItem {
    pub const ALL: [ChecklistItem; 5] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The Norwegian qualification a foreign one is approved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Equivalent {
    Bachelor,
    Authorisation,
    FoundationCourse,
}

impl Equivalent {
    pub const ALL: [Equivalent; 3] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn qualification_kind(self) -> QualificationKind {
        match self {
            Self::Bachelor => QualificationKind::Bachelor,
            Self::Authorisation => QualificationKind::Authorisation,
            Self::FoundationCourse => QualificationKind::FoundationCourse,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Outcome {
    Approved,
    Refused,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// An application as received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewForeignCase {
    pub number: InterpreterNumber,
    pub language: LanguageCode,
    pub country: String,
    pub institution: String,
    /// The qualification's name as on the diploma.
    pub title: String,
    pub completed_on: Date,
    pub received_on: Date,
    /// The caseworker responsible, e.g. `staff:kari`.
    pub assigned_to: String,
    pub opened_by: String,
}

/// A foreign-qualification case as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForeignCase {
    pub id: i64,
    /// Bumped on every save, so two people cannot overwrite each other's work unseen.
    pub version: i64,
    pub number: InterpreterNumber,
    pub language: LanguageCode,
    pub country: String,
    pub institution: String,
    pub title: String,
    pub completed_on: Date,
    pub received_on: Date,
    pub assigned_to: String,
    pub opened_by: String,
    pub opened_at: Timestamp,
    pub acknowledged_on: Option<Date>,
    /// The day the file became complete (the last required document arrived).
    pub complete_on: Option<Date>,
    /// Received documents, in checklist order.
    pub documents: Vec<(ChecklistItem, Date)>,
    pub equivalent: Option<Equivalent>,
    pub assessment: Option<String>,
    pub outcome: Option<Outcome>,
    pub decision_id: Option<i64>,
}

/// Which statutory deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    Acknowledge,
    Decide,
}

impl NewForeignCase {
    pub fn check(&self, today: Date) -> Result<(), CaseworkError> {
        let mut errors = Vec::new();
        for (field, value, what) in [
            ("country", &self.country, "land"),
            ("institution", &self.institution, "lærested"),
            ("title", &self.title, "utdanningens navn"),
        ] {
            if value.trim().is_empty() {
                errors.push((field.to_string(), format!("{what} må fylles ut")));
            } else if value.len() > 200 {
                errors.push((field.to_string(), format!("{what} er for langt")));
            }
        }
        if self.received_on > today {
            errors.push(("received_on".into(), "mottaksdatoen kan ikke ligge fram i tid".into()));
        }
        if self.completed_on > today {
            errors.push(("completed_on".into(), "datoen kan ikke ligge fram i tid".into()));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CaseworkError::Invalid(errors))
        }
    }
}

impl ForeignCase {
    /// The case reference, e.g. `UTL-00007`.
    pub fn reference(&self) -> String {
        format!("UTL-{:05}", self.id)
    }

    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    pub fn has(&self, item: ChecklistItem) -> bool {
        self.documents.iter().any(|(i, _)| *i == item)
    }

    pub fn missing_documents(&self) -> Vec<ChecklistItem> {
        ChecklistItem::ALL.into_iter().filter(|i| !self.has(*i)).collect()
    }

    /// The statutory deadlines still to meet, earliest first.
    pub fn open_deadlines(&self, rules: &Deadlines) -> Vec<(DeadlineKind, Date)> {
        if !self.is_open() {
            return Vec::new();
        }
        let mut out = Vec::new();
        if self.acknowledged_on.is_none() {
            out.push((DeadlineKind::Acknowledge, rules.acknowledge_by(self.received_on)));
        }
        if let Some(complete) = self.complete_on {
            out.push((DeadlineKind::Decide, rules.decide_by(complete)));
        }
        out.sort_by_key(|(_, d)| *d);
        out
    }

    fn ensure_open(&self) -> Result<(), CaseworkError> {
        if self.is_open() {
            Ok(())
        } else {
            Err(CaseworkError::AlreadyDecided)
        }
    }

    /// Records that receipt was acknowledged to the applicant on `on`.
    pub fn acknowledge(&self, on: Date, today: Date) -> Result<ForeignCase, CaseworkError> {
        self.ensure_open()?;
        if self.acknowledged_on.is_some() {
            return Err(CaseworkError::AlreadyAcknowledged);
        }
        not_before(on, self.received_on, today, "acknowledged_on")?;
        Ok(ForeignCase {
            acknowledged_on: Some(on),
            ..self.clone()
        })
    }

    /// Records that `item` arrived on `on`; the file is complete on the day the last one did.
    pub fn receive_document(&self, item: ChecklistItem, on: Date, today: Date) -> Result<ForeignCase, CaseworkError> {
        self.ensure_open()?;
        not_before(on, self.received_on, today, "document_on")?;
        let mut next = self.clone();
        if next.has(item) {
            return Ok(next);
        }
        next.documents.push((item, on));
        next.documents.sort_by_key(|(i, _)| *i);
        if next.missing_documents().is_empty() && next.complete_on.is_none() {
            next.complete_on = next.documents.iter().map(|(_, d)| *d).max();
        }
        Ok(next)
    }

    /// Records the assessment: the Norwegian equivalent (none when it falls short) and why.
    pub fn assess(&self, equivalent: Option<Equivalent>, text: &str) -> Result<ForeignCase, CaseworkError> {
        self.ensure_open()?;
        let missing = self.missing_documents();
        if !missing.is_empty() {
            return Err(CaseworkError::FileIncomplete(missing));
        }
        if text.trim().is_empty() {
            return Err(CaseworkError::field("assessment", "vurderingen må fylles ut"));
        }
        Ok(ForeignCase {
            equivalent,
            assessment: Some(text.trim().to_string()),
            ..self.clone()
        })
    }

    /// Closes the case with `outcome` under decision `decision_id`.
    pub fn decide(&self, outcome: Outcome, decision_id: i64) -> Result<ForeignCase, CaseworkError> {
        self.check_decidable(outcome)?;
        Ok(ForeignCase {
            outcome: Some(outcome),
            decision_id: Some(decision_id),
            ..self.clone()
        })
    }

    /// Whether the case may be closed with `outcome` now.
    pub fn check_decidable(&self, outcome: Outcome) -> Result<(), CaseworkError> {
        self.ensure_open()?;
        if self.assessment.is_none() {
            return Err(CaseworkError::NotAssessed);
        }
        if outcome == Outcome::Approved && self.equivalent.is_none() {
            return Err(CaseworkError::NoEquivalent);
        }
        Ok(())
    }

    /// The qualification an approval adds to the register: the Norwegian equivalent, with the
    /// decision as its foreign approval and the case as its evidence.
    pub fn approved_qualification(&self, decision_reference: &str) -> Option<NewQualification> {
        let equivalent = self.equivalent?;
        Some(NewQualification {
            kind: equivalent.qualification_kind(),
            language: Some(self.language),
            completed_on: self.completed_on,
            institution: format!("{} ({})", self.institution, self.country),
            foreign_approval: Some(decision_reference.to_string()),
            evidence_ref: self.reference(),
        })
    }
}

fn not_before(on: Date, earliest: Date, today: Date, field: &str) -> Result<(), CaseworkError> {
    if on < earliest {
        Err(CaseworkError::field(field, "datoen kan ikke være før søknaden kom inn"))
    } else if on > today {
        Err(CaseworkError::field(field, "datoen kan ikke ligge fram i tid"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn case() -> ForeignCase {
        ForeignCase {
            id: 7,
            version: 1,
            number: "10001".parse().unwrap(),
            language: "ARB".parse().unwrap(),
            country: "Egypt".into(),
            institution: "Cairo University".into(),
            title: "BA in Translation".into(),
            completed_on: date!(2019 - 06 - 30),
            received_on: date!(2024 - 01 - 31),
            assigned_to: "staff:kari".into(),
            opened_by: "staff:kari".into(),
            opened_at: Timestamp::now(),
            acknowledged_on: None,
            complete_on: None,
            documents: Vec::new(),
            equivalent: None,
            assessment: None,
            outcome: None,
            decision_id: None,
        }
    }

    const TODAY: Date = date!(2024 - 06 - 01);

    #[test]
    fn the_file_is_complete_on_the_day_the_last_document_arrives() {
        let mut c = case();
        for (i, item) in ChecklistItem::ALL.into_iter().enumerate() {
            assert_eq!(c.complete_on, None);
            c = c
                .receive_document(
                    item,
                    date!(2024 - 02 - 01).saturating_add(time::Duration::days(i as i64)),
                    TODAY,
                )
                .unwrap();
        }
        assert_eq!(c.complete_on, Some(date!(2024 - 02 - 05)));
        assert!(c.missing_documents().is_empty());
        // Receiving a document twice changes nothing.
        assert_eq!(c.receive_document(ChecklistItem::Diploma, TODAY, TODAY).unwrap(), c);
    }

    #[test]
    fn deadlines_acknowledge_within_one_month_decide_within_three_of_a_complete_file() {
        let rules = Deadlines::default();
        let c = case();
        assert_eq!(
            c.open_deadlines(&rules),
            [(DeadlineKind::Acknowledge, date!(2024 - 02 - 29))]
        );
        let c = c.acknowledge(date!(2024 - 02 - 10), TODAY).unwrap();
        assert!(c.open_deadlines(&rules).is_empty());
        let mut c = c;
        for item in ChecklistItem::ALL {
            c = c.receive_document(item, date!(2024 - 03 - 15), TODAY).unwrap();
        }
        assert_eq!(
            c.open_deadlines(&rules),
            [(DeadlineKind::Decide, date!(2024 - 06 - 15))]
        );
        let c = c
            .assess(Some(Equivalent::Bachelor), "Tilsvarer bachelor")
            .unwrap()
            .decide(Outcome::Approved, 3)
            .unwrap();
        assert!(c.open_deadlines(&rules).is_empty(), "a decided case has no deadlines");
    }

    #[test]
    fn assessment_needs_a_complete_file_and_approval_an_equivalent() {
        let c = case();
        assert!(
            matches!(c.assess(Some(Equivalent::Bachelor), "x"), Err(CaseworkError::FileIncomplete(m)) if m.len() == 5)
        );
        let mut c = c;
        for item in ChecklistItem::ALL {
            c = c.receive_document(item, date!(2024 - 02 - 01), TODAY).unwrap();
        }
        assert!(matches!(
            c.check_decidable(Outcome::Refused),
            Err(CaseworkError::NotAssessed)
        ));
        assert!(matches!(c.assess(None, "  "), Err(CaseworkError::Invalid(_))));
        let short = c.assess(None, "Utdanningen er for kort").unwrap();
        assert!(matches!(
            short.decide(Outcome::Approved, 1),
            Err(CaseworkError::NoEquivalent)
        ));
        let refused = short.decide(Outcome::Refused, 1).unwrap();
        assert!(matches!(
            refused.acknowledge(TODAY, TODAY),
            Err(CaseworkError::AlreadyDecided)
        ));
        assert!(c.acknowledge(date!(2024 - 01 - 30), TODAY).is_err(), "before receipt");
        assert!(c.acknowledge(date!(2024 - 06 - 02), TODAY).is_err(), "in the future");
    }

    #[test]
    fn an_approval_becomes_the_norwegian_equivalent_with_the_decision_as_reference() {
        let mut c = case();
        for item in ChecklistItem::ALL {
            c = c.receive_document(item, date!(2024 - 02 - 01), TODAY).unwrap();
        }
        let c = c
            .assess(Some(Equivalent::Authorisation), "Tilsvarer autorisasjonsprøven")
            .unwrap();
        let q = c.approved_qualification("VED-2024-00003").unwrap();
        assert_eq!(q.kind, QualificationKind::Authorisation);
        assert_eq!(q.foreign_approval.as_deref(), Some("VED-2024-00003"));
        assert_eq!(q.evidence_ref, "UTL-00007");
        assert!(q.validate().is_ok());
    }
}
