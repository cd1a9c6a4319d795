//! Synthetic people for the fixture register: plausible names per language group, national
//! identity numbers with valid check digits, contact details on reserved example domains.

use std::collections::{BTreeMap, HashSet};

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;

use crate::county::CountyCode;
use crate::interpreter::{Address, Availability, Gender, Profile, WorkModes};
use crate::language::LanguageCode;
use crate::national_id::NationalId;

const NAMES_JSON: &str = include_str!("../../../../fixtures/names.json");

#[derive(Debug, Deserialize)]
struct Group {
    given_female: Vec<String>,
    given_male: Vec<String>,
    family: Vec<String>,
    /// Feminine forms lined up with `family`, for languages whose surnames change with gender.
    #[serde(default)]
    family_female: Vec<String>,
}

/// Name material per language group.
#[derive(Debug, Deserialize)]
pub struct NameBook {
    groups: BTreeMap<String, Group>,
    language_groups: BTreeMap<String, String>,
}

/// County numbers weighted roughly by population (per mille).
const COUNTY_WEIGHTS: [(&str, u32); 15] = [
    ("03", 200),
    ("32", 130),
    ("46", 120),
    ("11", 90),
    ("50", 90),
    ("34", 60),
    ("31", 60),
    ("42", 60),
    ("33", 50),
    ("39", 45),
    ("15", 45),
    ("18", 40),
    ("40", 30),
    ("55", 30),
    ("56", 13),
];

const STREETS: [&str; 8] = [
    "Storgata",
    "Kirkeveien",
    "Parkveien",
    "Skolegata",
    "Bjørkeveien",
    "Fjordgata",
    "Solbakken",
    "Industriveien",
];
const CITIES: [(&str, &str); 15] = [
    ("03", "Oslo"),
    ("32", "Lillestrøm"),
    ("46", "Bergen"),
    ("11", "Stavanger"),
    ("50", "Trondheim"),
    ("34", "Hamar"),
    ("31", "Fredrikstad"),
    ("42", "Kristiansand"),
    ("33", "Drammen"),
    ("39", "Tønsberg"),
    ("15", "Ålesund"),
    ("18", "Bodø"),
    ("40", "Skien"),
    ("55", "Tromsø"),
    ("56", "Alta"),
];

impl NameBook {
    pub fn bundled() -> NameBook {
        serde_json::from_str(NAMES_JSON).expect("fixtures/names.json is valid (checked by tests)")
    }

    fn group(&self, language: LanguageCode) -> &Group {
        self.language_groups
            .get(language.as_str())
            .and_then(|g| self.groups.get(g))
            .or_else(|| self.groups.get("norwegian"))
            .or_else(|| self.groups.values().next())
            .expect("names.json has at least one group")
    }

    /// A synthetic profile for someone whose first register language is `language`.
    pub fn profile(&self, rng: &mut ChaCha8Rng, language: LanguageCode, serial: u64) -> Profile {
        let group = self.group(language);
        let gender = if rng.random_bool(0.62) {
            Gender::Female
        } else {
            Gender::Male
        };
        let given_pool = if gender == Gender::Female {
            &group.given_female
        } else {
            &group.given_male
        };
        let given = given_pool.choose(rng).cloned().unwrap_or_else(|| "Kari".into());
        let i = rng.random_range(0..group.family.len().max(1));
        let family = match gender {
            Gender::Female => group.family_female.get(i).or(group.family.get(i)),
            _ => group.family.get(i),
        }
        .cloned()
        .unwrap_or_else(|| "Nordmann".into());
        let preferred_name = rng
            .random_bool(0.05)
            .then(|| given_pool.choose(rng).cloned().unwrap_or_default());
        let county = pick_county(rng);
        let with_address = rng.random_bool(0.6);
        let address = with_address.then(|| Address {
            street: format!(
                "{} {}",
                STREETS.choose(rng).unwrap_or(&"Storgata"),
                rng.random_range(1..120)
            ),
            postal_code: format!("{:04}", rng.random_range(1..9999)),
            city: CITIES
                .iter()
                .find(|(c, _)| *c == county.to_string())
                .map(|(_, city)| city.to_string())
                .unwrap_or_else(|| "Oslo".into()),
        });
        let slug = |s: &str| {
            s.to_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        };
        let domain = ["example.com", "example.net", "example.org"][rng.random_range(0..3)];
        Profile {
            national_id: national_id(rng, gender),
            email: format!("{}.{}.{serial}@{domain}", slug(&given), slug(&family)),
            given_name: given,
            family_name: family,
            preferred_name,
            gender,
            county,
            phone: format!(
                "+47 {}{:02} {:02} {:03}",
                [4, 9][rng.random_range(0..2)],
                rng.random_range(0..100),
                rng.random_range(0..100),
                rng.random_range(0..1000)
            ),
            address,
            address_public: with_address && rng.random_bool(0.25),
            availability: *[
                Availability::FullTime,
                Availability::PartTime,
                Availability::PartTime,
                Availability::Occasional,
            ]
            .choose(rng)
            .unwrap_or(&Availability::PartTime),
            work_modes: WorkModes {
                on_site: rng.random_bool(0.85),
                telephone: rng.random_bool(0.75),
                video: rng.random_bool(0.6),
            },
        }
    }
}

