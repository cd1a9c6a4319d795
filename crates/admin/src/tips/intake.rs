//! Staff intake of a tip received by e-mail or post (`/varsler/ny`): the same facts as the public
//! form, the channel and the date it came, registered in the name of the staff member.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use register::tips::{Channel, Ground, Grounds, NewTip, Reporter, ReporterContact, ReporterRole, Subject, TipError};
use register::{InterpreterNumber, StoreError, Timestamp};
use serde::Deserialize;

use super::{message_of, status_of};
use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors, parse_date};
use crate::layout;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IntakeForm {
    pub received_on: String,
    pub channel: String,
    pub interpreter: String,
    pub subject_description: String,
    pub assignment_on: String,
    pub assignment_place: String,
    pub ground_good_practice: String,
    pub ground_confidentiality: String,
    pub ground_impartiality: String,
    pub account: String,
    pub anonymous: String,
    pub reporter_role: String,
    pub reporter_name: String,
    pub reporter_email: String,
    pub reporter_phone: String,
}

/// The form field that shows a message the domain gives for `field`.
fn form_field(field: &str) -> &str {
    match field {
        "subject" => "subject_description",
        "reporter_contact" => "reporter_email",
        "received_by" => "received_on",
        f => f,
    }
}

fn add_tip_errors(errors: &mut Errors, e: TipError<StoreError>) {
    if let TipError::Invalid(fields) = e {
        for (f, m) in fields {
            if errors.get(form_field(&f)).is_none() {
                errors.push(form_field(&f), m);
            }
        }
    }
}

fn checked(v: &str) -> bool {
    v == "on"
}

impl IntakeForm {
    fn ground_fields(&self) -> [(Ground, &str, &'static str); 3] {
        [
            (Ground::GoodPractice, &self.ground_good_practice, "ground_good_practice"),
            (
                Ground::Confidentiality,
                &self.ground_confidentiality,
                "ground_confidentiality",
            ),
            (Ground::Impartiality, &self.ground_impartiality, "ground_impartiality"),
        ]
    }

    /// The tip, or every problem at once, per field.
    pub fn parse(&self, staff: &Staff, today: time::Date) -> Result<NewTip, Errors> {
        let mut errors = Errors::default();
        let received_on = errors.take("received_on", parse_date(&self.received_on));
        let channel = match self.channel.as_str() {
            "email" => Some(Channel::Email),
            "post" => Some(Channel::Post),
            _ => {
                errors.push("channel", "velg om varselet kom per e-post eller post");
                None
            }
        };
        let subject = match (self.interpreter.trim(), self.subject_description.trim()) {
            ("", "") => {
                errors.push(
                    "interpreter",
                    "oppgi tolkenummer, eller beskriv tolken hvis nummeret er ukjent",
                );
                None
            }
            ("", description) => Some(Subject::Unknown {
                description: description.to_string(),
            }),
            (number, _) => errors
                .take("interpreter", number.parse::<InterpreterNumber>())
                .map(|number| Subject::Interpreter { number }),
        };
        let assignment_on = match self.assignment_on.trim() {
            "" => Some(None),
            d => errors.take("assignment_on", parse_date(d)).map(Some),
        };
        let chosen = self
            .ground_fields()
            .into_iter()
            .filter(|(_, v, _)| checked(v))
            .map(|g| g.0);
        let grounds = match Grounds::new(chosen) {
            Ok(g) => Some(g),
            Err(e) => {
                add_tip_errors(&mut errors, e.into());
                None
            }
        };
        let role = match self.reporter_role.as_str() {
            "" => None,
            r => errors.take("reporter_role", r.parse::<ReporterRole>().map_err(|_| "velg en rolle")),
        };
        let reporter = if checked(&self.anonymous) {
            Some(Reporter::Anonymous { role })
        } else {
            let contact = ReporterContact::new(
                &self.reporter_name,
                Some(&self.reporter_email),
                Some(&self.reporter_phone),
            );
            match (role, contact) {
                (Some(role), Ok(contact)) => Some(Reporter::Identified { role, contact }),
                (role, contact) => {
                    if role.is_none() && errors.get("reporter_role").is_none() {
                        errors.push("reporter_role", "velg varslerens rolle, eller kryss av for anonym");
                    }
                    if let Err(e) = contact {
                        add_tip_errors(&mut errors, e.into());
                    }
                    None
                }
            }
        };
        // Parts that did not parse are stood in for by valid values, so the domain's own checks
        // (account, dates, lengths) report on everything else in the same answer.
        let complete = [
            received_on.is_some(),
            channel.is_some(),
            subject.is_some(),
            assignment_on.is_some(),
        ]
        .into_iter()
        .chain([grounds.is_some(), reporter.is_some()])
        .all(|ok| ok);
        let tip = NewTip {
            received_on: received_on.unwrap_or(today),
            channel: channel.unwrap_or(Channel::Email),
            subject: subject.unwrap_or(Subject::Unknown {
                description: "ukjent".into(),
            }),
            assignment_on: assignment_on.flatten(),
            assignment_place: self.assignment_place.clone(),
            grounds: grounds.unwrap_or_else(|| Grounds::new([Ground::GoodPractice]).expect("one ground")),
            account: self.account.clone(),
            reporter: reporter.unwrap_or(Reporter::Anonymous { role: None }),
            received_by: staff.actor(),
        };
        if let Err(e) = tip.check(today) {
            add_tip_errors(&mut errors, e.into());
        }
        if complete && errors.is_empty() {
            Ok(tip)
        } else {
            Err(errors)
        }
    }
}

fn intake_page(staff: &Staff, f: &IntakeForm, errors: &Errors, general: Option<&str>) -> Markup {
    let channels = forms::options(&[("email", "E-post"), ("post", "Post")]);
    let roles: Vec<(String, String)> = ReporterRole::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                super::capitalise(crate::labels::reporter_role(*r)),
            )
        })
        .collect();
    let grounds_error = errors.get("grounds");
    let body = html! {
        p { a href="/varsler" { "Tilbake til varsler" } }
        h1 { "Registrer varsel mottatt per e-post eller post" }
        p { "Varselet registreres i ditt navn. Varslerens kontaktopplysninger lagres kryptert og vises bare for saksbehandlere som blir tildelt saken." }
        (forms::summary(errors, general))
        form method="post" action="/varsler" novalidate {
            (forms::csrf(&staff.csrf))
            (forms::date("received_on", "Mottatt dato", &f.received_on, errors))
            (forms::select("channel", "Mottatt som", &channels, &f.channel, Some("Velg …"), errors))
            h2 { "Hvem varselet gjelder" }
            (forms::input("text", "interpreter", "Tolkenummer", &f.interpreter, errors, Some("La stå tomt hvis nummeret er ukjent, og beskriv tolken under.")))
            (forms::text("subject_description", "Beskrivelse av tolken (når tolkenummeret er ukjent)", &f.subject_description, errors))
            h2 { "Oppdraget" }
            (forms::date("assignment_on", "Dato for oppdraget (hvis kjent)", &f.assignment_on, errors))
            (forms::text("assignment_place", "Sted eller virksomhet", &f.assignment_place, errors))
            fieldset id="grounds" aria-describedby=[grounds_error.map(|_| "grounds-error")] {
                legend { "Hva gjelder varselet (ett eller flere)" }
                @for (ground, value, name) in f.ground_fields() {
                    (forms::checkbox(name, &format!("{} ({})", super::capitalise(crate::labels::ground(ground)), ground.section()), checked(value)))
                }
                @if let Some(m) = grounds_error { p class="field-error" id="grounds-error" { (m) } }
            }
            (forms::textarea("account", "Hva skjedde (varslerens beskrivelse)", &f.account, errors))
            h2 { "Varsleren" }
            (forms::checkbox("anonymous", "Varsleren er anonym", checked(&f.anonymous)))
            (forms::select("reporter_role", "Varslerens rolle", &roles, &f.reporter_role, Some("Velg …"), errors))
            (forms::text("reporter_name", "Navn", &f.reporter_name, errors))
            (forms::input("email", "reporter_email", "E-post", &f.reporter_email, errors, None))
            (forms::input("tel", "reporter_phone", "Telefon", &f.reporter_phone, errors, None))
            div class="actions" { button type="submit" { "Registrer varselet" } }
        }
    };
    layout::page("Registrer varsel", Some(staff), body)
}

