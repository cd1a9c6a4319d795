//! For administrators: who can sign in and with which roles (built-in directory), or how the
//! OpenID Connect provider is configured. Read-only; roles are managed where users live.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::{Markup, html};

use register::Timestamp;

use crate::AdminState;
use crate::auth::Role;
use crate::auth::role::Administration;
use crate::auth::{Authenticator, Authorised};
use crate::error::AdminError;
use crate::labels;
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new().route("/brukere", get(staff_page))
}

async fn staff_page(State(state): State<AdminState>, user: Authorised<Administration>) -> Result<Markup, AdminError> {
    let seen = match state.auth.as_ref() {
        Authenticator::Oidc(_) => state.store.staff_seen_since(0).await?,
        Authenticator::Embedded { .. } => Vec::new(),
    };
    let now = crate::auth::now();
    let body = match state.auth.as_ref() {
        Authenticator::Embedded { directory, keys } => html! {
            h1 { "Brukere og roller" }
            p { "Innebygd brukerkatalog (demo). Økter varer i " (keys.lifetime().as_secs() / 3600) " timer." }
            table {
                thead { tr { th { "Brukernavn" } th { "Navn" } th { "Roller" } } }
                tbody {
                    @for u in directory.users() {
                        tr { td { (u.username) } td { (u.name) } td { (u.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")) } }
                    }
                }
            }
        },
        Authenticator::Oidc(v) => {
            let s = v.settings();
            html! {
                h1 { "Brukere og roller" }
                p { "Brukere og roller forvaltes hos identitetsleverandøren." }
                dl class="facts" {
                    dt { "Utsteder" } dd { (s.issuer) }
                    dt { "Målgruppe" } dd { (s.audience) }
                    dt { "Algoritme" } dd { (format!("{:?}", s.algorithm)) }
                    dt { "Rolle-claim" } dd { (s.roles_claim) }
                }
                h2 { "Ansatte som har logget inn" }
                p {
                    "Identitetsleverandøren forteller tjenesten hvem en ansatt er bare når de logger inn. "
                    "Varselsaker kan gis til saksbehandlere som har logget inn de siste "
                    (register::staff::ACTIVE_DAYS) " dagene, med rollene de hadde da."
                }
                @if seen.is_empty() {
                    p { "Ingen har logget inn ennå." }
                } @else {
                    table {
                        thead { tr { th { "Brukernavn" } th { "Navn" } th { "Roller" } th { "Sist innlogget" } th { "Aktiv" } } }
                        tbody {
                            @for m in &seen {
                                tr {
                                    td { (m.login) }
                                    td { (m.name) }
                                    td { (role_labels(&m.roles)) }
                                    td { (last_seen(m.last_seen)) }
                                    td { @if m.is_active(now) { "ja" } @else { "nei" } }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page("Brukere", Some(&user), body))
}

/// Role names as stored, shown by their Norwegian labels.
fn role_labels(roles: &[String]) -> String {
    roles
        .iter()
        .map(|name| {
            Role::ALL
                .iter()
                .find(|r| r.as_str() == name)
                .map_or(name.as_str(), |r| r.label())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn last_seen(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| labels::instant(Timestamp::from(t)))
        .unwrap_or_default()
}
