//! The storage implementation written once and instantiated for both backends by
//! `store_impl!`: the SQL text is shared; only DDL and notification differ per backend.

use std::collections::BTreeMap;

use super::rows::{EntryRow, EntryVersionRow, LicenceRow, ProfileRow, QualificationRow, TestRow, number};
use super::{Change, StoreError};
use crate::interpreter_number::InterpreterNumber;
use crate::record::InterpreterRecord;
use crate::timestamp::Timestamp;

/// Which records to load, and as of when.
#[derive(Debug, Clone, Copy)]
pub(super) enum Scope {
    /// The current state of one interpreter.
    Current(InterpreterNumber),
    /// One interpreter as of an instant.
    OneAt(InterpreterNumber, Timestamp),
    /// Everyone as of an instant.
    AllAt(Timestamp),
}

impl Scope {
    /// The WHERE clause for versioned tables (with `valid_to`) and for append-only tables.
    pub fn clauses(self) -> (&'static str, &'static str) {
        match self {
            Scope::Current(_) => (
                "interpreter_number = $1 AND valid_to IS NULL",
                "interpreter_number = $1",
            ),
            Scope::OneAt(..) => (
                "interpreter_number = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)",
                "interpreter_number = $1 AND valid_from <= $2",
            ),
            Scope::AllAt(_) => (
                "valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)",
                "valid_from <= $1",
            ),
        }
    }
}

pub(super) const PROFILE_COLUMNS: &str = "interpreter_number, national_id, given_name, family_name, preferred_name, gender, county, phone, email, street, postal_code, city, address_public, availability, on_site, telephone, video";
pub(super) const QUALIFICATION_COLUMNS: &str =
    "interpreter_number, qualification_no, kind, language, completed_on, institution, foreign_approval, evidence_ref";
pub(super) const LICENCE_COLUMNS: &str = "interpreter_number, licence_no, language, granted_on, decision_ref, status";
pub(super) const TEST_COLUMNS: &str = "interpreter_number, test_no, language, part, taken_on, passed";
pub(super) const ENTRY_COLUMNS: &str = "interpreter_number, language, kind, category, status, excluded_until";
pub(super) const ENTRY_VERSION_COLUMNS: &str =
    "interpreter_number, language, valid_from, category, status, excluded_until";

/// Groups loaded rows into records, ordered by interpreter number.
pub(super) fn assemble(
    profiles: Vec<ProfileRow>,
    qualifications: Vec<QualificationRow>,
    licences: Vec<LicenceRow>,
    tests: Vec<TestRow>,
    entries: Vec<EntryRow>,
    entry_versions: Vec<EntryVersionRow>,
) -> Result<Vec<InterpreterRecord>, StoreError> {
    let mut records = BTreeMap::new();
    for p in profiles {
        let n = number(p.interpreter_number)?;
        records.insert(p.interpreter_number, InterpreterRecord::new(n, p.into_profile()?));
    }
    for q in qualifications {
        if let Some(r) = records.get_mut(&q.interpreter_number) {
            let q = q.into_qualification()?;
            r.qualification_high_water = r.qualification_high_water.max(q.no);
            r.qualifications.push(q);
        }
    }
    for l in licences {
        if let Some(r) = records.get_mut(&l.interpreter_number) {
            r.licences.push(l.into_licence()?);
        }
    }
    for t in tests {
        if let Some(r) = records.get_mut(&t.interpreter_number) {
            r.tests.push(t.into_test()?);
        }
    }
    for e in entries {
        if let Some(r) = records.get_mut(&e.interpreter_number) {
            r.entries.push(e.into_entry()?);
        }
    }
    for v in entry_versions {
        if let Some(r) = records.get_mut(&v.interpreter_number) {
            r.entry_history.push(v.into_version()?);
        }
    }
    let mut out: Vec<InterpreterRecord> = records.into_values().collect();
    for r in &mut out {
        r.entry_history.sort_by_key(|v| (v.language, v.from));
        r.qualifications.sort_by_key(|q| q.no);
        r.licences.sort_by_key(|l| l.no);
        r.tests.sort_by_key(|t| t.no);
        r.entries.sort_by_key(|e| e.language);
    }
    Ok(out)
}

