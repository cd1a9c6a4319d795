//! The interpreter number: the public, stable identifier printed on an interpreter's ID card.
//! Parsed once at the edge; everything inside trusts it. Holds no storage or HTTP code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A public interpreter number: 1 to 7 digits, no leading zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct InterpreterNumber(i64);

/// The largest number the format allows (seven digits).
const MAX: i64 = 9_999_999;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» er ikke et gyldig tolkenummer (1–7 sifre, uten innledende null)")]
pub struct InvalidInterpreterNumber(pub String);

impl InterpreterNumber {
    /// The first number handed out by a new register.
    pub const FIRST: InterpreterNumber = InterpreterNumber(10_001);

    pub fn new(value: i64) -> Result<Self, InvalidInterpreterNumber> {
        if (1..=MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(InvalidInterpreterNumber(value.to_string()))
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }

    /// The number after this one, for allocation.
    pub fn next(self) -> Result<Self, InvalidInterpreterNumber> {
        Self::new(self.0 + 1)
    }
}

impl FromStr for InterpreterNumber {
    type Err = InvalidInterpreterNumber;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let well_formed = !t.is_empty() && t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit()) && !t.starts_with('0');
        if !well_formed {
            return Err(InvalidInterpreterNumber(s.to_string()));
        }
        t.parse::<i64>()
            .map_err(|_| InvalidInterpreterNumber(s.to_string()))
            .and_then(Self::new)
    }
}

impl TryFrom<String> for InterpreterNumber {
    type Error = InvalidInterpreterNumber;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<InterpreterNumber> for String {
    fn from(n: InterpreterNumber) -> String {
        n.to_string()
    }
}

impl fmt::Display for InterpreterNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_well_formed_numbers() {
        for (input, value) in [("1", 1), ("10001", 10001), (" 42 ", 42), ("9999999", 9_999_999)] {
            assert_eq!(input.parse::<InterpreterNumber>().unwrap().get(), value, "{input}");
        }
    }

    #[test]
    fn rejects_malformed_numbers() {
        for input in ["", "0", "007", "12a", "-5", "10000000", "1 2", "١٢"] {
            assert!(input.parse::<InterpreterNumber>().is_err(), "{input:?} accepted");
        }
    }

    #[test]
    fn serde_round_trip_uses_the_string_form() {
        let n: InterpreterNumber = "10001".parse().unwrap();
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"10001\"");
        assert_eq!(serde_json::from_str::<InterpreterNumber>(&json).unwrap(), n);
        assert!(serde_json::from_str::<InterpreterNumber>("\"0\"").is_err());
    }
}
