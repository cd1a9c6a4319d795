//! Tip flows that touch both the case and the register: an event and its register command
//! (suspend, exclude, lift, revoke) together, and four-eyes approval of sanctions.

use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::record::InterpreterRecord;
use crate::rules::{self, RuleError};
use crate::store::Database;
use crate::store::StoreError;
use crate::timestamp::Timestamp;
use crate::tips::access::{StaffStanding, check_assignment};
use crate::tips::case::TipCase;
use crate::tips::check::CheckContext;
use crate::tips::error::TipError;
use crate::tips::event::{CaseEvent, NewEvent};
use crate::tips::rules::TipRules;

/// The error of these operations: a rule's refusal or a storage error.
type Error = TipError<StoreError>;

/// What became of an event.
#[derive(Debug, Clone)]
pub enum Acted {
    /// Made, with its register change; the case afterwards.
    Done(Box<TipCase>),
    /// A sanction waiting for a second person with the senior role; the case afterwards.
    AwaitingApproval(Box<TipCase>),
}

impl Acted {
    pub fn case(&self) -> &TipCase {
        match self {
            Acted::Done(c) | Acted::AwaitingApproval(c) => c,
        }
    }
}

/// Makes `event` on case `id` (at `version`) in `actor`'s name. A sanction that needs four
/// eyes (temporary exclusion, exclusion, revocation) is recorded as a proposal instead.
pub async fn act(
    store: &Database,
    id: i64,
    version: i64,
    event: CaseEvent,
    actor: &str,
    reason: &str,
    rules: &TipRules,
) -> Result<Acted, TipError<StoreError>> {
    let case = store.case_for_processing(id, actor).await?;
    if case.version != version {
        return Err(Error::Conflict);
    }
    if case.needs_second_person(&event) {
        let proposal = NewEvent::new(
            CaseEvent::Propose {
                proposal: Box::new(event),
            },
            actor,
            reason,
        );
        precheck(store, &case, &proposal, rules).await?;
        let after = store
            .append_event(id, version, &proposal, rules, Timestamp::now().date())
            .await?;
        return Ok(Acted::AwaitingApproval(Box::new(after)));
    }
    let after = apply(store, &case, NewEvent::new(event, actor, reason), rules).await?;
    Ok(Acted::Done(Box::new(after)))
}

/// Gives case `id` to `assignee` under the assignment rule (`access::check_assignment`): the
/// actor takes it themself, or a senior gives it to an active caseworker. `standing` is what
/// the staff directory says about the assignee.
#[allow(clippy::too_many_arguments)]
pub async fn assign(
    store: &Database,
    id: i64,
    version: i64,
    actor: &str,
    actor_is_senior: bool,
    assignee: &str,
    standing: StaffStanding,
    reason: &str,
    rules: &TipRules,
) -> Result<Acted, TipError<StoreError>> {
    check_assignment(actor, actor_is_senior, assignee, standing)?;
    let event = CaseEvent::Assign {
        caseworker: assignee.to_string(),
    };
    act(store, id, version, event, actor, reason, rules).await
}

/// Approves the case's pending proposal and makes it, with its register change, in the
/// proposer's name and the approver's. The approver must be another senior.
pub async fn approve(
    store: &Database,
    id: i64,
    version: i64,
    approver: &str,
    approver_is_senior: bool,
    rules: &TipRules,
) -> Result<TipCase, TipError<StoreError>> {
    let case = store.case_for_processing(id, approver).await?;
    if case.version != version {
        return Err(Error::Conflict);
    }
    let pending = case.pending.clone().ok_or(Error::NoProposal)?;
    if !approver_is_senior {
        return Err(Error::NotSenior);
    }
    if pending.proposed_by == approver {
        return Err(Error::OwnProposal);
    }
    let reason = case
        .history
        .iter()
        .rev()
        .find(|e| matches!(e.event, CaseEvent::Propose { .. }))
        .map(|e| e.reason.clone())
        .unwrap_or_default();
    let new = NewEvent {
        event: pending.proposal,
        actor: pending.proposed_by,
        approved_by: Some(approver.to_string()),
        reason,
    };
    apply(store, &case, new, rules).await
}

