//! The statistician's coverage pages: coverage per language for a year with demand
//! (`/statistikk/dekning`), and importing Tolkemonitor demand files (`/statistikk/ettersporsel`).
//! Pages and words only: parsing, storage and the arithmetic are in `register`.

use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{Markup, html};
use register::Catalogue;
use register::statistics::coverage::{Counting, Coverage, CoverageParams, InvalidParams};
use register::statistics::demand::{self, DemandProblem};
use register::store::demand::DemandImport;
use serde::Deserialize;

use crate::AdminState;
use crate::auth::Authorised;
use crate::auth::extract::csrf_valid;
use crate::auth::role::Statistics;
use crate::error::AdminError;
use crate::forms::{self, Errors};
use crate::labels;
use crate::layout;
use crate::upload;

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/statistikk/dekning", get(coverage_page))
        .route("/statistikk/ettersporsel", get(demand_page))
        .route("/statistikk/ettersporsel", post(import))
}

/// The coverage page's query string, as typed (a decimal comma is fine).
#[derive(Debug, Default, Deserialize)]
pub struct CoverageQuery {
    #[serde(default)]
    ar: Option<String>,
    #[serde(default)]
    andel: Option<String>,
    #[serde(default)]
    oppdrag: Option<String>,
}

fn number(value: &str) -> Option<f64> {
    value.trim().replace(',', ".").parse().ok()
}

/// The year and parameters asked for, or the fields to fix.
fn read_query(q: &CoverageQuery, years: &[i32]) -> Result<(Option<i32>, CoverageParams), Errors> {
    let mut errors = Errors::default();
    let defaults = CoverageParams::default();
    let year = match q.ar.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => years.last().copied(),
        Some(v) => match v.parse::<i32>() {
            Ok(y) if years.contains(&y) => Some(y),
            _ => {
                errors.push(
                    "ar",
                    format!("Det er ikke importert etterspørsel for «{v}»; velg et år i lista."),
                );
                None
            }
        },
    };
    let mut read = |field: &str, value: &Option<String>, default: f64| match value.as_deref().map(str::trim) {
        None | Some("") => Some(default),
        Some(v) => {
            let n = number(v);
            if n.is_none() {
                errors.push(field, format!("«{v}» er ikke et tall."));
            }
            n
        }
    };
    let share = read("andel", &q.andel, defaults.capacity_share);
    let per = read("oppdrag", &q.oppdrag, defaults.assignments_per_full_time);
    let params = match (share, per) {
        (Some(s), Some(p)) => match CoverageParams::new(s, p) {
            Ok(params) => Some(params),
            Err(InvalidParams::CapacityShare(_)) => {
                errors.push(
                    "andel",
                    "Kapasitetsandelen må være større enn 0 og høyst 1, f.eks. 0,35.",
                );
                None
            }
            Err(InvalidParams::AssignmentsPerFullTime(_)) => {
                errors.push("oppdrag", "Oppdrag per årsverk må være et positivt tall, f.eks. 1000.");
                None
            }
        },
        _ => None,
    };
    match params {
        Some(params) if errors.is_empty() => Ok((year, params)),
        _ => Err(errors),
    }
}

fn nb(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let (whole, fraction) = s.split_once('.').map_or((s.as_str(), None), |(w, f)| (w, Some(f)));
    // Thousands with a narrow no-break space, as Norwegian print does.
    let digits: Vec<char> = whole.trim_start_matches('-').chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(*c);
    }
    let sign = if whole.starts_with('-') { "-" } else { "" };
    match fraction {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |r| format!("{} %", nb(r * 100.0, 0)))
}

fn assumptions(params: &CoverageParams) -> String {
    format!(
        "kapasitetsandel {} årsverk per tolk (IMDis anslag er 0,35); {} oppdrag per årsverk (en antakelse)",
        nb(params.capacity_share, 2),
        nb(params.assignments_per_full_time, 0)
    )
}

