//! The case page (`/varsler/{id}`): opened through `Database::view_case` so every view is in the
//! access log; the reporter only for assigned caseworkers; the state, deadlines, the interpreter's
//! warnings, history, documents, the pending proposal and the actions allowed now.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use register::StoreError;
use register::casework::deadlines::Urgency;
use register::store::tips::AccessLogEntry;
use register::tips::access::CaseView;
use register::tips::{Reporter, TipCase, TipDocument, TipError, Viewer};
use register::{InterpreterRecord, Timestamp};

use super::actions::{self, Choices, Failed, Target};
use super::history::{self, outcome, size};
use super::{capitalise, parse_id, who};
use crate::AdminState;
use crate::auth::role::Casework;
use crate::auth::{Authorised, Role, Staff};
use crate::error::AdminError;
use crate::interpreters::Notice;
use crate::layout;

/// What the page shows besides the case.
struct Context {
    reporter: Option<Reporter>,
    record: Option<InterpreterRecord>,
    warnings: Option<usize>,
    documents: Vec<TipDocument>,
    may_open_documents: bool,
    access_log: Option<Vec<AccessLogEntry>>,
    meetings: Vec<register::tips::Meeting>,
    /// Whom a senior can give the case to, as `(login, name)`.
    caseworkers: Vec<(String, String)>,
}

/// Opens the case for `staff` (audited) and what the page needs around it.
async fn load(state: &AdminState, staff: &Staff, id: i64) -> Result<(TipCase, Context), TipError<StoreError>> {
    let viewer = Viewer::Staff { login: staff.actor() };
    let (case, reporter) = match state.store.view_case(id, &viewer, &state.tip_key).await? {
        CaseView::Full { case, reporter } => (*case, Some(reporter)),
        CaseView::WithoutReporter { case } => (*case, None),
        CaseView::CommitteeSummary(_) => return Err(TipError::AccessDenied),
    };
    let today = Timestamp::now().date();
    let rules = &state.settings.tip_rules;
    let (record, warnings) = match case.intake.subject.number() {
        Some(n) => (
            state.store.record(n).await?,
            Some(state.store.warnings_within(n, today, rules).await?),
        ),
        None => (None, None),
    };
    let senior = staff.has(Role::SeniorCaseworker);
    let context = Context {
        reporter,
        record,
        warnings,
        documents: state.store.documents(id).await?,
        may_open_documents: register::tips::access::may_open_documents(&viewer, senior, &case.assigned),
        access_log: if senior {
            Some(state.store.access_log(id).await?)
        } else {
            None
        },
        meetings: state.store.meetings().await?,
        caseworkers: if senior { state.caseworkers().await? } else { Vec::new() },
    };
    Ok((case, context))
}

/// `GET /varsler/{id}`.
pub async fn show(
    State(state): State<AdminState>,
    user: Authorised<Casework>,
    Path(id): Path<String>,
    Query(notice): Query<Notice>,
) -> Result<Markup, AdminError> {
    let id = parse_id(&id)?;
    let (case, context) = load(&state, &user, id).await?;
    Ok(page(&state, &user, &case, &context, &notice.ok, None))
}

/// The case page again after a refused action, with `status`.
pub async fn again(
    state: &AdminState,
    staff: &Staff,
    id: i64,
    failed: Failed,
    status: StatusCode,
) -> Result<Response, AdminError> {
    let (case, context) = load(state, staff, id).await?;
    Ok((status, page(state, staff, &case, &context, "", Some(&failed))).into_response())
}

fn notice(ok: &str) -> Option<&'static str> {
    match ok {
        "registered" => Some("Varselet er registrert."),
        "done" => Some("Endringen er lagret i saken."),
        "proposed" => Some("Endringen er foreslått og venter på godkjenning av en annen seniorsaksbehandler."),
        "approved" => Some("Forslaget er godkjent og gjennomført."),
        "rejected" => Some("Forslaget er avvist."),
        "uploaded" => Some("Dokumentet er lagret i saken."),
        _ => None,
    }
}

