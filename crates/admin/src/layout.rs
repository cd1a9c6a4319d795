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
/// Designsystemet's theme tokens (colours, type, spacing; MIT), the same file the public site
/// serves, so both services share one look. The staff stylesheet builds on these variables.
const THEME: &str = include_str!("../../public-web/assets/designsystemet/theme.css");

/// `GET /admin.css`.
pub async fn stylesheet() -> Response {
    css(STYLESHEET)
}

/// `GET /theme.css`.
pub async fn theme() -> Response {
    css(THEME)
}

fn css(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], body).into_response()
}

/// A whole page: title, navigation for `staff`'s roles, and `body`.
///
/// On a phone the menu folds into a "Meny" button (`<details>`, no JavaScript) so the header is
/// one row; on wider screens the same links are shown as a row. Only one of the two is ever
/// displayed, so assistive technology meets one menu.
pub fn page(title: &str, staff: Option<&Staff>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="nb" data-color-scheme="light" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Tolkeregisteret, saksbehandling" }
                link rel="stylesheet" href="/theme.css";
                link rel="stylesheet" href="/admin.css";
            }
            body {
                a class="skip" href="#main" { "Hopp til innholdet" }
                header class="top" {
                    p class="brand" { a href="/" { "Nasjonalt tolkeregister" } span class="brand-part" { " – saksbehandling" } }
                    @if let Some(s) = staff {
                        nav class="menu-wide" aria-label="Hovedmeny" { (menu(s)) }
                        (account(s, "account-wide"))
                        details class="menu-small" {
                            summary { "Meny" }
                            nav aria-label="Hovedmeny" { (menu(s)) }
                            (account(s, "account-small"))
                        }
                    }
                }
                main id="main" { (body) }
            }
        }
    }
}

/// The links `s` may use, by role.
fn menu(s: &Staff) -> Markup {
    html! {
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
}

/// Who is signed in, with the sign-out button.
fn account(s: &Staff, class: &str) -> Markup {
    html! {
        form class={ "logout " (class) } method="post" action="/logg-ut" {
            (forms::csrf(&s.csrf))
            span { (s.identity.name) " (" (roles(s)) ")" }
            " "
            button type="submit" class="secondary" { "Logg ut" }
        }
    }
}

/// The way back from a case page: the lists above it, then the page itself (not a link).
pub fn breadcrumbs(trail: &[(&str, &str)], current: &str) -> Markup {
    html! {
        nav class="breadcrumbs" aria-label="Brødsmulesti" {
            ol {
                @for (href, text) in trail { li { a href=(*href) { (*text) } } }
                li aria-current="page" { (current) }
            }
        }
    }
}

/// "Svar på forespørsel: 2. desember 2026 – om 3 dager", marked when overdue.
pub fn deadline(what: &str, due: time::Date, today: time::Date) -> Markup {
    use register::casework::deadlines::Urgency;
    let urgency = Urgency::of(due, today);
    html! {
        span class=[(urgency == Urgency::Overdue).then_some("overdue")] {
            (crate::tips::capitalise(what)) ": " (crate::labels::date(due))
            @if urgency != Urgency::Later { " – " (crate::labels::urgency(urgency)) }
        }
    }
}

/// The breadcrumbs of a page under an interpreter's dossier.
pub fn interpreter_trail(number: register::InterpreterNumber, name: &str, current: &str) -> Markup {
    let dossier = format!("/tolker/{number}");
    breadcrumbs(
        &[("/", "Arbeidsliste"), ("/tolker", "Tolker"), (&dossier, name)],
        current,
    )
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
