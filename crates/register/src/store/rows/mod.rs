//! Raw rows as both backends return them, and their conversion into domain types. Parsing a
//! stored value that no longer parses is reported as corrupt data, never a panic.

pub(super) mod casework;
pub(super) mod tips;

use std::str::FromStr;

use time::Date;

use super::{AuditItem, FeedItem, StoreError};
use crate::category::Category;
use crate::entry_status::EntryStatus;
use crate::interpreter::{Address, Profile, WorkModes};
use crate::interpreter_number::InterpreterNumber;
use crate::licence::Licence;
use crate::qualification::Qualification;
use crate::record::{AuthorisationTest, Entry, EntryVersion};
use crate::timestamp::Timestamp;

pub(super) fn parse<T: FromStr>(value: &str, what: &str) -> Result<T, StoreError> {
    value
        .parse()
        .map_err(|_| StoreError::Corrupt(format!("{what}: «{value}»")))
}

pub(super) fn number(value: i64) -> Result<InterpreterNumber, StoreError> {
    InterpreterNumber::new(value).map_err(|_| StoreError::Corrupt(format!("tolkenummer {value}")))
}

#[derive(sqlx::FromRow)]
pub(super) struct ProfileRow {
    pub interpreter_number: i64,
    pub national_id: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: Option<String>,
    pub gender: String,
    pub county: String,
    pub phone: String,
    pub email: String,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub address_public: bool,
    pub availability: String,
    pub on_site: bool,
    pub telephone: bool,
    pub video: bool,
}

impl ProfileRow {
    pub fn into_profile(self) -> Result<Profile, StoreError> {
        let address = match (self.street, self.postal_code, self.city) {
            (Some(street), Some(postal_code), Some(city)) => Some(Address {
                street,
                postal_code,
                city,
            }),
            _ => None,
        };
        Ok(Profile {
            national_id: parse(&self.national_id, "fødselsnummer")?,
            given_name: self.given_name,
            family_name: self.family_name,
            preferred_name: self.preferred_name,
            gender: parse(&self.gender, "kjønn")?,
            county: parse(&self.county, "fylke")?,
            phone: self.phone,
            email: self.email,
            address,
            address_public: self.address_public,
            availability: parse(&self.availability, "tilgjengelighet")?,
            work_modes: WorkModes {
                on_site: self.on_site,
                telephone: self.telephone,
                video: self.video,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct QualificationRow {
    pub interpreter_number: i64,
    pub qualification_no: i32,
    pub kind: String,
    pub language: Option<String>,
    pub completed_on: Date,
    pub institution: String,
    pub foreign_approval: Option<String>,
    pub evidence_ref: String,
}

impl QualificationRow {
    pub fn into_qualification(self) -> Result<Qualification, StoreError> {
        Ok(Qualification {
            no: self.qualification_no,
            kind: parse(&self.kind, "kvalifikasjonstype")?,
            language: self.language.as_deref().map(|l| parse(l, "språkkode")).transpose()?,
            completed_on: self.completed_on,
            institution: self.institution,
            foreign_approval: self.foreign_approval,
            evidence_ref: self.evidence_ref,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct LicenceRow {
    pub interpreter_number: i64,
    pub licence_no: i32,
    pub language: String,
    pub granted_on: Date,
    pub decision_ref: String,
    pub status: String,
}

impl LicenceRow {
    pub fn into_licence(self) -> Result<Licence, StoreError> {
        Ok(Licence {
            no: self.licence_no,
            language: parse(&self.language, "språkkode")?,
            granted_on: self.granted_on,
            decision_ref: self.decision_ref,
            status: parse(&self.status, "bevillingsstatus")?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct TestRow {
    pub interpreter_number: i64,
    pub test_no: i32,
    pub language: String,
    pub part: String,
    pub taken_on: Date,
    pub passed: bool,
}

impl TestRow {
    pub fn into_test(self) -> Result<AuthorisationTest, StoreError> {
        Ok(AuthorisationTest {
            no: self.test_no,
            language: parse(&self.language, "språkkode")?,
            part: parse(&self.part, "prøvedel")?,
            taken_on: self.taken_on,
            passed: self.passed,
        })
    }
}

fn entry_category(stored: Option<&str>) -> Result<Option<Category>, StoreError> {
    stored.map(|c| parse::<Category>(c, "kategori")).transpose()
}

fn entry_status(stored: &str, excluded_until: Option<Date>) -> Result<EntryStatus, StoreError> {
    EntryStatus::from_parts(stored, excluded_until).ok_or_else(|| StoreError::Corrupt(format!("status «{stored}»")))
}

/// One version of an entry, old or current, for its history.
#[derive(sqlx::FromRow)]
pub(super) struct EntryVersionRow {
    pub interpreter_number: i64,
    pub language: String,
    pub valid_from: Timestamp,
    pub category: Option<String>,
    pub status: String,
    pub excluded_until: Option<Date>,
}

impl EntryVersionRow {
    pub fn into_version(self) -> Result<EntryVersion, StoreError> {
        Ok(EntryVersion {
            language: parse(&self.language, "språkkode")?,
            from: self.valid_from,
            category: entry_category(self.category.as_deref())?,
            status: entry_status(&self.status, self.excluded_until)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct EntryRow {
    pub interpreter_number: i64,
    pub language: String,
    pub kind: String,
    pub category: Option<String>,
    pub status: String,
    pub excluded_until: Option<Date>,
}

impl EntryRow {
    pub fn into_entry(self) -> Result<Entry, StoreError> {
        Ok(Entry {
            language: parse(&self.language, "språkkode")?,
            kind: parse(&self.kind, "tolketype")?,
            category: entry_category(self.category.as_deref())?,
            status: entry_status(&self.status, self.excluded_until)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct FeedRow {
    pub seq: i64,
    pub interpreter_number: i64,
    pub effective_at: Timestamp,
    pub recorded_at: Timestamp,
}

impl FeedRow {
    pub fn into_item(self) -> Result<FeedItem, StoreError> {
        Ok(FeedItem {
            seq: self.seq,
            number: number(self.interpreter_number)?,
            effective_at: self.effective_at,
            recorded_at: self.recorded_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct AuditRow {
    pub change_seq: Option<i64>,
    pub recorded_at: Timestamp,
    pub effective_at: Timestamp,
    pub actor: String,
    pub action: String,
    pub interpreter_number: Option<i64>,
    pub reason: String,
    pub detail: String,
}

impl AuditRow {
    pub fn into_item(self) -> Result<AuditItem, StoreError> {
        Ok(AuditItem {
            change_seq: self.change_seq,
            recorded_at: self.recorded_at,
            effective_at: self.effective_at,
            actor: self.actor,
            action: self.action,
            number: self.interpreter_number.map(number).transpose()?,
            reason: self.reason,
            detail: serde_json::from_str(&self.detail)
                .map_err(|e| StoreError::Corrupt(format!("revisjonslogg: {e}")))?,
        })
    }
}
