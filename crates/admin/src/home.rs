//! The front page: the work lists (my cases, deadlines due this week, overdue, changes waiting
//! for a second person) for caseworkers, and what each other role can do.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use std::collections::{BTreeMap, BTreeSet};

use maud::{Markup, html};
use register::Timestamp;
use register::casework::deadlines::Urgency;
use register::casework::foreign::DeadlineKind;
use register::casework::{ApprovalStatus, ForeignCase, PendingApproval};
use register::store::tips::TipListItem;
use register::store::{CaseStore, TipStore};
use register::{InterpreterNumber, Store};
use serde::Serialize;
use time::Date;

use crate::AdminState;
use crate::auth::role::{Administration, AnyStaff, Casework, Committee, Senior, Statistics};
use crate::auth::{Authorised, Staff};
use crate::error::AdminError;
use crate::labels;
use crate::layout;

pub fn routes() -> Router<AdminState> {
    Router::new().route("/", get(worklist_page))
}

/// One statutory deadline on an open case.
#[derive(Debug, Clone, Serialize)]
pub struct DueItem {
    pub case_id: i64,
    pub reference: String,
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
    /// The display names of the interpreters the lists mention.
    pub names: BTreeMap<InterpreterNumber, String>,
}

impl Worklist {
    /// "Name (number)", or the number alone for someone not (or no longer) in the register.
    fn interpreter(&self, n: InterpreterNumber) -> Markup {
        html! {
            a href={ "/tolker/" (n) } {
                @match self.names.get(&n) {
                    Some(name) => { (name) " (" (n) ")" },
                    None => (n),
                }
            }
        }
    }
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
    let tips = state.store.tip_list(true).await.map_err(crate::tips::page_error)?;
    let (mine, new) = tip_lists(tips, actor);
    list.my_tips = mine;
    list.new_tips = new;
    let numbers: BTreeSet<InterpreterNumber> = list
        .my_tips
        .iter()
        .chain(&list.new_tips)
        .filter_map(|t| t.interpreter)
        .chain(list.my_cases.iter().map(|c| c.number))
        .chain(list.awaiting_approval.iter().map(|a| a.number))
        .collect();
    for n in numbers {
        if let Some(record) = state.store.record(n).await? {
            list.names.insert(n, record.profile.display_name());
        }
    }
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

async fn worklist_page(State(state): State<AdminState>, user: Authorised<AnyStaff>) -> Result<Markup, AdminError> {
    let body = if user.may::<Casework>() {
        let list = worklist(&state, &user.actor(), Timestamp::now().date()).await?;
        worklist_view(&user, &list)
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

fn due_table(items: &[DueItem]) -> Markup {
    html! {
        table {
            thead { tr { th { "Sak" } th { "Frist for å" } th { "Frist" } th { "Saksbehandler" } } }
            tbody {
                @for i in items {
                    tr {
                        td { a href={ "/utenlandske-saker/" (i.case_id) } { (i.reference) } }
                        td { (i.kind.label()) }
                        td class=[(i.urgency == Urgency::Overdue).then_some("overdue")] { (i.due) " – " (i.urgency.label()) }
                        td { (crate::auth::short_login(&i.assigned_to)) }
                    }
                }
            }
        }
    }
}

/// Tip cases with their interpreter, status and next deadline.
fn tip_table(id: &str, list: &Worklist, items: &[TipListItem], today: Date) -> Markup {
    html! {
        table id=(id) {
            thead { tr { th scope="col" { "Sak" } th scope="col" { "Mottatt" } th scope="col" { "Tolk" } th scope="col" { "Status" } th scope="col" { "Neste frist" } } }
            tbody {
                @for t in items {
                    tr data-case=(t.id) {
                        td { a href={ "/varsler/" (t.id) } { (t.reference) } }
                        td { (t.received_on) }
                        td { @match t.interpreter { Some(n) => (list.interpreter(n)), None => "ukjent" } }
                        td { (crate::tips::capitalise(t.status.label())) @if t.pending { " – venter på godkjenning" } }
                        td {
                            @match t.deadlines.first() {
                                Some(d) => {
                                    @let urgency = Urgency::of(d.due, today);
                                    span class=[(urgency == Urgency::Overdue).then_some("overdue")] {
                                        (crate::tips::capitalise(&d.kind.label())) ": " (d.due)
                                        @if urgency != Urgency::Later { " – " (urgency.label()) }
                                    }
                                }
                                None => "–",
                            }
                        }
                    }
                }
            }
        }
    }
}

fn worklist_view(user: &Staff, list: &Worklist) -> Markup {
    let today = Timestamp::now().date();
    html! {
        h1 { "Arbeidsliste" }
        p { a href="/tolker/ny" { "Registrer ny tolk" } " · " a href="/tolker" { "Finn tolk" } " · " a href="/utenlandske-saker/ny" { "Ny sak om utenlandsk kvalifikasjon" } }
        h2 { "Fristen er oversittet (" (list.overdue.len()) ")" }
        @if list.overdue.is_empty() { p { "Ingen saker har oversittet frist." } } @else { (due_table(&list.overdue)) }
        h2 { "Frister denne uken (" (list.due_this_week.len()) ")" }
        @if list.due_this_week.is_empty() { p { "Ingen frister de neste sju dagene." } } @else { (due_table(&list.due_this_week)) }
        h2 { "Mine varselsaker (" (list.my_tips.len()) ")" }
        @if list.my_tips.is_empty() {
            p { "Du har ingen åpne varselsaker." }
        } @else {
            (tip_table("my-tips", list, &list.my_tips, today))
        }
        h2 { "Nye varsler uten saksbehandler (" (list.new_tips.len()) ")" }
        @if list.new_tips.is_empty() {
            p { "Alle åpne varsler har en saksbehandler." }
        } @else {
            (tip_table("new-tips", list, &list.new_tips, today))
        }
        p { a href="/varsler" { "Alle varsler" } }
        h2 { "Mine saker om utenlandsk kvalifikasjon (" (list.my_cases.len()) ")" }
        @if list.my_cases.is_empty() {
            p { "Du har ingen åpne saker om utenlandsk kvalifikasjon." }
        } @else {
            table {
                thead { tr { th { "Sak" } th { "Tolk" } th { "Mottatt" } th { "Dokumentasjon" } } }
                tbody {
                    @for c in &list.my_cases {
                        tr {
                            td { a href={ "/utenlandske-saker/" (c.id) } { (c.reference()) } }
                            td { (list.interpreter(c.number)) }
                            td { (c.received_on) }
                            td { @if c.complete_on.is_some() { "komplett" } @else { "mangler " (c.missing_documents().len()) " dokumenter" } }
                        }
                    }
                }
            }
        }
        h2 { "Venter på godkjenning fra en annen (" (list.awaiting_approval.len()) ")" }
        @if list.awaiting_approval.is_empty() {
            p { "Ingen endringer venter på godkjenning." }
        } @else {
            ul {
                @for a in &list.awaiting_approval {
                    li {
                        (register::casework::four_eyes::describe(&a.command)) " for tolk "
                        (list.interpreter(a.number))
                        " – foreslått av " (crate::auth::short_login(&a.requested_by)) " " (labels::instant(a.requested_at))
                    }
                }
            }
            @if user.may::<Senior>() { p { a href="/godkjenninger" { "Gå til godkjenning" } } }
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
