//! Storage of casework (foreign-qualification cases, decisions, four-eyes approvals, ended staff
//! sessions) behind the `CaseStore` trait; its SQL is written once in `casework_impl!`.

use std::future::Future;

use time::Date;

use super::{Database, Store};
use crate::casework::four_eyes::{ApprovalStatus, PendingApproval};
use crate::casework::{CaseworkError, Decision, ForeignCase, NewDecision, NewForeignCase, Outcome};
use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::record::InterpreterRecord;
use crate::timestamp::Timestamp;

pub type Result<T, E = CaseworkError> = std::result::Result<T, E>;

/// The casework storage API, beside the register's own [`Store`].
pub trait CaseStore: Store {
    /// Opens a foreign-qualification case; the interpreter must be registered.
    fn open_foreign_case(&self, new: NewForeignCase) -> impl Future<Output = Result<ForeignCase>> + Send;
    fn foreign_case(&self, id: i64) -> impl Future<Output = Result<Option<ForeignCase>>> + Send;
    /// Every case (open ones only when `open_only`), newest first.
    fn foreign_cases(&self, open_only: bool) -> impl Future<Output = Result<Vec<ForeignCase>>> + Send;
    fn foreign_cases_for(&self, number: InterpreterNumber) -> impl Future<Output = Result<Vec<ForeignCase>>> + Send;
    /// Writes a case's changed state if nobody saved it since `case` was read (`Conflict`
    /// otherwise); returns the case as saved.
    fn save_foreign_case(&self, case: &ForeignCase) -> impl Future<Output = Result<ForeignCase>> + Send;

    /// Records a decision and makes the register change `command_for` derives from it (it knows
    /// the decision's reference) in one transaction: the decision and its change stand or fall
    /// together.
    fn record_decision<F>(
        &self,
        new: &NewDecision,
        appeal_deadline: Date,
        command_for: F,
    ) -> impl Future<Output = Result<Decision>> + Send
    where
        F: FnOnce(&Decision) -> Result<Option<Command>> + Send;
    /// As [`CaseStore::record_decision`], and closes `case` with `outcome` and the decision in the
    /// same transaction. A case someone saved since it was read (`Conflict`) leaves neither the
    /// decision nor its register change behind.
    fn record_foreign_decision<F>(
        &self,
        case: &ForeignCase,
        outcome: Outcome,
        new: &NewDecision,
        appeal_deadline: Date,
        command_for: F,
    ) -> impl Future<Output = Result<(ForeignCase, Decision)>> + Send
    where
        F: FnOnce(&Decision) -> Result<Option<Command>> + Send;
    fn decision(&self, id: i64) -> impl Future<Output = Result<Option<Decision>>> + Send;
    fn decisions_for(&self, number: InterpreterNumber) -> impl Future<Output = Result<Vec<Decision>>> + Send;

    fn request_approval(
        &self,
        number: InterpreterNumber,
        command: &Command,
        reason: &str,
        requested_by: &str,
    ) -> impl Future<Output = Result<PendingApproval>> + Send;
    fn approval(&self, id: i64) -> impl Future<Output = Result<Option<PendingApproval>>> + Send;
    /// Approvals with `status`, oldest first.
    fn approvals(&self, status: ApprovalStatus) -> impl Future<Output = Result<Vec<PendingApproval>>> + Send;
    fn approvals_for(&self, number: InterpreterNumber) -> impl Future<Output = Result<Vec<PendingApproval>>> + Send;
    /// Moves a pending approval to `status`; false when it was no longer pending.
    fn close_approval(
        &self,
        id: i64,
        status: ApprovalStatus,
        decided_by: &str,
        note: Option<&str>,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Approves a pending change and makes it in one transaction: `None` (nothing written) when
    /// the approval was no longer pending; a refused change leaves the approval pending.
    fn approve_and_execute(
        &self,
        id: i64,
        approver: &str,
        number: InterpreterNumber,
        command: Command,
        meta: ChangeMeta,
    ) -> impl Future<Output = Result<Option<InterpreterRecord>>> + Send;

    /// Ends a staff session before its token expires (logout).
    fn revoke_session(&self, session_id: &str, expires_at: Timestamp) -> impl Future<Output = Result<()>> + Send;
    fn is_session_revoked(&self, session_id: &str) -> impl Future<Output = Result<bool>> + Send;
}

pub(super) mod rows {
    use time::Date;

