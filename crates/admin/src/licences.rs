//! State authorisation licences: granting one per language with its decision reference, and
//! changing its status — temporary revocation and revocation wait for four-eyes approval.

use axum::Router;
use axum::routing::{get, post};
use maud::{Markup, html};
use register::licence::LicenceStatus;
use register::{Catalogue, Command, InterpreterNumber, InterpreterRecord};
use serde::Deserialize;

use crate::AdminState;
use crate::changes::{self, ChangeForm, Params};
use crate::forms::{self, Errors, parse_date, required};
use crate::labels;
use crate::qualifications::{language, reason};

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/tolker/{number}/bevillinger/ny", get(changes::show::<GrantForm>))
        .route("/tolker/{number}/bevillinger", post(changes::submit::<GrantForm>))
        .route(
            "/tolker/{number}/bevillinger/{licence}/status",
            get(changes::show::<StatusForm>),
        )
        .route(
            "/tolker/{number}/bevillinger/{licence}/status",
            post(changes::submit::<StatusForm>),
        )
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GrantForm {
    pub language: String,
    pub granted_on: String,
    pub decision_ref: String,
    pub reason: String,
}

impl ChangeForm for GrantForm {
    const TITLE: &'static str = "Gi bevilling som statsautorisert tolk";
    const SUBMIT: &'static str = "Gi bevilling";
    const OK: &'static str = "licence";

    fn action(number: InterpreterNumber, _: &Params) -> String {
        format!("/tolker/{number}/bevillinger")
    }

    fn fields(&self, catalogue: &Catalogue, _: &InterpreterRecord, _: &Params, errors: &Errors) -> Markup {
        html! {
            (forms::select("language", "Språk (norsk ↔ språket)", &labels::authorisation_language_options(catalogue), &self.language, Some("Velg …"), errors))
            (forms::date("granted_on", "Innvilget dato", &self.granted_on, errors))
            (forms::text("decision_ref", "Vedtaksreferanse", &self.decision_ref, errors))
            (forms::textarea("reason", "Begrunnelse", &self.reason, errors))
        }
    }

    fn parse(&self, _: &InterpreterRecord, _: &Params) -> Result<(Command, String), Errors> {
        let mut errors = Errors::default();
        let language = errors.take("language", language(&self.language, "bevillingen gjelder"));
        let granted_on = errors.take("granted_on", parse_date(&self.granted_on));
        let decision_ref = errors.take("decision_ref", required(&self.decision_ref, "vedtaksreferanse", 100));
        let reason = reason(&mut errors, &self.reason);
        match (language, granted_on, decision_ref, reason) {
            (Some(language), Some(granted_on), Some(decision_ref), Some(reason)) => Ok((
                Command::GrantLicence {
                    language,
                    granted_on,
                    decision_ref,
                },
                reason,
            )),
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
    pub reason: String,
}

fn licence_no(params: &Params) -> Option<i32> {
    params.get("licence").and_then(|l| l.parse().ok())
}

impl ChangeForm for StatusForm {
    const TITLE: &'static str = "Endre status for bevilling";
    const SUBMIT: &'static str = "Send endringen";
    const OK: &'static str = "changed";

    fn action(number: InterpreterNumber, params: &Params) -> String {
        format!(
            "/tolker/{number}/bevillinger/{}/status",
            licence_no(params).unwrap_or(0)
        )
    }

    fn fields(&self, catalogue: &Catalogue, record: &InterpreterRecord, params: &Params, errors: &Errors) -> Markup {
        let licence = licence_no(params).and_then(|no| record.licences.iter().find(|l| l.no == no));
        let statuses: Vec<(String, String)> = LicenceStatus::ALL
            .iter()
            .filter(|s| licence.is_some_and(|l| l.status.may_become(**s)))
            .map(|s| (s.as_str().to_string(), labels::licence_status(*s).to_string()))
            .collect();
        html! {
            @match licence {
                Some(l) => p { "Bevilling nr. " (l.no) " for " (labels::language(catalogue, l.language)) ", status nå: " strong { (labels::licence_status(l.status)) } "." },
                None => p class="notice error" { "Tolken har ingen slik bevilling." },
            }
            p class="notice" { "Tilbakekall og midlertidig tilbakekall gjelder først når en annen seniorsaksbehandler har godkjent det." }
            (forms::select("status", "Ny status", &statuses, &self.status, Some("Velg …"), errors))
            (forms::textarea("reason", "Begrunnelse", &self.reason, errors))
        }
    }

    fn parse(&self, _: &InterpreterRecord, params: &Params) -> Result<(Command, String), Errors> {
        let mut errors = Errors::default();
        let no = licence_no(params);
        if no.is_none() {
            errors.push("status", "ukjent bevilling");
        }
        let status = errors.take(
            "status",
            self.status.parse::<LicenceStatus>().map_err(|_| "velg ny status"),
        );
        let reason = reason(&mut errors, &self.reason);
        match (no, status, reason) {
            (Some(no), Some(status), Some(reason)) => Ok((Command::ChangeLicenceStatus { no, status }, reason)),
            _ => Err(errors),
        }
    }
}
