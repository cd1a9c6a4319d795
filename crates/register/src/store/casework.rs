//! Storage of casework: foreign-qualification cases, decisions (each with the register change it
//! makes, in one transaction), four-eyes approvals and ended staff sessions.

use time::Date;

use super::rows::casework::*;
use super::sql::{On, Param, sql};
use super::{Database, StoreError};
use crate::casework::four_eyes::{ApprovalStatus, PendingApproval};
use crate::casework::{CaseworkError, Decision, ForeignCase, NewDecision, NewForeignCase, Outcome};
use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::record::InterpreterRecord;
use crate::reference::Catalogue;
use crate::timestamp::Timestamp;

/// The error of these operations: a rule's refusal or a storage error.
type Error = CaseworkError<StoreError>;

pub type Result<T, E = CaseworkError<StoreError>> = std::result::Result<T, E>;

async fn cases(db: &mut On<'_>, filter: &'static str, number: Option<i64>) -> Result<Vec<ForeignCase>> {
    let text = format!("SELECT {CASE_COLUMNS} FROM foreign_cases {filter} ORDER BY id DESC");
    let mut q = sql(text);
    if let Some(n) = number {
        q = q.bind(n);
    }
    let rows = q.fetch_all(&mut *db).await?;
    let docs: Vec<DocumentRow> = sql("SELECT case_id, item, received_on FROM foreign_case_documents")
        .fetch_all(&mut *db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| into_case(r, &docs))
        .collect::<Result<_, StoreError>>()?)
}

async fn decisions(db: &mut On<'_>, filter: &'static str, key: i64) -> Result<Vec<Decision>> {
    let text = format!("SELECT {DECISION_COLUMNS} FROM decisions WHERE {filter} ORDER BY id");
    let rows: Vec<DecisionRow> = sql(text).bind(key).fetch_all(&mut *db).await?;
    Ok(rows
        .into_iter()
        .map(DecisionRow::into_decision)
        .collect::<Result<_, StoreError>>()?)
}

async fn approvals(db: &mut On<'_>, filter: &'static str, key: impl Param<'static>) -> Result<Vec<PendingApproval>> {
    let text = format!("SELECT {APPROVAL_COLUMNS} FROM pending_approvals WHERE {filter} ORDER BY id");
    let rows: Vec<ApprovalRow> = sql(text).bind(key).fetch_all(&mut *db).await?;
    Ok(rows
        .into_iter()
        .map(ApprovalRow::into_approval)
        .collect::<Result<_, StoreError>>()?)
}

async fn registered(db: &mut On<'_>, number: InterpreterNumber) -> Result<()> {
    let found: Option<i64> = sql("SELECT interpreter_number FROM interpreters WHERE interpreter_number = $1")
        .bind(number.get())
        .scalar_optional(&mut *db)
        .await?;
    found.map(|_| ()).ok_or(Error::Store(StoreError::NotFound(number)))
}

