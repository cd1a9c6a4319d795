//! The register itself: registering interpreters, applying commands under the domain rules,
//! and reading records now or as of any instant, with their history, feed and audit trail.

use std::collections::BTreeMap;

use super::batch::write_batch;
use super::rows::{
    AuditRow, EntryRow, EntryVersionRow, FeedRow, LicenceRow, ProfileRow, QualificationRow, TestRow, number,
};
use super::sql::{On, Pool, Row, sql};
use super::{AuditItem, Change, Database, FeedItem, Result, StoreError};
use crate::command::{ChangeMeta, Command};
use crate::interpreter::Profile;
use crate::interpreter_number::InterpreterNumber;
use crate::mutation;
use crate::national_id::NationalId;
use crate::record::InterpreterRecord;
use crate::reference::Catalogue;
use crate::rules;
use crate::sanctions::{self, ExclusionGrounds};
use crate::timestamp::Timestamp;

/// Which records to load, and as of when.
#[derive(Debug, Clone, Copy)]
enum Scope {
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

const PROFILE_COLUMNS: &str = "interpreter_number, national_id, given_name, family_name, preferred_name, gender, \
    county, phone, email, street, postal_code, city, address_public, availability, on_site, telephone, video";
const QUALIFICATION_COLUMNS: &str =
    "interpreter_number, qualification_no, kind, language, completed_on, institution, foreign_approval, evidence_ref";
const LICENCE_COLUMNS: &str = "interpreter_number, licence_no, language, granted_on, decision_ref, status";
const TEST_COLUMNS: &str = "interpreter_number, test_no, language, part, taken_on, passed";
const ENTRY_COLUMNS: &str = "interpreter_number, language, kind, category, status, excluded_until";
const ENTRY_VERSION_COLUMNS: &str = "interpreter_number, language, valid_from, category, status, excluded_until";

/// Groups loaded rows into records, ordered by interpreter number.
fn assemble(
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
fn check_meta(meta: &crate::command::ChangeMeta, now: Timestamp) -> Result<(), StoreError> {
    if meta.actor.trim().is_empty() || meta.reason.trim().is_empty() {
        return Err(StoreError::ReasonMissing);
    }
    if meta.effective_at > now {
        return Err(StoreError::FutureChange(meta.effective_at));
    }
    Ok(())
}

async fn fetch<T: Row>(db: &mut On<'_>, text: String, scope: Scope) -> Result<Vec<T>> {
    let q = sql(text);
    let q = match scope {
        Scope::Current(n) => q.bind(n.get()),
        Scope::OneAt(n, at) => q.bind(n.get()).bind(at),
        Scope::AllAt(at) => q.bind(at),
    };
    Ok(q.fetch_all(db).await?)
}

/// Loads the records in `scope`; in `Current` scope also the qualification high-water mark, so
/// ended qualifications' numbers are not reused.
async fn load(db: &mut On<'_>, scope: Scope) -> Result<Vec<InterpreterRecord>> {
    let (versioned, appended) = scope.clauses();
    let profiles: Vec<ProfileRow> = fetch(
        db,
        format!("SELECT {PROFILE_COLUMNS} FROM interpreter_versions WHERE {versioned}"),
        scope,
    )
    .await?;
    if profiles.is_empty() {
        return Ok(Vec::new());
    }
    let quals: Vec<QualificationRow> = fetch(
        db,
        format!("SELECT {QUALIFICATION_COLUMNS} FROM qualifications WHERE {versioned}"),
        scope,
    )
    .await?;
    let licences: Vec<LicenceRow> = fetch(
        db,
        format!("SELECT {LICENCE_COLUMNS} FROM licence_versions WHERE {versioned}"),
        scope,
    )
    .await?;
    let tests: Vec<TestRow> = fetch(
        db,
        format!("SELECT {TEST_COLUMNS} FROM authorisation_tests WHERE {appended}"),
        scope,
    )
    .await?;
    let entries: Vec<EntryRow> = fetch(
        db,
        format!("SELECT {ENTRY_COLUMNS} FROM entry_versions WHERE {versioned}"),
        scope,
    )
    .await?;
    // Every version so far, not only the one in force: the history of each entry.
    let entry_versions: Vec<EntryVersionRow> = fetch(
        db,
        format!("SELECT {ENTRY_VERSION_COLUMNS} FROM entry_versions WHERE {appended}"),
        scope,
    )
    .await?;
    let mut records = assemble(profiles, quals, licences, tests, entries, entry_versions)?;
    if let (Scope::Current(n), Some(r)) = (scope, records.first_mut()) {
        let high: Option<i32> = sql("SELECT MAX(qualification_no) FROM qualifications WHERE interpreter_number = $1")
            .bind(n.get())
            .scalar(db)
            .await?;
        r.qualification_high_water = high.unwrap_or(0);
    }
    Ok(records)
}

/// Takes the writer lock by bumping the feed position, reserving `count` sequence numbers;
/// returns the first.
async fn reserve(db: &mut On<'_>, count: i64) -> Result<i64> {
    let last: i64 = sql("UPDATE feed_position SET last_seq = last_seq + $1 WHERE id = 1 RETURNING last_seq")
        .bind(count)
        .scalar(db)
        .await?;
    Ok(last - count + 1)
}

/// Applies `command` to the interpreter's current record inside the caller's transaction: the
/// new version, audit row and feed row, with followers told at commit (PostgreSQL). Returns the
/// record afterwards and the feed sequence; the caller wakes in-process followers after
/// committing. Lets a tip decision and its sanction commit together or not at all. Every write
/// of a command passes here, so the grounds an exclusion needs (tolkeloven § 21) are checked
/// here, against the warnings as they stand in this transaction.
pub(super) async fn execute_in(
    db: &mut On<'_>,
    catalogue: &Catalogue,
    number: InterpreterNumber,
    command: Command,
    meta: ChangeMeta,
    grounds: &ExclusionGrounds,
) -> Result<(InterpreterRecord, i64)> {
    check_meta(&meta, Timestamp::now())?;
    let seq = reserve(db, 1).await?;
    let before = load(db, Scope::Current(number))
        .await?
        .pop()
        .ok_or(StoreError::NotFound(number))?;
    check_order(db, number, meta.effective_at).await?;
    if matches!(command, Command::Exclude { .. }) {
        let day = meta.effective_at.date();
        let warnings = super::tips::standing_warnings(db, number, day, &grounds.rules).await?;
        sanctions::check_exclusion(&command, grounds, warnings)?;
    }
    let after = rules::apply(&before, &command, catalogue, meta.effective_at.date())?;
    // Only a changed number is checked: re-saving one's own number always works, even where
    // older data already holds the same number twice.
    if after.profile.national_id != before.profile.national_id {
        check_national_id(db, &after.profile.national_id, Some(number)).await?;
    }
    let mutations = mutation::diff(Some(&before), &after);
    let change = Change {
        number,
        action: command.action().into(),
        meta,
        mutations,
    };
    write_batch(db, seq, std::slice::from_ref(&change)).await?;
    db.notify_followers(seq).await?;
    Ok((after, seq))
}

/// Refuses a national identity number that another interpreter's current profile has. Call it
/// after `reserve`: the writer lock it takes keeps a concurrent writer from adding the same
/// number between this check and the caller's insert.
async fn check_national_id(db: &mut On<'_>, id: &NationalId, except: Option<InterpreterNumber>) -> Result<()> {
    let other: Option<i64> = sql(
        "SELECT interpreter_number FROM interpreter_versions WHERE national_id = $1 AND valid_to IS NULL \
         AND interpreter_number <> $2 ORDER BY interpreter_number LIMIT 1",
    )
    .bind(id.expose())
    .bind(except.map_or(0, |n| n.get()))
    .scalar_optional(db)
    .await?;
    match other {
        Some(n) => Err(StoreError::DuplicateNationalId(number(n)?)),
        None => Ok(()),
    }
}

/// Refuses a change that would take effect before the record's latest change, so validity
/// periods never overlap.
async fn check_order(db: &mut On<'_>, number: InterpreterNumber, at: Timestamp) -> Result<()> {
    let last: Option<Timestamp> = sql("SELECT MAX(effective_at) FROM change_feed WHERE interpreter_number = $1")
        .bind(number.get())
        .scalar(db)
        .await?;
    match last {
        Some(last) if at < last => Err(StoreError::Backdated { at, last }),
        _ => Ok(()),
    }
}

/// Brings the languages and counties tables in line with the catalogue.
pub(super) async fn sync_reference(pool: &Pool, catalogue: &Catalogue) -> Result<()> {
    let mut tx = pool.begin_write().await?;
    let mut db = tx.on();
    for l in catalogue.languages() {
        sql("INSERT INTO languages (code, kind, name_nb, name_nn, name_en, endonym, aliases, members) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name_nb = excluded.name_nb, name_nn = excluded.name_nn, \
             name_en = excluded.name_en, endonym = excluded.endonym, aliases = excluded.aliases, members = excluded.members")
        .bind(l.code.as_str())
        .bind(l.kind.as_str())
        .bind(l.names.nb.as_str())
        .bind(l.names.nn.as_str())
        .bind(l.names.en.as_str())
        .bind(l.endonym.clone())
        .bind(serde_json::to_string(&l.aliases).unwrap_or_default())
        .bind(serde_json::to_string(&l.members).unwrap_or_default())
        .execute(&mut db)
        .await?;
    }
    for c in catalogue.counties() {
        sql("INSERT INTO counties (code, name, sami_name) VALUES ($1, $2, $3) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, sami_name = excluded.sami_name")
        .bind(c.code.to_string())
        .bind(c.name.as_str())
        .bind(c.sami_name.clone())
        .execute(&mut db)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

impl Database {
    /// Registers a new interpreter and returns the record with its new interpreter number.
    pub async fn register_interpreter(&self, profile: Profile, meta: ChangeMeta) -> Result<InterpreterRecord> {
        check_meta(&meta, Timestamp::now())?;
        rules::check_profile(&profile)?;
        let mut tx = self.pool.begin_write().await?;
        let mut db = tx.on();
        let seq = reserve(&mut db, 1).await?;
        check_national_id(&mut db, &profile.national_id, None).await?;
        let max: Option<i64> = sql("SELECT MAX(interpreter_number) FROM interpreters")
            .scalar(&mut db)
            .await?;
        let number = match max {
            Some(m) => number(m)?.next().map_err(|e| StoreError::Corrupt(e.to_string()))?,
            None => InterpreterNumber::FIRST,
        };
        let record = InterpreterRecord::new(number, profile);
        let change = Change {
            number,
            action: "register_interpreter".into(),
            meta,
            mutations: mutation::diff(None, &record),
        };
        write_batch(&mut db, seq, std::slice::from_ref(&change)).await?;
        db.notify_followers(seq).await?;
        tx.commit().await?;
        self.notify.send_replace(seq);
        Ok(record)
    }

    /// Applies one command to one interpreter under the domain rules, writing new state,
    /// history, audit and change feed in one transaction. Returns the record afterwards.
    pub async fn execute(
        &self,
        number: InterpreterNumber,
        command: Command,
        meta: ChangeMeta,
    ) -> Result<InterpreterRecord> {
        let mut tx = self.pool.begin_write().await?;
        let (after, seq) = execute_in(
            &mut tx.on(),
            &self.catalogue,
            number,
            command,
            meta,
            &ExclusionGrounds::default(),
        )
        .await?;
        tx.commit().await?;
        self.notify.send_replace(seq);
        Ok(after)
    }

    /// Writes already-derived changes in one transaction (bulk loading by the generator).
    /// Returns the sequence number of the last change.
    pub async fn write_changes(&self, changes: Vec<Change>) -> Result<i64> {
        if changes.is_empty() {
            return Ok(*self.notify.borrow());
        }
        let mut tx = self.pool.begin_write().await?;
        let mut db = tx.on();
        let first = reserve(&mut db, changes.len() as i64).await?;
        write_batch(&mut db, first, &changes).await?;
        let last = first + changes.len() as i64 - 1;
        db.notify_followers(last).await?;
        tx.commit().await?;
        self.notify.send_replace(last);
        Ok(last)
    }

    /// The current record of one interpreter.
    pub async fn record(&self, number: InterpreterNumber) -> Result<Option<InterpreterRecord>> {
        let mut conn = self.pool.acquire().await?;
        Ok(load(&mut conn.on(), Scope::Current(number)).await?.pop())
    }

    /// The record of one interpreter as it stood at `at`.
    pub async fn record_as_of(&self, number: InterpreterNumber, at: Timestamp) -> Result<Option<InterpreterRecord>> {
        let mut conn = self.pool.acquire().await?;
        Ok(load(&mut conn.on(), Scope::OneAt(number, at)).await?.pop())
    }

    /// The whole register as it stood at `at`, ordered by interpreter number.
    pub async fn as_of(&self, at: Timestamp) -> Result<Vec<InterpreterRecord>> {
        let mut conn = self.pool.acquire().await?;
        load(&mut conn.on(), Scope::AllAt(at)).await
    }

    /// Feed rows after `seq`, oldest first, at most `limit`.
    pub async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<FeedItem>> {
        let rows: Vec<FeedRow> = sql(
            "SELECT seq, interpreter_number, effective_at, recorded_at FROM change_feed WHERE seq > $1 ORDER BY \
                seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(FeedRow::into_item).collect()
    }

    /// The change feed's head as the database has it now, whichever process wrote it: what the
    /// public service's index lag is measured against (`subscribe` only sees this process).
    pub async fn feed_head(&self) -> Result<i64> {
        Ok(sql("SELECT last_seq FROM feed_position WHERE id = 1")
            .scalar(&self.pool)
            .await?)
    }

    /// The audit trail of one interpreter, oldest first.
    pub async fn history(&self, number: InterpreterNumber) -> Result<Vec<AuditItem>> {
        let rows: Vec<AuditRow> = sql(
            "SELECT change_seq, recorded_at, effective_at, actor, action, interpreter_number, reason, detail \
             FROM audit_log WHERE interpreter_number = $1 ORDER BY id",
        )
        .bind(number.get())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(AuditRow::into_item).collect()
    }

    /// Records in the audit trail that `actor` was shown `number`'s national identity number,
    /// and why: a read, not a change (no feed row, no `change_seq`), so the history tells who
    /// has seen the number.
    pub async fn record_national_id_reveal(&self, number: InterpreterNumber, actor: &str, reason: &str) -> Result<()> {
        sql(
            "INSERT INTO audit_log (change_seq, recorded_at, effective_at, actor, action, interpreter_number, \
            reason, detail) \
             VALUES (NULL, $1, $1, $2, 'reveal_national_id', $3, $4, '{}')",
        )
        .bind(Timestamp::now())
        .bind(actor)
        .bind(number.get())
        .bind(reason)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Interpreters whose period of exclusion ended on or before `today` but are still stored
    /// as excluded; the caller records the end through `Command::RecordExpiredExclusions`.
    pub async fn expired_exclusions(&self, today: time::Date) -> Result<Vec<InterpreterNumber>> {
        let rows: Vec<i64> = sql(
            "SELECT DISTINCT interpreter_number FROM entry_versions WHERE valid_to IS NULL AND status = 'excluded' \
             AND excluded_until <= $1 ORDER BY interpreter_number",
        )
        .bind(today)
        .scalars(&self.pool)
        .await?;
        rows.into_iter().map(number).collect()
    }

    /// Whether no interpreter has been registered yet.
    pub async fn is_empty(&self) -> Result<bool> {
        let any: Option<i64> = sql("SELECT interpreter_number FROM interpreters LIMIT 1")
            .scalar_optional(&self.pool)
            .await?;
        Ok(any.is_none())
    }
}
