//! The public statistics pages and downloads over HTTP on the fixture register's history, on
//! SQLite and PostgreSQL: table 3-4-1 as IMDi's annual report has it, persons and the share
//! highly qualified, a language × county cell hidden as the public sees it, the languages page,
//! the three languages, and 400/404 with a message for a bad date or table.

use crate::common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use public_web::{AppState, router};
use register::Database;
use register::generator::{self, Options};
use register::statistics::demand;
use search::SearchIndex;
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn get(app: &axum::Router, path: &str) -> Answer {
    let response = app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// The HTML of the table with `id`.
fn table<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no table {id}"));
    let end = html[start..].find("</table>").unwrap() + start;
    &html[start..end]
}

/// The cells' text of the row headed `label` in `table` (tags removed, no-break spaces kept
/// as plain spaces).
fn row(table: &str, label: &str) -> Vec<String> {
    let re = regex::Regex::new(r"(?s)<tr[^>]*>(.*?)</tr>").unwrap();
    let cell = regex::Regex::new(r"(?s)<t[hd][^>]*>(.*?)</t[hd]>").unwrap();
    let tag = regex::Regex::new(r"<[^>]+>").unwrap();
    for r in re.captures_iter(table) {
        let cells: Vec<String> = cell
            .captures_iter(&r[1])
            .map(|c| tag.replace_all(&c[1], "").replace('\u{a0}', " ").trim().to_string())
            .collect();
        if cells.first().map(String::as_str) == Some(label) {
            return cells[1..].to_vec();
        }
    }
    panic!("no row {label} in {table}");
}

async fn app_on(store: Database) -> axum::Router {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();
    let index = Arc::new(SearchIndex::open(None, store.catalogue().clone()).unwrap());
    router(AppState::with_index(index).with_store(store))
}

/// IMDi-shaped demand for the fixture register (invented numbers, labelled so in the file).
const DEMO_DEMAND: &str = include_str!("../../../../fixtures/demand-demo.csv");