/// Writes a case's state if nobody saved it since it was read (optimistic lock on
/// `version`), inside the caller's transaction.
async fn write_case(db: &mut On<'_>, case: &ForeignCase) -> Result<()> {
    let updated = sql(
        "UPDATE foreign_cases SET version = version + 1, assigned_to = $1, acknowledged_on = $2, complete_on = $3, \
         equivalent = $4, assessment = $5, outcome = $6, decision_id = $7 WHERE id = $8 AND version = $9",
    )
    .bind(&case.assigned_to)
    .bind(case.acknowledged_on)
    .bind(case.complete_on)
    .bind(case.equivalent.map(|e| e.as_str()))
    .bind(case.assessment.as_deref())
    .bind(case.outcome.map(|o| o.as_str()))
    .bind(case.decision_id)
    .bind(case.id)
    .bind(case.version)
    .execute(&mut *db)
    .await?;
    if updated != 1 {
        return Err(Error::Conflict);
    }
    sql("DELETE FROM foreign_case_documents WHERE case_id = $1")
        .bind(case.id)
        .execute(&mut *db)
        .await?;
    for (item, on) in &case.documents {
        sql("INSERT INTO foreign_case_documents (case_id, item, received_on) VALUES ($1, $2, $3)")
            .bind(case.id)
            .bind(item.as_str())
            .bind(*on)
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}

/// Inserts a decision and makes the register change `command_for` derives from it,
/// inside the caller's transaction; returns the decision and the change's feed
/// sequence (to wake followers after the commit).
async fn insert_decision<F>(
    db: &mut On<'_>,
    catalogue: &Catalogue,
    new: &NewDecision,
    appeal_deadline: Date,
    command_for: F,
) -> Result<(Decision, Option<i64>)>
where
    F: FnOnce(&Decision) -> Result<Option<Command>> + Send,
{
    registered(db, new.number).await?;
    let id: i64 = sql(
        "INSERT INTO decisions (interpreter_number, kind, language, case_ref, reasons, legal_basis, decided_on, \
            appeal_deadline, letter_language, decided_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(new.number.get())
    .bind(new.kind.as_str())
    .bind(new.language.map(|l| l.to_string()))
    .bind(new.case_ref.as_deref())
    .bind(new.reasons.trim())
    .bind(new.legal_basis.trim())
    .bind(new.decided_on)
    .bind(appeal_deadline)
    .bind(new.letter_language.as_str())
    .bind(&new.decided_by)
    .bind(Timestamp::now())
    .scalar(&mut *db)
    .await?;
    let decision = decisions(db, "id = $1", id)
        .await?
        .pop()
        .ok_or(Error::DecisionNotFound(id))?;
    let mut last_seq = None;
    if let Some(command) = command_for(&decision)? {
        let reason = format!("Vedtak {}: {}", decision.reference(), decision.reasons);
        let meta = ChangeMeta::now(&decision.decided_by, reason);
        let (_, seq) =
            super::records::execute_in(db, catalogue, decision.number, command, meta, &Default::default()).await?;
        last_seq = Some(seq);
    }
    Ok((decision, last_seq))
}

impl Database {
    /// Opens a foreign-qualification case; the interpreter must be registered.
    pub async fn open_foreign_case(&self, new: NewForeignCase) -> Result<ForeignCase> {
        let mut tx = self.pool.begin_write().await?;
        registered(&mut tx.on(), new.number).await?;
        let id: i64 = sql(
            "INSERT INTO foreign_cases (version, interpreter_number, language, country, institution, title, \
                completed_on, received_on, assigned_to, opened_by, opened_at) \
             VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(new.number.get())
        .bind(new.language.to_string())
        .bind(new.country.trim())
        .bind(new.institution.trim())
        .bind(new.title.trim())
        .bind(new.completed_on)
        .bind(new.received_on)
        .bind(&new.assigned_to)
        .bind(&new.opened_by)
        .bind(Timestamp::now())
        .scalar(tx.on())
        .await?;
        tx.commit().await?;
        self.foreign_case(id).await?.ok_or(Error::CaseNotFound(id))
    }

    pub async fn foreign_case(&self, id: i64) -> Result<Option<ForeignCase>> {
        let mut conn = self.pool.acquire().await?;
        let row: Option<CaseRow> = sql(format!("SELECT {CASE_COLUMNS} FROM foreign_cases WHERE id = $1"))
            .bind(id)
            .fetch_optional(conn.on())
            .await?;
        let Some(row) = row else { return Ok(None) };
        let docs: Vec<DocumentRow> =
            sql("SELECT case_id, item, received_on FROM foreign_case_documents WHERE case_id = $1")
                .bind(id)
                .fetch_all(conn.on())
                .await?;
        Ok(Some(into_case(row, &docs)?))
    }

    /// Every case (open ones only when `open_only`), newest first.
    pub async fn foreign_cases(&self, open_only: bool) -> Result<Vec<ForeignCase>> {
        let mut conn = self.pool.acquire().await?;
        let filter = if open_only { "WHERE outcome IS NULL" } else { "" };
        cases(&mut conn.on(), filter, None).await
    }

    pub async fn foreign_cases_for(&self, number: InterpreterNumber) -> Result<Vec<ForeignCase>> {
        let mut conn = self.pool.acquire().await?;
        cases(&mut conn.on(), "WHERE interpreter_number = $1", Some(number.get())).await
    }

    /// Writes a case's changed state if nobody saved it since `case` was read (`Conflict`
    /// otherwise); returns the case as saved.
    pub async fn save_foreign_case(&self, case: &ForeignCase) -> Result<ForeignCase> {
        let mut tx = self.pool.begin_write().await?;
        write_case(&mut tx.on(), case).await?;
        tx.commit().await?;
        self.foreign_case(case.id).await?.ok_or(Error::CaseNotFound(case.id))
    }

    /// Records a decision and makes the register change `command_for` derives from it (it knows
    /// the decision's reference) in one transaction: the decision and its change stand or fall
    /// together.
    pub async fn record_decision<F>(&self, new: &NewDecision, appeal_deadline: Date, command_for: F) -> Result<Decision>
    where
        F: FnOnce(&Decision) -> Result<Option<Command>> + Send,
    {
        let mut tx = self.pool.begin_write().await?;
        let (decision, seq) = insert_decision(&mut tx.on(), &self.catalogue, new, appeal_deadline, command_for).await?;
        tx.commit().await?;
        self.wake_followers(seq);
        Ok(decision)
    }

    /// As [`Database::record_decision`], and closes `case` with `outcome` and the decision in the
    /// same transaction. A case someone saved since it was read (`Conflict`) leaves neither the
    /// decision nor its register change behind.
    pub async fn record_foreign_decision<F>(
        &self,
        case: &ForeignCase,
        outcome: Outcome,
        new: &NewDecision,
        appeal_deadline: Date,
        command_for: F,
    ) -> Result<(ForeignCase, Decision)>
    where
        F: FnOnce(&Decision) -> Result<Option<Command>> + Send,
    {
        let mut tx = self.pool.begin_write().await?;
        let (decision, seq) = insert_decision(&mut tx.on(), &self.catalogue, new, appeal_deadline, command_for).await?;
        write_case(&mut tx.on(), &case.decide(outcome, decision.id)?).await?;
        tx.commit().await?;
        self.wake_followers(seq);
        let closed = self.foreign_case(case.id).await?.ok_or(Error::CaseNotFound(case.id))?;
        Ok((closed, decision))
    }

    pub async fn decision(&self, id: i64) -> Result<Option<Decision>> {
        let mut conn = self.pool.acquire().await?;
        Ok(decisions(&mut conn.on(), "id = $1", id).await?.pop())
    }

    pub async fn decisions_for(&self, number: InterpreterNumber) -> Result<Vec<Decision>> {
        let mut conn = self.pool.acquire().await?;
        decisions(&mut conn.on(), "interpreter_number = $1", number.get()).await
    }

    pub async fn request_approval(
        &self,
        number: InterpreterNumber,
        command: &Command,
        reason: &str,
        requested_by: &str,
    ) -> Result<PendingApproval> {
        let json = serde_json::to_string(command)
            .map_err(|e| StoreError::Corrupt(format!("endringen kan ikke lagres: {e}")))?;
        let mut tx = self.pool.begin_write().await?;
        registered(&mut tx.on(), number).await?;
        let id: i64 = sql(
            "INSERT INTO pending_approvals (interpreter_number, command, reason, requested_by, requested_at, status) \
             VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING id",
        )
        .bind(number.get())
        .bind(json)
        .bind(reason.trim())
        .bind(requested_by)
        .bind(Timestamp::now())
        .scalar(tx.on())
        .await?;
        tx.commit().await?;
        self.approval(id).await?.ok_or(Error::ApprovalNotFound(id))
    }

    pub async fn approval(&self, id: i64) -> Result<Option<PendingApproval>> {
        let mut conn = self.pool.acquire().await?;
        Ok(approvals(&mut conn.on(), "id = $1", id).await?.pop())
    }

    /// Approvals with `status`, oldest first.
    pub async fn approvals(&self, status: ApprovalStatus) -> Result<Vec<PendingApproval>> {
        let mut conn = self.pool.acquire().await?;
        approvals(&mut conn.on(), "status = $1", status.as_str()).await
    }

    pub async fn approvals_for(&self, number: InterpreterNumber) -> Result<Vec<PendingApproval>> {
        let mut conn = self.pool.acquire().await?;
        approvals(&mut conn.on(), "interpreter_number = $1", number.get()).await
    }

    /// Moves a pending approval to `status`; false when it was no longer pending.
    pub async fn close_approval(
        &self,
        id: i64,
        status: ApprovalStatus,
        decided_by: &str,
        note: Option<&str>,
    ) -> Result<bool> {
        let done = sql(
            "UPDATE pending_approvals SET status = $1, decided_by = $2, decided_at = $3, note = $4 WHERE id = $5 AND \
                status = 'pending'",
        )
        .bind(status.as_str())
        .bind(decided_by)
        .bind(Timestamp::now())
        .bind(note)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done == 1)
    }

    /// Approves a pending change and makes it in one transaction: `None` (nothing written) when
    /// the approval was no longer pending; a refused change leaves the approval pending.
    pub async fn approve_and_execute(
        &self,
        id: i64,
        approver: &str,
        number: InterpreterNumber,
        command: Command,
        meta: ChangeMeta,
    ) -> Result<Option<InterpreterRecord>> {
        let mut tx = self.pool.begin_write().await?;
        let done = sql(
            "UPDATE pending_approvals SET status = 'approved', decided_by = $1, decided_at = $2 WHERE id = $3 AND \
                status = 'pending'",
        )
        .bind(approver)
        .bind(Timestamp::now())
        .bind(id)
        .execute(tx.on())
        .await?;
        if done != 1 {
            return Ok(None);
        }
        let (record, seq) = super::records::execute_in(
            &mut tx.on(),
            &self.catalogue,
            number,
            command,
            meta,
            &Default::default(),
        )
        .await?;
        tx.commit().await?;
        self.notify.send_replace(seq);
        Ok(Some(record))
    }

    /// Ends a staff session before its token expires (logout).
    pub async fn revoke_session(&self, session_id: &str, expires_at: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin_write().await?;
        // Sessions past their expiry are refused by their token anyway.
        sql("DELETE FROM revoked_sessions WHERE expires_at < $1")
            .bind(Timestamp::now())
            .execute(tx.on())
            .await?;
        sql(
            "INSERT INTO revoked_sessions (session_id, expires_at) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING",
        )
        .bind(session_id)
        .bind(expires_at)
        .execute(tx.on())
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn is_session_revoked(&self, session_id: &str) -> Result<bool> {
        let found: Option<String> = sql("SELECT session_id FROM revoked_sessions WHERE session_id = $1")
            .bind(session_id)
            .scalar_optional(&self.pool)
            .await?;
        Ok(found.is_some())
    }
}
