//! The case history in words: what each event did, who made it, who approved it, when and why.
//! Bokmål wording only; the events themselves come from `register::tips`.

use maud::{Markup, html};
use register::tips::{CaseEvent, DecisionOutcome, DocumentKind, EventRecord, MinistryOutcome};

use super::who;
use crate::labels;

/// What a decision outcome says, with its dates.
pub fn outcome(o: &DecisionOutcome) -> String {
    match o {
        DecisionOutcome::Exclusion { until } => format!("utestenging til {}", crate::labels::date(*until)),
        DecisionOutcome::Revocation { licence_no, until } => match until {
            Some(u) => format!("tilbakekall av bevilling nr. {licence_no} og utestenging til {u}"),
            None => format!("tilbakekall av bevilling nr. {licence_no} og permanent utestenging"),
        },
        o => crate::labels::decision_outcome(*o).to_string(),
    }
}

pub fn ministry(o: MinistryOutcome) -> &'static str {
    match o {
        MinistryOutcome::Upheld => "vedtaket står ved lag",
        MinistryOutcome::Reversed => "vedtaket er omgjort",
    }
}

/// `1.2 MB`, `340 kB`, `12 byte`.
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1_000_000.0),
        b if b >= 1_000 => format!("{} kB", b / 1_000),
        b => format!("{b} byte"),
    }
}

/// One event in a sentence.
pub fn describe(event: &CaseEvent) -> String {
    use CaseEvent as E;
    match event {
        E::Assign { caseworker } => format!("{} er tildelt saken", who(caseworker)),
        E::Unassign { caseworker } => format!("{} er ikke lenger tildelt saken", who(caseworker)),
        E::StartAssessment => "Første vurdering startet".into(),
        E::Close { reason, guidance } => match guidance {
            Some(g) => format!(
                "Saken er avsluttet: {}. Veiledning: {g}",
                crate::labels::closure_reason(*reason)
            ),
            None => format!("Saken er avsluttet: {}", crate::labels::closure_reason(*reason)),
        },
        E::OpenInvestigation => "Undersøkelse åpnet".into(),
        E::RequestInformation {
            organisation_number,
            body,
            asked_on,
            due_on,
        } => format!("Opplysninger bedt om fra {body} (org.nr. {organisation_number}) {asked_on}, svarfrist {due_on}"),
        E::RecordInformationReply {
            request,
            received_on,
            summary,
        } => format!("Svar på forespørsel nr. {request} mottatt {received_on}: {summary}"),
        E::TemporaryExclusion => "Tolken er midlertidig utestengt fra registeret mens saken behandles".into(),
        E::LiftTemporaryExclusion => "Den midlertidige utestengingen er opphevet".into(),
        E::ReferToCommittee { meeting_id, summary } => {
            format!("Sendt til utvalgsmøte nr. {meeting_id} med sammendraget: {summary}")
        }
        E::RecordAdvice { meeting_id, advice } => format!("Utvalgets råd fra møte nr. {meeting_id}: {advice}"),
        E::SendAdvanceNotice { sent_on, reply_by } => {
            format!("Forhåndsvarsel sendt tolken {sent_on}, svarfrist {reply_by}")
        }
        E::RecordReply { received_on } => format!("Tolkens svar på forhåndsvarselet mottatt {received_on}"),
        E::Decide {
            outcome: o,
            reasons,
            decided_on,
            appeal_by,
            substantial_breach,
        } => format!(
            "Vedtak {decided_on}: {}{}. Begrunnelse: {reasons}. Klagefrist {appeal_by}",
            outcome(o),
            if *substantial_breach { " (vesentlig brudd)" } else { "" }
        ),
        E::Appeal { received_on } => format!("Klage mottatt {received_on}"),
        E::ReverseOnAppeal { reasons } => format!("IMDi har omgjort vedtaket etter klage: {reasons}"),
        E::ForwardToMinistry { sent_on } => format!("Klagen er sendt departementet {sent_on}"),
        E::RecordMinistryOutcome { outcome: o, decided_on } => {
            format!("Departementets klageavgjørelse {decided_on}: {}", ministry(*o))
        }
        E::Propose { proposal } => format!(
            "Foreslått, venter på godkjenning av en annen seniorsaksbehandler: {}",
            describe(proposal)
        ),
        E::RejectProposal { note } => format!("Forslaget er avvist: {note}"),
        E::AddNote { text } => format!("Notat: {text}"),
        E::AddDocument {
            document,
            media_type,
            size: bytes,
            ..
        } => {
            let kind = DocumentKind::from_media_type(media_type)
                .map_or(media_type.as_str(), |k| crate::labels::document_kind(k));
            format!("Dokument nr. {document} lagt til ({kind}, {})", size(*bytes))
        }
    }
}

/// The history, oldest first.
pub fn history_table(history: &[EventRecord]) -> Markup {
    html! {
        table id="history" {
            caption class="hint" { "Hver endring med hvem, når og hvorfor. Historikken endres aldri, den bare utvides." }
            thead { tr { th scope="col" { "Når" } th scope="col" { "Hva" } th scope="col" { "Hvem" } th scope="col" { "Begrunnelse" } } }
            tbody {
                @for e in history {
                    tr {
                        td { (labels::instant(e.recorded_at)) }
                        td { (describe(&e.event)) }
                        td {
                            (who(&e.actor))
                            @if let Some(a) = &e.approved_by { ", godkjent av " (who(a)) }
                        }
                        td { (e.reason) }
                    }
                }
            }
        }
    }
}
