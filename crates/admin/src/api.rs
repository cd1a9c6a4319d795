//! The JSON API of the admin service: who am I, an interpreter's record and history, register
//! and change interpreters, work lists and four-eyes approval. Same roles and rules as the pages.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use register::casework::{ApprovalStatus, PendingApproval};
use register::interpreter::Profile;
use register::store::AuditItem;
use register::ui_language::UiLanguage;
use register::workflow::casework::{self as workflow, Requested};
use register::{ChangeMeta, Command, InterpreterRecord, Timestamp};
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
        .route("/api/openapi.json", get(crate::openapi::document))
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

#[utoipa::path(get, path = "/api/v1/me", tag = "staff", summary = "Who is signed in, with roles and the CSRF token for writes",
    responses((status = 200, description = "`id`, `name`, `roles`, `csrf_token`", body = Object),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn me(user: Authorised<AnyStaff>) -> Json<Value> {
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

#[utoipa::path(post, path = "/api/v1/interpreters", tag = "interpreters", summary = "Register an interpreter (caseworker)",
    request_body(content = Object, description = "`profile` (the register's profile fields) and `reason`"),
    responses((status = 201, description = "The new record", body = Object),
        (status = 409, description = "The national identity number is held by another interpreter (`duplicate-national-id`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Fields to correct, in `fields`", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn register_interpreter(
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

#[utoipa::path(get, path = "/api/v1/interpreters/{number}", tag = "interpreters", summary = "An interpreter's record (caseworker)",
    params(("number" = String, Path, description = "Interpreter number", example = "10001")),
    responses((status = 200, description = "The record with entries and derived categories", body = Object),
        (status = 404, description = "No such interpreter", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn interpreter(
    State(state): State<AdminState>,
    _user: Authorised<Casework>,
    Path(number): Path<String>,
) -> Result<Json<InterpreterRecord>, ApiError> {
    Ok(Json(find(&state, &number).await?))
}

#[utoipa::path(get, path = "/api/v1/interpreters/{number}/history", tag = "interpreters", summary = "Every change to the record: who, when, why (caseworker)",
    params(("number" = String, Path, description = "Interpreter number", example = "10001")),
    responses((status = 200, description = "Audit items, oldest first", body = Vec<Object>),
        (status = 404, description = "No such interpreter", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn history(
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

#[utoipa::path(post, path = "/api/v1/interpreters/{number}/commands", tag = "interpreters", summary = "Change a record; a change that lowers a category or sanctions waits for a second senior",
    params(("number" = String, Path, description = "Interpreter number", example = "10001")),
    request_body(content = Object, description = "`command` (a register command) and `reason`"),
    responses((status = 200, description = "`result: done` with the record", body = Object),
        (status = 202, description = "`result: awaiting_approval` with the pending approval", body = Object),
        (status = 404, description = "No such interpreter", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Backdated, or changed by someone else meanwhile (`conflict`, `backdated`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The rules of the register refuse the change", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn command(
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

#[utoipa::path(get, path = "/api/v1/worklist", tag = "staff", summary = "The signed-in caseworker's work lists",
    responses((status = 200, description = "Tip cases, foreign-qualification cases, deadlines and approvals, with interpreters' names", body = Object),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn my_worklist(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
) -> Result<Json<Worklist>, ApiError> {
    Ok(Json(worklist(&state, &user.actor(), Timestamp::now().date()).await?))
}

#[utoipa::path(get, path = "/api/v1/approvals", tag = "approvals", summary = "Changes waiting for a second senior (senior caseworker)",
    responses((status = 200, description = "Pending approvals", body = Vec<Object>),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn approvals(
    State(state): State<AdminState>,
    _user: Authorised<Senior>,
) -> Result<Json<Vec<PendingApproval>>, ApiError> {
    Ok(Json(state.store.approvals(ApprovalStatus::Pending).await?))
}

#[utoipa::path(post, path = "/api/v1/approvals/{id}/approve", tag = "approvals", summary = "Approve a pending change; never your own (senior caseworker)",
    params(("id" = String, Path, description = "The approval's id")),
    request_body(content = Object, description = "Empty object"),
    responses((status = 200, description = "The record after the change", body = Object),
        (status = 404, description = "No such approval", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already approved or rejected (`approval-closed`), or the record changed (`conflict`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The rules refuse the change now", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in, or the token has expired", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow this (`forbidden`), or a cookie session without the CSRF header (`csrf`)", body = crate::openapi::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database does not answer; nothing was stored", body = crate::openapi::Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn approve(
    State(state): State<AdminState>,
    user: Authorised<Senior>,
    Path(id): Path<String>,
    _body: CsrfJson<Value>,
) -> Result<Json<InterpreterRecord>, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| AdminError::NotFound(format!("Fant ingen forespørsel «{id}»")))?;
    Ok(Json(
        workflow::approve(&state.store, id, &user.actor(), user.has(Role::SeniorCaseworker)).await?,
    ))
}
