//! `GET /api/v1/interpreters/{number}`: a listed interpreter's public fields.

use axum::Json;
use axum::extract::{Path, State};

use super::model::Interpreter;
use crate::AppState;
use crate::error::ApiError;

#[utoipa::path(
    get,
    path = "/api/v1/interpreters/{number}",
    tag = "interpreters",
    summary = "A listed interpreter",
    params(("number" = String, Path, description = "Interpreter number", example = "10001")),
    responses(
        (status = 200, body = Interpreter),
        (status = 400, description = "Not an interpreter number", body = super::model::ErrorBody),
        (status = 404, description = "No listed interpreter has this number", body = super::model::ErrorBody),
    )
)]
pub async fn one(State(state): State<AppState>, Path(raw): Path<String>) -> Result<Json<Interpreter>, ApiError> {
    let number: register::InterpreterNumber = raw
        .parse()
        .map_err(|e: register::interpreter_number::InvalidInterpreterNumber| ApiError::BadRequest(e.to_string()))?;
    if !state.ready() {
        return Err(ApiError::Starting);
    }
    match state.index.interpreter(number)? {
        Some(p) => Ok(Json(Interpreter::new(state.index.catalogue(), &p))),
        None => Err(ApiError::NotFound(format!(
            "ingen oppført tolk har tolkenummer {number}"
        ))),
    }
}
