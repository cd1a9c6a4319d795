//! The OpenAPI document of the public API, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Nasjonalt tolkeregister – offentlig API",
        description = "Search the national register of qualified public-service interpreters. Public fields only; suspended, excluded and withdrawn interpreters are never returned.",
        version = "1"
    ),
    paths(
        super::search::search,
        super::interpreters::one,
        super::verify::verify,
        super::languages::list,
        super::languages::one
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
