//! Four-eyes approval: the queue of revocations and exclusions waiting for a second senior
//! caseworker, who approves (the change takes effect) or rejects it with a note.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::casework::four_eyes::describe;
use register::casework::{ApprovalStatus, PendingApproval};
use register::store::tips::TipListItem;
use register::workflow::casework as workflow;
use serde::Deserialize;

use crate::AdminState;
use crate::auth::role::Senior;
use crate::auth::{Authorised, CsrfForm, Role, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors};
use crate::layout;
use crate::login::Empty;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/godkjenninger", get(queue))
        .route("/godkjenninger/{id}/godkjenn", post(approve))
        .route("/godkjenninger/{id}/avvis", post(reject))
}

fn parse_id(raw: &str) -> Result<i64, AdminError> {
    raw.parse()
        .map_err(|_| AdminError::NotFound(format!("Fant ingen forespørsel «{raw}»")))
}

/// What waits for a second senior: register changes (approved here) and tip cases with a
/// proposed decision or sanction (approved on the case page, where the case can be read first).
struct Queue {
    changes: Vec<PendingApproval>,
    tips: Vec<TipListItem>,
}

impl Queue {
    async fn load(state: &AdminState) -> Result<Queue, AdminError> {
        let changes = state.store.approvals(ApprovalStatus::Pending).await?;
        let tips = state
            .store
            .tip_list(true)
            .await?
            .into_iter()
            .filter(|t| t.pending)
            .collect();
        Ok(Queue { changes, tips })
    }
}

fn tip_queue(tips: &[TipListItem]) -> Markup {
    html! {
        section aria-labelledby="tip-approvals" {
            h2 id="tip-approvals" { "Varselsaker med forslag til godkjenning" }
            @if tips.is_empty() {
                p { "Ingen varselsaker venter på godkjenning." }
            } @else {
                ul {
                    @for t in tips {
                        li {
                            a href={ "/varsler/" (t.id) } { (t.reference) }
                            @if let Some(n) = t.interpreter { " – tolk " (n) }
                            " (" (crate::labels::case_status(t.status)) ")"
                        }
                    }
                }
            }
        }
    }
}

fn queue_view(staff: &Staff, queue: &Queue, failed: Option<(i64, &str, &Errors)>) -> Markup {
    let pending = &queue.changes;
    html! {
        h1 { "Til godkjenning" }
        p { "Tilbakekall av bevilling og utestenging gjelder først når en annen seniorsaksbehandler enn den som foreslo det, har godkjent." }
        (tip_queue(&queue.tips))
        h2 { "Endringer i registeret" }
        @if pending.is_empty() { p { "Ingen endringer venter på godkjenning." } }
        @for a in pending {
            section class="approval" aria-labelledby={ "approval-" (a.id) } {
                h3 id={ "approval-" (a.id) } { (describe(&a.command)) " – tolk " a href={ "/tolker/" (a.number) } { (a.number) } }
                p { "Foreslått av " (crate::labels::actor(&a.requested_by)) " " (crate::labels::instant(a.requested_at)) "." }
                p { "Begrunnelse: " (a.reason) }
                @let errors = failed.filter(|(id, _, _)| *id == a.id);
                @if let Some((_, message, _)) = errors { p class="notice error" role="alert" { (message) } }
                @if a.requested_by == staff.actor() {
                    p class="hint" { "Du foreslo denne endringen selv og kan ikke godkjenne den." }
                } @else {
                    div class="actions" {
                        form method="post" action={ "/godkjenninger/" (a.id) "/godkjenn" } {
                            (forms::csrf(&staff.csrf))
                            button type="submit" { "Godkjenn " (describe(&a.command).to_lowercase()) }
                        }
                    }
                    form method="post" action={ "/godkjenninger/" (a.id) "/avvis" } {
                        (forms::csrf(&staff.csrf))
                        @let empty = Errors::default();
                        @let note_errors = errors.map(|(_, _, e)| e).unwrap_or(&empty);
                        (forms::input("text", &format!("note-{}", a.id), "Begrunnelse for avvisning", "", note_errors, None))
                        div class="actions" { button type="submit" class="secondary" { "Avvis" } }
                    }
                }
            }
        }
    }
}

async fn queue(State(state): State<AdminState>, user: Authorised<Senior>) -> Result<Markup, AdminError> {
    let queue = Queue::load(&state).await?;
    Ok(layout::page(
        "Til godkjenning",
        Some(&user),
        queue_view(&user, &queue, None),
    ))
}

/// The queue again with the refusal on the request it concerns.
async fn refused(state: &AdminState, user: &Staff, id: i64, e: AdminError) -> Result<Response, AdminError> {
    let status = e.status();
    if status.is_server_error() {
        return Err(e);
    }
    let queue = Queue::load(state).await?;
    let fields = Errors(e.fields().into_iter().map(|(_, m)| (format!("note-{id}"), m)).collect());
    let body = queue_view(user, &queue, Some((id, &e.message(), &fields)));
    Ok((status, layout::page("Til godkjenning", Some(user), body)).into_response())
}

async fn approve(
    State(state): State<AdminState>,
    user: Authorised<Senior>,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AdminError> {
    let id = parse_id(&id)?;
    match workflow::approve(&state.store, id, &user.actor(), user.has(Role::SeniorCaseworker)).await {
        Ok(record) => Ok(Redirect::to(&format!("/tolker/{}?ok=changed", record.number)).into_response()),
        Err(e) => refused(&state, &user, id, e.into()).await,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RejectForm {
    #[serde(flatten)]
    pub fields: std::collections::HashMap<String, String>,
}

async fn reject(
    State(state): State<AdminState>,
    user: Authorised<Senior>,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RejectForm>,
) -> Result<Response, AdminError> {
    let id = parse_id(&id)?;
    let note = form.fields.get(&format!("note-{id}")).map(String::as_str).unwrap_or("");
    match workflow::reject(&state.store, id, &user.actor(), user.has(Role::SeniorCaseworker), note).await {
        Ok(_) => Ok(Redirect::to("/godkjenninger").into_response()),
        Err(e) => refused(&state, &user, id, e.into()).await,
    }
}
