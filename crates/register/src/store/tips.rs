//! Storage of tips, their append-only case history, the committee and the case access log
//! behind the `TipStore` trait; the SQL is written once in `tips_impl!` for both backends.

use std::future::Future;

use serde::Serialize;
use time::Date;

use super::{Database, Store};
use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::timestamp::Timestamp;
use crate::tips::contact_key::Seal;
use crate::tips::figures::YearFigures;
use crate::tips::{
    CaseDeadline, CaseStatus, CaseView, ContactKey, DocumentContent, Meeting, NewDocument, NewEvent, NewMeeting,
    NewTerm, NewTip, Term, TermRules, TipCase, TipDocument, TipError, TipRules, Viewer,
};

pub type Result<T, E = TipError> = std::result::Result<T, E>;

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

/// A case on a meeting's agenda, as the committee's secretariat and members list it: no case
/// content beyond the reference, the interpreter's number and the status, so it is not logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItem {
    pub tip_id: i64,
    pub reference: String,
    pub interpreter: Option<InterpreterNumber>,
    pub status: CaseStatus,
    /// Whether the committee's advice from this meeting is recorded on the case.
    pub advised: bool,
    /// Conflicts declared in the case, oldest first.
    pub conflicts: Vec<DeclaredConflict>,
}

/// A committee member's declaration that they are conflicted in a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclaredConflict {
    pub login: String,
    pub declared_at: Timestamp,
    pub note: String,
}

/// What `shown` says for reads made to process a change (not to display the case).
pub const SHOWN_FOR_PROCESSING: &str = "processing";

/// The tip storage API, beside the register's own [`Store`]. Every read of one case goes
/// through [`TipStore::view_case`] or [`TipStore::case_for_processing`], both of which log it.
pub trait TipStore: Store {
    /// Records a new tip with the reporter's contact sealed under `key`. The public form and
    /// staff registering a tip from e-mail or post both come here.
    fn receive_tip(&self, new: &NewTip, key: &(impl Seal + Sync)) -> impl Future<Output = Result<TipCase>> + Send;

    /// Opens a case for `viewer` under the access rule, logs the read (also a refusal), and
    /// returns what the viewer may see; `AccessDenied` when refused.
    fn view_case(&self, id: i64, viewer: &Viewer, key: &ContactKey) -> impl Future<Output = Result<CaseView>> + Send;

    /// The case state (never the reporter's contact) for a workflow about to change it; logged.
    fn case_for_processing(&self, id: i64, actor: &str) -> impl Future<Output = Result<TipCase>> + Send;

    /// Appends an event if the case is still at `expected_version` (`Conflict` otherwise) and
    /// the event passes the case rules on `today`; returns the case afterwards. Sanctions are
    /// refused here without a second person; events that change the register (see
    /// `TipCase::register_commands`) belong in `tips::workflow`, which makes both changes.
    fn append_event(
        &self,
        id: i64,
        expected_version: i64,
        new: &NewEvent,
        rules: &TipRules,
        today: Date,
    ) -> impl Future<Output = Result<TipCase>> + Send;

    /// Appends an event as [`TipStore::append_event`] does and makes its register changes
    /// (`changes`, in order, under `meta`) in the same transaction: a sanction is never in the
    /// register without its case event, nor the event without its sanction.
    #[allow(clippy::too_many_arguments)]
    fn append_event_with_changes(
        &self,
        id: i64,
        expected_version: i64,
        new: &NewEvent,
        changes: &[(InterpreterNumber, Command)],
        meta: &ChangeMeta,
        rules: &TipRules,
        today: Date,
    ) -> impl Future<Output = Result<TipCase>> + Send;

    /// Cases, newest first; only those still being handled when `open_only`. Shows no case
    /// content (no account, no reporter), so it is not logged.
    fn tip_list(&self, open_only: bool) -> impl Future<Output = Result<Vec<TipListItem>>> + Send;

    /// The interpreter's standing warnings within the rules' window ending on `today`.
    fn warnings_within(
        &self,
        number: InterpreterNumber,
        today: Date,
        rules: &TipRules,
    ) -> impl Future<Output = Result<usize>> + Send;

    /// Every logged read of a case, oldest first.
    fn access_log(&self, id: i64) -> impl Future<Output = Result<Vec<AccessLogEntry>>> + Send;

    /// Stores a checked document with case `id` and appends its `add_document` event (by the
    /// uploader, with `reason`) in one transaction; returns the case afterwards and the document.
    /// Refused (`NotAssigned`) unless the uploader is assigned to the case or a senior
    /// (`access::may_add_documents`), judged on the case as it stands in the transaction.
    fn add_document(
        &self,
        id: i64,
        new: &NewDocument,
        uploader_is_senior: bool,
        reason: &str,
        rules: &TipRules,
    ) -> impl Future<Output = Result<(TipCase, TipDocument)>> + Send;

