//! Register figures without personal data for statisticians: listed entries per category and
//! kind, unique persons and persons with two or more languages, as of today.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::{Markup, html};
use register::Timestamp;

use crate::AdminState;
use crate::auth::Authorised;
use crate::auth::role::Statistics;
use crate::error::AdminError;
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new().route("/statistikk", get(statistics_page))
}

async fn statistics_page(State(state): State<AdminState>, user: Authorised<Statistics>) -> Result<Markup, AdminError> {
    let now = Timestamp::now();
    let records = state.store.as_of(now).await?;
    let counts = register::counts::count(&records, now.date());
    let body = html! {
        h1 { "Registerstatistikk" }
        p { a href="/statistikk/varsler" { "Varsler og utvalget: årstall (også som CSV)" } }
        p { "Oppføringer i registeret per " (counts.as_of) "." }
        table {
            thead { tr { th { "Tolketype" } th { "A" } th { "B" } th { "C" } th { "D" } th { "E" } th { "Sum" } } }
            tbody {
                @for (kind, c) in &counts.entries_per_category {
                    tr { td { (kind) } td { (c.A) } td { (c.B) } td { (c.C) } td { (c.D) } td { (c.E) } td { (c.total) } }
                }
            }
        }
        dl class="facts" {
            dt { "Unike personer" } dd { (counts.unique_persons) }
            dt { "Personer med to eller flere språk" } dd { (counts.persons_with_two_or_more_languages) }
        }
    };
    Ok(layout::page("Statistikk", Some(&user), body))
}
