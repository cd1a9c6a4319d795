//! The tip case page's POST handlers: an action's event, approving or rejecting a proposal,
//! and a document upload. Each either redirects to the case page or shows it again with the
//! refusal on the form that was sent (`case_page::again`); the forms themselves are drawn by
//! `actions`, `approval` and `documents`, which the case page uses, so nothing here is imported
//! back by them.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use register::StoreError;
use register::Timestamp;
use register::tips::{CaseEvent, NewDocument, NewEvent, TipError};
use register::workflow::tips::{self as workflow, Acted};
use serde::Deserialize;

use super::action_form::{ActionForm, tip_message};
use super::actions::{Action, Failed, Target};
use super::{case_page, message_of, parse_id, status_of};
use crate::AdminState;
use crate::auth::extract::csrf_valid;
use crate::auth::role::{Casework, Senior};
use crate::auth::{Authorised, CsrfForm, Role, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors};
use crate::upload;

/// Every tip decision takes four eyes (issue 5): exclusions and revocations already do in the
/// register's workflow; a warning or no-breach decision is proposed here the same way.
async fn propose_decision(
    state: &AdminState,
    id: i64,
    version: i64,
    event: CaseEvent,
    actor: &str,
    reason: &str,
) -> Result<Acted, TipError<StoreError>> {
    let rules = &state.settings.tip_rules;
    let excludes = matches!(&event, CaseEvent::Decide { outcome, .. } if outcome.excludes());
    if excludes {
        return workflow::act(&state.store, id, version, event, actor, reason, rules).await;
    }
    let proposal = NewEvent::new(
        CaseEvent::Propose {
            proposal: Box::new(event),
        },
        actor,
        reason,
    );
    let after = state
        .store
        .append_event(id, version, &proposal, rules, Timestamp::now().date())
        .await?;
    Ok(Acted::AwaitingApproval(Box::new(after)))
}

