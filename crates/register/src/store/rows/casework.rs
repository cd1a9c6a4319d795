//! Rows of the casework tables and their conversion into the casework types.

use time::Date;

use crate::casework::four_eyes::PendingApproval;
use crate::casework::{Decision, ForeignCase};
use crate::store::StoreError;
use crate::store::rows::{number, parse};
use crate::timestamp::Timestamp;

pub const CASE_COLUMNS: &str = "id, version, interpreter_number, language, country, institution, title, \
    completed_on, received_on, assigned_to, opened_by, opened_at, acknowledged_on, complete_on, equivalent, \
    assessment, outcome, decision_id";
pub const DECISION_COLUMNS: &str = "id, interpreter_number, kind, language, case_ref, reasons, legal_basis, \
    decided_on, appeal_deadline, letter_language, decided_by, recorded_at";
pub const APPROVAL_COLUMNS: &str =
    "id, interpreter_number, command, reason, requested_by, requested_at, status, decided_by, decided_at, note";

#[derive(sqlx::FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub version: i64,
    pub interpreter_number: i64,
    pub language: String,
    pub country: String,
    pub institution: String,
    pub title: String,
    pub completed_on: Date,
    pub received_on: Date,
    pub assigned_to: String,
    pub opened_by: String,
    pub opened_at: Timestamp,
    pub acknowledged_on: Option<Date>,
    pub complete_on: Option<Date>,
    pub equivalent: Option<String>,
    pub assessment: Option<String>,
    pub outcome: Option<String>,
    pub decision_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub struct DocumentRow {
    pub case_id: i64,
    pub item: String,
    pub received_on: Date,
}

pub fn into_case(row: CaseRow, documents: &[DocumentRow]) -> Result<ForeignCase, StoreError> {
    let mut docs = documents
        .iter()
        .filter(|d| d.case_id == row.id)
        .map(|d| Ok((parse(&d.item, "dokument")?, d.received_on)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    docs.sort_by_key(|(i, _)| *i);
    Ok(ForeignCase {
        id: row.id,
        version: row.version,
        number: number(row.interpreter_number)?,
        language: parse(&row.language, "språkkode")?,
        country: row.country,
        institution: row.institution,
        title: row.title,
        completed_on: row.completed_on,
        received_on: row.received_on,
        assigned_to: row.assigned_to,
        opened_by: row.opened_by,
        opened_at: row.opened_at,
        acknowledged_on: row.acknowledged_on,
        complete_on: row.complete_on,
        documents: docs,
        equivalent: row
            .equivalent
            .as_deref()
            .map(|e| parse(e, "likeverdig kvalifikasjon"))
            .transpose()?,
        assessment: row.assessment,
        outcome: row.outcome.as_deref().map(|o| parse(o, "utfall")).transpose()?,
        decision_id: row.decision_id,
    })
}

#[derive(sqlx::FromRow)]
pub struct DecisionRow {
    pub id: i64,
    pub interpreter_number: i64,
    pub kind: String,
    pub language: Option<String>,
    pub case_ref: Option<String>,
    pub reasons: String,
    pub legal_basis: String,
    pub decided_on: Date,
    pub appeal_deadline: Date,
    pub letter_language: String,
    pub decided_by: String,
    pub recorded_at: Timestamp,
}

impl DecisionRow {
    pub fn into_decision(self) -> Result<Decision, StoreError> {
        Ok(Decision {
            id: self.id,
            number: number(self.interpreter_number)?,
            kind: parse(&self.kind, "vedtakstype")?,
            language: self.language.as_deref().map(|l| parse(l, "språkkode")).transpose()?,
            case_ref: self.case_ref,
            reasons: self.reasons,
            legal_basis: self.legal_basis,
            decided_on: self.decided_on,
            appeal_deadline: self.appeal_deadline,
            letter_language: parse(&self.letter_language, "målform")?,
            decided_by: self.decided_by,
            recorded_at: self.recorded_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct ApprovalRow {
    pub id: i64,
    pub interpreter_number: i64,
    pub command: String,
    pub reason: String,
    pub requested_by: String,
    pub requested_at: Timestamp,
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<Timestamp>,
    pub note: Option<String>,
}

impl ApprovalRow {
    pub fn into_approval(self) -> Result<PendingApproval, StoreError> {
        Ok(PendingApproval {
            id: self.id,
            number: number(self.interpreter_number)?,
            command: serde_json::from_str(&self.command)
                .map_err(|e| StoreError::Corrupt(format!("endring som venter på godkjenning: {e}")))?,
            reason: self.reason,
            requested_by: self.requested_by,
            requested_at: self.requested_at,
            status: parse(&self.status, "godkjenningsstatus")?,
            decided_by: self.decided_by,
            decided_at: self.decided_at,
            note: self.note,
        })
    }
}
