//! Writing changes: the rows of one or many changes (a command's mutations, or a bulk load) are
//! collected into a [`Batch`], versions opened and closed within the batch are settled in
//! memory, older open versions are closed with UPDATEs, and the rest goes in with multi-row
//! INSERTs.

use std::collections::{HashMap, HashSet};

use super::Change;
use super::Result;
use super::projection;
use super::sql::{On, chunk_rows, insert_rows, sql};
use crate::interpreter::Profile;
use crate::mutation::Mutation;
use crate::timestamp::Timestamp;

/// Writes `changes`, numbered from `first_seq`, with their history, feed and audit rows.
/// The statistical projection moves in the same transaction: by the difference the batch makes
/// to its interpreters' histories (none before for interpreters the batch creates). While the
/// projection is not built (a bulk load is under way) it is left alone: building it reads the
/// whole history anyway.
pub(super) async fn write_batch(db: &mut On<'_>, first_seq: i64, changes: &[Change]) -> Result<()> {
    let mut batch = Batch::default();
    for (i, change) in changes.iter().enumerate() {
        batch.add(first_seq + i as i64, change);
    }
    if !projection::is_built(db).await? {
        return batch.write(db, Timestamp::now()).await;
    }
    let created: HashSet<i64> = batch.interpreters.iter().map(|(n, _)| *n).collect();
    let mut touched: Vec<i64> = changes.iter().map(|c| c.number.get()).collect();
    touched.sort_unstable();
    touched.dedup();
    let existing: Vec<i64> = touched.iter().copied().filter(|n| !created.contains(n)).collect();
    // Versions that ended before the batch's earliest change weigh the same before and after.
    let since = changes.iter().map(|c| c.meta.effective_at).min();
    let before = projection::history_deltas(db, &existing, since).await?;
    batch.write(db, Timestamp::now()).await?;
    let mut difference = projection::history_deltas(db, &touched, since).await?;
    difference.add(&before, -1);
    projection::apply(db, &difference).await
}

