//! Four-eyes on tip cases: the box with the change waiting for a second person, and a senior
//! caseworker other than the proposer approving it (it takes effect) or rejecting it with a note.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use register::tips::case::Proposal;
use register::tips::workflow;
use register::tips::{TipCase, TipError};
use serde::Deserialize;

use super::actions::{ActionForm, proposal_text};
use super::case_page::{self, Failed, Target};
use super::fields::Fields;
use super::history::describe;
use super::{message_of, parse_id, status_of, who};
use crate::AdminState;
use crate::auth::role::Senior;
use crate::auth::{Authorised, CsrfForm, Role, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors};

/// The pending proposal, with approve and reject for seniors other than the proposer.
pub fn pending_box(case: &TipCase, p: &Proposal, staff: &Staff, failed: Option<&Failed>) -> Markup {
    let own = p.proposed_by == staff.actor();
    let senior = staff.has(Role::SeniorCaseworker);
    let no_errors = Errors::default();
    let note = Fields {
        prefix: "reject",
        errors: failed.map_or(&no_errors, |f| &f.errors),
    };
    let typed = failed.map_or("", |f| f.form.note.as_str());
    html! {
        section class="notice" id="pending" aria-labelledby="pending-title" {
            h2 id="pending-title" { "Venter på godkjenning: " (proposal_text(&p.proposal)) }
            p { (describe(&p.proposal)) }
            p { "Foreslått av " (who(&p.proposed_by)) " " (crate::labels::instant(p.proposed_at)) "." }
            @if own {
                p class="hint" { "Du foreslo dette selv. En annen seniorsaksbehandler må godkjenne eller avvise det." }
            } @else if !senior {
                p class="hint" { "Bare en seniorsaksbehandler kan godkjenne eller avvise forslaget." }
            } @else {
                form method="post" action={ "/varsler/" (case.id) "/godkjenn" } {
                    (forms::csrf(&staff.csrf))
                    input type="hidden" name="version" value=(case.version);
                    div class="actions" { button type="submit" { "Godkjenn forslaget" } }
                }
                form method="post" action={ "/varsler/" (case.id) "/avvis" } {
                    (forms::csrf(&staff.csrf))
                    input type="hidden" name="version" value=(case.version);
                    (note.textarea("note", "Begrunnelse for avvisning", typed, None))
                    div class="actions" { button type="submit" class="secondary" { "Avvis forslaget" } }
                }
            }
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
    e: TipError,
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

fn version(f: &ApprovalForm) -> Result<i64, TipError> {
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
    Fut: Future<Output = Result<T, TipError>>,
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
