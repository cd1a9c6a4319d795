//! Storage of tips: the intake, the append-only case history with the checks an event must pass
//! before it is appended, the documents, and the access log that records every read of a case.
//! Every read of one case goes through [`Database::view_case`] or
//! [`Database::case_for_processing`], both of which log it.

use std::collections::BTreeMap;

use serde::Serialize;
use time::Date;

use super::committee::load_meetings;
use super::rows::tips::*;
use super::sql::{On, sql};
use super::{Database, StoreError};
use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::timestamp::Timestamp;
use crate::tips::access::{self, CaseView, CommitteeFacts, Viewer};
use crate::tips::check::CheckContext;
use crate::tips::contact_key::Seal;
use crate::tips::figures::{self, YearFigures};
use crate::tips::{
    CaseDeadline, CaseEvent, CaseStatus, ContactKey, DocumentContent, NewDocument, NewEvent, NewTip, Reporter,
    ReporterContact, TipCase, TipDocument, TipError, TipRules, status,
};

/// The error of these operations: a rule's refusal or a storage error.
type Error = TipError<StoreError>;

pub type Result<T, E = TipError<StoreError>> = std::result::Result<T, E>;

/// A line in the list of cases: no account, no reporter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipListItem {
    pub id: i64,
    pub reference: String,
    pub received_on: Date,
    pub interpreter: Option<InterpreterNumber>,
    pub status: CaseStatus,
    /// The caseworkers assigned, e.g. `staff:kari`.
    pub assigned: Vec<String>,
    /// What the case waits for, soonest first.
    pub deadlines: Vec<CaseDeadline>,
    /// Whether a change waits for a second person's approval.
    pub pending: bool,
}

impl TipListItem {
    pub(crate) fn of(case: &TipCase) -> TipListItem {
        TipListItem {
            id: case.id,
            reference: case.reference(),
            received_on: case.intake.received_on,
            interpreter: case.intake.subject.number(),
            status: case.status,
            assigned: case.assigned.clone(),
            deadlines: case.open_deadlines(),
            pending: case.pending.is_some(),
        }
    }
}

/// One read of a case: who, when, and what they were shown (or why they were refused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessLogEntry {
    pub tip_id: i64,
    pub viewer: String,
    pub viewer_kind: String,
    pub viewed_at: Timestamp,
    pub shown: String,
}

/// What `shown` says for reads made to process a change (not to display the case).
pub const SHOWN_FOR_PROCESSING: &str = "processing";

async fn events(db: &mut On<'_>, id: Option<i64>) -> Result<BTreeMap<i64, Vec<crate::tips::EventRecord>>> {
    let text = match id {
        Some(_) => format!("SELECT {EVENT_COLUMNS} FROM tip_events WHERE tip_id = $1 ORDER BY tip_id, seq"),
        None => format!("SELECT {EVENT_COLUMNS} FROM tip_events ORDER BY tip_id, seq"),
    };
    let mut q = sql(text);
    if let Some(id) = id {
        q = q.bind(id);
    }
    let mut out: BTreeMap<i64, Vec<_>> = BTreeMap::new();
    for row in q.fetch_all::<EventRow>(&mut *db).await? {
        out.entry(row.tip_id).or_default().push(row.into_record()?);
    }
    Ok(out)
}

/// Loads cases by a filter on `tips` with at most one bound i64.
async fn cases(db: &mut On<'_>, filter: &'static str, key: Option<i64>) -> Result<Vec<TipCase>> {
    let text = format!("SELECT {TIP_COLUMNS} FROM tips {filter} ORDER BY id");
    let mut q = sql(text);
    if let Some(k) = key {
        q = q.bind(k);
    }
    let rows = q.fetch_all::<TipRow>(&mut *db).await?;
    let single = if rows.len() == 1 { Some(rows[0].id) } else { None };
    let mut all = events(db, single).await?;
    rows.into_iter()
        .map(|r| {
            let evs = all.remove(&r.id).unwrap_or_default();
            let id = r.id;
            Ok(TipCase::replay(id, r.into_intake()?, evs))
        })
        .collect()
}

