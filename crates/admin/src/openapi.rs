//! The OpenAPI document of the staff JSON API (`GET /api/openapi.json`): every route under
//! `/api/v1`, the role it needs, how to authenticate (a bearer token, or the session cookie with
//! the `X-CSRF-Token` header on writes) and the problem details every error is written as.
//! Bodies of register types are described as objects; their fields are those of the JSON the
//! routes return (see `register`'s serde types), not repeated here.

use axum::Json;
use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// An error as RFC 9457 problem details (`application/problem+json`), in the request's language
/// (`lang=nb|nn|en`, else Accept-Language, else bokmål).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `urn:tolkeregister:problem:` and the code.
    #[serde(rename = "type")]
    #[schema(example = "urn:tolkeregister:problem:conflict")]
    pub r#type: String,
    /// A stable short code: `unauthenticated`, `forbidden`, `csrf`, `not-found`, `conflict`,
    /// `own-request`, `not-senior`, `invalid`, `unavailable`, …
    #[schema(example = "conflict")]
    pub code: String,
    pub title: String,
    #[schema(minimum = 400, maximum = 599)]
    pub status: u16,
    pub detail: String,
    /// Per-field messages for a refused body, by field name.
    pub fields: std::collections::BTreeMap<String, String>,
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "The staff session cookie; writes also need the X-CSRF-Token header (from /api/v1/me).",
            ))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Nasjonalt tolkeregister – saksbehandlings-API",
        description = "The staff service's JSON API: the same roles, rules and four-eyes approval as its pages. Authenticate with a bearer token (OpenID Connect ID token, or the session token), or with the session cookie; with the cookie, every POST needs the `X-CSRF-Token` header from `/api/v1/me`. Errors are RFC 9457 problem details with a stable `type` and `code`.",
        version = "1"
    ),
    paths(
        crate::api::me,
        crate::api::register_interpreter,
        crate::api::interpreter,
        crate::api::history,
        crate::api::command,
        crate::api::my_worklist,
        crate::api::approvals,
        crate::api::approve
    ),
    components(schemas(Problem)),
    modifiers(&Security),
    security(("bearer" = []), ("session" = []))
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`: describes routes and their contract, nothing from the register.
pub async fn document() -> Json<Value> {
    Json(serde_json::to_value(ApiDoc::openapi()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every route of the API router is in the document, with the errors it can answer.
    #[test]
    fn the_document_lists_every_api_route_with_its_errors() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let source = include_str!("api.rs");
        let routes: Vec<(String, String)> = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix(".route(\""))
            .filter(|rest| rest.starts_with("/api/v1/"))
            .map(|rest| {
                let (path, method) = rest.split_once("\", ").unwrap();
                (path.to_string(), method.split('(').next().unwrap().to_string())
            })
            .collect();
        assert_eq!(routes.len(), 8, "{routes:?}");
        for (path, method) in routes {
            let op = &doc["paths"][&path][&method];
            assert!(op.is_object(), "{method} {path} is not documented");
            let responses = op["responses"].as_object().unwrap();
            for status in ["401", "403"] {
                assert!(responses.contains_key(status), "{method} {path} lacks {status}");
            }
            if method == "post" {
                assert!(
                    responses.contains_key("422") || responses.contains_key("409"),
                    "{method} {path}"
                );
            }
        }
        assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
        assert!(doc["components"]["schemas"]["Problem"].is_object());
    }
}
