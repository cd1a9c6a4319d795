//! Interpreters: find one, register a new one from a paper or e-mail application, and the
//! dossier page (record, derived categories, pending changes, decisions, cases, history).

pub mod form;
pub mod views;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::Markup;
use register::finder::{self, PersonQuery};
use register::{Category, ChangeMeta, CountyCode, InterpreterNumber, InterpreterRecord, LanguageCode, Timestamp};
use serde::Deserialize;

use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, CsrfForm};
use crate::error::AdminError;
use crate::forms::Errors;
use crate::layout;
use form::RegistrationForm;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/tolker", get(search))
        .route("/tolker", post(register))
        .route("/tolker/sok", post(search_posted))
        .route("/tolker/ny", get(new_interpreter))
        .route("/tolker/{number}", get(dossier))
        .route("/tolker/{number}/fodselsnummer", post(reveal_national_id))
}

/// The display names of the interpreters a list mentions, so lists show "Name (number)".
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Names(std::collections::BTreeMap<InterpreterNumber, String>);

impl Names {
    /// Reads the names of `numbers`; numbers no longer in the register are left out (the lists
    /// show the number alone).
    pub async fn of(
        state: &AdminState,
        numbers: impl IntoIterator<Item = InterpreterNumber>,
    ) -> Result<Names, AdminError> {
        let numbers: std::collections::BTreeSet<InterpreterNumber> = numbers.into_iter().collect();
        let mut names = std::collections::BTreeMap::new();
        for n in numbers {
            if let Some(record) = state.store.record(n).await? {
                names.insert(n, record.profile.display_name());
            }
        }
        Ok(Names(names))
    }

    /// "Name (number)" linking to the dossier, or the number alone for someone not in the register.
    pub fn link(&self, n: InterpreterNumber) -> Markup {
        maud::html! {
            a href={ "/tolker/" (n) } {
                @match self.0.get(&n) { Some(name) => { (name) " (" (n) ")" }, None => (n) }
            }
        }
    }

    /// A sortable "Tolk" column for rows about the interpreter `number` gives.
    pub fn column<'a, T>(
        &'a self,
        number: impl Fn(&T) -> InterpreterNumber + Copy + 'a,
    ) -> crate::listing::Column<'a, T> {
        crate::listing::Column::sorted(
            "interpreter",
            "Tolk",
            move |row: &T| self.link(number(row)),
            move |row| self.sort_key(number(row)),
        )
    }

    /// What a list sorts by: the name, or the number when the name is unknown.
    pub fn sort_key(&self, n: InterpreterNumber) -> String {
        self.0.get(&n).cloned().unwrap_or_else(|| n.to_string())
    }
}

