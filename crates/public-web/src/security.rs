//! Security headers on every response: a strict content security policy (our own styles and
//! no scripts), nosniff, referrer policy (no referrer unless a page asks for less), no framing,
//! and HSTS where the service is known to be reached over HTTPS.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use throttle::Hsts;
use tower_http::set_header::SetResponseHeaderLayer;

/// Only our own stylesheets and the inline SVG icons Designsystemet uses; no scripts at all.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Adds `Strict-Transport-Security` when `hsts` says this request came over HTTPS.
async fn strict_transport(State(hsts): State<Hsts>, req: Request, next: Next) -> Response {
    let value = hsts.for_request(req.headers());
    let mut res = next.run(req).await;
    if let Some(v) = value {
        res.headers_mut().insert(header::STRICT_TRANSPORT_SECURITY, v);
    }
    res
}

pub fn headers(app: Router, hsts: Hsts) -> Router {
    let app = app.layer(axum::middleware::from_fn_with_state(hsts, strict_transport));
    // A page may ask for a looser referrer policy: the tip form sends its origin (`same-origin`)
    // so its cross-site check works in browsers without `Sec-Fetch-Site`.
    let app = app.layer(SetResponseHeaderLayer::if_not_present(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ));
    let fixed: [(HeaderName, &'static str); 4] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ),
    ];
    fixed.into_iter().fold(app, |app, (name, value)| {
        app.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ))
    })
}
