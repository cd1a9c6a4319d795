//! The actions on a tip case: which are offered in which status (from `status::allows`), what each
//! form asks for, which of the checked form's readings makes its event (`action_form` holds the
//! form, its `validator` checks and the assembly; `POST /varsler/{id}/hendelser` is
//! `posts::act`), and the refused form the case page shows again.

use maud::{Markup, html};
use register::Timestamp;
use register::licence::Licence;
use register::tips::status::{EventKind, allows, transition};
use register::tips::{CaseEvent, ClosureReason, DecisionOutcome, Meeting, TipCase, TipRules};
use time::Date;

use super::action_form::ActionForm;
use super::fields::Fields;
use super::history::outcome as outcome_text;
use crate::auth::{Role, Staff};
use crate::error::AdminError;
use crate::forms::{self, Errors};

/// The form a refusal belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Action(Action),
    Upload,
    Approval,
}

impl Target {
    pub fn title(self) -> &'static str {
        match self {
            Target::Action(a) => a.title(),
            Target::Upload => "Opplastingen",
            Target::Approval => "Godkjenningen eller avvisningen",
        }
    }
}

/// A refused form: what was typed (an upload keeps its description in `form.reason`), the
/// fields to fix and a message.
pub struct Failed {
    pub target: Target,
    pub form: ActionForm,
    pub errors: Errors,
    pub message: Option<String>,
}

/// Something a caseworker can do on the case page; each makes one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A caseworker assigns themselves.
    Take,
    /// A senior assigns someone.
    Assign,
    Unassign,
    StartAssessment,
    Close,
    OpenInvestigation,
    RequestInformation,
    RecordInformationReply,
    TemporaryExclusion,
    LiftTemporaryExclusion,
    ReferToCommittee,
    RecordAdvice,
    SendAdvanceNotice,
    RecordReply,
    Decide,
    Appeal,
    ReverseOnAppeal,
    ForwardToMinistry,
    RecordMinistryOutcome,
    Note,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Self::Take,
        Self::Assign,
        Self::Unassign,
        Self::StartAssessment,
        Self::Close,
        Self::OpenInvestigation,
        Self::RequestInformation,
        Self::RecordInformationReply,
        Self::TemporaryExclusion,
        Self::LiftTemporaryExclusion,
        Self::ReferToCommittee,
        Self::RecordAdvice,
        Self::SendAdvanceNotice,
        Self::RecordReply,
        Self::Decide,
        Self::Appeal,
        Self::ReverseOnAppeal,
        Self::ForwardToMinistry,
        Self::RecordMinistryOutcome,
        Self::Note,
    ];

    /// The form's name, also the prefix of its field ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Take => "take",
            Self::Assign => "assign",
            Self::Unassign => "unassign",
            Self::StartAssessment => "start_assessment",
            Self::Close => "close",
            Self::OpenInvestigation => "open_investigation",
            Self::RequestInformation => "request_information",
            Self::RecordInformationReply => "record_information_reply",
            Self::TemporaryExclusion => "temporary_exclusion",
            Self::LiftTemporaryExclusion => "lift_temporary_exclusion",
            Self::ReferToCommittee => "refer_to_committee",
            Self::RecordAdvice => "record_advice",
            Self::SendAdvanceNotice => "send_advance_notice",
            Self::RecordReply => "record_reply",
            Self::Decide => "decide",
            Self::Appeal => "appeal",
            Self::ReverseOnAppeal => "reverse_on_appeal",
            Self::ForwardToMinistry => "forward_to_ministry",
            Self::RecordMinistryOutcome => "record_ministry_outcome",
            Self::Note => "note",
        }
    }

    /// What happens, for actions that cannot be undone and so are confirmed first.
    pub fn consequence(self) -> Option<&'static str> {
        match self {
            Self::Close => Some("Saken avsluttes og tas ut av listen over åpne saker."),
            Self::LiftTemporaryExclusion => {
                Some("Den midlertidige utestengingen oppheves straks, og tolken blir synlig i offentlig søk igjen.")
            }
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Take => "Ta saken",
            Self::Assign => "Tildel saksbehandler",
            Self::Unassign => "Fjern saksbehandler",
            Self::StartAssessment => "Start første vurdering",
            Self::Close => "Avslutt saken",
            Self::OpenInvestigation => "Åpne undersøkelse",
            Self::RequestInformation => "Be om opplysninger fra et offentlig organ",
            Self::RecordInformationReply => "Registrer svar på forespørsel om opplysninger",
            Self::TemporaryExclusion => "Midlertidig utestenging mens saken behandles",
            Self::LiftTemporaryExclusion => "Opphev midlertidig utestenging",
            Self::ReferToCommittee => "Send saken til utvalget",
            Self::RecordAdvice => "Registrer utvalgets råd",
            Self::SendAdvanceNotice => "Send forhåndsvarsel til tolken",
            Self::RecordReply => "Registrer tolkens svar på forhåndsvarselet",
            Self::Decide => "Foreslå vedtak",
            Self::Appeal => "Registrer klage",
            Self::ReverseOnAppeal => "Omgjør vedtaket etter klage",
            Self::ForwardToMinistry => "Send klagen til departementet",
            Self::RecordMinistryOutcome => "Registrer departementets klageavgjørelse",
            Self::Note => "Skriv notat",
        }
    }

    /// The kind of event this action records, to ask the register whether it is allowed now.
    fn kind(self) -> EventKind {
        use EventKind as K;
        match self {
            Self::Take | Self::Assign => K::Assign,
            Self::Unassign => K::Unassign,
            Self::StartAssessment => K::StartAssessment,
            Self::Close => K::Close,
            Self::OpenInvestigation => K::OpenInvestigation,
            Self::RequestInformation => K::RequestInformation,
            Self::RecordInformationReply => K::RecordInformationReply,
            Self::TemporaryExclusion => K::TemporaryExclusion,
            Self::LiftTemporaryExclusion => K::LiftTemporaryExclusion,
            Self::ReferToCommittee => K::ReferToCommittee,
            Self::RecordAdvice => K::RecordAdvice,
            Self::SendAdvanceNotice => K::SendAdvanceNotice,
            Self::RecordReply => K::RecordReply,
            Self::Decide => K::Decide,
            Self::Appeal => K::Appeal,
            Self::ReverseOnAppeal => K::ReverseOnAppeal,
            Self::ForwardToMinistry => K::ForwardToMinistry,
            Self::RecordMinistryOutcome => K::RecordMinistryOutcome,
            Self::Note => K::AddNote,
        }
    }
}

