//! Casework flows that touch the register and casework storage together: changes that may need
//! four-eyes approval, formal decisions and foreign-qualification outcomes. Rules stay pure.

use time::Date;

use crate::casework::deadlines::Deadlines;
use crate::casework::decision::{Decision, DecisionKind, NewDecision};
use crate::casework::error::CaseworkError;
use crate::casework::foreign::{ForeignCase, Outcome};
use crate::casework::four_eyes::{self, ApprovalStatus, PendingApproval};
use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::record::InterpreterRecord;
use crate::rules;
use crate::store::Database;
use crate::store::StoreError;
use crate::timestamp::Timestamp;
use crate::workflow::sanctions;

/// The error of these operations: a rule's refusal or a storage error.
type Error = CaseworkError<StoreError>;

/// What became of a requested change.
#[derive(Debug, Clone)]
pub enum Requested {
    /// Made at once; the record afterwards.
    Done(Box<InterpreterRecord>),
    /// Waits for a second person with the senior role.
    AwaitingApproval(Box<PendingApproval>),
}

/// Checks `command` against the record as it stands, without writing anything.
async fn dry_run(
    store: &Database,
    number: InterpreterNumber,
    command: &Command,
) -> Result<(), CaseworkError<StoreError>> {
    let record = store.record(number).await?.ok_or(StoreError::NotFound(number))?;
    rules::apply(&record, command, store.catalogue(), Timestamp::now().date())?;
    Ok(())
}

fn check_reason(reason: &str) -> Result<(), CaseworkError<StoreError>> {
    if reason.trim().is_empty() {
        Err(Error::field("reason", "begrunnelse for endringen må oppgis"))
    } else if reason.len() > 2_000 {
        Err(Error::field("reason", "begrunnelsen er for lang"))
    } else {
        Ok(())
    }
}

/// Makes `command` now, or — when it needs four eyes — records it for approval after checking
/// that it would be allowed today.
pub async fn request_change(
    store: &Database,
    number: InterpreterNumber,
    command: Command,
    reason: &str,
    actor: &str,
) -> Result<Requested, CaseworkError<StoreError>> {
    check_reason(reason)?;
    let record = store.record(number).await?.ok_or(StoreError::NotFound(number))?;
    let after = rules::apply(&record, &command, store.catalogue(), Timestamp::now().date())?;
    if four_eyes::needs_second_approval(&record, &command, &after) {
        // An exclusion without grounds is refused now, not first when a second person approves.
        sanctions::precheck_exclusion(store, number, &command, Timestamp::now().date()).await?;
        let pending = store.request_approval(number, &command, reason, actor).await?;
        return Ok(Requested::AwaitingApproval(Box::new(pending)));
    }
    let record = store
        .execute(number, command, ChangeMeta::now(actor, reason.trim()))
        .await?;
    Ok(Requested::Done(Box::new(record)))
}

/// Approves a pending change and makes it, in the approver's name with both people in the
/// reason. If the change is no longer allowed, the request stays pending and the error says why.
pub async fn approve(
    store: &Database,
    id: i64,
    approver: &str,
    approver_is_senior: bool,
) -> Result<InterpreterRecord, CaseworkError<StoreError>> {
    let pending = store.approval(id).await?.ok_or(Error::ApprovalNotFound(id))?;
    four_eyes::check_approver(&pending, approver, approver_is_senior)?;
    let reason = format!(
        "{} (foreslått av {}, godkjent av {})",
        pending.reason, pending.requested_by, approver
    );
    let meta = ChangeMeta::now(approver, reason);
    store
        .approve_and_execute(id, approver, pending.number, pending.command.clone(), meta)
        .await?
        .ok_or(Error::ApprovalClosed)
}

