//! `GET /api/v1/verify/{number}`: for checking an ID card, says only whether the interpreter
//! is listed today, with the listed entries and categories.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};

use super::model::{Entry, Problem, Verification};
use crate::AppState;
use crate::error::ApiError;

#[utoipa::path(
    get,
    path = "/api/v1/verify/{number}",
    tag = "interpreters",
    summary = "Is this interpreter listed today?",
    params(("number" = String, Path, description = "Interpreter number from the ID card: 1–7 digits, no leading zero", example = "10001")),
    responses(
        (status = 200, body = Verification),
        (status = 400, description = "Not an interpreter number (`invalid-interpreter-number`), or an unknown `lang`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The index is starting or unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn verify(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Verification>, ApiError> {
    let number = super::interpreter_number(path)?;
    if !state.ready() {
        return Err(ApiError::Starting);
    }
    let found = state.index.interpreter(number)?;
    let catalogue = state.index.catalogue();
    Ok(Json(Verification {
        interpreter_number: number.to_string(),
        listed: found.is_some(),
        name: found.as_ref().map(|p| p.name.clone()),
        entries: found
            .iter()
            .flat_map(|p| p.entries.iter().map(|e| Entry::new(catalogue, e)))
            .collect(),
    }))
}
