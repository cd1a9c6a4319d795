//! The JSON API of the admin service: who am I, an interpreter's record and history, register
//! and change interpreters, work lists and four-eyes approval. Same roles and rules as the pages.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use register::casework::workflow::{self, Requested};
use register::casework::{ApprovalStatus, PendingApproval};
use register::interpreter::Profile;
use register::store::{AuditItem, CaseStore};
use register::ui_language::UiLanguage;
use register::{ChangeMeta, Command, InterpreterRecord, Store, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::AdminState;
use crate::auth::role::{AnyStaff, Casework, Senior};
use crate::auth::{Authorised, CsrfJson, Role};
use crate::error::{AdminError, AdminProblem, ApiError};
use crate::home::{Worklist, worklist};
use crate::interpreters::find;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/api/v1/me", get(me))
        .route("/api/v1/interpreters", post(register_interpreter))
        .route("/api/v1/interpreters/{number}", get(interpreter))
        .route("/api/v1/interpreters/{number}/history", get(history))
        .route("/api/v1/interpreters/{number}/commands", post(command))
        .route("/api/v1/worklist", get(my_worklist))
        .route("/api/v1/approvals", get(approvals))
        .route("/api/v1/approvals/{id}/approve", post(approve))
        .layer(axum::middleware::from_fn(localise))
}

/// Writes every problem an API route returns (its extractors' refusals included) in the
/// request's language: `lang=nb|nn|en`, else Accept-Language, else bokmål.
async fn localise(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(request.uri().query().unwrap_or("")).unwrap_or_default();
    let asked = pairs.iter().rev().find(|(k, _)| k == "lang").map(|(_, v)| v.as_str());
    let accept = request
        .headers()
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = UiLanguage::negotiate(asked, accept);
    let response = next.run(request).await;
    match response.extensions().get::<AdminProblem>() {
        Some(problem) if lang != UiLanguage::Nb => problem.clone().render(lang),
        _ => response,
    }
}

async fn me(user: Authorised<AnyStaff>) -> Json<Value> {
    Json(json!({
        "id": user.identity.id,
        "name": user.identity.name,
        "roles": user.identity.roles,
        "csrf_token": user.csrf,
    }))
}

/// A new interpreter and why (e.g. the application's journal number).
#[derive(Debug, Deserialize)]
pub struct Registration {
    pub profile: Profile,
    pub reason: String,
}

async fn register_interpreter(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    CsrfJson(body): CsrfJson<Registration>,
) -> Result<(StatusCode, Json<InterpreterRecord>), ApiError> {
    let record = state
        .store
        .register_interpreter(body.profile, ChangeMeta::now(user.actor(), body.reason))
        .await?;
    Ok((StatusCode::CREATED, Json(record)))
}

async fn interpreter(
    State(state): State<AdminState>,
    _user: Authorised<Casework>,
    Path(number): Path<String>,
) -> Result<Json<InterpreterRecord>, ApiError> {
    Ok(Json(find(&state, &number).await?))
}

async fn history(
    State(state): State<AdminState>,
    _user: Authorised<Casework>,
    Path(number): Path<String>,
) -> Result<Json<Vec<AuditItem>>, ApiError> {
    let record = find(&state, &number).await?;
    Ok(Json(state.store.history(record.number).await?))
}

/// A change to an interpreter's record and why.
#[derive(Debug, Deserialize)]
pub struct ChangeRequest {
    pub command: Command,
    pub reason: String,
}

#[derive(Debug, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum ChangeResult {
    Done { record: Box<InterpreterRecord> },
    AwaitingApproval { approval: Box<PendingApproval> },
}

async fn command(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(number): Path<String>,
    CsrfJson(body): CsrfJson<ChangeRequest>,
) -> Result<(StatusCode, Json<ChangeResult>), ApiError> {
    let record = find(&state, &number).await?;
    if matches!(body.command, Command::RecordExpiredExclusions) {
        return Err(AdminError::BadRequest("denne endringen gjør systemet selv".into()).into());
    }
    Ok(
        match workflow::request_change(&state.store, record.number, body.command, &body.reason, &user.actor()).await? {
            Requested::Done(record) => (StatusCode::OK, Json(ChangeResult::Done { record })),
            Requested::AwaitingApproval(approval) => {
                (StatusCode::ACCEPTED, Json(ChangeResult::AwaitingApproval { approval }))
            }
        },
    )
}

async fn my_worklist(State(state): State<AdminState>, user: Authorised<Casework>) -> Result<Json<Worklist>, ApiError> {
    Ok(Json(worklist(&state, &user.actor(), Timestamp::now().date()).await?))
}

async fn approvals(
    State(state): State<AdminState>,
    _user: Authorised<Senior>,
) -> Result<Json<Vec<PendingApproval>>, ApiError> {
    Ok(Json(state.store.approvals(ApprovalStatus::Pending).await?))
}

async fn approve(
    State(state): State<AdminState>,
    user: Authorised<Senior>,
    Path(id): Path<String>,
    CsrfJson(_): CsrfJson<Value>,
) -> Result<Json<InterpreterRecord>, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| AdminError::NotFound(format!("Fant ingen forespørsel «{id}»")))?;
    Ok(Json(
        workflow::approve(&state.store, id, &user.actor(), user.has(Role::SeniorCaseworker)).await?,
    ))
}
