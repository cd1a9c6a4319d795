//! The committee members' own pages: their meetings with the agenda cases, a case's summary (read
//! through the audited access rule, never the reporter) and declaring a conflict in a case.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::Timestamp;
use register::tips::access::CommitteeSummary;
use register::tips::{CaseView, Meeting, TipError, Viewer};
use serde::{Deserialize, Serialize};

use super::login;
use crate::AdminState;
use crate::auth::role::Committee;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors, required};
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/utvalg/mine", get(my_meetings))
        .route("/utvalg/saker/{id}", get(case_page))
        .route("/utvalg/saker/{id}/inhabilitet", post(declare_conflict))
}

/// What a member is told when the access rule refuses them a case. The same words (and 404)
/// whether the case exists or not: a member must not learn which cases there are.
const REFUSED: &str = "Fant ingen sak med dette nummeret som du har tilgang til. Som medlem av utvalget ser du bare \
     saker som står på dagsordenen for møter du sitter i, og ikke saker der du har meldt deg inhabil.";

/// The meetings `staff` sits on, newest first, each with the agenda as the member may see it.
pub async fn overview(state: &AdminState, staff: &Staff) -> Result<Markup, AdminError> {
    let me = login(staff);
    let mut meetings = state.store.meetings_for(&me).await?;
    meetings.reverse();
    let mut agendas = Vec::with_capacity(meetings.len());
    for m in &meetings {
        agendas.push(state.store.agenda(m.id).await?);
    }
    let today = Timestamp::now().date();
    Ok(html! {
        h2 { "Mine utvalgsmøter" }
        @if meetings.is_empty() {
            p { "Du sitter ikke i noen utvalgsmøter ennå. Sekretariatet i IMDi setter deg opp når et møte planlegges." }
        }
        @for (m, agenda) in meetings.iter().zip(&agendas) {
            section class="meeting" {
                h3 { "Møte " (m.held_on) @if m.held_on < today { " (avholdt)" } }
                @if agenda.is_empty() {
                    p { "Ingen saker på dagsordenen ennå." }
                } @else {
                    ul {
                        @for item in agenda {
                            li {
                                @if item.conflicts.iter().any(|c| c.login == me) {
                                    (item.reference) " – du har meldt deg inhabil"
                                } @else {
                                    a href={ "/utvalg/saker/" (item.tip_id) } { "Sak " (item.reference) }
                                }
                            }
                        }
                    }
                }
            }
        }
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Notice {
    pub inhabil: String,
}

async fn my_meetings(
    State(state): State<AdminState>,
    user: Authorised<Committee>,
    Query(notice): Query<Notice>,
) -> Result<Markup, AdminError> {
    let overview = overview(&state, &user).await?;
    let body = html! {
        h1 { "Utvalget – mine møter og saker" }
        @if !notice.inhabil.is_empty() {
            p class="notice ok" role="status" {
                "Du har meldt deg inhabil i sak " (notice.inhabil) ". Saken er ikke lenger tilgjengelig for deg."
            }
        }
        p { "Du ser et sammendrag av sakene på dagsordenen for møtene du sitter i, aldri hvem som har varslet. Hver gang du åpner en sak, blir det logget." }
        (overview)
    };
    Ok(layout::page("Mine utvalgsmøter", Some(&user), body))
}

/// A page refusing the member the case, with the reason in plain words.
fn refused(staff: &Staff) -> Response {
    let body = html! {
        h1 { "Fant ikke saken" }
        p class="notice error" role="alert" { (REFUSED) }
        p { a href="/utvalg/mine" { "Til mine møter" } }
    };
    (
        StatusCode::NOT_FOUND,
        layout::page("Fant ikke saken", Some(staff), body),
    )
        .into_response()
}

/// The member's meetings that have case `id` on their agenda.
async fn meetings_with(state: &AdminState, staff: &Staff, id: i64) -> Result<Vec<Meeting>, AdminError> {
    let mine = state.store.meetings_for(&login(staff)).await?;
    Ok(mine.into_iter().filter(|m| m.agenda.contains(&id)).collect())
}

/// Opens case `id` for the member through the access rule (logged, also when refused); `Err`
/// holds the finished refusal. A case that does not exist is refused in the very same words and
/// status as one off the member's agenda, so members cannot learn which cases exist.
async fn open_summary(state: &AdminState, staff: &Staff, id: i64) -> Result<CommitteeSummary, Response> {
    let viewer = Viewer::CommitteeMember { login: login(staff) };
    match state.store.view_case(id, &viewer, &state.tip_key).await {
        Ok(CaseView::CommitteeSummary(summary)) => Ok(summary),
        // The rule never gives a member more than the summary; refuse rather than show it.
        Ok(_) | Err(TipError::AccessDenied | TipError::NotFound(_)) => Err(refused(staff)),
        Err(e) => Err(AdminError::Tip(e).into_response()),
    }
}

async fn summary_page(
    state: &AdminState,
    staff: &Staff,
    summary: &CommitteeSummary,
    note: &str,
    errors: &Errors,
) -> Result<Markup, AdminError> {
    let interpreter = match summary.interpreter {
        Some(n) => state
            .store
            .record(n)
            .await?
            .map(|r| format!("{} ({n})", r.profile.display_name())),
        None => None,
    };
    let meetings = meetings_with(state, staff, summary.id).await?;
    let title = format!("Sak {}", summary.reference);
    let body = html! {
        (crate::layout::breadcrumbs(&[("/", "Arbeidsliste"), ("/utvalg/mine", "Mine utvalgsmøter")], &title))
        h1 { (title) }
        p { "Sammendrag for utvalget. Hvem som har varslet, og varslerens egen beskrivelse, vises ikke." }
        dl class="facts" {
            dt { "Tolken saken gjelder" } dd { (interpreter.as_deref().unwrap_or("ikke identifisert")) }
            dt { "Grunnlag" }
            dd { (summary.grounds.iter().map(|g| format!("{} ({})", crate::labels::ground(g), g.section())).collect::<Vec<_>>().join(", ")) }
            dt { "Behandles i møte" }
            dd { (meetings.iter().map(|m| m.held_on.to_string()).collect::<Vec<_>>().join(", ")) }
        }
        h2 { "Saksframstilling fra IMDi" }
        @if summary.summaries.is_empty() { p { "Ingen saksframstilling ennå." } }
        @for s in &summary.summaries { div class="summary" { @for line in s.lines() { p { (line) } } } }
        h2 { "Inhabilitet" }
        p {
            "Er du inhabil, for eksempel fordi du kjenner tolken eller noen i saken, melder du det her. "
            "Etterpå kan du ikke åpne saken igjen, og du deltar ikke i behandlingen av den."
        }
        (forms::summary(errors, None))
        form method="post" action={ "/utvalg/saker/" (summary.id) "/inhabilitet" } novalidate {
            (forms::csrf(&staff.csrf))
            (forms::textarea("note", "Hvorfor er du inhabil?", note, errors))
            div class="actions" { button type="submit" { "Meld meg inhabil i saken" } }
        }
        p { a href="/utvalg/mine" { "Til mine møter" } }
    };
    Ok(layout::page(&title, Some(staff), body))
}

async fn case_page(
    State(state): State<AdminState>,
    user: Authorised<Committee>,
    Path(id): Path<String>,
) -> Result<Response, AdminError> {
    // A path that is no case number is refused like a case off the agenda.
    let Ok(id) = id.parse::<i64>() else {
        return Ok(refused(&user));
    };
    let summary = match open_summary(&state, &user, id).await {
        Ok(s) => s,
        Err(refusal) => return Ok(refusal),
    };
    Ok(summary_page(&state, &user, &summary, "", &Errors::default())
        .await?
        .into_response())
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ConflictForm {
    pub note: String,
    /// `yes` once the confirmation step was answered.
    pub confirmed: String,
}

async fn declare_conflict(
    State(state): State<AdminState>,
    user: Authorised<Committee>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ConflictForm>,
) -> Result<Response, AdminError> {
    // A path that is no case number is refused like a case off the agenda.
    let Ok(id) = id.parse::<i64>() else {
        return Ok(refused(&user));
    };
    // Only for cases put before the member: nobody declares (or learns of) other cases, and a
    // case off the agenda is refused as the case page refuses it, whether it exists or not.
    let Some(meeting) = meetings_with(&state, &user, id).await?.into_iter().next() else {
        return Ok(refused(&user));
    };
    let note = match required(&f.note, "begrunnelsen", 1000) {
        Ok(note) => note,
        Err(message) => {
            // The page shows the summary again, so it is opened (and logged) again.
            let summary = match open_summary(&state, &user, id).await {
                Ok(s) => s,
                Err(refusal) => return Ok(refusal),
            };
            let mut errors = Errors::default();
            errors.push("note", message);
            let page = summary_page(&state, &user, &summary, &f.note, &errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    if f.confirmed != forms::CONFIRMED {
        let title = "Bekreft: erklær deg inhabil";
        let confirmation = forms::Confirmation {
            title,
            consequence: "Du blir stengt ute fra saken: du ser ikke lenger sammendraget og deltar ikke når utvalget behandler den.",
            action: &format!("/utvalg/saker/{id}/inhabilitet"),
            fields: forms::resend(&ConflictForm {
                note,
                confirmed: String::new(),
            }),
            confirm: "Ja, jeg er inhabil",
            back: &format!("/utvalg/saker/{id}"),
        };
        let body = forms::confirmation(&user.csrf, &confirmation);
        return Ok(layout::page(title, Some(&user), body).into_response());
    }
    let reference = state
        .store
        .agenda(meeting.id)
        .await?
        .into_iter()
        .find(|item| item.tip_id == id)
        .map(|item| item.reference)
        .unwrap_or_else(|| id.to_string());
    state.store.declare_conflict(id, &login(&user), &note).await?;
    Ok(Redirect::to(&format!("/utvalg/mine?inhabil={reference}")).into_response())
}
