//! Foreign-qualification cases: intake, acknowledgement, document checklist, assessment naming
//! the Norwegian equivalent, and the decision that adds the equivalent to the register.

use axum::Router;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::StoreError;
use register::casework::{
    ChecklistItem, DecisionKind, Equivalent, ForeignCase, LetterLanguage, NewForeignCase, Outcome,
};
use register::workflow::casework::{self as workflow, ForeignDecision};
use register::{InterpreterNumber, Timestamp};
use serde::Deserialize;

use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, CsrfForm, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors, parse_date, required};
use crate::interpreters::Names;
use crate::listing::{Column, PageQuery, Table};
use crate::qualifications::language;
use crate::{labels, layout};

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/utenlandske-saker", get(list))
        .route("/utenlandske-saker", post(open))
        .route("/utenlandske-saker/ny", get(new_case))
        .route("/utenlandske-saker/{id}", get(case_page))
        .route("/utenlandske-saker/{id}/kvittering", post(acknowledge))
        .route("/utenlandske-saker/{id}/dokumenter", post(documents))
        .route("/utenlandske-saker/{id}/vurdering", post(assess))
        .route("/utenlandske-saker/{id}/vedtak", post(decide))
}

async fn list(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, AdminError> {
    let cases = state.store.foreign_cases(false).await?;
    let names = Names::of(&state, cases.iter().map(|c| c.number)).await?;
    let query = PageQuery::parse(raw.as_deref());
    let body = html! {
        h1 { "Saker om utenlandsk kvalifikasjon" }
        p { a href="/utenlandske-saker/ny" { "Registrer ny søknad" } }
        @if cases.is_empty() { p { "Ingen saker." } } @else { (cases_table(&state, &cases, &names, &query)) }
    };
    Ok(layout::page("Utenlandske kvalifikasjoner", Some(&user), body))
}

fn cases_table(state: &AdminState, cases: &[ForeignCase], names: &Names, query: &PageQuery) -> Markup {
    let catalogue = state.store.catalogue();
    Table {
        id: "foreign-cases",
        noun: ("sak", "saker"),
        columns: vec![
            case_column(),
            names.column(|c: &ForeignCase| c.number),
            Column::sorted(
                "language",
                "Språk",
                |c: &ForeignCase| html! { (labels::language(catalogue, c.language)) },
                |c| labels::language(catalogue, c.language),
            ),
            Column::sorted(
                "caseworker",
                "Saksbehandler",
                |c: &ForeignCase| html! { (labels::actor(&c.assigned_to)) },
                |c| c.assigned_to.clone(),
            ),
            deadline_column(state.settings.deadlines, Timestamp::now().date()),
            Column::sorted("status", "Status", |c: &ForeignCase| html! { (status(c)) }, status),
        ],
        default_sort: ("", false),
        default_order: "Nyeste sak øverst.",
        page_size: 25,
        row_case: Some(Box::new(|c: &ForeignCase| c.id.to_string())),
    }
    .render(query, cases)
}

/// The case's reference linking to it, sorted by case number.
pub fn case_column<'a>() -> Column<'a, ForeignCase> {
    Column::sorted(
        "case",
        "Sak",
        |c: &ForeignCase| html! { a href={ "/utenlandske-saker/" (c.id) } { (c.reference()) } },
        |c| c.id,
    )
}

/// The case's next statutory deadline, marked when overdue or due this week.
pub fn deadline_column<'a>(
    rules: register::casework::deadlines::Deadlines,
    today: time::Date,
) -> Column<'a, ForeignCase> {
    let next = move |c: &ForeignCase| c.open_deadlines(&rules).first().copied();
    Column::sorted(
        "due",
        "Neste frist",
        move |c: &ForeignCase| match next(c) {
            Some((kind, due)) => layout::deadline(labels::foreign_deadline(kind), due, today),
            None => html! { "–" },
        },
        move |c| next(c).map(|(_, due)| due).unwrap_or(time::Date::MAX),
    )
}