fn pick_county(rng: &mut ChaCha8Rng) -> CountyCode {
    let total: u32 = COUNTY_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (code, w) in COUNTY_WEIGHTS {
        if roll < w {
            return code.parse().expect("county weights use valid codes");
        }
        roll -= w;
    }
    "03".parse().expect("Oslo is a county")
}

/// A valid national identity number for someone born 1955–2000; the individual number's
/// parity follows gender, as in real numbers.
fn national_id(rng: &mut ChaCha8Rng, gender: Gender) -> NationalId {
    loop {
        let day = rng.random_range(1..=28);
        let month = rng.random_range(1..=12);
        let year = rng.random_range(55..=99);
        let mut individual = rng.random_range(0..500) * 2;
        if gender == Gender::Male {
            individual += 1;
        }
        individual %= 500;
        if let Some(id) = NationalId::complete(&format!("{day:02}{month:02}{year:02}{individual:03}")) {
            return id;
        }
    }
}

/// `id`, or when someone generated earlier already has it, the next free number with the same
/// birth date and gender (individual numbers keep their parity). Real numbers are unique; the
/// replacement is derived, not drawn, so every other generated person stays exactly as before.
pub fn unique_national_id(id: NationalId, taken: &mut HashSet<NationalId>) -> NationalId {
    if taken.insert(id.clone()) {
        return id;
    }
    let (birth, individual) = id.expose().split_at(6);
    let individual: u32 = individual[..3].parse().unwrap_or(0);
    let free = (1..250)
        .map(|step| (individual + 2 * step) % 500)
        .filter_map(|i| NationalId::complete(&format!("{birth}{i:03}")))
        .find(|candidate| !taken.contains(candidate));
    match free {
        Some(candidate) => {
            taken.insert(candidate.clone());
            candidate
        }
        // Every number for this birth date and gender is taken: far beyond any register size.
        None => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Catalogue;
    use rand::SeedableRng;
    use validator::Validate;

    #[test]
    fn every_language_has_a_name_group_with_enough_names() {
        let book = NameBook::bundled();
        for l in Catalogue::bundled().languages() {
            let g = book
                .language_groups
                .get(l.code.as_str())
                .unwrap_or_else(|| panic!("{} has no name group", l.code));
            let group = book.groups.get(g).unwrap_or_else(|| panic!("group {g} missing"));
            assert!(
                group.given_female.len() >= 10 && group.given_male.len() >= 10 && group.family.len() >= 10,
                "{g}"
            );
        }
    }

    #[test]
    fn generated_profiles_are_valid_and_deterministic() {
        let book = NameBook::bundled();
        let arb: LanguageCode = "ARB".parse().unwrap();
        let make = || {
            let mut rng = ChaCha8Rng::seed_from_u64(7);
            (0..200).map(|i| book.profile(&mut rng, arb, i)).collect::<Vec<_>>()
        };
        let a = make();
        assert_eq!(a, make());
        for p in &a {
            assert!(p.validate().is_ok(), "{p:?}: {:?}", p.validate());
            assert!(p.email.ends_with(".com") || p.email.ends_with(".net") || p.email.ends_with(".org"));
        }
    }

    #[test]
    fn a_taken_national_id_is_replaced_by_a_free_one_with_the_same_birth_date_and_gender() {
        let mut taken = HashSet::new();
        let first = NationalId::complete("150765005").unwrap();
        assert_eq!(unique_national_id(first.clone(), &mut taken), first);
        let second = unique_national_id(first.clone(), &mut taken);
        let third = unique_national_id(first.clone(), &mut taken);
        assert!(second != first && third != first && second != third);
        for id in [&second, &third] {
            assert_eq!(&id.expose()[..6], "150765", "same birth date");
            let individual: u32 = id.expose()[6..9].parse().unwrap();
            assert_eq!(individual % 2, 1, "same gender digit parity as 005");
        }
    }
}