/// Rejects the case's pending proposal; nothing changes in the register.
pub async fn reject(
    store: &Database,
    id: i64,
    version: i64,
    approver: &str,
    approver_is_senior: bool,
    note: &str,
    rules: &TipRules,
) -> Result<TipCase, TipError<StoreError>> {
    let case = store.case_for_processing(id, approver).await?;
    let pending = case.pending.as_ref().ok_or(Error::NoProposal)?;
    if !approver_is_senior {
        return Err(Error::NotSenior);
    }
    if pending.proposed_by == approver {
        return Err(Error::OwnProposal);
    }
    let new = NewEvent::new(CaseEvent::RejectProposal { note: note.to_string() }, approver, note);
    store
        .append_event(id, version, &new, rules, Timestamp::now().date())
        .await
}

fn is_lift(command: &Command) -> bool {
    matches!(command, Command::LiftSuspension | Command::LiftExclusion)
}

/// The register commands `new` makes, checked in order against the record as it stands;
/// lifts of a sanction that has already ended are left out.
async fn planned(
    store: &Database,
    case: &TipCase,
    event: &CaseEvent,
) -> Result<Vec<(InterpreterNumber, Command)>, TipError<StoreError>> {
    let commands = case.register_commands(event);
    let Some(number) = case.intake.subject.number() else {
        return Ok(Vec::new());
    };
    if commands.is_empty() {
        return Ok(Vec::new());
    }
    let mut record: InterpreterRecord = store.record(number).await?.ok_or(StoreError::NotFound(number))?;
    let today = Timestamp::now().date();
    let mut out = Vec::new();
    for command in commands {
        match rules::apply(&record, &command, store.catalogue(), today) {
            Ok(next) => {
                record = next;
                out.push((number, command));
            }
            Err(RuleError::Transition(_) | RuleError::NothingToChange) if is_lift(&command) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// Checks the event (or the proposed one) against the case and the register, writing nothing.
async fn precheck(
    store: &Database,
    case: &TipCase,
    new: &NewEvent,
    rules: &TipRules,
) -> Result<(), TipError<StoreError>> {
    let today = Timestamp::now().date();
    let warnings_in_window = match case.intake.subject.number() {
        Some(n) if new.event.is_decision() => store.warnings_within(n, today, rules).await?,
        _ => 0,
    };
    case.check(
        new,
        &CheckContext {
            today,
            rules: *rules,
            warnings_in_window,
        },
    )?;
    // A proposal is checked against the register as if it were made now.
    let event = match &new.event {
        CaseEvent::Propose { proposal } => proposal,
        event => event,
    };
    planned(store, case, event).await?;
    Ok(())
}

/// Makes the event and its register changes (history, audit and change feed with them) in one
/// transaction: a refused or failed change leaves neither the event nor any sanction behind.
async fn apply(
    store: &Database,
    case: &TipCase,
    new: NewEvent,
    rules: &TipRules,
) -> Result<TipCase, TipError<StoreError>> {
    precheck(store, case, &new, rules).await?;
    let commands = planned(store, case, &new.event).await?;
    let actor = new.approved_by.clone().unwrap_or_else(|| new.actor.clone());
    let reason = match &new.approved_by {
        Some(approver) => format!(
            "Varselsak {}: {} (foreslått av {}, godkjent av {approver})",
            case.reference(),
            new.reason,
            new.actor
        ),
        None => format!("Varselsak {}: {}", case.reference(), new.reason),
    };
    let meta = ChangeMeta::now(&actor, &reason);
    store
        .append_event_with_changes(
            case.id,
            case.version,
            &new,
            &commands,
            &meta,
            rules,
            Timestamp::now().date(),
        )
        .await
}
