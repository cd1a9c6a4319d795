//! The tip form as posted: every field exactly as typed (so a rejected form comes back whole),
//! its boundary checks (`validator`) and the conversion to a `NewTip` with per-field problems.
//! Pure: the caller says which interpreters are listed; no index, no storage, no HTTP.

use std::collections::BTreeMap;

use register::InterpreterNumber;
use register::StoreError;
use register::date_input::DateInputError;
use register::tips::{Channel, Ground, Grounds, NewTip, Reporter, ReporterContact, ReporterRole, Subject, TipError};
use time::Date;
use validator::{Validate, ValidationError};

/// Who registers tips that come through the form.
pub const RECEIVED_BY: &str = "public:web";

/// The most characters of each free-text field (the register's own limits where it has them).
pub const MAX_LOOKUP: u64 = 100;
pub const MAX_SHORT: u64 = 300;
pub const MAX_ACCOUNT: u64 = register::tips::intake::MAX_ACCOUNT as u64;
pub const MAX_CONTACT: u64 = 200;
pub const MAX_PHONE: u64 = 40;

/// What the reporter chose about being contacted.
pub const NAMED: &str = "named";
pub const ANONYMOUS: &str = "anonymous";
/// The radio choice "none of these / I don't know who it was".
pub const UNKNOWN_INTERPRETER: &str = "unknown";

/// The posted form. Field names are the HTML `name`s and `id`s.
#[derive(Debug, Clone, Default, PartialEq, Eq, Validate)]
pub struct TipForm {
    /// Name or interpreter number to look up in the search index.
    #[validate(length(max = MAX_LOOKUP))]
    pub lookup: String,
    /// The chosen interpreter's number, or [`UNKNOWN_INTERPRETER`], or empty.
    #[validate(length(max = 20))]
    pub interpreter: String,
    /// Who the interpreter was, when the reporter does not know the number.
    #[validate(length(max = MAX_SHORT))]
    pub description: String,
    #[validate(length(max = 20))]
    pub assignment_on: String,
    #[validate(length(max = MAX_SHORT))]
    pub assignment_place: String,
    /// Ground names as posted (checkboxes), without repeats.
    #[validate(length(max = 3))]
    pub grounds: Vec<String>,
    #[validate(length(max = MAX_ACCOUNT))]
    pub account: String,
    /// [`NAMED`], [`ANONYMOUS`] or empty.
    #[validate(length(max = 20))]
    pub anonymity: String,
    #[validate(length(max = 40))]
    pub reporter_role: String,
    #[validate(length(max = MAX_CONTACT))]
    pub reporter_name: String,
    #[validate(length(max = MAX_CONTACT), email)]
    pub reporter_email: Option<String>,
    #[validate(length(max = MAX_PHONE), custom(function = "phone_number"))]
    pub reporter_phone: Option<String>,
    /// The honeypot: hidden from people, so only robots fill it in.
    pub website: String,
    /// The signed form token (see `token`).
    pub token: String,
    /// Which button was pressed: `lookup` or `send`.
    pub action: String,
}

/// A field a problem belongs to, in the order the form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Lookup,
    Subject,
    Description,
    AssignmentOn,
    AssignmentPlace,
    Grounds,
    Account,
    Anonymity,
    Role,
    Name,
    Email,
    Phone,
}

impl Field {
    /// The `id` of the control the error summary links to.
    pub fn anchor(self) -> &'static str {
        match self {
            Field::Lookup | Field::Subject => "lookup",
            Field::Description => "description",
            Field::AssignmentOn => "assignment_on",
            Field::AssignmentPlace => "assignment_place",
            Field::Grounds => "ground-good_practice",
            Field::Account => "account",
            Field::Anonymity => "anonymity-named",
            Field::Role => "role-public_body",
            Field::Name => "reporter_name",
            Field::Email => "reporter_email",
            Field::Phone => "reporter_phone",
        }
    }

    fn of_name(name: &str) -> Field {
        match name {
            "lookup" => Field::Lookup,
            "interpreter" | "subject" => Field::Subject,
            "description" => Field::Description,
            "assignment_on" => Field::AssignmentOn,
            "assignment_place" => Field::AssignmentPlace,
            "grounds" => Field::Grounds,
            "anonymity" => Field::Anonymity,
            "reporter_role" => Field::Role,
            "reporter_name" => Field::Name,
            "reporter_email" | "reporter_contact" => Field::Email,
            "reporter_phone" => Field::Phone,
            _ => Field::Account,
        }
    }
}