fn page(state: &AdminState, staff: &Staff, case: &TipCase, cx: &Context, ok: &str, failed: Option<&Failed>) -> Markup {
    let title = format!("Varselsak {}", case.reference());
    let rules = &state.settings.tip_rules;
    let today = Timestamp::now().date();
    let licences = cx.record.as_ref().map(|r| r.licences.as_slice()).unwrap_or(&[]);
    let choices = Choices {
        meetings: &cx.meetings,
        licences,
        rules,
        caseworkers: &cx.caseworkers,
    };
    let offered = actions::offered(case, staff);
    let body = html! {
        (crate::layout::breadcrumbs(&[("/", "Arbeidsliste"), ("/varsler", "Varsler")], &case.reference()))
        h1 { (title) }
        @if let Some(n) = notice(ok) { p class="notice ok" role="status" { (n) } }
        @if let Some(x) = failed {
            p class="notice error" role="alert" {
                (x.target.title()) " ble ikke utført"
                @if let Some(m) = &x.message { ": " (m) } @else { ". Rett opp feilene i skjemaet under." }
            }
        }
        (facts(case, cx))
        (warnings_box(cx, rules))
        (reporter_box(case, cx))
        h2 { "Varselet" }
        p class="account" { (case.intake.account) }
        @if let Some(p) = &case.pending {
            (super::approval::pending_box(case, p, staff, failed.filter(|f| f.target == Target::Approval)))
        }
        (deadlines(case, today))
        (investigation(case))
        (outcome_box(case, state))
        (documents_box(case, cx, staff, failed))
        h2 { "Handlinger" }
        @if case.pending.is_some() {
            p { "Saken har et forslag som venter på godkjenning. Bare notater og dokumenter kan legges til før forslaget er godkjent eller avvist." }
        }
        @if offered.is_empty() { p { "Ingen handlinger er mulige i denne statusen." } }
        @for action in &offered {
            (actions::action_form(*action, case, staff, &choices, failed))
        }
        h2 { "Historikk" }
        (history::history_table(&case.history))
        @if let Some(log) = &cx.access_log { (access_log(log)) }
    };
    layout::page(&title, Some(staff), body)
}

fn facts(case: &TipCase, cx: &Context) -> Markup {
    let i = &case.intake;
    let channel = match i.channel {
        register::tips::Channel::WebForm => "nettskjema",
        register::tips::Channel::Email => "e-post",
        register::tips::Channel::Post => "post",
    };
    html! {
        dl class="facts" id="facts" {
            dt { "Status" } dd id="status" { (capitalise(crate::labels::case_status(case.status))) }
            dt { "Mottatt" } dd { (i.received_on) " per " (channel) ", registrert av " (who(&i.received_by)) }
            dt { "Tildelt" } dd id="assigned" {
                @if case.assigned.is_empty() { "ingen" } @else { (case.assigned.iter().map(|a| who(a)).collect::<Vec<_>>().join(", ")) }
            }
            dt { "Tolk" } dd {
                @match (i.subject.number(), &cx.record) {
                    (Some(n), Some(r)) => {
                        a href={ "/tolker/" (n) } { (n) } " " (r.profile.display_name())
                        @if r.is_listed_on(Timestamp::now().date()) { " (oppført i registeret)" } @else { " (ikke synlig i registeret nå)" }
                    }
                    (Some(n), None) => a href={ "/tolker/" (n) } { (n) },
                    (None, _) => {
                        @if let register::tips::Subject::Unknown { description } = &i.subject { "Ukjent: " (description) }
                    }
                }
            }
            @if case.temporarily_excluded {
                dt { "Midlertidig utestengt" } dd { strong { "Ja, mens saken behandles" } }
            }
            dt { "Gjelder" } dd {
                (i.grounds.iter().map(|g| format!("{} ({})", crate::labels::ground(g), g.section())).collect::<Vec<_>>().join(", "))
            }
            dt { "Oppdraget" } dd {
                @if let Some(d) = i.assignment_on { (d) " " }
                (i.assignment_place)
            }
        }
    }
}

