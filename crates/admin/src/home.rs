//! The front page: the work lists (my cases, deadlines due this week, overdue, changes waiting
//! for a second person) for caseworkers, and what each other role can do.

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::routing::get;

use maud::{Markup, html};
use register::InterpreterNumber;
use register::Timestamp;
use register::casework::deadlines::Urgency;
use register::casework::foreign::DeadlineKind;
use register::casework::{ApprovalStatus, ForeignCase, PendingApproval};
use register::store::tips::TipListItem;
use serde::Serialize;
use time::Date;

use crate::AdminState;
use crate::auth::role::{Administration, AnyStaff, Casework, Committee, Senior, Statistics};
use crate::auth::{Authorised, Staff};
use crate::error::AdminError;
use crate::interpreters::Names;
use crate::labels;
use crate::layout;
use crate::listing::{Column, PageQuery, Table};

pub fn routes() -> Router<AdminState> {
    Router::new().route("/", get(worklist_page))
}

/// One statutory deadline on an open case.
#[derive(Debug, Clone, Serialize)]
pub struct DueItem {
    pub case_id: i64,
    pub reference: String,
    pub number: InterpreterNumber,
    pub kind: DeadlineKind,
    pub due: Date,
    pub urgency: Urgency,
    pub assigned_to: String,
}

/// The work lists of one member of staff.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Worklist {
    /// Open tip cases assigned to the viewer, the soonest deadline first.
    pub my_tips: Vec<TipListItem>,
    /// Open tip cases nobody has taken yet, oldest first.
    pub new_tips: Vec<TipListItem>,
    pub my_cases: Vec<ForeignCase>,
    pub due_this_week: Vec<DueItem>,
    pub overdue: Vec<DueItem>,
    /// Changes waiting for a second person (seniors act on them).
    pub awaiting_approval: Vec<PendingApproval>,
    /// Open tip cases with a proposed decision or sanction waiting for a second senior.
    pub tips_awaiting_approval: Vec<TipListItem>,
    /// The display names of the interpreters the lists mention.
    pub names: Names,
}

/// Builds `actor`'s work lists as of `today`.
pub async fn worklist(state: &AdminState, actor: &str, today: Date) -> Result<Worklist, AdminError> {
    let open = state.store.foreign_cases(true).await?;
    let mut list = Worklist {
        awaiting_approval: state.store.approvals(ApprovalStatus::Pending).await?,
        ..Worklist::default()
    };
    for case in open {
        for (kind, due) in case.open_deadlines(&state.settings.deadlines) {
            let item = DueItem {
                case_id: case.id,
                reference: case.reference(),
                number: case.number,
                kind,
                due,
                urgency: Urgency::of(due, today),
                assigned_to: case.assigned_to.clone(),
            };
            match item.urgency {
                Urgency::Overdue => list.overdue.push(item),
                Urgency::DueThisWeek => list.due_this_week.push(item),
                Urgency::Later => {}
            }
        }
        if case.assigned_to == actor {
            list.my_cases.push(case);
        }
    }
    list.overdue.sort_by_key(|i| i.due);
    list.due_this_week.sort_by_key(|i| i.due);
    let tips = state.store.tip_list(true).await?;
    list.tips_awaiting_approval = tips
        .iter()
        .filter(|t| t.pending && t.status.is_open())
        .cloned()
        .collect();
    let (mine, new) = tip_lists(tips, actor);
    list.my_tips = mine;
    list.new_tips = new;
    let numbers: Vec<InterpreterNumber> = list
        .my_tips
        .iter()
        .chain(&list.new_tips)
        .chain(&list.tips_awaiting_approval)
        .filter_map(|t| t.interpreter)
        .chain(list.my_cases.iter().map(|c| c.number))
        .chain(list.overdue.iter().chain(&list.due_this_week).map(|d| d.number))
        .chain(list.awaiting_approval.iter().map(|a| a.number))
        .collect();
    list.names = Names::of(state, numbers).await?;
    Ok(list)
}

/// Of `items`, the open cases assigned to `actor` (soonest deadline first) and the open cases
/// nobody has taken (oldest first).
fn tip_lists(items: Vec<TipListItem>, actor: &str) -> (Vec<TipListItem>, Vec<TipListItem>) {
    let (mut mine, mut new): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
    for item in items.into_iter().filter(|i| i.status.is_open()) {
        if item.assigned.iter().any(|a| a == actor) {
            mine.push(item);
        } else if item.assigned.is_empty() {
            new.push(item);
        }
    }
    mine.sort_by_key(|i| (i.deadlines.first().map(|d| d.due).unwrap_or(Date::MAX), i.id));
    new.sort_by_key(|i| (i.received_on, i.id));
    (mine, new)
}