pub(super) async fn case(db: &mut On<'_>, id: i64) -> Result<TipCase> {
    cases(db, "WHERE id = $1", Some(id))
        .await?
        .pop()
        .ok_or(Error::NotFound(id))
}

async fn log_read(db: &mut On<'_>, id: i64, viewer: &str, kind: &str, shown: &str) -> Result<()> {
    sql("INSERT INTO tip_access_log (tip_id, viewer, viewer_kind, viewed_at, shown) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(viewer)
        .bind(kind)
        .bind(Timestamp::now())
        .bind(shown)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// The standing warnings for the register's own check of an exclusion, which
/// reports storage errors as the register does.
pub(in crate::store) async fn standing_warnings(
    db: &mut On<'_>,
    number: InterpreterNumber,
    today: Date,
    rules: &TipRules,
) -> std::result::Result<usize, StoreError> {
    warnings(db, number, today, rules).await.map_err(|e| match e {
        Error::Store(e) => e,
        other => StoreError::Corrupt(other.to_string()),
    })
}

async fn warnings(db: &mut On<'_>, number: InterpreterNumber, today: Date, rules: &TipRules) -> Result<usize> {
    let standing: Vec<_> = cases(db, "WHERE interpreter_number = $1", Some(number.get()))
        .await?
        .iter()
        .filter_map(TipCase::standing_warning)
        .collect();
    Ok(rules.warnings_within(&standing, today))
}

/// Appends `new` to case `id` at `expected_version` on `conn` (inside the caller's
/// transaction) after the case rules; the case afterwards.
async fn append(
    db: &mut On<'_>,
    id: i64,
    expected_version: i64,
    new: &NewEvent,
    rules: &TipRules,
    today: Date,
) -> Result<TipCase> {
    // Write first: takes the row lock (PostgreSQL) or the write lock (SQLite).
    let bumped = sql("UPDATE tips SET version = version + 1 WHERE id = $1 AND version = $2")
        .bind(id)
        .bind(expected_version)
        .execute(&mut *db)
        .await?;
    let before = case(&mut *db, id).await?;
    if bumped != 1 {
        return Err(Error::Conflict);
    }
    let warnings_in_window = match before.intake.subject.number() {
        Some(n) if new.event.is_decision() => warnings(&mut *db, n, today, rules).await?,
        _ => 0,
    };
    before.check(
        new,
        &CheckContext {
            today,
            rules: *rules,
            warnings_in_window,
        },
    )?;
    let after_status = status::next(before.status, &new.event)?;
    if let CaseEvent::ReferToCommittee { meeting_id, .. } = &new.event {
        let held_on: Option<Date> = sql("SELECT held_on FROM committee_meetings WHERE id = $1")
            .bind(*meeting_id)
            .scalar_optional(&mut *db)
            .await?;
        held_on.ok_or(Error::MeetingNotFound(*meeting_id))?;
        sql("INSERT INTO committee_agenda (meeting_id, tip_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(*meeting_id)
            .bind(id)
            .execute(&mut *db)
            .await?;
    }
    let detail = serde_json::to_string(&new.event)
        .map_err(|e| StoreError::Corrupt(format!("hendelsen kan ikke lagres: {e}")))?;
    sql(
        "INSERT INTO tip_events (tip_id, seq, recorded_at, actor, approved_by, reason, kind, detail, status) VALUES \
            ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(expected_version + 1)
    .bind(Timestamp::now())
    .bind(new.actor.trim())
    .bind(new.approved_by.as_deref())
    .bind(new.reason.trim())
    .bind(new.event.kind())
    .bind(detail)
    .bind(after_status.as_str())
    .execute(&mut *db)
    .await?;
    sql("UPDATE tips SET status = $1 WHERE id = $2")
        .bind(after_status.as_str())
        .bind(id)
        .execute(&mut *db)
        .await?;
    case(&mut *db, id).await
}

fn sealed_contact(new: &NewTip, key: &impl Seal) -> Result<Option<Vec<u8>>> {
    new.reporter
        .contact()
        .map(|c| {
            serde_json::to_vec(c)
                .map(|json| key.seal(&json))
                .map_err(|e| Error::Store(StoreError::Corrupt(format!("kontaktopplysninger: {e}"))))
        })
        .transpose()
}

impl Database {
    /// Records a new tip with the reporter's contact sealed under `key`. The public form and
    /// staff registering a tip from e-mail or post both come here.
    pub async fn receive_tip(&self, new: &NewTip, key: &(impl Seal + Sync)) -> Result<TipCase> {
        new.check(Timestamp::now().date())?;
        let contact = sealed_contact(new, key)?;
        let mut tx = self.pool.begin_write().await?;
        if let Some(n) = new.subject.number() {
            let found: Option<i64> = sql("SELECT interpreter_number FROM interpreters WHERE interpreter_number = $1")
                .bind(n.get())
                .scalar_optional(tx.on())
                .await?;
            found.ok_or(StoreError::NotFound(n))?;
        }
        let description = match &new.subject {
            crate::tips::Subject::Unknown { description } => Some(description.trim().to_string()),
            crate::tips::Subject::Interpreter { .. } => None,
        };
        let id: i64 = sql(
            "INSERT INTO tips (received_on, received_at, received_by, channel, interpreter_number, \
                subject_description, assignment_on, assignment_place, grounds, account, reporter_role, anonymous, \
                reporter_contact, status, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 0) RETURNING id",
        )
        .bind(new.received_on)
        .bind(Timestamp::now())
        .bind(new.received_by.trim())
        .bind(new.channel.as_str())
        .bind(new.subject.number().map(|n| n.get()))
        .bind(description)
        .bind(new.assignment_on)
        .bind(new.assignment_place.trim())
        .bind(new.grounds.to_stored())
        .bind(new.account.trim())
        .bind(new.reporter.role().map(|r| r.as_str()))
        .bind(contact.is_none())
        .bind(contact)
        .bind(crate::tips::CaseStatus::Received.as_str())
        .scalar(tx.on())
        .await?;
        let created = case(&mut tx.on(), id).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Opens a case for `viewer` under the access rule, logs the read (also a refusal), and
    /// returns what the viewer may see; `AccessDenied` when refused.
    pub async fn view_case(&self, id: i64, viewer: &Viewer, key: &ContactKey) -> Result<CaseView> {
        let mut conn = self.pool.acquire().await?;
        let found = case(&mut conn.on(), id).await?;
        let participants: Vec<String> = sql(
            "SELECT DISTINCT p.login FROM committee_agenda a JOIN committee_participants p ON p.meeting_id = \
                a.meeting_id WHERE a.tip_id = $1",
        )
        .bind(id)
        .scalars(conn.on())
        .await?;
        let conflicted: Vec<String> = sql("SELECT login FROM committee_conflicts WHERE tip_id = $1")
            .bind(id)
            .scalars(conn.on())
            .await?;
        let facts = CommitteeFacts {
            agenda_participants: participants,
            conflicted,
        };
        let shown = match access::access(viewer, &found.assigned, &facts) {
            Ok(shown) => shown,
            Err(refusal) => {
                log_read(&mut conn.on(), id, viewer.login(), viewer.kind(), refusal.as_str()).await?;
                return Err(Error::AccessDenied);
            }
        };
        let reporter = if shown == access::Shown::Full {
            let sealed: Option<Vec<u8>> = sql("SELECT reporter_contact FROM tips WHERE id = $1")
                .bind(id)
                .scalar(conn.on())
                .await?;
            match (sealed, found.intake.reporter_role) {
                (Some(bytes), Some(role)) => {
                    let contact: ReporterContact = serde_json::from_slice(&key.open(&bytes)?)
                        .map_err(|e| StoreError::Corrupt(format!("kontaktopplysninger: {e}")))?;
                    Reporter::Identified { role, contact }
                }
                (_, role) => Reporter::Anonymous { role },
            }
        } else {
            Reporter::Anonymous { role: None }
        };
        log_read(&mut conn.on(), id, viewer.login(), viewer.kind(), shown.as_str()).await?;
        Ok(CaseView::build(found, shown, || reporter))
    }

    /// The case state (never the reporter's contact) for a workflow about to change it; logged.
    pub async fn case_for_processing(&self, id: i64, actor: &str) -> Result<TipCase> {
        let mut conn = self.pool.acquire().await?;
        let found = case(&mut conn.on(), id).await?;
        log_read(&mut conn.on(), id, actor, "staff", SHOWN_FOR_PROCESSING).await?;
        Ok(found)
    }

    /// Appends an event if the case is still at `expected_version` (`Conflict` otherwise) and
    /// the event passes the case rules on `today`; returns the case afterwards. Sanctions are
    /// refused here without a second person; events that change the register (see
    /// `TipCase::register_commands`) belong in `tips::workflow`, which makes both changes.
    pub async fn append_event(
        &self,
        id: i64,
        expected_version: i64,
        new: &NewEvent,
        rules: &TipRules,
        today: Date,
    ) -> Result<TipCase> {
        let mut tx = self.pool.begin_write().await?;
        let after = append(&mut tx.on(), id, expected_version, new, rules, today).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Appends an event as [`Database::append_event`] does and makes its register changes
    /// (`changes`, in order, under `meta`) in the same transaction: a sanction is never in the
    /// register without its case event, nor the event without its sanction.
    #[allow(clippy::too_many_arguments)]
    pub async fn append_event_with_changes(
        &self,
        id: i64,
        expected_version: i64,
        new: &NewEvent,
        changes: &[(InterpreterNumber, Command)],
        meta: &ChangeMeta,
        rules: &TipRules,
        today: Date,
    ) -> Result<TipCase> {
        let mut tx = self.pool.begin_write().await?;
        // The case first: its row lock orders concurrent actions on one case before
        // any of them takes the register's writer lock.
        let after = append(&mut tx.on(), id, expected_version, new, rules, today).await?;
        // Only the decision this event makes can establish a substantial breach; the
        // warnings are counted under the same rules the case was checked with.
        let grounds = crate::sanctions::ExclusionGrounds {
            rules: *rules,
            substantial_breach: new.event.establishes_substantial_breach(),
        };
        let mut last_seq = None;
        for (number, command) in changes {
            let (_, seq) = super::records::execute_in(
                &mut tx.on(),
                &self.catalogue,
                *number,
                command.clone(),
                meta.clone(),
                &grounds,
            )
            .await?;
            last_seq = Some(seq);
        }
        tx.commit().await?;
        if let Some(seq) = last_seq {
            self.notify.send_replace(seq);
        }
        Ok(after)
    }

    /// Cases, newest first; only those still being handled when `open_only`. Shows no case
    /// content (no account, no reporter), so it is not logged.
    pub async fn tip_list(&self, open_only: bool) -> Result<Vec<TipListItem>> {
        let mut conn = self.pool.acquire().await?;
        let all = cases(&mut conn.on(), "", None).await?;
        Ok(all
            .iter()
            .rev()
            .filter(|c| !open_only || c.status.is_open())
            .map(TipListItem::of)
            .collect())
    }

    /// The interpreter's standing warnings within the rules' window ending on `today`.
    pub async fn warnings_within(&self, number: InterpreterNumber, today: Date, rules: &TipRules) -> Result<usize> {
        let mut conn = self.pool.acquire().await?;
        warnings(&mut conn.on(), number, today, rules).await
    }

    /// Every logged read of a case, oldest first.
    pub async fn access_log(&self, id: i64) -> Result<Vec<AccessLogEntry>> {
        let rows: Vec<(i64, String, String, Timestamp, String)> = sql(
            "SELECT tip_id, viewer, viewer_kind, viewed_at, shown FROM tip_access_log WHERE tip_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(tip_id, viewer, viewer_kind, viewed_at, shown)| AccessLogEntry {
                tip_id,
                viewer,
                viewer_kind,
                viewed_at,
                shown,
            })
            .collect())
    }

    /// Stores a checked document with case `id` and appends its `add_document` event (by the
    /// uploader, with `reason`) in one transaction; returns the case afterwards and the document.
    /// Refused (`NotAssigned`) unless the uploader is assigned to the case or a senior
    /// (`access::may_add_documents`), judged on the case as it stands in the transaction.
    pub async fn add_document(
        &self,
        id: i64,
        new: &NewDocument,
        uploader_is_senior: bool,
        reason: &str,
        rules: &TipRules,
    ) -> Result<(TipCase, TipDocument)> {
        let mut tx = self.pool.begin_write().await?;
        // Lock the case first (row lock on PostgreSQL, write lock on SQLite), so the
        // version read next is still the one the event is appended to.
        let locked = sql("UPDATE tips SET version = version WHERE id = $1")
            .bind(id)
            .execute(tx.on())
            .await?;
        if locked != 1 {
            return Err(Error::NotFound(id));
        }
        let current = case(&mut tx.on(), id).await?;
        if !access::may_add_documents(new.uploaded_by(), uploader_is_senior, &current.assigned) {
            return Err(Error::NotAssigned);
        }
        let version = current.version;
        let uploaded_at = Timestamp::now();
        let size = i64::try_from(new.size()).map_err(|_| Error::field("file", "filen er for stor"))?;
        let document: i64 = sql(
            "INSERT INTO tip_documents (tip_id, uploaded_at, uploaded_by, filename, media_type, size, sha256, \
                content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(id)
        .bind(uploaded_at)
        .bind(new.uploaded_by())
        .bind(new.filename())
        .bind(new.kind().media_type())
        .bind(size)
        .bind(new.sha256())
        .bind(new.content())
        .scalar(tx.on())
        .await?;
        let event = NewEvent::new(
            CaseEvent::AddDocument {
                document,
                media_type: new.kind().media_type().to_string(),
                size: new.size(),
                sha256: new.sha256().to_string(),
            },
            new.uploaded_by(),
            reason,
        );
        let after = append(&mut tx.on(), id, version, &event, rules, uploaded_at.date()).await?;
        tx.commit().await?;
        let stored = TipDocument {
            tip_id: id,
            id: document,
            uploaded_at,
            uploaded_by: new.uploaded_by().to_string(),
            filename: new.filename().to_string(),
            kind: new.kind(),
            size: new.size(),
            sha256: new.sha256().to_string(),
        };
        Ok((after, stored))
    }

    /// The case's documents without their content, oldest first. For a case already opened
    /// through `view_case`; file names are for those who may open the documents.
    pub async fn documents(&self, id: i64) -> Result<Vec<TipDocument>> {
        let text = format!("SELECT {DOCUMENT_COLUMNS} FROM tip_documents WHERE tip_id = $1 ORDER BY id");
        let rows: Vec<DocumentRow> = sql(text).bind(id).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(DocumentRow::into_document)
            .collect::<Result<_, StoreError>>()?)
    }

    /// One document with its content, when the document rule
    /// ([`access::may_open_documents`](crate::tips::access::may_open_documents)) lets `viewer`
    /// open it; every download and every refusal is in the access log.
    pub async fn download_document(
        &self,
        id: i64,
        document: i64,
        viewer: &Viewer,
        senior: bool,
    ) -> Result<DocumentContent> {
        let mut conn = self.pool.acquire().await?;
        let found = case(&mut conn.on(), id).await?;
        if !access::may_open_documents(viewer, senior, &found.assigned) {
            let shown = format!("refused_document:{document}");
            log_read(&mut conn.on(), id, viewer.login(), viewer.kind(), &shown).await?;
            return Err(Error::AccessDenied);
        }
        let text = format!("SELECT {DOCUMENT_COLUMNS} FROM tip_documents WHERE tip_id = $1 AND id = $2");
        let row: DocumentRow = sql(text)
            .bind(id)
            .bind(document)
            .fetch_optional(conn.on())
            .await?
            .ok_or(Error::DocumentNotFound(document))?;
        let content: Vec<u8> = sql("SELECT content FROM tip_documents WHERE tip_id = $1 AND id = $2")
            .bind(id)
            .bind(document)
            .scalar(conn.on())
            .await?;
        log_read(
            &mut conn.on(),
            id,
            viewer.login(),
            viewer.kind(),
            &format!("document:{document}"),
        )
        .await?;
        Ok(DocumentContent {
            document: row.into_document()?,
            content,
        })
    }

    /// Tips per ground, outcomes, committee meetings and cases advised, per year.
    pub async fn annual_figures(&self) -> Result<Vec<YearFigures>> {
        let mut conn = self.pool.acquire().await?;
        let all = cases(&mut conn.on(), "", None).await?;
        let meetings = load_meetings(&mut conn.on(), None).await?;
        Ok(figures::annual_figures(&all, &meetings))
    }
}
