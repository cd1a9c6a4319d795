//! Storage of the party-composed committee (partssammensatt utvalg): its terms and seats, its
//! meetings with their participants and agendas, and the conflicts members declare in a case.

use serde::Serialize;
use time::Date;

use super::Database;
use super::rows::parse;
use super::sql::{On, sql};
use super::tips::{Result, case};
use crate::interpreter_number::InterpreterNumber;
use crate::store::StoreError;
use crate::timestamp::Timestamp;
use crate::tips::committee::{CommitteePerson, SeatHolders};
use crate::tips::{CaseEvent, CaseStatus, Meeting, NewMeeting, NewTerm, Term, TermRules, TipError};

/// The error of these operations: a rule's refusal or a storage error.
type Error = TipError<StoreError>;

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

#[derive(sqlx::FromRow)]
struct SeatRow {
    term_id: i64,
    seat: String,
    member_login: String,
    member_name: String,
    deputy_login: String,
    deputy_name: String,
}

pub(super) async fn load_terms(db: &mut On<'_>) -> Result<Vec<Term>> {
    let terms: Vec<(i64, Date, Date)> = sql("SELECT id, starts_on, ends_on FROM committee_terms ORDER BY starts_on")
        .fetch_all(&mut *db)
        .await?;
    let seats: Vec<SeatRow> = sql(
        "SELECT term_id, seat, member_login, member_name, deputy_login, deputy_name FROM committee_seats ORDER BY \
            term_id, seat",
    )
    .fetch_all(&mut *db)
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
                        member: CommitteePerson {
                            login: s.member_login.clone(),
                            name: s.member_name.clone(),
                        },
                        deputy: CommitteePerson {
                            login: s.deputy_login.clone(),
                            name: s.deputy_name.clone(),
                        },
                    })
                })
                .collect::<std::result::Result<Vec<_>, StoreError>>()?;
            held.sort_by_key(|s| s.seat);
            Ok(Term {
                id,
                starts_on,
                ends_on,
                seats: held,
            })
        })
        .collect()
}