impl std::str::FromStr for Action {
    type Err = AdminError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| AdminError::BadRequest(format!("Ukjent handling «{s}».")))
    }
}

/// The actions `staff` is offered on `case` now. While a proposal waits for approval only
/// notes are (the proposal is approved or rejected in its own box).
pub fn offered(case: &TipCase, staff: &Staff) -> Vec<Action> {
    let me = staff.actor();
    let senior = staff.has(Role::SeniorCaseworker);
    let known = case.intake.subject.number().is_some();
    Action::ALL
        .into_iter()
        .filter(|a| *a == Action::Note || case.pending.is_none())
        .filter(|a| allows(case.status, a.kind()))
        .filter(|a| match a {
            Action::Take => !case.assigned.contains(&me),
            Action::Assign => senior,
            Action::Unassign => !case.assigned.is_empty() && (senior || case.assigned.contains(&me)),
            Action::RecordInformationReply => case.information_requests.iter().any(|r| r.answered.is_none()),
            Action::TemporaryExclusion => known && !case.temporarily_excluded,
            Action::LiftTemporaryExclusion => case.temporarily_excluded,
            Action::RecordAdvice => unadvised(case).next().is_some(),
            Action::RecordReply => case.advance_notice.is_some_and(|n| n.replied_on.is_none()),
            Action::Appeal => case.decision.as_ref().is_some_and(|d| d.outcome.is_sanction()),
            _ => true,
        })
        .collect()
}

