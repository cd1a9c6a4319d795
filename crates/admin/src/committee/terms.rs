//! Committee terms (`/utvalg`): the list of terms with a member and a deputy on each of the four
//! seats, and the form that appoints a new term. The term rules themselves live in `register`.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::Timestamp;
use register::tips::{CommitteePerson, NewTerm, Seat, SeatHolders, Term, TermRules};
use serde::Deserialize;
use time::{Date, Month};

use super::{normalise_login, short_login};
use crate::AdminState;
use crate::auth::role::CommitteeSecretariat;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors, parse_date, required};
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/utvalg", get(terms_page))
        .route("/utvalg/perioder/ny", get(new_term))
        .route("/utvalg/perioder", post(appoint))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Notice {
    pub ok: String,
}

/// The seat's label with a capital first letter, as a heading.
pub fn seat_heading(seat: Seat) -> String {
    let label = crate::labels::seat(seat);
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The first day of the term period that `day` falls in: terms follow calendar years, the first
/// (2023) lasting one year and each later one `term_years` years.
pub fn period_start(rules: &TermRules, day: Date) -> Date {
    let year = day.year();
    let later_from = rules.first_year + i32::from(rules.first_term_years);
    let start_year = if year < later_from || rules.term_years == 0 {
        year
    } else {
        later_from + (year - later_from) / i32::from(rules.term_years) * i32::from(rules.term_years)
    };
    Date::from_calendar_date(start_year, Month::January, 1).unwrap_or(day)
}

/// The first day a new term could start: the day after the last term ends, or the start of the
/// current period when there are no terms.
fn suggested_start(terms: &[Term], rules: &TermRules, today: Date) -> Date {
    terms
        .iter()
        .map(|t| t.ends_on)
        .max()
        .and_then(|end| end.next_day())
        .unwrap_or_else(|| period_start(rules, today))
}

fn person(p: &CommitteePerson) -> Markup {
    html! { (p.name) " " span class="hint" { "(" (short_login(&p.login)) ")" } }
}

/// One term's seats as a table.
pub fn seats_table(term: &Term) -> Markup {
    html! {
        table {
            caption { "Plasser i perioden " (term.starts_on) " – " (term.ends_on) }
            thead { tr { th scope="col" { "Plass" } th scope="col" { "Medlem" } th scope="col" { "Vara" } } }
            tbody {
                @for s in &term.seats {
                    tr {
                        th scope="row" { (seat_heading(s.seat)) }
                        td { (person(&s.member)) }
                        td { (person(&s.deputy)) }
                    }
                }
            }
        }
    }
}

async fn terms_page(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
    Query(notice): Query<Notice>,
) -> Result<Markup, AdminError> {
    let mut terms = state.store.terms().await?;
    terms.reverse();
    let today = Timestamp::now().date();
    let body = html! {
        h1 { "Det partssammensatte utvalget" }
        @if notice.ok == "oppnevnt" { p class="notice ok" role="status" { "Utvalgsperioden er oppnevnt." } }
        p {
            "Utvalget har fire plasser, hver med et medlem og en vara. IMDi leder utvalget og forbereder sakene. "
            "Periodene varer ett år i " (state.settings.term_rules.first_year) " og deretter "
            (state.settings.term_rules.term_years) " år."
        }
        p { a href="/utvalg/perioder/ny" { "Oppnevn ny periode" } " · " a href="/utvalg/moter" { "Møter og dagsordener" } }
        @if terms.is_empty() {
            p { "Ingen utvalgsperiode er oppnevnt ennå. Oppnevn en periode før du planlegger møter." }
        }
        @for t in &terms {
            section id={ "periode-" (t.id) } {
                h2 {
                    "Periode " (t.starts_on) " – " (t.ends_on)
                    @if t.covers(today) { " (gjeldende)" }
                }
                (seats_table(t))
                p { a href={ "/utvalg/moter/ny?periode=" (t.id) } { "Planlegg møte i denne perioden" } }
            }
        }
    };
    Ok(layout::page("Utvalget", Some(&user), body))
}

/// The appointment form's fields by name: `starts_on` and, per seat, `<seat>-<member|deputy>-<login|name>`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct TermForm(pub BTreeMap<String, String>);

const HOLDERS: [(&str, &str); 2] = [("member", "Medlem"), ("deputy", "Vara")];

fn field(seat: Seat, holder: &str, part: &str) -> String {
    format!("{}-{holder}-{part}", seat.as_str())
}

impl TermForm {
    fn get(&self, name: &str) -> &str {
        self.0.get(name).map(String::as_str).unwrap_or("")
    }

    fn person(&self, seat: Seat, holder: &str, errors: &mut Errors) -> Option<CommitteePerson> {
        let what = HOLDERS
            .iter()
            .find(|(h, _)| *h == holder)
            .map(|(_, l)| *l)
            .unwrap_or(holder);
        let name_field = field(seat, holder, "name");
        let login_field = field(seat, holder, "login");
        let name = errors.take(
            &name_field,
            required(self.get(&name_field), &format!("{what}s navn"), 200),
        );
        let login = errors.take(&login_field, login(self.get(&login_field), what));
        Some(CommitteePerson {
            name: name?,
            login: login?,
        })
    }

    fn parse(&self) -> Result<NewTerm, Errors> {
        let mut errors = Errors::default();
        let starts_on = errors.take("starts_on", parse_date(self.get("starts_on")));
        let mut seats = Vec::new();
        for seat in Seat::ALL {
            let member = self.person(seat, "member", &mut errors);
            let deputy = self.person(seat, "deputy", &mut errors);
            if let (Some(member), Some(deputy)) = (member, deputy) {
                seats.push(SeatHolders { seat, member, deputy });
            }
        }
        match starts_on {
            Some(starts_on) if errors.is_empty() => Ok(NewTerm { starts_on, seats }),
            _ => Err(errors),
        }
    }
}

/// A login as typed: required, one word; stored with the service's `staff:` prefix.
fn login(typed: &str, what: &str) -> Result<String, String> {
    let t = required(typed, &format!("{what}s brukernavn"), 100)?;
    if t.chars().any(char::is_whitespace) {
        return Err(format!("{what}s brukernavn kan ikke inneholde mellomrom"));
    }
    Ok(normalise_login(&t))
}

fn term_form_page(staff: &Staff, f: &TermForm, errors: &Errors, general: Option<&str>) -> Markup {
    let body = html! {
        h1 { "Oppnevn ny utvalgsperiode" }
        p {
            "Fyll inn medlem og vara for hver av de fire plassene. Brukernavnet er det personen logger inn med "
            "i saksbehandlertjenesten, og personen må ha rollen «medlem av det partssammensatte utvalget». "
            "Sluttdatoen følger av reglene for periodene."
        }
        (forms::summary(errors, general))
        form method="post" action="/utvalg/perioder" novalidate {
            (forms::csrf(&staff.csrf))
            (forms::date("starts_on", "Perioden starter", f.get("starts_on"), errors))
            div id="seats" {
                @for seat in Seat::ALL {
                    fieldset {
                        legend { (seat_heading(seat)) }
                        @for (holder, label) in HOLDERS {
                            (forms::text(&field(seat, holder, "name"), &format!("{label} – navn"), f.get(&field(seat, holder, "name")), errors))
                            (forms::text(&field(seat, holder, "login"), &format!("{label} – brukernavn"), f.get(&field(seat, holder, "login")), errors))
                        }
                    }
                }
            }
            div class="actions" { button type="submit" { "Oppnevn perioden" } }
        }
    };
    layout::page("Ny utvalgsperiode", Some(staff), body)
}

async fn new_term(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
) -> Result<Markup, AdminError> {
    let terms = state.store.terms().await?;
    let start = suggested_start(&terms, &state.settings.term_rules, Timestamp::now().date());
    let mut f = TermForm::default();
    f.0.insert("starts_on".into(), start.to_string());
    Ok(term_form_page(&user, &f, &Errors::default(), None))
}

async fn appoint(
    State(state): State<AdminState>,
    user: Authorised<CommitteeSecretariat>,
    CsrfForm(f): CsrfForm<TermForm>,
) -> Result<Response, AdminError> {
    let again = |errors: &Errors| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            term_form_page(&user, &f, errors, Some("Perioden ble ikke oppnevnt.")),
        )
            .into_response()
    };
    let new = match f.parse() {
        Ok(new) => new,
        Err(errors) => return Ok(again(&errors)),
    };
    match state.store.appoint_term(&new, &state.settings.term_rules).await {
        Ok(term) => Ok(Redirect::to(&format!("/utvalg?ok=oppnevnt#periode-{}", term.id)).into_response()),
        Err(e) if e.is_user_error() => Ok(again(&Errors(AdminError::Tip(e).fields()))),
        Err(e) => Err(AdminError::Tip(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn periods_follow_calendar_years_one_year_then_two() {
        let rules = TermRules::default();
        let table = [
            (date!(2023 - 06 - 01), date!(2023 - 01 - 01)),
            (date!(2024 - 03 - 01), date!(2024 - 01 - 01)),
            (date!(2025 - 12 - 31), date!(2024 - 01 - 01)),
            (date!(2026 - 11 - 24), date!(2026 - 01 - 01)),
            (date!(2027 - 01 - 01), date!(2026 - 01 - 01)),
        ];
        for (day, start) in table {
            assert_eq!(period_start(&rules, day), start, "{day}");
            assert!(rules.ends_on(start) >= day, "{day} falls in the period");
        }
    }

    #[test]
    fn the_form_keeps_every_field_and_names_each_missing_one() {
        let mut f = TermForm::default();
        f.0.insert("starts_on".into(), "2026-01-01".into());
        f.0.insert("educator-member-name".into(), "Ola Nordmann".into());
        f.0.insert("educator-member-login".into(), "ola nordmann".into());
        let Err(errors) = f.parse() else { panic!("incomplete") };
        assert!(errors.get("educator-member-name").is_none());
        assert!(errors.get("educator-member-login").unwrap().contains("mellomrom"));
        assert!(errors.get("public_booker-deputy-name").unwrap().contains("navn"));

        for seat in Seat::ALL {
            for (holder, _) in HOLDERS {
                let id = format!("{}{holder}", seat.as_str());
                f.0.insert(field(seat, holder, "name"), format!("Navn {id}"));
                f.0.insert(field(seat, holder, "login"), id);
            }
        }
        let new = f.parse().unwrap();
        assert_eq!(new.seats.len(), 4);
        assert_eq!(new.seats[1].member.login, "staff:educatormember");
    }
}
