//! The admin service's one error type and how it becomes a response: the right status code, a
//! safe message (pages in bokmål or JSON), and internal causes logged, never shown.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use register::StoreError;
use register::casework::CaseworkError;
use register::tips::TipError;
use register::ui_language::UiLanguage;
use serde_json::json;

use crate::auth::AuthError;
use crate::layout;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("Du må logge inn for å bruke saksbehandlertjenesten.")]
    Unauthenticated(AuthError),
    #[error("Du har ikke tilgang til dette med rollen din.")]
    Forbidden,
    #[error("Skjemaet var utløpt eller kom ikke fra denne tjenesten. Last siden på nytt og prøv igjen.")]
    Csrf,
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error(transparent)]
    Casework(#[from] CaseworkError<StoreError>),
    /// A refusal or failure from tip casework; `tips::status_of` says its status.
    #[error(transparent)]
    Tip(#[from] TipError<StoreError>),
    /// The database does not answer (stopped, restarting, overloaded): 503, try again later.
    #[error("{UNAVAILABLE}")]
    Unavailable(String),
    #[error("intern feil")]
    Internal(String),
}

/// What staff read while the database is away; the cause goes to the log.
pub const UNAVAILABLE: &str =
    "Registeret er midlertidig utilgjengelig fordi databasen ikke svarer. Ingenting er lagret. Prøv igjen om litt.";

impl From<StoreError> for AdminError {
    fn from(e: StoreError) -> Self {
        if e.is_unavailable() {
            return AdminError::Unavailable(e.to_string());
        }
        AdminError::Casework(CaseworkError::Store(e))
    }
}

impl AdminError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::Csrf => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Tip(e) => crate::tips::status_of(e),
            Self::Casework(e) => match e {
                CaseworkError::Store(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
                CaseworkError::CaseNotFound(_)
                | CaseworkError::DecisionNotFound(_)
                | CaseworkError::ApprovalNotFound(_)
                | CaseworkError::Store(StoreError::NotFound(_)) => StatusCode::NOT_FOUND,
                CaseworkError::OwnRequest | CaseworkError::NotSenior => StatusCode::FORBIDDEN,
                CaseworkError::Conflict
                | CaseworkError::ApprovalClosed
                | CaseworkError::AlreadyDecided
                | CaseworkError::AlreadyAcknowledged
                | CaseworkError::Store(StoreError::Backdated { .. })
                | CaseworkError::Store(StoreError::DuplicateNationalId(_)) => StatusCode::CONFLICT,
                e if e.is_user_error() => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            },
        }
    }

    /// The message for the user; internal causes are replaced by a generic one.
    pub fn message(&self) -> String {
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            UNAVAILABLE.into()
        } else if self.status().is_server_error() {
            "Noe gikk galt hos oss. Prøv igjen om litt; vedvarer feilen, kontakt brukerstøtte.".into()
        } else if let Self::Tip(e) = self {
            crate::tips::message_of(e)
        } else if let Some(worded) = self.worded_refusal() {
            worded
        } else {
            self.to_string()
        }
    }

    /// Staff words for a refusal the register gives typed (a status, an event, a document).
    fn worded_refusal(&self) -> Option<String> {
        match self {
            Self::Casework(e) => crate::labels::casework_refusal(e),
            _ => None,
        }
    }

    /// Per-field messages, where the error has them.
    pub fn fields(&self) -> Vec<(String, String)> {
        match self {
            Self::Casework(CaseworkError::Invalid(fields)) | Self::Tip(TipError::Invalid(fields)) => fields.clone(),
            Self::Tip(TipError::Term(problems)) => problems.iter().map(crate::labels::term_problem).collect(),
            Self::Casework(CaseworkError::Store(StoreError::Rule(register::rules::RuleError::InvalidProfile(f)))) => {
                f.clone()
            }
            Self::Casework(CaseworkError::Store(e @ StoreError::DuplicateNationalId(_))) => {
                vec![("national_id".into(), e.to_string())]
            }
            _ => Vec::new(),
        }
    }

    /// The stable code of this error's problem type (the end of its `type` URI).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::Csrf => "csrf",
            Self::NotFound(_) => "not-found",
            Self::BadRequest(_) => "bad-request",
            Self::Internal(_) => "internal",
            Self::Unavailable(_) => "unavailable",
            Self::Tip(TipError::Conflict) => "conflict",
            Self::Tip(TipError::OwnProposal) => "own-request",
            Self::Tip(TipError::NotSenior) => "not-senior",
            Self::Tip(_) => match self.status() {
                StatusCode::NOT_FOUND => "not-found",
                StatusCode::FORBIDDEN => "forbidden",
                StatusCode::SERVICE_UNAVAILABLE => "unavailable",
                s if s.is_server_error() => "internal",
                _ => "invalid",
            },
            Self::Casework(e) => match e {
                CaseworkError::OwnRequest => "own-request",
                CaseworkError::NotSenior => "not-senior",
                CaseworkError::Conflict => "conflict",
                CaseworkError::ApprovalClosed => "approval-closed",
                CaseworkError::AlreadyDecided | CaseworkError::AlreadyAcknowledged => "already-done",
                CaseworkError::Store(StoreError::Backdated { .. }) => "backdated",
                CaseworkError::Store(StoreError::DuplicateNationalId(_)) => "duplicate-national-id",
                _ => match self.status() {
                    StatusCode::NOT_FOUND => "not-found",
                    StatusCode::SERVICE_UNAVAILABLE => "unavailable",
                    s if s.is_server_error() => "internal",
                    _ => "invalid",
                },
            },
        }
    }

    /// This error as problem details, ready to be written in any language.
    pub fn problem(&self) -> AdminProblem {
        AdminProblem {
            code: self.code(),
            status: self.status(),
            detail: self.message(),
            fields: self.fields(),
        }
    }

    fn log(&self) {
        if self.status() == StatusCode::SERVICE_UNAVAILABLE {
            tracing::warn!(error = %self, detail = ?self, "admin request refused: the database does not answer");
        } else if self.status().is_server_error() {
            tracing::error!(error = %self, detail = ?self, "admin request failed");
        }
    }

    /// The response as JSON (the API) or as a page.
    pub fn render(self, json: bool) -> Response {
        self.log();
        let status = self.status();
        let mut response = self.response(status, json);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response
    }

    fn response(self, status: StatusCode, json: bool) -> Response {
        if json {
            return self.problem().render(UiLanguage::Nb);
        }
        let title = match status {
            StatusCode::UNAUTHORIZED => "Logg inn",
            StatusCode::FORBIDDEN => "Ingen tilgang",
            StatusCode::NOT_FOUND => "Fant ikke siden",
            StatusCode::SERVICE_UNAVAILABLE => "Midlertidig utilgjengelig",
            s if s.is_server_error() => "Feil",
            _ => "Kunne ikke utføre",
        };
        let body = html! {
            h1 { (title) }
            p class="notice error" role="alert" { (self.message()) }
            @if status == StatusCode::UNAUTHORIZED {
                p { a href="/logg-inn" { "Gå til innlogging" } }
            } @else {
                p { a href="/" { "Til forsiden" } }
            }
        };
        (status, layout::page(title, None, body)).into_response()
    }
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        self.render(false)
    }
}