fn coverage_table(catalogue: &Catalogue, c: &Coverage, id: &str) -> Markup {
    let (heading, how) = match c.counting {
        Counting::PersonLanguage => (
            "Talt som person × språk",
            "Hver oppføring teller som én tolk i sitt språk; en tolk med tre språk teller tre ganger.",
        ),
        Counting::UniquePerson => (
            "Talt som unike personer",
            "Hver person teller én gang, delt likt på språkene personen står oppført med.",
        ),
    };
    let t = &c.totals;
    html! {
        section aria-labelledby=(id) {
            h2 id=(id) { (heading) }
            p { (how) }
            p {
                "Andel av etterspørselen som dekkes: " strong { (percent(t.covered_share)) }
                ". Tolker som mangler: " strong { (t.interpreters_missing) }
                " i " (labels::count(t.languages_short, "språk", "språk")) "."
            }
            div class="table-scroll" {
                table {
                    caption {
                        "Dekning per språk i " (c.year) ", størst udekket etterspørsel først. Oppført per 31.12."
                        (c.year) "; " (assumptions(&c.params)) "."
                    }
                    thead {
                        tr {
                            th scope="col" { "Språk" }
                            th scope="col" { "Oppførte tolker" }
                            th scope="col" { "Kapasitet (årsverk)" }
                            th scope="col" { "Etterspørsel (oppdrag)" }
                            th scope="col" { "Etterspørsel (årsverk)" }
                            th scope="col" { "Dekningsgrad" }
                            th scope="col" { "Tolker som mangler" }
                            th scope="col" { "Udekkede oppdrag" }
                        }
                    }
                    tbody {
                        @for l in &c.languages {
                            tr {
                                th scope="row" { (labels::language(catalogue, l.language)) }
                                td class="number" { (nb(l.listed, 1)) }
                                td class="number" { (nb(l.capacity_full_time, 1)) }
                                td class="number" { (nb(l.demand_assignments as f64, 0)) }
                                td class="number" { (nb(l.demand_full_time, 1)) }
                                td class="number" { (percent(l.coverage)) }
                                td class="number" { (l.interpreters_missing) }
                                td class="number" { (nb(l.uncovered_assignments, 0)) }
                            }
                        }
                    }
                    tfoot {
                        tr {
                            th scope="row" { "Sum" }
                            td class="number" { (nb(t.listed, 1)) }
                            td class="number" { (nb(t.capacity_full_time, 1)) }
                            td class="number" { (nb(t.demand_assignments as f64, 0)) }
                            td class="number" { (nb(t.demand_full_time, 1)) }
                            td class="number" { (percent(t.coverage)) }
                            td class="number" { (t.interpreters_missing) }
                            td class="number" { (nb(t.uncovered_assignments, 0)) }
                        }
                    }
                }
            }
        }
    }
}

fn coverage_form(years: &[i32], q: &CoverageQuery, year: Option<i32>, errors: &Errors) -> Markup {
    let defaults = CoverageParams::default();
    let year_options: Vec<(String, String)> = years.iter().rev().map(|y| (y.to_string(), y.to_string())).collect();
    let chosen = year.map(|y| y.to_string()).unwrap_or_default();
    let share = q.andel.clone().unwrap_or_else(|| nb(defaults.capacity_share, 2));
    let per = q
        .oppdrag
        .clone()
        .unwrap_or_else(|| format!("{}", defaults.assignments_per_full_time));
    html! {
        form method="get" action="/statistikk/dekning" novalidate {
            (forms::select("ar", "År", &year_options, &chosen, None, errors))
            (forms::input("text", "andel", "Kapasitetsandel per tolk (årsverk, over 0 og høyst 1)", &share, errors,
                Some("IMDis anslag: en tolk kan utføre om lag 35 % av et årsverk.")))
            (forms::input("text", "oppdrag", "Oppdrag per årsverk", &per, errors,
                Some("En antakelse: om lag 1 000 oppdrag i året for en tolk i full stilling.")))
            div class="actions" { button type="submit" { "Vis dekning" } }
        }
    }
}