    /// The case's documents without their content, oldest first. For a case already opened
    /// through `view_case`; file names are for those who may open the documents.
    fn documents(&self, id: i64) -> impl Future<Output = Result<Vec<TipDocument>>> + Send;

    /// One document with its content, when the document rule
    /// ([`access::may_open_documents`](crate::tips::access::may_open_documents)) lets `viewer`
    /// open it; every download and every refusal is in the access log.
    fn download_document(
        &self,
        id: i64,
        document: i64,
        viewer: &Viewer,
        senior: bool,
    ) -> impl Future<Output = Result<DocumentContent>> + Send;

    fn appoint_term(&self, new: &NewTerm, rules: &TermRules) -> impl Future<Output = Result<Term>> + Send;
    fn terms(&self) -> impl Future<Output = Result<Vec<Term>>> + Send;
    fn plan_meeting(&self, new: &NewMeeting) -> impl Future<Output = Result<Meeting>> + Send;
    /// Meetings, oldest first.
    fn meetings(&self) -> impl Future<Output = Result<Vec<Meeting>>> + Send;
    /// Meetings `login` sits on, oldest first: the member's way to their agendas.
    fn meetings_for(&self, login: &str) -> impl Future<Output = Result<Vec<Meeting>>> + Send;
    /// A committee member declares a conflict in a case; from then on they cannot open it.
    fn declare_conflict(&self, id: i64, login: &str, note: &str) -> impl Future<Output = Result<()>> + Send;
    /// The cases on a meeting's agenda in the order they were put there, with the conflicts
    /// declared in each; `MeetingNotFound` for an unknown meeting.
    fn agenda(&self, meeting_id: i64) -> impl Future<Output = Result<Vec<AgendaItem>>> + Send;

    /// Tips per ground, outcomes, committee meetings and cases advised, per year.
    fn annual_figures(&self) -> impl Future<Output = Result<Vec<YearFigures>>> + Send;
}

pub(super) mod rows {
    use time::Date;

    use crate::store::StoreError;
    use crate::store::rows::{number, parse};
    use crate::timestamp::Timestamp;
    use crate::tips::intake::Intake;
    use crate::tips::{CaseEvent, EventRecord, Grounds, Subject, TipError};

    pub const TIP_COLUMNS: &str = "id, received_on, received_at, received_by, channel, interpreter_number, subject_description, assignment_on, assignment_place, grounds, account, reporter_role, anonymous";
    pub const EVENT_COLUMNS: &str = "tip_id, seq, recorded_at, actor, approved_by, reason, detail";

    #[derive(sqlx::FromRow)]
    pub struct TipRow {
        pub id: i64,
        pub received_on: Date,
        pub received_at: Timestamp,
        pub received_by: String,
        pub channel: String,
        pub interpreter_number: Option<i64>,
        pub subject_description: Option<String>,
        pub assignment_on: Option<Date>,
        pub assignment_place: String,
        pub grounds: String,
        pub account: String,
        pub reporter_role: Option<String>,
        pub anonymous: bool,
    }

    impl TipRow {
        pub fn into_intake(self) -> Result<Intake, TipError> {
            let subject = match (self.interpreter_number, self.subject_description) {
                (Some(n), _) => Subject::Interpreter { number: number(n)? },
                (None, Some(description)) => Subject::Unknown { description },
                (None, None) => return Err(StoreError::Corrupt(format!("varsel {} gjelder ingen", self.id)).into()),
            };
            Ok(Intake {
                received_on: self.received_on,
                received_at: self.received_at,
                received_by: self.received_by,
                channel: parse(&self.channel, "kanal")?,
                subject,
                assignment_on: self.assignment_on,
                assignment_place: self.assignment_place,
                grounds: Grounds::from_stored(&self.grounds)
                    .map_err(|_| StoreError::Corrupt(format!("grunnlag «{}»", self.grounds)))?,
                account: self.account,
                reporter_role: self
                    .reporter_role
                    .as_deref()
                    .map(|r| parse(r, "varslerens rolle"))
                    .transpose()?,
                anonymous: self.anonymous,
            })
        }
    }

    #[derive(sqlx::FromRow)]
    pub struct EventRow {
        pub tip_id: i64,
        pub seq: i64,
        pub recorded_at: Timestamp,
        pub actor: String,
        pub approved_by: Option<String>,
        pub reason: String,
        pub detail: String,
    }

    impl EventRow {
        pub fn into_record(self) -> Result<EventRecord, TipError> {
            let event: CaseEvent = serde_json::from_str(&self.detail)
                .map_err(|e| StoreError::Corrupt(format!("hendelse {} i varsel {}: {e}", self.seq, self.tip_id)))?;
            Ok(EventRecord {
                seq: self.seq,
                recorded_at: self.recorded_at,
                actor: self.actor,
                approved_by: self.approved_by,
                reason: self.reason,
                event,
            })
        }
    }

