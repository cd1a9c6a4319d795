//! What the public may see of an interpreter (DOMAIN.md "What is public") and its index
//! document. The national identity number, qualifications and sanctions never get here.

use register::interpreter::{Address, Availability, Gender, WorkModes};
use register::{Category, CountyCode, InterpreterNumber, InterpreterRecord, LanguageCode, LanguageKind};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use time::Date;

use crate::schema::{Fields, encode_entry, encode_summary, rank};

/// One listed entry: language, kind, category and since when it has been listed without a break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEntry {
    pub language: LanguageCode,
    pub kind: LanguageKind,
    pub category: Category,
    /// The first day of the entry's current unbroken listing (`register::record::listed_since`);
    /// `None` when the record came without its history.
    #[serde(default)]
    pub listed_since: Option<Date>,
}

/// The public fields of a listed interpreter, as stored in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicInterpreter {
    pub number: InterpreterNumber,
    /// The name shown: preferred given name (if any) and family name.
    pub name: String,
    pub given_name: String,
    pub preferred_name: Option<String>,
    pub family_name: String,
    pub gender: Gender,
    pub county: CountyCode,
    pub phone: String,
    pub email: String,
    /// Only with the interpreter's consent.
    pub address: Option<Address>,
    pub availability: Availability,
    pub work_modes: WorkModes,
    /// Listed entries, best category first.
    pub entries: Vec<PublicEntry>,
}

impl PublicInterpreter {
    /// The public view of `record` on `day`, or `None` when no entry is listed that day
    /// (suspended, excluded, withdrawn or without basis).
    pub fn from_record(record: &InterpreterRecord, day: Date) -> Option<PublicInterpreter> {
        let mut entries: Vec<PublicEntry> = record
            .listed_entries(day)
            .filter_map(|e| {
                Some(PublicEntry {
                    language: e.language,
                    kind: e.kind,
                    category: e.category?,
                    listed_since: record.listed_since(e.language, day),
                })
            })
            .collect();
        if entries.is_empty() {
            return None;
        }
        entries.sort_by(|a, b| b.category.cmp(&a.category).then(a.language.cmp(&b.language)));
        let p = &record.profile;
        Some(PublicInterpreter {
            number: record.number,
            name: p.display_name(),
            given_name: p.given_name.clone(),
            preferred_name: p.preferred_name.clone(),
            family_name: p.family_name.clone(),
            gender: p.gender,
            county: p.county,
            phone: p.phone.clone(),
            email: p.email.clone(),
            address: if p.address_public { p.address.clone() } else { None },
            availability: p.availability,
            work_modes: p.work_modes,
            entries,
        })
    }

    /// The public views of those of `records` listed on `day`.
    pub fn listed(records: &[InterpreterRecord], day: Date) -> Vec<PublicInterpreter> {
        records.iter().filter_map(|r| Self::from_record(r, day)).collect()
    }

    /// The entry for `language`, if listed.
    pub fn entry(&self, language: LanguageCode) -> Option<&PublicEntry> {
        self.entries.iter().find(|e| e.language == language)
    }

    /// The work modes offered, in a fixed order.
    pub fn modes(&self) -> Vec<crate::query::WorkMode> {
        use crate::query::WorkMode;
        let m = self.work_modes;
        [
            (m.on_site, WorkMode::OnSite),
            (m.telephone, WorkMode::Telephone),
            (m.video, WorkMode::Video),
        ]
        .into_iter()
        .filter_map(|(on, mode)| on.then_some(mode))
        .collect()
    }

    /// The index document.
    pub(crate) fn to_document(&self, f: &Fields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.number, self.number.get() as u64);
        let mut names = vec![self.given_name.as_str(), self.family_name.as_str()];
        names.extend(self.preferred_name.as_deref());
        doc.add_text(f.name, names.join(" "));
        let mut kinds = Vec::new();
        for e in &self.entries {
            doc.add_text(f.language, e.language.as_str());
            if !kinds.contains(&e.kind) {
                kinds.push(e.kind);
                doc.add_text(f.kind, e.kind.as_str());
            }
            doc.add_u64(f.entries, encode_entry(e.language, e.kind, e.category));
        }
        let best = self.entries.iter().map(|e| rank(e.category)).max().unwrap_or(0);
        doc.add_u64(
            f.summary,
            encode_summary(self.number.get() as u64, county_number(self.county), best),
        );
        doc.add_text(f.gender, self.gender.as_str());
        for mode in self.modes() {
            doc.add_text(f.mode, mode.as_str());
        }
        doc.add_text(f.availability, self.availability.as_str());
        doc.add_bytes(f.public, &serde_json::to_vec(self).unwrap_or_default());
        doc
    }
}

/// The county code as its number (03 → 3).
pub fn county_number(county: CountyCode) -> u64 {
    county.to_string().parse().unwrap_or(0)
}
