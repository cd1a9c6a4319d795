//! The advisory committee: terms with a member and a deputy for each of the four seats, meetings
//! of the people holding seats, and the rules that check them. Pure; storage is in `store::tips`.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::error::TipError;

/// The four seats of DOMAIN.md, each held by a member and a deputy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Seat {
    /// An interpreter with an interpreting degree.
    DegreeInterpreter,
    /// A teacher or researcher at an interpreter-training programme.
    Educator,
    /// A user representative of minority-language speakers.
    UserRepresentative,
    /// An interpreter booker in a public body.
    PublicBooker,
}

impl Seat {
    pub const ALL: [Seat; 4] = crate::string_enum::all();

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Why a new term cannot be appointed; the services word each (and name the seat).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermProblem {
    /// The seat is missing or given twice.
    SeatNotFilledOnce(Seat),
    /// A member or deputy of the seat lacks a name or a login.
    NameMissing(Seat),
    /// The person (by name) holds two places.
    TwoSeats(String),
    /// The term overlaps another.
    Overlaps,
}

impl TermProblem {
    /// The form field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            TermProblem::Overlaps => "starts_on",
            _ => "seats",
        }
    }
}

/// A person on the committee: their login (what access checks compare) and name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CommitteePerson {
    pub login: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatHolders {
    pub seat: Seat,
    pub member: CommitteePerson,
    pub deputy: CommitteePerson,
}

/// How long terms are: one year in the first year, then a fixed number of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRules {
    pub first_year: i32,
    pub first_term_years: u8,
    pub term_years: u8,
}

impl Default for TermRules {
    fn default() -> Self {
        TermRules {
            first_year: 2023,
            first_term_years: 1,
            term_years: 2,
        }
    }
}

impl TermRules {
    /// The last day of a term starting on `starts_on`.
    pub fn ends_on(&self, starts_on: Date) -> Date {
        let years = if starts_on.year() <= self.first_year {
            self.first_term_years
        } else {
            self.term_years
        };
        let end_year = starts_on.year() + i32::from(years);
        let next_start = Date::from_calendar_date(end_year, starts_on.month(), starts_on.day())
            .or_else(|_| Date::from_calendar_date(end_year, Month::March, 1))
            .unwrap_or(starts_on);
        next_start.previous_day().unwrap_or(next_start)
    }
}

/// A term about to be appointed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTerm {
    pub starts_on: Date,
    pub seats: Vec<SeatHolders>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub id: i64,
    pub starts_on: Date,
    pub ends_on: Date,
    pub seats: Vec<SeatHolders>,
}

impl NewTerm {
    /// Every seat exactly once with a member and a different deputy; nobody holds two places;
    /// the term does not overlap an existing one. Returns the term's last day.
    pub fn check(&self, rules: &TermRules, existing: &[Term]) -> Result<Date, TipError> {
        let mut errors: Vec<TermProblem> = Vec::new();
        for seat in Seat::ALL {
            let n = self.seats.iter().filter(|s| s.seat == seat).count();
            if n != 1 {
                errors.push(TermProblem::SeatNotFilledOnce(seat));
            }
        }
        let mut logins: Vec<&str> = Vec::new();
        for s in &self.seats {
            for p in [&s.member, &s.deputy] {
                if p.login.trim().is_empty() || p.name.trim().is_empty() {
                    errors.push(TermProblem::NameMissing(s.seat));
                } else if logins.contains(&p.login.as_str()) {
                    errors.push(TermProblem::TwoSeats(p.name.clone()));
                } else {
                    logins.push(&p.login);
                }
            }
        }
        let ends_on = rules.ends_on(self.starts_on);
        if existing
            .iter()
            .any(|t| t.starts_on <= ends_on && self.starts_on <= t.ends_on)
        {
            errors.push(TermProblem::Overlaps);
        }
        if errors.is_empty() {
            Ok(ends_on)
        } else {
            Err(TipError::Term(errors))
        }
    }
}

impl Term {
    pub fn covers(&self, day: Date) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }

    /// Whether `login` holds a seat (as member or deputy) in this term.
    pub fn holds_seat(&self, login: &str) -> bool {
        self.seats
            .iter()
            .any(|s| s.member.login == login || s.deputy.login == login)
    }
}