/// What is wrong with a field; each language words it (`i18n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TooLong(u64),
    SubjectMissing,
    /// The chosen number is not a listed interpreter.
    SubjectNotListed(String),
    DateInvalid,
    /// Written as a date, but no such day: `typed` as written, with the year and month
    /// (when the month exists) to say why ("31.02.2026": February 2026 has 28 days).
    DateImpossible {
        typed: String,
        year: i32,
        month: Option<u8>,
    },
    DateInFuture,
    GroundsMissing,
    AccountMissing,
    AnonymityMissing,
    RoleMissing,
    NameMissing,
    /// Contact details typed although the reporter chose to be anonymous.
    ContactWhileAnonymous,
    ContactMissing,
    EmailInvalid,
    PhoneInvalid,
    /// A rule of the register the form's own checks did not foresee (a backstop).
    Refused(Refusal),
}

/// A refusal by the register, by kind, so that each language words it (`i18n`; bokmål as the
/// register words it). Read from the `TipError`s that receiving a tip can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    AccountMissing,
    AccountTooLong,
    PlaceTooLong,
    AssignmentInFuture,
    ReceivedInFuture,
    SubjectMissing,
    DescriptionTooLong,
    ReceiverMissing,
    /// Any other refusal: one the register has added since, or not about one field.
    NotAccepted,
}

