//! A tip case as the fold of its events (`TipCase`): its status, assignment, investigation,
//! committee referrals, advance notice, decision, appeal and pending proposal. The checks an
//! event must pass are in `check`, the register changes it makes in `register_changes`, the
//! intake in `intake`. Pure; no storage, no clock.

use serde::Serialize;
use time::Date;

use super::event::{CaseEvent, EventRecord};
use super::intake::{Intake, reference};
use super::organisation_number::OrganisationNumber;
use super::outcome::{ClosureReason, DecisionOutcome, MinistryOutcome};
use super::rules::PastWarning;
use super::status::{self, CaseStatus};
use crate::timestamp::Timestamp;

/// A committee referral: the meeting and the summary put before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Referral {
    pub meeting_id: i64,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    pub meeting_id: i64,
    pub advice: String,
    pub recorded_by: String,
}

/// A request for information to a public body, and its answer once it came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InformationRequest {
    pub organisation_number: OrganisationNumber,
    pub body: String,
    pub asked_on: Date,
    pub due_on: Date,
    pub answered: Option<(Date, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AdvanceNotice {
    pub sent_on: Date,
    pub reply_by: Date,
    pub replied_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipDecision {
    pub outcome: DecisionOutcome,
    pub reasons: String,
    pub decided_on: Date,
    pub appeal_by: Date,
    pub substantial_breach: bool,
    pub decided_by: String,
    pub approved_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppealState {
    pub received_on: Date,
    pub reversed_by_imdi: bool,
    pub forwarded_on: Option<Date>,
    pub ministry: Option<(MinistryOutcome, Date)>,
}

/// A change waiting for a second person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub proposal: CaseEvent,
    pub proposed_by: String,
    pub proposed_at: Timestamp,
}

/// A tip case as it stands after its events. Built only by [`TipCase::replay`]. Holds no
/// contact details of the reporter: those are sealed and shown through `access`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipCase {
    pub id: i64,
    /// The number of events so far; an append must name it (optimistic locking).
    pub version: i64,
    #[serde(flatten)]
    pub intake: Intake,
    pub status: CaseStatus,
    pub assigned: Vec<String>,
    pub closure: Option<(ClosureReason, Option<String>)>,
    pub temporarily_excluded: bool,
    pub information_requests: Vec<InformationRequest>,
    pub referrals: Vec<Referral>,
    pub advice: Vec<Advice>,
    pub advance_notice: Option<AdvanceNotice>,
    pub decision: Option<TipDecision>,
    pub appeal: Option<AppealState>,
    pub pending: Option<Proposal>,
    pub history: Vec<EventRecord>,
}

impl TipCase {
    /// Folds the stored events over the intake.
    pub fn replay(id: i64, intake: Intake, events: Vec<EventRecord>) -> TipCase {
        let mut case = TipCase {
            id,
            version: 0,
            intake,
            status: CaseStatus::Received,
            assigned: Vec::new(),
            closure: None,
            temporarily_excluded: false,
            information_requests: Vec::new(),
            referrals: Vec::new(),
            advice: Vec::new(),
            advance_notice: None,
            decision: None,
            appeal: None,
            pending: None,
            history: Vec::new(),
        };
        for e in events {
            case.fold(e);
        }
        case
    }

    /// The reference on letters and the receipt page, e.g. `VAR-2024-00012`.
    pub fn reference(&self) -> String {
        reference(self.intake.received_on, self.id)
    }

    fn fold(&mut self, rec: EventRecord) {
        use CaseEvent as E;
        self.version = rec.seq;
        if rec.approved_by.is_some() {
            self.pending = None;
        }
        self.status = status::next(self.status, &rec.event).unwrap_or(self.status);
        match &rec.event {
            E::Assign { caseworker } => self.assigned.push(caseworker.clone()),
            E::Unassign { caseworker } => self.assigned.retain(|c| c != caseworker),
            E::Close { reason, guidance } => self.closure = Some((*reason, guidance.clone())),
            E::RequestInformation {
                organisation_number,
                body,
                asked_on,
                due_on,
            } => self.information_requests.push(InformationRequest {
                organisation_number: *organisation_number,
                body: body.clone(),
                asked_on: *asked_on,
                due_on: *due_on,
                answered: None,
            }),
            E::RecordInformationReply {
                request,
                received_on,
                summary,
            } => {
                if let Some(r) = request
                    .checked_sub(1)
                    .and_then(|i| self.information_requests.get_mut(i))
                {
                    r.answered = Some((*received_on, summary.clone()));
                }
            }
            E::TemporaryExclusion => self.temporarily_excluded = true,
            E::LiftTemporaryExclusion => self.temporarily_excluded = false,
            E::ReferToCommittee { meeting_id, summary } => self.referrals.push(Referral {
                meeting_id: *meeting_id,
                summary: summary.clone(),
            }),
            E::RecordAdvice { meeting_id, advice } => self.advice.push(Advice {
                meeting_id: *meeting_id,
                advice: advice.clone(),
                recorded_by: rec.actor.clone(),
            }),
            E::SendAdvanceNotice { sent_on, reply_by } => {
                self.advance_notice = Some(AdvanceNotice {
                    sent_on: *sent_on,
                    reply_by: *reply_by,
                    replied_on: None,
                })
            }
            E::RecordReply { received_on } => {
                if let Some(n) = &mut self.advance_notice {
                    n.replied_on = Some(*received_on);
                }
            }
            E::Decide {
                outcome,
                reasons,
                decided_on,
                appeal_by,
                substantial_breach,
            } => {
                // The decision replaces a temporary exclusion (see `register_commands`).
                self.temporarily_excluded = false;
                self.decision = Some(TipDecision {
                    outcome: *outcome,
                    reasons: reasons.clone(),
                    decided_on: *decided_on,
                    appeal_by: *appeal_by,
                    substantial_breach: *substantial_breach,
                    decided_by: rec.actor.clone(),
                    approved_by: rec.approved_by.clone(),
                })
            }
            E::Appeal { received_on } => {
                self.appeal = Some(AppealState {
                    received_on: *received_on,
                    reversed_by_imdi: false,
                    forwarded_on: None,
                    ministry: None,
                })
            }
            E::ReverseOnAppeal { .. } => {
                if let Some(a) = &mut self.appeal {
                    a.reversed_by_imdi = true;
                }
            }
            E::ForwardToMinistry { sent_on } => {
                if let Some(a) = &mut self.appeal {
                    a.forwarded_on = Some(*sent_on);
                }
            }
            E::RecordMinistryOutcome { outcome, decided_on } => {
                if let Some(a) = &mut self.appeal {
                    a.ministry = Some((*outcome, *decided_on));
                }
            }
            E::Propose { proposal } => {
                self.pending = Some(Proposal {
                    proposal: (**proposal).clone(),
                    proposed_by: rec.actor.clone(),
                    proposed_at: rec.recorded_at,
                })
            }
            E::RejectProposal { .. } => self.pending = None,
            E::StartAssessment | E::OpenInvestigation | E::AddNote { .. } | E::AddDocument { .. } => {}
        }
        self.history.push(rec);
    }

    /// Whether the decision was set aside on appeal, by IMDi or the ministry.
    pub fn decision_reversed(&self) -> bool {
        self.appeal
            .as_ref()
            .is_some_and(|a| a.reversed_by_imdi || matches!(a.ministry, Some((MinistryOutcome::Reversed, _))))
    }

    /// The warning this case gave, if it stands.
    pub fn standing_warning(&self) -> Option<PastWarning> {
        match &self.decision {
            Some(d) if d.outcome == DecisionOutcome::Warning && !self.decision_reversed() => Some(PastWarning {
                decided_on: d.decided_on,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::licence::LicenceStatus;
    use crate::tips::check::CheckContext;
    use crate::tips::error::TipError;
    use crate::tips::event::NewEvent;
    use crate::tips::event::records;
    use crate::tips::grounds::Ground;
    use crate::tips::grounds::Grounds;
    use crate::tips::intake::{Channel, MAX_ACCOUNT, NewTip, Subject};
    use crate::tips::reporter::{Reporter, ReporterRole};
    use crate::tips::rules::TipRules;
    use time::macros::date;

    const TODAY: Date = date!(2024 - 06 - 03);

    fn intake(subject: Subject) -> Intake {
        Intake {
            received_on: date!(2024 - 05 - 02),
            received_at: Timestamp::start_of(date!(2024 - 05 - 02)),
            received_by: "public:web".into(),
            channel: Channel::WebForm,
            subject,
            assignment_on: Some(date!(2024 - 04 - 30)),
            assignment_place: "Legevakten".into(),
            grounds: Grounds::new([Ground::Confidentiality]).unwrap(),
            account: "Tolken fortalte om pasienten".into(),
            reporter_role: Some(ReporterRole::PublicBody),
            anonymous: false,
        }
    }

    fn about() -> Subject {
        Subject::Interpreter {
            number: "10001".parse().unwrap(),
        }
    }

    /// A case after `events`, each made by `staff:kari`.
    fn after(events: &[CaseEvent]) -> TipCase {
        TipCase::replay(12, intake(about()), records(events, Timestamp::start_of(TODAY)))
    }

    fn ctx(warnings: usize) -> CheckContext {
        CheckContext {
            today: TODAY,
            rules: TipRules::default(),
            warnings_in_window: warnings,
        }
    }

    fn decide(outcome: DecisionOutcome, on: Date, substantial: bool) -> CaseEvent {
        CaseEvent::Decide {
            outcome,
            reasons: "Brudd på taushetsplikten".into(),
            decided_on: on,
            appeal_by: TipRules::default().appeal_by(on),
            substantial_breach: substantial,
        }
    }

    fn investigating() -> Vec<CaseEvent> {
        vec![CaseEvent::StartAssessment, CaseEvent::OpenInvestigation]
    }

    /// Investigated, noticed 1 May (reply by 8 May), warned 13 May 2024.
    fn warned() -> Vec<CaseEvent> {
        let mut events = investigating();
        events.push(CaseEvent::SendAdvanceNotice {
            sent_on: date!(2024 - 05 - 01),
            reply_by: date!(2024 - 05 - 08),
        });
        events.push(decide(DecisionOutcome::Warning, date!(2024 - 05 - 13), false));
        events
    }

    fn noticed(reply_by: Date, replied: bool) -> TipCase {
        let mut events = investigating();
        events.push(CaseEvent::SendAdvanceNotice {
            sent_on: date!(2024 - 05 - 20),
            reply_by,
        });
        if replied {
            events.push(CaseEvent::RecordReply {
                received_on: date!(2024 - 05 - 25),
            });
        }
        after(&events)
    }

    /// Checks `event` as `staff:kari` would make it: sanctions as proposals for a second person.
    fn check(case: &TipCase, event: CaseEvent, warnings: usize) -> Result<(), TipError> {
        let event = if case.needs_second_person(&event) {
            CaseEvent::Propose {
                proposal: Box::new(event),
            }
        } else {
            event
        };
        case.check(&NewEvent::new(event, "staff:kari", "begrunnelse"), &ctx(warnings))
    }

    #[test]
    fn intake_checks_every_field_at_once() {
        let good = NewTip {
            received_on: TODAY,
            channel: Channel::WebForm,
            subject: about(),
            assignment_on: Some(date!(2024 - 06 - 01)),
            assignment_place: "NAV Grünerløkka".into(),
            grounds: Grounds::new([Ground::GoodPractice]).unwrap(),
            account: "Tolken kom for sent og la til egne råd.".into(),
            reporter: Reporter::Anonymous { role: None },
            received_by: "public:web".into(),
        };
        assert!(good.check(TODAY).is_ok());
        let bad = NewTip {
            assignment_on: Some(date!(2024 - 07 - 01)),
            account: "  ".into(),
            subject: Subject::Unknown {
                description: " ".into(),
            },
            assignment_place: "x".repeat(301),
            ..good.clone()
        };
        let Err(TipError::Invalid(errors)) = bad.check(TODAY) else {
            panic!("accepted")
        };
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["account", "assignment_place", "assignment_on", "subject"]);
        let long = NewTip {
            account: "x".repeat(MAX_ACCOUNT + 1),
            ..good
        };
        assert!(long.check(TODAY).is_err());
    }

    #[test]
    fn a_sanction_waits_for_the_reply_or_the_reply_deadline() {
        let table = [
            // (reply_by, replied, decided_on, allowed)
            (date!(2024 - 06 - 03), false, date!(2024 - 06 - 03), false),
            (date!(2024 - 06 - 02), false, date!(2024 - 06 - 03), true),
            (date!(2024 - 06 - 10), true, date!(2024 - 06 - 03), true),
        ];
        for (reply_by, replied, on, allowed) in table {
            let case = noticed(reply_by, replied);
            let got = check(&case, decide(DecisionOutcome::Warning, on, false), 0);
            assert_eq!(got.is_ok(), allowed, "{reply_by} {replied} {got:?}");
        }
        // No breach needs no advance notice at all.
        assert!(
            check(
                &after(&investigating()),
                decide(DecisionOutcome::NoBreach, TODAY, false),
                0
            )
            .is_ok()
        );
    }

    #[test]
    fn exclusion_needs_three_warnings_in_five_years_or_a_substantial_breach() {
        let case = noticed(date!(2024 - 05 - 31), false);
        let until = date!(2024 - 12 - 01);
        let table = [
            (DecisionOutcome::Exclusion { until }, 2, false, false),
            (DecisionOutcome::Exclusion { until }, 3, false, true),
            (DecisionOutcome::PermanentExclusion, 0, false, false),
            (DecisionOutcome::PermanentExclusion, 0, true, true),
            (
                DecisionOutcome::Revocation {
                    licence_no: 1,
                    until: None,
                },
                1,
                false,
                false,
            ),
            (
                DecisionOutcome::Revocation {
                    licence_no: 1,
                    until: None,
                },
                1,
                true,
                true,
            ),
            (DecisionOutcome::Warning, 0, false, true),
        ];
        for (outcome, warnings, substantial, allowed) in table {
            let got = check(&case, decide(outcome, TODAY, substantial), warnings);
            assert_eq!(got.is_ok(), allowed, "{outcome:?} {warnings} {substantial}: {got:?}");
            if !allowed {
                assert!(matches!(got, Err(TipError::ExclusionNotAllowed { .. })));
            }
        }
        let past = DecisionOutcome::Exclusion { until: TODAY };
        assert!(
            check(&case, decide(past, TODAY, true), 0).is_err(),
            "an exclusion must end after the decision"
        );
        let wrong_deadline = CaseEvent::Decide {
            outcome: DecisionOutcome::Warning,
            reasons: "r".into(),
            decided_on: TODAY,
            appeal_by: TODAY,
            substantial_breach: false,
        };
        assert!(check(&case, wrong_deadline, 0).is_err());
    }

    #[test]
    fn appeals_must_arrive_within_three_weeks_of_a_sanction() {
        let events = warned();
        let warned = after(&events);
        assert_eq!(warned.decision.as_ref().unwrap().appeal_by, date!(2024 - 06 - 03));
        assert!(
            check(
                &warned,
                CaseEvent::Appeal {
                    received_on: date!(2024 - 06 - 03)
                },
                0
            )
            .is_ok()
        );
        let late = TipCase {
            decision: warned.decision.clone().map(|d| TipDecision {
                appeal_by: date!(2024 - 06 - 02),
                ..d
            }),
            ..warned.clone()
        };
        assert!(matches!(
            check(&late, CaseEvent::Appeal { received_on: TODAY }, 0),
            Err(TipError::AppealTooLate(_))
        ));
        let mut cleared = investigating();
        cleared.push(decide(DecisionOutcome::NoBreach, date!(2024 - 05 - 13), false));
        assert!(check(&after(&cleared), CaseEvent::Appeal { received_on: TODAY }, 0).is_err());
    }

    #[test]
    fn closing_outside_power_needs_guidance_and_sanctions_need_a_known_interpreter() {
        let received = after(&[]);
        let close = |guidance: Option<&str>| CaseEvent::Close {
            reason: ClosureReason::OutsidePower,
            guidance: guidance.map(str::to_string),
        };
        assert!(check(&received, close(None), 0).is_err());
        assert!(check(&received, close(Some(" ")), 0).is_err());
        assert!(check(&received, close(Some("Ta kontakt med tolkeformidleren.")), 0).is_ok());
        let unknown = TipCase::replay(
            12,
            intake(Subject::Unknown {
                description: "mann, snakket dari".into(),
            }),
            after(&investigating()).history,
        );
        let propose = || CaseEvent::Propose {
            proposal: Box::new(CaseEvent::TemporaryExclusion),
        };
        assert!(matches!(check(&unknown, propose(), 0), Err(TipError::Invalid(_))));
        assert!(check(&after(&investigating()), propose(), 0).is_ok());
    }

    #[test]
    fn advice_only_for_a_meeting_the_case_went_to_and_history_is_kept() {
        let mut events = investigating();
        events.push(CaseEvent::ReferToCommittee {
            meeting_id: 4,
            summary: "Mulig brudd på taushetsplikt".into(),
        });
        let referred = after(&events);
        assert_eq!(referred.status, CaseStatus::WithCommittee);
        assert!(
            check(
                &referred,
                CaseEvent::RecordAdvice {
                    meeting_id: 5,
                    advice: "a".into()
                },
                0
            )
            .is_err()
        );
        assert!(
            check(
                &referred,
                CaseEvent::RecordAdvice {
                    meeting_id: 4,
                    advice: " ".into()
                },
                0
            )
            .is_err()
        );
        events.push(CaseEvent::RecordAdvice {
            meeting_id: 4,
            advice: "Advarsel anbefales".into(),
        });
        let advised = after(&events);
        assert_eq!(advised.status, CaseStatus::Investigation);
        assert_eq!(advised.advice[0].advice, "Advarsel anbefales");
        assert_eq!((advised.version, advised.history.len()), (4, 4));
        assert_eq!(advised.reference(), "VAR-2024-00012");
    }

    #[test]
    fn register_changes_follow_the_event_and_sanctions_need_four_eyes() {
        let until = date!(2024 - 12 - 01);
        let mut suspended_events = investigating();
        suspended_events.push(CaseEvent::TemporaryExclusion);
        let suspended = after(&suspended_events);
        let plain = after(&investigating());
        let table: Vec<(&TipCase, CaseEvent, Vec<Command>, bool)> = vec![
            (&plain, CaseEvent::TemporaryExclusion, vec![Command::Suspend], true),
            (
                &suspended,
                CaseEvent::LiftTemporaryExclusion,
                vec![Command::LiftSuspension],
                false,
            ),
            (
                &suspended,
                decide(DecisionOutcome::Warning, TODAY, false),
                vec![Command::LiftSuspension],
                false,
            ),
            (&plain, decide(DecisionOutcome::NoBreach, TODAY, false), vec![], false),
            (
                &plain,
                decide(DecisionOutcome::Exclusion { until }, TODAY, true),
                vec![Command::Exclude { until: Some(until) }],
                true,
            ),
            (
                &plain,
                decide(DecisionOutcome::PermanentExclusion, TODAY, true),
                vec![Command::Exclude { until: None }],
                true,
            ),
            (
                &plain,
                decide(
                    DecisionOutcome::Revocation {
                        licence_no: 2,
                        until: None,
                    },
                    TODAY,
                    true,
                ),
                vec![
                    Command::ChangeLicenceStatus {
                        no: 2,
                        status: LicenceStatus::Revoked,
                    },
                    Command::Exclude { until: None },
                ],
                true,
            ),
            (
                &plain,
                CaseEvent::ReverseOnAppeal { reasons: "r".into() },
                vec![],
                false,
            ),
        ];
        for (case, event, commands, four_eyes) in table {
            assert_eq!(case.register_commands(&event), commands, "{}", event.kind());
            assert_eq!(case.needs_second_person(&event), four_eyes, "{}", event.kind());
        }
        let mut excluded = investigating();
        excluded.push(CaseEvent::SendAdvanceNotice {
            sent_on: date!(2024 - 05 - 01),
            reply_by: date!(2024 - 05 - 08),
        });
        excluded.push(decide(
            DecisionOutcome::Exclusion { until },
            date!(2024 - 05 - 20),
            true,
        ));
        excluded.push(CaseEvent::Appeal {
            received_on: date!(2024 - 05 - 25),
        });
        let appealed = after(&excluded);
        assert!(suspended.temporarily_excluded && !appealed.temporarily_excluded);
        assert_eq!(
            appealed.register_commands(&CaseEvent::ReverseOnAppeal { reasons: "r".into() }),
            vec![Command::LiftExclusion]
        );
        let ministry = |outcome| CaseEvent::RecordMinistryOutcome {
            outcome,
            decided_on: TODAY,
        };
        assert_eq!(
            appealed.register_commands(&ministry(MinistryOutcome::Reversed)),
            vec![Command::LiftExclusion]
        );
        assert_eq!(appealed.register_commands(&ministry(MinistryOutcome::Upheld)), vec![]);

        // Reversing a revocation gives the licence back as well as lifting the exclusion.
        let mut revoked = investigating();
        revoked.push(CaseEvent::SendAdvanceNotice {
            sent_on: date!(2024 - 05 - 01),
            reply_by: date!(2024 - 05 - 08),
        });
        revoked.push(decide(
            DecisionOutcome::Revocation {
                licence_no: 2,
                until: None,
            },
            date!(2024 - 05 - 20),
            true,
        ));
        revoked.push(CaseEvent::Appeal {
            received_on: date!(2024 - 05 - 25),
        });
        assert_eq!(
            after(&revoked).register_commands(&CaseEvent::ReverseOnAppeal { reasons: "r".into() }),
            vec![Command::ReinstateLicence { no: 2 }, Command::LiftExclusion]
        );
    }

    #[test]
    fn a_pending_proposal_blocks_other_changes_until_another_person_decides_it() {
        let until = date!(2024 - 12 - 01);
        let mut events = investigating();
        events.push(CaseEvent::Propose {
            proposal: Box::new(CaseEvent::TemporaryExclusion),
        });
        let pending = after(&events);
        assert_eq!(pending.pending.as_ref().unwrap().proposed_by, "staff:kari");
        assert!(matches!(
            check(&pending, CaseEvent::StartAssessment, 0),
            Err(TipError::ProposalPending)
        ));
        let approved = |by: &str, event: CaseEvent| NewEvent {
            event,
            actor: "staff:kari".into(),
            approved_by: Some(by.into()),
            reason: "r".into(),
        };
        assert!(
            pending
                .check(&approved("staff:ola", CaseEvent::TemporaryExclusion), &ctx(0))
                .is_ok()
        );
        assert!(matches!(
            pending.check(&approved("staff:kari", CaseEvent::TemporaryExclusion), &ctx(0)),
            Err(TipError::OwnProposal)
        ));
        let other = decide(DecisionOutcome::Exclusion { until }, TODAY, true);
        assert!(pending.check(&approved("staff:ola", other), &ctx(0)).is_err());
        assert!(
            check(
                &pending,
                CaseEvent::RejectProposal {
                    note: "ikke nødvendig".into()
                },
                0
            )
            .is_ok()
        );
        assert!(matches!(
            check(&plain_case(), CaseEvent::RejectProposal { note: "x".into() }, 0),
            Err(TipError::NoProposal)
        ));
    }

    fn plain_case() -> TipCase {
        after(&investigating())
    }

    #[test]
    fn information_requests_need_a_later_deadline_and_get_one_answer() {
        let request = |due_on| CaseEvent::RequestInformation {
            organisation_number: "974760673".parse().unwrap(),
            body: "Oslo universitetssykehus".into(),
            asked_on: date!(2024 - 05 - 21),
            due_on,
        };
        let reply = |request, on| CaseEvent::RecordInformationReply {
            request,
            received_on: on,
            summary: "Bekrefter".into(),
        };
        let case = plain_case();
        assert!(check(&case, request(date!(2024 - 05 - 21)), 0).is_err());
        assert!(check(&case, request(date!(2024 - 06 - 04)), 0).is_ok());
        let mut events = investigating();
        events.push(request(date!(2024 - 06 - 04)));
        let asked = after(&events);
        assert_eq!(asked.information_requests[0].due_on, date!(2024 - 06 - 04));
        let table = [
            (0, TODAY, false),
            (2, TODAY, false),
            (1, date!(2024 - 05 - 20), false),
            (1, TODAY, true),
        ];
        for (n, on, ok) in table {
            assert_eq!(check(&asked, reply(n, on), 0).is_ok(), ok, "request {n} answered {on}");
        }
        events.push(reply(1, TODAY));
        let answered = after(&events);
        assert_eq!(
            answered.information_requests[0].answered.as_ref().map(|a| a.0),
            Some(TODAY)
        );
        assert!(check(&answered, reply(1, TODAY), 0).is_err(), "one answer per request");
    }

    #[test]
    fn sanctions_cannot_be_appended_without_a_second_person() {
        let case = plain_case();
        let direct = NewEvent::new(CaseEvent::TemporaryExclusion, "staff:kari", "r");
        assert!(matches!(
            case.check(&direct, &ctx(0)),
            Err(TipError::SecondPersonNeeded)
        ));
        let proposal = CaseEvent::Propose {
            proposal: Box::new(CaseEvent::TemporaryExclusion),
        };
        assert!(check(&case, proposal, 0).is_ok());
    }

    #[test]
    fn reversed_warnings_no_longer_count() {
        let mut events = warned();
        assert!(after(&events).standing_warning().is_some());
        events.push(CaseEvent::Appeal {
            received_on: date!(2024 - 05 - 20),
        });
        events.push(CaseEvent::ForwardToMinistry {
            sent_on: date!(2024 - 05 - 22),
        });
        let upheld = CaseEvent::RecordMinistryOutcome {
            outcome: MinistryOutcome::Upheld,
            decided_on: TODAY,
        };
        let reversed = CaseEvent::RecordMinistryOutcome {
            outcome: MinistryOutcome::Reversed,
            decided_on: TODAY,
        };
        assert!(
            after(&[events.clone(), vec![upheld]].concat())
                .standing_warning()
                .is_some()
        );
        let gone = after(&[events, vec![reversed]].concat());
        assert_eq!(gone.status, CaseStatus::MinistryDecided);
        assert!(gone.standing_warning().is_none());
    }
}