    #[derive(sqlx::FromRow)]
    pub struct DocumentRow {
        pub tip_id: i64,
        pub id: i64,
        pub uploaded_at: Timestamp,
        pub uploaded_by: String,
        pub filename: String,
        pub media_type: String,
        pub size: i64,
        pub sha256: String,
    }

    pub const DOCUMENT_COLUMNS: &str = "tip_id, id, uploaded_at, uploaded_by, filename, media_type, size, sha256";

    impl DocumentRow {
        pub fn into_document(self) -> Result<crate::tips::TipDocument, TipError> {
            let corrupt =
                |what: String| StoreError::Corrupt(format!("dokument {} i varsel {}: {what}", self.id, self.tip_id));
            Ok(crate::tips::TipDocument {
                kind: crate::tips::DocumentKind::from_media_type(&self.media_type)
                    .ok_or_else(|| corrupt(format!("ukjent type «{}»", self.media_type)))?,
                size: u64::try_from(self.size).map_err(|_| corrupt("negativ størrelse".into()))?,
                tip_id: self.tip_id,
                id: self.id,
                uploaded_at: self.uploaded_at,
                uploaded_by: self.uploaded_by,
                filename: self.filename,
                sha256: self.sha256,
            })
        }
    }

    #[derive(sqlx::FromRow)]
    pub struct SeatRow {
        pub term_id: i64,
        pub seat: String,
        pub member_login: String,
        pub member_name: String,
        pub deputy_login: String,
        pub deputy_name: String,
    }
}