fn status(c: &ForeignCase) -> &'static str {
    match (c.outcome, &c.assessment, c.complete_on) {
        (Some(Outcome::Approved), _, _) => "godkjent",
        (Some(Outcome::Refused), _, _) => "avslått",
        (None, Some(_), _) => "vurdert, venter på vedtak",
        (None, None, Some(_)) => "komplett, til vurdering",
        (None, None, None) => "venter på dokumentasjon",
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NewCaseForm {
    pub tolk: String,
    pub language: String,
    pub country: String,
    pub institution: String,
    pub title: String,
    pub completed_on: String,
    pub received_on: String,
    pub assigned_to: String,
}

impl NewCaseForm {
    fn parse(&self, staff: &Staff) -> Result<NewForeignCase, Errors> {
        let mut errors = Errors::default();
        let number = errors.take("tolk", self.tolk.parse::<InterpreterNumber>());
        let language = errors.take("language", language(&self.language, "utdanningen gjelder"));
        let country = errors.take("country", required(&self.country, "land", 200));
        let institution = errors.take("institution", required(&self.institution, "lærested", 200));
        let title = errors.take("title", required(&self.title, "utdanningens navn", 200));
        let completed_on = errors.take("completed_on", parse_date(&self.completed_on));
        let received_on = errors.take("received_on", parse_date(&self.received_on));
        let assigned = errors.take("assigned_to", required(&self.assigned_to, "saksbehandler", 100));
        match (
            number,
            language,
            country,
            institution,
            title,
            completed_on,
            received_on,
            assigned,
        ) {
            (
                Some(number),
                Some(language),
                Some(country),
                Some(institution),
                Some(title),
                Some(completed_on),
                Some(received_on),
                Some(assigned),
            ) => Ok(NewForeignCase {
                number,
                language,
                country,
                institution,
                title,
                completed_on,
                received_on,
                assigned_to: crate::auth::staff_login(&assigned),
                opened_by: staff.actor(),
            }),
            _ => Err(errors),
        }
    }
}

fn new_case_page(state: &AdminState, staff: &Staff, f: &NewCaseForm, errors: &Errors, general: Option<&str>) -> Markup {
    let body = html! {
        h1 { "Ny sak om utenlandsk kvalifikasjon" }
        p { "Tolken må være registrert først. Norsk må være et av arbeidsspråkene." }
        (forms::summary(errors, general))
        form method="post" action="/utenlandske-saker" novalidate {
            (forms::csrf(&staff.csrf))
            (forms::text("tolk", "Tolkenummer", &f.tolk, errors))
            (forms::select("language", "Språk (norsk ↔ språket)", &labels::language_options(state.store.catalogue()), &f.language, Some("Velg …"), errors))
            (forms::text("country", "Land", &f.country, errors))
            (forms::text("institution", "Lærested", &f.institution, errors))
            (forms::text("title", "Utdanningens navn (som på vitnemålet)", &f.title, errors))
            (forms::date("completed_on", "Fullført dato", &f.completed_on, errors))
            (forms::date("received_on", "Søknaden mottatt", &f.received_on, errors))
            (forms::text("assigned_to", "Saksbehandler (brukernavn)", &f.assigned_to, errors))
            div class="actions" { button type="submit" { "Opprett sak" } }
        }
    };
    layout::page("Ny sak", Some(staff), body)
}

async fn new_case(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Query(prefill): Query<NewCaseForm>,
) -> Markup {
    let f = NewCaseForm {
        received_on: Timestamp::now().date().to_string(),
        assigned_to: user.identity.id.clone(),
        ..prefill
    };
    new_case_page(&state, &user, &f, &Errors::default(), None)
}

async fn open(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    CsrfForm(f): CsrfForm<NewCaseForm>,
) -> Result<Response, AdminError> {
    let again = |errors: &Errors, general: Option<&str>| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            new_case_page(&state, &user, &f, errors, general),
        )
            .into_response()
    };
    let new = match f.parse(&user) {
        Ok(new) => new,
        Err(errors) => return Ok(again(&errors, None)),
    };
    let checked = new.check(Timestamp::now().date()).map(|_| new);
    let result = match checked {
        Ok(new) => state.store.open_foreign_case(new).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(case) => Ok(Redirect::to(&format!("/utenlandske-saker/{}", case.id)).into_response()),
        Err(e) if e.is_user_error() => {
            let e = AdminError::from(e);
            let mut errors = Errors(e.fields());
            if errors.is_empty() {
                errors.push("tolk", e.message());
            }
            Ok(again(&errors, None))
        }
        Err(e) => Err(e.into()),
    }
}

