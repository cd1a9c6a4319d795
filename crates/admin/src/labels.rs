//! Bokmål names of domain values for the admin UI: qualification kinds, statuses, roles of
//! changes. The one place UI wording for these lives; letters have their own (`letters`).

use register::casework::deadlines::Urgency;
use register::casework::foreign::{self, ChecklistItem, Equivalent};
use register::casework::{CaseworkError, DecisionKind};
use register::entry_status::{StatusEvent, TransitionError};
use register::interpreter::{Availability, Gender};
use register::licence::LicenceStatus;
use register::qualification::QualificationKind;
use register::record::TestPart;
use register::rules::RuleError;
use register::tips::committee::{Seat, TermProblem};
use register::tips::figures::{Column, OutcomeColumn};
use register::tips::status::CaseStatus;
use register::tips::{
    CaseEvent, ClosureReason, DeadlineKind, DecisionOutcome, DocumentKind, Ground, ReporterRole, TipError,
};
use register::{Catalogue, EntryStatus, LanguageCode, LanguageKind, StoreError, Timestamp};

pub fn qualification(k: QualificationKind) -> &'static str {
    match k {
        QualificationKind::Bachelor => "Bachelorgrad i tolking",
        QualificationKind::FoundationCourse => "Grunnemne i tolking i offentlig sektor",
        QualificationKind::BilingualTest => "Tospråktesten",
        QualificationKind::TaoCourse => "TAO – Tolkens ansvarsområde",
        QualificationKind::AuthorisedTranslator => "Statsautorisert translatør / fagoversetter",
        QualificationKind::SignLanguageTraining => "Tegnspråktolkutdanning (før bachelor)",
        QualificationKind::Authorisation => "Statsautorisasjon (godkjent utenlandsk)",
    }
}

pub fn licence_status(s: LicenceStatus) -> &'static str {
    match s {
        LicenceStatus::Active => "gyldig",
        LicenceStatus::TemporarilyRevoked => "midlertidig tilbakekalt",
        LicenceStatus::Revoked => "tilbakekalt",
    }
}

pub fn entry_status(s: EntryStatus) -> String {
    match s {
        EntryStatus::Excluded { until } => format!("utestengt til {}", date(until)),
        other => entry_status_name(other).to_string(),
    }
}

/// An entry's status without its end date, as refusals name it.
pub fn entry_status_name(s: EntryStatus) -> &'static str {
    match s {
        EntryStatus::Active => "aktiv",
        EntryStatus::Suspended => "midlertidig utestengt",
        EntryStatus::Excluded { .. } => "utestengt for en periode",
        EntryStatus::ExcludedPermanently => "utestengt permanent",
        EntryStatus::Withdrawn => "trukket",
        EntryStatus::NoBasis => "uten grunnlag",
    }
}

/// What happens to an entry's status, as refusals name it.
pub fn status_event(e: StatusEvent) -> &'static str {
    match e {
        StatusEvent::Suspend => "midlertidig utestenging",
        StatusEvent::LiftSuspension => "oppheving av midlertidig utestenging",
        StatusEvent::Exclude { .. } => "utestenging",
        StatusEvent::LiftExclusion => "oppheving av utestenging",
        StatusEvent::Withdraw => "tilbaketrekking",
        StatusEvent::Reinstate => "ny godkjenning",
        StatusEvent::BasisLost => "tap av grunnlag",
        StatusEvent::BasisRestored => "gjenopprettet grunnlag",
    }
}

/// A tip case's status.
pub fn case_status(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Received => "mottatt",
        CaseStatus::InitialAssessment => "til første vurdering",
        CaseStatus::Closed => "avsluttet",
        CaseStatus::Investigation => "under undersøkelse",
        CaseStatus::WithCommittee => "hos utvalget",
        CaseStatus::AdvanceNotice => "forhåndsvarslet",
        CaseStatus::Decided => "vedtak fattet",
        CaseStatus::Appealed => "påklaget",
        CaseStatus::ReversedOnAppeal => "omgjort etter klage",
        CaseStatus::WithMinistry => "klage hos departementet",
        CaseStatus::MinistryDecided => "klage avgjort av departementet",
    }
}