async fn worklist_page(
    State(state): State<AdminState>,
    user: Authorised<AnyStaff>,
    RawQuery(raw): RawQuery,
) -> Result<Markup, AdminError> {
    let body = if user.may::<Casework>() {
        let list = worklist(&state, &user.actor(), Timestamp::now().date()).await?;
        worklist_view(&state, &user, &list, &PageQuery::parse(raw.as_deref()))
    } else {
        let meetings = if user.may::<Committee>() {
            Some(crate::committee::member::overview(&state, &user).await?)
        } else {
            None
        };
        role_view(&user, meetings)
    };
    Ok(layout::page("Arbeidsliste", Some(&user), body))
}

/// How many rows each work-list table shows per page.
const PAGE_SIZE: usize = 10;

fn due_table(id: &'static str, list: &Worklist, items: &[DueItem], query: &PageQuery) -> Markup {
    Table {
        id,
        noun: ("frist", "frister"),
        columns: vec![
            Column::sorted(
                "case",
                "Sak",
                |i: &DueItem| html! { a href={ "/utenlandske-saker/" (i.case_id) } { (i.reference) } },
                |i| i.case_id,
            ),
            Column::plain("Tolk", |i: &DueItem| list.names.link(i.number)),
            Column::sorted("kind", "Frist for å", |i: &DueItem| html! { (labels::foreign_deadline(i.kind)) }, |i| labels::foreign_deadline(i.kind)),
            Column::sorted(
                "due",
                "Frist",
                |i: &DueItem| html! { span class=[(i.urgency == Urgency::Overdue).then_some("overdue")] { (labels::date(i.due)) " – " (labels::urgency(i.urgency)) } },
                |i| i.due,
            ),
            Column::sorted(
                "caseworker",
                "Saksbehandler",
                |i: &DueItem| html! { (labels::actor(&i.assigned_to)) },
                |i| i.assigned_to.clone(),
            ),
        ],
        default_sort: ("due", false),
        default_order: "",
        page_size: PAGE_SIZE,
        row_case: None,
    }
    .render(query, items)
}

/// Tip cases with their interpreter, status and next deadline, first sorted by `by` (ascending):
/// the deadline for cases someone owns, the day received for cases waiting to be taken.
fn tip_table(
    id: &'static str,
    by: &'static str,
    list: &Worklist,
    items: &[TipListItem],
    today: Date,
    query: &PageQuery,
) -> Markup {
    let next_due = |t: &TipListItem| t.deadlines.first().map(|d| d.due).unwrap_or(Date::MAX);
    Table {
        id,
        noun: ("varselsak", "varselsaker"),
        columns: vec![
            Column::sorted(
                "case",
                "Sak",
                |t: &TipListItem| html! { a href={ "/varsler/" (t.id) } { (t.reference) } },
                |t| t.id,
            ),
            Column::sorted("received", "Mottatt", |t: &TipListItem| html! { (labels::date(t.received_on)) }, |t| t.received_on),
            Column::sorted(
                "interpreter",
                "Tolk",
                |t: &TipListItem| html! { @match t.interpreter { Some(n) => (list.names.link(n)), None => "ukjent" } },
                |t| t.interpreter.map(|n| list.names.sort_key(n)),
            ),
            Column::sorted(
                "status",
                "Status",
                |t: &TipListItem| html! { (crate::tips::capitalise(crate::labels::case_status(t.status))) @if t.pending { " – venter på godkjenning" } },
                |t| crate::labels::case_status(t.status),
            ),
            Column::sorted("due", "Neste frist", move |t: &TipListItem| next_deadline(t, today), next_due),
        ],
        default_sort: (by, false),
        default_order: "",
        page_size: PAGE_SIZE,
        row_case: Some(Box::new(|t: &TipListItem| t.id.to_string())),
    }
    .render(query, items)
}

fn next_deadline(t: &TipListItem, today: Date) -> Markup {
    html! {
        @match t.deadlines.first() {
            Some(d) => (layout::deadline(&labels::deadline_kind(d.kind), d.due, today)),
            None => "–",
        }
    }
}

/// The viewer's foreign-qualification cases with where each stands and its next deadline.
fn foreign_table(state: &AdminState, list: &Worklist, today: Date, query: &PageQuery) -> Markup {
    Table {
        id: "my-cases",
        noun: ("sak", "saker"),
        columns: vec![
            crate::foreign::case_column(),
            list.names.column(|c: &ForeignCase| c.number),
            Column::sorted(
                "received",
                "Mottatt",
                |c: &ForeignCase| html! { (labels::date(c.received_on)) },
                |c| c.received_on,
            ),
            Column::plain("Dokumentasjon", |c: &ForeignCase| {
                html! {
                    @if c.complete_on.is_some() { "komplett" }
                    @else { "mangler " (labels::count(c.missing_documents().len(), "dokument", "dokumenter")) }
                }
            }),
            crate::foreign::deadline_column(state.settings.deadlines, today),
        ],
        default_sort: ("due", false),
        default_order: "",
        page_size: PAGE_SIZE,
        row_case: Some(Box::new(|c: &ForeignCase| c.id.to_string())),
    }
    .render(query, &list.my_cases)
}

