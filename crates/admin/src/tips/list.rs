//! The tips work list (`/varsler`): open cases first, with status, reference, who is assigned
//! and the deadlines due; filters by status and "assigned to me". No case content, no reporter.

use axum::extract::{Query, State};
use maud::{Markup, html};
use register::Timestamp;
use register::casework::deadlines::Urgency;
use register::store::TipStore;
use register::store::tips::TipListItem;
use register::tips::CaseStatus;
use serde::Deserialize;

use super::{page_error, who};
use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, Staff};
use crate::error::AdminError;
use crate::layout;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListFilter {
    /// A status name, `open` (the default), or `all`.
    pub status: String,
    /// `on` shows only the cases assigned to the viewer.
    pub mine: String,
}

impl ListFilter {
    fn keeps(&self, item: &TipListItem, me: &str) -> bool {
        let status = match self.status.as_str() {
            "" | "open" => item.status.is_open(),
            "all" => true,
            s => s.parse::<CaseStatus>().is_ok_and(|s| s == item.status),
        };
        status && (self.mine != "on" || item.assigned.iter().any(|a| a == me))
    }
}

/// `GET /varsler`.
pub async fn work_list(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Query(filter): Query<ListFilter>,
) -> Result<Markup, AdminError> {
    let mut items = state.store.tip_list(false).await.map_err(page_error)?;
    let me = user.actor();
    items.retain(|i| filter.keeps(i, &me));
    // Open cases first, then newest first (the store's order) within each group.
    items.sort_by_key(|i| !i.status.is_open());
    let body = list_view(&user, &items, &filter);
    Ok(layout::page("Varsler", Some(&user), body))
}

fn status_options() -> Vec<(String, String)> {
    let mut out = vec![
        ("open".to_string(), "Åpne saker".to_string()),
        ("all".to_string(), "Alle saker".to_string()),
    ];
    out.extend(
        CaseStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), super::capitalise(s.label()))),
    );
    out
}

fn list_view(user: &Staff, items: &[TipListItem], filter: &ListFilter) -> Markup {
    let today = Timestamp::now().date();
    let selected = if filter.status.is_empty() {
        "open"
    } else {
        filter.status.as_str()
    };
    html! {
        h1 { "Varsler om brudd på tolkeloven" }
        p { a href="/varsler/ny" { "Registrer varsel mottatt per e-post eller post" } }
        form method="get" action="/varsler" class="filters" {
            div class="field" {
                label for="status" { "Status" }
                select id="status" name="status" {
                    @for (value, text) in status_options() {
                        option value=(value) selected[value == selected] { (text) }
                    }
                }
            }
            div class="checkbox" {
                input type="checkbox" id="mine" name="mine" value="on" checked[filter.mine == "on"];
                label for="mine" { "Bare saker tildelt meg" }
            }
            div class="actions" { button type="submit" class="secondary" { "Vis" } }
        }
        @if items.is_empty() {
            p { "Ingen saker passer med utvalget." }
        } @else {
            table id="tips" {
                caption class="hint" { (items.len()) " saker. Åpne saker står først." }
                thead {
                    tr {
                        th scope="col" { "Sak" }
                        th scope="col" { "Mottatt" }
                        th scope="col" { "Tolk" }
                        th scope="col" { "Status" }
                        th scope="col" { "Tildelt" }
                        th scope="col" { "Frister" }
                    }
                }
                tbody {
                    @for i in items {
                        tr data-case=(i.id) {
                            td { a href={ "/varsler/" (i.id) } { (i.reference) } }
                            td { (i.received_on) }
                            td {
                                @match i.interpreter {
                                    Some(n) => a href={ "/tolker/" (n) } { (n) },
                                    None => "ukjent",
                                }
                            }
                            td {
                                (super::capitalise(i.status.label()))
                                @if i.pending { br; strong { "Venter på godkjenning" } }
                            }
                            td {
                                @if i.assigned.is_empty() { "ingen" }
                                @for (n, a) in i.assigned.iter().enumerate() {
                                    @if n > 0 { ", " }
                                    (who(a))
                                    @if *a == user.actor() { " (deg)" }
                                }
                            }
                            td {
                                @if i.deadlines.is_empty() { "–" } @else {
                                ul class="plain" {
                                    @for d in &i.deadlines {
                                        @let urgency = Urgency::of(d.due, today);
                                        li class=[(urgency == Urgency::Overdue).then_some("overdue")] {
                                            (super::capitalise(&d.kind.label())) ": " (d.due)
                                            @if urgency != Urgency::Later { " – " (urgency.label()) }
                                        }
                                    }
                                }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