/// An error from an API handler: always JSON.
#[derive(Debug)]
pub struct ApiError(pub AdminError);

impl<E: Into<AdminError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.render(true)
    }
}

/// The prefix of every problem type of the staff API; the rest is the code.
pub const PROBLEM_TYPE_PREFIX: &str = "urn:tolkeregister:admin-problem:";

/// An API error as RFC 9457 problem details. The title is translated for every code; so is the
/// detail where it is always the same sentence. Details that name a record or come from a rule
/// of the register are in bokmål whatever the language (per-field messages in `fields` too).
#[derive(Debug, Clone)]
pub struct AdminProblem {
    pub code: &'static str,
    pub status: StatusCode,
    /// In bokmål.
    pub detail: String,
    pub fields: Vec<(String, String)>,
}

/// (code, title in nb, nn, en).
const TITLES: [(&str, [&str; 3]); 15] = [
    ("unauthenticated", ["Ikke innlogget", "Ikkje innlogga", "Not signed in"]),
    ("forbidden", ["Ingen tilgang", "Inga tilgang", "Access denied"]),
    ("csrf", ["Skjemaet er utløpt", "Skjemaet er gått ut", "Form expired"]),
    ("not-found", ["Fant ikke", "Fann ikkje", "Not found"]),
    (
        "bad-request",
        ["Ugyldig forespørsel", "Ugyldig førespurnad", "Bad request"],
    ),
    (
        "conflict",
        ["Endret i mellomtiden", "Endra i mellomtida", "Changed in the meantime"],
    ),
    (
        "approval-closed",
        ["Allerede behandlet", "Allereie handsama", "Already handled"],
    ),
    ("already-done", ["Allerede gjort", "Allereie gjort", "Already done"]),
    (
        "backdated",
        [
            "Dato før gjeldende versjon",
            "Dato før gjeldande versjon",
            "Date before the current version",
        ],
    ),
    (
        "duplicate-national-id",
        [
            "Fødselsnummeret er i bruk",
            "Fødselsnummeret er i bruk",
            "National identity number already in use",
        ],
    ),
    (
        "own-request",
        ["Egen forespørsel", "Eigen førespurnad", "Your own request"],
    ),
    (
        "not-senior",
        [
            "Krever seniorsaksbehandler",
            "Krev seniorsakshandsamar",
            "Senior caseworker required",
        ],
    ),
    (
        "invalid",
        ["Ugyldige opplysninger", "Ugyldige opplysningar", "Invalid data"],
    ),
    ("internal", ["Intern feil", "Intern feil", "Internal error"]),
    (
        "unavailable",
        [
            "Midlertidig utilgjengelig",
            "Mellombels utilgjengeleg",
            "Temporarily unavailable",
        ],
    ),
];