/// Register changes waiting for a second person.
fn approval_table(list: &Worklist, query: &PageQuery) -> Markup {
    Table {
        id: "approvals",
        noun: ("endring", "endringer"),
        columns: vec![
            Column::plain(
                "Endring",
                |a: &PendingApproval| html! { (register::casework::four_eyes::describe(&a.command)) },
            ),
            list.names.column(|a: &PendingApproval| a.number),
            Column::sorted(
                "by",
                "Foreslått av",
                |a: &PendingApproval| html! { (labels::actor(&a.requested_by)) },
                |a| a.requested_by.clone(),
            ),
            Column::sorted(
                "at",
                "Foreslått",
                |a: &PendingApproval| html! { (labels::instant(a.requested_at)) },
                |a| a.requested_at,
            ),
        ],
        default_sort: ("at", false),
        default_order: "",
        page_size: PAGE_SIZE,
        row_case: None,
    }
    .render(query, &list.awaiting_approval)
}

fn worklist_view(state: &AdminState, user: &Staff, list: &Worklist, query: &PageQuery) -> Markup {
    let today = Timestamp::now().date();
    html! {
        h1 { "Arbeidsliste" }
        p { a href="/tolker/ny" { "Registrer ny tolk" } " · " a href="/tolker" { "Finn tolk" } " · " a href="/utenlandske-saker/ny" { "Ny sak om utenlandsk kvalifikasjon" } }
        h2 { "Fristen er oversittet (" (list.overdue.len()) ")" }
        @if list.overdue.is_empty() { p { "Ingen saker har oversittet frist." } } @else { (due_table("overdue", list, &list.overdue, query)) }
        h2 { "Frister denne uken (" (list.due_this_week.len()) ")" }
        @if list.due_this_week.is_empty() { p { "Ingen frister de neste sju dagene." } } @else { (due_table("this-week", list, &list.due_this_week, query)) }
        h2 { "Mine varselsaker (" (list.my_tips.len()) ")" }
        @if list.my_tips.is_empty() {
            p { "Du har ingen åpne varselsaker." }
        } @else {
            (tip_table("my-tips", "due", list, &list.my_tips, today, query))
        }
        h2 { "Nye varsler uten saksbehandler (" (list.new_tips.len()) ")" }
        @if list.new_tips.is_empty() {
            p { "Alle åpne varsler har en saksbehandler." }
        } @else {
            (tip_table("new-tips", "received", list, &list.new_tips, today, query))
        }
        p { a href="/varsler" { "Alle varsler" } }
        h2 { "Mine saker om utenlandsk kvalifikasjon (" (list.my_cases.len()) ")" }
        @if list.my_cases.is_empty() {
            p { "Du har ingen åpne saker om utenlandsk kvalifikasjon." }
        } @else {
            (foreign_table(state, list, today, query))
        }
        h2 { "Venter på godkjenning fra en annen (" (list.awaiting_approval.len()) ")" }
        @if list.awaiting_approval.is_empty() {
            p { "Ingen endringer venter på godkjenning." }
        } @else {
            (approval_table(list, query))
            @if user.may::<Senior>() { p { a href="/godkjenninger" { "Gå til godkjenning" } } }
        }
        @if user.may::<Senior>() {
            h2 { "Varselsaker som venter på godkjenning (" (list.tips_awaiting_approval.len()) ")" }
            @if list.tips_awaiting_approval.is_empty() {
                p { "Ingen forslag i varselsaker venter på godkjenning." }
            } @else {
                p class="hint" { "Forslaget godkjennes på saken, der saken kan leses først, av en annen seniorsaksbehandler enn den som foreslo det." }
                (tip_table("tip-approvals", "received", list, &list.tips_awaiting_approval, today, query))
            }
        }
    }
}

/// The front page of roles without work lists; `meetings` is a committee member's overview.
fn role_view(user: &Staff, meetings: Option<Markup>) -> Markup {
    html! {
        h1 { "Velkommen, " (user.identity.name) }
        @if user.may::<Statistics>() { p { a href="/statistikk" { "Se registerstatistikk" } } }
        @if user.may::<Administration>() { p { a href="/brukere" { "Se brukere og roller" } } }
        @if user.identity.roles.is_empty() {
            p { "Brukeren din har ingen rolle i tolkeregisteret. Kontakt administrator." }
        }
        @if let Some(m) = meetings {
            p { "Som medlem av utvalget ser du et sammendrag av sakene som legges fram for møtene du sitter i." }
            (m)
        }
    }
}