/// A tip case event, by its stored kind (`CaseEvent::kind`), for refusals and the history.
pub fn case_event_kind(kind: &str) -> &'static str {
    match kind {
        "assign" => "tildeling av saksbehandler",
        "unassign" => "fjerning av saksbehandler",
        "start_assessment" => "første vurdering",
        "close" => "avslutning",
        "open_investigation" => "undersøkelse",
        "request_information" => "forespørsel om opplysninger",
        "record_information_reply" => "svar på forespørsel om opplysninger",
        "temporary_exclusion" => "midlertidig utestenging",
        "lift_temporary_exclusion" => "oppheving av midlertidig utestenging",
        "refer_to_committee" => "oversending til utvalget",
        "record_advice" => "utvalgets råd",
        "send_advance_notice" => "forhåndsvarsel",
        "record_reply" => "svar på forhåndsvarsel",
        "decide" => "vedtak",
        "appeal" => "klage",
        "reverse_on_appeal" => "omgjøring etter klage",
        "forward_to_ministry" => "oversending av klage til departementet",
        "record_ministry_outcome" => "departementets klageavgjørelse",
        "propose" => "forslag til godkjenning",
        "reject_proposal" => "avvisning av forslag",
        "add_note" => "notat",
        "add_document" => "dokument",
        _ => "hendelse",
    }
}

/// A tip case event, for refusals and the history.
pub fn case_event(e: &CaseEvent) -> &'static str {
    case_event_kind(e.kind())
}

/// A seat on the party-composed committee.
pub fn seat(s: Seat) -> &'static str {
    match s {
        Seat::DegreeInterpreter => "tolk med tolkeutdanning",
        Seat::Educator => "lærer eller forsker ved en tolkeutdanning",
        Seat::UserRepresentative => "brukerrepresentant for minoritetsspråklige",
        Seat::PublicBooker => "tolkebestiller i offentlig sektor",
    }
}

/// A document a foreign-qualification case needs.
pub fn checklist_item(i: ChecklistItem) -> &'static str {
    match i {
        ChecklistItem::Diploma => "Vitnemål",
        ChecklistItem::Transcript => "Karakterutskrift",
        ChecklistItem::CourseDescription => "Beskrivelse av utdanningen (fagplan)",
        ChecklistItem::NorwegianProficiency => "Dokumentasjon av norskkunnskaper",
        ChecklistItem::Identity => "Kopi av pass eller ID-kort",
    }
}

/// A new committee term's problem, on its form field.
pub fn term_problem(p: &TermProblem) -> (String, String) {
    let message = match p {
        TermProblem::SeatNotFilledOnce(s) => format!("plassen «{}» må ha nøyaktig ett medlem og én vara", seat(*s)),
        TermProblem::NameMissing(s) => format!("navn og brukernavn mangler for «{}»", seat(*s)),
        TermProblem::TwoSeats(name) => format!("{name} kan ikke ha to plasser i utvalget"),
        TermProblem::Overlaps => "perioden overlapper en annen utvalgsperiode".to_string(),
    };
    (p.field().to_string(), message)
}

