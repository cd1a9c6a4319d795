//! The JSON API's error type: each variant maps to a status code and a message a user can act
//! on (in Norwegian). Internal causes are logged, never shown.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::model::ErrorBody;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("søket starter; prøv igjen om noen sekunder")]
    Starting,
    #[error("tjenesten er midlertidig utilgjengelig")]
    Unavailable(#[source] search::SearchError),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Starting => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Unavailable(e) => {
                tracing::error!(error = %e, "search failed");
                StatusCode::SERVICE_UNAVAILABLE
            }
        };
        let mut response = (
            status,
            Json(ErrorBody {
                error: self.to_string(),
            }),
        )
            .into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response
    }
}

impl From<search::SearchError> for ApiError {
    fn from(e: search::SearchError) -> Self {
        match e {
            e @ search::SearchError::OutOfRange { .. } => ApiError::BadRequest(e.to_string()),
            other => ApiError::Unavailable(other),
        }
    }
}