fn warnings_box(cx: &Context, rules: &register::tips::TipRules) -> Markup {
    html! {
        @if let Some(n) = cx.warnings {
            @let years = rules.warning_window_years;
            @if n == 0 {
                p class="notice" id="warnings" { "Tolken har ingen advarsler de siste " (years) " årene." }
            } @else {
                div class="notice error" id="warnings" role="note" {
                    p { strong { "Tolken har " (crate::labels::count(n, "advarsel", "advarsler")) " som står ved lag de siste " (years) " årene." } }
                    @if n >= usize::from(rules.warnings_before_exclusion) {
                        p { "Det gir adgang til utestenging (" (crate::labels::count(usize::from(rules.warnings_before_exclusion), "advarsel", "advarsler")) " innen " (years) " år)." }
                    }
                }
            }
        }
    }
}

fn reporter_box(case: &TipCase, cx: &Context) -> Markup {
    html! {
        h2 { "Varsleren" }
        div id="reporter" {
            @match &cx.reporter {
                Some(Reporter::Identified { role, contact }) => {
                    dl class="facts" {
                        dt { "Navn" } dd { (contact.name()) }
                        @if let Some(e) = contact.email() { dt { "E-post" } dd { (e) } }
                        @if let Some(p) = contact.phone() { dt { "Telefon" } dd { (p) } }
                        dt { "Rolle" } dd { (crate::labels::reporter_role(*role)) }
                    }
                    p class="hint" { "Du ser varslerens identitet fordi du er tildelt saken. Den skal ikke gå videre til tolken eller utvalget." }
                }
                Some(Reporter::Anonymous { role }) => {
                    p { "Varsleren er anonym" @if let Some(r) = role { " (" (crate::labels::reporter_role(*r)) ")" } "." }
                }
                None => {
                    p { "Varslerens identitet vises bare for saksbehandlere som er tildelt saken." }
                    @if case.intake.anonymous { p { "Varsleren er anonym." } }
                }
            }
        }
    }
}

fn deadlines(case: &TipCase, today: time::Date) -> Markup {
    let open = case.open_deadlines();
    html! {
        @if !open.is_empty() {
            h2 { "Frister" }
            ul id="deadlines" {
                @for d in &open {
                    @let u = Urgency::of(d.due, today);
                    li class=[(u == Urgency::Overdue).then_some("overdue")] {
                        (capitalise(&crate::labels::deadline_kind(d.kind))) ": " (d.due)
                        @if u != Urgency::Later { " – " (crate::labels::urgency(u)) }
                    }
                }
            }
        }
    }
}

fn investigation(case: &TipCase) -> Markup {
    html! {
        @if !case.information_requests.is_empty() {
            h2 { "Forespørsler om opplysninger" }
            table id="requests" {
                thead { tr { th scope="col" { "Nr." } th scope="col" { "Organ" } th scope="col" { "Sendt" } th scope="col" { "Svarfrist" } th scope="col" { "Svar" } } }
                tbody {
                    @for (i, r) in case.information_requests.iter().enumerate() {
                        tr {
                            td { (i + 1) }
                            td { (r.body) " (org.nr. " (r.organisation_number) ")" }
                            td { (r.asked_on) }
                            td { (r.due_on) }
                            td { @match &r.answered { Some((on, s)) => { (on) ": " (s) }, None => "ikke besvart" } }
                        }
                    }
                }
            }
        }
        @if let Some(n) = &case.advance_notice {
            h2 { "Forhåndsvarsel" }
            p id="advance-notice" {
                "Sendt " (n.sent_on) ", svarfrist " (n.reply_by) ". "
                @match n.replied_on { Some(d) => { "Tolken svarte " (d) "." }, None => "Tolken har ikke svart." }
            }
        }
        @if !case.referrals.is_empty() {
            h2 { "Utvalget" }
            ul id="committee" {
                @for r in &case.referrals {
                    li {
                        "Møte nr. " (r.meeting_id) ". Sammendrag: " (r.summary)
                        @for a in case.advice.iter().filter(|a| a.meeting_id == r.meeting_id) {
                            br; strong { "Utvalgets råd: " } (a.advice) " (registrert av " (who(&a.recorded_by)) ")"
                        }
                    }
                }
            }
        }
    }
}