/// The staff wording of the register's refusals that name a status, an event or a document
/// (the register gives them typed); `None` for the others, whose own message is used.
pub fn refusal<S>(e: &TipError<S>) -> Option<String> {
    match e {
        TipError::NotAllowed { status, event } => Some(format!(
            "{} er ikke tillatt når saken er {}",
            case_event_kind(event),
            case_status(*status)
        )),
        TipError::Term(problems) => Some(
            problems
                .iter()
                .map(|p| term_problem(p).1)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    }
}

/// As [`refusal`], for casework and the register's own rules.
pub fn casework_refusal(e: &CaseworkError<StoreError>) -> Option<String> {
    match e {
        CaseworkError::FileIncomplete(missing) => Some(format!(
            "dokumentasjonen er ikke komplett; mangler: {}",
            missing
                .iter()
                .map(|i| checklist_item(*i))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        CaseworkError::Store(e) => store_refusal(e),
        _ => None,
    }
}

/// As [`refusal`], for the register's rules on entries.
pub fn store_refusal(e: &StoreError) -> Option<String> {
    match e {
        StoreError::Rule(RuleError::Transition(TransitionError::NotAllowed { status, event })) => Some(format!(
            "{} er ikke tillatt når oppføringen er {}",
            status_event(*event),
            entry_status_name(*status)
        )),
        _ => None,
    }
}

pub fn gender(g: Gender) -> &'static str {
    match g {
        Gender::Female => "kvinne",
        Gender::Male => "mann",
        Gender::Unspecified => "ikke oppgitt",
    }
}

pub fn availability(a: Availability) -> &'static str {
    match a {
        Availability::FullTime => "heltid",
        Availability::PartTime => "deltid",
        Availability::Occasional => "av og til",
    }
}

pub fn language_kind(k: LanguageKind) -> &'static str {
    match k {
        LanguageKind::Spoken => "talespråktolk",
        LanguageKind::Sign => "tegnspråktolk",
        LanguageKind::SpeechToText => "skrivetolk",
        LanguageKind::Deafblind => "tolk for døvblinde",
    }
}

pub fn test_part(p: TestPart) -> &'static str {
    match p {
        TestPart::Written => "skriftlig del",
        TestPart::Oral => "muntlig del",
    }
}

pub fn decision(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::ApproveEntry => "Godkjenning av oppføring",
        DecisionKind::RefuseEntry => "Avslag på oppføring",
        DecisionKind::Withdraw => "Utmelding av registeret",
        DecisionKind::ApproveForeign => "Godkjenning av utenlandsk kvalifikasjon",
        DecisionKind::RefuseForeign => "Avslag på godkjenning av utenlandsk kvalifikasjon",
    }
}

/// How pressing a deadline is, after the date ("2. desember 2026 – frist denne uken").
pub fn urgency(u: Urgency) -> &'static str {
    match u {
        Urgency::Overdue => "fristen er oversittet",
        Urgency::DueThisWeek => "frist denne uken",
        Urgency::Later => "senere frist",
    }
}

/// What a tip case's deadline is for.
pub fn deadline_kind(k: DeadlineKind) -> String {
    match k {
        DeadlineKind::InformationReply { request } => format!("svar på forespørsel om opplysninger nr. {request}"),
        DeadlineKind::AdvanceNoticeReply => "tolkens svar på forhåndsvarselet".into(),
        DeadlineKind::Appeal => "klagefrist".into(),
    }
}

/// What a foreign-qualification case's deadline is for ("Frist for å" …).
pub fn foreign_deadline(k: foreign::DeadlineKind) -> &'static str {
    match k {
        foreign::DeadlineKind::Acknowledge => "bekrefte mottak",
        foreign::DeadlineKind::Decide => "fatte vedtak",
    }
}

/// The role of the person who sent a tip.
pub fn reporter_role(r: ReporterRole) -> &'static str {
    match r {
        ReporterRole::PublicBody => "offentlig organ",
        ReporterRole::InterpretedPerson => "person det ble tolket for",
        ReporterRole::Interpreter => "tolk",
        ReporterRole::Other => "annen",
    }
}

/// The kind of a document in a tip case.
pub fn document_kind(k: DocumentKind) -> &'static str {
    match k {
        DocumentKind::Pdf => "PDF",
        DocumentKind::Png => "PNG-bilde",
        DocumentKind::Jpeg => "JPEG-bilde",
        DocumentKind::Text => "ren tekst",
        DocumentKind::Docx => "Word-dokument (DOCX)",
        DocumentKind::Odt => "OpenDocument-tekst (ODT)",
    }
}

