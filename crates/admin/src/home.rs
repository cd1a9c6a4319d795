//! The front page: the work lists (my cases, deadlines due this week, overdue, changes waiting
//! for a second person) for caseworkers, and what each other role can do.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use maud::{Markup, html};
use register::Timestamp;
use register::casework::deadlines::Urgency;
use register::casework::foreign::DeadlineKind;
use register::casework::{ApprovalStatus, ForeignCase, PendingApproval};
use register::store::CaseStore;
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
    pub my_cases: Vec<ForeignCase>,
    pub due_this_week: Vec<DueItem>,
    pub overdue: Vec<DueItem>,
    /// Changes waiting for a second person (seniors act on them).
    pub awaiting_approval: Vec<PendingApproval>,
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
    Ok(list)
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

fn worklist_view(user: &Staff, list: &Worklist) -> Markup {
    html! {
        h1 { "Arbeidsliste" }
        p { a href="/tolker/ny" { "Registrer ny tolk" } " · " a href="/tolker" { "Finn tolk" } " · " a href="/utenlandske-saker/ny" { "Ny sak om utenlandsk kvalifikasjon" } }
        h2 { "Fristen er oversittet (" (list.overdue.len()) ")" }
        @if list.overdue.is_empty() { p { "Ingen saker har oversittet frist." } } @else { (due_table(&list.overdue)) }
        h2 { "Frister denne uken (" (list.due_this_week.len()) ")" }
        @if list.due_this_week.is_empty() { p { "Ingen frister de neste sju dagene." } } @else { (due_table(&list.due_this_week)) }
        h2 { "Mine saker (" (list.my_cases.len()) ")" }
        @if list.my_cases.is_empty() {
            p { "Du har ingen åpne saker." }
        } @else {
            table {
                thead { tr { th { "Sak" } th { "Tolk" } th { "Mottatt" } th { "Dokumentasjon" } } }
                tbody {
                    @for c in &list.my_cases {
                        tr {
                            td { a href={ "/utenlandske-saker/" (c.id) } { (c.reference()) } }
                            td { a href={ "/tolker/" (c.number) } { (c.number) } }
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
                        a href={ "/tolker/" (a.number) } { (a.number) }
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