/// Checks the metadata every change must carry.
pub(super) fn check_meta(meta: &crate::command::ChangeMeta, now: Timestamp) -> Result<(), StoreError> {
    if meta.actor.trim().is_empty() || meta.reason.trim().is_empty() {
        return Err(StoreError::ReasonMissing);
    }
    if meta.effective_at > now {
        return Err(StoreError::FutureChange(meta.effective_at));
    }
    Ok(())
}

/// Audit detail of a change: the summaries of its mutations as JSON.
pub(super) fn audit_detail(change: &Change) -> String {
    let summaries: Vec<_> = change.mutations.iter().map(|m| m.summary()).collect();
    serde_json::to_string(&summaries).unwrap_or_else(|_| "[]".into())
}

/// Rows per multi-row INSERT, kept under SQLite's 32 766 bound parameters.
pub(super) fn chunk_rows(columns: usize) -> usize {
    (30_000 / columns).max(1)
}

/// Instantiates the storage for one backend. `$store` must have fields `pool`, `catalogue`
/// and `notify`, and an associated `notify_followers(conn, seq)`.
macro_rules! store_impl {
    ($store:ident, $db:ty) => {
        mod generated {
            use std::collections::HashMap;

            use sqlx::{AssertSqlSafe, QueryBuilder};
            use tokio::sync::watch;

            use super::$store;
            use crate::command::{ChangeMeta, Command};
            use crate::interpreter::Profile;
            use crate::interpreter_number::InterpreterNumber;
            use crate::mutation::{self, Mutation};
            use crate::national_id::NationalId;
            use crate::record::InterpreterRecord;
            use crate::reference::Catalogue;
            use crate::rules;
            use crate::sanctions::{self, ExclusionGrounds};
            use crate::store::rows::*;
            use crate::store::shared::*;
            use crate::store::{AuditItem, Change, FeedItem, Result, Store, StoreError};
            use crate::timestamp::Timestamp;

            type Conn = <$db as sqlx::Database>::Connection;

            async fn fetch<T>(conn: &mut Conn, sql: String, scope: Scope) -> Result<Vec<T>>
            where
                T: for<'r> sqlx::FromRow<'r, <$db as sqlx::Database>::Row> + Send + Unpin,
            {
                let q = sqlx::query_as::<_, T>(AssertSqlSafe(sql));
                let q = match scope {
                    Scope::Current(n) => q.bind(n.get()),
                    Scope::OneAt(n, at) => q.bind(n.get()).bind(at),
                    Scope::AllAt(at) => q.bind(at),
                };
                Ok(q.fetch_all(&mut *conn).await?)
            }

            /// Loads the records in `scope`; in `Current` scope also the qualification
            /// high-water mark, so ended qualifications' numbers are not reused.
            async fn load(conn: &mut Conn, scope: Scope) -> Result<Vec<InterpreterRecord>> {
                let (versioned, appended) = scope.clauses();
                let profiles: Vec<ProfileRow> =
                    fetch(conn, format!("SELECT {PROFILE_COLUMNS} FROM interpreter_versions WHERE {versioned}"), scope).await?;
                if profiles.is_empty() {
                    return Ok(Vec::new());
                }
                let quals: Vec<QualificationRow> =
                    fetch(conn, format!("SELECT {QUALIFICATION_COLUMNS} FROM qualifications WHERE {versioned}"), scope).await?;
                let licences: Vec<LicenceRow> =
                    fetch(conn, format!("SELECT {LICENCE_COLUMNS} FROM licence_versions WHERE {versioned}"), scope).await?;
                let tests: Vec<TestRow> =
                    fetch(conn, format!("SELECT {TEST_COLUMNS} FROM authorisation_tests WHERE {appended}"), scope).await?;
                let entries: Vec<EntryRow> =
                    fetch(conn, format!("SELECT {ENTRY_COLUMNS} FROM entry_versions WHERE {versioned}"), scope).await?;
                // Every version so far, not only the one in force: the history of each entry.
                let entry_versions: Vec<EntryVersionRow> =
                    fetch(conn, format!("SELECT {ENTRY_VERSION_COLUMNS} FROM entry_versions WHERE {appended}"), scope).await?;
                let mut records = assemble(profiles, quals, licences, tests, entries, entry_versions)?;
                if let (Scope::Current(n), Some(r)) = (scope, records.first_mut()) {
                    let high: Option<i32> =
                        sqlx::query_scalar("SELECT MAX(qualification_no) FROM qualifications WHERE interpreter_number = $1")
                            .bind(n.get())
                            .fetch_one(&mut *conn)
                            .await?;
                    r.qualification_high_water = high.unwrap_or(0);
                }
                Ok(records)
            }

            /// Takes the writer lock by bumping the feed position, reserving `count` sequence
            /// numbers; returns the first.
            async fn reserve(conn: &mut Conn, count: i64) -> Result<i64> {
                let last: i64 = sqlx::query_scalar("UPDATE feed_position SET last_seq = last_seq + $1 WHERE id = 1 RETURNING last_seq")
                    .bind(count)
                    .fetch_one(&mut *conn)
                    .await?;
                Ok(last - count + 1)
            }

            /// Applies `command` to the interpreter's current record inside the caller's
            /// transaction: the new version, audit row and feed row, with followers told at
            /// commit (PostgreSQL). Returns the record afterwards and the feed sequence; the
            /// caller wakes in-process followers after committing. Lets a tip decision and its
            /// sanction commit together or not at all. Every write of a command passes here, so
            /// the grounds an exclusion needs (tolkeloven § 21) are checked here, against the
            /// warnings as they stand in this transaction.
            pub(in crate::store) async fn execute_in(
                conn: &mut Conn,
                catalogue: &Catalogue,
                number: InterpreterNumber,
                command: Command,
                meta: ChangeMeta,
                grounds: &ExclusionGrounds,
            ) -> Result<(InterpreterRecord, i64)> {
                check_meta(&meta, Timestamp::now())?;
                let seq = reserve(conn, 1).await?;
                let before = load(conn, Scope::Current(number)).await?.pop().ok_or(StoreError::NotFound(number))?;
                check_order(conn, number, meta.effective_at).await?;
                if matches!(command, Command::Exclude { .. }) {
                    let day = meta.effective_at.date();
                    let warnings = super::tips_generated::standing_warnings(conn, number, day, &grounds.rules).await?;
                    sanctions::check_exclusion(&command, grounds, warnings)?;
                }
                let after = rules::apply(&before, &command, catalogue, meta.effective_at.date())?;
                // Only a changed number is checked: re-saving one's own number always works, even
                // where older data already holds the same number twice.
                if after.profile.national_id != before.profile.national_id {
                    check_national_id(conn, &after.profile.national_id, Some(number)).await?;
                }
                let mutations = mutation::diff(Some(&before), &after);
                let change = Change { number, action: command.action().into(), meta, mutations };
                write_batch(conn, seq, std::slice::from_ref(&change)).await?;
                $store::notify_followers(conn, seq).await?;
                Ok((after, seq))
            }

            /// A version row waiting to be inserted, with the change that created it.
            struct Pending<T> {
                seq: i64,
                number: i64,
                valid_from: Timestamp,
                valid_to: Option<Timestamp>,
                row: T,
            }

            impl<T> Pending<T> {
                fn new(seq: i64, number: i64, valid_from: Timestamp, row: T) -> Self {
                    Pending { seq, number, valid_from, valid_to: None, row }
                }
            }

            /// Collects the rows of a batch, closing versions opened in the same batch in
            /// memory and the older ones with UPDATEs, then writes everything.
            #[derive(Default)]
            struct Batch {
                interpreters: Vec<(i64, Timestamp)>,
                profiles: Vec<Pending<Profile>>,
                open_profiles: HashMap<i64, usize>,
                close_profiles: Vec<(i64, Timestamp)>,
                quals: Vec<Pending<crate::qualification::Qualification>>,
                open_quals: HashMap<(i64, i32), usize>,
                end_quals: Vec<(i64, i32, Timestamp)>,
                licences: Vec<Pending<crate::licence::Licence>>,
                open_licences: HashMap<(i64, i32), usize>,
                close_licences: Vec<(i64, i32, Timestamp)>,
                tests: Vec<Pending<crate::record::AuthorisationTest>>,
                entries: Vec<Pending<crate::record::Entry>>,
                open_entries: HashMap<(i64, crate::language::LanguageCode), usize>,
                close_entries: Vec<(i64, crate::language::LanguageCode, Timestamp)>,
                feed: Vec<(i64, i64, Timestamp)>,
                audit: Vec<(i64, Timestamp, String, String, i64, String, String)>,
            }

            /// Closes the open version under `key`: in memory if this batch opened it,
            /// otherwise by queueing an UPDATE.
            fn close<K: std::hash::Hash + Eq, T>(
                open: &mut HashMap<K, usize>,
                pending: &mut [Pending<T>],
                key: K,
                at: Timestamp,
                queue: impl FnOnce(),
            ) {
                match open.remove(&key) {
                    Some(i) => pending[i].valid_to = Some(at),
                    None => queue(),
                }
            }

            impl Batch {
                fn add(&mut self, seq: i64, change: &Change) {
                    let n = change.number.get();
                    let at = change.meta.effective_at;
                    for m in &change.mutations {
                        match m {
                            Mutation::CreateInterpreter => self.interpreters.push((n, at)),
                            Mutation::PutProfile(p) => {
                                let list = &mut self.close_profiles;
                                close(&mut self.open_profiles, &mut self.profiles, n, at, || list.push((n, at)));
                                self.open_profiles.insert(n, self.profiles.len());
                                self.profiles.push(Pending::new(seq, n, at, p.clone()));
                            }
                            Mutation::AddQualification(q) => {
                                self.open_quals.insert((n, q.no), self.quals.len());
                                self.quals.push(Pending::new(seq, n, at, q.clone()));
                            }
                            Mutation::EndQualification(no) => {
                                let list = &mut self.end_quals;
                                close(&mut self.open_quals, &mut self.quals, (n, *no), at, || list.push((n, *no, at)));
                            }
                            Mutation::PutLicence(l) => {
                                let list = &mut self.close_licences;
                                close(&mut self.open_licences, &mut self.licences, (n, l.no), at, || list.push((n, l.no, at)));
                                self.open_licences.insert((n, l.no), self.licences.len());
                                self.licences.push(Pending::new(seq, n, at, l.clone()));
                            }
                            Mutation::AddTest(t) => self.tests.push(Pending::new(seq, n, at, t.clone())),
                            Mutation::PutEntry(e) => {
                                let list = &mut self.close_entries;
                                close(&mut self.open_entries, &mut self.entries, (n, e.language), at, || {
                                    list.push((n, e.language, at))
                                });
                                self.open_entries.insert((n, e.language), self.entries.len());
                                self.entries.push(Pending::new(seq, n, at, e.clone()));
                            }
                        }
                    }
                    self.feed.push((seq, n, at));
                    self.audit.push((
                        seq,
                        at,
                        change.meta.actor.clone(),
                        change.action.clone(),
                        n,
                        change.meta.reason.clone(),
                        audit_detail(change),
                    ));
                }

                async fn write(self, conn: &mut Conn, recorded_at: Timestamp) -> Result<()> {
                    // Close older versions first, so the new open rows are not closed too.
                    for (n, at) in &self.close_profiles {
                        sqlx::query("UPDATE interpreter_versions SET valid_to = $1 WHERE interpreter_number = $2 AND valid_to IS NULL")
                            .bind(*at).bind(*n).execute(&mut *conn).await?;
                    }
                    for (n, no, at) in &self.end_quals {
                        sqlx::query("UPDATE qualifications SET valid_to = $1 WHERE interpreter_number = $2 AND qualification_no = $3 AND valid_to IS NULL")
                            .bind(*at).bind(*n).bind(*no).execute(&mut *conn).await?;
                    }
                    for (n, no, at) in &self.close_licences {
                        sqlx::query("UPDATE licence_versions SET valid_to = $1 WHERE interpreter_number = $2 AND licence_no = $3 AND valid_to IS NULL")
                            .bind(*at).bind(*n).bind(*no).execute(&mut *conn).await?;
                    }
                    for (n, lang, at) in &self.close_entries {
                        sqlx::query("UPDATE entry_versions SET valid_to = $1 WHERE interpreter_number = $2 AND language = $3 AND valid_to IS NULL")
                            .bind(*at).bind(*n).bind(lang.as_str()).execute(&mut *conn).await?;
                    }
                    for chunk in self.interpreters.chunks(chunk_rows(2)) {
                        let mut qb = QueryBuilder::<$db>::new("INSERT INTO interpreters (interpreter_number, registered_at) ");
                        qb.push_values(chunk, |mut b, (n, at)| {
                            b.push_bind(*n).push_bind(*at);
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.profiles.chunks(chunk_rows(20)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO interpreter_versions (interpreter_number, change_seq, valid_from, valid_to, national_id, given_name, family_name, preferred_name, gender, county, phone, email, street, postal_code, city, address_public, availability, on_site, telephone, video) ",
                        );
                        qb.push_values(chunk, |mut b, p| {
                            let r = &p.row;
                            let a = r.address.as_ref();
                            b.push_bind(p.number).push_bind(p.seq).push_bind(p.valid_from).push_bind(p.valid_to)
                                .push_bind(r.national_id.expose().to_string()).push_bind(r.given_name.clone())
                                .push_bind(r.family_name.clone()).push_bind(r.preferred_name.clone())
                                .push_bind(r.gender.as_str()).push_bind(r.county.to_string()).push_bind(r.phone.clone())
                                .push_bind(r.email.clone()).push_bind(a.map(|a| a.street.clone()))
                                .push_bind(a.map(|a| a.postal_code.clone())).push_bind(a.map(|a| a.city.clone()))
                                .push_bind(r.address_public).push_bind(r.availability.as_str())
                                .push_bind(r.work_modes.on_site).push_bind(r.work_modes.telephone).push_bind(r.work_modes.video);
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.quals.chunks(chunk_rows(11)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO qualifications (interpreter_number, qualification_no, change_seq, valid_from, valid_to, kind, language, completed_on, institution, foreign_approval, evidence_ref) ",
                        );
                        qb.push_values(chunk, |mut b, p| {
                            let q = &p.row;
                            b.push_bind(p.number).push_bind(q.no).push_bind(p.seq).push_bind(p.valid_from).push_bind(p.valid_to)
                                .push_bind(q.kind.as_str()).push_bind(q.language.map(|l| l.to_string()))
                                .push_bind(q.completed_on).push_bind(q.institution.clone())
                                .push_bind(q.foreign_approval.clone()).push_bind(q.evidence_ref.clone());
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.licences.chunks(chunk_rows(9)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO licence_versions (interpreter_number, licence_no, change_seq, valid_from, valid_to, language, granted_on, decision_ref, status) ",
                        );
                        qb.push_values(chunk, |mut b, p| {
                            let l = &p.row;
                            b.push_bind(p.number).push_bind(l.no).push_bind(p.seq).push_bind(p.valid_from).push_bind(p.valid_to)
                                .push_bind(l.language.to_string()).push_bind(l.granted_on).push_bind(l.decision_ref.clone())
                                .push_bind(l.status.as_str());
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.tests.chunks(chunk_rows(8)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO authorisation_tests (interpreter_number, test_no, change_seq, valid_from, language, part, taken_on, passed) ",
                        );
                        qb.push_values(chunk, |mut b, p| {
                            let t = &p.row;
                            b.push_bind(p.number).push_bind(t.no).push_bind(p.seq).push_bind(p.valid_from)
                                .push_bind(t.language.to_string()).push_bind(t.part.as_str()).push_bind(t.taken_on).push_bind(t.passed);
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.entries.chunks(chunk_rows(9)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO entry_versions (interpreter_number, language, change_seq, valid_from, valid_to, kind, category, status, excluded_until) ",
                        );
                        qb.push_values(chunk, |mut b, p| {
                            let e = &p.row;
                            b.push_bind(p.number).push_bind(e.language.to_string()).push_bind(p.seq).push_bind(p.valid_from)
                                .push_bind(p.valid_to).push_bind(e.kind.as_str()).push_bind(e.category.map(|c| c.as_str()))
                                .push_bind(e.status.as_str()).push_bind(e.status.until());
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.feed.chunks(chunk_rows(4)) {
                        let mut qb = QueryBuilder::<$db>::new("INSERT INTO change_feed (seq, interpreter_number, effective_at, recorded_at) ");
                        qb.push_values(chunk, |mut b, (seq, n, at)| {
                            b.push_bind(*seq).push_bind(*n).push_bind(*at).push_bind(recorded_at);
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    for chunk in self.audit.chunks(chunk_rows(8)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO audit_log (change_seq, recorded_at, effective_at, actor, action, interpreter_number, reason, detail) ",
                        );
                        qb.push_values(chunk, |mut b, (seq, at, actor, action, n, reason, detail)| {
                            b.push_bind(*seq).push_bind(recorded_at).push_bind(*at).push_bind(actor.clone())
                                .push_bind(action.clone()).push_bind(*n).push_bind(reason.clone()).push_bind(detail.clone());
                        });
                        qb.build().execute(&mut *conn).await?;
                    }
                    Ok(())
                }
            }

            async fn write_batch(conn: &mut Conn, first_seq: i64, changes: &[Change]) -> Result<()> {
                let mut batch = Batch::default();
                for (i, change) in changes.iter().enumerate() {
                    batch.add(first_seq + i as i64, change);
                }
                batch.write(conn, Timestamp::now()).await
            }

            /// Refuses a national identity number that another interpreter's current profile
            /// has. Call it after `reserve`: the writer lock it takes keeps a concurrent writer
            /// from adding the same number between this check and the caller's insert.
            async fn check_national_id(conn: &mut Conn, id: &NationalId, except: Option<InterpreterNumber>) -> Result<()> {
                let other: Option<i64> = sqlx::query_scalar(
                    "SELECT interpreter_number FROM interpreter_versions WHERE national_id = $1 AND valid_to IS NULL AND interpreter_number <> $2 ORDER BY interpreter_number LIMIT 1",
                )
                .bind(id.expose())
                .bind(except.map_or(0, |n| n.get()))
                .fetch_optional(&mut *conn)
                .await?;
                match other {
                    Some(n) => Err(StoreError::DuplicateNationalId(number(n)?)),
                    None => Ok(()),
                }
            }

            /// Refuses a change that would take effect before the record's latest change, so
            /// validity periods never overlap.
            async fn check_order(conn: &mut Conn, number: InterpreterNumber, at: Timestamp) -> Result<()> {
                let last: Option<Timestamp> =
                    sqlx::query_scalar("SELECT MAX(effective_at) FROM change_feed WHERE interpreter_number = $1")
                        .bind(number.get())
                        .fetch_one(&mut *conn)
                        .await?;
                match last {
                    Some(last) if at < last => Err(StoreError::Backdated { at, last }),
                    _ => Ok(()),
                }
            }

            /// Brings the languages and counties tables in line with the catalogue.
            pub(super) async fn sync_reference(pool: &sqlx::Pool<$db>, catalogue: &Catalogue) -> Result<()> {
                let mut tx = $store::begin_write(pool).await?;
                for l in catalogue.languages() {
                    sqlx::query(
                        "INSERT INTO languages (code, kind, name_nb, name_nn, name_en, endonym, aliases, members) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                         ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name_nb = excluded.name_nb, name_nn = excluded.name_nn, \
                         name_en = excluded.name_en, endonym = excluded.endonym, aliases = excluded.aliases, members = excluded.members",
                    )
                    .bind(l.code.as_str())
                    .bind(l.kind.as_str())
                    .bind(&l.names.nb)
                    .bind(&l.names.nn)
                    .bind(&l.names.en)
                    .bind(&l.endonym)
                    .bind(serde_json::to_string(&l.aliases).unwrap_or_default())
                    .bind(serde_json::to_string(&l.members).unwrap_or_default())
                    .execute(&mut *tx)
                    .await?;
                }
                for c in catalogue.counties() {
                    sqlx::query(
                        "INSERT INTO counties (code, name, sami_name) VALUES ($1, $2, $3) \
                         ON CONFLICT (code) DO UPDATE SET name = excluded.name, sami_name = excluded.sami_name",
                    )
                    .bind(c.code.to_string())
                    .bind(&c.name)
                    .bind(&c.sami_name)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            impl Store for $store {
                fn catalogue(&self) -> &Catalogue {
                    &self.catalogue
                }

                fn subscribe(&self) -> watch::Receiver<i64> {
                    self.notify.subscribe()
                }

                async fn ping(&self) -> Result<()> {
                    sqlx::query("SELECT 1").execute(&self.pool).await?;
                    Ok(())
                }

                async fn register_interpreter(&self, profile: Profile, meta: ChangeMeta) -> Result<InterpreterRecord> {
                    check_meta(&meta, Timestamp::now())?;
                    rules::check_profile(&profile)?;
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let seq = reserve(&mut tx, 1).await?;
                    check_national_id(&mut tx, &profile.national_id, None).await?;
                    let max: Option<i64> = sqlx::query_scalar("SELECT MAX(interpreter_number) FROM interpreters")
                        .fetch_one(&mut *tx)
                        .await?;
                    let number = match max {
                        Some(m) => number(m)?.next().map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        None => InterpreterNumber::FIRST,
                    };
                    let record = InterpreterRecord::new(number, profile);
                    let change = Change { number, action: "register_interpreter".into(), meta, mutations: mutation::diff(None, &record) };
                    write_batch(&mut tx, seq, std::slice::from_ref(&change)).await?;
                    Self::notify_followers(&mut tx, seq).await?;
                    tx.commit().await?;
                    self.notify.send_replace(seq);
                    Ok(record)
                }

                async fn execute(&self, number: InterpreterNumber, command: Command, meta: ChangeMeta) -> Result<InterpreterRecord> {
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let (after, seq) = execute_in(&mut tx, &self.catalogue, number, command, meta, &ExclusionGrounds::default()).await?;
                    tx.commit().await?;
                    self.notify.send_replace(seq);
                    Ok(after)
                }

                async fn write_changes(&self, changes: Vec<Change>) -> Result<i64> {
                    if changes.is_empty() {
                        return Ok(*self.notify.borrow());
                    }
                    let mut tx = Self::begin_write(&self.pool).await?;
                    let first = reserve(&mut tx, changes.len() as i64).await?;
                    write_batch(&mut tx, first, &changes).await?;
                    let last = first + changes.len() as i64 - 1;
                    Self::notify_followers(&mut tx, last).await?;
                    tx.commit().await?;
                    self.notify.send_replace(last);
                    Ok(last)
                }

                async fn record(&self, number: InterpreterNumber) -> Result<Option<InterpreterRecord>> {
                    let mut conn = self.pool.acquire().await?;
                    Ok(load(&mut conn, Scope::Current(number)).await?.pop())
                }

                async fn record_as_of(&self, number: InterpreterNumber, at: Timestamp) -> Result<Option<InterpreterRecord>> {
                    let mut conn = self.pool.acquire().await?;
                    Ok(load(&mut conn, Scope::OneAt(number, at)).await?.pop())
                }

                async fn as_of(&self, at: Timestamp) -> Result<Vec<InterpreterRecord>> {
                    let mut conn = self.pool.acquire().await?;
                    load(&mut conn, Scope::AllAt(at)).await
                }

                async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<FeedItem>> {
                    let rows: Vec<FeedRow> = sqlx::query_as(
                        "SELECT seq, interpreter_number, effective_at, recorded_at FROM change_feed WHERE seq > $1 ORDER BY seq LIMIT $2",
                    )
                    .bind(seq)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter().map(FeedRow::into_item).collect()
                }

                async fn history(&self, number: InterpreterNumber) -> Result<Vec<AuditItem>> {
                    let rows: Vec<AuditRow> = sqlx::query_as(
                        "SELECT change_seq, recorded_at, effective_at, actor, action, interpreter_number, reason, detail FROM audit_log WHERE interpreter_number = $1 ORDER BY id",
                    )
                    .bind(number.get())
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter().map(AuditRow::into_item).collect()
                }

                async fn record_national_id_reveal(&self, number: InterpreterNumber, actor: &str, reason: &str) -> Result<()> {
                    let now = Timestamp::now();
                    sqlx::query(
                        "INSERT INTO audit_log (change_seq, recorded_at, effective_at, actor, action, interpreter_number, reason, detail) \
                         VALUES (NULL, $1, $1, $2, 'reveal_national_id', $3, $4, '{}')",
                    )
                    .bind(now)
                    .bind(actor)
                    .bind(number.get())
                    .bind(reason)
                    .execute(&self.pool)
                    .await?;
                    Ok(())
                }

                async fn expired_exclusions(&self, today: time::Date) -> Result<Vec<InterpreterNumber>> {
                    let rows: Vec<i64> = sqlx::query_scalar(
                        "SELECT DISTINCT interpreter_number FROM entry_versions WHERE valid_to IS NULL AND status = 'excluded' AND excluded_until <= $1 ORDER BY interpreter_number",
                    )
                    .bind(today)
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter().map(number).collect()
                }

                async fn is_empty(&self) -> Result<bool> {
                    let any: Option<i64> = sqlx::query_scalar("SELECT interpreter_number FROM interpreters LIMIT 1")
                        .fetch_optional(&self.pool)
                        .await?;
                    Ok(any.is_none())
                }
            }
        }
    };
}

pub(super) use store_impl;
