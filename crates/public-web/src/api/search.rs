//! `GET /api/v1/search`: the same parameters and rules as the results page, as JSON.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Uri, header};
use axum::response::{IntoResponse, Response};
use register::Timestamp;

use super::model::{FacetCounts, Interpreter, LanguageUnderstood, Problem, SearchResponse};
use crate::AppState;
use crate::error::ApiError;
use crate::params::SearchParams;

#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    summary = "Search listed interpreters",
    description = "Several values of one filter (comma-separated or repeated) mean any of them; different filters must all hold. Order: category A first, within a category a daily rotation; with `name`, exact matches first.",
    params(
        ("language" = Option<String>, Query, description = "Code, name (nb/nn/en), endonym or alias; typos tolerated", example = "arabisk"),
        ("category" = Option<String>, Query, description = "Minimum category, A (highest) to E", example = "C"),
        ("county" = Option<String>, Query, description = "County number(s)", example = "03"),
        ("gender" = Option<String>, Query, description = "female, male, unspecified"),
        ("mode" = Option<String>, Query, description = "on_site, telephone, video", example = "telephone,video"),
        ("availability" = Option<String>, Query, description = "full_time, part_time, occasional"),
        ("kind" = Option<String>, Query, description = "spoken, sign, speech_to_text, deafblind"),
        ("name" = Option<String>, Query, description = "Name (case-, diacritic- and typo-tolerant) or interpreter number"),
        ("page" = Option<usize>, Query, description = "1-based page, 1–10 000 (default 1); pages past the first 10 000 results are empty", example = 1),
        ("per_page" = Option<usize>, Query, description = "Results per page, 1–100 (default 20)", example = 20),
    ),
    responses(
        (status = 200, description = "One page of results with counts", body = SearchResponse),
        (status = 400, description = "A parameter is invalid (`invalid-parameter`, `page-out-of-range`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No register language matches `language` (`unknown-language`, with suggestions)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The index is starting or unavailable", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search(State(state): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    if !state.ready() {
        return Err(ApiError::Starting);
    }
    let key = ("api", uri.query().unwrap_or(""));
    let body = state
        .responses
        .get_or_render(key, state.index.version(), Timestamp::now().date(), || {
            let response = answer(&state, &uri)?;
            Ok::<_, ApiError>(Bytes::from(serde_json::to_vec(&response).unwrap_or_default()))
        })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

fn answer(state: &AppState, uri: &Uri) -> Result<SearchResponse, ApiError> {
    let params = SearchParams::parse_any_depth(uri.query())?;
    let catalogue = state.index.catalogue();
    let language = params.resolve_language(state.index.languages(), catalogue)?;
    let mut query = params.query(language.as_ref());
    let beyond = params.beyond_depth();
    if beyond {
        // The total and the counts as for any page; no hits are shown this deep.
        query.page = 1;
    }
    let results = state.index.search(&query)?;
    let hits = if beyond { &[][..] } else { &results.hits[..] };
    Ok(SearchResponse {
        total: results.total,
        page: params.filters.page,
        per_page: params.filters.per_page,
        language: language.map(|m| LanguageUnderstood {
            typed: params.language.clone().unwrap_or_default(),
            code: m.code.to_string(),
            name: catalogue
                .language(m.code)
                .map(|l| l.names.nb.clone())
                .unwrap_or_default(),
            exact: m.exact,
            codes: m.codes().iter().map(ToString::to_string).collect(),
            may_also_mean: m.others().iter().map(ToString::to_string).collect(),
        }),
        results: hits.iter().map(|p| Interpreter::new(catalogue, p)).collect(),
        facets: FacetCounts::new(catalogue, &results.facets),
    })
}
