//! Exclusion from the register (for a period, permanently, or temporarily while a case runs)
//! and lifting it; every exclusion waits for four-eyes approval, lifting does not.

use axum::Router;
use axum::routing::{get, post};
use maud::{Markup, html};
use register::{Catalogue, Command, InterpreterNumber, InterpreterRecord};
use serde::{Deserialize, Serialize};

use crate::AdminState;
use crate::changes::{self, ChangeForm, Params};
use crate::forms::{self, Errors, parse_date};
use crate::qualifications::reason;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/tolker/{number}/utestenging", get(changes::show::<ExclusionForm>))
        .route("/tolker/{number}/utestenging", post(changes::submit::<ExclusionForm>))
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ExclusionForm {
    /// `exclude_until`, `exclude_permanently`, `suspend`, `lift_exclusion`, `lift_suspension`.
    pub action: String,
    pub until: String,
    pub reason: String,
    /// `yes` once the confirmation of a lifting was answered.
    pub confirmed: String,
}

const ACTIONS: [(&str, &str); 5] = [
    ("exclude_until", "Utesteng for en periode (til dato)"),
    ("exclude_permanently", "Utesteng permanent"),
    ("suspend", "Midlertidig utestenging mens en sak behandles"),
    ("lift_exclusion", "Opphev utestenging"),
    ("lift_suspension", "Opphev midlertidig utestenging"),
];

impl ChangeForm for ExclusionForm {
    const TITLE: &'static str = "Utestenging fra registeret";
    const SUBMIT: &'static str = "Send endringen";
    const OK: &'static str = "changed";

    fn action(number: InterpreterNumber, _: &Params) -> String {
        format!("/tolker/{number}/utestenging")
    }

    fn fields(&self, _: &Catalogue, _: &InterpreterRecord, _: &Params, errors: &Errors) -> Markup {
        html! {
            p class="notice" { "Utestenging gjelder først når en annen seniorsaksbehandler har godkjent den. Oppheving gjelder straks." }
            p class="hint" { "Utestenging for en periode eller permanent krever tre advarsler i løpet av fem år eller et vesentlig brudd fastslått i en varselsak (tolkeloven § 21). Midlertidig utestenging mens en sak behandles krever ikke dette." }
            (forms::select("action", "Hva skal gjøres", &forms::options(&ACTIONS), &self.action, Some("Velg …"), errors))
            (forms::date("until", "Utestengt til (oppført igjen fra denne datoen; bare for en periode)", &self.until, errors))
            (forms::textarea("reason", "Begrunnelse (sak og hjemmel)", &self.reason, errors))
        }
    }

    /// Lifting takes effect at once, with no second person, so it is confirmed first; an
    /// exclusion waits for a senior's approval instead.
    fn consequence(&self) -> Option<&'static str> {
        matches!(self.action.as_str(), "lift_exclusion" | "lift_suspension")
            .then_some("Utestengingen oppheves straks, og tolken blir synlig i offentlig søk igjen der oppføringen ellers gjelder.")
    }

    fn confirmed(&self) -> bool {
        self.confirmed == forms::CONFIRMED
    }

    fn resend(&self) -> Vec<(String, String)> {
        forms::resend(self)
    }

    fn parse(&self, _: &InterpreterRecord, _: &Params) -> Result<(Command, String), Errors> {
        let mut errors = Errors::default();
        let command = match self.action.as_str() {
            "exclude_until" => errors
                .take("until", parse_date(&self.until))
                .map(|d| Command::Exclude { until: Some(d) }),
            "exclude_permanently" => Some(Command::Exclude { until: None }),
            "suspend" => Some(Command::Suspend),
            "lift_exclusion" => Some(Command::LiftExclusion),
            "lift_suspension" => Some(Command::LiftSuspension),
            _ => {
                errors.push("action", "velg hva som skal gjøres");
                None
            }
        };
        let reason = reason(&mut errors, &self.reason);
        match (command, reason) {
            (Some(command), Some(reason)) => Ok((command, reason)),
            _ => Err(errors),
        }
    }
}