/// Meetings the case went to that have not given advice yet.
fn unadvised(case: &TipCase) -> impl Iterator<Item = i64> + '_ {
    case.referrals
        .iter()
        .map(|r| r.meeting_id)
        .filter(|m| !case.advice.iter().any(|a| a.meeting_id == *m))
}

/// What some forms offer to choose from.
pub struct Choices<'a> {
    pub meetings: &'a [Meeting],
    pub licences: &'a [Licence],
    pub rules: &'a TipRules,
    /// Whom a senior can give the case to, `(user name, label)`; empty when the directory is
    /// the identity provider's and the user name is typed instead.
    pub caseworkers: &'a [(String, String)],
}

/// A fresh form for `action` with today's dates and suggested deadlines filled in.
fn fresh(action: Action, rules: &TipRules, today: Date) -> ActionForm {
    let t = today.to_string();
    ActionForm {
        action: action.as_str().into(),
        asked_on: t.clone(),
        due_on: today.saturating_add(time::Duration::weeks(2)).to_string(),
        received_on: t.clone(),
        sent_on: t.clone(),
        reply_by: rules.suggested_reply_by(today).to_string(),
        decided_on: t,
        ..ActionForm::default()
    }
}

impl Action {
    /// The event this action makes from `form`, or the fields to fix. Who may do what beyond
    /// the role of the route is checked here too (only seniors take others off a case).
    pub fn event(self, form: &ActionForm, staff: &Staff, rules: &TipRules) -> Result<CaseEvent, Errors> {
        use CaseEvent as E;
        let mut f = form.checked();
        if self != Action::Note {
            f.reason();
        }
        let event = match self {
            Self::Take => Some(E::Assign {
                caseworker: staff.actor(),
            }),
            Self::Assign => f.assign(),
            Self::Unassign => f.unassign(&staff.actor(), staff.has(Role::SeniorCaseworker)),
            Self::StartAssessment => Some(E::StartAssessment),
            Self::Close => f.close(),
            Self::OpenInvestigation => Some(E::OpenInvestigation),
            Self::RequestInformation => f.request_information(),
            Self::RecordInformationReply => f.record_information_reply(),
            Self::TemporaryExclusion => Some(E::TemporaryExclusion),
            Self::LiftTemporaryExclusion => Some(E::LiftTemporaryExclusion),
            Self::ReferToCommittee => f.refer_to_committee(),
            Self::RecordAdvice => f.record_advice(),
            Self::SendAdvanceNotice => f.send_advance_notice(),
            Self::RecordReply => f.record_reply(),
            Self::Decide => f.decide(rules),
            Self::Appeal => f.appeal(),
            Self::ReverseOnAppeal => f.reverse_on_appeal(),
            Self::ForwardToMinistry => f.forward_to_ministry(),
            Self::RecordMinistryOutcome => f.record_ministry_outcome(),
            Self::Note => f.note(),
        };
        f.finish(event)
    }
}

