//! The organisation number (organisasjonsnummer) of a public body asked for information in a
//! case: nine digits with a modulus-11 check digit. Parsed once at the edge; no storage.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::TipError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganisationNumber(u32);

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

impl FromStr for OrganisationNumber {
    type Err = TipError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || {
            TipError::field(
                "organisation_number",
                format!("«{s}» er ikke et gyldig organisasjonsnummer"),
            )
        };
        let digits: Vec<u32> = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_digit(10))
            .collect::<Option<_>>()
            .ok_or_else(invalid)?;
        if digits.len() != 9 {
            return Err(invalid());
        }
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => return Err(invalid()),
            c => c,
        };
        if check != digits[8] {
            return Err(invalid());
        }
        Ok(OrganisationNumber(digits.iter().fold(0, |n, d| n * 10 + d)))
    }
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:09}", self.0)
    }
}

impl TryFrom<String> for OrganisationNumber {
    type Error = TipError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<OrganisationNumber> for String {
    fn from(n: OrganisationNumber) -> String {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_digits_with_a_valid_check_digit() {
        let table = [
            ("974760673", Some("974760673")),   // Brønnøysundregistrene
            ("974 760 673", Some("974760673")), // spaces as printed
            ("974760674", None),
            ("97476067", None),
            ("9747606730", None),
            ("97476067x", None),
            ("", None),
        ];
        for (input, expected) in table {
            assert_eq!(
                input
                    .parse::<OrganisationNumber>()
                    .ok()
                    .map(|n| n.to_string())
                    .as_deref(),
                expected,
                "{input:?}"
            );
        }
        let json = serde_json::to_string(&"974760673".parse::<OrganisationNumber>().unwrap()).unwrap();
        assert_eq!(json, "\"974760673\"");
        assert!(serde_json::from_str::<OrganisationNumber>("\"974760674\"").is_err());
    }
}
