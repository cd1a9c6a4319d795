//! The shared page frame of the admin UI (head, navigation by role, logout), its stylesheet
//! and the security headers every response carries. No page content here.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use crate::auth::Staff;
use crate::auth::role::{Administration, Casework, Committee, CommitteeSecretariat, Senior, Statistics};
use crate::forms;

const STYLESHEET: &str = include_str!("admin.css");

/// `GET /admin.css`.
pub async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLESHEET).into_response()
}

/// A whole page: title, navigation for `staff`'s roles, and `body`.
pub fn page(title: &str, staff: Option<&Staff>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="nb" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Tolkeregisteret, saksbehandling" }
                link rel="stylesheet" href="/admin.css";
            }
            body {
                a class="skip" href="#main" { "Hopp til innholdet" }
                header class="top" {
                    p class="brand" { a href="/" { "Nasjonalt tolkeregister" } " – saksbehandling" }
                    @if let Some(s) = staff {
                        nav aria-label="Hovedmeny" {
                            ul {
                                li { a href="/" { "Arbeidsliste" } }
                                @if s.may::<Casework>() {
                                    li { a href="/tolker" { "Tolker" } }
                                    li { a href="/utenlandske-saker" { "Utenlandske kvalifikasjoner" } }
                                    li { a href="/varsler" { "Varsler" } }
                                }
                                @if s.may::<Senior>() {
                                    li { a href="/godkjenninger" { "Til godkjenning" } }
                                }
                                @if s.may::<CommitteeSecretariat>() {
                                    li { a href="/utvalg" { "Utvalget" } }
                                }
                                @if s.may::<Committee>() {
                                    li { a href="/utvalg/mine" { "Mine utvalgsmøter" } }
                                }
                                @if s.may::<Statistics>() {
                                    li { a href="/statistikk" { "Statistikk" } }
                                }
                                @if s.may::<Administration>() {
                                    li { a href="/brukere" { "Brukere" } }
                                }
                            }
                        }
                        form class="logout" method="post" action="/logg-ut" {
                            (forms::csrf(&s.csrf))
                            span { (s.identity.name) " (" (roles(s)) ")" }
                            " "
                            button type="submit" { "Logg ut" }
                        }
                    }
                }
                main id="main" { (body) }
            }
        }
    }
}

fn roles(s: &Staff) -> String {
    s.identity
        .roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Adds the security headers: a strict content security policy, no framing, no sniffing, no
/// referrer beyond this site (`no-referrer` would make browsers send `Origin: null` on our own
/// form posts), no caching of pages that hold personal data, and HSTS where `hsts` says the
/// request came over HTTPS.
pub async fn security_headers(State(hsts): State<throttle::Hsts>, req: Request, next: Next) -> Response {
    let strict_transport = hsts.for_request(req.headers());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if let Some(v) = strict_transport {
        h.insert(header::STRICT_TRANSPORT_SECURITY, v);
    }
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}
