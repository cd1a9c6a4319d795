//! Who may open a tip case and what they see: assigned caseworkers see the reporter, other staff
//! see the case without the reporter, committee members see a summary of agenda cases only.

use serde::Serialize;

use super::case::TipCase;
use super::grounds::Grounds;
use super::reporter::Reporter;
use crate::interpreter_number::InterpreterNumber;

/// Someone opening a case. The public service has no variant: it cannot read cases at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    /// IMDi staff, e.g. `staff:kari`.
    Staff { login: String },
    /// A committee member or deputy, by login.
    CommitteeMember { login: String },
}

impl Viewer {
    pub fn login(&self) -> &str {
        match self {
            Viewer::Staff { login } | Viewer::CommitteeMember { login } => login,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Viewer::Staff { .. } => "staff",
            Viewer::CommitteeMember { .. } => "committee",
        }
    }
}

/// What a viewer is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Shown {
    /// The whole case with the reporter's identity.
    Full,
    /// The whole case, the reporter's identity withheld.
    WithoutReporter,
    /// The committee summary of the case.
    CommitteeSummary,
}

/// Why a viewer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr)]
#[strum(prefix = "refused_", serialize_all = "snake_case")]
pub enum Refusal {
    /// Not on the agenda of any meeting the member sits on.
    NotOnAgenda,
    /// The member declared a conflict in this case.
    Conflict,
}

impl Shown {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// What the access rule needs to know about a case besides its assignments.
#[derive(Debug, Clone, Default)]
pub struct CommitteeFacts {
    /// Logins sitting on meetings that have the case on their agenda.
    pub agenda_participants: Vec<String>,
    /// Logins that declared a conflict in the case.
    pub conflicted: Vec<String>,
}

/// The reporter's identity is for the caseworkers assigned to the case, nobody else.
pub fn may_see_reporter(viewer: &Viewer, assigned: &[String]) -> bool {
    matches!(viewer, Viewer::Staff { login } if assigned.contains(login))
}

/// Documents may reveal the reporter (a signed letter, an e-mail with its sender), so they are
/// for the assigned caseworkers and the senior caseworkers who approve decisions; never for
/// the committee, which sees only the summaries put before it.
pub fn may_open_documents(viewer: &Viewer, senior: bool, assigned: &[String]) -> bool {
    match viewer {
        Viewer::Staff { login } => senior || assigned.contains(login),
        Viewer::CommitteeMember { .. } => false,
    }
}

/// Adding a document is for those who may open the case's documents: the assigned caseworkers
/// and the seniors. Another caseworker could otherwise put material into a case they have no
/// part in, and read back what they added.
pub fn may_add_documents(uploader: &str, senior: bool, assigned: &[String]) -> bool {
    senior || assigned.iter().any(|a| a == uploader)
}

/// What the staff directory says about someone a case is to be given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffStanding {
    /// An active caseworker or senior caseworker.
    Caseworker,
    /// Known, but without a casework role (a statistician, a committee member).
    OtherRole,
    /// Not an active member of staff the directory knows.
    Unknown,
}

/// Who may give a case to whom: anyone with casework access may take it themself; only a
/// senior assigns others, and only to an active caseworker, since the assignee then sees the
/// reporter.
pub fn check_assignment(
    actor: &str,
    actor_is_senior: bool,
    assignee: &str,
    standing: StaffStanding,
) -> Result<(), super::TipError> {
    if assignee == actor {
        return Ok(());
    }
    if !actor_is_senior {
        return Err(super::TipError::AssignOthers);
    }
    match standing {
        StaffStanding::Caseworker => Ok(()),
        StaffStanding::OtherRole | StaffStanding::Unknown => Err(super::TipError::NotACaseworker(
            assignee.trim_start_matches("staff:").to_string(),
        )),
    }
}

/// The access rule for opening a case.
pub fn access(viewer: &Viewer, assigned: &[String], committee: &CommitteeFacts) -> Result<Shown, Refusal> {
    match viewer {
        Viewer::Staff { .. } if may_see_reporter(viewer, assigned) => Ok(Shown::Full),
        Viewer::Staff { .. } => Ok(Shown::WithoutReporter),
        Viewer::CommitteeMember { login } => {
            if committee.conflicted.contains(login) {
                Err(Refusal::Conflict)
            } else if committee.agenda_participants.contains(login) {
                Ok(Shown::CommitteeSummary)
            } else {
                Err(Refusal::NotOnAgenda)
            }
        }
    }
}

/// What a committee member sees: no reporter, no account in the reporter's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitteeSummary {
    pub id: i64,
    pub reference: String,
    pub interpreter: Option<InterpreterNumber>,
    pub grounds: Grounds,
    /// The summaries the caseworkers put before the committee.
    pub summaries: Vec<String>,
}

