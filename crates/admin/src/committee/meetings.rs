//! Committee meetings (`/utvalg/moter`) for IMDi's secretariat: planning a meeting in a term with
//! the people who sit on it, and each meeting's agenda with advice and declared conflicts.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::Timestamp;
use register::tips::{Meeting, NewMeeting, Seat, Term};
use serde::Deserialize;

use super::terms::Notice;
use super::{name_in, short_login};
use crate::AdminState;
use crate::auth::role::CommitteeSecretariat;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors, parse_date};
use crate::{labels, layout};

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/utvalg/moter", get(meetings_page))
        .route("/utvalg/moter", post(plan))
        .route("/utvalg/moter/ny", get(new_meeting))
        .route("/utvalg/moter/{id}", get(meeting_page))
}

/// Where `login` sits in `term`: the seat and whether as member or deputy.
pub fn place_in(term: &Term, login: &str) -> Option<(Seat, &'static str)> {
    term.seats.iter().find_map(|s| {
        if s.member.login == login {
            Some((s.seat, "medlem"))
        } else if s.deputy.login == login {
            Some((s.seat, "vara"))
        } else {
            None
        }
    })
}

/// "Name (member, seat)" for everyone sitting on a meeting.
pub fn participant_list(term: Option<&Term>, meeting: &Meeting) -> Markup {
    html! {
        ul {
            @for login in &meeting.participants {
                li {
                    (name_in(term, login))
                    @if let Some((seat, as_what)) = term.and_then(|t| place_in(t, login)) {
                        " – " (as_what) ", " (crate::labels::seat(seat))
                    }
                }
            }
        }
    }
}