async fn story(store: Database) {
    let app = app_on(store.clone()).await;

    // Table 3-4-1 exactly as the annual report 2023 has it, with each year's 31 December.
    let a = get(&app, "/statistikk?dag=2023-12-31").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let t = table(&a.body, "table-341");
    let years = row(t, "Kategori");
    assert_eq!(years[..4], ["2020", "2021", "2022", "2023"]);
    for (label, expected) in [
        ("A", ["18", "26", "66", "92"]),
        ("B", ["217", "234", "242", "483"]),
        ("C", ["43", "45", "42", "43"]),
        ("D", ["745", "814", "879", "997"]),
        ("E", ["630", "829", "1 016", "1 167"]),
        ("I alt", ["1 653", "1 948", "2 245", "2 782"]),
    ] {
        assert_eq!(row(t, label)[..4], expected, "row {label}");
    }
    // The key figures of the chosen day: persons and persons with two or more languages.
    assert!(a.body.contains("Tall per 31. desember 2023"));
    assert!(a.body.contains("<dd>2\u{a0}338</dd>"), "unique persons");
    assert!(a.body.contains("<dd>599</dd>"), "two or more languages");
    // Sign language first listed in 2023: 268 entries in the table by kind.
    assert_eq!(row(table(&a.body, "kinds"), "Tegnspråktolk").last().unwrap(), "268");
    // The series chart is an image with a title and a description, and its numbers as a table.
    assert!(
        a.body
            .contains("role=\"img\" aria-labelledby=\"series-chart-title series-chart-desc\"")
    );
    assert!(a.body.contains("id=\"series-table\""));
    assert_eq!(row(table(&a.body, "series-table"), "31.12.2022")[5], "2 245");
    // The date form and the downloads are on the page.
    assert!(
        a.body
            .contains("<input class=\"ds-input\" type=\"date\" id=\"dag\" name=\"dag\"")
    );
    assert!(a.body.contains("href=\"/statistikk/data/entries-by-category.csv\""));
    assert!(
        a.body
            .contains("href=\"/statistikk/data/language-by-county.json?dag=2023-12-31\"")
    );

    // Nynorsk and English.
    let nn = get(&app, "/statistikk?dag=2023-12-31&lang=nn").await;
    assert!(nn.body.contains("Tal per 31. desember 2023"), "nynorsk");
    let en = get(&app, "/statistikk?dag=2023-12-31&lang=en").await;
    assert!(en.body.contains("Figures as of 31 December 2023"));
    assert_eq!(row(table(&en.body, "table-341"), "Total")[3], "2,782");

    // Ukrainian: 13 at the end of 2022, 134 a year later, on the languages page.
    for (day, count) in [("2022-12-31", "13"), ("2023-12-31", "134")] {
        let l = get(&app, &format!("/statistikk/sprak?dag={day}")).await;
        assert_eq!(l.status, StatusCode::OK);
        assert_eq!(
            row(table(&l.body, "languages-table"), "ukrainsk").last().unwrap(),
            count,
            "{day}"
        );
    }
    let l = get(&app, "/statistikk/sprak?dag=2023-12-31").await;
    assert!(
        l.body
            .contains("aria-labelledby=\"top-languages-title top-languages-desc\"")
    );
    // Every language adds up to every kind's entries on the overview: one computation.
    assert_eq!(
        row(table(&l.body, "languages-table"), "I alt").last(),
        row(table(&a.body, "kinds"), "I alt").last()
    );

    // Language × county: small cells are hidden as the public sees them, the rule explained.
    let c = get(&app, "/statistikk/fylker?dag=2023-12-31").await;
    assert_eq!(c.status, StatusCode::OK);
    let counties = table(&c.body, "counties-table");
    assert!(
        counties.contains("<span aria-hidden=\"true\">–</span><span class=\"ds-sr-only\">skjult</span>"),
        "a hidden cell"
    );
    assert!(c.body.contains("Slik skjuler vi små tall"));
    assert!(c.body.contains("færre enn 3"));
    // No visible count below the threshold in a language's county cell.
    let tigrinya = row(counties, "tigrinja");
    for cell in &tigrinya[..tigrinya.len() - 1] {
        assert!(
            !["1", "2"].contains(&cell.as_str()),
            "tigrinja shows {cell}: {tigrinya:?}"
        );
    }

    // Downloads: CSV and JSON-stat with the same numbers, the catalogue in JSON-LD.
    let csv = get(&app, "/statistikk/data/entries-by-category.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        csv.headers["content-disposition"],
        "attachment; filename=\"entries-by-category.csv\""
    );
    assert!(
        csv.body.starts_with("day,Dato,category,Kategori,value,status\r\n"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("\r\n2023-12-31,31.12.2023,total,I alt,2782,\r\n"));
    assert!(csv.body.contains("\r\n2020-12-31,31.12.2020,A,A,18,\r\n"));
    let csv_en = get(&app, "/statistikk/data/entries-by-category.csv?lang=en").await;
    assert!(csv_en.body.contains("\r\n2023-12-31,2023-12-31,total,Total,2782,\r\n"));
    let json = get(&app, "/statistikk/data/entries-by-category.json").await;
    assert_eq!(json.headers["content-type"], "application/json");
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["version"], "2.0");
    assert_eq!(v["class"], "dataset");
    assert_eq!(v["id"], serde_json::json!(["day", "category"]));
    let days = v["dimension"]["day"]["category"]["index"].as_array().unwrap();
    let at = days.iter().position(|d| d == "2023-12-31").unwrap();
    assert_eq!(v["value"][at * 6 + 5], 2782, "total on 2023-12-31");
    assert_eq!(v["value"][at * 6], 92, "A on 2023-12-31");

    let county_csv = get(&app, "/statistikk/data/language-by-county.csv?dag=2023-12-31").await;
    assert_eq!(
        county_csv.headers["content-disposition"],
        "attachment; filename=\"language-by-county-2023-12-31.csv\""
    );
    assert!(county_csv.body.contains(",,:\r\n"), "hidden cells marked, no number");
    let county_json = get(&app, "/statistikk/data/language-by-county.json?dag=2023-12-31").await;
    let v: serde_json::Value = serde_json::from_str(&county_json.body).unwrap();
    let hidden: Vec<usize> = v["status"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, s)| *s == ":")
        .map(|(i, _)| i.parse().unwrap())
        .collect();
    assert!(!hidden.is_empty());
    for i in &hidden {
        assert!(v["value"][i].is_null(), "hidden cell {i} carries no number");
    }
    // As many hidden cells on the page as in the download.
    assert_eq!(counties.matches("class=\"num suppressed\"").count(), hidden.len());

    let catalogue = get(&app, "/statistikk/data/katalog.jsonld").await;
    assert_eq!(catalogue.status, StatusCode::OK);
    assert_eq!(catalogue.headers["content-type"], "application/ld+json");
    let v: serde_json::Value = serde_json::from_str(&catalogue.body).unwrap();
    let text = v.to_string();
    for id in [
        "entries-by-category",
        "persons",
        "kind-by-category",
        "language-by-category",
        "language-by-county",
    ] {
        assert!(text.contains(&format!("/statistikk/data/{id}.csv")), "{id}");
        assert!(text.contains(&format!("/statistikk/data/{id}.json")), "{id}");
    }
    assert!(text.contains("nlod"), "licence");

    // Coverage: without demand figures the page says so; with the demo file, per language.
    let none = get(&app, "/statistikk/dekning").await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.body.contains("Det er ikke lastet inn tall for etterspørsel"));
    let rows = demand::parse(DEMO_DEMAND, store.catalogue(), demand::years_up_to(2026)).unwrap();
    store.import_demand("test", "demand-demo.csv", "", &rows).await.unwrap();
    let cov = get(&app, "/statistikk/dekning?ar=2022").await;
    assert_eq!(cov.status, StatusCode::OK, "{}", cov.body);
    let t = table(&cov.body, "coverage-table");
    assert_eq!(row(t, "arabisk").last().unwrap(), "211", "Arabic the largest gap");
    assert_eq!(row(t, "I alt").last().unwrap(), "710", "211 + 499 missing");
    assert!(cov.body.contains("<dd>70\u{a0}%</dd>"), "70 % of demand covered");
    // The assumptions stand with the figures, and the gap chart is an image with its table.
    assert!(cov.body.contains("35\u{a0}% av et årsverk"));
    assert!(cov.body.contains("aria-labelledby=\"gap-chart-title gap-chart-desc\""));
    assert_eq!(row(table(&cov.body, "gap-table"), "arabisk"), ["211"]);
    let by_person = get(&app, "/statistikk/dekning?ar=2022&telling=person&lang=en").await;
    assert_eq!(by_person.status, StatusCode::OK);
    assert!(by_person.body.contains("checked value=\"person\"") || by_person.body.contains("value=\"person\" checked"));
    assert!(by_person.body.contains("35% of a full-time position"));
    let bad_year = get(&app, "/statistikk/dekning?ar=1999").await;
    assert_eq!(bad_year.status, StatusCode::NOT_FOUND);
    assert!(bad_year.body.contains("ingen tall for etterspørsel for «1999»"));

    // Bad input: a clear message in the page's language, never a 500.
    for (path, status, needle) in [
        (
            "/statistikk?dag=2019-12-31",
            StatusCode::BAD_REQUEST,
            "Statistikken begynner 1. januar 2020",
        ),
        ("/statistikk?dag=2099-01-01", StatusCode::BAD_REQUEST, "etter i dag"),
        (
            "/statistikk?dag=i+fjor",
            StatusCode::BAD_REQUEST,
            "«i fjor» er ikke en dato",
        ),
        (
            "/statistikk/sprak?dag=2023-02-30",
            StatusCode::BAD_REQUEST,
            "2023-02-30 finnes ikke",
        ),
        (
            "/statistikk/fylker?dag=2019-01-01&lang=en",
            StatusCode::BAD_REQUEST,
            "The statistics begin on 1 January 2020",
        ),
        (
            "/statistikk/fylker?dag=abc&lang=nn",
            StatusCode::BAD_REQUEST,
            "«abc» er ikkje ein dato",
        ),
        (
            "/statistikk/data/hemmelig.csv",
            StatusCode::NOT_FOUND,
            "ingen tabell som heter «hemmelig.csv»",
        ),
        (
            "/statistikk/data/persons.csv?dag=1999-01-01",
            StatusCode::BAD_REQUEST,
            "Statistikken begynner",
        ),
    ] {
        let a = get(&app, path).await;
        assert_eq!(a.status, status, "{path}: {}", a.body);
        assert!(a.body.contains(needle), "{path}: {}", a.body);
        assert_eq!(a.headers["content-type"], "text/html; charset=utf-8", "{path}");
    }
    // The form comes back filled with what was typed, marked invalid.
    let a = get(&app, "/statistikk?dag=%3Cscript%3E").await;
    assert!(
        a.body.contains("value=\"&lt;script&gt;\" aria-invalid=\"true\""),
        "{}",
        a.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    let f = common::sqlite().await;
    story(f.store.clone()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let Some(f) = common::postgres().await else {
        return;
    };
    story(f.store.clone()).await;
}