/// Audit detail of a change: the summaries of its mutations as JSON.
fn audit_detail(change: &Change) -> String {
    let summaries: Vec<_> = change.mutations.iter().map(|m| m.summary()).collect();
    serde_json::to_string(&summaries).unwrap_or_else(|_| "[]".into())
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
        Pending {
            seq,
            number,
            valid_from,
            valid_to: None,
            row,
        }
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
                    close(&mut self.open_profiles, &mut self.profiles, n, at, || {
                        list.push((n, at))
                    });
                    self.open_profiles.insert(n, self.profiles.len());
                    self.profiles.push(Pending::new(seq, n, at, p.clone()));
                }
                Mutation::AddQualification(q) => {
                    self.open_quals.insert((n, q.no), self.quals.len());
                    self.quals.push(Pending::new(seq, n, at, q.clone()));
                }
                Mutation::EndQualification(no) => {
                    let list = &mut self.end_quals;
                    close(&mut self.open_quals, &mut self.quals, (n, *no), at, || {
                        list.push((n, *no, at))
                    });
                }
                Mutation::PutLicence(l) => {
                    let list = &mut self.close_licences;
                    close(&mut self.open_licences, &mut self.licences, (n, l.no), at, || {
                        list.push((n, l.no, at))
                    });
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

    async fn write(self, db: &mut On<'_>, recorded_at: Timestamp) -> Result<()> {
        // Close older versions first, so the new open rows are not closed too.
        for (n, at) in &self.close_profiles {
            sql("UPDATE interpreter_versions SET valid_to = $1 WHERE interpreter_number = $2 AND valid_to IS NULL")
                .bind(*at)
                .bind(*n)
                .execute(&mut *db)
                .await?;
        }
        for (n, no, at) in &self.end_quals {
            sql(
                "UPDATE qualifications SET valid_to = $1 WHERE interpreter_number = $2 AND qualification_no = $3 AND \
                valid_to IS NULL",
            )
            .bind(*at)
            .bind(*n)
            .bind(*no)
            .execute(&mut *db)
            .await?;
        }
        for (n, no, at) in &self.close_licences {
            sql(
                "UPDATE licence_versions SET valid_to = $1 WHERE interpreter_number = $2 AND licence_no = $3 AND \
                valid_to IS NULL",
            )
            .bind(*at)
            .bind(*n)
            .bind(*no)
            .execute(&mut *db)
            .await?;
        }
        for (n, lang, at) in &self.close_entries {
            sql(
                "UPDATE entry_versions SET valid_to = $1 WHERE interpreter_number = $2 AND language = $3 AND \
                valid_to IS NULL",
            )
            .bind(*at)
            .bind(*n)
            .bind(lang.as_str())
            .execute(&mut *db)
            .await?;
        }
        for chunk in self.interpreters.chunks(chunk_rows(2)) {
            let mut q = insert_rows(
                "INSERT INTO interpreters (interpreter_number, registered_at)",
                chunk.len(),
                2,
            );
            for (n, at) in chunk {
                q = q.bind(*n).bind(*at);
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.profiles.chunks(chunk_rows(20)) {
            let mut q = insert_rows(
                "INSERT INTO interpreter_versions (interpreter_number, change_seq, valid_from, valid_to, \
                    national_id, given_name, \
                 family_name, preferred_name, gender, county, phone, email, street, postal_code, city, address_public, \
                 availability, on_site, telephone, video)",
                chunk.len(),
                20,
            );
            for p in chunk {
                let r = &p.row;
                let a = r.address.as_ref();
                q = q
                    .bind(p.number)
                    .bind(p.seq)
                    .bind(p.valid_from)
                    .bind(p.valid_to)
                    .bind(r.national_id.expose())
                    .bind(r.given_name.as_str())
                    .bind(r.family_name.as_str())
                    .bind(r.preferred_name.as_deref())
                    .bind(r.gender.as_str())
                    .bind(r.county.to_string())
                    .bind(r.phone.as_str())
                    .bind(r.email.as_str())
                    .bind(a.map(|a| a.street.as_str()))
                    .bind(a.map(|a| a.postal_code.as_str()))
                    .bind(a.map(|a| a.city.as_str()))
                    .bind(r.address_public)
                    .bind(r.availability.as_str())
                    .bind(r.work_modes.on_site)
                    .bind(r.work_modes.telephone)
                    .bind(r.work_modes.video);
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.quals.chunks(chunk_rows(11)) {
            let mut q = insert_rows(
                "INSERT INTO qualifications (interpreter_number, qualification_no, change_seq, valid_from, valid_to, \
                    kind, \
                 language, completed_on, institution, foreign_approval, evidence_ref)",
                chunk.len(),
                11,
            );
            for p in chunk {
                let r = &p.row;
                q = q
                    .bind(p.number)
                    .bind(r.no)
                    .bind(p.seq)
                    .bind(p.valid_from)
                    .bind(p.valid_to)
                    .bind(r.kind.as_str())
                    .bind(r.language.map(|l| l.to_string()))
                    .bind(r.completed_on)
                    .bind(r.institution.as_str())
                    .bind(r.foreign_approval.as_deref())
                    .bind(r.evidence_ref.as_str());
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.licences.chunks(chunk_rows(9)) {
            let mut q = insert_rows(
                "INSERT INTO licence_versions (interpreter_number, licence_no, change_seq, valid_from, valid_to, \
                    language, \
                 granted_on, decision_ref, status)",
                chunk.len(),
                9,
            );
            for p in chunk {
                let r = &p.row;
                q = q
                    .bind(p.number)
                    .bind(r.no)
                    .bind(p.seq)
                    .bind(p.valid_from)
                    .bind(p.valid_to)
                    .bind(r.language.to_string())
                    .bind(r.granted_on)
                    .bind(r.decision_ref.as_str())
                    .bind(r.status.as_str());
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.tests.chunks(chunk_rows(8)) {
            let mut q = insert_rows(
                "INSERT INTO authorisation_tests (interpreter_number, test_no, change_seq, valid_from, language, \
                    part, taken_on, passed)",
                chunk.len(),
                8,
            );
            for p in chunk {
                let r = &p.row;
                q = q
                    .bind(p.number)
                    .bind(r.no)
                    .bind(p.seq)
                    .bind(p.valid_from)
                    .bind(r.language.to_string())
                    .bind(r.part.as_str())
                    .bind(r.taken_on)
                    .bind(r.passed);
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.entries.chunks(chunk_rows(9)) {
            let mut q = insert_rows(
                "INSERT INTO entry_versions (interpreter_number, language, change_seq, valid_from, valid_to, kind, \
                    category, \
                 status, excluded_until)",
                chunk.len(),
                9,
            );
            for p in chunk {
                let r = &p.row;
                q = q
                    .bind(p.number)
                    .bind(r.language.to_string())
                    .bind(p.seq)
                    .bind(p.valid_from)
                    .bind(p.valid_to)
                    .bind(r.kind.as_str())
                    .bind(r.category.map(|c| c.as_str()))
                    .bind(r.status.as_str())
                    .bind(r.status.until());
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.feed.chunks(chunk_rows(4)) {
            let mut q = insert_rows(
                "INSERT INTO change_feed (seq, interpreter_number, effective_at, recorded_at)",
                chunk.len(),
                4,
            );
            for (seq, n, at) in chunk {
                q = q.bind(*seq).bind(*n).bind(*at).bind(recorded_at);
            }
            q.execute(&mut *db).await?;
        }
        for chunk in self.audit.chunks(chunk_rows(8)) {
            let mut q = insert_rows(
                "INSERT INTO audit_log (change_seq, recorded_at, effective_at, actor, action, interpreter_number, \
                    reason, detail)",
                chunk.len(),
                8,
            );
            for (seq, at, actor, action, n, reason, detail) in chunk {
                q = q
                    .bind(*seq)
                    .bind(recorded_at)
                    .bind(*at)
                    .bind(actor.as_str())
                    .bind(action.as_str())
                    .bind(*n)
                    .bind(reason.as_str())
                    .bind(detail.as_str());
            }
            q.execute(&mut *db).await?;
        }
        Ok(())
    }
}
