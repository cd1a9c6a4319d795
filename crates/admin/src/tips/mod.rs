//! Tip (varsel) case handling for caseworkers and seniors: the work list, staff intake from
//! e-mail or post, the case page with its actions, four-eyes approval, notes and documents.

pub mod action_form;
pub mod actions;
pub mod approval;
pub mod case_page;
pub mod documents;
pub mod fields;
pub mod history;
pub mod intake;
pub mod list;
pub mod posts;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use register::StoreError;
use register::tips::TipError;

use crate::AdminState;
use crate::error::AdminError;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/varsler", get(list::work_list))
        .route("/varsler", post(intake::register))
        .route("/varsler/ny", get(intake::new_tip))
        .route("/varsler/{id}", get(case_page::show))
        .route("/varsler/{id}/hendelser", post(posts::act))
        .route("/varsler/{id}/godkjenn", post(posts::approve))
        .route("/varsler/{id}/avvis", post(posts::reject))
        .route(
            "/varsler/{id}/dokumenter",
            post(posts::upload).layer(DefaultBodyLimit::max(documents::UPLOAD_LIMIT)),
        )
        .route("/varsler/{id}/dokumenter/{document}", get(documents::download))
}

/// The case number in a path, or 404.
pub fn parse_id(raw: &str) -> Result<i64, AdminError> {
    raw.parse()
        .map_err(|_| AdminError::NotFound(format!("Fant ingen varselsak «{raw}»")))
}

/// The status a refusal from the tip domain is answered with.
pub fn status_of(e: &TipError<StoreError>) -> StatusCode {
    match e {
        TipError::NotFound(_)
        | TipError::DocumentNotFound(_)
        | TipError::TermNotFound(_)
        | TipError::MeetingNotFound(_) => StatusCode::NOT_FOUND,
        TipError::OwnProposal
        | TipError::NotSenior
        | TipError::AccessDenied
        | TipError::AssignOthers
        | TipError::NotAssigned => StatusCode::FORBIDDEN,
        TipError::Conflict => StatusCode::CONFLICT,
        TipError::Store(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
        TipError::Store(StoreError::NotFound(_)) => StatusCode::UNPROCESSABLE_ENTITY,
        e if e.is_user_error() => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The message for a refusal, as a sentence; internal causes are not shown.
pub fn message_of(e: &TipError<StoreError>) -> String {
    if status_of(e) == StatusCode::SERVICE_UNAVAILABLE {
        tracing::warn!(error = %e, "tip request refused: the database does not answer");
        return crate::error::UNAVAILABLE.into();
    }
    if status_of(e).is_server_error() {
        tracing::error!(error = %e, detail = ?e, "tip request failed");
        return "Noe gikk galt hos oss. Prøv igjen om litt; vedvarer feilen, kontakt brukerstøtte.".into();
    }
    match e {
        TipError::Invalid(fields) => {
            let list: Vec<&str> = fields.iter().map(|(_, m)| m.as_str()).collect();
            capitalise(&format!("{}.", list.join("; ")))
        }
        TipError::Store(StoreError::NotFound(n)) => format!("Fant ingen tolk med tolkenummer {n}."),
        TipError::Store(e) => capitalise(&format!(
            "{}.",
            crate::labels::store_refusal(e).unwrap_or_else(|| e.to_string())
        )),
        e => capitalise(&format!(
            "{}.",
            crate::labels::refusal(e).unwrap_or_else(|| e.to_string())
        )),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub use crate::labels::actor as who;
