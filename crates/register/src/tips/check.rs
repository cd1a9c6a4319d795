//! The checks an event must pass before it is appended to a tip case: a pending proposal, the
//! lifecycle (`status::next`), four-eyes, then the event's own conditions (deadlines, warnings,
//! texts). Pure; the caller gives the day and the interpreter's warnings.

use time::Date;

use super::case::TipCase;
use super::error::TipError;
use super::event::{CaseEvent, NewEvent};
use super::intake::MAX_ACCOUNT;
use super::outcome::{ClosureReason, DecisionOutcome};
use super::rules::TipRules;
use super::status;
use crate::interpreter_number::InterpreterNumber;

/// What checking an event needs besides the case.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext {
    pub today: Date,
    pub rules: TipRules,
    /// The interpreter's standing warnings in the window ending today (other cases).
    pub warnings_in_window: usize,
}

fn invalid(field: &str, message: &str) -> TipError {
    TipError::field(field, message)
}

impl TipCase {
    fn interpreter(&self) -> Result<InterpreterNumber, TipError> {
        self.intake.subject.number().ok_or_else(|| {
            invalid(
                "subject",
                "saken gjelder ingen registrert tolk; avslutt den med veiledning",
            )
        })
    }

    /// Checks that `new` may be appended now: pending proposals, the status machine, then the
    /// event's own conditions (deadlines, warnings, texts).
    pub fn check(&self, new: &NewEvent, ctx: &CheckContext) -> Result<(), TipError> {
        if new.actor.trim().is_empty() || new.reason.trim().is_empty() {
            return Err(invalid("reason", "hvem som gjør endringen og hvorfor må oppgis"));
        }
        match (&self.pending, &new.event, &new.approved_by) {
            (None, CaseEvent::RejectProposal { .. }, _) => return Err(TipError::NoProposal),
            (None, _, Some(_)) => return Err(TipError::NoProposal),
            (Some(_), CaseEvent::RejectProposal { .. }, _) => {}
            // Notes and documents only add to the file; they wait for no second person.
            (Some(_), event, None) if event.is_file_addition() => {}
            (Some(p), event, Some(approver)) if *event == p.proposal => {
                if *approver == p.proposed_by {
                    return Err(TipError::OwnProposal);
                }
            }
            (Some(_), _, _) => return Err(TipError::ProposalPending),
            (None, _, None) => {}
        }
        status::next(self.status, &new.event)?;
        if new.approved_by.is_none() && self.needs_second_person(&new.event) {
            return Err(TipError::SecondPersonNeeded);
        }
        self.check_event(&new.event, ctx)
    }

    /// The event's own conditions, by the stage of the case it belongs to.
    fn check_event(&self, event: &CaseEvent, ctx: &CheckContext) -> Result<(), TipError> {
        use CaseEvent as E;
        match event {
            E::Assign { .. } | E::Unassign { .. } => self.check_assignment(event),
            E::Close { reason, guidance } => {
                if *reason == ClosureReason::OutsidePower {
                    text(
                        guidance.as_deref().unwrap_or(""),
                        "guidance",
                        "skriv veiledningen til varsleren",
                    )?;
                }
                Ok(())
            }
            E::RequestInformation { .. } | E::RecordInformationReply { .. } => self.check_information(event, ctx),
            E::TemporaryExclusion | E::LiftTemporaryExclusion => self.check_temporary_exclusion(event),
            E::ReferToCommittee { summary, .. } => text(
                summary,
                "summary",
                "skriv et sammendrag til utvalget (uten varslerens identitet)",
            ),
            E::RecordAdvice { meeting_id, advice } => {
                text(advice, "advice", "skriv utvalgets råd")?;
                if !self.referrals.iter().any(|r| r.meeting_id == *meeting_id) {
                    return Err(invalid("meeting", "saken var ikke på sakslisten til dette møtet"));
                }
                Ok(())
            }
            E::SendAdvanceNotice { .. } | E::RecordReply { .. } => self.check_advance_notice(event, ctx),
            E::Decide { .. } => self.check_decision(event, ctx),
            E::Appeal { received_on } => {
                not_future(*received_on, "received_on", ctx)?;
                if let Some(d) = &self.decision {
                    if !d.outcome.is_sanction() {
                        return Err(invalid("event", "det er ingen reaksjon å klage på"));
                    }
                    if *received_on > d.appeal_by {
                        return Err(TipError::AppealTooLate(d.appeal_by));
                    }
                }
                Ok(())
            }
            E::ReverseOnAppeal { reasons } => text(reasons, "reasons", "omgjøringen må begrunnes"),
            E::ForwardToMinistry { sent_on } => not_future(*sent_on, "sent_on", ctx),
            E::RecordMinistryOutcome { decided_on, .. } => not_future(*decided_on, "decided_on", ctx),
            E::Propose { proposal } => {
                if matches!(**proposal, E::Propose { .. } | E::RejectProposal { .. }) || proposal.is_file_addition() {
                    return Err(invalid("event", "bare en endring i saken kan foreslås"));
                }
                self.check_event(proposal, ctx)
            }
            E::RejectProposal { note } => text(note, "note", "skriv hvorfor forslaget avvises"),
            E::AddNote { text: note } => text(note, "note", "skriv notatet"),
            E::AddDocument { size, sha256, .. } => {
                if *size == 0 || sha256.len() != 64 {
                    return Err(invalid("file", "dokumentet er tomt eller ufullstendig"));
                }
                Ok(())
            }
            E::StartAssessment | E::OpenInvestigation => Ok(()),
        }
    }