pub(super) async fn load_meetings(db: &mut On<'_>, login: Option<&str>) -> Result<Vec<Meeting>> {
    let rows: Vec<(i64, i64, Date)> = match login {
        Some(l) => {
            sql(
                "SELECT m.id, m.term_id, m.held_on FROM committee_meetings m JOIN committee_participants p ON \
                p.meeting_id = m.id WHERE p.login = $1 ORDER BY m.held_on, m.id",
            )
            .bind(l)
            .fetch_all(&mut *db)
            .await?
        }
        None => {
            sql("SELECT id, term_id, held_on FROM committee_meetings ORDER BY held_on, id")
                .fetch_all(&mut *db)
                .await?
        }
    };
    let people: Vec<(i64, String)> =
        sql("SELECT meeting_id, login FROM committee_participants ORDER BY meeting_id, login")
            .fetch_all(&mut *db)
            .await?;
    let agenda: Vec<(i64, i64)> = sql("SELECT meeting_id, tip_id FROM committee_agenda ORDER BY meeting_id, tip_id")
        .fetch_all(&mut *db)
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

impl Database {
    pub async fn appoint_term(&self, new: &NewTerm, rules: &TermRules) -> Result<Term> {
        let mut tx = self.pool.begin_write().await?;
        let existing = load_terms(&mut tx.on()).await?;
        let ends_on = new.check(rules, &existing)?;
        let id: i64 = sql("INSERT INTO committee_terms (starts_on, ends_on) VALUES ($1, $2) RETURNING id")
            .bind(new.starts_on)
            .bind(ends_on)
            .scalar(tx.on())
            .await?;
        for s in &new.seats {
            sql(
                "INSERT INTO committee_seats (term_id, seat, member_login, member_name, deputy_login, deputy_name) \
                    VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(s.seat.as_str())
            .bind(s.member.login.trim())
            .bind(s.member.name.trim())
            .bind(s.deputy.login.trim())
            .bind(s.deputy.name.trim())
            .execute(tx.on())
            .await?;
        }
        let term = load_terms(&mut tx.on())
            .await?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or(Error::TermNotFound(id))?;
        tx.commit().await?;
        Ok(term)
    }

    pub async fn terms(&self) -> Result<Vec<Term>> {
        let mut conn = self.pool.acquire().await?;
        load_terms(&mut conn.on()).await
    }

    pub async fn plan_meeting(&self, new: &NewMeeting) -> Result<Meeting> {
        let mut tx = self.pool.begin_write().await?;
        let terms = load_terms(&mut tx.on()).await?;
        let term_id = new.check(&terms)?.id;
        let id: i64 = sql("INSERT INTO committee_meetings (term_id, held_on) VALUES ($1, $2) RETURNING id")
            .bind(term_id)
            .bind(new.held_on)
            .scalar(tx.on())
            .await?;
        for login in &new.participants {
            sql("INSERT INTO committee_participants (meeting_id, login) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(login)
                .execute(tx.on())
                .await?;
        }
        let meeting = load_meetings(&mut tx.on(), None)
            .await?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(Error::MeetingNotFound(id))?;
        tx.commit().await?;
        Ok(meeting)
    }

    /// Meetings, oldest first.
    pub async fn meetings(&self) -> Result<Vec<Meeting>> {
        let mut conn = self.pool.acquire().await?;
        load_meetings(&mut conn.on(), None).await
    }

    /// Meetings `login` sits on, oldest first: the member's way to their agendas.
    pub async fn meetings_for(&self, login: &str) -> Result<Vec<Meeting>> {
        let mut conn = self.pool.acquire().await?;
        load_meetings(&mut conn.on(), Some(login)).await
    }

    /// A committee member declares a conflict in a case; from then on they cannot open it.
    pub async fn declare_conflict(&self, id: i64, login: &str, note: &str) -> Result<()> {
        if login.trim().is_empty() {
            return Err(Error::field("login", "hvem som erklærer inhabilitet må oppgis"));
        }
        let mut tx = self.pool.begin_write().await?;
        let exists: Option<i64> = sql("SELECT id FROM tips WHERE id = $1")
            .bind(id)
            .scalar_optional(tx.on())
            .await?;
        exists.ok_or(Error::NotFound(id))?;
        sql(
            "INSERT INTO committee_conflicts (tip_id, login, declared_at, note) VALUES ($1, $2, $3, $4) ON CONFLICT \
                (tip_id, login) DO NOTHING",
        )
        .bind(id)
        .bind(login.trim())
        .bind(Timestamp::now())
        .bind(note.trim())
        .execute(tx.on())
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The cases on a meeting's agenda in the order they were put there, with the conflicts
    /// declared in each; `MeetingNotFound` for an unknown meeting.
    pub async fn agenda(&self, meeting_id: i64) -> Result<Vec<AgendaItem>> {
        let mut conn = self.pool.acquire().await?;
        let found: Option<i64> = sql("SELECT id FROM committee_meetings WHERE id = $1")
            .bind(meeting_id)
            .scalar_optional(conn.on())
            .await?;
        found.ok_or(Error::MeetingNotFound(meeting_id))?;
        // The referral events give the order cases were put on the agenda.
        let referred: Vec<i64> = sql("SELECT tip_id FROM committee_agenda WHERE meeting_id = $1")
            .bind(meeting_id)
            .scalars(conn.on())
            .await?;
        let conflicts: Vec<(i64, String, Timestamp, String)> = sql(
            "SELECT c.tip_id, c.login, c.declared_at, c.note FROM committee_conflicts c JOIN committee_agenda a ON \
                a.tip_id = c.tip_id WHERE a.meeting_id = $1 ORDER BY c.declared_at, c.login",
        )
        .bind(meeting_id)
        .fetch_all(conn.on())
        .await?;
        let mut items = Vec::with_capacity(referred.len());
        for id in referred {
            let found = case(&mut conn.on(), id).await?;
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
}