/// `GET /varsler/ny`.
pub async fn new_tip(user: Authorised<Casework>) -> Markup {
    let f = IntakeForm {
        received_on: Timestamp::now().date().to_string(),
        ..IntakeForm::default()
    };
    intake_page(&user, &f, &Errors::default(), None)
}

/// `POST /varsler`.
pub async fn register(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    CsrfForm(f): CsrfForm<IntakeForm>,
) -> Result<Response, AdminError> {
    let again = |status: StatusCode, errors: &Errors, general: Option<&str>| {
        (status, intake_page(&user, &f, errors, general)).into_response()
    };
    let tip = match f.parse(&user, Timestamp::now().date()) {
        Ok(tip) => tip,
        Err(errors) => return Ok(again(StatusCode::UNPROCESSABLE_ENTITY, &errors, None)),
    };
    match state.store.receive_tip(&tip, &state.tip_key).await {
        Ok(case) => Ok(Redirect::to(&format!("/varsler/{}?ok=registered", case.id)).into_response()),
        Err(e @ TipError::Store(StoreError::NotFound(_))) => {
            let mut errors = Errors::default();
            errors.push("interpreter", message_of(&e));
            Ok(again(StatusCode::UNPROCESSABLE_ENTITY, &errors, None))
        }
        Err(e) if !status_of(&e).is_server_error() => {
            let message = message_of(&e);
            let mut errors = Errors::default();
            add_tip_errors(&mut errors, e);
            Ok(again(StatusCode::UNPROCESSABLE_ENTITY, &errors, Some(&message)))
        }
        Err(e) => Err(AdminError::Tip(e)),
    }
}
