//! `GET /api/v1/interpreters/{number}`: a listed interpreter's public fields.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};

use super::model::{Interpreter, Problem};
use crate::AppState;
use crate::error::ApiError;

#[utoipa::path(
    get,
    path = "/api/v1/interpreters/{number}",
    tag = "interpreters",
    summary = "A listed interpreter",
    params(("number" = String, Path, description = "Interpreter number: 1–7 digits, no leading zero", example = "10001")),
    responses(
        (status = 200, body = Interpreter),
        (status = 400, description = "Not an interpreter number (`invalid-interpreter-number`), or an unknown `lang`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No listed interpreter has this number (`interpreter-not-found`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The index is starting or unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Interpreter>, ApiError> {
    let number = super::interpreter_number(path)?;
    if !state.ready() {
        return Err(ApiError::Starting);
    }
    match state.index.interpreter(number)? {
        Some(p) => Ok(Json(Interpreter::new(state.index.catalogue(), &p))),
        None => Err(ApiError::InterpreterNotFound(number)),
    }
}