/// A case as shown to one viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "shown", rename_all = "snake_case")]
pub enum CaseView {
    Full { case: Box<TipCase>, reporter: Reporter },
    WithoutReporter { case: Box<TipCase> },
    CommitteeSummary(CommitteeSummary),
}

impl CaseView {
    /// Builds the view `shown` allows; `reporter` is only used for [`Shown::Full`].
    pub fn build(case: TipCase, shown: Shown, reporter: impl FnOnce() -> Reporter) -> CaseView {
        match shown {
            Shown::Full => CaseView::Full {
                reporter: reporter(),
                case: Box::new(case),
            },
            Shown::WithoutReporter => CaseView::WithoutReporter { case: Box::new(case) },
            Shown::CommitteeSummary => CaseView::CommitteeSummary(CommitteeSummary {
                id: case.id,
                reference: case.reference(),
                interpreter: case.intake.subject.number(),
                grounds: case.intake.grounds.clone(),
                summaries: case.referrals.iter().map(|r| r.summary.clone()).collect(),
            }),
        }
    }

    /// The reporter's identity, if this view carries it.
    pub fn reporter(&self) -> Option<&Reporter> {
        match self {
            CaseView::Full { reporter, .. } => Some(reporter),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_seniors_assign_others_and_only_to_active_caseworkers() {
        use super::super::TipError as E;
        use StaffStanding::*;
        let table = [
            // (actor, senior, assignee, standing, refusal)
            ("staff:kari", false, "staff:kari", Unknown, None),
            ("staff:kari", false, "staff:per", Caseworker, Some("others")),
            ("staff:sigrid", true, "staff:per", Caseworker, None),
            ("staff:sigrid", true, "staff:ingrid", OtherRole, Some("not caseworker")),
            ("staff:sigrid", true, "staff:nobody", Unknown, Some("not caseworker")),
        ];
        for (actor, senior, assignee, standing, refusal) in table {
            let got = check_assignment(actor, senior, assignee, standing);
            let kind = got.as_ref().err().map(|e| match e {
                E::AssignOthers => "others",
                E::NotACaseworker(_) => "not caseworker",
                _ => "other",
            });
            assert_eq!(kind, refusal, "{actor} {assignee} {standing:?}: {got:?}");
        }
    }

    #[test]
    fn documents_are_added_by_the_assigned_and_seniors() {
        let assigned = ["staff:kari".to_string()];
        assert!(may_add_documents("staff:kari", false, &assigned));
        assert!(may_add_documents("staff:sigrid", true, &assigned));
        assert!(!may_add_documents("staff:per", false, &assigned));
        assert!(!may_add_documents("staff:per", false, &[]));
    }

    fn staff(l: &str) -> Viewer {
        Viewer::Staff { login: l.into() }
    }
    fn member(l: &str) -> Viewer {
        Viewer::CommitteeMember { login: l.into() }
    }

    #[test]
    fn only_assigned_caseworkers_see_the_reporter_and_members_only_their_agenda() {
        let assigned = vec!["staff:kari".to_string()];
        let facts = CommitteeFacts {
            agenda_participants: vec!["u:anna".into(), "u:bo".into(), "staff:kari".into()],
            conflicted: vec!["u:bo".into()],
        };
        let table = [
            (staff("staff:kari"), Ok(Shown::Full)),
            (staff("staff:ola"), Ok(Shown::WithoutReporter)),
            (member("u:anna"), Ok(Shown::CommitteeSummary)),
            (member("u:bo"), Err(Refusal::Conflict)),
            (member("u:cato"), Err(Refusal::NotOnAgenda)),
            // A member never sees the reporter, even under a login that is assigned as staff.
            (member("staff:kari"), Ok(Shown::CommitteeSummary)),
        ];
        for (viewer, expected) in table {
            assert_eq!(access(&viewer, &assigned, &facts), expected, "{viewer:?}");
        }
        assert!(may_see_reporter(&staff("staff:kari"), &assigned));
        assert!(!may_see_reporter(&member("staff:kari"), &assigned));
        assert!(!may_see_reporter(&staff("staff:ola"), &assigned));
        let documents = [
            (staff("staff:kari"), false, true),
            (staff("staff:ola"), false, false),
            (staff("staff:ola"), true, true),
            (member("staff:kari"), true, false),
        ];
        for (viewer, senior, may) in documents {
            assert_eq!(
                may_open_documents(&viewer, senior, &assigned),
                may,
                "{viewer:?} senior={senior}"
            );
        }
    }
}
