//! Register languages as public reference data: codes, names in bokmål, nynorsk and English,
//! endonyms, aliases and merged members.

use axum::Json;
use axum::extract::{Path, State};
use register::Store;
use register::language::{Language, LanguageCode};

use crate::AppState;
use crate::error::ApiError;

pub async fn list(State(state): State<AppState>) -> Json<Vec<Language>> {
    Json(state.store.catalogue().languages().cloned().collect())
}

pub async fn one(State(state): State<AppState>, Path(raw): Path<String>) -> Result<Json<Language>, ApiError> {
    let code: LanguageCode = raw
        .parse()
        .map_err(|e: register::language::InvalidLanguageCode| ApiError::BadRequest(e.to_string()))?;
    state
        .store
        .catalogue()
        .language(code)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("ukjent språk {code}")))
}
