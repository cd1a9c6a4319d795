//! The admin service's one error type and how it becomes a response: the right status code, a
//! safe message (pages in bokmål or JSON), and internal causes logged, never shown.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use register::StoreError;
use register::casework::CaseworkError;
use serde_json::json;

use crate::auth::AuthError;
use crate::layout;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("Du må logge inn for å bruke saksbehandlertjenesten.")]
    Unauthenticated(AuthError),
    #[error("Du har ikke tilgang til dette med rollen din.")]
    Forbidden,
    #[error("Skjemaet var utløpt eller kom ikke fra denne tjenesten. Last siden på nytt og prøv igjen.")]
    Csrf,
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error(transparent)]
    Casework(#[from] CaseworkError),
    /// The database does not answer (stopped, restarting, overloaded): 503, try again later.
    #[error("{UNAVAILABLE}")]
    Unavailable(String),
    #[error("intern feil")]
    Internal(String),
}

/// What staff read while the database is away; the cause goes to the log.
pub const UNAVAILABLE: &str =
    "Registeret er midlertidig utilgjengelig fordi databasen ikke svarer. Ingenting er lagret. Prøv igjen om litt.";

impl From<StoreError> for AdminError {
    fn from(e: StoreError) -> Self {
        if e.is_unavailable() {
            return AdminError::Unavailable(e.to_string());
        }
        AdminError::Casework(CaseworkError::Store(e))
    }
}

impl AdminError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::Csrf => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Casework(e) => match e {
                CaseworkError::Store(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
                CaseworkError::CaseNotFound(_)
                | CaseworkError::DecisionNotFound(_)
                | CaseworkError::ApprovalNotFound(_)
                | CaseworkError::Store(StoreError::NotFound(_)) => StatusCode::NOT_FOUND,
                CaseworkError::OwnRequest | CaseworkError::NotSenior => StatusCode::FORBIDDEN,
                CaseworkError::Conflict
                | CaseworkError::ApprovalClosed
                | CaseworkError::AlreadyDecided
                | CaseworkError::AlreadyAcknowledged
                | CaseworkError::Store(StoreError::Backdated { .. })
                | CaseworkError::Store(StoreError::DuplicateNationalId(_)) => StatusCode::CONFLICT,
                e if e.is_user_error() => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            },
        }
    }

    /// The message for the user; internal causes are replaced by a generic one.
    pub fn message(&self) -> String {
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            UNAVAILABLE.into()
        } else if self.status().is_server_error() {
            "Noe gikk galt hos oss. Prøv igjen om litt; vedvarer feilen, kontakt brukerstøtte.".into()
        } else {
            self.to_string()
        }
    }

    /// Per-field messages, where the error has them.
    pub fn fields(&self) -> Vec<(String, String)> {
        match self {
            Self::Casework(CaseworkError::Invalid(fields)) => fields.clone(),
            Self::Casework(CaseworkError::Store(StoreError::Rule(register::rules::RuleError::InvalidProfile(f)))) => {
                f.clone()
            }
            Self::Casework(CaseworkError::Store(e @ StoreError::DuplicateNationalId(_))) => {
                vec![("national_id".into(), e.to_string())]
            }
            _ => Vec::new(),
        }
    }

    fn log(&self) {
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            tracing::warn!(error = %self, detail = ?self, "admin request refused: the database does not answer");
        } else if self.status().is_server_error() {
            tracing::error!(error = %self, detail = ?self, "admin request failed");
        }
    }

    /// The response as JSON (the API) or as a page.
    pub fn render(self, json: bool) -> Response {
        self.log();
        let status = self.status();
        let mut response = self.response(status, json);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response
    }

    fn response(self, status: StatusCode, json: bool) -> Response {
        if json {
            let fields: serde_json::Map<String, serde_json::Value> =
                self.fields().into_iter().map(|(f, m)| (f, m.into())).collect();
            return (status, Json(json!({ "error": self.message(), "fields": fields }))).into_response();
        }
        let title = match status {
            StatusCode::UNAUTHORIZED => "Logg inn",
            StatusCode::FORBIDDEN => "Ingen tilgang",
            StatusCode::NOT_FOUND => "Fant ikke siden",
            StatusCode::SERVICE_UNAVAILABLE => "Midlertidig utilgjengelig",
            s if s.is_server_error() => "Feil",
            _ => "Kunne ikke utføre",
        };
        let body = html! {
            h1 { (title) }
            p class="notice error" role="alert" { (self.message()) }
            @if status == StatusCode::UNAUTHORIZED {
                p { a href="/logg-inn" { "Gå til innlogging" } }
            } @else {
                p { a href="/" { "Til forsiden" } }
            }
        };
        (status, layout::page(title, None, body)).into_response()
    }
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        self.render(false)
    }
}

/// An error from an API handler: always JSON.
#[derive(Debug)]
pub struct ApiError(pub AdminError);

impl<E: Into<AdminError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.render(true)
    }
}
