//! The public service's error type: each variant maps to a status code and a message a user
//! can act on. Internal causes are logged, never shown.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("tjenesten er midlertidig utilgjengelig")]
    Unavailable(#[source] register::StoreError),
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unavailable(e) => {
                tracing::error!(error = %e, "storage failed");
                StatusCode::SERVICE_UNAVAILABLE
            }
        };
        (
            status,
            Json(Body {
                error: &self.to_string(),
            }),
        )
            .into_response()
    }
}

impl From<register::StoreError> for ApiError {
    fn from(e: register::StoreError) -> Self {
        match e {
            register::StoreError::NotFound(n) => ApiError::NotFound(format!("fant ingen tolk med tolkenummer {n}")),
            other => ApiError::Unavailable(other),
        }
    }
}

/// The answer for paths that do not exist.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("siden finnes ikke".into())
}
