//! Making a register change from a form: one generic page and submit handler for every form
//! that changes an interpreter, four-eyes routing, and refusals shown with what was typed.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use register::workflow::casework::{self as workflow, Requested};
use register::{Catalogue, Command, InterpreterNumber, InterpreterRecord};
use serde::de::DeserializeOwned;

use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors};
use crate::interpreters::find;
use crate::layout;

/// The path parameters of a change form (`number`, and e.g. `licence`).
pub type Params = HashMap<String, String>;

/// A form that makes one change to an interpreter's record.
pub trait ChangeForm: DeserializeOwned + Default + Send + Sync + 'static {
    const TITLE: &'static str;
    const SUBMIT: &'static str;
    /// The confirmation shown on the dossier afterwards (see `interpreters::views::notice`).
    const OK: &'static str;
    /// Where the form posts.
    fn action(number: InterpreterNumber, params: &Params) -> String;
    /// The form's inputs, filled with what was typed and their errors.
    fn fields(&self, catalogue: &Catalogue, record: &InterpreterRecord, params: &Params, errors: &Errors) -> Markup;
    /// The change and its reason, or every field's error.
    fn parse(&self, record: &InterpreterRecord, params: &Params) -> Result<(Command, String), Errors>;
    /// What happens, when the change cannot be undone and so is confirmed first.
    fn consequence(&self) -> Option<&'static str> {
        None
    }
    /// Whether the confirmation step was answered.
    fn confirmed(&self) -> bool {
        true
    }
    /// The fields to send again from the confirmation step.
    fn resend(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    /// The form as first shown: empty, or filled from the record for a correction.
    fn initial(_record: &InterpreterRecord, _params: &Params) -> Self {
        Self::default()
    }
}

fn page<F: ChangeForm>(
    state: &AdminState,
    staff: &Staff,
    record: &InterpreterRecord,
    params: &Params,
    form: &F,
    errors: &Errors,
    general: Option<&str>,
) -> Markup {
    let body = html! {
        (crate::layout::interpreter_trail(record.number, &record.profile.display_name(), F::TITLE))
        h1 { (F::TITLE) }
        p { "Tolk " (record.number) ": " (record.profile.display_name()) }
        (forms::summary(errors, general))
        form method="post" action=(F::action(record.number, params)) novalidate {
            (forms::csrf(&staff.csrf))
            (form.fields(state.store.catalogue(), record, params, errors))
            div class="actions" { button type="submit" { (F::SUBMIT) } }
        }
    };
    layout::page(F::TITLE, Some(staff), body)
}

fn number(params: &Params) -> &str {
    params.get("number").map(String::as_str).unwrap_or("")
}

/// `GET` of a change form.
pub async fn show<F: ChangeForm>(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(params): Path<Params>,
) -> Result<Markup, AdminError> {
    let record = find(&state, number(&params)).await?;
    Ok(page(
        &state,
        &user,
        &record,
        &params,
        &F::initial(&record, &params),
        &Errors::default(),
        None,
    ))
}

/// `POST` of a change form: the change is made (or sent for approval) and the browser goes
/// back to the dossier; a refusal shows the form again as a 422 with the reasons.
pub async fn submit<F: ChangeForm>(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(params): Path<Params>,
    CsrfForm(form): CsrfForm<F>,
) -> Result<Response, AdminError> {
    let record = find(&state, number(&params)).await?;
    let again = |errors: &Errors, general: Option<&str>| {
        let markup = page(&state, &user, &record, &params, &form, errors, general);
        (StatusCode::UNPROCESSABLE_ENTITY, markup).into_response()
    };
    let (command, reason) = match form.parse(&record, &params) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(again(&errors, None)),
    };
    if let Some(consequence) = form.consequence()
        && !form.confirmed()
    {
        let title = format!("Bekreft: {}", F::TITLE.to_lowercase());
        let confirmation = forms::Confirmation {
            title: &title,
            consequence,
            action: &F::action(record.number, &params),
            fields: form.resend(),
            confirm: "Ja, gjør endringen",
            back: &format!("/tolker/{}", record.number),
        };
        let body = forms::confirmation(&user.csrf, &confirmation);
        return Ok(layout::page(&title, Some(&user), body).into_response());
    }
    match workflow::request_change(&state.store, record.number, command, &reason, &user.actor()).await {
        Ok(Requested::Done(_)) => Ok(Redirect::to(&format!("/tolker/{}?ok={}", record.number, F::OK)).into_response()),
        Ok(Requested::AwaitingApproval(_)) => {
            Ok(Redirect::to(&format!("/tolker/{}?ok=awaiting", record.number)).into_response())
        }
        Err(e) if e.is_user_error() => {
            let e = AdminError::from(e);
            let fields = Errors(e.fields());
            let general = format!("Endringen ble ikke gjort: {}", e.message());
            Ok(again(&fields, Some(&general)))
        }
        Err(e) => Err(e.into()),
    }
}
