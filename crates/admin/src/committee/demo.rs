//! The synthetic committee of the embedded default: a term covering today with the demo member
//! `amina` on one seat and invented `demo-…` people (who cannot log in) on the rest, and a meeting.

use register::Database;
use register::StoreError;
use register::tips::{CommitteePerson, NewMeeting, NewTerm, Seat, SeatHolders, Term, TermRules, TipError};
use time::{Date, Duration};

use super::terms::period_start;

/// Seat holders: (seat, member login, member name, deputy login, deputy name). `amina` is the
/// demo directory's committee member (`auth::users`); the others are invented.
const SEATS: [(Seat, &str, &str, &str, &str); 4] = [
    (
        Seat::DegreeInterpreter,
        "demo-hanne",
        "Hanne Solberg",
        "demo-tariq",
        "Tariq Mahmoud",
    ),
    (Seat::Educator, "demo-eirik", "Eirik Dahl", "demo-lena", "Lena Strand"),
    (
        Seat::UserRepresentative,
        "amina",
        "Amina Yusuf",
        "demo-faisal",
        "Faisal Omar",
    ),
    (Seat::PublicBooker, "demo-marit", "Marit Holm", "demo-jon", "Jon Eide"),
];

fn person(login: &str, name: &str) -> CommitteePerson {
    CommitteePerson {
        login: super::normalise_login(login),
        name: name.into(),
    }
}

/// The demo term: the period covering `today`.
pub fn term(rules: &TermRules, today: Date) -> NewTerm {
    NewTerm {
        starts_on: period_start(rules, today),
        seats: SEATS
            .iter()
            .map(|(seat, ml, mn, dl, dn)| SeatHolders {
                seat: *seat,
                member: person(ml, mn),
                deputy: person(dl, dn),
            })
            .collect(),
    }
}

/// A meeting of the four members two weeks ahead (or on the term's last day).
pub fn meeting(term: &Term, today: Date) -> NewMeeting {
    NewMeeting {
        held_on: (today + Duration::weeks(2)).min(term.ends_on),
        participants: term.seats.iter().map(|s| s.member.login.clone()).collect(),
    }
}

/// Appoints the demo term and plans its meeting, unless a term exists already.
pub async fn seed(store: &Database, rules: &TermRules, today: Date) -> Result<Option<Term>, TipError<StoreError>> {
    if !store.terms().await?.is_empty() {
        return Ok(None);
    }
    let term = store.appoint_term(&term(rules, today), rules).await?;
    store.plan_meeting(&meeting(&term, today)).await?;
    Ok(Some(term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_demo_term_covers_today_and_seats_amina() {
        let rules = TermRules::default();
        let today = date!(2027 - 12 - 25);
        let new = term(&rules, today);
        let ends_on = new.check(&rules, &[]).unwrap();
        assert!(new.starts_on <= today && today <= ends_on);
        let t = Term {
            id: 1,
            starts_on: new.starts_on,
            ends_on,
            seats: new.seats,
        };
        assert!(t.holds_seat("staff:amina"));
        let m = meeting(&t, today);
        assert_eq!(m.held_on, date!(2027 - 12 - 31), "never after the term");
        assert!(m.check(std::slice::from_ref(&t)).is_ok());
    }
}
