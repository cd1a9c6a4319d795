//! The Norwegian national identity number (fødselsnummer or D-number), validated by its two
//! mod-11 check digits. Never public: it must not reach public-web, the index, logs or exports.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An 11-digit national identity number with valid check digits and a plausible birth date.
/// `Debug` and `Display` mask it so it cannot leak through logs by accident.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NationalId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidNationalId {
    #[error("fødselsnummeret må ha nøyaktig 11 sifre")]
    Format,
    #[error("fødselsnummeret har en ugyldig dato")]
    Date,
    #[error("fødselsnummeret har feil kontrollsiffer")]
    Checksum,
}

const WEIGHTS_1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// The mod-11 check digit for `digits` with `weights`, or `None` when the remainder makes the
/// number impossible (check digit 10).
fn check_digit(digits: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

/// The century a birth year `yy` falls in, from the individual number (digits 7–9), as the
/// population register assigns them; `None` for the combinations it never assigns.
fn century(yy: u32, individual: u32) -> Option<i32> {
    match (individual, yy) {
        (0..=499, _) => Some(1900),
        (500..=749, 54..=99) => Some(1800),
        (500..=999, 0..=39) => Some(2000),
        (900..=999, 40..=99) => Some(1900),
        _ => None,
    }
}

/// Whether the birth date in the first six digits exists: a D-number adds 4 to the day's first
/// digit (41.01. is 1 January), and 29 February only in a leap year of the number's century.
/// Where the individual number names no century, the date must exist in the 1900s or 2000s.
fn date_exists(d: &[u32]) -> bool {
    let day = match d[0] {
        0..=3 => d[0] * 10 + d[1],
        4..=7 => (d[0] - 4) * 10 + d[1],
        _ => return false,
    };
    let Ok(month) = time::Month::try_from((d[2] * 10 + d[3]) as u8) else {
        return false;
    };
    let yy = d[4] * 10 + d[5];
    let individual = d[6] * 100 + d[7] * 10 + d[8];
    let centuries: &[i32] = match century(yy, individual) {
        Some(c) => &[c][..],
        None => &[1900, 2000],
    };
    let Ok(day) = u8::try_from(day) else { return false };
    centuries
        .iter()
        .any(|c| time::Date::from_calendar_date(c + yy as i32, month, day).is_ok())
}

impl NationalId {
    /// The raw 11 digits, for storage in the admin database only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Completes nine leading digits (birth date + individual number) with their check digits,
    /// or `None` if no valid number starts with them. Used by the synthetic generator.
    pub fn complete(first_nine: &str) -> Option<NationalId> {
        let digits: Vec<u32> = first_nine.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
        if digits.len() != 9 {
            return None;
        }
        let k1 = check_digit(&digits, &WEIGHTS_1)?;
        let mut ten = digits.clone();
        ten.push(k1);
        let k2 = check_digit(&ten, &WEIGHTS_2)?;
        format!("{first_nine}{k1}{k2}").parse().ok()
    }
}

impl FromStr for NationalId {
    type Err = InvalidNationalId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if t.len() != 11 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidNationalId::Format);
        }
        let d: Vec<u32> = t.chars().filter_map(|c| c.to_digit(10)).collect();
        if !date_exists(&d) {
            return Err(InvalidNationalId::Date);
        }
        if check_digit(&d[..9], &WEIGHTS_1) != Some(d[9]) || check_digit(&d[..10], &WEIGHTS_2) != Some(d[10]) {
            return Err(InvalidNationalId::Checksum);
        }
        Ok(Self(t))
    }
}

impl TryFrom<String> for NationalId {
    type Error = InvalidNationalId;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<NationalId> for String {
    fn from(n: NationalId) -> String {
        n.0
    }
}

impl fmt::Debug for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NationalId({}*****)", &self.0[..6])
    }
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}*****", &self.0[..6])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers_and_d_numbers() {
        for prefix in ["150765005", "010190125", "410190123"] {
            let valid = NationalId::complete(prefix).expect("a valid prefix");
            assert_eq!(valid.expose().len(), 11);
            assert_eq!(valid.expose().parse::<NationalId>().unwrap(), valid);
        }
        // A remainder of 10 makes a prefix impossible.
        assert_eq!(NationalId::complete("010190123"), None);
    }

    #[test]
    fn rejects_bad_check_digits_dates_and_format() {
        let valid = NationalId::complete("150765005").unwrap();
        let mut wrong = valid.expose().to_string();
        let last = wrong.pop().unwrap().to_digit(10).unwrap();
        wrong.push(char::from_digit((last + 1) % 10, 10).unwrap());
        assert_eq!(wrong.parse::<NationalId>(), Err(InvalidNationalId::Checksum));
        assert_eq!("1234".parse::<NationalId>(), Err(InvalidNationalId::Format));
        assert_eq!("1507650056x".parse::<NationalId>(), Err(InvalidNationalId::Format));
        assert_eq!("32136500565".parse::<NationalId>(), Err(InvalidNationalId::Date));
    }

    /// Numbers with valid check digits whose birth date cannot exist are refused; real dates,
    /// leap days in leap years and D-numbers (day + 40) are accepted.
    #[test]
    fn the_birth_date_must_exist() {
        let table = [
            // (first nine digits, accepted)
            ("300299123", false), // 30 February 1999
            ("310499123", false), // 31 April
            ("290299123", false), // 29 February 1999: no leap year
            ("290296123", true),  // 29 February 1996
            ("290200123", false), // 29 February 1900 (individual 000–499: the 1900s)
            ("290200523", true),  // 29 February 2000
            ("280299123", true),
            ("310199123", true),
            ("700299123", false), // D-number for 30 February
            ("690296123", true),  // D-number for 29 February 1996
            ("710199123", true),  // D-number for 31 January
            ("410190124", true),  // D-number for 1 January 1990
            ("000190123", false), // day 0
            ("400190123", false), // D-number for day 0
            ("810190123", false), // neither a birth date nor a D-number
            ("011390123", false), // month 13
        ];
        for (prefix, accepted) in table {
            // Some prefixes have no valid check digits; the next individual numbers of the
            // same century do, and keep the date.
            let candidates: Vec<String> = (0..10)
                .map(|i| {
                    let individual: u32 = prefix[6..].parse::<u32>().unwrap() + i;
                    format!("{}{individual:03}", &prefix[..6])
                })
                .collect();
            let mut checked = false;
            for nine in candidates {
                let digits: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
                let Some(k1) = check_digit(&digits, &WEIGHTS_1) else {
                    continue;
                };
                let mut ten = digits.clone();
                ten.push(k1);
                let Some(k2) = check_digit(&ten, &WEIGHTS_2) else {
                    continue;
                };
                let full = format!("{nine}{k1}{k2}");
                let got = full.parse::<NationalId>();
                if accepted {
                    assert!(got.is_ok(), "{full}: {got:?}");
                } else {
                    assert_eq!(got, Err(InvalidNationalId::Date), "{full}");
                }
                checked = true;
                break;
            }
            assert!(checked, "no number with valid check digits for {prefix}");
        }
    }

    #[test]
    fn never_prints_the_whole_number() {
        let valid = NationalId::complete("150765005").unwrap();
        assert!(!format!("{valid:?}").contains(valid.expose()));
        assert!(!valid.to_string().contains(valid.expose()));
    }
}