    use crate::casework::four_eyes::PendingApproval;
    use crate::casework::{CaseworkError, Decision, ForeignCase};
    use crate::store::StoreError;
    use crate::store::rows::{number, parse};
    use crate::timestamp::Timestamp;

    pub const CASE_COLUMNS: &str = "id, version, interpreter_number, language, country, institution, title, completed_on, received_on, assigned_to, opened_by, opened_at, acknowledged_on, complete_on, equivalent, assessment, outcome, decision_id";
    pub const DECISION_COLUMNS: &str = "id, interpreter_number, kind, language, case_ref, reasons, legal_basis, decided_on, appeal_deadline, letter_language, decided_by, recorded_at";
    pub const APPROVAL_COLUMNS: &str =
        "id, interpreter_number, command, reason, requested_by, requested_at, status, decided_by, decided_at, note";

    #[derive(sqlx::FromRow)]
    pub struct CaseRow {
        pub id: i64,
        pub version: i64,
        pub interpreter_number: i64,
        pub language: String,
        pub country: String,
        pub institution: String,
        pub title: String,
        pub completed_on: Date,
        pub received_on: Date,
        pub assigned_to: String,
        pub opened_by: String,
        pub opened_at: Timestamp,
        pub acknowledged_on: Option<Date>,
        pub complete_on: Option<Date>,
        pub equivalent: Option<String>,
        pub assessment: Option<String>,
        pub outcome: Option<String>,
        pub decision_id: Option<i64>,
    }

    #[derive(sqlx::FromRow)]
    pub struct DocumentRow {
        pub case_id: i64,
        pub item: String,
        pub received_on: Date,
    }