fn outcome_box(case: &TipCase, state: &AdminState) -> Markup {
    html! {
        @if let Some((reason, guidance)) = &case.closure {
            h2 { "Avsluttet" }
            p { (capitalise(crate::labels::closure_reason(*reason))) "." }
            @if let Some(g) = guidance { p { "Veiledning til varsleren: " (g) } }
        }
        @if let Some(d) = &case.decision {
            h2 { "Vedtak" }
            dl class="facts" id="decision" {
                dt { "Vedtak" } dd { (capitalise(&outcome(&d.outcome))) @if d.substantial_breach { " (vesentlig brudd)" } }
                dt { "Vedtaksdato" } dd { (d.decided_on) }
                dt { "Begrunnelse" } dd { (d.reasons) }
                dt { "Foreslått av" } dd { (who(&d.decided_by)) }
                @if let Some(a) = &d.approved_by { dt { "Godkjent av" } dd { (who(a)) } }
                @if d.outcome.is_sanction() {
                    dt { "Klagefrist" } dd { (d.appeal_by) " (klage til IMDi; IMDi kan omgjøre, ellers avgjør " (state.settings.appeal_body) ")" }
                }
            }
        }
        @if let Some(a) = &case.appeal {
            h2 { "Klage" }
            ul id="appeal" {
                li { "Klage mottatt " (a.received_on) "." }
                @if a.reversed_by_imdi { li { "IMDi har omgjort vedtaket." } }
                @if let Some(d) = a.forwarded_on { li { "Sendt departementet " (d) "." } }
                @if let Some((o, d)) = a.ministry { li { "Departementet " (d) ": " (history::ministry(o)) "." } }
            }
        }
    }
}

fn documents_box(case: &TipCase, cx: &Context, staff: &Staff, failed: Option<&Failed>) -> Markup {
    html! {
        h2 { "Dokumenter" }
        @if cx.documents.is_empty() {
            p { "Ingen dokumenter." }
        } @else {
            @if !cx.may_open_documents {
                p class="hint" { "Dokumenter kan avsløre varsleren. Bare saksbehandlere som er tildelt saken, og seniorsaksbehandlere, kan åpne dem." }
            }
            table id="documents" {
                thead { tr { th scope="col" { "Nr." } th scope="col" { "Dokument" } th scope="col" { "Type" } th scope="col" { "Størrelse" } th scope="col" { "Lagt til" } } }
                tbody {
                    @for d in &cx.documents {
                        tr {
                            td { (d.id) }
                            td {
                                @if cx.may_open_documents {
                                    a href={ "/varsler/" (case.id) "/dokumenter/" (d.id) } { (d.filename) }
                                } @else { "Dokument nr. " (d.id) }
                            }
                            td { (crate::labels::document_kind(d.kind)) }
                            td { (size(d.size)) }
                            td { (crate::labels::instant(d.uploaded_at)) " av " (who(&d.uploaded_by)) }
                        }
                    }
                }
            }
        }
        (super::documents::upload_form(case, staff, failed.filter(|f| f.target == Target::Upload)))
    }
}

fn access_log(log: &[AccessLogEntry]) -> Markup {
    let shown = |s: &str| -> String {
        match s {
            "full" => "hele saken med varsleren".into(),
            "without_reporter" => "saken uten varsleren".into(),
            "committee_summary" => "sammendrag for utvalget".into(),
            "processing" => "lest for å gjøre en endring".into(),
            "refused_not_on_agenda" => "avvist: ikke på sakslisten".into(),
            "refused_conflict" => "avvist: inhabil".into(),
            s => match (s.strip_prefix("document:"), s.strip_prefix("refused_document:")) {
                (Some(n), _) => format!("lastet ned dokument nr. {n}"),
                (_, Some(n)) => format!("avvist: dokument nr. {n}"),
                _ => s.to_string(),
            },
        }
    };
    html! {
        h2 { "Innsynslogg" }
        table id="access-log" {
            caption class="hint" { "Hver gang saken er åpnet, av hvem og hva de fikk se. Vises for seniorsaksbehandlere." }
            thead { tr { th scope="col" { "Når" } th scope="col" { "Hvem" } th scope="col" { "Hva" } } }
            tbody {
                @for e in log.iter().rev() {
                    tr { td { (crate::labels::instant(e.viewed_at)) } td { (who(&e.viewer)) } td { (shown(&e.shown)) } }
                }
            }
        }
    }
}