impl Refusal {
    /// The kind of a refusal of `NewTip::check`, told by its field and (bokmål) message.
    fn of_invalid(field: &str, message: &str) -> Refusal {
        match (field, message) {
            ("account", "beskriv hva som skjedde") => Refusal::AccountMissing,
            ("account", _) => Refusal::AccountTooLong,
            ("assignment_place", _) => Refusal::PlaceTooLong,
            ("assignment_on", _) => Refusal::AssignmentInFuture,
            ("received_on", _) => Refusal::ReceivedInFuture,
            ("subject", "oppgi tolkenummer eller beskriv hvem tolken var") => Refusal::SubjectMissing,
            ("subject", _) => Refusal::DescriptionTooLong,
            ("received_by", _) => Refusal::ReceiverMissing,
            _ => Refusal::NotAccepted,
        }
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// The problems of a form, at most one per field, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(BTreeMap<Field, Problem>);

impl Problems {
    /// Keeps the first problem found for a field.
    pub fn add(&mut self, field: Field, problem: Problem) {
        self.0.entry(field).or_insert(problem);
    }

    pub fn get(&self, field: Field) -> Option<&Problem> {
        self.0.get(&field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = FieldError> + '_ {
        self.0.iter().map(|(f, p)| FieldError {
            field: *f,
            problem: p.clone(),
        })
    }

    /// The problems of a refusal by the register.
    pub fn from_register(e: TipError<StoreError>) -> Problems {
        let mut p = Problems::default();
        p.add_register(e);
        p
    }

    fn add_register(&mut self, e: TipError<StoreError>) {
        match e {
            TipError::Invalid(list) => {
                for (field, message) in list {
                    let refusal = Refusal::of_invalid(&field, &message);
                    self.add(Field::of_name(&field), Problem::Refused(refusal));
                }
            }
            TipError::Store(register::store::StoreError::NotFound(n)) => {
                self.add(Field::Subject, Problem::SubjectNotListed(n.to_string()))
            }
            _ => self.add(Field::Account, Problem::Refused(Refusal::NotAccepted)),
        }
    }
}

fn phone_number(value: &str) -> Result<(), ValidationError> {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    if allowed && (3..=20).contains(&digits) {
        Ok(())
    } else {
        Err(ValidationError::new("phone"))
    }
}

/// `Some(v)` for a value with more than blanks, as typed.
fn present(v: String) -> Option<String> {
    (!v.trim().is_empty()).then_some(v)
}

/// Why a typed date was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written as a date at all.
    Format,
    /// Written as a date (day, month, year) that does not exist, such as 31.02.2026 or
    /// 1.13.2026; `month` is the month when it exists.
    Impossible { year: i32, month: Option<u8> },
}

/// Dates as a date field sends them (`2026-03-15`) or as people type them (`15.3.2026`); the
/// reading is `register::date_input`'s, shared with the staff forms.
pub fn parse_date(value: &str) -> Result<Date, DateError> {
    register::date_input::parse_date(value).map_err(|e| match e {
        DateInputError::Format => DateError::Format,
        DateInputError::Impossible { year, .. } => DateError::Impossible {
            year,
            month: e.month().map(|m| m as u8),
        },
    })
}

pub use register::date_input::days_in_month;

impl TipForm {
    /// Reads the posted pairs; never fails, so whatever was typed can be shown again.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> TipForm {
        let mut f = TipForm::default();
        let (mut email, mut phone) = (String::new(), String::new());
        for (k, v) in pairs {
            let slot = match k.as_str() {
                "lookup" => &mut f.lookup,
                "interpreter" => &mut f.interpreter,
                "description" => &mut f.description,
                "assignment_on" => &mut f.assignment_on,
                "assignment_place" => &mut f.assignment_place,
                "account" => &mut f.account,
                "anonymity" => &mut f.anonymity,
                "reporter_role" => &mut f.reporter_role,
                "reporter_name" => &mut f.reporter_name,
                "reporter_email" => &mut email,
                "reporter_phone" => &mut phone,
                "website" => &mut f.website,
                "token" => &mut f.token,
                "action" => &mut f.action,
                "grounds" => {
                    if !f.grounds.contains(&v) {
                        f.grounds.push(v);
                    }
                    continue;
                }
                _ => continue,
            };
            *slot = v;
        }
        f.reporter_email = present(email);
        f.reporter_phone = present(phone);
        f
    }

    /// Whether the lookup button (not the send button) was pressed.
    pub fn is_lookup(&self) -> bool {
        self.action == "lookup"
    }

    /// The chosen interpreter, if a number was chosen.
    pub fn chosen(&self) -> Option<InterpreterNumber> {
        self.interpreter.trim().parse().ok()
    }

    pub fn has_ground(&self, g: Ground) -> bool {
        self.grounds.iter().any(|v| v == g.as_str())
    }

    /// Whether anything of the reporter's contact was typed.
    fn has_contact(&self) -> bool {
        !self.reporter_name.trim().is_empty() || self.reporter_email.is_some() || self.reporter_phone.is_some()
    }

    /// The same form with the honeypot and token emptied: what is shown again.
    pub fn for_display(&self) -> TipForm {
        TipForm {
            website: String::new(),
            token: String::new(),
            ..self.clone()
        }
    }

    /// The tip this form describes, received `today`, or every problem per field.
    /// `listed` says whether an interpreter number is listed in the register today.
    pub fn to_new_tip(&self, today: Date, listed: &dyn Fn(InterpreterNumber) -> bool) -> Result<NewTip, Problems> {
        let mut problems = Problems::default();
        if let Err(errors) = self.validate() {
            for (field, errs) in errors.field_errors() {
                let field = Field::of_name(&field);
                for e in errs {
                    let problem = match e.code.as_ref() {
                        "email" => Problem::EmailInvalid,
                        "phone" => Problem::PhoneInvalid,
                        _ if field == Field::Grounds => Problem::GroundsMissing,
                        _ => Problem::TooLong(e.params.get("max").and_then(|m| m.as_u64()).unwrap_or(0)),
                    };
                    problems.add(field, problem);
                }
            }
        }

        let description = self.description.trim();
        let subject = match (self.interpreter.trim(), self.chosen()) {
            (_, Some(n)) if listed(n) => Some(Subject::Interpreter { number: n }),
            ("" | UNKNOWN_INTERPRETER, _) if !description.is_empty() => Some(Subject::Unknown {
                description: description.to_string(),
            }),
            ("" | UNKNOWN_INTERPRETER, _) => {
                problems.add(Field::Subject, Problem::SubjectMissing);
                None
            }
            (other, _) => {
                problems.add(Field::Subject, Problem::SubjectNotListed(other.to_string()));
                None
            }
        };

        let assignment_on = match self.assignment_on.trim() {
            "" => None,
            typed => match parse_date(typed) {
                Err(DateError::Format) => {
                    problems.add(Field::AssignmentOn, Problem::DateInvalid);
                    None
                }
                Err(DateError::Impossible { year, month }) => {
                    let typed = typed.to_string();
                    problems.add(Field::AssignmentOn, Problem::DateImpossible { typed, year, month });
                    None
                }
                Ok(d) if d > today => {
                    problems.add(Field::AssignmentOn, Problem::DateInFuture);
                    None
                }
                Ok(d) => Some(d),
            },
        };

        let grounds = Grounds::new(self.grounds.iter().filter_map(|g| g.parse::<Ground>().ok()));
        if grounds.is_err() || self.grounds.iter().any(|g| g.parse::<Ground>().is_err()) {
            problems.add(Field::Grounds, Problem::GroundsMissing);
        }

        if self.account.trim().is_empty() {
            problems.add(Field::Account, Problem::AccountMissing);
        }

        let role = match self.reporter_role.trim() {
            "" => None,
            r => match r.parse::<ReporterRole>() {
                Ok(role) => Some(role),
                Err(_) => {
                    problems.add(Field::Role, Problem::RoleMissing);
                    None
                }
            },
        };
        let reporter = match self.anonymity.as_str() {
            ANONYMOUS if self.has_contact() => {
                problems.add(Field::Name, Problem::ContactWhileAnonymous);
                None
            }
            ANONYMOUS => Some(Reporter::Anonymous { role }),
            NAMED => {
                if self.reporter_role.trim().is_empty() {
                    problems.add(Field::Role, Problem::RoleMissing);
                }
                if self.reporter_name.trim().is_empty() {
                    problems.add(Field::Name, Problem::NameMissing);
                }
                if self.reporter_email.is_none() && self.reporter_phone.is_none() {
                    problems.add(Field::Email, Problem::ContactMissing);
                }
                match ReporterContact::new(
                    &self.reporter_name,
                    self.reporter_email.as_deref(),
                    self.reporter_phone.as_deref(),
                ) {
                    Ok(contact) => role.map(|role| Reporter::Identified { role, contact }),
                    Err(e) => {
                        problems.add_register(e.into());
                        None
                    }
                }
            }
            _ => {
                problems.add(Field::Anonymity, Problem::AnonymityMissing);
                None
            }
        };

        let (Some(subject), Ok(grounds), Some(reporter), true) = (subject, grounds, reporter, problems.is_empty())
        else {
            return Err(problems);
        };
        // A description typed beside a chosen interpreter is kept, for the caseworker.
        let account = match (&subject, description) {
            (Subject::Interpreter { .. }, d) if !d.is_empty() => {
                format!("{}\n\nOm tolken: {d}", self.account.trim())
            }
            _ => self.account.trim().to_string(),
        };
        let tip = NewTip {
            received_on: today,
            channel: Channel::WebForm,
            subject,
            assignment_on,
            assignment_place: self.assignment_place.trim().to_string(),
            grounds,
            account,
            reporter,
            received_by: RECEIVED_BY.to_string(),
        };
        // The register's own rules have the last word.
        if let Err(e) = tip.check(today) {
            problems.add_register(e.into());
            return Err(problems);
        }
        Ok(tip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 20);

    fn listed(n: InterpreterNumber) -> bool {
        n.get() == 10001
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn good() -> Vec<(String, String)> {
        pairs(&[
            ("interpreter", "10001"),
            ("assignment_on", "2026-03-12"),
            ("assignment_place", "Legevakten i Bergen"),
            ("grounds", "confidentiality"),
            ("grounds", "good_practice"),
            ("grounds", "confidentiality"),
            ("account", "  Tolken fortalte om samtalen til en nabo.  "),
            ("anonymity", "named"),
            ("reporter_role", "public_body"),
            ("reporter_name", "Kari Nordmann"),
            ("reporter_email", "kari@bergen.kommune.no"),
            ("reporter_phone", ""),
            ("action", "send"),
        ])
    }

    fn problems_of(list: Vec<(String, String)>) -> Vec<(Field, Problem)> {
        match TipForm::from_pairs(list).to_new_tip(TODAY, &listed) {
            Ok(_) => vec![],
            Err(p) => p.iter().map(|e| (e.field, e.problem)).collect(),
        }
    }

    fn with(changes: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut list = good();
        for (k, v) in changes {
            list.retain(|(key, _)| key != k);
            if !v.is_empty() {
                list.push((k.to_string(), v.to_string()));
            }
        }
        list
    }

    #[test]
    fn a_complete_form_becomes_a_web_form_tip() {
        let tip = TipForm::from_pairs(good()).to_new_tip(TODAY, &listed).unwrap();
        assert_eq!(tip.channel, Channel::WebForm);
        assert_eq!(tip.received_by, "public:web");
        assert_eq!(tip.subject.number().map(|n| n.get()), Some(10001));
        assert_eq!(tip.grounds.to_stored(), "good_practice,confidentiality");
        assert_eq!(tip.account, "Tolken fortalte om samtalen til en nabo.");
        assert_eq!(tip.assignment_on, Some(date!(2026 - 03 - 12)));
        let contact = tip.reporter.contact().unwrap();
        assert_eq!(
            (contact.name(), contact.email()),
            ("Kari Nordmann", Some("kari@bergen.kommune.no"))
        );
        assert_eq!(tip.reporter.role(), Some(ReporterRole::PublicBody));
    }

    #[test]
    fn each_rule_names_its_field() {
        let long = "x".repeat(MAX_ACCOUNT as usize + 1);
        type Case<'a> = (Vec<(&'a str, &'a str)>, Field, Problem);
        let table: Vec<Case> = vec![
            (vec![("interpreter", "")], Field::Subject, Problem::SubjectMissing),
            (
                vec![("interpreter", "10002")],
                Field::Subject,
                Problem::SubjectNotListed("10002".into()),
            ),
            (
                vec![("interpreter", "<b>")],
                Field::Subject,
                Problem::SubjectNotListed("<b>".into()),
            ),
            (
                vec![("assignment_on", "2026-02-30")],
                Field::AssignmentOn,
                Problem::DateImpossible {
                    typed: "2026-02-30".into(),
                    year: 2026,
                    month: Some(2),
                },
            ),
            (
                vec![("assignment_on", "i går")],
                Field::AssignmentOn,
                Problem::DateInvalid,
            ),
            (
                vec![("assignment_on", "21.3.2026")],
                Field::AssignmentOn,
                Problem::DateInFuture,
            ),
            (vec![("grounds", "")], Field::Grounds, Problem::GroundsMissing),
            (vec![("grounds", "rudeness")], Field::Grounds, Problem::GroundsMissing),
            (vec![("account", " \n ")], Field::Account, Problem::AccountMissing),
            (vec![("account", &long)], Field::Account, Problem::TooLong(MAX_ACCOUNT)),
            (vec![("anonymity", "")], Field::Anonymity, Problem::AnonymityMissing),
            (vec![("reporter_role", "")], Field::Role, Problem::RoleMissing),
            (vec![("reporter_role", "boss")], Field::Role, Problem::RoleMissing),
            (vec![("reporter_name", " ")], Field::Name, Problem::NameMissing),
            (vec![("reporter_email", "")], Field::Email, Problem::ContactMissing),
            (
                vec![("reporter_email", "kari at bergen")],
                Field::Email,
                Problem::EmailInvalid,
            ),
            (
                vec![("reporter_phone", "ring meg")],
                Field::Phone,
                Problem::PhoneInvalid,
            ),
            (
                vec![("anonymity", "anonymous")],
                Field::Name,
                Problem::ContactWhileAnonymous,
            ),
        ];
        for (changes, field, problem) in table {
            let got = problems_of(with(&changes));
            assert_eq!(got, vec![(field, problem.clone())], "{changes:?}");
        }
    }

    #[test]
    fn all_problems_come_at_once_in_form_order() {
        let got: Vec<Field> = problems_of(pairs(&[("action", "send")]))
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(got, [Field::Subject, Field::Grounds, Field::Account, Field::Anonymity]);
    }

    #[test]
    fn anonymous_reporters_need_no_contact_and_unknown_interpreters_a_description() {
        let list = with(&[
            ("anonymity", "anonymous"),
            ("reporter_name", ""),
            ("reporter_email", ""),
            ("reporter_role", ""),
            ("interpreter", "unknown"),
            ("description", "Kvinne, snakket dari, kom fra tolkebyrået"),
        ]);
        let tip = TipForm::from_pairs(list).to_new_tip(TODAY, &listed).unwrap();
        assert_eq!(tip.reporter, Reporter::Anonymous { role: None });
        assert!(matches!(tip.subject, Subject::Unknown { ref description } if description.contains("dari")));
    }

    #[test]
    fn a_description_beside_a_chosen_interpreter_is_kept_in_the_account() {
        let tip = TipForm::from_pairs(with(&[("description", "Hadde på seg ID-kort")]))
            .to_new_tip(TODAY, &listed)
            .unwrap();
        assert!(
            tip.account.ends_with("Om tolken: Hadde på seg ID-kort"),
            "{}",
            tip.account
        );
    }

    #[test]
    fn dates_are_read_as_typed_or_as_a_date_field_sends_them() {
        assert_eq!(parse_date("2026-03-01"), Ok(date!(2026 - 03 - 01)));
        assert_eq!(parse_date(" 1.3.2026 "), Ok(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("01/03/2026"), Ok(date!(2026 - 03 - 01)));
        assert_eq!(parse_date("29.02.2024"), Ok(date!(2024 - 02 - 29)));
        for bad in [
            "",
            "i går",
            "1.3",
            "1.3.2026.4",
            "1.3.26",
            "a.b.cccc",
            "-1.3.2026",
            "1. mars 2026",
        ] {
            assert_eq!(parse_date(bad), Err(DateError::Format), "{bad}");
        }
        // Written as dates, but no such day: said as such, with the month when it exists.
        let impossible = |year, month| Err(DateError::Impossible { year, month });
        assert_eq!(parse_date("31.02.2026"), impossible(2026, Some(2)));
        assert_eq!(parse_date("29.02.2026"), impossible(2026, Some(2)));
        assert_eq!(parse_date("31.04.2026"), impossible(2026, Some(4)));
        assert_eq!(parse_date("0.3.2026"), impossible(2026, Some(3)));
        assert_eq!(parse_date("1.13.2026"), impossible(2026, None));
        assert_eq!(parse_date("2026-02-30"), impossible(2026, Some(2)));
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
    }

    #[test]
    fn display_drops_the_honeypot_and_token_but_nothing_typed() {
        let mut list = good();
        list.push(("website".into(), "http://spam.example".into()));
        list.push(("token".into(), "t".into()));
        let form = TipForm::from_pairs(list);
        let shown = form.for_display();
        assert!(shown.website.is_empty() && shown.token.is_empty());
        assert_eq!(shown.account, form.account);
        assert_eq!(shown.grounds, ["confidentiality", "good_practice"]);
    }

    /// What a user of `lang` reads for each refusal the register gives `tip` on `TODAY`.
    fn refusals_read(tip: &NewTip, lang: crate::i18n::Lang) -> Vec<String> {
        let refused = tip.check(TODAY).expect_err("the register refuses the tip");
        let problems = Problems::from_register(refused.into());
        problems
            .iter()
            .map(|e| (lang.texts().tips.error)(e.field, &e.problem))
            .collect()
    }

    #[test]
    fn a_register_refusal_is_told_in_the_users_language() {
        use crate::i18n::Lang;
        let good = TipForm::from_pairs(good()).to_new_tip(TODAY, &listed).unwrap();
        // Rules the form does not repeat: who received the tip; the register's own date check.
        let unreceived = NewTip {
            received_by: " ".into(),
            ..good.clone()
        };
        let future = NewTip {
            assignment_on: Some(date!(2026 - 03 - 21)),
            ..good
        };
        let table = [
            (&unreceived, Lang::Nb, "Hvem som registrerte varselet må oppgis."),
            (&unreceived, Lang::Nn, "Kven som registrerte varselet, må oppgjevast."),
            (&unreceived, Lang::En, "Who registered the report must be given."),
            (&future, Lang::Nb, "Oppdraget kan ikke ligge fram i tid."),
            (&future, Lang::Nn, "Oppdraget kan ikkje liggje fram i tid."),
            (&future, Lang::En, "The assignment cannot be in the future."),
        ];
        for (tip, lang, read) in table {
            assert_eq!(refusals_read(tip, lang), [read], "{lang:?}");
        }
    }

    #[test]
    fn every_refusal_of_a_new_tip_has_a_kind_of_its_own() {
        let good = TipForm::from_pairs(good()).to_new_tip(TODAY, &listed).unwrap();
        let long = "x".repeat(MAX_ACCOUNT as usize + 1);
        let mut tips = Vec::new();
        let mut change = |f: &dyn Fn(&mut NewTip)| {
            let mut tip = good.clone();
            f(&mut tip);
            tips.push(tip);
        };
        change(&|t| t.account = " ".into());
        change(&|t| t.account = long.clone());
        change(&|t| t.assignment_place = "x".repeat(301));
        change(&|t| t.assignment_on = Some(date!(2026 - 03 - 21)));
        change(&|t| t.received_on = date!(2026 - 03 - 21));
        change(&|t| {
            t.subject = Subject::Unknown {
                description: " ".into(),
            }
        });
        change(&|t| {
            t.subject = Subject::Unknown {
                description: "x".repeat(301),
            }
        });
        change(&|t| t.received_by = String::new());
        let mut kinds = Vec::new();
        for tip in &tips {
            let problems = Problems::from_register(tip.check(TODAY).unwrap_err().into());
            for e in problems.iter() {
                match e.problem {
                    Problem::Refused(Refusal::NotAccepted) => panic!("{tip:?} is refused without a kind"),
                    Problem::Refused(kind) => kinds.push(kind),
                    other => panic!("{other:?}"),
                }
            }
        }
        let bokmal: Vec<String> = tips
            .iter()
            .flat_map(|t| match t.check(TODAY) {
                Err(TipError::Invalid(list)) => list.into_iter().map(|(_, m)| m),
                _ => unreachable!(),
            })
            .collect();
        for (kind, message) in kinds.iter().zip(&bokmal) {
            let nb = (crate::i18n::Lang::Nb.texts().tips.error)(Field::Account, &Problem::Refused(*kind));
            assert_eq!(nb.to_lowercase(), format!("{}.", message.to_lowercase()), "{kind:?}");
        }
        assert_eq!(kinds.len(), 8);
    }
}