/// Rejects a pending change; the register is not touched.
pub async fn reject(
    store: &Database,
    id: i64,
    approver: &str,
    approver_is_senior: bool,
    note: &str,
) -> Result<PendingApproval, CaseworkError<StoreError>> {
    let pending = store.approval(id).await?.ok_or(Error::ApprovalNotFound(id))?;
    four_eyes::check_approver(&pending, approver, approver_is_senior)?;
    if note.trim().is_empty() {
        return Err(Error::field("note", "skriv hvorfor forespørselen avvises"));
    }
    if !store
        .close_approval(id, ApprovalStatus::Rejected, approver, Some(note.trim()))
        .await?
    {
        return Err(Error::ApprovalClosed);
    }
    store.approval(id).await?.ok_or(Error::ApprovalNotFound(id))
}

/// Makes a formal decision: records it and makes its register change (approval of an entry,
/// withdrawal) in one transaction, so a refused change leaves no decision behind.
pub async fn decide(
    store: &Database,
    new: NewDecision,
    deadlines: &Deadlines,
) -> Result<Decision, CaseworkError<StoreError>> {
    let command = new.register_command();
    decide_with(store, new, deadlines, move |_| Ok(command)).await
}

/// Checks `new` against the register as it stands, then records it together with the register
/// change `command_for` derives from the recorded decision (which knows its reference).
async fn decide_with(
    store: &Database,
    new: NewDecision,
    deadlines: &Deadlines,
    command_for: impl FnOnce(&Decision) -> Result<Option<Command>, CaseworkError<StoreError>> + Send,
) -> Result<Decision, CaseworkError<StoreError>> {
    check_decision(store, &new).await?;
    store
        .record_decision(&new, deadlines.appeal_by(new.decided_on), command_for)
        .await
}

/// Refuses a decision that is invalid today or whose register change the register would refuse,
/// before anything is written.
async fn check_decision(store: &Database, new: &NewDecision) -> Result<(), CaseworkError<StoreError>> {
    new.check(Timestamp::now().date())?;
    match new.register_command() {
        Some(command) => dry_run(store, new.number, &command).await,
        None => store
            .record(new.number)
            .await?
            .map(|_| ())
            .ok_or(StoreError::NotFound(new.number).into()),
    }
}

/// The decision fields staff write for a foreign-qualification outcome.
#[derive(Debug, Clone)]
pub struct ForeignDecision {
    pub outcome: Outcome,
    pub reasons: String,
    pub legal_basis: String,
    pub decided_on: Date,
    pub letter_language: crate::casework::decision::LetterLanguage,
    pub decided_by: String,
}

/// Closes a foreign-qualification case: records the decision, on approval adds the Norwegian
/// equivalent to the register (so the category follows), and stores the outcome on the case, all
/// in one transaction.
pub async fn decide_foreign_case(
    store: &Database,
    case: &ForeignCase,
    input: ForeignDecision,
    deadlines: &Deadlines,
) -> Result<(ForeignCase, Decision), CaseworkError<StoreError>> {
    case.check_decidable(input.outcome)?;
    let kind = match input.outcome {
        Outcome::Approved => DecisionKind::ApproveForeign,
        Outcome::Refused => DecisionKind::RefuseForeign,
    };
    let new = NewDecision {
        number: case.number,
        kind,
        language: Some(case.language),
        case_ref: Some(case.reference()),
        reasons: input.reasons,
        legal_basis: input.legal_basis,
        decided_on: input.decided_on,
        letter_language: input.letter_language,
        decided_by: input.decided_by,
    };
    check_decision(store, &new).await?;
    let outcome = input.outcome;
    store
        .record_foreign_decision(
            case,
            outcome,
            &new,
            deadlines.appeal_by(new.decided_on),
            |d| match outcome {
                Outcome::Approved => case
                    .approved_qualification(&d.reference())
                    .map(|qualification| Some(Command::AddQualification { qualification }))
                    .ok_or(Error::NoEquivalent),
                Outcome::Refused => Ok(None),
            },
        )
        .await
}
