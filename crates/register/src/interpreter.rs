//! The interpreter's own details (names, contact, county, how they work) and their validation.
//! Which of these fields are public is decided by `PublicProfile`; nothing else may leave.

use serde::{Deserialize, Serialize};
use strum::VariantArray;
use validator::{Validate, ValidationError, ValidationErrors};

use crate::county::CountyCode;
use crate::national_id::NationalId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Unspecified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Availability {
    FullTime,
    PartTime,
    Occasional,
}

impl Gender {
    pub const ALL: &'static [Gender] = Self::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Availability {
    pub const ALL: &'static [Availability] = Self::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The ways an interpreter works.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkModes {
    pub on_site: bool,
    pub telephone: bool,
    pub video: bool,
}

/// A postal address; public only with the interpreter's consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Address {
    #[validate(length(min = 1, max = 200, message = "gateadressen må ha 1–200 tegn"))]
    pub street: String,
    #[validate(custom(function = "validate_postal_code"))]
    pub postal_code: String,
    #[validate(length(min = 1, max = 100, message = "poststedet må ha 1–100 tegn"))]
    pub city: String,
}

/// Everything the register keeps about a person apart from qualifications and entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Profile {
    pub national_id: NationalId,
    #[validate(length(min = 1, max = 100, message = "fornavn må ha 1–100 tegn"))]
    pub given_name: String,
    #[validate(length(min = 1, max = 100, message = "etternavn må ha 1–100 tegn"))]
    pub family_name: String,
    #[validate(length(min = 1, max = 100, message = "foretrukket navn må ha 1–100 tegn"))]
    pub preferred_name: Option<String>,
    pub gender: Gender,
    pub county: CountyCode,
    #[validate(custom(function = "validate_phone"))]
    pub phone: String,
    #[validate(
        email(message = "ugyldig e-postadresse"),
        length(max = 254, message = "e-postadressen er for lang")
    )]
    pub email: String,
    #[validate(nested)]
    pub address: Option<Address>,
    /// The interpreter has consented to publishing the address.
    pub address_public: bool,
    pub availability: Availability,
    pub work_modes: WorkModes,
}

impl Profile {
    /// The name shown to the public: the preferred given name if set.
    pub fn display_name(&self) -> String {
        let given = self.preferred_name.as_deref().unwrap_or(&self.given_name);
        format!("{given} {}", self.family_name)
    }
}

fn validate_phone(phone: &str) -> Result<(), ValidationError> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == ' ' || (c == '+' && i == 0));
    if allowed && (8..=15).contains(&digits) {
        Ok(())
    } else {
        Err(ValidationError::new("phone")
            .with_message("telefonnummeret må ha 8–15 sifre (mellomrom og ledende + er lov)".into()))
    }
}

fn validate_postal_code(code: &str) -> Result<(), ValidationError> {
    if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(ValidationError::new("postal_code").with_message("postnummeret må ha fire sifre".into()))
    }
}

/// Flattens validator's errors into `field: message` lines for users.
pub fn describe_validation(errors: &ValidationErrors) -> Vec<(String, String)> {
    fn walk(prefix: &str, errors: &ValidationErrors, out: &mut Vec<(String, String)>) {
        for (field, kind) in errors.errors() {
            let name = if prefix.is_empty() {
                field.to_string()
            } else {
                format!("{prefix}.{field}")
            };
            match kind {
                validator::ValidationErrorsKind::Field(list) => {
                    for e in list {
                        let msg = e
                            .message
                            .as_deref()
                            .map(str::to_string)
                            .unwrap_or_else(|| format!("ugyldig verdi ({})", e.code));
                        out.push((name.clone(), msg));
                    }
                }
                validator::ValidationErrorsKind::Struct(inner) => walk(&name, inner, out),
                validator::ValidationErrorsKind::List(map) => {
                    for (i, inner) in map {
                        walk(&format!("{name}[{i}]"), inner, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk("", errors, &mut out);
    out.sort();
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn sample_profile() -> Profile {
        Profile {
            national_id: NationalId::complete("150765005").unwrap(),
            given_name: "Åse".into(),
            family_name: "Sørensen".into(),
            preferred_name: None,
            gender: Gender::Female,
            county: "46".parse().unwrap(),
            phone: "+47 912 34 567".into(),
            email: "ase@example.no".into(),
            address: Some(Address {
                street: "Strandkaien 1".into(),
                postal_code: "5013".into(),
                city: "Bergen".into(),
            }),
            address_public: false,
            availability: Availability::PartTime,
            work_modes: WorkModes {
                on_site: true,
                telephone: true,
                video: false,
            },
        }
    }

    #[test]
    fn a_good_profile_validates() {
        assert!(sample_profile().validate().is_ok());
        assert_eq!(sample_profile().display_name(), "Åse Sørensen");
    }

    #[test]
    fn bad_fields_are_reported_by_name_in_norwegian() {
        let mut p = sample_profile();
        p.given_name = String::new();
        p.phone = "12ab".into();
        p.email = "not-an-email".into();
        p.address.as_mut().unwrap().postal_code = "50".into();
        let errors = describe_validation(&p.validate().unwrap_err());
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["address.postal_code", "email", "given_name", "phone"]);
        assert!(errors.iter().any(|(_, m)| m.contains("postnummeret")));
    }

    #[test]
    fn enums_parse_their_stored_names() {
        for g in Gender::ALL {
            assert_eq!(g.as_str().parse::<Gender>().unwrap(), *g);
        }
        assert!("x".parse::<Availability>().is_err());
    }
}
