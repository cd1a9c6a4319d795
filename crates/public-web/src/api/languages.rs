//! `GET /api/v1/languages` and `/api/v1/languages/{code}`: codes, names, and listed
//! interpreters per category.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};

use super::model::{Language, Problem};
use crate::AppState;
use crate::error::ApiError;

#[utoipa::path(
    get,
    path = "/api/v1/languages",
    tag = "languages",
    summary = "All register languages with interpreters per category",
    responses(
        (status = 200, body = Vec<Language>),
        (status = 400, description = "An unknown `lang`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The index is unavailable", body = Problem, content_type = "application/problem+json"),
    )
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
    params(("code" = String, Path, description = "Language code: three letters, any case", example = "PES")),
    responses(
        (status = 200, body = Language),
        (status = 400, description = "Not a language code (`invalid-language-code`), or an unknown `lang`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such language (`language-not-found`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The index is unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Language>, ApiError> {
    let code = super::language_code(path)?;
    let language = state
        .index
        .catalogue()
        .language(code)
        .ok_or(ApiError::LanguageNotFound(code))?;
    let counts = state.index.language_counts()?;
    Ok(Json(Language::new(language, &counts)))
}