async fn meetings_page(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
) -> Result<Markup, AdminError> {
    let mut meetings = state.store.meetings().await?;
    meetings.reverse();
    let terms = state.store.terms().await?;
    let body = html! {
        h1 { "Utvalgsmøter" }
        p { a href="/utvalg/moter/ny" { "Planlegg nytt møte" } " · " a href="/utvalg" { "Utvalgsperioder" } }
        @if meetings.is_empty() {
            p { "Ingen møter er planlagt." }
        } @else {
            table {
                caption { "Møter, nyeste først" }
                thead { tr { th scope="col" { "Møtedato" } th scope="col" { "Periode" } th scope="col" { "Deltakere" } th scope="col" { "Saker på dagsordenen" } } }
                tbody {
                    @for m in &meetings {
                        @let term = terms.iter().find(|t| t.id == m.term_id);
                        tr {
                            td { a href={ "/utvalg/moter/" (m.id) } { (m.held_on) } }
                            td { @if let Some(t) = term { (t.starts_on) " – " (t.ends_on) } }
                            td { (m.participants.iter().map(|l| name_in(term, l)).collect::<Vec<_>>().join(", ")) }
                            td { (m.agenda.len()) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page("Utvalgsmøter", Some(&user), body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TermChoice {
    pub periode: String,
}

/// The planning form's fields: `term`, `held_on` and one `participant-<n>` checkbox per person
/// in the term, valued with their login.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct MeetingForm(pub BTreeMap<String, String>);

impl MeetingForm {
    fn get(&self, name: &str) -> &str {
        self.0.get(name).map(String::as_str).unwrap_or("")
    }

    fn participants(&self) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k.starts_with("participant-"))
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// The meeting, checked against the chosen term (the store checks the seats again).
    fn parse(&self, term: &Term) -> Result<NewMeeting, Errors> {
        let mut errors = Errors::default();
        let held_on = errors.take("held_on", parse_date(self.get("held_on")));
        if let Some(day) = held_on
            && !term.covers(day)
        {
            errors.push(
                "held_on",
                format!("møtedatoen må ligge i perioden {} – {}", term.starts_on, term.ends_on),
            );
        }
        let participants = self.participants();
        if participants.is_empty() {
            errors.push("participants", "velg hvem som sitter i møtet");
        }
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(NewMeeting { held_on, participants }),
            _ => Err(errors),
        }
    }
}

fn meeting_form_page(staff: &Staff, term: &Term, f: &MeetingForm, errors: &Errors) -> Markup {
    let chosen = f.participants();
    let people = term
        .seats
        .iter()
        .flat_map(|s| [(s.seat, "medlem", &s.member), (s.seat, "vara", &s.deputy)]);
    let invalid = errors.get("participants").is_some();
    let body = html! {
        h1 { "Planlegg utvalgsmøte" }
        p { "Perioden " (term.starts_on) " – " (term.ends_on) ". Sakene settes opp på dagsordenen fra den enkelte saken." }
        (forms::summary(errors, (!errors.is_empty()).then_some("Møtet ble ikke planlagt.")))
        form method="post" action="/utvalg/moter" novalidate {
            (forms::csrf(&staff.csrf))
            input type="hidden" name="term" value=(term.id);
            (forms::date("held_on", "Møtedato", f.get("held_on"), errors))
            fieldset id="participants" aria-describedby=[invalid.then_some("participants-error")] {
                legend { "Hvem sitter i møtet" }
                @for (i, (seat, as_what, p)) in people.enumerate() {
                    @let id = format!("participant-{i}");
                    div class="checkbox" {
                        input type="checkbox" id=(id) name=(id) value=(p.login) checked[chosen.contains(&p.login)];
                        label for=(id) { (p.name) " – " (as_what) ", " (crate::labels::seat(seat)) }
                    }
                }
                @if let Some(m) = errors.get("participants") { p class="field-error" id="participants-error" { (m) } }
            }
            div class="actions" { button type="submit" { "Planlegg møtet" } }
        }
    };
    layout::page("Planlegg utvalgsmøte", Some(staff), body)
}

async fn new_meeting(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
    Query(choice): Query<TermChoice>,
) -> Result<Response, AdminError> {
    let terms = state.store.terms().await?;
    let today = Timestamp::now().date();
    let term = match choice.periode.trim() {
        "" => terms.iter().find(|t| t.covers(today)).or(terms.last()),
        id => Some(
            terms
                .iter()
                .find(|t| t.id.to_string() == id)
                .ok_or_else(|| AdminError::NotFound(format!("fant ingen utvalgsperiode med nummer {id}")))?,
        ),
    };
    let Some(term) = term else {
        let body = html! {
            h1 { "Planlegg utvalgsmøte" }
            p { "Ingen utvalgsperiode er oppnevnt ennå. " a href="/utvalg/perioder/ny" { "Oppnevn en periode" } " først." }
        };
        return Ok(layout::page("Planlegg utvalgsmøte", Some(&user), body).into_response());
    };
    // Members sit by default; a deputy is ticked when a member cannot come.
    let mut f = MeetingForm::default();
    let held_on = if term.covers(today) { today } else { term.starts_on };
    f.0.insert("held_on".into(), held_on.to_string());
    for (i, s) in term.seats.iter().enumerate() {
        f.0.insert(format!("participant-{}", 2 * i), s.member.login.clone());
    }
    Ok(meeting_form_page(&user, term, &f, &Errors::default()).into_response())
}

async fn plan(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
    CsrfForm(f): CsrfForm<MeetingForm>,
) -> Result<Response, AdminError> {
    let terms = state.store.terms().await?;
    let Some(term) = terms.iter().find(|t| t.id.to_string() == f.get("term").trim()) else {
        let message = "Velg en utvalgsperiode å planlegge møtet i.";
        return Err(AdminError::BadRequest(message.into()));
    };
    let again = |errors: &Errors| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            meeting_form_page(&user, term, &f, errors),
        )
            .into_response()
    };
    let new = match f.parse(term) {
        Ok(new) => new,
        Err(errors) => return Ok(again(&errors)),
    };
    match state.store.plan_meeting(&new).await {
        Ok(meeting) => Ok(Redirect::to(&format!("/utvalg/moter/{}?ok=planlagt", meeting.id)).into_response()),
        Err(e) if e.is_user_error() => Ok(again(&Errors(AdminError::Tip(e).fields()))),
        Err(e) => Err(AdminError::Tip(e)),
    }
}

async fn meeting_page(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
    Path(id): Path<i64>,
    Query(notice): Query<Notice>,
) -> Result<Markup, AdminError> {
    let agenda = state.store.agenda(id).await?;
    let meetings = state.store.meetings().await?;
    let meeting = meetings
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| AdminError::Tip(register::tips::TipError::MeetingNotFound(id)))?;
    let terms = state.store.terms().await?;
    let term = terms.iter().find(|t| t.id == meeting.term_id);
    let title = format!("Utvalgsmøte {}", meeting.held_on);
    let body = html! {
        (crate::layout::breadcrumbs(&[("/", "Arbeidsliste"), ("/utvalg", "Utvalget")], &title))
        h1 { (title) }
        @if notice.ok == "planlagt" { p class="notice ok" role="status" { "Møtet er planlagt." } }
        @if let Some(t) = term {
            p { "I perioden " a href={ "/utvalg#periode-" (t.id) } { (t.starts_on) " – " (t.ends_on) } "." }
        }
        h2 { "Deltakere" }
        (participant_list(term, meeting))
        h2 { "Dagsorden" }
        @if agenda.is_empty() {
            p { "Ingen saker er satt opp ennå. Saksbehandleren legger en sak fram for utvalget fra saken." }
        } @else {
            table id="agenda" {
                thead {
                    tr {
                        th scope="col" { "Sak" } th scope="col" { "Tolk" } th scope="col" { "Status" }
                        th scope="col" { "Råd fra møtet" } th scope="col" { "Meldt inhabilitet" }
                    }
                }
                tbody {
                    @for item in &agenda {
                        tr {
                            td { a href={ "/varsler/" (item.tip_id) } { (item.reference) } }
                            td { @if let Some(n) = item.interpreter { (n) } @else { "ukjent" } }
                            td { (crate::labels::case_status(item.status)) }
                            td { @if item.advised { "registrert" } @else { "ikke registrert" } }
                            td {
                                @if item.conflicts.is_empty() { "ingen" }
                                @for c in &item.conflicts {
                                    p { (name_in(term, &c.login)) " (" (short_login(&c.login)) ", " (labels::instant(c.declared_at)) "): " (c.note) }
                                }
                            }
                        }
                    }
                }
            }
        }
        p { a href="/utvalg/moter" { "Alle møter" } }
    };
    Ok(layout::page(&title, Some(&user), body))
}