    fn check_assignment(&self, event: &CaseEvent) -> Result<(), TipError> {
        match event {
            CaseEvent::Assign { caseworker } => {
                text(caseworker, "caseworker", "velg en saksbehandler")?;
                if self.assigned.contains(caseworker) {
                    return Err(invalid("caseworker", "saksbehandleren er allerede tildelt saken"));
                }
            }
            CaseEvent::Unassign { caseworker } if !self.assigned.contains(caseworker) => {
                return Err(invalid("caseworker", "saksbehandleren er ikke tildelt saken"));
            }
            _ => {}
        }
        Ok(())
    }

    /// Requests for information to another body, and their answers.
    fn check_information(&self, event: &CaseEvent, ctx: &CheckContext) -> Result<(), TipError> {
        match event {
            CaseEvent::RequestInformation {
                body, asked_on, due_on, ..
            } => {
                text(body, "body", "skriv hvilket organ som blir spurt")?;
                not_future(*asked_on, "asked_on", ctx)?;
                if due_on <= asked_on {
                    return Err(invalid("due_on", "svarfristen må være etter at forespørselen sendes"));
                }
            }
            CaseEvent::RecordInformationReply {
                request,
                received_on,
                summary,
            } => {
                text(summary, "summary", "skriv hva organet svarte")?;
                not_future(*received_on, "received_on", ctx)?;
                let asked = request.checked_sub(1).and_then(|i| self.information_requests.get(i));
                match asked {
                    None => return Err(invalid("request", "saken har ingen slik forespørsel")),
                    Some(r) if r.answered.is_some() => {
                        return Err(invalid("request", "forespørselen er allerede besvart"));
                    }
                    Some(r) if *received_on < r.asked_on => {
                        return Err(invalid(
                            "received_on",
                            "svaret kan ikke komme før forespørselen ble sendt",
                        ));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn check_temporary_exclusion(&self, event: &CaseEvent) -> Result<(), TipError> {
        match event {
            CaseEvent::TemporaryExclusion => {
                self.interpreter()?;
                if self.temporarily_excluded {
                    return Err(invalid(
                        "event",
                        "tolken er allerede midlertidig utestengt i denne saken",
                    ));
                }
            }
            CaseEvent::LiftTemporaryExclusion if !self.temporarily_excluded => {
                return Err(invalid("event", "tolken er ikke midlertidig utestengt i denne saken"));
            }
            _ => {}
        }
        Ok(())
    }

    /// The advance notice (forhåndsvarsel) before a sanction, and the interpreter's reply.
    fn check_advance_notice(&self, event: &CaseEvent, ctx: &CheckContext) -> Result<(), TipError> {
        match event {
            CaseEvent::SendAdvanceNotice { sent_on, reply_by } => {
                self.interpreter()?;
                not_future(*sent_on, "sent_on", ctx)?;
                if reply_by <= sent_on {
                    return Err(invalid(
                        "reply_by",
                        "svarfristen må være etter at forhåndsvarselet sendes",
                    ));
                }
            }
            CaseEvent::RecordReply { received_on } => {
                not_future(*received_on, "received_on", ctx)?;
                if self.advance_notice.is_some_and(|n| *received_on < n.sent_on) {
                    return Err(invalid(
                        "received_on",
                        "svaret kan ikke komme før forhåndsvarselet ble sendt",
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A decision: reasons, the appeal deadline, the interpreter's right to reply first, and
    /// the grounds an exclusion needs (tolkeloven § 21).
    fn check_decision(&self, event: &CaseEvent, ctx: &CheckContext) -> Result<(), TipError> {
        let CaseEvent::Decide {
            outcome,
            reasons,
            decided_on,
            appeal_by,
            substantial_breach,
        } = event
        else {
            return Ok(());
        };
        text(reasons, "reasons", "vedtaket må begrunnes")?;
        not_future(*decided_on, "decided_on", ctx)?;
        if *appeal_by != ctx.rules.appeal_by(*decided_on) {
            return Err(invalid("appeal_by", "klagefristen følger ikke av vedtaksdatoen"));
        }
        if outcome.is_sanction() {
            self.interpreter()?;
            if let Some(n) = self.advance_notice
                && n.replied_on.is_none()
                && *decided_on <= n.reply_by
            {
                return Err(TipError::ReplyPending(n.reply_by));
            }
        }
        if outcome.excludes() && !ctx.rules.exclusion_allowed(ctx.warnings_in_window, *substantial_breach) {
            return Err(TipError::ExclusionNotAllowed {
                warnings: ctx.warnings_in_window,
            });
        }
        let until = match outcome {
            DecisionOutcome::Exclusion { until } => Some(*until),
            DecisionOutcome::Revocation { until, .. } => *until,
            _ => None,
        };
        if until.is_some_and(|u| u <= *decided_on) {
            return Err(invalid("until", "utestengingen må slutte etter vedtaksdatoen"));
        }
        Ok(())
    }
}

/// Refuses a date after today.
fn not_future(d: Date, field: &str, ctx: &CheckContext) -> Result<(), TipError> {
    if d > ctx.today {
        Err(invalid(field, "datoen kan ikke ligge fram i tid"))
    } else {
        Ok(())
    }
}

/// Refuses an empty text (with `message`) or one longer than an account may be.
fn text(t: &str, field: &str, message: &str) -> Result<(), TipError> {
    if t.trim().is_empty() {
        Err(invalid(field, message))
    } else if t.chars().count() > MAX_ACCOUNT {
        Err(invalid(field, "teksten er for lang"))
    } else {
        Ok(())
    }
}
