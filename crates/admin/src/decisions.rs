//! Formal decisions on an interpreter (approve entry per language, refuse, withdraw) with
//! reasons, legal basis and appeal deadline, and the printable letter in bokmål or nynorsk.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::casework::{Decision, DecisionKind, LetterLanguage, NewDecision};
use register::workflow::casework as workflow;
use register::{Catalogue, InterpreterRecord, Timestamp};
use serde::Deserialize;

use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors, parse_date};
use crate::interpreters::views::notice_box;
use crate::interpreters::{Notice, find};
use crate::qualifications::optional_language;
use crate::{labels, layout, letters};

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/tolker/{number}/vedtak/ny", get(new_decision))
        .route("/tolker/{number}/vedtak", post(decide))
        .route("/vedtak/{id}", get(letter))
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub kind: String,
    pub language: String,
    pub reasons: String,
    pub legal_basis: String,
    pub decided_on: String,
    pub letter_language: String,
}

impl Default for DecisionForm {
    fn default() -> Self {
        DecisionForm {
            kind: String::new(),
            language: String::new(),
            reasons: String::new(),
            legal_basis: DecisionKind::ApproveEntry.default_legal_basis().into(),
            decided_on: Timestamp::now().date().to_string(),
            letter_language: "nb".into(),
        }
    }
}

impl DecisionForm {
    fn parse(&self, record: &InterpreterRecord, staff: &Staff) -> Result<NewDecision, Errors> {
        let mut errors = Errors::default();
        let kind = errors.take(
            "kind",
            self.kind
                .parse::<DecisionKind>()
                .ok()
                .filter(|k| DecisionKind::ON_INTERPRETER.contains(k))
                .ok_or("velg type vedtak"),
        );
        let language = errors.take("language", optional_language(&self.language)).flatten();
        let decided_on = errors.take("decided_on", parse_date(&self.decided_on));
        let letter_language = errors.take(
            "letter_language",
            self.letter_language
                .parse::<LetterLanguage>()
                .map_err(|_| "velg målform"),
        );
        match (kind, decided_on, letter_language) {
            (Some(kind), Some(decided_on), Some(letter_language)) if errors.is_empty() => Ok(NewDecision {
                number: record.number,
                kind,
                language,
                case_ref: None,
                reasons: self.reasons.clone(),
                legal_basis: self.legal_basis.clone(),
                decided_on,
                letter_language,
                decided_by: staff.actor(),
            }),
            _ => Err(errors),
        }
    }
}

fn decision_page(
    state: &AdminState,
    staff: &Staff,
    record: &InterpreterRecord,
    f: &DecisionForm,
    errors: &Errors,
    general: Option<&str>,
) -> Markup {
    let kinds: Vec<(String, String)> = DecisionKind::ON_INTERPRETER
        .iter()
        .map(|k| (k.as_str().to_string(), labels::decision(*k).to_string()))
        .collect();
    let body = html! {
        (crate::layout::interpreter_trail(record.number, &record.profile.display_name(), "Fatt vedtak"))
        h1 { "Fatt vedtak" }
        p { "Tolk " (record.number) ": " (record.profile.display_name()) ". Vedtaket får klagefrist på "
            (state.settings.deadlines.appeal_weeks) " uker, og vedtaksbrevet kan skrives ut etterpå." }
        (forms::summary(errors, general))
        form method="post" action={ "/tolker/" (record.number) "/vedtak" } novalidate {
            (forms::csrf(&staff.csrf))
            (forms::select("kind", "Vedtak", &kinds, &f.kind, Some("Velg …"), errors))
            (forms::select("language", "Språk (tomt ved utmelding av alle språk)", &labels::language_options(state.store.catalogue()), &f.language, Some("Velg …"), errors))
            (forms::textarea("reasons", "Begrunnelse", &f.reasons, errors))
            (forms::textarea("legal_basis", "Hjemmel", &f.legal_basis, errors))
            p class="hint" { "Forslag: " @for k in DecisionKind::ON_INTERPRETER { (labels::decision(k)) ": " (k.default_legal_basis()) ". " } }
            (forms::date("decided_on", "Vedtaksdato", &f.decided_on, errors))
            (forms::select("letter_language", "Målform i vedtaksbrevet", &forms::options(&[("nb", "bokmål"), ("nn", "nynorsk")]), &f.letter_language, None, errors))
            div class="actions" { button type="submit" { "Fatt vedtak" } }
        }
    };
    layout::page("Fatt vedtak", Some(staff), body)
}

async fn new_decision(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(number): Path<String>,
) -> Result<Markup, AdminError> {
    let record = find(&state, &number).await?;
    Ok(decision_page(
        &state,
        &user,
        &record,
        &DecisionForm::default(),
        &Errors::default(),
        None,
    ))
}

