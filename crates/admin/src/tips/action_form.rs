//! The staff action form of a tip case as posted: every field exactly as typed (so a refused
//! form comes back whole), its boundary checks (`validator`: lengths, dates, numbers, the
//! organisation number, choices and flags) and the assembly of a `CaseEvent` from the checked
//! fields, one small function per action. Which action reads which function is `actions`'
//! business; nothing here knows the `Action` type, so the import runs one way only.

use std::borrow::Cow;
use std::collections::HashMap;

use register::tips::{
    CaseEvent, ClosureReason, DecisionOutcome, MinistryOutcome, OrganisationNumber, TipError, TipRules,
};
use serde::{Deserialize, Serialize};
use time::Date;
use validator::{Validate, ValidationError};

use crate::auth::staff_login as login;
use crate::forms::{self, Errors, parse_date};

/// The most characters of a free text: the register's own limit (`check::text`).
pub const MAX_TEXT: u64 = register::tips::intake::MAX_ACCOUNT as u64;

/// The outcomes a decision form offers, by their form values.
const OUTCOMES: [&str; 5] = ["no_breach", "warning", "exclusion", "permanent_exclusion", "revocation"];

/// What the checkbox for a substantial breach sends when ticked.
const TICKED: &str = "on";

/// Every field any action form has; each action reads its own. Field names are the HTML
/// `name`s; the form also goes back to the page as typed (`Failed`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, Validate)]
#[serde(default)]
pub struct ActionForm {
    pub action: String,
    /// `yes` once the confirmation step of an action that cannot be undone was answered.
    #[validate(custom(function = "yes_or_empty"))]
    pub confirmed: String,
    /// The case version the page showed (optimistic locking).
    #[validate(custom(function = "number"))]
    pub version: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub reason: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub caseworker: String,
    #[validate(custom(function = "closure_reason"))]
    pub closure_reason: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub guidance: String,
    #[validate(custom(function = "organisation_number"))]
    pub organisation_number: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub body: String,
    #[validate(custom(function = "date"))]
    pub asked_on: String,
    #[validate(custom(function = "date"))]
    pub due_on: String,
    #[validate(custom(function = "number"))]
    pub request: String,
    #[validate(custom(function = "date"))]
    pub received_on: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub summary: String,
    #[validate(custom(function = "number"))]
    pub meeting: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub advice: String,
    #[validate(custom(function = "date"))]
    pub sent_on: String,
    #[validate(custom(function = "date"))]
    pub reply_by: String,
    #[validate(custom(function = "outcome"))]
    pub outcome: String,
    /// The end of an exclusion or revocation; empty when it has none.
    #[validate(custom(function = "optional_date"))]
    pub until: String,
    #[validate(custom(function = "number"))]
    pub licence_no: String,
    #[validate(custom(function = "date"))]
    pub decided_on: String,
    #[validate(custom(function = "ticked_or_empty"))]
    pub substantial_breach: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub reasons: String,
    #[validate(custom(function = "ministry_outcome"))]
    pub ministry_outcome: String,
    #[validate(length(max = MAX_TEXT, message = "teksten er for lang"))]
    pub note: String,
}

fn problem(code: &'static str, message: String) -> ValidationError {
    ValidationError::new(code).with_message(Cow::Owned(message))
}

/// A date as `forms::parse_date` (that is `register::date_input`) reads it, with its words.
fn date(value: &str) -> Result<(), ValidationError> {
    parse_date(value).map(|_| ()).map_err(|m| problem("date", m))
}

fn optional_date(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() { Ok(()) } else { date(value) }
}

/// A whole number, not negative (versions, request, meeting and licence numbers). What it
/// identifies is worded by the action that reads it, so no message here.
fn number(value: &str) -> Result<(), ValidationError> {
    match value.trim().parse::<i64>() {
        Ok(n) if n >= 0 => Ok(()),
        _ => Err(ValidationError::new("number")),
    }
}

fn organisation_number(value: &str) -> Result<(), ValidationError> {
    value
        .parse::<OrganisationNumber>()
        .map(|_| ())
        .map_err(|e| problem("organisation_number", tip_message(&e)))
}

