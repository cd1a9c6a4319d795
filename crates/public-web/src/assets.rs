//! Stylesheets served from our own server: Designsystemet's CSS and theme (vendored from npm
//! `@digdir/designsystemet-css`, MIT, see assets/designsystemet/LICENSE) and the site's own.

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;

const DESIGNSYSTEMET: &str = include_str!("../assets/designsystemet/designsystemet.css");
const THEME: &str = include_str!("../assets/designsystemet/theme.css");
const SITE: &str = include_str!("../assets/site.css");

fn css(body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/designsystemet/designsystemet.css",
            get(|| async { css(DESIGNSYSTEMET) }),
        )
        .route("/assets/designsystemet/theme.css", get(|| async { css(THEME) }))
        .route("/assets/site.css", get(|| async { css(SITE) }))
}