    pub fn into_case(row: CaseRow, documents: &[DocumentRow]) -> Result<ForeignCase, CaseworkError> {
        let mut docs = documents
            .iter()
            .filter(|d| d.case_id == row.id)
            .map(|d| Ok((parse(&d.item, "dokument")?, d.received_on)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        docs.sort_by_key(|(i, _)| *i);
        Ok(ForeignCase {
            id: row.id,
            version: row.version,
            number: number(row.interpreter_number)?,
            language: parse(&row.language, "språkkode")?,
            country: row.country,
            institution: row.institution,
            title: row.title,
            completed_on: row.completed_on,
            received_on: row.received_on,
            assigned_to: row.assigned_to,
            opened_by: row.opened_by,
            opened_at: row.opened_at,
            acknowledged_on: row.acknowledged_on,
            complete_on: row.complete_on,
            documents: docs,
            equivalent: row
                .equivalent
                .as_deref()
                .map(|e| parse(e, "likeverdig kvalifikasjon"))
                .transpose()?,
            assessment: row.assessment,
            outcome: row.outcome.as_deref().map(|o| parse(o, "utfall")).transpose()?,
            decision_id: row.decision_id,
        })
    }

    #[derive(sqlx::FromRow)]
    pub struct DecisionRow {
        pub id: i64,
        pub interpreter_number: i64,
        pub kind: String,
        pub language: Option<String>,
        pub case_ref: Option<String>,
        pub reasons: String,
        pub legal_basis: String,
        pub decided_on: Date,
        pub appeal_deadline: Date,
        pub letter_language: String,
        pub decided_by: String,
        pub recorded_at: Timestamp,
    }

    impl DecisionRow {
        pub fn into_decision(self) -> Result<Decision, CaseworkError> {
            Ok(Decision {
                id: self.id,
                number: number(self.interpreter_number)?,
                kind: parse(&self.kind, "vedtakstype")?,
                language: self.language.as_deref().map(|l| parse(l, "språkkode")).transpose()?,
                case_ref: self.case_ref,
                reasons: self.reasons,
                legal_basis: self.legal_basis,
                decided_on: self.decided_on,
                appeal_deadline: self.appeal_deadline,
                letter_language: parse(&self.letter_language, "målform")?,
                decided_by: self.decided_by,
                recorded_at: self.recorded_at,
            })
        }
    }

    #[derive(sqlx::FromRow)]
    pub struct ApprovalRow {
        pub id: i64,
        pub interpreter_number: i64,
        pub command: String,
        pub reason: String,
        pub requested_by: String,
        pub requested_at: Timestamp,
        pub status: String,
        pub decided_by: Option<String>,
        pub decided_at: Option<Timestamp>,
        pub note: Option<String>,
    }

    impl ApprovalRow {
        pub fn into_approval(self) -> Result<PendingApproval, CaseworkError> {
            Ok(PendingApproval {
                id: self.id,
                number: number(self.interpreter_number)?,
                command: serde_json::from_str(&self.command)
                    .map_err(|e| StoreError::Corrupt(format!("endring som venter på godkjenning: {e}")))?,
                reason: self.reason,
                requested_by: self.requested_by,
                requested_at: self.requested_at,
                status: parse(&self.status, "godkjenningsstatus")?,
                decided_by: self.decided_by,
                decided_at: self.decided_at,
                note: self.note,
            })
        }
    }
}

/// Instantiates [`CaseStore`] for one backend; `$store` must have a `pool` field.
macro_rules! casework_impl {
    ($store:ident, $db:ty) => {
        mod casework_generated {
            use sqlx::AssertSqlSafe;
            use time::Date;

            use super::$store;
            use $crate::casework::four_eyes::{ApprovalStatus, PendingApproval};
            use $crate::casework::{CaseworkError, Decision, ForeignCase, NewDecision, NewForeignCase, Outcome};
            use $crate::command::{ChangeMeta, Command};
            use $crate::interpreter_number::InterpreterNumber;
            use $crate::record::InterpreterRecord;
            use $crate::reference::Catalogue;
            use $crate::store::casework::rows::*;
            use $crate::store::casework::{CaseStore, Result};
            use $crate::store::StoreError;
            use $crate::timestamp::Timestamp;

            type Conn = <$db as sqlx::Database>::Connection;

            async fn cases(conn: &mut Conn, filter: &'static str, number: Option<i64>) -> Result<Vec<ForeignCase>> {
                let sql = format!("SELECT {CASE_COLUMNS} FROM foreign_cases {filter} ORDER BY id DESC");
                let mut q = sqlx::query_as::<_, CaseRow>(AssertSqlSafe(sql));
                if let Some(n) = number {
                    q = q.bind(n);
                }
                let rows = q.fetch_all(&mut *conn).await.map_err(StoreError::from)?;
                let docs: Vec<DocumentRow> =
                    sqlx::query_as("SELECT case_id, item, received_on FROM foreign_case_documents")
                        .fetch_all(&mut *conn)
                        .await
                        .map_err(StoreError::from)?;
                rows.into_iter().map(|r| into_case(r, &docs)).collect()
            }

            async fn decisions(conn: &mut Conn, filter: &'static str, key: i64) -> Result<Vec<Decision>> {
                let sql = format!("SELECT {DECISION_COLUMNS} FROM decisions WHERE {filter} ORDER BY id");
                let rows: Vec<DecisionRow> = sqlx::query_as(AssertSqlSafe(sql))
                    .bind(key)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(StoreError::from)?;
                rows.into_iter().map(DecisionRow::into_decision).collect()
            }

            async fn approvals<T: for<'q> sqlx::Encode<'q, $db> + sqlx::Type<$db> + Send>(
                conn: &mut Conn,
                filter: &'static str,
                key: T,
            ) -> Result<Vec<PendingApproval>> {
                let sql = format!("SELECT {APPROVAL_COLUMNS} FROM pending_approvals WHERE {filter} ORDER BY id");
                let rows: Vec<ApprovalRow> = sqlx::query_as(AssertSqlSafe(sql))
                    .bind(key)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(StoreError::from)?;
                rows.into_iter().map(ApprovalRow::into_approval).collect()
            }

            async fn registered(conn: &mut Conn, number: InterpreterNumber) -> Result<()> {
                let found: Option<i64> =
                    sqlx::query_scalar("SELECT interpreter_number FROM interpreters WHERE interpreter_number = $1")
                        .bind(number.get())
                        .fetch_optional(&mut *conn)
                        .await
                        .map_err(StoreError::from)?;
                found.map(|_| ()).ok_or(CaseworkError::Store(StoreError::NotFound(number)))
            }

            /// Writes a case's state if nobody saved it since it was read (optimistic lock on
            /// `version`), inside the caller's transaction.
            async fn write_case(conn: &mut Conn, case: &ForeignCase) -> Result<()> {
                let updated = sqlx::query(
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
                .execute(&mut *conn)
                .await
                .map_err(StoreError::from)?
                .rows_affected();
                if updated != 1 {
                    return Err(CaseworkError::Conflict);
                }
                sqlx::query("DELETE FROM foreign_case_documents WHERE case_id = $1")
                    .bind(case.id)
                    .execute(&mut *conn)
                    .await
                    .map_err(StoreError::from)?;
                for (item, on) in &case.documents {
                    sqlx::query("INSERT INTO foreign_case_documents (case_id, item, received_on) VALUES ($1, $2, $3)")
                        .bind(case.id)
                        .bind(item.as_str())
                        .bind(*on)
                        .execute(&mut *conn)
                        .await
                        .map_err(StoreError::from)?;
                }
                Ok(())
            }

            /// Inserts a decision and makes the register change `command_for` derives from it,
            /// inside the caller's transaction; returns the decision and the change's feed
            /// sequence (to wake followers after the commit).
            async fn insert_decision<F>(
                conn: &mut Conn,
                catalogue: &Catalogue,
                new: &NewDecision,
                appeal_deadline: Date,
                command_for: F,
            ) -> Result<(Decision, Option<i64>)>
            where
                F: FnOnce(&Decision) -> Result<Option<Command>> + Send,
            {
                registered(conn, new.number).await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO decisions (interpreter_number, kind, language, case_ref, reasons, legal_basis, decided_on, appeal_deadline, letter_language, decided_by, recorded_at) \
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
                .fetch_one(&mut *conn)
                .await
                .map_err(StoreError::from)?;
                let decision = decisions(conn, "id = $1", id).await?.pop().ok_or(CaseworkError::DecisionNotFound(id))?;
                let mut last_seq = None;
                if let Some(command) = command_for(&decision)? {
                    let reason = format!("Vedtak {}: {}", decision.reference(), decision.reasons);
                    let meta = ChangeMeta::now(&decision.decided_by, reason);
                    let (_, seq) = super::generated::execute_in(conn, catalogue, decision.number, command, meta, &Default::default()).await?;
                    last_seq = Some(seq);
                }
                Ok((decision, last_seq))
            }

            impl $store {
                /// Wakes in-process followers (the search indexer) once a register change is committed.
                fn wake_followers(&self, seq: Option<i64>) {
                    if let Some(seq) = seq {
                        self.notify.send_replace(seq);
                    }
                }
            }

            impl CaseStore for $store {
                async fn open_foreign_case(&self, new: NewForeignCase) -> Result<ForeignCase> {
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    registered(&mut tx, new.number).await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO foreign_cases (version, interpreter_number, language, country, institution, title, completed_on, received_on, assigned_to, opened_by, opened_at) \
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
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(StoreError::from)?;
                    tx.commit().await.map_err(StoreError::from)?;
                    self.foreign_case(id).await?.ok_or(CaseworkError::CaseNotFound(id))
                }

                async fn foreign_case(&self, id: i64) -> Result<Option<ForeignCase>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    let row: Option<CaseRow> = sqlx::query_as(AssertSqlSafe(format!(
                        "SELECT {CASE_COLUMNS} FROM foreign_cases WHERE id = $1"
                    )))
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(StoreError::from)?;
                    let Some(row) = row else { return Ok(None) };
                    let docs: Vec<DocumentRow> =
                        sqlx::query_as("SELECT case_id, item, received_on FROM foreign_case_documents WHERE case_id = $1")
                            .bind(id)
                            .fetch_all(&mut *conn)
                            .await
                            .map_err(StoreError::from)?;
                    into_case(row, &docs).map(Some)
                }

                async fn foreign_cases(&self, open_only: bool) -> Result<Vec<ForeignCase>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    let filter = if open_only { "WHERE outcome IS NULL" } else { "" };
                    cases(&mut conn, filter, None).await
                }

                async fn foreign_cases_for(&self, number: InterpreterNumber) -> Result<Vec<ForeignCase>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    cases(&mut conn, "WHERE interpreter_number = $1", Some(number.get())).await
                }

                async fn save_foreign_case(&self, case: &ForeignCase) -> Result<ForeignCase> {
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    write_case(&mut tx, case).await?;
                    tx.commit().await.map_err(StoreError::from)?;
                    self.foreign_case(case.id).await?.ok_or(CaseworkError::CaseNotFound(case.id))
                }

                async fn record_decision<F>(&self, new: &NewDecision, appeal_deadline: Date, command_for: F) -> Result<Decision>
                where
                    F: FnOnce(&Decision) -> Result<Option<Command>> + Send,
                {
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    let (decision, seq) = insert_decision(&mut tx, &self.catalogue, new, appeal_deadline, command_for).await?;
                    tx.commit().await.map_err(StoreError::from)?;
                    self.wake_followers(seq);
                    Ok(decision)
                }

                async fn record_foreign_decision<F>(
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
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    let (decision, seq) = insert_decision(&mut tx, &self.catalogue, new, appeal_deadline, command_for).await?;
                    write_case(&mut tx, &case.decide(outcome, decision.id)?).await?;
                    tx.commit().await.map_err(StoreError::from)?;
                    self.wake_followers(seq);
                    let closed = self.foreign_case(case.id).await?.ok_or(CaseworkError::CaseNotFound(case.id))?;
                    Ok((closed, decision))
                }

                async fn decision(&self, id: i64) -> Result<Option<Decision>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    Ok(decisions(&mut conn, "id = $1", id).await?.pop())
                }

                async fn decisions_for(&self, number: InterpreterNumber) -> Result<Vec<Decision>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    decisions(&mut conn, "interpreter_number = $1", number.get()).await
                }

                async fn request_approval(
                    &self,
                    number: InterpreterNumber,
                    command: &Command,
                    reason: &str,
                    requested_by: &str,
                ) -> Result<PendingApproval> {
                    let json = serde_json::to_string(command)
                        .map_err(|e| StoreError::Corrupt(format!("endringen kan ikke lagres: {e}")))?;
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    registered(&mut tx, number).await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO pending_approvals (interpreter_number, command, reason, requested_by, requested_at, status) \
                         VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING id",
                    )
                    .bind(number.get())
                    .bind(json)
                    .bind(reason.trim())
                    .bind(requested_by)
                    .bind(Timestamp::now())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(StoreError::from)?;
                    tx.commit().await.map_err(StoreError::from)?;
                    self.approval(id).await?.ok_or(CaseworkError::ApprovalNotFound(id))
                }