/// Empty, or one of `values`: a choice as a select sends it.
fn one_of(value: &str, values: &[&str]) -> Result<(), ValidationError> {
    if value.is_empty() || values.contains(&value) {
        Ok(())
    } else {
        Err(ValidationError::new("choice"))
    }
}

fn closure_reason(value: &str) -> Result<(), ValidationError> {
    let values: Vec<&str> = ClosureReason::ALL.iter().map(|r| r.as_str()).collect();
    one_of(value, &values)
}

fn outcome(value: &str) -> Result<(), ValidationError> {
    one_of(value, &OUTCOMES)
}

fn ministry_outcome(value: &str) -> Result<(), ValidationError> {
    one_of(value, &["upheld", "reversed"])
}

fn yes_or_empty(value: &str) -> Result<(), ValidationError> {
    one_of(value, &[forms::CONFIRMED])
}

fn ticked_or_empty(value: &str) -> Result<(), ValidationError> {
    one_of(value, &[TICKED])
}

/// A refusal's message for a field.
pub fn tip_message<S: std::fmt::Display>(e: &TipError<S>) -> String {
    match e {
        TipError::Invalid(fields) => fields.first().map(|(_, m)| m.clone()).unwrap_or_default(),
        e => crate::labels::refusal(e).unwrap_or_else(|| e.to_string()),
    }
}

impl ActionForm {
    /// The case version, or the sentence to refuse the whole form with when the form itself
    /// is broken (a missing version or a confirmation that is not one); nothing to fix by hand.
    pub fn version(&self) -> Result<i64, &'static str> {
        const NO_VERSION: &str = "Skjemaet manglet saksversjonen. Last siden på nytt og prøv igjen.";
        let broken = self.validate().err();
        let fails = |field: &str| broken.as_ref().is_some_and(|e| e.field_errors().contains_key(field));
        if fails("version") {
            return Err(NO_VERSION);
        }
        if fails("confirmed") {
            return Err("Skjemaet hadde en ugyldig bekreftelse. Last siden på nytt og prøv igjen.");
        }
        self.version.trim().parse().map_err(|_| NO_VERSION)
    }

    /// Whether the confirmation step was answered.
    pub fn confirmed(&self) -> bool {
        self.confirmed == forms::CONFIRMED
    }

    /// The form after its boundary checks, to assemble an event from.
    pub fn checked(&self) -> Checked<'_> {
        let mut problems = HashMap::new();
        if let Err(errors) = self.validate() {
            for (field, list) in errors.field_errors() {
                let message = list.first().and_then(|e| e.message.as_ref()).map(|m| m.to_string());
                problems.insert(field.to_string(), message);
            }
        }
        Checked {
            form: self,
            problems,
            errors: Errors::default(),
        }
    }
}

/// A validated form read field by field for one action: each read gives the field's value or
/// notes its problem (the validator's words, or the action's words for a missing value), in
/// the order the action reads its fields. Fields the action does not read are not refused.
pub struct Checked<'a> {
    form: &'a ActionForm,
    /// The validator's findings per field, with its message when it has one.
    problems: HashMap<String, Option<String>>,
    errors: Errors,
}

