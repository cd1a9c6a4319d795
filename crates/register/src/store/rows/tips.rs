//! Rows of the tip tables and their conversion into the case types.

use time::Date;

use crate::store::StoreError;
use crate::store::rows::{number, parse};
use crate::timestamp::Timestamp;
use crate::tips::intake::Intake;
use crate::tips::{CaseEvent, EventRecord, Grounds, Subject};

pub const TIP_COLUMNS: &str = "id, received_on, received_at, received_by, channel, interpreter_number, \
    subject_description, assignment_on, assignment_place, grounds, account, reporter_role, anonymous";
pub const EVENT_COLUMNS: &str = "tip_id, seq, recorded_at, actor, approved_by, reason, detail";

#[derive(sqlx::FromRow)]
pub struct TipRow {
    pub id: i64,
    pub received_on: Date,
    pub received_at: Timestamp,
    pub received_by: String,
    pub channel: String,
    pub interpreter_number: Option<i64>,
    pub subject_description: Option<String>,
    pub assignment_on: Option<Date>,
    pub assignment_place: String,
    pub grounds: String,
    pub account: String,
    pub reporter_role: Option<String>,
    pub anonymous: bool,
}

impl TipRow {
    pub fn into_intake(self) -> Result<Intake, StoreError> {
        let subject = match (self.interpreter_number, self.subject_description) {
            (Some(n), _) => Subject::Interpreter { number: number(n)? },
            (None, Some(description)) => Subject::Unknown { description },
            (None, None) => return Err(StoreError::Corrupt(format!("varsel {} gjelder ingen", self.id))),
        };
        Ok(Intake {
            received_on: self.received_on,
            received_at: self.received_at,
            received_by: self.received_by,
            channel: parse(&self.channel, "kanal")?,
            subject,
            assignment_on: self.assignment_on,
            assignment_place: self.assignment_place,
            grounds: Grounds::from_stored(&self.grounds)
                .map_err(|_| StoreError::Corrupt(format!("grunnlag «{}»", self.grounds)))?,
            account: self.account,
            reporter_role: self
                .reporter_role
                .as_deref()
                .map(|r| parse(r, "varslerens rolle"))
                .transpose()?,
            anonymous: self.anonymous,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct EventRow {
    pub tip_id: i64,
    pub seq: i64,
    pub recorded_at: Timestamp,
    pub actor: String,
    pub approved_by: Option<String>,
    pub reason: String,
    pub detail: String,
}

impl EventRow {
    pub fn into_record(self) -> Result<EventRecord, StoreError> {
        let event: CaseEvent = serde_json::from_str(&self.detail)
            .map_err(|e| StoreError::Corrupt(format!("hendelse {} i varsel {}: {e}", self.seq, self.tip_id)))?;
        Ok(EventRecord {
            seq: self.seq,
            recorded_at: self.recorded_at,
            actor: self.actor,
            approved_by: self.approved_by,
            reason: self.reason,
            event,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct DocumentRow {
    pub tip_id: i64,
    pub id: i64,
    pub uploaded_at: Timestamp,
    pub uploaded_by: String,
    pub filename: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
}

pub const DOCUMENT_COLUMNS: &str = "tip_id, id, uploaded_at, uploaded_by, filename, media_type, size, sha256";

impl DocumentRow {
    pub fn into_document(self) -> Result<crate::tips::TipDocument, StoreError> {
        let corrupt =
            |what: String| StoreError::Corrupt(format!("dokument {} i varsel {}: {what}", self.id, self.tip_id));
        Ok(crate::tips::TipDocument {
            kind: crate::tips::DocumentKind::from_media_type(&self.media_type)
                .ok_or_else(|| corrupt(format!("ukjent type «{}»", self.media_type)))?,
            size: u64::try_from(self.size).map_err(|_| corrupt("negativ størrelse".into()))?,
            tip_id: self.tip_id,
            id: self.id,
            uploaded_at: self.uploaded_at,
            uploaded_by: self.uploaded_by,
            filename: self.filename,
            sha256: self.sha256,
        })
    }
}
