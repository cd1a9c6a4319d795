//! The JSON API's errors as RFC 9457 problem details (`application/problem+json`): each variant
//! has a stable `type` (and the same `code`), a status, and a title and detail in the request's
//! language (`lang`, else Accept-Language, else bokmål). Internal causes are logged, never shown.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use register::ui_language::UiLanguage;
use register::{InterpreterNumber, LanguageCode};

use crate::api::model::Problem;
use crate::i18n::Lang;
use crate::params::ParamError;

/// The media type of every API error (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The prefix of every problem type; the rest is the code.
pub const PROBLEM_TYPE_PREFIX: &str = "urn:tolkeregister:problem:";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// A parameter with a value outside what the OpenAPI document allows.
    InvalidParameter {
        param: &'static str,
        value: String,
    },
    /// `page` or `per_page` outside its range.
    PageRange,
    InvalidNumber(String),
    InvalidLanguageCode(String),
    /// A `language` nobody recognised, with languages that start alike.
    UnknownLanguage {
        typed: String,
        suggestions: Vec<LanguageCode>,
    },
    InterpreterNotFound(InterpreterNumber),
    LanguageNotFound(LanguageCode),
    /// A path the API does not have.
    NotFound,
    /// The index is being built.
    Starting,
    /// The index failed (logged where it happened).
    Unavailable,
}

impl ApiError {
    /// Every code, for the OpenAPI document and its test.
    pub const CODES: [&'static str; 10] = [
        "invalid-parameter",
        "page-out-of-range",
        "invalid-interpreter-number",
        "invalid-language-code",
        "unknown-language",
        "interpreter-not-found",
        "language-not-found",
        "not-found",
        "starting",
        "unavailable",
    ];

    /// The stable, machine-readable code (the end of `type`).
    pub fn code(&self) -> &'static str {
        let i = match self {
            ApiError::InvalidParameter { .. } => 0,
            ApiError::PageRange => 1,
            ApiError::InvalidNumber(_) => 2,
            ApiError::InvalidLanguageCode(_) => 3,
            ApiError::UnknownLanguage { .. } => 4,
            ApiError::InterpreterNotFound(_) => 5,
            ApiError::LanguageNotFound(_) => 6,
            ApiError::NotFound => 7,
            ApiError::Starting => 8,
            ApiError::Unavailable => 9,
        };
        Self::CODES[i]
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidParameter { .. }
            | ApiError::PageRange
            | ApiError::InvalidNumber(_)
            | ApiError::InvalidLanguageCode(_) => StatusCode::BAD_REQUEST,
            // The request is well-formed; what it names does not exist.
            ApiError::UnknownLanguage { .. }
            | ApiError::InterpreterNotFound(_)
            | ApiError::LanguageNotFound(_)
            | ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Starting | ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The problem document in `lang`.
    pub fn problem(&self, lang: Lang) -> Problem {
        let t = lang.texts();
        let p = &t.problems;
        let (title, detail) = match self {
            ApiError::InvalidParameter { param, value } => {
                (p.invalid_parameter, (t.error_invalid)((t.param)(param), value))
            }
            ApiError::PageRange => (p.page_range, t.error_page_range.to_string()),
            ApiError::InvalidNumber(v) => (p.invalid_number, (t.error_invalid_number)(v)),
            ApiError::InvalidLanguageCode(v) => (p.invalid_language_code, (p.invalid_language_code_detail)(v)),
            ApiError::UnknownLanguage { typed, .. } => (p.unknown_language, (t.error_unknown_language)(typed)),
            ApiError::InterpreterNotFound(n) => (
                p.interpreter_not_found,
                (p.interpreter_not_found_detail)(&n.to_string()),
            ),
            ApiError::LanguageNotFound(c) => (p.language_not_found, (p.language_not_found_detail)(&c.to_string())),
            ApiError::NotFound => (p.not_found, t.not_found_text.to_string()),
            ApiError::Starting => (p.starting, t.starting_text.to_string()),
            ApiError::Unavailable => (p.unavailable, t.unavailable_text.to_string()),
        };
        Problem {
            r#type: format!("{PROBLEM_TYPE_PREFIX}{}", self.code()),
            code: self.code().to_string(),
            title: title.to_string(),
            status: self.status().as_u16(),
            error: detail.clone(),
            detail,
            suggestions: match self {
                ApiError::UnknownLanguage { suggestions, .. } => {
                    Some(suggestions.iter().map(|c| c.to_string()).collect())
                }
                _ => None,
            },
        }
    }

    /// The response in `lang`, carrying the error so [`localise`] can answer in another one.
    pub fn render(&self, lang: Lang) -> Response {
        let body = serde_json::to_vec(&self.problem(lang)).unwrap_or_default();
        let mut response = (self.status(), Body::from(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
        headers.insert(header::VARY, HeaderValue::from_static("accept-language"));
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response.extensions_mut().insert(self.clone());
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.render(Lang::Nb)
    }
}

impl From<search::SearchError> for ApiError {
    fn from(e: search::SearchError) -> Self {
        match e {
            search::SearchError::OutOfRange { .. } => ApiError::PageRange,
            other => {
                tracing::error!(error = %other, "search failed");
                ApiError::Unavailable
            }
        }
    }
}

impl From<ParamError> for ApiError {
    fn from(e: ParamError) -> Self {
        match e {
            ParamError::Invalid { param, value } => ApiError::InvalidParameter { param, value },
            ParamError::UnknownLanguage { typed, suggestions } => ApiError::UnknownLanguage { typed, suggestions },
            ParamError::PageRange => ApiError::PageRange,
        }
    }
}

/// The `lang` values of a query string (the API refuses any other than `nb`, `nn`, `en`).
fn lang_values(query: Option<&str>) -> Vec<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or("")).unwrap_or_default();
    pairs.into_iter().filter(|(k, _)| k == "lang").map(|(_, v)| v).collect()
}

/// Middleware over the API: refuses an unknown `lang`, and writes every problem the handlers
/// (and the 404 fallback) return in the request's language.
pub async fn localise(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let langs = lang_values(request.uri().query());
    let accept = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let lang = Lang::negotiate(langs.last().map(String::as_str), accept.as_deref());
    if let Some(bad) = langs.iter().find(|v| UiLanguage::from_code(v).is_none()) {
        return ApiError::InvalidParameter {
            param: "lang",
            value: bad.clone(),
        }
        .render(lang);
    }
    let response = next.run(request).await;
    match response.extensions().get::<ApiError>() {
        Some(error) if lang != Lang::Nb => error.clone().render(lang),
        _ => response,
    }
}
