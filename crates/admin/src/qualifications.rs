//! Recording qualifications (with an evidence reference) and authorisation-test results on an
//! interpreter; the register re-derives the category from them.

use axum::Router;
use axum::routing::{get, post};
use maud::{Markup, html};
use register::qualification::{NewQualification, QualificationKind};
use register::record::TestPart;
use register::{Catalogue, Command, InterpreterNumber, InterpreterRecord, LanguageCode};
use serde::Deserialize;

use crate::AdminState;
use crate::changes::{self, ChangeForm, Params};
use crate::forms::{self, Errors, parse_date, required};
use crate::labels;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route(
            "/tolker/{number}/kvalifikasjoner/ny",
            get(changes::show::<QualificationForm>),
        )
        .route(
            "/tolker/{number}/kvalifikasjoner",
            post(changes::submit::<QualificationForm>),
        )
        .route(
            "/tolker/{number}/autorisasjonsprover/ny",
            get(changes::show::<TestForm>),
        )
        .route(
            "/tolker/{number}/autorisasjonsprover",
            post(changes::submit::<TestForm>),
        )
}

/// Parses a language select; empty means none.
pub fn optional_language(value: &str) -> Result<Option<LanguageCode>, String> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        value
            .parse()
            .map(Some)
            .map_err(|_| "velg et språk fra lista".to_string())
    }
}

/// Parses a language select that must have a value.
pub fn language(value: &str, what: &str) -> Result<LanguageCode, String> {
    optional_language(value)?.ok_or_else(|| format!("velg språket {what}"))
}