/// The fields of `action`'s form, with `form`'s values.
fn form_fields(form: &ActionForm, action: Action, case: &TipCase, choices: &Choices, f: &Fields) -> Markup {
    html! {
        @match action {
            Action::Take => p { "Du blir tildelt saken og ser da varslerens identitet." },
            Action::Assign if choices.caseworkers.is_empty() => (f.text("caseworker", "Brukernavn til saksbehandleren", &form.caseworker)),
            Action::Assign => (f.select("caseworker", "Saksbehandler", choices.caseworkers, &form.caseworker)),
            Action::Unassign => {
                @let options: Vec<(String, String)> = case.assigned.iter().map(|a| (crate::auth::short_login(a).to_string(), crate::auth::short_login(a).to_string())).collect();
                (f.select("caseworker", "Saksbehandler", &options, crate::auth::short_login(&form.caseworker)))
            }
            Action::Close => {
                @let reasons: Vec<(String, String)> = ClosureReason::ALL.iter().map(|r| (r.as_str().to_string(), super::capitalise(crate::labels::closure_reason(*r)))).collect();
                (f.select("closure_reason", "Hvorfor saken avsluttes", &reasons, &form.closure_reason))
                (f.textarea("guidance", "Veiledning til varsleren", &form.guidance,
                    Some("Påkrevd når tolken verken er oppført i registeret eller har statsautorisasjon: fortell varsleren hvor de kan henvende seg.")))
            }
            Action::RequestInformation => {
                (f.input("text", "organisation_number", "Organisasjonsnummer", &form.organisation_number, Some("Ni siffer, for eksempel 974 760 673")))
                (f.text("body", "Organ", &form.body))
                (f.date("asked_on", "Sendt", &form.asked_on))
                (f.date("due_on", "Svarfrist", &form.due_on))
            }
            Action::RecordInformationReply => {
                @let open: Vec<(String, String)> = case.information_requests.iter().enumerate()
                    .filter(|(_, r)| r.answered.is_none())
                    .map(|(i, r)| ((i + 1).to_string(), format!("Nr. {}: {} (frist {})", i + 1, r.body, r.due_on)))
                    .collect();
                (f.select("request", "Forespørsel", &open, &form.request))
                (f.date("received_on", "Svar mottatt", &form.received_on))
                (f.textarea("summary", "Hva organet svarte", &form.summary, None))
            }
            Action::TemporaryExclusion => p class="notice" {
                "Tolken forsvinner fra det offentlige søket så snart en annen seniorsaksbehandler har godkjent utestengingen, og kommer tilbake når den oppheves."
            },
            Action::LiftTemporaryExclusion => p { "Tolken blir synlig i det offentlige søket igjen med en gang (hvis ikke noe annet hindrer det)." },
            Action::ReferToCommittee => {
                @let meetings: Vec<(String, String)> = choices.meetings.iter()
                    .filter(|m| m.held_on >= Timestamp::now().date() || m.id.to_string() == form.meeting)
                    .map(|m| (m.id.to_string(), format!("Møte nr. {} {}", m.id, m.held_on)))
                    .collect();
                @if meetings.is_empty() {
                    p class="notice" { "Det er ikke planlagt noe utvalgsmøte. Planlegg et møte først." }
                }
                (f.select("meeting", "Utvalgsmøte", &meetings, &form.meeting))
                (f.textarea("summary", "Sammendrag til utvalget", &form.summary,
                    Some("Utvalget ser bare dette sammendraget. Ikke skriv varslerens navn eller noe som kan identifisere varsleren.")))
            }
            Action::RecordAdvice => {
                @let meetings: Vec<(String, String)> = unadvised(case).map(|m| (m.to_string(), format!("Møte nr. {m}"))).collect();
                (f.select("meeting", "Møtet som ga rådet", &meetings, &form.meeting))
                (f.textarea("advice", "Utvalgets råd", &form.advice, None))
            }
            Action::SendAdvanceNotice => {
                (f.date("sent_on", "Sendt", &form.sent_on))
                (f.date("reply_by", "Svarfrist for tolken", &form.reply_by))
                p class="hint" { "Tolken får innsyn i dokumentene, men ikke i varslerens identitet." }
            }
            Action::RecordReply | Action::Appeal => (f.date("received_on", "Mottatt", &form.received_on)),
            Action::Decide => {
                @let outcomes = decision_options(case, choices);
                p class="notice" { "Vedtaket gjelder først når en annen seniorsaksbehandler har godkjent det. Klagefristen er "
                    (choices.rules.appeal_weeks) " uker fra vedtaksdatoen." }
                (f.select("outcome", "Vedtak", &outcomes, &form.outcome))
                (f.date("until", "Utestengt til (ved utestenging for en periode; tomt ved permanent tilbakekall)", &form.until))
                @if !choices.licences.is_empty() {
                    @let licences: Vec<(String, String)> = choices.licences.iter().map(|l| (l.no.to_string(), format!("Nr. {} ({})", l.no, l.language))).collect();
                    (f.select("licence_no", "Bevilling som tilbakekalles (ved tilbakekall)", &licences, &form.licence_no))
                }
                (f.checkbox("substantial_breach", "Vesentlig brudd (gir adgang til utestenging uten tre advarsler)", form.substantial_breach == "on"))
                (f.date("decided_on", "Vedtaksdato", &form.decided_on))
                (f.textarea("reasons", "Begrunnelse i vedtaket", &form.reasons, None))
            }
            Action::ReverseOnAppeal => (f.textarea("reasons", "Begrunnelse for omgjøringen", &form.reasons, None)),
            Action::ForwardToMinistry => (f.date("sent_on", "Sendt departementet", &form.sent_on)),
            Action::RecordMinistryOutcome => {
                @let outcomes = forms::options(&[("upheld", "Vedtaket står ved lag"), ("reversed", "Vedtaket er omgjort")]);
                (f.select("ministry_outcome", "Departementets avgjørelse", &outcomes, &form.ministry_outcome))
                (f.date("decided_on", "Avgjort", &form.decided_on))
            }
            Action::Note => (f.textarea("note", "Notat", &form.note, Some("Notater vises for alle saksbehandlere som åpner saken. Ikke skriv varslerens identitet."))),
            Action::StartAssessment | Action::OpenInvestigation => {}
        }
    }
}