/// A meeting about to be planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub held_on: Date,
    /// Logins of the members and deputies who sit on the meeting.
    pub participants: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub term_id: i64,
    pub held_on: Date,
    pub participants: Vec<String>,
    /// Tip case ids on the agenda.
    pub agenda: Vec<i64>,
}

impl NewMeeting {
    /// Finds the term the meeting falls in and checks that everyone sitting holds a seat in it.
    pub fn check<'t>(&self, terms: &'t [Term]) -> Result<&'t Term, TipError> {
        let term = terms
            .iter()
            .find(|t| t.covers(self.held_on))
            .ok_or_else(|| TipError::field("held_on", "ingen utvalgsperiode dekker møtedatoen"))?;
        if self.participants.is_empty() {
            return Err(TipError::field("participants", "velg hvem som sitter i møtet"));
        }
        if let Some(p) = self.participants.iter().find(|p| !term.holds_seat(p)) {
            return Err(TipError::field(
                "participants",
                format!("{p} har ingen plass i utvalget i denne perioden"),
            ));
        }
        Ok(term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn person(login: &str) -> CommitteePerson {
        CommitteePerson {
            login: login.into(),
            name: format!("Navn {login}"),
        }
    }

    fn full_seats(prefix: &str) -> Vec<SeatHolders> {
        Seat::ALL
            .iter()
            .map(|&seat| SeatHolders {
                seat,
                member: person(&format!("{prefix}:{}:m", seat.as_str())),
                deputy: person(&format!("{prefix}:{}:d", seat.as_str())),
            })
            .collect()
    }

    #[test]
    fn terms_last_one_year_in_2023_and_two_years_after() {
        let r = TermRules::default();
        let table = [
            (date!(2023 - 01 - 01), date!(2023 - 12 - 31)),
            (date!(2023 - 03 - 01), date!(2024 - 02 - 29)),
            (date!(2024 - 01 - 01), date!(2025 - 12 - 31)),
            (date!(2026 - 01 - 01), date!(2027 - 12 - 31)),
            (date!(2024 - 02 - 29), date!(2026 - 02 - 28)),
        ];
        for (start, end) in table {
            assert_eq!(r.ends_on(start), end, "{start}");
        }
    }

    #[test]
    fn a_term_needs_every_seat_once_and_distinct_people() {
        let r = TermRules::default();
        let ok = NewTerm {
            starts_on: date!(2024 - 01 - 01),
            seats: full_seats("a"),
        };
        assert_eq!(ok.check(&r, &[]).unwrap(), date!(2025 - 12 - 31));

        let mut missing = ok.clone();
        missing.seats.pop();
        let mut twice = ok.clone();
        twice.seats[1].deputy = twice.seats[0].member.clone();
        let mut doubled = ok.clone();
        doubled.seats[3].seat = Seat::Educator;
        let mut nameless = ok.clone();
        nameless.seats[0].deputy.name = " ".into();
        for bad in [missing, twice, doubled, nameless] {
            assert!(matches!(bad.check(&r, &[]), Err(TipError::Term(_))), "{bad:?}");
        }
        let existing = Term {
            id: 1,
            starts_on: date!(2023 - 01 - 01),
            ends_on: date!(2024 - 01 - 01),
            seats: full_seats("b"),
        };
        assert!(ok.check(&r, std::slice::from_ref(&existing)).is_err());
        let later = Term {
            ends_on: date!(2023 - 12 - 31),
            ..existing
        };
        assert!(ok.check(&r, &[later]).is_ok());
    }

    #[test]
    fn meetings_fall_in_a_term_and_seat_only_its_members_and_deputies() {
        let term = Term {
            id: 7,
            starts_on: date!(2024 - 01 - 01),
            ends_on: date!(2025 - 12 - 31),
            seats: full_seats("a"),
        };
        let terms = [term];
        let m = |on, who: &[&str]| NewMeeting {
            held_on: on,
            participants: who.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(
            m(date!(2024 - 05 - 01), &["a:educator:m", "a:public_booker:d"])
                .check(&terms)
                .unwrap()
                .id,
            7
        );
        assert!(m(date!(2026 - 01 - 01), &["a:educator:m"]).check(&terms).is_err());
        assert!(m(date!(2024 - 05 - 01), &[]).check(&terms).is_err());
        assert!(
            m(date!(2024 - 05 - 01), &["a:educator:m", "staff:kari"])
                .check(&terms)
                .is_err()
        );
    }
}