/// The details that are always the same sentence, in nynorsk and English (bokmål is the
/// error's own message).
const FIXED_DETAILS: [(&str, [&str; 2]); 9] = [
    (
        "unavailable",
        [
            "Registeret er mellombels utilgjengeleg fordi databasen ikkje svarar. Ingenting er lagra. Prøv igjen om litt.",
            "The register is temporarily unavailable because its database does not answer. Nothing was saved. Try again shortly.",
        ],
    ),
    (
        "unauthenticated",
        [
            "Du må logge inn for å bruke sakshandsamartenesta.",
            "You must sign in to use the caseworker service.",
        ],
    ),
    (
        "forbidden",
        [
            "Du har ikkje tilgang til dette med rolla di.",
            "Your role does not give access to this.",
        ],
    ),
    (
        "csrf",
        [
            "Skjemaet var gått ut eller kom ikkje frå denne tenesta. Last sida på nytt og prøv igjen.",
            "The form had expired or did not come from this service. Reload the page and try again.",
        ],
    ),
    (
        "internal",
        [
            "Noko gjekk gale hos oss. Prøv igjen om litt; held feilen fram, kontakt brukarstøtte.",
            "Something went wrong on our side. Try again shortly; if it persists, contact support.",
        ],
    ),
    (
        "own-request",
        [
            "Du kan ikkje godkjenne din eigen førespurnad; ein annan seniorsakshandsamar må gjere det.",
            "You cannot approve your own request; another senior caseworker must do it.",
        ],
    ),
    (
        "not-senior",
        [
            "Berre ein seniorsakshandsamar kan godkjenne eller avvise.",
            "Only a senior caseworker can approve or reject.",
        ],
    ),
    (
        "conflict",
        [
            "Saka er endra av nokon andre i mellomtida; last sida på nytt og prøv igjen.",
            "Someone else changed the case in the meantime; reload the page and try again.",
        ],
    ),
    (
        "approval-closed",
        [
            "Førespurnaden er allereie handsama.",
            "The request has already been handled.",
        ],
    ),
];

impl AdminProblem {
    /// Every code, for clients and tests.
    pub fn codes() -> impl Iterator<Item = &'static str> {
        TITLES.iter().map(|(c, _)| *c)
    }

    pub fn title(&self, lang: UiLanguage) -> &'static str {
        let i = UiLanguage::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        TITLES
            .iter()
            .find(|(c, _)| *c == self.code)
            .map_or("Feil", |(_, t)| t[i])
    }

    pub fn detail(&self, lang: UiLanguage) -> String {
        let fixed = FIXED_DETAILS.iter().find(|(c, _)| *c == self.code);
        match (lang, fixed) {
            (UiLanguage::Nn, Some((_, [nn, _]))) => (*nn).to_string(),
            (UiLanguage::En, Some((_, [_, en]))) => (*en).to_string(),
            _ => self.detail.clone(),
        }
    }

    /// The `application/problem+json` response in `lang`, carrying the problem so the API's
    /// language layer can write it again in the language the request asked for.
    pub fn render(self, lang: UiLanguage) -> Response {
        let fields: serde_json::Map<String, serde_json::Value> =
            self.fields.iter().map(|(f, m)| (f.clone(), m.clone().into())).collect();
        let detail = self.detail(lang);
        let body = json!({
            "type": format!("{PROBLEM_TYPE_PREFIX}{}", self.code),
            "code": self.code,
            "title": self.title(lang),
            "status": self.status.as_u16(),
            "detail": detail,
            // Kept for clients written before problem details.
            "error": detail,
            "fields": fields,
        });
        let mut response = (self.status, Body::from(body.to_string())).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
        headers.insert(header::VARY, HeaderValue::from_static("accept-language"));
        response.extensions_mut().insert(self);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A refusal keeps its status whichever path answers it: page or API (issue 9, item 6: a
    /// conflict was 400 where no form could show it).
    #[test]
    fn tip_refusals_keep_their_status_on_pages_and_in_the_api() {
        let invalid = || TipError::Invalid(vec![("reason".into(), "skriv en begrunnelse".into())]);
        type Make = fn() -> TipError<StoreError>;
        let cases: [(Make, StatusCode, &str); 5] = [
            (|| TipError::Conflict, StatusCode::CONFLICT, "conflict"),
            (|| TipError::OwnProposal, StatusCode::FORBIDDEN, "own-request"),
            (|| TipError::NotFound(7), StatusCode::NOT_FOUND, "not-found"),
            (|| TipError::MeetingNotFound(3), StatusCode::NOT_FOUND, "not-found"),
            (invalid, StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
        ];
        for (make, status, code) in cases {
            let error = AdminError::from(make());
            assert_eq!(error.status(), status, "{error:?}");
            assert_eq!(error.code(), code, "{error:?}");
            let message = error.message();
            assert!(message.chars().next().is_some_and(char::is_uppercase), "{message}");
            assert_eq!(AdminError::from(make()).render(false).status(), status, "page");
            assert_eq!(error.render(true).status(), status, "API");
        }
    }
}