async fn decide(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(number): Path<String>,
    CsrfForm(f): CsrfForm<DecisionForm>,
) -> Result<Response, AdminError> {
    let record = find(&state, &number).await?;
    let again = |errors: &Errors, general: Option<&str>| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            decision_page(&state, &user, &record, &f, errors, general),
        )
            .into_response()
    };
    let new = match f.parse(&record, &user) {
        Ok(new) => new,
        Err(errors) => return Ok(again(&errors, None)),
    };
    match workflow::decide(&state.store, new, &state.settings.deadlines).await {
        Ok(decision) => Ok(Redirect::to(&format!("/vedtak/{}?ok=decision", decision.id)).into_response()),
        Err(e) if e.is_user_error() => {
            let e = AdminError::from(e);
            Ok(again(
                &Errors(e.fields()),
                Some(&format!("Vedtaket ble ikke fattet: {}", e.message())),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The language's name in the letter's written standard.
fn language_name(catalogue: &Catalogue, decision: &Decision) -> Option<String> {
    let l = catalogue.language(decision.language?)?;
    Some(match decision.letter_language {
        LetterLanguage::Bokmal => l.names.nb.to_lowercase(),
        LetterLanguage::Nynorsk => l.names.nn.to_lowercase(),
    })
}

/// The category the entry got by this decision, read from the change it made.
async fn category_given(state: &AdminState, decision: &Decision) -> Result<Option<String>, AdminError> {
    let prefix = format!("Vedtak {}:", decision.reference());
    let language = decision.language.map(|l| l.to_string());
    let history = state.store.history(decision.number).await?;
    Ok(history
        .iter()
        .filter(|h| h.reason.starts_with(&prefix))
        .filter_map(|h| h.detail.as_array())
        .flatten()
        .find(|m| {
            m.get("change").and_then(|c| c.as_str()) == Some("entry")
                && m.get("language").and_then(|l| l.as_str()) == language.as_deref()
        })
        .and_then(|m| m.get("category").and_then(|c| c.as_str()).map(str::to_string)))
}

async fn letter(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    Query(query): Query<Notice>,
) -> Result<Markup, AdminError> {
    let not_found = || AdminError::NotFound(format!("Fant intet vedtak «{id}»"));
    let id_no: i64 = id.parse().map_err(|_| not_found())?;
    let decision = state.store.decision(id_no).await?.ok_or_else(not_found)?;
    let record = find(&state, &decision.number.to_string()).await?;
    let catalogue = state.store.catalogue();
    let category = category_given(&state, &decision).await?;
    let approved_as = match decision
        .case_ref
        .as_deref()
        .and_then(|r| r.strip_prefix("UTL-"))
        .and_then(|n| n.parse().ok())
    {
        Some(case_id) => state.store.foreign_case(case_id).await?.and_then(|c| c.equivalent),
        None => None,
    };
    let lang = decision.letter_language;
    let w = letters::wording(lang);
    let sentence = letters::decision_sentence(
        decision.kind,
        lang,
        language_name(catalogue, &decision).as_deref(),
        category.as_deref(),
        approved_as,
    );
    let appeal = letters::appeal(
        lang,
        state.settings.deadlines.appeal_weeks,
        &decision.appeal_deadline.to_string(),
        &state.settings.appeal_body,
    );
    let p = &record.profile;
    let body = html! {
        div class="no-print" {
            (notice_box(&query.ok))
            p { a href={ "/tolker/" (record.number) } { "Tilbake til " (p.display_name()) } " · Skriv ut brevet med nettleserens utskriftsfunksjon (Ctrl+P)." }
        }
        article class="letter" lang=(lang.as_str()) {
            p { (w.directorate) }
            p {
                (p.given_name) " " (p.family_name) br;
                @if let Some(a) = &p.address { (a.street) br; (a.postal_code) " " (a.city) }
            }
            dl class="facts" {
                dt { (w.our_reference) } dd { (decision.reference()) @if let Some(c) = &decision.case_ref { " (" (c) ")" } }
                dt { (w.date) } dd { (decision.decided_on) }
                dt { (w.interpreter_number) } dd { (record.number) }
            }
            h1 { (letters::title(decision.kind, lang)) }
            h2 { (w.decision) }
            p { (sentence) }
            h2 { (w.reasons) }
            p { (decision.reasons) }
            h2 { (w.legal_basis) }
            p { (decision.legal_basis) }
            h2 { (w.appeal_heading) }
            p { (appeal) }
            p { (w.regards) br; (w.directorate) }
        }
    };
    Ok(layout::page(&decision.reference(), Some(&user), body))
}