/// The fields of every form on the case page; each form sends the ones it has.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct CaseForm {
    pub acknowledged_on: String,
    pub documents_on: String,
    pub diploma: Option<String>,
    pub transcript: Option<String>,
    pub course_description: Option<String>,
    pub norwegian_proficiency: Option<String>,
    pub identity: Option<String>,
    pub equivalent: String,
    pub assessment: String,
    pub outcome: String,
    pub reasons: String,
    pub legal_basis: String,
    pub decided_on: String,
    pub letter_language: String,
}

impl Default for CaseForm {
    fn default() -> Self {
        let today = Timestamp::now().date().to_string();
        CaseForm {
            acknowledged_on: today.clone(),
            documents_on: today.clone(),
            diploma: None,
            transcript: None,
            course_description: None,
            norwegian_proficiency: None,
            identity: None,
            equivalent: String::new(),
            assessment: String::new(),
            outcome: String::new(),
            reasons: String::new(),
            legal_basis: DecisionKind::ApproveForeign.default_legal_basis().into(),
            decided_on: today,
            letter_language: "nb".into(),
        }
    }
}

impl CaseForm {
    fn ticked(&self, item: ChecklistItem) -> bool {
        match item {
            ChecklistItem::Diploma => self.diploma.is_some(),
            ChecklistItem::Transcript => self.transcript.is_some(),
            ChecklistItem::CourseDescription => self.course_description.is_some(),
            ChecklistItem::NorwegianProficiency => self.norwegian_proficiency.is_some(),
            ChecklistItem::Identity => self.identity.is_some(),
        }
    }
}