/// The Norwegian qualification a foreign one is approved as.
pub fn equivalent(e: Equivalent) -> &'static str {
    match e {
        Equivalent::Bachelor => "Bachelorgrad i tolking",
        Equivalent::Authorisation => "Statsautorisasjon",
        Equivalent::FoundationCourse => "Grunnemne i tolking i offentlig sektor",
    }
}

/// The duty a tip says was broken ("god tolkeskikk"; the section is `Ground::section`).
pub fn ground(g: Ground) -> &'static str {
    match g {
        Ground::GoodPractice => "god tolkeskikk",
        Ground::Confidentiality => "taushetsplikt",
        Ground::Impartiality => "habilitet",
    }
}

/// Why a tip case was closed without a decision.
pub fn closure_reason(r: ClosureReason) -> &'static str {
    match r {
        ClosureReason::NotFollowedUp => "ikke fulgt opp etter første vurdering",
        ClosureReason::TooLittleInformation => "for lite informasjon",
        ClosureReason::OutsidePower => "utenfor IMDis myndighet (veiledning gitt)",
    }
}

/// The kind of a decision's outcome, without its dates (see `tips::history::outcome`).
pub fn decision_outcome(o: DecisionOutcome) -> &'static str {
    match o {
        DecisionOutcome::NoBreach => "ikke brudd / ingen reaksjon",
        DecisionOutcome::Warning => "advarsel",
        DecisionOutcome::Exclusion { .. } => "utestenging for en periode",
        DecisionOutcome::PermanentExclusion => "permanent utestenging",
        DecisionOutcome::Revocation { .. } => "tilbakekall av autorisasjon og utestenging",
    }
}

/// An outcome column of the annual tip figures.
pub fn outcome_column(o: OutcomeColumn) -> &'static str {
    match o {
        OutcomeColumn::Closed(r) => closure_reason(r),
        OutcomeColumn::Decided(d) => decision_outcome(d),
        OutcomeColumn::Open => "under behandling",
    }
}

/// A column of the annual tip figures' CSV file.
pub fn figures_column(c: Column) -> String {
    match c {
        Column::Year => "år".into(),
        Column::Tips => "varsler".into(),
        Column::Ground(g) => format!("{} ({})", ground(g), g.section()),
        Column::OnlyGround(g) => format!("bare {}", ground(g)),
        Column::SeveralGrounds => "flere grunnlag".into(),
        Column::Outcome(o) => outcome_column(o).into(),
        Column::Meetings => "utvalgsmøter".into(),
        Column::CasesAdvised => "saker med råd".into(),
    }
}

/// What an audit-log action means.
pub fn action(a: &str) -> &str {
    match a {
        "register_interpreter" => "Registrert",
        "update_profile" => "Opplysninger endret",
        "add_qualification" => "Kvalifikasjon registrert",
        "end_qualification" => "Kvalifikasjon avsluttet",
        "record_authorisation_test" => "Autorisasjonsprøve registrert",
        "grant_licence" => "Bevilling gitt",
        "change_licence_status" => "Bevillingsstatus endret",
        "approve_entry" => "Oppføring godkjent",
        "withdraw" => "Utmeldt",
        "suspend" => "Midlertidig utestengt",
        "lift_suspension" => "Midlertidig utestenging opphevet",
        "exclude" => "Utestengt",
        "lift_exclusion" => "Utestenging opphevet",
        "record_expired_exclusions" => "Utestenging utløpt",
        "reveal_national_id" => "Fødselsnummer vist",
        other => other,
    }
}

/// "Arabisk (ARB)".
pub fn language(catalogue: &Catalogue, code: LanguageCode) -> String {
    match catalogue.language(code) {
        Some(l) => format!("{} ({code})", l.names.nb),
        None => code.to_string(),
    }
}