/// `POST /varsler/{id}/hendelser`: makes one action's event, or shows the case again with the
/// refusal on the action's form and everything typed kept.
pub async fn act(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActionForm>,
) -> Result<Response, AdminError> {
    let id = parse_id(&id)?;
    let action: Action = f.action.parse()?;
    let rules = state.settings.tip_rules;
    let refused = |errors: Errors, message: Option<String>, status| {
        let failed = Failed {
            target: Target::Action(action),
            form: f.clone(),
            errors,
            message,
        };
        case_page::again(&state, &user, id, failed, status)
    };
    let version = match f.version() {
        Ok(v) => v,
        Err(broken) => {
            return refused(
                Errors::default(),
                Some(broken.into()),
                axum::http::StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let event = match action.event(&f, &user, &rules) {
        Ok(e) => e,
        Err(errors) => return refused(errors, None, axum::http::StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    if let Some(consequence) = action.consequence()
        && !f.confirmed()
    {
        let title = format!("Bekreft: {}", action.title().to_lowercase());
        let confirmation = forms::Confirmation {
            title: &title,
            consequence,
            action: &format!("/varsler/{id}/hendelser"),
            fields: forms::resend(&f),
            confirm: &format!("Ja, {}", action.title().to_lowercase()),
            back: &format!("/varsler/{id}"),
        };
        let body = forms::confirmation(&user.csrf, &confirmation);
        return Ok(crate::layout::page(&title, Some(&user), body).into_response());
    }
    let actor = user.actor();
    let reason = if action == Action::Note {
        "notat"
    } else {
        f.reason.as_str()
    };
    let result = match event {
        e @ CaseEvent::Decide { .. } => propose_decision(&state, id, version, e, &actor, reason).await,
        CaseEvent::Assign { caseworker } => {
            let senior = user.has(Role::SeniorCaseworker);
            let standing = state.staff_standing(&caseworker).await?;
            workflow::assign(
                &state.store,
                id,
                version,
                &actor,
                senior,
                &caseworker,
                standing,
                reason,
                &rules,
            )
            .await
        }
        e => workflow::act(&state.store, id, version, e, &actor, reason, &rules).await,
    };
    match result {
        Ok(Acted::Done(_)) => Ok(Redirect::to(&format!("/varsler/{id}?ok=done")).into_response()),
        Ok(Acted::AwaitingApproval(_)) => Ok(Redirect::to(&format!("/varsler/{id}?ok=proposed")).into_response()),
        Err(e) => {
            let status = status_of(&e);
            if status.is_server_error() || status == axum::http::StatusCode::NOT_FOUND {
                return Err(AdminError::Tip(e));
            }
            let errors = match &e {
                TipError::Invalid(fields) => Errors(fields.clone()),
                TipError::MeetingNotFound(_) => Errors(vec![("meeting".into(), tip_message(&e))]),
                TipError::AssignOthers | TipError::NotACaseworker(_) => {
                    Errors(vec![("caseworker".into(), tip_message(&e))])
                }
                _ => Errors::default(),
            };
            refused(errors, Some(message_of(&e)), status).await
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ApprovalForm {
    pub version: String,
    pub note: String,
}

/// The case page again with the refusal above it and the note kept.
async fn refused(
    state: &AdminState,
    staff: &Staff,
    id: i64,
    f: &ApprovalForm,
    e: TipError<StoreError>,
) -> Result<Response, AdminError> {
    let status = status_of(&e);
    if status.is_server_error() || status == StatusCode::NOT_FOUND {
        return Err(AdminError::Tip(e));
    }
    let errors = match &e {
        TipError::Invalid(fields) => Errors(fields.clone()),
        _ => Errors::default(),
    };
    let failed = Failed {
        target: Target::Approval,
        form: ActionForm {
            note: f.note.clone(),
            ..ActionForm::default()
        },
        errors,
        message: Some(message_of(&e)),
    };
    case_page::again(state, staff, id, failed, status).await
}

fn version(f: &ApprovalForm) -> Result<i64, TipError<StoreError>> {
    f.version.trim().parse().map_err(|_| TipError::Conflict)
}

/// `POST /varsler/{id}/godkjenn`.
pub async fn approve(
    State(state): State<AdminState>,
    user: Authorised<Senior>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ApprovalForm>,
) -> Result<Response, AdminError> {
    let rules = state.settings.tip_rules;
    let (actor, senior) = (user.actor(), user.has(Role::SeniorCaseworker));
    four_eyes_step(&state, &user, &id, &f, "approved", |id, v| {
        workflow::approve(&state.store, id, v, &actor, senior, &rules)
    })
    .await
}

/// `POST /varsler/{id}/avvis`.
pub async fn reject(
    State(state): State<AdminState>,
    user: Authorised<Senior>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ApprovalForm>,
) -> Result<Response, AdminError> {
    let rules = state.settings.tip_rules;
    let (actor, senior) = (user.actor(), user.has(Role::SeniorCaseworker));
    four_eyes_step(&state, &user, &id, &f, "rejected", |id, v| {
        workflow::reject(&state.store, id, v, &actor, senior, &f.note, &rules)
    })
    .await
}

/// Runs `step` (approve or reject) on the case version the form was read at; back to the case
/// page with `?ok={done}`, or the case page again with the refusal and the note kept.
async fn four_eyes_step<T, Fut>(
    state: &AdminState,
    user: &Staff,
    raw_id: &str,
    f: &ApprovalForm,
    done: &str,
    step: impl FnOnce(i64, i64) -> Fut,
) -> Result<Response, AdminError>
where
    Fut: Future<Output = Result<T, TipError<StoreError>>>,
{
    let id = parse_id(raw_id)?;
    let result = match version(f) {
        Ok(v) => step(id, v).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/varsler/{id}?ok={done}")).into_response()),
        Err(e) => refused(state, user, id, f, e).await,
    }
}

/// `POST /varsler/{id}/dokumenter` (multipart).
pub async fn upload(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AdminError> {
    let id = parse_id(&id)?;
    let multipart = multipart.map_err(|_| {
        AdminError::BadRequest("Opplastingen må sendes som et skjema med fil (multipart/form-data).".into())
    })?;
    let refused = |status: StatusCode, reason: String, errors: Errors, message: String| {
        let failed = Failed {
            target: Target::Upload,
            form: ActionForm {
                reason,
                ..ActionForm::default()
            },
            errors,
            message: Some(message),
        };
        let state = state.clone();
        let user = user.staff.clone();
        async move { case_page::again(&state, &user, id, failed, status).await }
    };
    let upload = match upload::read(multipart, "reason", "Filen er for stor; den kan være høyst 10 MB.").await {
        Ok(u) => u,
        Err((status, message)) => {
            let mut errors = Errors::default();
            errors.push("file", message.clone());
            return refused(status, String::new(), errors, message).await;
        }
    };
    // Nothing is stored before the token is known to belong to this session.
    if !csrf_valid(&state, &user, &headers, &upload.csrf) {
        return Err(AdminError::Csrf);
    }
    let mut errors = Errors::default();
    if upload.text.trim().is_empty() {
        errors.push("reason", "skriv hva dokumentet er");
    }
    let document = match NewDocument::new(&upload.file_name, upload.content, &user.actor()) {
        Ok(d) => Some(d),
        Err(TipError::Invalid(fields)) => {
            errors.0.extend(fields);
            None
        }
        Err(e) => return Err(AdminError::Tip(e.into())),
    };
    let Some(document) = document.filter(|_| errors.is_empty()) else {
        let message = "Dokumentet ble ikke lagret. Rett opp feilene og velg filen på nytt.".to_string();
        return refused(StatusCode::UNPROCESSABLE_ENTITY, upload.text, errors, message).await;
    };
    match state
        .store
        .add_document(
            id,
            &document,
            user.has(Role::SeniorCaseworker),
            &upload.text,
            &state.settings.tip_rules,
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/varsler/{id}?ok=uploaded")).into_response()),
        Err(e) if status_of(&e).is_client_error() && status_of(&e) != StatusCode::NOT_FOUND => {
            let (status, message) = (status_of(&e), message_of(&e));
            let errors = match e {
                TipError::Invalid(fields) => Errors(fields),
                _ => Errors::default(),
            };
            refused(status, upload.text, errors, message).await
        }
        Err(e) => Err(AdminError::Tip(e)),
    }
}
