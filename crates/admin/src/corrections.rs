//! Correcting a record: the interpreter's profile (name, contact details, where and how they
//! work) and ending a qualification entered by mistake. Both go through `changes` like every
//! other register change, so they carry a reason, land in the history and the audit trail, and
//! take four eyes where the register says so (ending a qualification that lowers a category:
//! `register::casework::four_eyes::needs_second_approval`).

use axum::Router;
use axum::routing::{get, post};
use maud::{Markup, html};
use register::{Catalogue, Command, InterpreterNumber, InterpreterRecord};
use serde::Deserialize;

use crate::AdminState;
use crate::changes::{self, ChangeForm, Params};
use crate::forms::{self, Errors};
use crate::interpreters::form::RegistrationForm;
use crate::interpreters::views::profile_fields;
use crate::labels;
use crate::qualifications::reason;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/tolker/{number}/opplysninger", get(changes::show::<ProfileForm>))
        .route("/tolker/{number}/opplysninger", post(changes::submit::<ProfileForm>))
        .route(
            "/tolker/{number}/kvalifikasjoner/{qualification}/avslutt",
            get(changes::show::<EndQualificationForm>),
        )
        .route(
            "/tolker/{number}/kvalifikasjoner/{qualification}/avslutt",
            post(changes::submit::<EndQualificationForm>),
        )
}

/// The profile fields as typed (the registration form's; its national identity number and
/// source are not on this form and are filled from the record), and why they change.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    #[serde(flatten)]
    pub fields: RegistrationForm,
    pub reason: String,
}

fn checked(on: bool) -> Option<String> {
    on.then(|| "on".to_string())
}

impl ProfileForm {
    /// The registration form these fields make for `record`: its national identity number is
    /// kept (a correction never changes it), the source fields only satisfy that form's parser.
    fn as_registration(&self, record: &InterpreterRecord) -> RegistrationForm {
        RegistrationForm {
            national_id: record.profile.national_id.expose().to_string(),
            source: "paper".into(),
            source_ref: "retting".into(),
            ..self.fields.clone()
        }
    }
}

impl ChangeForm for ProfileForm {
    const TITLE: &'static str = "Rett opplysninger om tolken";
    const SUBMIT: &'static str = "Lagre rettelsen";
    const OK: &'static str = "changed";

    fn action(number: InterpreterNumber, _: &Params) -> String {
        format!("/tolker/{number}/opplysninger")
    }

    fn fields(&self, catalogue: &Catalogue, record: &InterpreterRecord, _: &Params, errors: &Errors) -> Markup {
        html! {
            p class="hint" { "Fødselsnummeret rettes ikke her. Endringen vises i offentlig søk med en gang og lagres i historikken med begrunnelsen." }
            (profile_fields(&self.as_registration(record), errors, catalogue, false))
            (forms::textarea("reason", "Begrunnelse (for eksempel «nytt telefonnummer oppgitt av tolken på e-post 3.12.»)", &self.reason, errors))
        }
    }

    fn parse(&self, record: &InterpreterRecord, _: &Params) -> Result<(Command, String), Errors> {
        let parsed = self.as_registration(record).parse();
        let mut errors = match &parsed {
            Ok(_) => Errors::default(),
            Err(e) => e.clone(),
        };
        let why = reason(&mut errors, &self.reason);
        match (parsed, why) {
            (Ok((profile, _)), Some(why)) if errors.is_empty() => Ok((Command::UpdateProfile { profile }, why)),
            _ => Err(errors),
        }
    }

    fn initial(record: &InterpreterRecord, _: &Params) -> ProfileForm {
        let p = &record.profile;
        let (street, postal_code, city) = p
            .address
            .as_ref()
            .map(|a| (a.street.clone(), a.postal_code.clone(), a.city.clone()))
            .unwrap_or_default();
        let fields = RegistrationForm {
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            preferred_name: p.preferred_name.clone().unwrap_or_default(),
            gender: p.gender.as_str().to_string(),
            county: p.county.to_string(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            street,
            postal_code,
            city,
            address_public: checked(p.address_public),
            availability: p.availability.as_str().to_string(),
            on_site: checked(p.work_modes.on_site),
            telephone: checked(p.work_modes.telephone),
            video: checked(p.work_modes.video),
            ..RegistrationForm::default()
        };
        ProfileForm {
            fields,
            reason: String::new(),
        }
    }
}

/// Ending one qualification (`{qualification}` in the path), with the reason.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EndQualificationForm {
    pub reason: String,
}

/// The qualification the path names, if the record has it.
fn qualification_no(record: &InterpreterRecord, params: &Params) -> Option<i32> {
    let no: i32 = params.get("qualification")?.parse().ok()?;
    record.qualifications.iter().any(|q| q.no == no).then_some(no)
}

impl ChangeForm for EndQualificationForm {
    const TITLE: &'static str = "Avslutt en kvalifikasjon";
    const SUBMIT: &'static str = "Avslutt kvalifikasjonen";
    const OK: &'static str = "changed";

    fn action(number: InterpreterNumber, params: &Params) -> String {
        let no = params.get("qualification").map(String::as_str).unwrap_or("");
        format!("/tolker/{number}/kvalifikasjoner/{no}/avslutt")
    }

    fn fields(&self, catalogue: &Catalogue, record: &InterpreterRecord, params: &Params, errors: &Errors) -> Markup {
        let q = qualification_no(record, params).and_then(|no| record.qualifications.iter().find(|q| q.no == no));
        html! {
            @match q {
                Some(q) => {
                    dl class="facts" {
                        dt { "Kvalifikasjon" } dd { (q.no) ": " (labels::qualification(q.kind)) }
                        dt { "Språk" } dd { (q.language.map(|l| labels::language(catalogue, l)).unwrap_or_else(|| "alle".into())) }
                        dt { "Fullført" } dd { (q.completed_on) }
                        dt { "Lærested" } dd { (q.institution) }
                    }
                    p class="hint" {
                        "Kvalifikasjonen blir stående i historikken. Faller kategorien for et språk, må en seniorsaksbehandler godkjenne før endringen gjelder."
                    }
                }
                None => p class="notice error" { "Tolken har ingen kvalifikasjon med dette nummeret." },
            }
            (forms::textarea("reason", "Begrunnelse (for eksempel «registrert på feil tolk»)", &self.reason, errors))
        }
    }

    fn parse(&self, record: &InterpreterRecord, params: &Params) -> Result<(Command, String), Errors> {
        let mut errors = Errors::default();
        let no = qualification_no(record, params);
        if no.is_none() {
            errors.push("reason", "tolken har ingen kvalifikasjon med dette nummeret");
        }
        let why = reason(&mut errors, &self.reason);
        match (no, why) {
            (Some(no), Some(why)) if errors.is_empty() => Ok((Command::EndQualification { no }, why)),
            _ => Err(errors),
        }
    }
}
