//! Handlers of the public statistics pages (`/statistikk`, `/statistikk/sprak`,
//! `/statistikk/fylker`): read the day, get the figures from the register through the figures
//! cache, protect language × county, and hand them to the views. No counting, no words.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use std::sync::Arc;

use register::statistics::Figures;
use register::statistics::coverage::{Counting, CoverageParams};
use register::statistics::series_days;
use register::{Database, Timestamp};
use time::Date;

use super::{lang_of, render, unavailable};
use crate::AppState;
use crate::i18n::Lang;
use crate::statistics_query::{StatsError, chosen_day, query_value};
use crate::views::coverage::{coverage_page, no_demand_page};
use crate::views::errors::message_page;
use crate::views::statistics::{
    Overview, StatsPage, counties_page, error_page, language_rows, languages_page, overview_page,
};

/// Today in Norway: the last day with figures.
pub fn today() -> Date {
    Timestamp::now().date()
}

/// The page for a bad `dag` (400) with the form to correct it.
pub fn bad_request(uri: &Uri, lang: Lang, page: StatsPage, today: Date, error: &StatsError) -> Response {
    let typed = query_value(uri.query(), "dag").unwrap_or_default();
    let s = lang.texts().stats;
    render(
        error.status(),
        uri,
        lang,
        s.error_title,
        error_page(lang, page, &typed, today, &error.message(lang)),
    )
}

/// What a statistics page of one day starts from.
struct Chosen<'a> {
    lang: Lang,
    day: Date,
    today: Date,
    store: &'a Database,
}

/// The page's language, the chosen day and the register, or the response that says why not.
fn prepare<'a>(state: &'a AppState, uri: &Uri, page: StatsPage) -> Result<Chosen<'a>, Box<Response>> {
    let lang = lang_of(uri);
    let today = today();
    let day = chosen_day(uri.query(), today).map_err(|e| Box::new(bad_request(uri, lang, page, today, &e)))?;
    let Some(store) = state.store.as_ref() else {
        return Err(Box::new(unavailable(
            uri,
            lang,
            &"no register behind the statistics pages",
        )));
    };
    Ok(Chosen {
        lang,
        day,
        today,
        store,
    })
}

/// The figures of the chosen day (cached), or the response that says the register is away.
async fn figures_of(state: &AppState, uri: &Uri, c: &Chosen<'_>) -> Result<Arc<Figures>, Box<Response>> {
    state
        .figures
        .on(c.store, c.day, c.today)
        .await
        .map_err(|e| Box::new(unavailable(uri, c.lang, &e)))
}

pub async fn overview(State(state): State<AppState>, uri: Uri) -> Response {
    let chosen = match prepare(&state, &uri, StatsPage::Overview) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let figures = match figures_of(&state, &uri, &chosen).await {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let Chosen {
        lang,
        day,
        today,
        store,
    } = chosen;
    let days = series_days(2020, today);
    let series = match state.figures.series(store, &days, today).await {
        Ok(s) => s,
        Err(e) => return unavailable(&uri, lang, &e),
    };
    let main = overview_page(
        lang,
        &Overview {
            day,
            today,
            figures: &figures,
            series: &series,
        },
    );
    render(StatusCode::OK, &uri, lang, lang.texts().stats.title, main)
}

pub async fn languages(State(state): State<AppState>, uri: Uri) -> Response {
    let chosen = match prepare(&state, &uri, StatsPage::Languages) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let figures = match figures_of(&state, &uri, &chosen).await {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let Chosen {
        lang,
        day,
        today,
        store,
    } = chosen;
    let rows = language_rows(store.catalogue(), lang, &figures);
    let s = lang.texts().stats;
    render(
        StatusCode::OK,
        &uri,
        lang,
        s.languages_title,
        languages_page(lang, day, today, &rows),
    )
}

pub async fn counties(State(state): State<AppState>, uri: Uri) -> Response {
    let chosen = match prepare(&state, &uri, StatsPage::Counties) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let figures = match figures_of(&state, &uri, &chosen).await {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let Chosen {
        lang,
        day,
        today,
        store,
    } = chosen;
    let table = crate::statistics_tables::language_by_county_public(&figures, state.disclosure_threshold);
    let s = lang.texts().stats;
    render(
        StatusCode::OK,
        &uri,
        lang,
        s.counties_title,
        counties_page(lang, store.catalogue(), day, today, &table, state.disclosure_threshold),
    )
}

pub async fn coverage(State(state): State<AppState>, uri: Uri) -> Response {
    let lang = lang_of(&uri);
    let today = today();
    let s = lang.texts().stats;
    let Some(store) = state.store.as_ref() else {
        return unavailable(&uri, lang, &"no register behind the statistics pages");
    };
    let years = match store.demand_years().await {
        Ok(y) => y,
        Err(e) => return unavailable(&uri, lang, &e),
    };
    let Some(latest) = years.last().copied() else {
        return render(
            StatusCode::OK,
            &uri,
            lang,
            s.coverage_title,
            no_demand_page(lang, today),
        );
    };
    let year = match query_value(uri.query(), "ar") {
        None => latest,
        Some(typed) => match typed.parse::<i32>().ok().filter(|y| years.contains(y)) {
            Some(y) => y,
            None => {
                let e = StatsError::UnknownYear(typed);
                return render(
                    e.status(),
                    &uri,
                    lang,
                    s.error_title,
                    message_page(lang, s.coverage_title, &e.message(lang)),
                );
            }
        },
    };
    let counting = match query_value(uri.query(), "telling").as_deref() {
        Some("person") => Counting::UniquePerson,
        _ => Counting::PersonLanguage,
    };
    match store.coverage(year, CoverageParams::default(), counting).await {
        Ok(cov) => render(
            StatusCode::OK,
            &uri,
            lang,
            s.coverage_title,
            coverage_page(lang, store.catalogue(), today, &years, &cov),
        ),
        Err(e) => unavailable(&uri, lang, &e),
    }
}
