//! The registration form for a new interpreter (from a paper or e-mail application): raw
//! fields as typed, and their parsing into a validated `Profile` with errors per field.

use register::interpreter::{Address, Availability, Gender, Profile, WorkModes};
use register::national_id::NationalId;
use register::{CountyCode, rules};
use serde::Deserialize;

use crate::forms::{Errors, required};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub national_id: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: String,
    pub gender: String,
    pub county: String,
    pub phone: String,
    pub email: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub address_public: Option<String>,
    pub availability: String,
    pub on_site: Option<String>,
    pub telephone: Option<String>,
    pub video: Option<String>,
    /// `paper` or `email`.
    pub source: String,
    pub source_ref: String,
}

impl RegistrationForm {
    /// The profile and the reason to record, or every field's error.
    pub fn parse(&self) -> Result<(Profile, String), Errors> {
        let mut errors = Errors::default();
        let national_id = errors.take("national_id", self.national_id.parse::<NationalId>());
        let given_name = errors.take("given_name", required(&self.given_name, "fornavn", 100));
        let family_name = errors.take("family_name", required(&self.family_name, "etternavn", 100));
        let gender = errors.take("gender", self.gender.parse::<Gender>().map_err(|_| "velg kjønn"));
        let county = errors.take("county", self.county.parse::<CountyCode>().map_err(|_| "velg fylke"));
        let availability = errors.take(
            "availability",
            self.availability
                .parse::<Availability>()
                .map_err(|_| "velg tilgjengelighet"),
        );
        let source = match self.source.as_str() {
            "paper" => Some("papirsøknad"),
            "email" => Some("søknad per e-post"),
            _ => {
                errors.push("source", "velg hvordan søknaden kom inn");
                None
            }
        };
        let source_ref = errors.take("source_ref", required(&self.source_ref, "journalnummer", 100));
        let address = [&self.street, &self.postal_code, &self.city]
            .iter()
            .any(|f| !f.trim().is_empty())
            .then(|| Address {
                street: self.street.trim().to_string(),
                postal_code: self.postal_code.trim().to_string(),
                city: self.city.trim().to_string(),
            });
        let (
            Some(national_id),
            Some(given_name),
            Some(family_name),
            Some(gender),
            Some(county),
            Some(availability),
            Some(source),
            Some(source_ref),
        ) = (
            national_id,
            given_name,
            family_name,
            gender,
            county,
            availability,
            source,
            source_ref,
        )
        else {
            self.check_rest(&mut errors, address.as_ref());
            return Err(errors);
        };
        let preferred = self.preferred_name.trim();
        let profile = Profile {
            national_id,
            given_name,
            family_name,
            preferred_name: (!preferred.is_empty()).then(|| preferred.to_string()),
            gender,
            county,
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            address,
            address_public: self.address_public.is_some(),
            availability,
            work_modes: WorkModes {
                on_site: self.on_site.is_some(),
                telephone: self.telephone.is_some(),
                video: self.video.is_some(),
            },
        };
        if let Err(rules::RuleError::InvalidProfile(fields)) = rules::check_profile(&profile) {
            for (field, message) in fields {
                errors.push(field.trim_start_matches("address."), message);
            }
        }
        if errors.is_empty() {
            Ok((profile, format!("Registrert fra {source}, journalnummer {source_ref}")))
        } else {
            Err(errors)
        }
    }

    /// Reports the contact fields' errors too when other fields already failed, so the user
    /// sees everything at once.
    fn check_rest(&self, errors: &mut Errors, address: Option<&Address>) {
        let (Some(national_id), Some(county)) = (NationalId::complete("150765005"), CountyCode::all().next()) else {
            return;
        };
        let probe = Profile {
            national_id,
            given_name: "x".into(),
            family_name: "x".into(),
            preferred_name: None,
            gender: Gender::Unspecified,
            county,
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            address: address.cloned(),
            address_public: false,
            availability: Availability::Occasional,
            work_modes: WorkModes::default(),
        };
        if let Err(rules::RuleError::InvalidProfile(fields)) = rules::check_profile(&probe) {
            for (field, message) in fields {
                errors.push(field.trim_start_matches("address."), message);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn good() -> RegistrationForm {
        RegistrationForm {
            national_id: NationalId::complete("010190125").unwrap().expose().to_string(),
            given_name: "Leila".into(),
            family_name: "Haddad".into(),
            gender: "female".into(),
            county: "46".into(),
            phone: "+47 912 34 567".into(),
            email: "leila@example.no".into(),
            availability: "part_time".into(),
            on_site: Some("on".into()),
            source: "paper".into(),
            source_ref: "24/1234".into(),
            ..RegistrationForm::default()
        }
    }

    #[test]
    fn a_complete_form_becomes_a_profile_and_a_reason() {
        let (profile, reason) = good().parse().unwrap();
        assert_eq!(profile.display_name(), "Leila Haddad");
        assert!(profile.work_modes.on_site && !profile.work_modes.video);
        assert!(profile.address.is_none());
        assert!(reason.contains("papirsøknad") && reason.contains("24/1234"));
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut f = good();
        f.national_id = "15076500566".into();
        f.email = "ikke-epost".into();
        f.county = "30".into();
        f.postal_code = "12".into();
        let errors = f.parse().unwrap_err();
        for field in ["national_id", "email", "county", "postal_code", "street", "city"] {
            assert!(errors.get(field).is_some(), "{field} missing in {errors:?}");
        }
        assert!(errors.get("national_id").unwrap().contains("kontrollsiffer"));
    }
}