/// Instantiates [`TipStore`] for one backend; `$store` must have a `pool` field.
macro_rules! tips_impl {
    ($store:ident, $db:ty) => {
        mod tips_generated {
            use std::collections::BTreeMap;

            use sqlx::AssertSqlSafe;
            use time::Date;

            use super::$store;
            use $crate::command::{ChangeMeta, Command};
            use $crate::interpreter_number::InterpreterNumber;
            use $crate::store::StoreError;
            use $crate::store::rows::parse;
            use $crate::store::tips::rows::*;
            use $crate::store::tips::{
                AccessLogEntry, AgendaItem, DeclaredConflict, Result, SHOWN_FOR_PROCESSING, TipListItem, TipStore,
            };
            use $crate::timestamp::Timestamp;
            use $crate::tips::contact_key::Seal;
            use $crate::tips::access::{self, CaseView, CommitteeFacts, Viewer};
            use $crate::tips::check::CheckContext;
            use $crate::tips::committee::{CommitteePerson, SeatHolders};
            use $crate::tips::figures::{self, YearFigures};
            use $crate::tips::{
                CaseEvent, ContactKey, DocumentContent, Meeting, NewDocument, NewEvent, NewMeeting, NewTerm, NewTip,
                Reporter, ReporterContact, Term, TermRules, TipCase, TipDocument, TipError, TipRules, status,
            };

            type Conn = <$db as sqlx::Database>::Connection;

            async fn events(conn: &mut Conn, id: Option<i64>) -> Result<BTreeMap<i64, Vec<$crate::tips::EventRecord>>> {
                let sql = match id {
                    Some(_) => format!("SELECT {EVENT_COLUMNS} FROM tip_events WHERE tip_id = $1 ORDER BY tip_id, seq"),
                    None => format!("SELECT {EVENT_COLUMNS} FROM tip_events ORDER BY tip_id, seq"),
                };
                let mut q = sqlx::query_as::<_, EventRow>(AssertSqlSafe(sql));
                if let Some(id) = id {
                    q = q.bind(id);
                }
                let mut out: BTreeMap<i64, Vec<_>> = BTreeMap::new();
                for row in q.fetch_all(&mut *conn).await? {
                    out.entry(row.tip_id).or_default().push(row.into_record()?);
                }
                Ok(out)
            }

            /// Loads cases by a filter on `tips` with at most one bound i64.
            async fn cases(conn: &mut Conn, filter: &'static str, key: Option<i64>) -> Result<Vec<TipCase>> {
                let sql = format!("SELECT {TIP_COLUMNS} FROM tips {filter} ORDER BY id");
                let mut q = sqlx::query_as::<_, TipRow>(AssertSqlSafe(sql));
                if let Some(k) = key {
                    q = q.bind(k);
                }
                let rows = q.fetch_all(&mut *conn).await?;
                let single = if rows.len() == 1 { Some(rows[0].id) } else { None };
                let mut all = events(conn, single).await?;
                rows.into_iter()
                    .map(|r| {
                        let evs = all.remove(&r.id).unwrap_or_default();
                        let id = r.id;
                        Ok(TipCase::replay(id, r.into_intake()?, evs))
                    })
                    .collect()
            }

            async fn case(conn: &mut Conn, id: i64) -> Result<TipCase> {
                cases(conn, "WHERE id = $1", Some(id)).await?.pop().ok_or(TipError::NotFound(id))
            }

            async fn log_read(conn: &mut Conn, id: i64, viewer: &str, kind: &str, shown: &str) -> Result<()> {
                sqlx::query("INSERT INTO tip_access_log (tip_id, viewer, viewer_kind, viewed_at, shown) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(viewer)
                    .bind(kind)
                    .bind(Timestamp::now())
                    .bind(shown)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            }

            /// The standing warnings for the register's own check of an exclusion, which
            /// reports storage errors as the register does.
            pub(in crate::store) async fn standing_warnings(
                conn: &mut Conn,
                number: InterpreterNumber,
                today: Date,
                rules: &TipRules,
            ) -> std::result::Result<usize, StoreError> {
                warnings(conn, number, today, rules).await.map_err(|e| match e {
                    TipError::Store(e) => e,
                    other => StoreError::Corrupt(other.to_string()),
                })
            }

            async fn warnings(conn: &mut Conn, number: InterpreterNumber, today: Date, rules: &TipRules) -> Result<usize> {
                let standing: Vec<_> = cases(conn, "WHERE interpreter_number = $1", Some(number.get()))
                    .await?
                    .iter()
                    .filter_map(TipCase::standing_warning)
                    .collect();
                Ok(rules.warnings_within(&standing, today))
            }

            async fn load_terms(conn: &mut Conn) -> Result<Vec<Term>> {
                let terms: Vec<(i64, Date, Date)> =
                    sqlx::query_as("SELECT id, starts_on, ends_on FROM committee_terms ORDER BY starts_on")
                        .fetch_all(&mut *conn)
                        .await?;
                let seats: Vec<SeatRow> = sqlx::query_as(
                    "SELECT term_id, seat, member_login, member_name, deputy_login, deputy_name FROM committee_seats ORDER BY term_id, seat",
                )
                .fetch_all(&mut *conn)
                .await?;
                terms
                    .into_iter()
                    .map(|(id, starts_on, ends_on)| {
                        let mut held = seats
                            .iter()
                            .filter(|s| s.term_id == id)
                            .map(|s| {
                                Ok(SeatHolders {
                                    seat: parse(&s.seat, "plass i utvalget")?,
                                    member: CommitteePerson { login: s.member_login.clone(), name: s.member_name.clone() },
                                    deputy: CommitteePerson { login: s.deputy_login.clone(), name: s.deputy_name.clone() },
                                })
                            })
                            .collect::<std::result::Result<Vec<_>, StoreError>>()?;
                        held.sort_by_key(|s| s.seat);
                        Ok(Term { id, starts_on, ends_on, seats: held })
                    })
                    .collect()
            }

            async fn load_meetings(conn: &mut Conn, login: Option<&str>) -> Result<Vec<Meeting>> {
                let rows: Vec<(i64, i64, Date)> = match login {
                    Some(l) => sqlx::query_as(
                        "SELECT m.id, m.term_id, m.held_on FROM committee_meetings m JOIN committee_participants p ON p.meeting_id = m.id WHERE p.login = $1 ORDER BY m.held_on, m.id",
                    )
                    .bind(l)
                    .fetch_all(&mut *conn)
                    .await?,
                    None => sqlx::query_as("SELECT id, term_id, held_on FROM committee_meetings ORDER BY held_on, id")
                        .fetch_all(&mut *conn)
                        .await?,
                };
                let people: Vec<(i64, String)> =
                    sqlx::query_as("SELECT meeting_id, login FROM committee_participants ORDER BY meeting_id, login")
                        .fetch_all(&mut *conn)
                        .await?;
                let agenda: Vec<(i64, i64)> =
                    sqlx::query_as("SELECT meeting_id, tip_id FROM committee_agenda ORDER BY meeting_id, tip_id")
                        .fetch_all(&mut *conn)
                        .await?;
                Ok(rows
                    .into_iter()
                    .map(|(id, term_id, held_on)| Meeting {
                        id,
                        term_id,
                        held_on,
                        participants: people.iter().filter(|p| p.0 == id).map(|p| p.1.clone()).collect(),
                        agenda: agenda.iter().filter(|a| a.0 == id).map(|a| a.1).collect(),
                    })
                    .collect())
            }

            /// Appends `new` to case `id` at `expected_version` on `conn` (inside the caller's
            /// transaction) after the case rules; the case afterwards.
            async fn append(
                conn: &mut Conn,
                id: i64,
                expected_version: i64,
                new: &NewEvent,
                rules: &TipRules,
                today: Date,
            ) -> Result<TipCase> {
                // Write first: takes the row lock (PostgreSQL) or the write lock (SQLite).
                let bumped = sqlx::query("UPDATE tips SET version = version + 1 WHERE id = $1 AND version = $2")
                    .bind(id)
                    .bind(expected_version)
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
                let before = case(&mut *conn, id).await?;
                if bumped != 1 {
                    return Err(TipError::Conflict);
                }
                let warnings_in_window = match before.intake.subject.number() {
                    Some(n) if new.event.is_decision() => warnings(&mut *conn, n, today, rules).await?,
                    _ => 0,
                };
                before.check(new, &CheckContext { today, rules: *rules, warnings_in_window })?;
                let after_status = status::next(before.status, &new.event)?;
                if let CaseEvent::ReferToCommittee { meeting_id, .. } = &new.event {
                    let held_on: Option<Date> = sqlx::query_scalar("SELECT held_on FROM committee_meetings WHERE id = $1")
                        .bind(*meeting_id)
                        .fetch_optional(&mut *conn)
                        .await?;
                    held_on.ok_or(TipError::MeetingNotFound(*meeting_id))?;
                    sqlx::query("INSERT INTO committee_agenda (meeting_id, tip_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(*meeting_id)
                        .bind(id)
                        .execute(&mut *conn)
                        .await?;
                }
                let detail = serde_json::to_string(&new.event)
                    .map_err(|e| StoreError::Corrupt(format!("hendelsen kan ikke lagres: {e}")))?;
                sqlx::query(
                    "INSERT INTO tip_events (tip_id, seq, recorded_at, actor, approved_by, reason, kind, detail, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
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
                .execute(&mut *conn)
                .await?;
                sqlx::query("UPDATE tips SET status = $1 WHERE id = $2")
                    .bind(after_status.as_str())
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                case(&mut *conn, id).await
            }

            fn sealed_contact(new: &NewTip, key: &impl Seal) -> Result<Option<Vec<u8>>> {
                new.reporter
                    .contact()
                    .map(|c| {
                        serde_json::to_vec(c)
                            .map(|json| key.seal(&json))
                            .map_err(|e| TipError::Store(StoreError::Corrupt(format!("kontaktopplysninger: {e}"))))
                    })
                    .transpose()
            }

            impl TipStore for $store {
                async fn receive_tip(&self, new: &NewTip, key: &(impl Seal + Sync)) -> Result<TipCase> {
                    new.check(Timestamp::now().date())?;
                    let contact = sealed_contact(new, key)?;
                    let mut tx = Self::begin_write(&self.pool).await?;
                    if let Some(n) = new.subject.number() {
                        let found: Option<i64> =
                            sqlx::query_scalar("SELECT interpreter_number FROM interpreters WHERE interpreter_number = $1")
                                .bind(n.get())
                                .fetch_optional(&mut *tx)
                                .await?;
                        found.ok_or(StoreError::NotFound(n))?;
                    }
                    let description = match &new.subject {
                        $crate::tips::Subject::Unknown { description } => Some(description.trim().to_string()),
                        $crate::tips::Subject::Interpreter { .. } => None,
                    };
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO tips (received_on, received_at, received_by, channel, interpreter_number, subject_description, assignment_on, assignment_place, grounds, account, reporter_role, anonymous, reporter_contact, status, version) \
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
                    .bind($crate::tips::CaseStatus::Received.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
                    let created = case(&mut tx, id).await?;
                    tx.commit().await?;
                    Ok(created)
                }

                async fn view_case(&self, id: i64, viewer: &Viewer, key: &ContactKey) -> Result<CaseView> {
                    let mut conn = self.pool.acquire().await?;
                    let found = case(&mut conn, id).await?;
                    let participants: Vec<String> = sqlx::query_scalar(
                        "SELECT DISTINCT p.login FROM committee_agenda a JOIN committee_participants p ON p.meeting_id = a.meeting_id WHERE a.tip_id = $1",
                    )
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await?;
                    let conflicted: Vec<String> = sqlx::query_scalar("SELECT login FROM committee_conflicts WHERE tip_id = $1")
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?;
                    let facts = CommitteeFacts { agenda_participants: participants, conflicted };
                    let shown = match access::access(viewer, &found.assigned, &facts) {
                        Ok(shown) => shown,
                        Err(refusal) => {
                            log_read(&mut conn, id, viewer.login(), viewer.kind(), refusal.as_str()).await?;
                            return Err(TipError::AccessDenied);
                        }
                    };
                    let reporter = if shown == access::Shown::Full {
                        let sealed: Option<Vec<u8>> = sqlx::query_scalar("SELECT reporter_contact FROM tips WHERE id = $1")
                            .bind(id)
                            .fetch_one(&mut *conn)
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
                    log_read(&mut conn, id, viewer.login(), viewer.kind(), shown.as_str()).await?;
                    Ok(CaseView::build(found, shown, || reporter))
                }

                async fn case_for_processing(&self, id: i64, actor: &str) -> Result<TipCase> {
                    let mut conn = self.pool.acquire().await?;
                    let found = case(&mut conn, id).await?;
                    log_read(&mut conn, id, actor, "staff", SHOWN_FOR_PROCESSING).await?;
                    Ok(found)
                }

                async fn append_event(
                    &self,
                    id: i64,
                    expected_version: i64,
                    new: &NewEvent,
                    rules: &TipRules,
                    today: Date,
                ) -> Result<TipCase> {
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let after = append(&mut tx, id, expected_version, new, rules, today).await?;
                    tx.commit().await?;
                    Ok(after)
                }

                async fn append_event_with_changes(
                    &self,
                    id: i64,
                    expected_version: i64,
                    new: &NewEvent,
                    changes: &[(InterpreterNumber, Command)],
                    meta: &ChangeMeta,
                    rules: &TipRules,
                    today: Date,
                ) -> Result<TipCase> {
                    let mut tx = Self::begin_write(&self.pool).await?;
                    // The case first: its row lock orders concurrent actions on one case before
                    // any of them takes the register's writer lock.
                    let after = append(&mut tx, id, expected_version, new, rules, today).await?;
                    // Only the decision this event makes can establish a substantial breach; the
                    // warnings are counted under the same rules the case was checked with.
                    let grounds = $crate::sanctions::ExclusionGrounds {
                        rules: *rules,
                        substantial_breach: new.event.establishes_substantial_breach(),
                    };
                    let mut last_seq = None;
                    for (number, command) in changes {
                        let (_, seq) = super::generated::execute_in(
                            &mut tx,
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

                async fn tip_list(&self, open_only: bool) -> Result<Vec<TipListItem>> {
                    let mut conn = self.pool.acquire().await?;
                    let all = cases(&mut conn, "", None).await?;
                    Ok(all
                        .iter()
                        .rev()
                        .filter(|c| !open_only || c.status.is_open())
                        .map(TipListItem::of)
                        .collect())
                }

                async fn warnings_within(&self, number: InterpreterNumber, today: Date, rules: &TipRules) -> Result<usize> {
                    let mut conn = self.pool.acquire().await?;
                    warnings(&mut conn, number, today, rules).await
                }

                async fn access_log(&self, id: i64) -> Result<Vec<AccessLogEntry>> {
                    let rows: Vec<(i64, String, String, Timestamp, String)> = sqlx::query_as(
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

                async fn add_document(
                    &self,
                    id: i64,
                    new: &NewDocument,
                    uploader_is_senior: bool,
                    reason: &str,
                    rules: &TipRules,
                ) -> Result<(TipCase, TipDocument)> {
                    let mut tx = Self::begin_write(&self.pool).await?;
                    // Lock the case first (row lock on PostgreSQL, write lock on SQLite), so the
                    // version read next is still the one the event is appended to.
                    let locked = sqlx::query("UPDATE tips SET version = version WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    if locked != 1 {
                        return Err(TipError::NotFound(id));
                    }
                    let current = case(&mut tx, id).await?;
                    if !access::may_add_documents(new.uploaded_by(), uploader_is_senior, &current.assigned) {
                        return Err(TipError::NotAssigned);
                    }
                    let version = current.version;
                    let uploaded_at = Timestamp::now();
                    let size = i64::try_from(new.size()).map_err(|_| TipError::field("file", "filen er for stor"))?;
                    let document: i64 = sqlx::query_scalar(
                        "INSERT INTO tip_documents (tip_id, uploaded_at, uploaded_by, filename, media_type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    )
                    .bind(id)
                    .bind(uploaded_at)
                    .bind(new.uploaded_by())
                    .bind(new.filename())
                    .bind(new.kind().media_type())
                    .bind(size)
                    .bind(new.sha256())
                    .bind(new.content())
                    .fetch_one(&mut *tx)
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
                    let after = append(&mut tx, id, version, &event, rules, uploaded_at.date()).await?;
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

                async fn documents(&self, id: i64) -> Result<Vec<TipDocument>> {
                    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM tip_documents WHERE tip_id = $1 ORDER BY id");
                    sqlx::query_as::<_, DocumentRow>(AssertSqlSafe(sql))
                        .bind(id)
                        .fetch_all(&self.pool)
                        .await?
                        .into_iter()
                        .map(DocumentRow::into_document)
                        .collect()
                }

                async fn download_document(
                    &self,
                    id: i64,
                    document: i64,
                    viewer: &Viewer,
                    senior: bool,
                ) -> Result<DocumentContent> {
                    let mut conn = self.pool.acquire().await?;
                    let found = case(&mut conn, id).await?;
                    if !access::may_open_documents(viewer, senior, &found.assigned) {
                        let shown = format!("refused_document:{document}");
                        log_read(&mut conn, id, viewer.login(), viewer.kind(), &shown).await?;
                        return Err(TipError::AccessDenied);
                    }
                    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM tip_documents WHERE tip_id = $1 AND id = $2");
                    let row = sqlx::query_as::<_, DocumentRow>(AssertSqlSafe(sql))
                        .bind(id)
                        .bind(document)
                        .fetch_optional(&mut *conn)
                        .await?
                        .ok_or(TipError::DocumentNotFound(document))?;
                    let content: Vec<u8> = sqlx::query_scalar("SELECT content FROM tip_documents WHERE tip_id = $1 AND id = $2")
                        .bind(id)
                        .bind(document)
                        .fetch_one(&mut *conn)
                        .await?;
                    log_read(&mut conn, id, viewer.login(), viewer.kind(), &format!("document:{document}")).await?;
                    Ok(DocumentContent { document: row.into_document()?, content })
                }

                async fn appoint_term(&self, new: &NewTerm, rules: &TermRules) -> Result<Term> {
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let existing = load_terms(&mut tx).await?;
                    let ends_on = new.check(rules, &existing)?;
                    let id: i64 =
                        sqlx::query_scalar("INSERT INTO committee_terms (starts_on, ends_on) VALUES ($1, $2) RETURNING id")
                            .bind(new.starts_on)
                            .bind(ends_on)
                            .fetch_one(&mut *tx)
                            .await?;
                    for s in &new.seats {
                        sqlx::query(
                            "INSERT INTO committee_seats (term_id, seat, member_login, member_name, deputy_login, deputy_name) VALUES ($1, $2, $3, $4, $5, $6)",
                        )
                        .bind(id)
                        .bind(s.seat.as_str())
                        .bind(s.member.login.trim())
                        .bind(s.member.name.trim())
                        .bind(s.deputy.login.trim())
                        .bind(s.deputy.name.trim())
                        .execute(&mut *tx)
                        .await?;
                    }
                    let term = load_terms(&mut tx).await?.into_iter().find(|t| t.id == id).ok_or(TipError::TermNotFound(id))?;
                    tx.commit().await?;
                    Ok(term)
                }

                async fn terms(&self) -> Result<Vec<Term>> {
                    let mut conn = self.pool.acquire().await?;
                    load_terms(&mut conn).await
                }

                async fn plan_meeting(&self, new: &NewMeeting) -> Result<Meeting> {
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let terms = load_terms(&mut tx).await?;
                    let term_id = new.check(&terms)?.id;
                    let id: i64 =
                        sqlx::query_scalar("INSERT INTO committee_meetings (term_id, held_on) VALUES ($1, $2) RETURNING id")
                            .bind(term_id)
                            .bind(new.held_on)
                            .fetch_one(&mut *tx)
                            .await?;
                    for login in &new.participants {
                        sqlx::query("INSERT INTO committee_participants (meeting_id, login) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                            .bind(id)
                            .bind(login)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let meeting =
                        load_meetings(&mut tx, None).await?.into_iter().find(|m| m.id == id).ok_or(TipError::MeetingNotFound(id))?;
                    tx.commit().await?;
                    Ok(meeting)
                }

                async fn meetings(&self) -> Result<Vec<Meeting>> {
                    let mut conn = self.pool.acquire().await?;
                    load_meetings(&mut conn, None).await
                }

                async fn meetings_for(&self, login: &str) -> Result<Vec<Meeting>> {
                    let mut conn = self.pool.acquire().await?;
                    load_meetings(&mut conn, Some(login)).await
                }

                async fn declare_conflict(&self, id: i64, login: &str, note: &str) -> Result<()> {
                    if login.trim().is_empty() {
                        return Err(TipError::field("login", "hvem som erklærer inhabilitet må oppgis"));
                    }
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM tips WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                    exists.ok_or(TipError::NotFound(id))?;
                    sqlx::query(
                        "INSERT INTO committee_conflicts (tip_id, login, declared_at, note) VALUES ($1, $2, $3, $4) ON CONFLICT (tip_id, login) DO NOTHING",
                    )
                    .bind(id)
                    .bind(login.trim())
                    .bind(Timestamp::now())
                    .bind(note.trim())
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn agenda(&self, meeting_id: i64) -> Result<Vec<AgendaItem>> {
                    let mut conn = self.pool.acquire().await?;
                    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM committee_meetings WHERE id = $1")
                        .bind(meeting_id)
                        .fetch_optional(&mut *conn)
                        .await?;
                    found.ok_or(TipError::MeetingNotFound(meeting_id))?;
                    // The referral events give the order cases were put on the agenda.
                    let referred: Vec<i64> = sqlx::query_scalar("SELECT tip_id FROM committee_agenda WHERE meeting_id = $1")
                        .bind(meeting_id)
                        .fetch_all(&mut *conn)
                        .await?;
                    let conflicts: Vec<(i64, String, Timestamp, String)> = sqlx::query_as(
                        "SELECT c.tip_id, c.login, c.declared_at, c.note FROM committee_conflicts c JOIN committee_agenda a ON a.tip_id = c.tip_id WHERE a.meeting_id = $1 ORDER BY c.declared_at, c.login",
                    )
                    .bind(meeting_id)
                    .fetch_all(&mut *conn)
                    .await?;
                    let mut items = Vec::with_capacity(referred.len());
                    for id in referred {
                        let found = case(&mut conn, id).await?;
                        let referred_at = found
                            .history
                            .iter()
                            .find(|e| matches!(&e.event, CaseEvent::ReferToCommittee { meeting_id: m, .. } if *m == meeting_id))
                            .map(|e| e.recorded_at);
                        items.push((
                            referred_at,
                            AgendaItem {
                                tip_id: id,
                                reference: found.reference(),
                                interpreter: found.intake.subject.number(),
                                status: found.status,
                                advised: found.advice.iter().any(|a| a.meeting_id == meeting_id),
                                conflicts: conflicts
                                    .iter()
                                    .filter(|c| c.0 == id)
                                    .map(|(_, login, declared_at, note)| DeclaredConflict {
                                        login: login.clone(),
                                        declared_at: *declared_at,
                                        note: note.clone(),
                                    })
                                    .collect(),
                            },
                        ));
                    }
                    items.sort_by_key(|(referred_at, item)| (*referred_at, item.tip_id));
                    Ok(items.into_iter().map(|(_, item)| item).collect())
                }

                async fn annual_figures(&self) -> Result<Vec<YearFigures>> {
                    let mut conn = self.pool.acquire().await?;
                    let all = cases(&mut conn, "", None).await?;
                    let meetings = load_meetings(&mut conn, None).await?;
                    Ok(figures::annual_figures(&all, &meetings))
                }
            }
        }
    };
}

pub(crate) use tips_impl;

macro_rules! delegate {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Database::Sqlite($s) => $e,
            Database::Postgres($s) => $e,
        }
    };
}

impl TipStore for Database {
    async fn receive_tip(&self, new: &NewTip, key: &(impl Seal + Sync)) -> Result<TipCase> {
        delegate!(self, s => s.receive_tip(new, key).await)
    }
    async fn view_case(&self, id: i64, viewer: &Viewer, key: &ContactKey) -> Result<CaseView> {
        delegate!(self, s => s.view_case(id, viewer, key).await)
    }
    async fn case_for_processing(&self, id: i64, actor: &str) -> Result<TipCase> {
        delegate!(self, s => s.case_for_processing(id, actor).await)
    }
    async fn append_event(
        &self,
        id: i64,
        expected_version: i64,
        new: &NewEvent,
        rules: &TipRules,
        today: Date,
    ) -> Result<TipCase> {
        delegate!(self, s => s.append_event(id, expected_version, new, rules, today).await)
    }
    async fn append_event_with_changes(
        &self,
        id: i64,
        expected_version: i64,
        new: &NewEvent,
        changes: &[(InterpreterNumber, Command)],
        meta: &ChangeMeta,
        rules: &TipRules,
        today: Date,
    ) -> Result<TipCase> {
        delegate!(self, s => s.append_event_with_changes(id, expected_version, new, changes, meta, rules, today).await)
    }
    async fn tip_list(&self, open_only: bool) -> Result<Vec<TipListItem>> {
        delegate!(self, s => s.tip_list(open_only).await)
    }
    async fn warnings_within(&self, number: InterpreterNumber, today: Date, rules: &TipRules) -> Result<usize> {
        delegate!(self, s => s.warnings_within(number, today, rules).await)
    }
    async fn access_log(&self, id: i64) -> Result<Vec<AccessLogEntry>> {
        delegate!(self, s => s.access_log(id).await)
    }
    async fn add_document(
        &self,
        id: i64,
        new: &NewDocument,
        uploader_is_senior: bool,
        reason: &str,
        rules: &TipRules,
    ) -> Result<(TipCase, TipDocument)> {
        delegate!(self, s => s.add_document(id, new, uploader_is_senior, reason, rules).await)
    }
    async fn documents(&self, id: i64) -> Result<Vec<TipDocument>> {
        delegate!(self, s => s.documents(id).await)
    }
    async fn download_document(
        &self,
        id: i64,
        document: i64,
        viewer: &Viewer,
        senior: bool,
    ) -> Result<DocumentContent> {
        delegate!(self, s => s.download_document(id, document, viewer, senior).await)
    }
    async fn appoint_term(&self, new: &NewTerm, rules: &TermRules) -> Result<Term> {
        delegate!(self, s => s.appoint_term(new, rules).await)
    }
    async fn terms(&self) -> Result<Vec<Term>> {
        delegate!(self, s => s.terms().await)
    }
    async fn plan_meeting(&self, new: &NewMeeting) -> Result<Meeting> {
        delegate!(self, s => s.plan_meeting(new).await)
    }
    async fn meetings(&self) -> Result<Vec<Meeting>> {
        delegate!(self, s => s.meetings().await)
    }
    async fn meetings_for(&self, login: &str) -> Result<Vec<Meeting>> {
        delegate!(self, s => s.meetings_for(login).await)
    }
    async fn declare_conflict(&self, id: i64, login: &str, note: &str) -> Result<()> {
        delegate!(self, s => s.declare_conflict(id, login, note).await)
    }
    async fn agenda(&self, meeting_id: i64) -> Result<Vec<AgendaItem>> {
        delegate!(self, s => s.agenda(meeting_id).await)
    }
    async fn annual_figures(&self) -> Result<Vec<YearFigures>> {
        delegate!(self, s => s.annual_figures().await)
    }
}
