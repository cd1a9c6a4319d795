//! The tips work list (`/varsler`): open cases first, with status, reference, who is assigned
//! and the deadlines due; filters by status and "assigned to me". No case content, no reporter.

use axum::extract::{Query, RawQuery, State};
use maud::{Markup, html};
use register::Timestamp;
use register::store::tips::TipListItem;
use register::tips::CaseStatus;
use serde::Deserialize;

use super::who;
use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, Staff};
use crate::error::AdminError;
use crate::interpreters::Names;
use crate::listing::{self, Column, PageQuery, Table};
use crate::{labels, layout};

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
    RawQuery(raw): RawQuery,
) -> Result<Markup, AdminError> {
    let mut items = state.store.tip_list(false).await?;
    let me = user.actor();
    items.retain(|i| filter.keeps(i, &me));
    // Open cases first, then newest first (the store's order) within each group.
    items.sort_by_key(|i| !i.status.is_open());
    let names = Names::of(&state, items.iter().filter_map(|i| i.interpreter)).await?;
    let body = list_view(&user, &items, &filter, &names, &PageQuery::parse(raw.as_deref()));
    Ok(layout::page("Varsler", Some(&user), body))
}

fn status_options() -> Vec<(String, String)> {
    let mut out = vec![
        ("open".to_string(), "Åpne saker".to_string()),
        ("all".to_string(), "Alle saker".to_string()),
    ];
    out.extend(CaseStatus::ALL.iter().map(|s| {
        (
            s.as_str().to_string(),
            super::capitalise(crate::labels::case_status(*s)),
        )
    }));
    out
}

fn list_view(user: &Staff, items: &[TipListItem], filter: &ListFilter, names: &Names, query: &PageQuery) -> Markup {
    let selected = if filter.status.is_empty() {
        "open"
    } else {
        filter.status.as_str()
    };
    html! {
        h1 { "Varsler om brudd på tolkeloven" }
        p { a href="/varsler/ny" { "Registrer varsel mottatt per e-post eller post" } }
        form method="get" action="/varsler" class="filters" {
            (listing::kept_order(query, "tips"))
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
            (tips_table(user, items, names, query))
        }
    }
}

fn tips_table(user: &Staff, items: &[TipListItem], names: &Names, query: &PageQuery) -> Markup {
    let today = Timestamp::now().date();
    let me = user.actor();
    Table {
        id: "tips",
        noun: ("sak", "saker"),
        columns: vec![
            Column::sorted(
                "case",
                "Sak",
                |i: &TipListItem| html! { a href={ "/varsler/" (i.id) } { (i.reference) } },
                |i| i.id,
            ),
            Column::sorted(
                "received",
                "Mottatt",
                |i: &TipListItem| html! { (labels::date(i.received_on)) },
                |i| (i.received_on, i.id),
            ),
            Column::sorted(
                "interpreter",
                "Tolk",
                |i: &TipListItem| html! { @match i.interpreter { Some(n) => (names.link(n)), None => "ukjent" } },
                |i| i.interpreter.map(|n| names.sort_key(n)),
            ),
            Column::sorted(
                "status",
                "Status",
                |i: &TipListItem| {
                    html! {
                        (super::capitalise(crate::labels::case_status(i.status)))
                        @if i.pending { br; strong { "Venter på godkjenning" } }
                    }
                },
                // Open cases before closed ones, then by where they stand.
                |i| (!i.status.is_open(), crate::labels::case_status(i.status)),
            ),
            Column::plain("Tildelt", |i: &TipListItem| {
                html! {
                    @if i.assigned.is_empty() { "ingen" }
                    @for (n, a) in i.assigned.iter().enumerate() {
                        @if n > 0 { ", " }
                        (who(a))
                        @if *a == me { " (deg)" }
                    }
                }
            }),
            Column::sorted(
                "due",
                "Frister",
                |i: &TipListItem| {
                    html! {
                        @if i.deadlines.is_empty() { "–" } @else {
                            ul class="plain" {
                                @for d in &i.deadlines { li { (layout::deadline(&crate::labels::deadline_kind(d.kind), d.due, today)) } }
                            }
                        }
                    }
                },
                |i| i.deadlines.first().map(|d| d.due).unwrap_or(time::Date::MAX),
            ),
        ],
        default_sort: ("", false),
        default_order: "Åpne saker står først, de nyeste øverst.",
        page_size: 25,
        row_case: Some(Box::new(|i: &TipListItem| i.id.to_string())),
    }
    .render(query, items)
}
