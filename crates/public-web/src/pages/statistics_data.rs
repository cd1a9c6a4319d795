//! The statistics downloads at stable URLs: `/statistikk/data/{table}.csv` and `.json`
//! (JSON-stat 2.0) for each public table, and `/statistikk/data/katalog.jsonld` (DCAT-AP-NO).
//! Reads the file name and the day, answers with the right media type; builds no table itself.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::{lang_of, unavailable};
use crate::AppState;
use crate::pages::statistics::{bad_request, today};
use crate::statistics_query::{StatsError, chosen_day};
use crate::views::statistics::{StatsPage, TABLE_IDS};

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

fn with_type(body: String, media_type: &'static str) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    r
}

pub async fn download(State(state): State<AppState>, Path(file): Path<String>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    let today = today();
    let what = match Download::parse(&file) {
        Ok(w) => w,
        Err(e) => return bad_request(&uri, lang, StatsPage::Overview, today, &e),
    };
    let day = match chosen_day(uri.query(), today) {
        Ok(d) => d,
        Err(e) => return bad_request(&uri, lang, StatsPage::Overview, today, &e),
    };
    let Some(_store) = state.store.as_ref() else {
        return unavailable(&uri, lang, &"no register behind the statistics downloads");
    };
    let _ = (what, day, with_type);
    unavailable(&uri, lang, &"downloads come with the open-data merge")
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