fn case_view(
    state: &AdminState,
    staff: &Staff,
    c: &ForeignCase,
    f: &CaseForm,
    errors: &Errors,
    general: Option<&str>,
) -> Markup {
    let rules = state.settings.deadlines;
    let catalogue = state.store.catalogue();
    let equivalents: Vec<(String, String)> = Equivalent::ALL
        .iter()
        .map(|e| (e.as_str().to_string(), labels::equivalent(*e).to_string()))
        .collect();
    let mut equivalents_or_none = vec![("none".to_string(), "Ingen – utdanningen holder ikke".to_string())];
    equivalents_or_none.extend(equivalents);
    html! {
        (layout::breadcrumbs(&[("/", "Arbeidsliste"), ("/utenlandske-saker", "Utenlandske kvalifikasjoner")], &c.reference()))
        h1 { "Sak " (c.reference()) ": " (c.title) }
        (forms::summary(errors, general))
        dl class="facts" {
            dt { "Tolk" } dd { a href={ "/tolker/" (c.number) } { (c.number) } }
            dt { "Språk" } dd { (labels::language(catalogue, c.language)) }
            dt { "Utdanning" } dd { (c.title) ", " (c.institution) ", " (c.country) " (fullført " (c.completed_on) ")" }
            dt { "Mottatt" } dd { (c.received_on) }
            dt { "Saksbehandler" } dd { (crate::labels::actor(&c.assigned_to)) }
            dt { "Status" } dd { (status(c)) }
            dt { "Mottak bekreftet" } dd { (c.acknowledged_on.map(|d| d.to_string()).unwrap_or_else(|| format!("nei – frist {}", rules.acknowledge_by(c.received_on)))) }
            dt { "Komplett dokumentasjon" } dd { (c.complete_on.map(|d| format!("{d} – vedtak innen {}", rules.decide_by(d))).unwrap_or_else(|| "nei".into())) }
        }
        @if let Some(id) = c.decision_id { p { a href={ "/vedtak/" (id) } { "Se vedtaksbrevet" } } }
        @if c.is_open() {
            @if c.acknowledged_on.is_none() {
                h2 { "Bekreft mottak" }
                form method="post" action={ "/utenlandske-saker/" (c.id) "/kvittering" } novalidate {
                    (forms::csrf(&staff.csrf))
                    (forms::date("acknowledged_on", "Mottaket bekreftet til søkeren", &f.acknowledged_on, errors))
                    div class="actions" { button type="submit" { "Registrer bekreftelse" } }
                }
            }
            h2 { "Dokumentasjon" }
            form method="post" action={ "/utenlandske-saker/" (c.id) "/dokumenter" } novalidate {
                (forms::csrf(&staff.csrf))
                fieldset {
                    legend { "Kryss av for dokumentene som er mottatt" }
                    @for item in ChecklistItem::ALL {
                        @if let Some((_, on)) = c.documents.iter().find(|(i, _)| *i == item) {
                            p { "✓ " (crate::labels::checklist_item(item)) " (mottatt " (on) ")" }
                        } @else {
                            (forms::checkbox(item.as_str(), crate::labels::checklist_item(item), f.ticked(item)))
                        }
                    }
                }
                (forms::date("documents_on", "Mottatt dato", &f.documents_on, errors))
                div class="actions" { button type="submit" { "Registrer dokumenter" } }
            }
            h2 { "Vurdering" }
            @if let Some(a) = &c.assessment { p { "Likeverdig med: " strong { (c.equivalent.map(labels::equivalent).unwrap_or("ingen")) } ". " (a) } }
            form method="post" action={ "/utenlandske-saker/" (c.id) "/vurdering" } novalidate {
                (forms::csrf(&staff.csrf))
                (forms::select("equivalent", "Norsk likeverdig kvalifikasjon", &equivalents_or_none, &f.equivalent, Some("Velg …"), errors))
                (forms::textarea("assessment", "Vurdering", &f.assessment, errors))
                div class="actions" { button type="submit" { "Lagre vurdering" } }
            }
            h2 { "Vedtak" }
            form method="post" action={ "/utenlandske-saker/" (c.id) "/vedtak" } novalidate {
                (forms::csrf(&staff.csrf))
                (forms::select("outcome", "Utfall", &forms::options(&[("approved", "godkjenning"), ("refused", "avslag")]), &f.outcome, Some("Velg …"), errors))
                (forms::textarea("reasons", "Begrunnelse", &f.reasons, errors))
                (forms::textarea("legal_basis", "Hjemmel", &f.legal_basis, errors))
                (forms::date("decided_on", "Vedtaksdato", &f.decided_on, errors))
                (forms::select("letter_language", "Målform i vedtaksbrevet", &forms::options(&[("nb", "bokmål"), ("nn", "nynorsk")]), &f.letter_language, None, errors))
                div class="actions" { button type="submit" { "Fatt vedtak" } }
            }
        }
    }
}

async fn load(state: &AdminState, raw: &str) -> Result<ForeignCase, AdminError> {
    let not_found = || AdminError::NotFound(format!("Fant ingen sak «{raw}»"));
    let id: i64 = raw.parse().map_err(|_| not_found())?;
    state.store.foreign_case(id).await?.ok_or_else(not_found)
}

async fn case_page(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
) -> Result<Markup, AdminError> {
    let case = load(&state, &id).await?;
    let body = case_view(&state, &user, &case, &CaseForm::default(), &Errors::default(), None);
    Ok(layout::page(&case.reference(), Some(&user), body))
}

/// The case page again with a form's errors, as a 422.
fn rejected(
    state: &AdminState,
    user: &Staff,
    case: &ForeignCase,
    f: &CaseForm,
    errors: &Errors,
    general: Option<&str>,
) -> Response {
    let body = case_view(state, user, case, f, errors, general);
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        layout::page(&case.reference(), Some(user), body),
    )
        .into_response()
}