/// `GET /statistikk/dekning?ar=2022&andel=0,35&oppdrag=1000`.
async fn coverage_page(
    State(state): State<AdminState>,
    user: Authorised<Statistics>,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, AdminError> {
    let years = state.store.demand_years().await?;
    let trail = layout::breadcrumbs(&[("/statistikk", "Statistikk")], "Dekning per språk");
    let intro = html! {
        h1 { "Dekning per språk" }
        p {
            "Kapasiteten til tolkene som står oppført 31. desember, sammenholdt med etterspørselen "
            "offentlige virksomheter har meldt til Tolkemonitor for samme år. Kapasitet = oppførte tolker × "
            "kapasitetsandel; dekningsgrad = kapasitet ÷ etterspørsel; tolker som mangler er rundet opp. "
            "Språk uten importert etterspørsel er ikke med."
        }
        p { a href="/statistikk/ettersporsel" { "Importer etterspørsel fra Tolkemonitor" } }
    };
    if years.is_empty() {
        let body = html! {
            (trail) (intro)
            p class="notice" { "Det er ikke importert etterspørsel ennå." }
        };
        return Ok(layout::page("Dekning per språk", Some(&user), body).into_response());
    }
    let (year, params) = match read_query(&q, &years) {
        Ok(read) => read,
        Err(errors) => {
            let body = html! {
                (trail) (intro)
                (forms::summary(&errors, Some("Dekningen kan ikke regnes ut med disse verdiene.")))
                (coverage_form(&years, &q, None, &errors))
            };
            let page = layout::page("Dekning per språk", Some(&user), body);
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    };
    let year = year.unwrap_or_default();
    let by_entry = state.store.coverage(year, params, Counting::PersonLanguage).await?;
    let by_person = state.store.coverage(year, params, Counting::UniquePerson).await?;
    let catalogue = state.store.catalogue();
    let without: Vec<String> = by_entry
        .without_interpreters()
        .map(|l| labels::language(catalogue, l.language))
        .collect();
    let body = html! {
        (trail) (intro)
        (coverage_form(&years, &q, Some(year), &Errors::default()))
        p class="facts" { "Forutsetninger for alle tall på siden: " (assumptions(&params)) "." }
        @if !without.is_empty() {
            section aria-labelledby="uten-tolk" {
                h2 id="uten-tolk" { "Etterspørsel uten noen oppført tolk" }
                ul { @for name in &without { li { (name) } } }
            }
        }
        (coverage_table(catalogue, &by_entry, "person-sprak"))
        (coverage_table(catalogue, &by_person, "unike-personer"))
    };
    Ok(layout::page(&format!("Dekning per språk {year}"), Some(&user), body).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct DemandQuery {
    #[serde(default)]
    importert: Option<i64>,
}

/// What the import form needs to be shown again.
#[derive(Default)]
struct Refusal {
    file_name: String,
    note: String,
    problems: Vec<DemandProblem>,
    message: Option<String>,
}

fn imports_table(imports: &[DemandImport]) -> Markup {
    let years = |ys: &[i32]| ys.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    html! {
        section aria-labelledby="tidligere" {
            h2 id="tidligere" { "Importer" }
            @if imports.is_empty() {
                p { "Ingen etterspørsel er importert ennå." }
            } @else {
                p { "Tallene for et år er fra den siste importen med rader for det året. Eldre importer blir stående." }
                div class="table-scroll" {
                    table {
                        caption { "Importerte filer, nyeste først" }
                        thead {
                            tr {
                                th scope="col" { "Nr." }
                                th scope="col" { "Importert" }
                                th scope="col" { "Av" }
                                th scope="col" { "Fil" }
                                th scope="col" { "Merknad" }
                                th scope="col" { "Rader" }
                                th scope="col" { "År i filen" }
                                th scope="col" { "Gjeldende for" }
                            }
                        }
                        tbody {
                            @for i in imports {
                                tr {
                                    td { (i.id) }
                                    td { (labels::instant(i.imported_at)) }
                                    td { (labels::actor(&i.imported_by)) }
                                    td { (i.file_name) }
                                    td { (i.note) }
                                    td class="number" { (i.rows) }
                                    td { (years(&i.years)) }
                                    td { @if i.current_years.is_empty() { "ingen (erstattet)" } @else { (years(&i.current_years)) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn demand_view(
    state: &AdminState,
    user: &Authorised<Statistics>,
    imported: Option<i64>,
    refusal: Option<&Refusal>,
) -> Result<Markup, AdminError> {
    let imports = state.store.demand_imports().await?;
    let done = imported.and_then(|id| imports.iter().find(|i| i.id == id));
    let note = refusal.map_or("", |r| r.note.as_str());
    let errors = Errors::default();
    let body = html! {
        (layout::breadcrumbs(&[("/statistikk", "Statistikk")], "Etterspørsel"))
        h1 { "Etterspørsel fra Tolkemonitor" }
        @if let Some(i) = done {
            div class="notice success" role="status" {
                p {
                    "Importerte " (i.rows) " rader fra " (i.file_name) " for "
                    (i.years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")) ". "
                    a href={ "/statistikk/dekning?ar=" (i.years.last().copied().unwrap_or_default()) } { "Se dekningen" }
                }
            }
        }
        @if let Some(r) = refusal {
            div class="notice error" role="alert" {
                p {
                    strong { (r.file_name) } " ble ikke importert; ingenting er lagret. "
                    @if let Some(m) = &r.message { (m) }
                    @else { "Rett " (labels::count(r.problems.len(), "feil", "feil")) " i filen og last den opp på nytt:" }
                }
                @if !r.problems.is_empty() {
                    ul { @for p in &r.problems { li { (p) } } }
                }
            }
        }
        p {
            "Last opp en CSV-fil (UTF-8) med overskriftsrad og kolonnene "
            code { "language" } ", " code { "year" } " og " code { "assignments" } ", og eventuelt "
            code { "county" } " (fylkesnummer) og " code { "sector" } ". Skilletegnet kan være semikolon eller komma; "
            "linjer som begynner med # er kommentarer. Språket kan oppgis med kode eller navn. "
            "Er én rad feil, importeres ingenting, og alle feil vises linje for linje."
        }
        form method="post" action="/statistikk/ettersporsel" enctype="multipart/form-data" novalidate {
            (forms::csrf(&user.csrf))
            div class="field" {
                label for="file" { "Fil (CSV)" }
                input type="file" id="file" name="file" accept=".csv,text/csv";
            }
            (forms::input("text", "note", "Merknad (hvorfor, kilde)", note, &errors, Some("F.eks. «Tolkemonitor 2023, endelige tall».")))
            div class="actions" { button type="submit" { "Importer" } }
        }
        (imports_table(&imports))
    };
    Ok(layout::page("Etterspørsel", Some(user), body))
}

/// `GET /statistikk/ettersporsel`.
async fn demand_page(
    State(state): State<AdminState>,
    user: Authorised<Statistics>,
    Query(q): Query<DemandQuery>,
) -> Result<Markup, AdminError> {
    let imported = q.importert;
    demand_view(&state, &user, imported, None).await
}

/// `POST /statistikk/ettersporsel` (multipart): imports the file whole, or shows every problem.
async fn import(
    State(state): State<AdminState>,
    user: Authorised<Statistics>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AdminError> {
    let multipart = multipart
        .map_err(|_| AdminError::BadRequest("Filen må sendes som et skjema med fil (multipart/form-data).".into()))?;
    let again = |status: StatusCode, refusal: Refusal| {
        let state = state.clone();
        let user = &user;
        async move {
            let page = demand_view(&state, user, None, Some(&refusal)).await?;
            Ok::<Response, AdminError>((status, page).into_response())
        }
    };
    let upload = match upload::read(multipart, "note", "Filen er for stor.").await {
        Ok(u) => u,
        Err((status, message)) => {
            let refusal = Refusal {
                file_name: "Filen".into(),
                message: Some(message),
                ..Refusal::default()
            };
            return again(status, refusal).await;
        }
    };
    // Nothing is read into the register before the token is known to belong to this session.
    if !csrf_valid(&state, &user, &headers, &upload.csrf) {
        return Err(AdminError::Csrf);
    }
    let file_name = match upload.file_name.trim() {
        "" => "Filen".to_string(),
        name => name.chars().take(200).collect(),
    };
    let note: String = upload.text.trim().chars().take(500).collect();
    let refuse = |message: Option<&str>, problems: Vec<DemandProblem>| Refusal {
        file_name: file_name.clone(),
        note: note.clone(),
        problems,
        message: message.map(str::to_string),
    };
    if upload.content.is_empty() {
        let refusal = refuse(Some("Velg en fil med etterspørsel."), Vec::new());
        return again(StatusCode::UNPROCESSABLE_ENTITY, refusal).await;
    }
    let Ok(text) = String::from_utf8(upload.content) else {
        let refusal = refuse(
            Some("Filen er ikke UTF-8-tekst. Lagre den som «CSV UTF-8» i regnearket og prøv igjen."),
            Vec::new(),
        );
        return again(StatusCode::UNPROCESSABLE_ENTITY, refusal).await;
    };
    let last_year = register::Timestamp::now().date().year() + 1;
    match demand::parse(&text, state.store.catalogue(), demand::years_up_to(last_year)) {
        Err(e) => again(StatusCode::UNPROCESSABLE_ENTITY, refuse(None, e.problems)).await,
        Ok(rows) => {
            let done = state
                .store
                .import_demand(&user.actor(), &file_name, &note, &rows)
                .await?;
            Ok(Redirect::to(&format!("/statistikk/ettersporsel?importert={}", done.id)).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(ar: Option<&str>, andel: Option<&str>, oppdrag: Option<&str>) -> CoverageQuery {
        CoverageQuery {
            ar: ar.map(str::to_string),
            andel: andel.map(str::to_string),
            oppdrag: oppdrag.map(str::to_string),
        }
    }

    #[test]
    fn the_query_is_validated_field_by_field() {
        let years = [2022, 2023];
        let (year, params) = read_query(&query(None, None, None), &years).unwrap();
        assert_eq!(year, Some(2023), "the latest year by default");
        assert_eq!(params, CoverageParams::default());
        let (year, params) = read_query(&query(Some("2022"), Some("0,5"), Some("800")), &years).unwrap();
        assert_eq!(year, Some(2022));
        assert_eq!(params.capacity_share, 0.5);
        assert_eq!(params.assignments_per_full_time, 800.0);
        let bad = [
            (query(Some("2019"), None, None), "ar"),
            (query(Some("x"), None, None), "ar"),
            (query(None, Some("0"), None), "andel"),
            (query(None, Some("1,2"), None), "andel"),
            (query(None, Some("mye"), None), "andel"),
            (query(None, None, Some("0")), "oppdrag"),
            (query(None, None, Some("-5")), "oppdrag"),
        ];
        for (q, field) in bad {
            let errors = read_query(&q, &years).unwrap_err();
            assert!(errors.get(field).is_some(), "{q:?}: {:?}", errors.0);
        }
    }

    #[test]
    fn numbers_are_written_the_norwegian_way() {
        assert_eq!(nb(1234567.891, 1), "1\u{202f}234\u{202f}567,9");
        assert_eq!(nb(0.35, 2), "0,35");
        assert_eq!(nb(999.0, 0), "999");
        assert_eq!(percent(Some(0.7)), "70 %");
        assert_eq!(percent(None), "–");
    }
}