/// The interpreter at `raw` (a path segment), or 404.
pub async fn find(state: &AdminState, raw: &str) -> Result<InterpreterRecord, AdminError> {
    let number: InterpreterNumber = raw
        .parse()
        .map_err(|_| AdminError::NotFound(format!("«{raw}» er ikke et tolkenummer")))?;
    state
        .store
        .record(number)
        .await?
        .ok_or_else(|| AdminError::NotFound(format!("Fant ingen tolk med tolkenummer {number}")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
    /// Set on the redirect that took a national identity number out of the address.
    pub sok: String,
    /// A language code.
    pub language: String,
    /// The lowest category, `A` to `E`.
    pub category: String,
    /// An entry status as stored.
    pub status: String,
    /// A county number.
    pub county: String,
}

impl SearchQuery {
    /// The query for the finder, or what is wrong with a filter (a hand-edited address).
    fn parse(&self) -> Result<PersonQuery, Errors> {
        let mut errors = Errors::default();
        let field = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
        let language = field(&self.language).and_then(|v| {
            v.parse::<LanguageCode>()
                .map_err(|_| errors.push("language", "Ukjent språk."))
                .ok()
        });
        let category = field(&self.category).and_then(|v| {
            v.parse::<Category>()
                .map_err(|_| errors.push("category", "Kategorien må være A, B, C, D eller E."))
                .ok()
        });
        let status = field(&self.status).and_then(|v| {
            if STATUSES.iter().any(|(s, _)| *s == v) {
                Some(v)
            } else {
                errors.push("status", "Ukjent status.");
                None
            }
        });
        let county = field(&self.county).and_then(|v| {
            v.parse::<CountyCode>()
                .map_err(|_| errors.push("county", "Ukjent fylke."))
                .ok()
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PersonQuery {
            text: self.q.trim().to_string(),
            language,
            category,
            status,
            county,
        })
    }

    fn has_filters(&self) -> bool {
        [&self.language, &self.category, &self.status, &self.county]
            .iter()
            .any(|v| !v.trim().is_empty())
    }
}

/// The entry statuses staff can filter by, with their labels.
pub const STATUSES: [(&str, &str); 6] = [
    ("active", "Aktiv"),
    ("suspended", "Midlertidig utestengt"),
    ("excluded", "Utestengt for en periode"),
    ("excluded_permanently", "Utestengt permanent"),
    ("withdrawn", "Trukket"),
    ("no_basis", "Uten grunnlag"),
];

/// The most hits shown for a name search.
const MAX_HITS: usize = 50;

/// Whether `q` holds 11 digits in a row once spaces are left out, as a national identity number
/// typed with or without spaces does (also beside a name).
fn is_national_id_like(q: &str) -> bool {
    let mut run = 0;
    for c in q.chars().filter(|c| !c.is_whitespace()) {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 11 {
            return true;
        }
    }
    false
}

/// `GET /tolker`: the search form, and a name or interpreter number searched from a link. A
/// national identity number must never be in an address (browser history, proxy and server
/// logs), so one that arrives in `q` is neither searched nor echoed: the browser is sent to the
/// empty form, which searches by POST.
async fn search(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Query(query): Query<SearchQuery>,
) -> Result<Response, AdminError> {
    if is_national_id_like(&query.q) {
        return Ok(Redirect::to("/tolker?sok=fnr").into_response());
    }
    let moved = query.sok == "fnr";
    results(&state, &user, &query, moved).await
}

/// `POST /tolker/sok`: the search form's own way in, which keeps the query out of the address.
async fn search_posted(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    CsrfForm(query): CsrfForm<SearchQuery>,
) -> Result<Response, AdminError> {
    results(&state, &user, &query, false).await
}

async fn results(
    state: &AdminState,
    user: &crate::auth::Staff,
    query: &SearchQuery,
    moved: bool,
) -> Result<Response, AdminError> {
    let q = query.q.trim();
    if let Ok(number) = q.parse::<InterpreterNumber>() {
        return Ok(Redirect::to(&format!("/tolker/{number}")).into_response());
    }
    let catalogue = state.store.catalogue();
    let parsed = match query.parse() {
        Ok(p) => p,
        Err(errors) => {
            let body = views::search_page(&user.csrf, query, moved, None, &errors, catalogue);
            return Ok((StatusCode::BAD_REQUEST, layout::page("Finn tolk", Some(user), body)).into_response());
        }
    };
    let searched = q.chars().count() >= 2 || query.has_filters();
    let hits: Vec<InterpreterRecord> = if searched {
        let all = state.store.as_of(Timestamp::now()).await?;
        let digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 11 && digits.chars().all(|c| c.is_ascii_digit()) {
            // A national identity number: exact, never by likeness.
            all.into_iter()
                .filter(|r| r.profile.national_id.expose() == digits)
                .collect()
        } else {
            finder::find(&all, &parsed, MAX_HITS).into_iter().cloned().collect()
        }
    } else {
        Vec::new()
    };
    let body = views::search_page(
        &user.csrf,
        query,
        moved,
        searched.then_some(&hits[..]),
        &Errors::default(),
        catalogue,
    );
    Ok(layout::page("Finn tolk", Some(user), body).into_response())
}

async fn new_interpreter(State(state): State<AdminState>, user: Authorised<Casework>) -> Markup {
    layout::page(
        "Registrer tolk",
        Some(&user),
        views::new_interpreter_page(
            &user.csrf,
            &RegistrationForm::default(),
            &Errors::default(),
            None,
            state.store.catalogue(),
        ),
    )
}

async fn register(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    CsrfForm(form): CsrfForm<RegistrationForm>,
) -> Result<Response, AdminError> {
    // The form comes back as typed, with the refusal: 422 for bad input, 409 for a number that
    // another interpreter has.
    let rejected = |status: StatusCode, errors: &Errors, general: Option<&str>| {
        let body = views::new_interpreter_page(&user.csrf, &form, errors, general, state.store.catalogue());
        (status, layout::page("Registrer tolk", Some(&user), body)).into_response()
    };
    let (profile, reason) = match form.parse() {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(rejected(StatusCode::UNPROCESSABLE_ENTITY, &errors, None)),
    };
    match state
        .store
        .register_interpreter(profile, ChangeMeta::now(user.actor(), reason))
        .await
    {
        Ok(record) => Ok(Redirect::to(&format!("/tolker/{}?ok=registered", record.number)).into_response()),
        Err(e) if e.is_user_error() => {
            let e = AdminError::from(e);
            Ok(rejected(e.status(), &Errors(e.fields()), Some(&e.message())))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Notice {
    pub ok: String,
}

async fn dossier(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(number): Path<String>,
    Query(notice): Query<Notice>,
) -> Result<Markup, AdminError> {
    let record = find(&state, &number).await?;
    dossier_page(&state, &user, record, &notice.ok, Reveal::Masked).await
}

/// The dossier of `record`, its national identity number shown as `reveal` says.
async fn dossier_page(
    state: &AdminState,
    user: &Authorised<Casework>,
    record: InterpreterRecord,
    ok: &str,
    reveal: Reveal<'_>,
) -> Result<Markup, AdminError> {
    let n = record.number;
    let dossier = views::Dossier {
        history: state.store.history(n).await?,
        approvals: state.store.approvals_for(n).await?,
        decisions: state.store.decisions_for(n).await?,
        cases: state.store.foreign_cases_for(n).await?,
        record,
    };
    let title = format!("Tolk {n}");
    let body = views::interpreter_page(&dossier, state.store.catalogue(), ok, &user.csrf, reveal);
    Ok(layout::page(&title, Some(user), body))
}

/// How the dossier shows the national identity number.
pub enum Reveal<'a> {
    /// Birth date and stars, with a form to ask for the whole number.
    Masked,
    /// The form again, with what was wrong with the reason given.
    Refused(&'a Errors, &'a str),
    /// The whole number: the reveal is in the audit trail.
    Shown,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevealForm {
    pub reason: String,
}

/// The longest reason accepted for seeing a national identity number.
const MAX_REVEAL_REASON: usize = 300;

/// `POST /tolker/{n}/fodselsnummer`: the whole national identity number, on request and with a
/// reason, recorded in the interpreter's audit trail before it is shown.
async fn reveal_national_id(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(number): Path<String>,
    CsrfForm(form): CsrfForm<RevealForm>,
) -> Result<Response, AdminError> {
    let record = find(&state, &number).await?;
    let reason = form.reason.trim();
    let mut errors = Errors::default();
    if reason.chars().count() < 3 {
        errors.push("reason", "Skriv hvorfor du trenger å se fødselsnummeret.");
    } else if reason.chars().count() > MAX_REVEAL_REASON {
        errors.push("reason", format!("Begrunnelsen kan ha høyst {MAX_REVEAL_REASON} tegn."));
    }
    if !errors.is_empty() {
        let page = dossier_page(&state, &user, record, "", Reveal::Refused(&errors, &form.reason)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    state
        .store
        .record_national_id_reveal(record.number, &user.actor(), reason)
        .await?;
    Ok(dossier_page(&state, &user, record, "", Reveal::Shown)
        .await?
        .into_response())
}