impl Checked<'_> {
    /// The event when every field read was fine, or the fields to fix.
    pub fn finish(self, event: Option<CaseEvent>) -> Result<CaseEvent, Errors> {
        match event {
            Some(e) if self.errors.is_empty() => Ok(e),
            _ => Err(self.errors),
        }
    }

    /// Notes `field`'s problem, in the validator's words or else `message`; true if it had one.
    fn refused(&mut self, field: &str, message: &str) -> bool {
        match self.problems.get(field) {
            Some(found) => {
                let m = found.clone().unwrap_or_else(|| message.to_string());
                self.errors.push(field, m);
                true
            }
            None => false,
        }
    }

    /// A text that must be there, trimmed.
    fn text(&mut self, field: &str, value: &str, missing: &str) -> Option<String> {
        if self.refused(field, missing) {
            return None;
        }
        let v = value.trim();
        if v.is_empty() {
            self.errors.push(field, missing);
            return None;
        }
        Some(v.to_string())
    }

    /// A text that may be left empty: `Some(None)` then, `None` when refused.
    fn optional_text(&mut self, field: &str, value: &str) -> Option<Option<String>> {
        if self.refused(field, "") {
            return None;
        }
        Some(Some(value.trim().to_string()).filter(|v| !v.is_empty()))
    }

    fn date(&mut self, field: &str, value: &str) -> Option<Date> {
        if self.refused(field, "") {
            return None;
        }
        register::date_input::parse_date(value).ok()
    }

    /// A number that identifies something `message` asks to choose.
    fn number<T: std::str::FromStr>(&mut self, field: &str, value: &str, message: &str) -> Option<T> {
        if self.refused(field, message) {
            return None;
        }
        let n = value.trim().parse::<T>().ok();
        if n.is_none() {
            self.errors.push(field, message);
        }
        n
    }

    /// A choice that must be made: the chosen value, or `message`.
    fn choice(&mut self, field: &str, value: &str, message: &str) -> Option<String> {
        if self.refused(field, message) {
            return None;
        }
        if value.is_empty() {
            self.errors.push(field, message);
            return None;
        }
        Some(value.to_string())
    }

    /// The reason every action but a note needs.
    pub fn reason(&mut self) {
        let form = self.form;
        self.text("reason", &form.reason, "skriv en begrunnelse for endringen");
    }

    /// Assigning someone a senior names.
    pub fn assign(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        self.text("caseworker", &form.caseworker, "skriv brukernavnet til saksbehandleren")
            .map(|c| CaseEvent::Assign { caseworker: login(&c) })
    }

    /// Taking `caseworker` off the case; only seniors take off others than `me`.
    pub fn unassign(&mut self, me: &str, senior: bool) -> Option<CaseEvent> {
        let form = self.form;
        let c = self.text("caseworker", &form.caseworker, "velg saksbehandleren som skal fjernes")?;
        let caseworker = login(&c);
        if senior || caseworker == me {
            Some(CaseEvent::Unassign { caseworker })
        } else {
            self.errors
                .push("caseworker", "bare en seniorsaksbehandler kan fjerne andre fra saken");
            None
        }
    }

    pub fn close(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let reason = self
            .choice("closure_reason", &form.closure_reason, "velg hvorfor saken avsluttes")
            .and_then(|r| ClosureReason::ALL.into_iter().find(|c| c.as_str() == r));
        let guidance = self.optional_text("guidance", &form.guidance)?;
        if reason == Some(ClosureReason::OutsidePower) && guidance.is_none() {
            self.errors.push(
                "guidance",
                "skriv veiledningen til varsleren: saken gjelder en som verken er oppført eller autorisert",
            );
        }
        reason.map(|reason| CaseEvent::Close { reason, guidance })
    }

    pub fn request_information(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let organisation_number = if self.refused("organisation_number", "") {
            None
        } else {
            form.organisation_number.parse::<OrganisationNumber>().ok()
        };
        let body = self.text("body", &form.body, "skriv hvilket organ som blir spurt");
        let asked_on = self.date("asked_on", &form.asked_on);
        let due_on = self.date("due_on", &form.due_on);
        Some(CaseEvent::RequestInformation {
            organisation_number: organisation_number?,
            body: body?,
            asked_on: asked_on?,
            due_on: due_on?,
        })
    }

    pub fn record_information_reply(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let request = self.number("request", &form.request, "velg forespørselen som er besvart");
        let received_on = self.date("received_on", &form.received_on);
        let summary = self.text("summary", &form.summary, "skriv hva organet svarte");
        Some(CaseEvent::RecordInformationReply {
            request: request?,
            received_on: received_on?,
            summary: summary?,
        })
    }

    pub fn refer_to_committee(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let meeting_id = self.number("meeting", &form.meeting, "velg et utvalgsmøte");
        let summary = self.text(
            "summary",
            &form.summary,
            "skriv et sammendrag til utvalget (uten varslerens identitet)",
        );
        Some(CaseEvent::ReferToCommittee {
            meeting_id: meeting_id?,
            summary: summary?,
        })
    }

    pub fn record_advice(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let meeting_id = self.number("meeting", &form.meeting, "velg møtet som ga rådet");
        let advice = self.text("advice", &form.advice, "skriv utvalgets råd");
        Some(CaseEvent::RecordAdvice {
            meeting_id: meeting_id?,
            advice: advice?,
        })
    }

    pub fn send_advance_notice(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let sent_on = self.date("sent_on", &form.sent_on);
        let reply_by = self.date("reply_by", &form.reply_by);
        Some(CaseEvent::SendAdvanceNotice {
            sent_on: sent_on?,
            reply_by: reply_by?,
        })
    }

    pub fn record_reply(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let received_on = self.date("received_on", &form.received_on)?;
        Some(CaseEvent::RecordReply { received_on })
    }

    pub fn appeal(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let received_on = self.date("received_on", &form.received_on)?;
        Some(CaseEvent::Appeal { received_on })
    }

    pub fn reverse_on_appeal(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let reasons = self.text("reasons", &form.reasons, "begrunn omgjøringen")?;
        Some(CaseEvent::ReverseOnAppeal { reasons })
    }

    pub fn forward_to_ministry(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let sent_on = self.date("sent_on", &form.sent_on)?;
        Some(CaseEvent::ForwardToMinistry { sent_on })
    }

    pub fn record_ministry_outcome(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let outcome = self
            .choice(
                "ministry_outcome",
                &form.ministry_outcome,
                "velg departementets avgjørelse",
            )
            .map(|o| match o.as_str() {
                "upheld" => MinistryOutcome::Upheld,
                _ => MinistryOutcome::Reversed,
            });
        let decided_on = self.date("decided_on", &form.decided_on);
        Some(CaseEvent::RecordMinistryOutcome {
            outcome: outcome?,
            decided_on: decided_on?,
        })
    }

    pub fn note(&mut self) -> Option<CaseEvent> {
        let form = self.form;
        let text = self.text("note", &form.note, "skriv notatet")?;
        Some(CaseEvent::AddNote { text })
    }

    /// A proposed decision; its appeal deadline follows from `rules`.
    pub fn decide(&mut self, rules: &TipRules) -> Option<CaseEvent> {
        let form = self.form;
        let decided_on = self.date("decided_on", &form.decided_on);
        let reasons = self.text("reasons", &form.reasons, "vedtaket må begrunnes");
        let outcome = self.decision_outcome();
        if self.refused("substantial_breach", "kryss av eller la feltet stå tomt") {
            return None;
        }
        let decided_on = decided_on?;
        Some(CaseEvent::Decide {
            outcome: outcome?,
            reasons: reasons?,
            decided_on,
            appeal_by: rules.appeal_by(decided_on),
            substantial_breach: form.substantial_breach == TICKED,
        })
    }

    /// The outcome of a decision with its end date and licence where it has them.
    fn decision_outcome(&mut self) -> Option<DecisionOutcome> {
        let form = self.form;
        let outcome = self.choice("outcome", &form.outcome, "velg vedtak")?;
        match outcome.as_str() {
            "no_breach" => Some(DecisionOutcome::NoBreach),
            "warning" => Some(DecisionOutcome::Warning),
            "permanent_exclusion" => Some(DecisionOutcome::PermanentExclusion),
            "exclusion" if form.until.trim().is_empty() => {
                self.errors
                    .push("until", "skriv til hvilken dato tolken skal være utestengt");
                None
            }
            "exclusion" => self
                .date("until", &form.until)
                .map(|until| DecisionOutcome::Exclusion { until }),
            _ => {
                let licence_no = self.number("licence_no", &form.licence_no, "velg bevillingen som tilbakekalles");
                let until = match form.until.trim() {
                    "" => None,
                    u => Some(self.date("until", u)?),
                };
                licence_no.map(|licence_no| DecisionOutcome::Revocation { licence_no, until })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form(pairs: &[(&str, &str)]) -> ActionForm {
        let body = serde_urlencoded::to_string(pairs).unwrap();
        serde_urlencoded::from_str(&body).unwrap()
    }

    fn refusals(errors: Errors) -> Vec<(String, String)> {
        errors.0
    }

    fn event<'f>(
        f: &'f ActionForm,
        read: impl FnOnce(&mut Checked<'f>) -> Option<CaseEvent>,
    ) -> Result<CaseEvent, Errors> {
        let mut c = f.checked();
        c.reason();
        let e = read(&mut c);
        c.finish(e)
    }

    #[test]
    fn valid_forms_give_their_events() {
        let f = form(&[
            ("action", "request_information"),
            ("version", "3"),
            ("reason", "trenger opplysninger"),
            ("organisation_number", "974 760 673"),
            ("body", " NAV Bergen "),
            ("asked_on", "2026-03-01"),
            ("due_on", "15.3.2026"),
        ]);
        assert_eq!(f.version(), Ok(3));
        let CaseEvent::RequestInformation {
            body, asked_on, due_on, ..
        } = event(&f, Checked::request_information).unwrap()
        else {
            panic!("not a request for information");
        };
        assert_eq!(
            (body.as_str(), asked_on, due_on),
            ("NAV Bergen", date!(2026 - 03 - 01), date!(2026 - 03 - 15))
        );

        let f = form(&[
            ("reason", "r"),
            ("meeting", "7"),
            ("summary", "Saken gjelder taushetsplikt."),
        ]);
        assert_eq!(
            event(&f, Checked::refer_to_committee).unwrap(),
            CaseEvent::ReferToCommittee {
                meeting_id: 7,
                summary: "Saken gjelder taushetsplikt.".into()
            }
        );

        let rules = TipRules::default();
        let f = form(&[
            ("reason", "r"),
            ("outcome", "revocation"),
            ("licence_no", "12"),
            ("until", ""),
            ("substantial_breach", "on"),
            ("decided_on", "2026-03-20"),
            ("reasons", "Brudd på taushetsplikten."),
        ]);
        assert_eq!(
            event(&f, |c| c.decide(&rules)).unwrap(),
            CaseEvent::Decide {
                outcome: DecisionOutcome::Revocation {
                    licence_no: 12,
                    until: None
                },
                reasons: "Brudd på taushetsplikten.".into(),
                decided_on: date!(2026 - 03 - 20),
                appeal_by: rules.appeal_by(date!(2026 - 03 - 20)),
                substantial_breach: true,
            }
        );

        let f = form(&[
            ("reason", "r"),
            ("closure_reason", "outside_power"),
            ("guidance", "Kontakt Bufdir."),
        ]);
        assert!(matches!(
            event(&f, Checked::close).unwrap(),
            CaseEvent::Close { reason: ClosureReason::OutsidePower, guidance: Some(g) } if g == "Kontakt Bufdir."
        ));

        let f = form(&[("caseworker", "kari")]);
        assert_eq!(
            event(&f, |c| c.unassign("staff:ola", true)).map_err(refusals),
            Err(vec![("reason".into(), "skriv en begrunnelse for endringen".into())]),
            "the reason is read first"
        );
        let mut c = f.checked();
        let e = c.unassign("staff:kari", false);
        assert_eq!(
            c.finish(e).unwrap(),
            CaseEvent::Unassign {
                caseworker: "staff:kari".into()
            }
        );
    }

    #[test]
    fn malformed_dates_are_refused_on_their_field_in_bokmal() {
        let f = form(&[("reason", "r"), ("sent_on", "i morgen"), ("reply_by", "2026-02-31")]);
        assert_eq!(
            refusals(event(&f, Checked::send_advance_notice).unwrap_err()),
            [
                ("sent_on".to_string(), "skriv en gyldig dato (ÅÅÅÅ-MM-DD)".to_string()),
                (
                    "reply_by".to_string(),
                    "31. februar 2026 finnes ikke; februar 2026 har 28 dager".to_string()
                ),
            ]
        );
        let f = form(&[("reason", "r"), ("outcome", "exclusion"), ("until", "13.13.2026")]);
        let got = refusals(event(&f, |c| c.decide(&TipRules::default())).unwrap_err());
        assert!(
            got.contains(&(
                "until".into(),
                "måned 13 finnes ikke; skriv en måned fra 1 til 12".into()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn oversized_texts_are_refused_on_their_field() {
        let long = "x".repeat(MAX_TEXT as usize + 1);
        let f = form(&[("reason", "r"), ("note", &long)]);
        assert_eq!(
            refusals(event(&f, Checked::note).unwrap_err()),
            [("note".to_string(), "teksten er for lang".to_string())]
        );
        let f = form(&[("reason", &long), ("note", "kort")]);
        assert_eq!(
            refusals(event(&f, Checked::note).unwrap_err()),
            [("reason".to_string(), "teksten er for lang".to_string())]
        );
        let ok = "x".repeat(MAX_TEXT as usize);
        let f = form(&[("reason", "r"), ("note", &ok)]);
        assert!(event(&f, Checked::note).is_ok(), "the limit itself is allowed");
    }

    #[test]
    fn numbers_choices_and_missing_values_use_the_actions_words() {
        let f = form(&[("reason", "r"), ("meeting", "fem"), ("advice", " ")]);
        assert_eq!(
            refusals(event(&f, Checked::record_advice).unwrap_err()),
            [
                ("meeting".to_string(), "velg møtet som ga rådet".to_string()),
                ("advice".to_string(), "skriv utvalgets råd".to_string()),
            ]
        );
        let f = form(&[
            ("reason", "r"),
            ("ministry_outcome", "maybe"),
            ("decided_on", "2026-03-01"),
        ]);
        assert_eq!(
            refusals(event(&f, Checked::record_ministry_outcome).unwrap_err()),
            [(
                "ministry_outcome".to_string(),
                "velg departementets avgjørelse".to_string()
            )]
        );
        let f = form(&[("reason", "r"), ("organisation_number", "123")]);
        let got = refusals(event(&f, Checked::request_information).unwrap_err());
        assert_eq!(got[0].0, "organisation_number", "{got:?}");
    }

    #[test]
    fn a_broken_version_or_confirmation_refuses_the_whole_form() {
        let missing = "Skjemaet manglet saksversjonen. Last siden på nytt og prøv igjen.";
        assert_eq!(form(&[("version", "tre")]).version(), Err(missing));
        assert_eq!(form(&[]).version(), Err(missing));
        assert_eq!(form(&[("version", "-1")]).version(), Err(missing));
        let f = form(&[("version", "4"), ("confirmed", "ja")]);
        assert!(f.version().is_err() && !f.confirmed());
        let f = form(&[("version", " 4 "), ("confirmed", "yes")]);
        assert_eq!(f.version(), Ok(4));
        assert!(f.confirmed());
    }

    #[test]
    fn fields_an_action_does_not_read_are_not_refused() {
        // A note with a stray unreadable date elsewhere is still a note.
        let f = form(&[("note", "Ringte varsleren."), ("due_on", "snart")]);
        let mut c = f.checked();
        let e = c.note();
        assert_eq!(
            c.finish(e).unwrap(),
            CaseEvent::AddNote {
                text: "Ringte varsleren.".into()
            }
        );
    }

    #[test]
    fn the_form_keeps_what_was_typed() {
        let pairs = [
            ("action", "decide"),
            ("version", "2"),
            ("reason", "  med mellomrom  "),
            ("outcome", "exclusion"),
            ("until", "i morgen"),
            ("decided_on", "20.3.2026"),
            ("reasons", "Begrunnelse\nover to linjer"),
        ];
        let f = form(&pairs);
        assert!(event(&f, |c| c.decide(&TipRules::default())).is_err());
        assert_eq!(f.reason, "  med mellomrom  ");
        assert_eq!(f.until, "i morgen");
        assert_eq!(f.decided_on, "20.3.2026");
        let again: ActionForm = serde_urlencoded::from_str(&serde_urlencoded::to_string(&f).unwrap()).unwrap();
        assert_eq!(
            again, f,
            "the form goes back to the page and to a confirmation unchanged"
        );
        let resent = forms::resend(&f);
        assert!(resent.contains(&("until".to_string(), "i morgen".to_string())));
    }
}
