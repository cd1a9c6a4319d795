//! The grounds of a tip: good interpreting practice (§ 14), confidentiality (§ 15) and
//! impartiality (§ 16), one or more per tip. Pure values; no storage.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::error::TipError;

/// One duty of the Interpreting Act a tip says was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case", parse_err_ty = TipError, parse_err_fn = unknown_ground)]
pub enum Ground {
    /// God tolkeskikk, tolkeloven § 14.
    GoodPractice,
    /// Taushetsplikt, tolkeloven § 15.
    Confidentiality,
    /// Habilitet, tolkeloven § 16.
    Impartiality,
}

impl Ground {
    pub const ALL: [Ground; 3] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The section of the Interpreting Act.
    pub fn section(self) -> &'static str {
        match self {
            Self::GoodPractice => "§ 14",
            Self::Confidentiality => "§ 15",
            Self::Impartiality => "§ 16",
        }
    }
}

/// The refusal of a ground that is not one of ours (from a form or a stored case).
fn unknown_ground(s: &str) -> TipError {
    TipError::field("grounds", format!("ukjent grunnlag «{s}»"))
}

/// One or more grounds; cannot be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<Ground>", into = "Vec<Ground>")]
pub struct Grounds(BTreeSet<Ground>);

impl Grounds {
    pub fn new(grounds: impl IntoIterator<Item = Ground>) -> Result<Grounds, TipError> {
        let set: BTreeSet<Ground> = grounds.into_iter().collect();
        if set.is_empty() {
            Err(TipError::field(
                "grounds",
                "velg minst ett grunnlag (§ 14, § 15 eller § 16)",
            ))
        } else {
            Ok(Grounds(set))
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Ground> + '_ {
        self.0.iter().copied()
    }

    pub fn contains(&self, ground: Ground) -> bool {
        self.0.contains(&ground)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Never true; present for symmetry with `len`.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The stored form: names separated by commas, in a fixed order.
    pub fn to_stored(&self) -> String {
        self.iter().map(Ground::as_str).collect::<Vec<_>>().join(",")
    }

    pub fn from_stored(s: &str) -> Result<Grounds, TipError> {
        Grounds::new(s.split(',').map(str::parse).collect::<Result<Vec<Ground>, _>>()?)
    }
}

impl TryFrom<Vec<Ground>> for Grounds {
    type Error = TipError;
    fn try_from(v: Vec<Ground>) -> Result<Self, Self::Error> {
        Grounds::new(v)
    }
}

impl From<Grounds> for Vec<Ground> {
    fn from(g: Grounds) -> Self {
        g.0.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ground::*;

    #[test]
    fn grounds_need_at_least_one_and_keep_a_fixed_order() {
        let table: [(&[Ground], Option<&str>); 5] = [
            (&[], None),
            (&[GoodPractice], Some("good_practice")),
            (&[Impartiality, GoodPractice], Some("good_practice,impartiality")),
            (&[Confidentiality, Confidentiality], Some("confidentiality")),
            (
                &[Impartiality, Confidentiality, GoodPractice],
                Some("good_practice,confidentiality,impartiality"),
            ),
        ];
        for (input, stored) in table {
            let got = Grounds::new(input.iter().copied()).ok().map(|g| g.to_stored());
            assert_eq!(got.as_deref(), stored, "{input:?}");
        }
    }

    #[test]
    fn stored_form_round_trips_and_rejects_unknown_names() {
        let g = Grounds::new([Confidentiality, GoodPractice]).unwrap();
        assert_eq!(Grounds::from_stored(&g.to_stored()).unwrap(), g);
        assert!(Grounds::from_stored("").is_err());
        assert!(Grounds::from_stored("good_practice,bogus").is_err());
        assert!(serde_json::from_str::<Grounds>("[]").is_err());
        assert_eq!(GoodPractice.section(), "§ 14");
    }
}
