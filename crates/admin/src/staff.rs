//! For administrators: who can sign in and with which roles (built-in directory), or how the
//! OpenID Connect provider is configured. Read-only; roles are managed where users live.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::{Markup, html};

use crate::AdminState;
use crate::auth::role::Administration;
use crate::auth::{Authenticator, Authorised};
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new().route("/brukere", get(staff_page))
}

async fn staff_page(State(state): State<AdminState>, user: Authorised<Administration>) -> Markup {
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
            }
        }
    };
    layout::page("Brukere", Some(&user), body)
}
