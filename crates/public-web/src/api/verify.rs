//! The verify endpoint: for checking an ID card (e.g. during a telephone assignment), says only
//! whether the interpreter is listed today, with the listed entries and categories.

use axum::Json;
use axum::extract::{Path, State};
use register::{InterpreterNumber, Store, Timestamp};
use serde::Serialize;

use crate::AppState;
use crate::error::ApiError;

#[derive(Debug, Serialize)]
pub struct VerifiedEntry {
    pub language: String,
    pub language_name: String,
    pub kind: &'static str,
    pub category: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Verification {
    pub interpreter_number: String,
    pub listed: bool,
    /// The name on the card, shown only when listed.
    pub name: Option<String>,
    pub entries: Vec<VerifiedEntry>,
}

pub async fn verify(State(state): State<AppState>, Path(raw): Path<String>) -> Result<Json<Verification>, ApiError> {
    let number: InterpreterNumber = raw
        .parse()
        .map_err(|e: register::interpreter_number::InvalidInterpreterNumber| ApiError::BadRequest(e.to_string()))?;
    let today = Timestamp::now().date();
    let record = state.store.record(number).await?;
    let catalogue = state.store.catalogue();
    let entries: Vec<VerifiedEntry> = record
        .iter()
        .flat_map(|r| r.listed_entries(today))
        .filter_map(|e| {
            Some(VerifiedEntry {
                language: e.language.to_string(),
                language_name: catalogue
                    .language(e.language)
                    .map(|l| l.names.nb.clone())
                    .unwrap_or_default(),
                kind: e.kind.as_str(),
                category: e.category?.as_str(),
            })
        })
        .collect();
    let listed = !entries.is_empty();
    Ok(Json(Verification {
        interpreter_number: number.to_string(),
        listed,
        name: record.filter(|_| listed).map(|r| r.profile.display_name()),
        entries,
    }))
}
