//! The OpenAPI document of the public API: generated from the handlers' annotations, then given
//! every constraint the server enforces on a parameter, built from the same constants and enums
//! the parsers use, so a generated client (or schemathesis) and the server agree on what is valid.

use axum::Json;
use register::county::COUNTY_CODES;
use register::interpreter::{Availability, Gender};
use register::ui_language::UiLanguage;
use register::{Category, LanguageKind};
use search::WorkMode;
use search::query::{MAX_DEPTH, MAX_PER_PAGE};
use serde_json::{Value, json};
use utoipa::OpenApi;

use crate::error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Nasjonalt tolkeregister – offentlig API",
        description = "Search the national register of qualified public-service interpreters. Public fields only; suspended, excluded and withdrawn interpreters are never returned. Errors are RFC 9457 problem details (`application/problem+json`) with a stable `type`; their `title` and `detail` are in the language asked for with `lang` (nb, nn, en) or, without it, Accept-Language (bokmål by default).",
        version = "1"
    ),
    paths(
        super::search::search,
        super::interpreters::one,
        super::verify::verify,
        super::languages::list,
        super::languages::one
    ),
    components(schemas(super::model::Problem))
)]
pub struct ApiDoc;

/// What the register's parsers trim around a value (`char::is_whitespace`), as a regex class
/// that reads the same in ECMA-262, Python and Rust.
const SPACE: &str = r"[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// One value of `tokens`, spaces around it allowed, or nothing.
fn single_pattern(tokens: &[String]) -> String {
    format!("^{SPACE}*(?:(?:{}){SPACE}*)?$", tokens.join("|"))
}

/// Comma-separated values of `tokens`, spaces around each; empty items are skipped.
fn list_pattern(tokens: &[String]) -> String {
    let item = format!("{SPACE}*(?:(?:{}){SPACE}*)?", tokens.join("|"));
    format!("^{item}(?:,{item})*$")
}

fn names<T>(all: impl IntoIterator<Item = T>, name: impl Fn(T) -> &'static str) -> Vec<String> {
    all.into_iter().map(|v| name(v).to_string()).collect()
}

/// The schema of each parameter, by name, as the server checks it. `lang` is on every operation.
pub fn parameter_schemas() -> Vec<(&'static str, Value)> {
    let categories: Vec<String> = Category::ALL
        .iter()
        .flat_map(|c| [c.as_str().to_string(), c.as_str().to_ascii_lowercase()])
        .collect();
    let counties: Vec<String> = COUNTY_CODES.iter().map(|c| format!("{c:02}")).collect();
    vec![
        ("language", json!({ "type": "string" })),
        ("name", json!({ "type": "string" })),
        (
            "category",
            json!({ "type": "string", "pattern": single_pattern(&categories) }),
        ),
        (
            "county",
            json!({ "type": "string", "pattern": list_pattern(&counties) }),
        ),
        (
            "gender",
            json!({ "type": "string", "pattern": list_pattern(&names(Gender::ALL.iter(), |g| g.as_str())) }),
        ),
        (
            "mode",
            json!({ "type": "string", "pattern": list_pattern(&names(WorkMode::ALL, WorkMode::as_str)) }),
        ),
        (
            "availability",
            json!({ "type": "string", "pattern": list_pattern(&names(Availability::ALL.iter(), |a| a.as_str())) }),
        ),
        (
            "kind",
            json!({ "type": "string", "pattern": list_pattern(&names(LanguageKind::ALL, LanguageKind::as_str)) }),
        ),
        ("page", json!({ "type": "integer", "minimum": 1, "maximum": MAX_DEPTH })),
        (
            "per_page",
            json!({ "type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE }),
        ),
        ("number", json!({ "type": "string", "pattern": "^[1-9][0-9]{0,6}$" })),
        ("code", json!({ "type": "string", "pattern": "^[A-Za-z]{3}$" })),
        (
            "lang",
            json!({ "type": "string", "enum": names(UiLanguage::ALL, UiLanguage::code) }),
        ),
    ]
}

/// The document as served.
pub fn document_json() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    let schemas = parameter_schemas();
    let schema_of = |name: &str| schemas.iter().find(|(n, _)| *n == name).map(|(_, s)| s.clone());
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            let Some(get) = item.get_mut("get") else { continue };
            let parameters = get
                .as_object_mut()
                .map(|o| o.entry("parameters").or_insert_with(|| json!([])));
            let Some(Value::Array(parameters)) = parameters else {
                continue;
            };
            parameters.push(json!({
                "name": "lang",
                "in": "query",
                "required": false,
                "description": "Language of error messages: nb (default), nn or en; without it, Accept-Language decides",
            }));
            for p in parameters.iter_mut() {
                if let Some(schema) = p.get("name").and_then(Value::as_str).and_then(&schema_of) {
                    p["schema"] = schema;
                }
            }
        }
    }
    if let Some(problem) = doc.pointer_mut("/components/schemas/Problem/properties/code") {
        problem["enum"] = json!(ApiError::CODES);
    }
    doc
}

pub async fn document() -> Json<Value> {
    Json(document_json())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_patterns_allow_what_the_parser_allows() {
        let re = regex::Regex::new(&list_pattern(&["03".into(), "46".into()])).unwrap();
        for ok in ["", "03", " 03 , 46", "03,,46,", "\u{a0}46"] {
            assert!(re.is_match(ok), "{ok:?}");
        }
        for bad in ["3", "03 46", "04", "03;46", "x"] {
            assert!(!re.is_match(bad), "{bad:?}");
        }
    }
}
