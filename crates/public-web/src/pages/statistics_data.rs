//! The statistics downloads at stable URLs: `/statistikk/data/{table}.csv` and `.json`
//! (JSON-stat 2.0) for each public table, and `/statistikk/data/katalog.jsonld` (DCAT-AP-NO).
//! Reads the file name and the day, answers with the right media type; builds no table itself.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use register::statistics::{Figures, series_days};
use time::OffsetDateTime;

use super::{lang_of, unavailable};
use crate::AppState;
use crate::open_data_labels::{PublicLabels, datasets};
use crate::pages::statistics::{bad_request, today};
use crate::statistics_query::{StatsError, chosen_day};
use crate::statistics_tables::{day_table, series_table};
use crate::views::statistics::{StatsPage, TABLE_IDS, is_single_day};

/// What a download's file name asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    Csv(&'static str),
    JsonStat(&'static str),
    Catalogue,
}

impl Download {
    /// Reads `{table}.csv`, `{table}.json` or `katalog.jsonld`.
    pub fn parse(file: &str) -> Result<Download, StatsError> {
        if file == "katalog.jsonld" {
            return Ok(Download::Catalogue);
        }
        let unknown = || StatsError::UnknownTable(file.to_string());
        let (name, ext) = file.rsplit_once('.').ok_or_else(unknown)?;
        let id = TABLE_IDS.iter().copied().find(|t| *t == name).ok_or_else(unknown)?;
        match ext {
            "csv" => Ok(Download::Csv(id)),
            "json" => Ok(Download::JsonStat(id)),
            _ => Err(unknown()),
        }
    }
}

fn file(body: String, media_type: &'static str, filename: Option<String>) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    let headers = r.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    if let Some(name) = filename
        && let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// The site's address as the request reached it, for the catalogue's absolute URLs.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b)))
        .unwrap_or("localhost");
    let scheme = match headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}")
}

pub async fn download(
    State(state): State<AppState>,
    Path(name): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&uri);
    let today = today();
    let what = match Download::parse(&name) {
        Ok(w) => w,
        Err(e) => return bad_request(&uri, lang, StatsPage::Overview, today, &e),
    };
    let day = match chosen_day(uri.query(), today) {
        Ok(d) => d,
        Err(e) => return bad_request(&uri, lang, StatsPage::Overview, today, &e),
    };
    let id = match what {
        Download::Catalogue => {
            let body = open_data::dcat::catalogue(&base_url(&headers), &datasets());
            return file(body.to_string(), "application/ld+json", None);
        }
        Download::Csv(id) | Download::JsonStat(id) => id,
    };
    let Some(store) = state.store.as_ref() else {
        return unavailable(&uri, lang, &"no register behind the statistics downloads");
    };
    let table = if is_single_day(id) {
        match state.figures.on(store, day, today).await {
            Ok(f) => day_table(id, &f, state.disclosure_threshold),
            Err(e) => return unavailable(&uri, lang, &e),
        }
    } else {
        match state.figures.series(store, &series_days(2020, today), today).await {
            Ok(s) => series_table(id, &s.iter().map(|f| Figures::clone(f)).collect::<Vec<_>>()),
            Err(e) => return unavailable(&uri, lang, &e),
        }
    };
    let Some(table) = table else {
        return bad_request(&uri, lang, StatsPage::Overview, today, &StatsError::UnknownTable(name));
    };
    let labels = PublicLabels {
        lang,
        catalogue: store.catalogue(),
    };
    let stem = match table.day {
        Some(day) => format!("{id}-{day}"),
        None => id.to_string(),
    };
    match what {
        Download::Csv(_) => file(
            open_data::csv::write(&table, &labels),
            "text/csv; charset=utf-8",
            Some(format!("{stem}.csv")),
        ),
        _ => {
            let body = open_data::jsonstat::dataset(&table, &labels, OffsetDateTime::now_utc());
            file(body.to_string(), "application/json", None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_name_a_table_and_a_format() {
        assert_eq!(Download::parse("persons.csv"), Ok(Download::Csv("persons")));
        assert_eq!(
            Download::parse("language-by-county.json"),
            Ok(Download::JsonStat("language-by-county"))
        );
        assert_eq!(Download::parse("katalog.jsonld"), Ok(Download::Catalogue));
        for bad in ["persons", "persons.xlsx", "secrets.csv", "../persons.csv", ".csv", ""] {
            assert_eq!(Download::parse(bad), Err(StatsError::UnknownTable(bad.into())), "{bad}");
        }
    }
}