                async fn approval(&self, id: i64) -> Result<Option<PendingApproval>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    Ok(approvals(&mut conn, "id = $1", id).await?.pop())
                }

                async fn approvals(&self, status: ApprovalStatus) -> Result<Vec<PendingApproval>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    approvals(&mut conn, "status = $1", status.as_str()).await
                }

                async fn approvals_for(&self, number: InterpreterNumber) -> Result<Vec<PendingApproval>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::from)?;
                    approvals(&mut conn, "interpreter_number = $1", number.get()).await
                }

                async fn close_approval(
                    &self,
                    id: i64,
                    status: ApprovalStatus,
                    decided_by: &str,
                    note: Option<&str>,
                ) -> Result<bool> {
                    let done = sqlx::query(
                        "UPDATE pending_approvals SET status = $1, decided_by = $2, decided_at = $3, note = $4 WHERE id = $5 AND status = 'pending'",
                    )
                    .bind(status.as_str())
                    .bind(decided_by)
                    .bind(Timestamp::now())
                    .bind(note)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(StoreError::from)?;
                    Ok(done.rows_affected() == 1)
                }

                async fn approve_and_execute(
                    &self,
                    id: i64,
                    approver: &str,
                    number: InterpreterNumber,
                    command: Command,
                    meta: ChangeMeta,
                ) -> Result<Option<InterpreterRecord>> {
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    let done = sqlx::query(
                        "UPDATE pending_approvals SET status = 'approved', decided_by = $1, decided_at = $2 WHERE id = $3 AND status = 'pending'",
                    )
                    .bind(approver)
                    .bind(Timestamp::now())
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(StoreError::from)?;
                    if done.rows_affected() != 1 {
                        return Ok(None);
                    }
                    let (record, seq) = super::generated::execute_in(&mut tx, &self.catalogue, number, command, meta, &Default::default()).await?;
                    tx.commit().await.map_err(StoreError::from)?;
                    self.notify.send_replace(seq);
                    Ok(Some(record))
                }

                async fn revoke_session(&self, session_id: &str, expires_at: Timestamp) -> Result<()> {
                    let mut tx = Self::begin_write(&self.pool).await.map_err(StoreError::from)?;
                    // Sessions past their expiry are refused by their token anyway.
                    sqlx::query("DELETE FROM revoked_sessions WHERE expires_at < $1")
                        .bind(Timestamp::now())
                        .execute(&mut *tx)
                        .await
                        .map_err(StoreError::from)?;
                    sqlx::query("INSERT INTO revoked_sessions (session_id, expires_at) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING")
                        .bind(session_id)
                        .bind(expires_at)
                        .execute(&mut *tx)
                        .await
                        .map_err(StoreError::from)?;
                    tx.commit().await.map_err(StoreError::from)?;
                    Ok(())
                }

                async fn is_session_revoked(&self, session_id: &str) -> Result<bool> {
                    let found: Option<String> =
                        sqlx::query_scalar("SELECT session_id FROM revoked_sessions WHERE session_id = $1")
                            .bind(session_id)
                            .fetch_optional(&self.pool)
                            .await
                            .map_err(StoreError::from)?;
                    Ok(found.is_some())
                }
            }
        }
    };
}