/// The outcomes allowed in the case's status (a sanction needs an advance notice first).
fn decision_options(case: &TipCase, choices: &Choices) -> Vec<(String, String)> {
    let today = Timestamp::now().date();
    let until = today.saturating_add(time::Duration::days(1));
    let licence_no = choices.licences.first().map_or(1, |l| l.no);
    [
        DecisionOutcome::NoBreach,
        DecisionOutcome::Warning,
        DecisionOutcome::Exclusion { until },
        DecisionOutcome::PermanentExclusion,
        DecisionOutcome::Revocation {
            licence_no,
            until: None,
        },
    ]
    .into_iter()
    .filter(|o| !matches!(o, DecisionOutcome::Revocation { .. }) || !choices.licences.is_empty())
    .filter(|o| transition(case.status, EventKind::Decide, o.is_sanction()).is_some())
    .map(|o| {
        (
            o.as_str().to_string(),
            super::capitalise(crate::labels::decision_outcome(o)),
        )
    })
    .collect()
}

/// An action form on the case page: a disclosure with the form inside, open when it failed.
pub fn action_form(
    action: Action,
    case: &TipCase,
    staff: &Staff,
    choices: &Choices,
    failed: Option<&Failed>,
) -> Markup {
    let mine = failed.filter(|x| x.target == Target::Action(action));
    let today = Timestamp::now().date();
    let fresh = fresh(action, choices.rules, today);
    let form = mine.map_or(&fresh, |x| &x.form);
    let empty = Errors::default();
    let errors = mine.map_or(&empty, |x| &x.errors);
    let fields = Fields {
        prefix: action.as_str(),
        errors,
    };
    let submit = match action {
        Action::TemporaryExclusion => "Foreslå midlertidig utestenging",
        Action::Decide => "Foreslå vedtaket til godkjenning",
        Action::Note => "Lagre notatet",
        a => a.title(),
    };
    html! {
        details class="action" id={ "action-" (action.as_str()) } open[mine.is_some()] {
            summary { (action.title()) }
            @if let Some(x) = mine {
                div class="notice error" role="alert" {
                    @if let Some(m) = &x.message { p { (m) } }
                    @if !x.errors.is_empty() {
                        ul {
                            @for (field, message) in &x.errors.0 {
                                li { a href={ "#" (action.as_str()) "-" (field) } { (message) } }
                            }
                        }
                    }
                }
            }
            form method="post" action={ "/varsler/" (case.id) "/hendelser" } novalidate {
                (forms::csrf(&staff.csrf))
                input type="hidden" name="action" value=(action.as_str());
                input type="hidden" name="version" value=(case.version);
                (form_fields(form, action, case, choices, &fields))
                @if action != Action::Note { (fields.reason(&form.reason)) }
                div class="actions" { button type="submit" { (submit) } }
            }
        }
    }
}

/// The words for a decision in the pending box.
pub fn proposal_text(event: &CaseEvent) -> String {
    match event {
        CaseEvent::Decide { outcome, .. } => format!("Vedtak: {}", outcome_text(outcome)),
        e => super::capitalise(crate::labels::case_event(e)),
    }
}