/// Applies one step to the case and saves it; a refusal shows the page again with the form.
async fn step(
    state: &AdminState,
    user: &Staff,
    raw: &str,
    f: &CaseForm,
    change: impl FnOnce(&ForeignCase, &CaseForm) -> Result<ForeignCase, Errors>,
) -> Result<Response, AdminError> {
    let case = load(state, raw).await?;
    let again = |errors: &Errors, general: Option<&str>| rejected(state, user, &case, f, errors, general);
    let next = match change(&case, f) {
        Ok(next) => next,
        Err(errors) => return Ok(again(&errors, None)),
    };
    match state.store.save_foreign_case(&next).await {
        Ok(saved) => Ok(Redirect::to(&format!("/utenlandske-saker/{}", saved.id)).into_response()),
        Err(e) if e.is_user_error() => Ok(again(&Errors::default(), Some(&AdminError::from(e).message()))),
        Err(e) => Err(e.into()),
    }
}

/// A casework refusal as form errors: its fields, or the message on `field`.
fn refusal(e: register::casework::CaseworkError<StoreError>, field: &str) -> Errors {
    let e = AdminError::from(e);
    let fields = e.fields();
    if fields.is_empty() {
        Errors(vec![(field.to_string(), e.message())])
    } else {
        Errors(fields)
    }
}

async fn acknowledge(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<CaseForm>,
) -> Result<Response, AdminError> {
    step(&state, &user, &id, &f, |c, f| {
        let mut errors = Errors::default();
        let on = errors
            .take("acknowledged_on", parse_date(&f.acknowledged_on))
            .ok_or(errors)?;
        c.acknowledge(on, Timestamp::now().date())
            .map_err(|e| refusal(e.into(), "acknowledged_on"))
    })
    .await
}

async fn documents(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<CaseForm>,
) -> Result<Response, AdminError> {
    step(&state, &user, &id, &f, |c, f| {
        let mut errors = Errors::default();
        let on = errors.take("documents_on", parse_date(&f.documents_on)).ok_or(errors)?;
        let ticked: Vec<ChecklistItem> = ChecklistItem::ALL.into_iter().filter(|i| f.ticked(*i)).collect();
        if ticked.is_empty() {
            return Err(Errors(vec![(
                "documents_on".into(),
                "kryss av minst ett dokument".into(),
            )]));
        }
        let today = Timestamp::now().date();
        ticked
            .into_iter()
            .try_fold(c.clone(), |case, item| case.receive_document(item, on, today))
            .map_err(|e| refusal(e.into(), "documents_on"))
    })
    .await
}

async fn assess(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<CaseForm>,
) -> Result<Response, AdminError> {
    step(&state, &user, &id, &f, |c, f| {
        let equivalent = match f.equivalent.as_str() {
            "none" => None,
            other => Some(other.parse::<Equivalent>().map_err(|_| {
                Errors(vec![(
                    "equivalent".into(),
                    "velg likeverdig kvalifikasjon eller «ingen»".into(),
                )])
            })?),
        };
        c.assess(equivalent, &f.assessment)
            .map_err(|e| refusal(e.into(), "equivalent"))
    })
    .await
}

async fn decide(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<CaseForm>,
) -> Result<Response, AdminError> {
    let case = load(&state, &id).await?;
    let again = |errors: &Errors, general: Option<&str>| rejected(&state, &user, &case, &f, errors, general);
    let mut errors = Errors::default();
    let outcome = errors.take("outcome", f.outcome.parse::<Outcome>().map_err(|_| "velg utfall"));
    let decided_on = errors.take("decided_on", parse_date(&f.decided_on));
    let letter_language = errors.take(
        "letter_language",
        f.letter_language.parse::<LetterLanguage>().map_err(|_| "velg målform"),
    );
    let (Some(outcome), Some(decided_on), Some(letter_language)) = (outcome, decided_on, letter_language) else {
        return Ok(again(&errors, None));
    };
    let input = ForeignDecision {
        outcome,
        reasons: f.reasons.clone(),
        legal_basis: f.legal_basis.clone(),
        decided_on,
        letter_language,
        decided_by: user.actor(),
    };
    match workflow::decide_foreign_case(&state.store, &case, input, &state.settings.deadlines).await {
        Ok((_, decision)) => Ok(Redirect::to(&format!("/vedtak/{}?ok=decision", decision.id)).into_response()),
        Err(e) if e.is_user_error() => {
            let errors = refusal(e, "outcome");
            Ok(again(&errors, None))
        }
        Err(e) => Err(e.into()),
    }
}
