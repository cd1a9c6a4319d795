//! `GET /api/v1/languages` and `/api/v1/languages/{code}`: codes, names, and listed
//! interpreters per category.

use axum::Json;
use axum::extract::{Path, State};
use register::language::LanguageCode;

use super::model::Language;
use crate::AppState;
use crate::error::ApiError;

#[utoipa::path(
    get,
    path = "/api/v1/languages",
    tag = "languages",
    summary = "All register languages with interpreters per category",
    responses((status = 200, body = Vec<Language>))
)]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<Language>>, ApiError> {
    let counts = state.index.language_counts()?;
    Ok(Json(
        state
            .index
            .catalogue()
            .languages()
            .map(|l| Language::new(l, &counts))
            .collect(),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/languages/{code}",
    tag = "languages",
    summary = "One register language",
    params(("code" = String, Path, description = "Language code", example = "PES")),
    responses(
        (status = 200, body = Language),
        (status = 400, description = "Not a language code", body = super::model::ErrorBody),
        (status = 404, description = "No such language", body = super::model::ErrorBody),
    )
)]
pub async fn one(State(state): State<AppState>, Path(raw): Path<String>) -> Result<Json<Language>, ApiError> {
    let code: LanguageCode = raw
        .parse()
        .map_err(|e: register::language::InvalidLanguageCode| ApiError::BadRequest(e.to_string()))?;
    let language = state
        .index
        .catalogue()
        .language(code)
        .ok_or_else(|| ApiError::NotFound(format!("ukjent språk {code}")))?;
    let counts = state.index.language_counts()?;
    Ok(Json(Language::new(language, &counts)))
}
