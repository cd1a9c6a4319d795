//! Who sent a tip: their role (public body, person interpreted for, interpreter, other) and,
//! unless anonymous, their contact details. Pure values; sealing lives in `contact_key`.

use serde::{Deserialize, Serialize};

use super::error::TipError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case", parse_err_ty = TipError, parse_err_fn = unknown_role)]
pub enum ReporterRole {
    PublicBody,
    /// The person who was interpreted for.
    InterpretedPerson,
    Interpreter,
    Other,
}

impl ReporterRole {
    pub const ALL: [ReporterRole; 4] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The refusal of a role that is not one of ours.
fn unknown_role(s: &str) -> TipError {
    TipError::field("reporter_role", format!("ukjent rolle «{s}»"))
}

/// How to reach a reporter who gave their name: a name and at least one of e-mail and phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterContact {
    name: String,
    email: Option<String>,
    phone: Option<String>,
}

const MAX_FIELD: usize = 200;

impl ReporterContact {
    pub fn new(name: &str, email: Option<&str>, phone: Option<&str>) -> Result<ReporterContact, TipError> {
        let clean = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let (name, email, phone) = (name.trim().to_string(), clean(email), clean(phone));
        let mut errors = Vec::new();
        if name.is_empty() {
            errors.push((
                "reporter_name".into(),
                "skriv navnet ditt, eller velg å varsle anonymt".into(),
            ));
        }
        if email.is_none() && phone.is_none() {
            errors.push((
                "reporter_contact".into(),
                "oppgi e-post eller telefon så vi kan nå deg".into(),
            ));
        }
        if email
            .as_deref()
            .is_some_and(|e| !e.contains('@') || e.contains(char::is_whitespace))
        {
            errors.push(("reporter_email".into(), "e-postadressen ser ikke riktig ut".into()));
        }
        if [Some(&name), email.as_ref(), phone.as_ref()]
            .into_iter()
            .flatten()
            .any(|v| v.chars().count() > MAX_FIELD)
        {
            errors.push((
                "reporter_contact".into(),
                format!("hvert felt kan ha høyst {MAX_FIELD} tegn"),
            ));
        }
        if errors.is_empty() {
            Ok(ReporterContact { name, email, phone })
        } else {
            Err(TipError::Invalid(errors))
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }

    pub fn phone(&self) -> Option<&str> {
        self.phone.as_deref()
    }
}

/// The sender of a tip. An anonymous reporter may still say in what role they saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reporter", rename_all = "snake_case")]
pub enum Reporter {
    Anonymous {
        role: Option<ReporterRole>,
    },
    Identified {
        role: ReporterRole,
        contact: ReporterContact,
    },
}

impl Reporter {
    pub fn role(&self) -> Option<ReporterRole> {
        match self {
            Reporter::Anonymous { role } => *role,
            Reporter::Identified { role, .. } => Some(*role),
        }
    }

    pub fn contact(&self) -> Option<&ReporterContact> {
        match self {
            Reporter::Anonymous { .. } => None,
            Reporter::Identified { contact, .. } => Some(contact),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_needs_a_name_and_a_way_to_reach_the_reporter() {
        let table = [
            ("Kari", Some("kari@example.no"), None, true),
            ("Kari", None, Some("+47 900 00 000"), true),
            (" Kari ", Some(" "), Some("900"), true),
            ("", Some("kari@example.no"), None, false),
            ("Kari", None, None, false),
            ("Kari", Some(""), Some("  "), false),
            ("Kari", Some("not an address"), None, false),
        ];
        for (name, email, phone, ok) in table {
            assert_eq!(
                ReporterContact::new(name, email, phone).is_ok(),
                ok,
                "{name:?} {email:?} {phone:?}"
            );
        }
        let c = ReporterContact::new(" Kari ", Some(" "), Some("900")).unwrap();
        assert_eq!((c.name(), c.email(), c.phone()), ("Kari", None, Some("900")));
        assert!(ReporterContact::new(&"x".repeat(201), Some("a@b.no"), None).is_err());
    }

    #[test]
    fn anonymous_reporters_have_no_contact_but_may_have_a_role() {
        let anon = Reporter::Anonymous {
            role: Some(ReporterRole::PublicBody),
        };
        assert_eq!(anon.contact(), None);
        assert_eq!(anon.role(), Some(ReporterRole::PublicBody));
        for role in ReporterRole::ALL {
            assert_eq!(role.as_str().parse::<ReporterRole>().unwrap(), role);
        }
        assert!("boss".parse::<ReporterRole>().is_err());
    }
}