/// The reason every change carries.
pub fn reason(errors: &mut Errors, value: &str) -> Option<String> {
    errors.take("reason", required(value, "begrunnelse", 2000))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct QualificationForm {
    pub kind: String,
    pub language: String,
    pub completed_on: String,
    pub institution: String,
    pub evidence_ref: String,
    pub reason: String,
}

/// Kinds staff record directly; foreign authorisations come from a foreign-qualification case.
const KINDS: [QualificationKind; 6] = [
    QualificationKind::Bachelor,
    QualificationKind::FoundationCourse,
    QualificationKind::BilingualTest,
    QualificationKind::TaoCourse,
    QualificationKind::AuthorisedTranslator,
    QualificationKind::SignLanguageTraining,
];

impl ChangeForm for QualificationForm {
    const TITLE: &'static str = "Registrer kvalifikasjon";
    const SUBMIT: &'static str = "Registrer kvalifikasjon";
    const OK: &'static str = "qualification";

    fn action(number: InterpreterNumber, _: &Params) -> String {
        format!("/tolker/{number}/kvalifikasjoner")
    }

    fn fields(&self, catalogue: &Catalogue, _: &InterpreterRecord, _: &Params, errors: &Errors) -> Markup {
        let kinds: Vec<(String, String)> = KINDS
            .iter()
            .map(|k| (k.as_str().to_string(), labels::qualification(*k).to_string()))
            .collect();
        html! {
            (forms::select("kind", "Kvalifikasjon", &kinds, &self.kind, Some("Velg …"), errors))
            (forms::select("language", "Språk (tomt for TAO)", &labels::language_options(catalogue), &self.language, Some("Ingen / alle språk"), errors))
            (forms::date("completed_on", "Fullført dato", &self.completed_on, errors))
            (forms::text("institution", "Lærested eller arrangør", &self.institution, errors))
            (forms::text("evidence_ref", "Dokumentasjonsreferanse (arkiv)", &self.evidence_ref, errors))
            (forms::textarea("reason", "Begrunnelse for registreringen", &self.reason, errors))
        }
    }

    fn parse(&self, _: &InterpreterRecord, _: &Params) -> Result<(Command, String), Errors> {
        let mut errors = Errors::default();
        let kind = errors.take(
            "kind",
            self.kind
                .parse::<QualificationKind>()
                .ok()
                .filter(|k| KINDS.contains(k))
                .ok_or("velg type kvalifikasjon"),
        );
        let language = errors.take("language", optional_language(&self.language)).flatten();
        match (kind, language) {
            (Some(k), None) if k.is_language_specific() && errors.get("language").is_none() => {
                errors.push("language", "velg språket kvalifikasjonen gjelder")
            }
            (Some(QualificationKind::TaoCourse), Some(_)) => {
                errors.push("language", "TAO gjelder alle språk; la språk stå tomt")
            }
            _ => {}
        }
        let completed_on = errors.take("completed_on", parse_date(&self.completed_on));
        let institution = errors.take(
            "institution",
            required(&self.institution, "lærested eller arrangør", 200),
        );
        let evidence_ref = errors.take(
            "evidence_ref",
            required(&self.evidence_ref, "dokumentasjonsreferanse", 100),
        );
        let reason = reason(&mut errors, &self.reason);
        match (kind, completed_on, institution, evidence_ref, reason) {
            (Some(kind), Some(completed_on), Some(institution), Some(evidence_ref), Some(reason))
                if errors.is_empty() =>
            {
                let qualification = NewQualification {
                    kind,
                    language,
                    completed_on,
                    institution,
                    foreign_approval: None,
                    evidence_ref,
                };
                Ok((Command::AddQualification { qualification }, reason))
            }
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TestForm {
    pub language: String,
    pub part: String,
    pub taken_on: String,
    pub passed: String,
    pub reason: String,
}

impl ChangeForm for TestForm {
    const TITLE: &'static str = "Registrer autorisasjonsprøve";
    const SUBMIT: &'static str = "Registrer resultat";
    const OK: &'static str = "test";

    fn action(number: InterpreterNumber, _: &Params) -> String {
        format!("/tolker/{number}/autorisasjonsprover")
    }

    fn fields(&self, catalogue: &Catalogue, _: &InterpreterRecord, _: &Params, errors: &Errors) -> Markup {
        let parts = forms::options(&[("written", "skriftlig del"), ("oral", "muntlig del")]);
        let results = forms::options(&[("yes", "bestått"), ("no", "ikke bestått")]);
        html! {
            (forms::select("language", "Språk", &labels::authorisation_language_options(catalogue), &self.language, Some("Velg …"), errors))
            (forms::select("part", "Prøvedel", &parts, &self.part, Some("Velg …"), errors))
            (forms::date("taken_on", "Prøvedato", &self.taken_on, errors))
            (forms::select("passed", "Resultat", &results, &self.passed, Some("Velg …"), errors))
            (forms::textarea("reason", "Begrunnelse for registreringen", &self.reason, errors))
        }
    }

    fn parse(&self, _: &InterpreterRecord, _: &Params) -> Result<(Command, String), Errors> {
        let mut errors = Errors::default();
        let language = errors.take("language", language(&self.language, "prøven gjaldt"));
        let part = errors.take("part", self.part.parse::<TestPart>().map_err(|_| "velg prøvedel"));
        let taken_on = errors.take("taken_on", parse_date(&self.taken_on));
        let passed = errors.take(
            "passed",
            match self.passed.as_str() {
                "yes" => Ok(true),
                "no" => Ok(false),
                _ => Err("velg resultat"),
            },
        );
        let reason = reason(&mut errors, &self.reason);
        match (language, part, taken_on, passed, reason) {
            (Some(language), Some(part), Some(taken_on), Some(passed), Some(reason)) => Ok((
                Command::RecordAuthorisationTest {
                    language,
                    part,
                    taken_on,
                    passed,
                },
                reason,
            )),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tao_takes_no_language_and_other_kinds_need_one() {
        let form = |kind: &str, language: &str| QualificationForm {
            kind: kind.into(),
            language: language.into(),
            completed_on: "2020-06-01".into(),
            institution: "OsloMet".into(),
            evidence_ref: "ARK-1".into(),
            reason: "Vitnemål mottatt".into(),
        };
        let (profile, _) = crate::interpreters::form::tests::good().parse().unwrap();
        let record = InterpreterRecord::new(InterpreterNumber::FIRST, profile);
        let params = Params::new();
        assert!(form("tao_course", "").parse(&record, &params).is_ok());
        assert!(
            form("tao_course", "ARB")
                .parse(&record, &params)
                .unwrap_err()
                .get("language")
                .is_some()
        );
        assert!(
            form("bachelor", "")
                .parse(&record, &params)
                .unwrap_err()
                .get("language")
                .is_some()
        );
        assert!(
            form("authorisation", "ARB")
                .parse(&record, &params)
                .unwrap_err()
                .get("kind")
                .is_some()
        );
        let mut bad_date = form("bachelor", "ARB");
        bad_date.completed_on = "2020-02-30".into();
        assert!(
            bad_date
                .parse(&record, &params)
                .unwrap_err()
                .get("completed_on")
                .is_some()
        );
    }
}
