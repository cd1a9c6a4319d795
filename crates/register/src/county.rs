//! Norwegian counties with their official two-digit numbers (the list in force from 2024, used
//! for history too). Value type and reference record only.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The official county number, e.g. `03` Oslo or `46` Vestland.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountyCode(u8);

/// The county numbers in force from 1 January 2024.
pub const COUNTY_CODES: [u8; 15] = [3, 11, 15, 18, 31, 32, 33, 34, 39, 40, 42, 46, 50, 55, 56];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("«{0}» er ikke et gyldig fylkesnummer")]
pub struct InvalidCountyCode(pub String);

impl CountyCode {
    pub fn all() -> impl Iterator<Item = CountyCode> {
        COUNTY_CODES.into_iter().map(CountyCode)
    }
}

impl FromStr for CountyCode {
    type Err = InvalidCountyCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.len() != 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidCountyCode(s.to_string()));
        }
        let n: u8 = t.parse().map_err(|_| InvalidCountyCode(s.to_string()))?;
        if COUNTY_CODES.contains(&n) {
            Ok(Self(n))
        } else {
            Err(InvalidCountyCode(s.to_string()))
        }
    }
}

impl TryFrom<String> for CountyCode {
    type Error = InvalidCountyCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CountyCode> for String {
    fn from(c: CountyCode) -> String {
        c.to_string()
    }
}

impl fmt::Display for CountyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)
    }
}

/// A county as reference data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct County {
    pub code: CountyCode,
    pub name: String,
    pub sami_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_current_county_numbers() {
        assert_eq!("03".parse::<CountyCode>().unwrap().to_string(), "03");
        assert_eq!("56".parse::<CountyCode>().unwrap().to_string(), "56");
        // 30 Viken and 54 Troms og Finnmark ended in 2024; 3 lacks its leading zero.
        for bad in ["30", "54", "3", "003", "", "xx", "99"] {
            assert!(bad.parse::<CountyCode>().is_err(), "{bad:?} accepted");
        }
        assert_eq!(CountyCode::all().count(), 15);
    }
}