/// Register languages as select options, by bokmål name.
pub fn language_options(catalogue: &Catalogue) -> Vec<(String, String)> {
    options_where(catalogue, |_| true)
}

/// The languages a state authorisation (licence or authorisation test) can exist for: spoken
/// languages only, never sign language, speech-to-text or deafblind interpreting.
pub fn authorisation_language_options(catalogue: &Catalogue) -> Vec<(String, String)> {
    options_where(catalogue, LanguageKind::has_state_authorisation)
}

fn options_where(catalogue: &Catalogue, keep: impl Fn(LanguageKind) -> bool) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = catalogue
        .languages()
        .filter(|l| keep(l.kind))
        .map(|l| (l.code.to_string(), format!("{} ({})", l.names.nb, l.code)))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

/// "1 sak", "2 saker": a count with the word in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

/// "desember".
pub fn month(m: time::Month) -> &'static str {
    MONTHS[usize::from(u8::from(m)) - 1]
}

/// "2. desember 2026": a date as Norwegian running text writes it.
pub fn date(d: time::Date) -> String {
    format!("{}. {} {}", d.day(), month(d.month()), d.year())
}

/// Who did something, in words: a staff login as the login, the public tip form, the
/// interpreter themself or one of the system's own jobs — never a raw actor code.
pub fn actor(actor: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match actor.split_once(':') {
        Some(("staff", login)) => Cow::Borrowed(login),
        Some(("public", _)) => Cow::Borrowed("skjemaet på nettsiden"),
        Some(("interpreter", number)) => Cow::Owned(format!("tolken selv ({number})")),
        Some(("system", "sanctions")) => Cow::Borrowed("systemet (sanksjonen løp ut)"),
        Some(("system", "fixtures")) => Cow::Borrowed("demodata"),
        Some(("system", _)) => Cow::Borrowed("systemet"),
        _ => Cow::Borrowed(actor),
    }
}

/// `2024-03-05 15:07`: Norwegian time, as staff read their clocks.
pub fn instant(t: Timestamp) -> String {
    let local = t.local_time();
    format!("{} {:02}:{:02}", local.date(), local.hour(), local.minute())
}

/// A figure of the flows per year, as the statistician's workspace and `tolkeregister stats
/// flows` name it.
pub fn flow_figure(f: register::statistics::flows::FlowFigure) -> &'static str {
    use register::statistics::flows::FlowFigure::*;
    match f {
        Authorisations => "Nye statsautorisasjoner (bevillinger)",
        AuthorisationLanguages => "Språk med nye statsautorisasjoner",
        BilingualTestEntries => "Nye i kategori E ved tospråktest og TAO (oppføringer)",
        BilingualTestPersons => "Nye i kategori E ved tospråktest og TAO (personer)",
        BachelorDegrees => "Bachelorgrader i tolking fullført",
        FoundationCourses => "Grunnemner i tolking fullført",
        ForeignReceived => "Søknader om godkjenning av utenlandsk utdanning mottatt",
        ForeignApproved => "Søknader om godkjenning av utenlandsk utdanning innvilget",
        ForeignRefused => "Søknader om godkjenning av utenlandsk utdanning avslått",
        EntriesAdded => "Oppføringer lagt til",
        EntriesEnded => "Oppføringer avsluttet i alt",
        EndedWithdrawal => "Avsluttet: trukket av tolken",
        EndedNoBasis => "Avsluttet: uten grunnlag (tapt kvalifikasjon eller tilbakekalt bevilling)",
        EndedSuspension => "Avsluttet: midlertidig utestengt",
        EndedPeriodExclusion => "Avsluttet: utestengt for en periode",
        EndedPermanentExclusion => "Avsluttet: utestengt permanent",
    }
}