pub(crate) use casework_impl;

macro_rules! delegate {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Database::Sqlite($s) => $e,
            Database::Postgres($s) => $e,
        }
    };
}

impl CaseStore for Database {
    async fn open_foreign_case(&self, new: NewForeignCase) -> Result<ForeignCase> {
        delegate!(self, s => s.open_foreign_case(new).await)
    }
    async fn foreign_case(&self, id: i64) -> Result<Option<ForeignCase>> {
        delegate!(self, s => s.foreign_case(id).await)
    }
    async fn foreign_cases(&self, open_only: bool) -> Result<Vec<ForeignCase>> {
        delegate!(self, s => s.foreign_cases(open_only).await)
    }
    async fn foreign_cases_for(&self, number: InterpreterNumber) -> Result<Vec<ForeignCase>> {
        delegate!(self, s => s.foreign_cases_for(number).await)
    }
    async fn save_foreign_case(&self, case: &ForeignCase) -> Result<ForeignCase> {
        delegate!(self, s => s.save_foreign_case(case).await)
    }
    async fn record_decision<F>(&self, new: &NewDecision, appeal_deadline: Date, command_for: F) -> Result<Decision>
    where
        F: FnOnce(&Decision) -> Result<Option<Command>> + Send,
    {
        delegate!(self, s => s.record_decision(new, appeal_deadline, command_for).await)
    }
    async fn record_foreign_decision<F>(
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
        delegate!(self, s => s.record_foreign_decision(case, outcome, new, appeal_deadline, command_for).await)
    }
    async fn decision(&self, id: i64) -> Result<Option<Decision>> {
        delegate!(self, s => s.decision(id).await)
    }
    async fn decisions_for(&self, number: InterpreterNumber) -> Result<Vec<Decision>> {
        delegate!(self, s => s.decisions_for(number).await)
    }
    async fn request_approval(
        &self,
        number: InterpreterNumber,
        command: &Command,
        reason: &str,
        requested_by: &str,
    ) -> Result<PendingApproval> {
        delegate!(self, s => s.request_approval(number, command, reason, requested_by).await)
    }
    async fn approval(&self, id: i64) -> Result<Option<PendingApproval>> {
        delegate!(self, s => s.approval(id).await)
    }
    async fn approvals(&self, status: ApprovalStatus) -> Result<Vec<PendingApproval>> {
        delegate!(self, s => s.approvals(status).await)
    }
    async fn approvals_for(&self, number: InterpreterNumber) -> Result<Vec<PendingApproval>> {
        delegate!(self, s => s.approvals_for(number).await)
    }
    async fn close_approval(
        &self,
        id: i64,
        status: ApprovalStatus,
        decided_by: &str,
        note: Option<&str>,
    ) -> Result<bool> {
        delegate!(self, s => s.close_approval(id, status, decided_by, note).await)
    }
    async fn approve_and_execute(
        &self,
        id: i64,
        approver: &str,
        number: InterpreterNumber,
        command: Command,
        meta: ChangeMeta,
    ) -> Result<Option<InterpreterRecord>> {
        delegate!(self, s => s.approve_and_execute(id, approver, number, command, meta).await)
    }
    async fn revoke_session(&self, session_id: &str, expires_at: Timestamp) -> Result<()> {
        delegate!(self, s => s.revoke_session(session_id, expires_at).await)
    }
    async fn is_session_revoked(&self, session_id: &str) -> Result<bool> {
        delegate!(self, s => s.is_session_revoked(session_id).await)
    }
}
