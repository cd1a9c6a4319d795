//! Annual figures on tips for the annual report (`/statistikk/varsler`, and `.csv`): tips per
//! ground, outcomes, committee meetings and cases advised, per year. Counts only, no case content.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use register::tips::Ground;
use register::tips::figures::{YearFigures, outcome_columns, to_csv};

use crate::AdminState;
use crate::auth::Authorised;
use crate::auth::role::Statistics;
use crate::error::AdminError;
use crate::{labels, layout};

pub fn routes() -> Router<AdminState> {
    Router::new()
        .route("/statistikk/varsler", get(figures_page))
        .route("/statistikk/varsler.csv", get(figures_csv))
}

fn count<K: Ord>(map: &std::collections::BTreeMap<K, usize>, key: &K) -> usize {
    map.get(key).copied().unwrap_or(0)
}

/// The three tables of the page; years as rows, oldest first.
pub fn figures_view(figures: &[YearFigures]) -> Markup {
    let outcomes = outcome_columns();
    html! {
        h2 { "Varsler etter grunnlag" }
        p { "Et varsel med flere grunnlag telles under hvert av dem i de tre første kolonnene." }
        table id="grounds" {
            thead {
                tr {
                    th scope="col" { "År" } th scope="col" { "Varsler" }
                    @for g in Ground::ALL { th scope="col" { (labels::ground(g)) " (" (g.section()) ")" } }
                    @for g in Ground::ALL { th scope="col" { "Bare " (labels::ground(g)) } }
                    th scope="col" { "Flere grunnlag" }
                }
            }
            tbody {
                @for f in figures {
                    tr {
                        th scope="row" { (f.year) } td { (f.tips) }
                        @for g in Ground::ALL { td { (count(&f.per_ground, &g)) } }
                        @for g in Ground::ALL { td { (count(&f.only_ground, &g)) } }
                        td { (f.several_grounds) }
                    }
                }
            }
        }
        h2 { "Utfall" }
        p { "Etter året varselet kom inn." }
        table id="outcomes" {
            thead { tr { th scope="col" { "År" } @for o in &outcomes { th scope="col" { (labels::outcome_column(*o)) } } } }
            tbody {
                @for f in figures {
                    tr { th scope="row" { (f.year) } @for o in &outcomes { td { (count(&f.outcomes, &o.key())) } } }
                }
            }
        }
        h2 { "Det partssammensatte utvalget" }
        table id="committee" {
            thead { tr { th scope="col" { "År" } th scope="col" { "Møter" } th scope="col" { "Saker utvalget ga råd i" } } }
            tbody {
                @for f in figures {
                    tr { th scope="row" { (f.year) } td { (f.meetings) } td { (f.cases_advised) } }
                }
            }
        }
    }
}

async fn figures_page(State(state): State<AdminState>, user: Authorised<Statistics>) -> Result<Markup, AdminError> {
    let figures = state.store.annual_figures().await?;
    let body = html! {
        h1 { "Varsler og utvalget: årstall" }
        (crate::statistics::workspace_nav("/statistikk/varsler"))
        p { a href="/statistikk/varsler.csv" download { "Last ned som CSV (semikolonseparert)" } }
        @if figures.is_empty() {
            p { "Ingen varsler eller utvalgsmøter er registrert ennå." }
        } @else {
            (figures_view(&figures))
        }
    };
    Ok(layout::page("Årstall for varsler", Some(&user), body))
}

async fn figures_csv(State(state): State<AdminState>, _user: Authorised<Statistics>) -> Result<Response, AdminError> {
    let figures = state.store.annual_figures().await?;
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (å, §).
    let body = format!("\u{feff}{}", to_csv(&figures, labels::figures_column));
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"varsler-arstall.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}