/// Why the statistics cannot be shown for a day.
pub fn statistics_day_error(e: register::statistics::day::DayError) -> String {
    use register::statistics::day::DayError;
    match e {
        DayError::BeforeSeries { first, .. } => {
            format!("Statistikken begynner {}. Velg en dag fra da til i dag.", date(first))
        }
        DayError::InFuture { today, .. } => {
            format!(
                "Dagen ligger fram i tid. Velg en dag til og med i dag, {}.",
                date(today)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn typed_refusals_are_worded_here_not_in_the_register() {
        let not_allowed: TipError = TipError::NotAllowed {
            status: CaseStatus::Closed,
            event: "decide",
        };
        assert_eq!(
            refusal(&not_allowed).as_deref(),
            Some("vedtak er ikke tillatt når saken er avsluttet")
        );
        let term: TipError = TipError::Term(vec![
            TermProblem::SeatNotFilledOnce(Seat::Educator),
            TermProblem::TwoSeats("Kari Nordmann".into()),
        ]);
        assert_eq!(
            refusal(&term).as_deref(),
            Some(
                "plassen «lærer eller forsker ved en tolkeutdanning» må ha nøyaktig ett medlem og én vara; \
                 Kari Nordmann kan ikke ha to plasser i utvalget"
            )
        );
        assert_eq!(term_problem(&TermProblem::Overlaps).0, "starts_on");
        let incomplete = CaseworkError::FileIncomplete(vec![ChecklistItem::Diploma, ChecklistItem::Identity]);
        assert_eq!(
            casework_refusal(&incomplete).as_deref(),
            Some("dokumentasjonen er ikke komplett; mangler: Vitnemål, Kopi av pass eller ID-kort")
        );
        let transition = StoreError::Rule(RuleError::Transition(TransitionError::NotAllowed {
            status: EntryStatus::Withdrawn,
            event: StatusEvent::Suspend,
        }));
        assert_eq!(
            store_refusal(&transition).as_deref(),
            Some("midlertidig utestenging er ikke tillatt når oppføringen er trukket")
        );
        // Every stored event kind has staff words.
        for kind in ["assign", "record_ministry_outcome", "add_document"] {
            assert_ne!(case_event_kind(kind), "hendelse");
        }
    }

    #[test]
    fn counts_dates_and_actors_read_as_norwegian() {
        assert_eq!(count(1, "sak", "saker"), "1 sak");
        assert_eq!(count(0, "sak", "saker"), "0 saker");
        assert_eq!(count(2, "advarsel", "advarsler"), "2 advarsler");
        assert_eq!(date(time::macros::date!(2026 - 12 - 02)), "2. desember 2026");
        assert_eq!(date(time::macros::date!(2027 - 01 - 31)), "31. januar 2027");
        assert_eq!(actor("staff:kari"), "kari");
        assert_eq!(actor("public:web"), "skjemaet på nettsiden");
        assert_eq!(actor("interpreter:10001"), "tolken selv (10001)");
        assert_eq!(actor("system:sanctions"), "systemet (sanksjonen løp ut)");
        assert_eq!(actor("someone"), "someone");
    }

    #[test]
    fn the_figures_file_names_its_columns_in_norwegian() {
        use register::tips::figures::to_csv;
        let csv = to_csv(&[], figures_column);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("år;varsler;god tolkeskikk (§ 14)"));
        // Outcome columns are named in Norwegian.
        assert!(lines[0].contains(";ikke fulgt opp etter første vurdering;") && lines[0].contains(";advarsel;"));
        assert!(!lines[0].contains("no_breach"));
        assert!(
            lines[0].ends_with(";under behandling;utvalgsmøter;saker med råd"),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn instants_show_norwegian_clock_time() {
        assert_eq!(
            instant(Timestamp::from(datetime!(2024-03-05 14:07 UTC))),
            "2024-03-05 15:07"
        );
        assert_eq!(
            instant(Timestamp::from(datetime!(2024-06-30 22:30 UTC))),
            "2024-07-01 00:30"
        );
    }
}
