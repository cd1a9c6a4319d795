//! The committee and the annual tip figures over HTTP on both backends: appointing a term and
//! planning a meeting (bad input kept and explained), a member reading only the summary of cases
//! on their agenda (audited), declaring a conflict, and the figures page and CSV.

use crate::admin_story;
use crate::common;

use crate::common::{Session, TestApp};
use admin::auth::Role;
use admin::committee::terms::period_start;
use axum::http::{StatusCode, header};
use register::tips::{
    CaseEvent, Channel, Ground, Grounds, NewTip, Reporter, ReporterContact, ReporterRole, Subject, Term, TermRules,
    TipCase, TipRules,
};
use register::workflow::tips::{self as workflow, Acted};
use register::{ChangeMeta, InterpreterNumber, Timestamp};
use time::{Date, Duration};

const REPORTER_NAME: &str = "Ingrid Varslersen";
const REPORTER_EMAIL: &str = "ingrid.varslersen@kommune.example.no";
const ACCOUNT: &str = "Tolken fortalte kantinepersonalet om pasientens diagnose.";
const SUMMARY: &str = "Mulig brudd på taushetsplikten etter et oppdrag på sykehus.";

fn today() -> Date {
    Timestamp::now().date()
}

/// The appointment form for the period covering today: amina holds the user representatives'
/// seat; `deputy_of_booker` is the public booker's deputy login.
fn term_form(deputy_of_booker: &str) -> Vec<(String, String)> {
    let start = period_start(&TermRules::default(), today());
    let people = [
        ("degree_interpreter", "hanne", "Hanne Solberg", "tariq", "Tariq Mahmoud"),
        ("educator", "eirik", "Eirik Dahl", "lena", "Lena Strand"),
        ("user_representative", "amina", "Amina Yusuf", "faisal", "Faisal Omar"),
        ("public_booker", "marit", "Marit Holm", deputy_of_booker, "Jon Eide"),
    ];
    let mut form = vec![("starts_on".to_string(), start.to_string())];
    for (seat, ml, mn, dl, dn) in people {
        form.extend([
            (format!("{seat}-member-login"), ml.to_string()),
            (format!("{seat}-member-name"), mn.to_string()),
            (format!("{seat}-deputy-login"), dl.to_string()),
            (format!("{seat}-deputy-name"), dn.to_string()),
        ]);
    }
    form
}

async fn post_owned(app: &TestApp, path: &str, s: &Session, form: &[(String, String)]) -> common::Reply {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post(path, Some(s), &fields).await
}

/// Appoints the term through the form as a senior caseworker.
async fn appoint(app: &TestApp, sigrid: &Session) -> Term {
    let r = post_owned(app, "/utvalg/perioder", sigrid, &term_form("jon")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location().starts_with("/utvalg?ok=oppnevnt"), "{}", r.location());
    app.state.store.terms().await.unwrap().pop().unwrap()
}

/// Plans a meeting today with `sitting` (logins) through the form; returns its id.
async fn plan(app: &TestApp, sigrid: &Session, term: &Term, sitting: &[&str]) -> i64 {
    let mut form = vec![
        ("term".to_string(), term.id.to_string()),
        ("held_on".to_string(), today().to_string()),
    ];
    for (i, login) in sitting.iter().enumerate() {
        form.push((format!("participant-{i}"), format!("staff:{login}")));
    }
    let r = post_owned(app, "/utvalg/moter", sigrid, &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = r
        .location()
        .trim_start_matches("/utvalg/moter/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(r.location().ends_with("?ok=planlagt"));
    id
}

async fn interpreter(app: &TestApp) -> InterpreterNumber {
    app.state
        .store
        .register_interpreter(common::store::sample_profile(), ChangeMeta::now("staff:kari", "søknad"))
        .await
        .unwrap()
        .number
}

/// A tip from an identified reporter, received straight through the store.
async fn receive(app: &TestApp, n: InterpreterNumber, grounds: &[Ground]) -> TipCase {
    let new = NewTip {
        received_on: today(),
        channel: Channel::WebForm,
        subject: Subject::Interpreter { number: n },
        assignment_on: Some(today() - Duration::days(3)),
        assignment_place: "Oslo universitetssykehus".into(),
        grounds: Grounds::new(grounds.iter().copied()).unwrap(),
        account: ACCOUNT.into(),
        reporter: Reporter::Identified {
            role: ReporterRole::PublicBody,
            contact: ReporterContact::new(REPORTER_NAME, Some(REPORTER_EMAIL), Some("+47 22 00 00 00")).unwrap(),
        },
        received_by: "public:web".into(),
    };
    app.state.store.receive_tip(&new, &app.state.tip_key).await.unwrap()
}

/// Takes a new case through assessment and investigation onto `meeting`'s agenda.
async fn refer(app: &TestApp, case: &TipCase, meeting: i64) -> TipCase {
    let events = [
        CaseEvent::StartAssessment,
        CaseEvent::OpenInvestigation,
        CaseEvent::ReferToCommittee {
            meeting_id: meeting,
            summary: SUMMARY.into(),
        },
    ];
    let mut c = case.clone();
    for event in events {
        let acted = workflow::act(
            &app.state.store,
            c.id,
            c.version,
            event,
            "staff:kari",
            "til utvalget",
            &TipRules::default(),
        )
        .await;
        let Ok(Acted::Done(next)) = acted else {
            panic!("{acted:?}")
        };
        c = *next;
    }
    c
}

/// Who read a case and what they were shown, leaving out reads made to process a change.
async fn reads(app: &TestApp, id: i64) -> Vec<(String, String)> {
    app.state
        .store
        .access_log(id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.shown != register::store::tips::SHOWN_FOR_PROCESSING)
        .map(|e| (e.viewer, e.shown))
        .collect()
}

fn pair(viewer: &str, shown: &str) -> (String, String) {
    (viewer.to_string(), shown.to_string())
}

/// Seniors appoint a term (errors keep the input) and plan a meeting in it; others may not.
async fn appoint_and_plan(app: TestApp) {
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let page = app.get("/utvalg", Some(&sigrid)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ingen utvalgsperiode er oppnevnt"));
    let no_term = app.get("/utvalg/moter/ny", Some(&sigrid)).await;
    assert!(no_term.body.contains("Oppnevn en periode"), "{}", no_term.body);
    let form = app.get("/utvalg/perioder/ny", Some(&sigrid)).await;
    let start = period_start(&TermRules::default(), today());
    assert!(
        form.body.contains(&format!("value=\"{start}\"")),
        "the start is suggested"
    );

    // Half a form: every missing field is named, what was typed is kept, nothing is saved.
    let half = [
        ("starts_on", start.to_string()),
        ("educator-member-name", "Eirik Dahl".to_string()),
        ("educator-member-login", "eirik dahl".to_string()),
    ];
    let half: Vec<(String, String)> = half.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let rejected = post_owned(&app, "/utvalg/perioder", &sigrid, &half).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(rejected.body.contains("value=\"Eirik Dahl\""), "input kept");
    assert!(rejected.body.contains("id=\"educator-member-login-error\""));
    assert!(rejected.body.contains("kan ikke inneholde mellomrom"));
    assert!(rejected.body.contains("id=\"public_booker-deputy-name-error\""));
    assert!(app.state.store.terms().await.unwrap().is_empty());

    // One person on two places is refused by the term rules, with the form kept.
    let twice = post_owned(&app, "/utvalg/perioder", &sigrid, &term_form("amina")).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        twice.body.contains("kan ikke ha to plasser i utvalget"),
        "{}",
        twice.body
    );
    assert!(twice.body.contains("value=\"Marit Holm\""));

    let term = appoint(&app, &sigrid).await;
    assert_eq!(term.starts_on, start);
    assert_eq!(term.ends_on, TermRules::default().ends_on(start));
    assert!(term.holds_seat("staff:amina") && term.covers(today()));
    let listed = app.get("/utvalg?ok=oppnevnt", Some(&sigrid)).await;
    assert!(listed.body.contains("Utvalgsperioden er oppnevnt."));
    assert!(listed.body.contains("Brukerrepresentant for minoritetsspråklige"));
    assert!(listed.body.contains("Amina Yusuf") && listed.body.contains("Jon Eide"));
    assert!(listed.body.contains("(gjeldende)"));
    let overlap = post_owned(&app, "/utvalg/perioder", &sigrid, &term_form("jon")).await;
    assert_eq!(overlap.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(overlap.body.contains("overlapper"));

    // The meeting form lists the term's people, members ticked.
    let new = app.get("/utvalg/moter/ny", Some(&sigrid)).await;
    assert!(new.body.contains("value=\"staff:amina\" checked"), "{}", new.body);
    assert!(new.body.contains("Faisal Omar – vara"));
    let term_id = term.id.to_string();
    let nobody = [("term", term_id.as_str()), ("held_on", "2024-13-01")];
    let r = app.post("/utvalg/moter", Some(&sigrid), &nobody).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"held_on-error\"") && r.body.contains("velg hvem som sitter i møtet"));
    assert!(r.body.contains("value=\"2024-13-01\""), "the date as typed is kept");
    let before = (term.starts_on - Duration::days(1)).to_string();
    let early = [
        ("term", term_id.as_str()),
        ("held_on", before.as_str()),
        ("participant-0", "staff:amina"),
    ];
    let r = app.post("/utvalg/moter", Some(&sigrid), &early).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("møtedatoen må ligge i perioden"));
    assert!(r.body.contains("value=\"staff:amina\" checked"), "the choice is kept");
    let today_text = today().to_string();
    let outsider = [
        ("term", term_id.as_str()),
        ("held_on", today_text.as_str()),
        ("participant-0", "staff:kari"),
    ];
    let r = app.post("/utvalg/moter", Some(&sigrid), &outsider).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("staff:kari har ingen plass i utvalget"), "{}", r.body);
    assert!(app.state.store.meetings().await.unwrap().is_empty());

    let id = plan(&app, &sigrid, &term, &["amina", "eirik", "jon"]).await;
    let meeting = app.get(&format!("/utvalg/moter/{id}?ok=planlagt"), Some(&sigrid)).await;
    assert_eq!(meeting.status, StatusCode::OK);
    assert!(meeting.body.contains("Møtet er planlagt."));
    assert!(
        meeting
            .body
            .contains("Amina Yusuf – medlem, brukerrepresentant for minoritetsspråklige")
    );
    assert!(meeting.body.contains("Jon Eide – vara"));
    assert!(meeting.body.contains("Ingen saker er satt opp ennå"));
    let list = app.get("/utvalg/moter", Some(&sigrid)).await;
    assert!(list.body.contains(&format!("href=\"/utvalg/moter/{id}\"")));
    let admin = app.session_for(Role::Administrator);
    assert_eq!(app.get("/utvalg", Some(&admin)).await.status, StatusCode::OK);

    // Caseworkers and members do not manage the committee; forms need the session's token.
    let kari = app.session_for(Role::Caseworker);
    assert_eq!(app.get("/utvalg", Some(&kari)).await.status, StatusCode::FORBIDDEN);
    let amina = app.session_for(Role::CommitteeMember);
    assert_eq!(
        app.get("/utvalg/moter", Some(&amina)).await.status,
        StatusCode::FORBIDDEN
    );
    let forged = app.post_raw("/utvalg/moter", Some(&sigrid), &outsider).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(app.state.store.meetings().await.unwrap().len(), 1);
}
admin_story!(appoint_and_plan_on, super::appoint_and_plan);

/// A member sees the summary of cases on their meetings' agendas only, never the reporter; every
/// view and refusal is logged; after declaring a conflict the case is closed to them.
async fn member_reads_summaries_only(app: TestApp) {
    let sigrid = app.session_for(Role::SeniorCaseworker);
    let amina = app.session_for(Role::CommitteeMember);
    let term = appoint(&app, &sigrid).await;
    let with_amina = plan(&app, &sigrid, &term, &["amina", "eirik"]).await;
    let without = plan(&app, &sigrid, &term, &["hanne", "eirik"]).await;
    let n = interpreter(&app).await;
    let on_agenda = refer(&app, &receive(&app, n, &[Ground::Confidentiality]).await, with_amina).await;
    let elsewhere = refer(&app, &receive(&app, n, &[Ground::GoodPractice]).await, without).await;
    let nowhere = receive(&app, n, &[Ground::Impartiality]).await;

    let home = app.get("/", Some(&amina)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Mine utvalgsmøter"));
    assert!(home.body.contains(&format!("href=\"/utvalg/saker/{}\"", on_agenda.id)));
    assert!(
        !home.body.contains(&elsewhere.reference()),
        "another meeting's case is not listed"
    );

    let page = app.get(&format!("/utvalg/saker/{}", on_agenda.id), Some(&amina)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(SUMMARY));
    assert!(page.body.contains(&on_agenda.reference()));
    assert!(page.body.contains(&format!("Leila Haddad ({n})")));
    assert!(page.body.contains("taushetsplikt (§ 15)"));
    for secret in [
        REPORTER_NAME,
        REPORTER_EMAIL,
        "+47 22 00 00 00",
        ACCOUNT,
        "kantinepersonalet",
    ] {
        assert!(!page.body.contains(secret), "a member must not see «{secret}»");
    }

    for other in [elsewhere.id, nowhere.id] {
        let refused = app.get(&format!("/utvalg/saker/{other}"), Some(&amina)).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
        assert!(
            refused
                .body
                .contains("Fant ingen sak med dette nummeret som du har tilgang til")
        );
        assert!(!refused.body.contains(SUMMARY));
    }
    // Whether a case exists is not told apart from its being off the agenda: same status, same
    // page, for a case elsewhere, one that does not exist and a number that is no number.
    let existing = app.get(&format!("/utvalg/saker/{}", nowhere.id), Some(&amina)).await;
    for path in ["/utvalg/saker/99999".to_string(), "/utvalg/saker/abc".to_string()] {
        let missing = app.get(&path, Some(&amina)).await;
        assert_eq!(missing.status, existing.status, "{path}");
        assert_eq!(missing.body, existing.body, "{path}");
    }
    // Staff do not use the members' view.
    let staff = app.get(&format!("/utvalg/saker/{}", on_agenda.id), Some(&sigrid)).await;
    assert_eq!(staff.status, StatusCode::FORBIDDEN);

    assert_eq!(
        reads(&app, on_agenda.id).await,
        [pair("staff:amina", "committee_summary")]
    );
    assert_eq!(
        reads(&app, elsewhere.id).await,
        [pair("staff:amina", "refused_not_on_agenda")]
    );

    // A conflict is declared only on one's own agenda, with a reason, through the form.
    let path = format!("/utvalg/saker/{}/inhabilitet", on_agenda.id);
    let not_mine = format!("/utvalg/saker/{}/inhabilitet", elsewhere.id);
    let r = app.post(&not_mine, Some(&amina), &[("note", "kjenner tolken")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        r.body
            .contains("Fant ingen sak med dette nummeret som du har tilgang til")
    );
    let missing = app
        .post(
            "/utvalg/saker/99999/inhabilitet",
            Some(&amina),
            &[("note", "kjenner tolken")],
        )
        .await;
    assert_eq!(
        (missing.status, &missing.body),
        (r.status, &r.body),
        "a missing case answers the same"
    );
    let forged = app.post_raw(&path, Some(&amina), &[("note", "kjenner tolken")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let empty = app.post(&path, Some(&amina), &[("note", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("id=\"note-error\"") && empty.body.contains("begrunnelsen må fylles ut"));
    let note = "Tolken er nabo og god venn av meg.";
    // Declaring shuts the member out of the case for good: confirmed first.
    let asked = app.post(&path, Some(&amina), &[("note", note)]).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(asked.body.contains("Ja, jeg er inhabil") && asked.body.contains(&format!("value=\"{note}\"")));
    let still = app.get(&format!("/utvalg/saker/{}", on_agenda.id), Some(&amina)).await;
    assert_eq!(still.status, StatusCode::OK, "nothing declared before confirming");
    let declared = app
        .post(&path, Some(&amina), &[("note", note), ("confirmed", "yes")])
        .await;
    assert_eq!(declared.status, StatusCode::SEE_OTHER, "{}", declared.body);
    let back = app.get(declared.location(), Some(&amina)).await;
    assert!(back.body.contains("Du har meldt deg inhabil i sak"), "{}", back.body);
    assert!(back.body.contains("du har meldt deg inhabil"));
    assert!(!back.body.contains(&format!("href=\"/utvalg/saker/{}\"", on_agenda.id)));

    let after = app.get(&format!("/utvalg/saker/{}", on_agenda.id), Some(&amina)).await;
    assert_eq!(after.status, StatusCode::NOT_FOUND);
    assert!(!after.body.contains(SUMMARY));
    let log = reads(&app, on_agenda.id).await;
    assert_eq!(log.last(), Some(&pair("staff:amina", "refused_conflict")), "{log:?}");
    assert_eq!(
        log.iter().filter(|(_, shown)| shown == "committee_summary").count(),
        3,
        "the page shown again with the missing reason, and before confirming, were logged reads too"
    );

    // The secretariat sees the agenda with the declared conflict.
    let meeting = app.get(&format!("/utvalg/moter/{with_amina}"), Some(&sigrid)).await;
    assert!(meeting.body.contains(&on_agenda.reference()));
    assert!(meeting.body.contains(note) && meeting.body.contains("Amina Yusuf (amina"));
    assert!(meeting.body.contains("hos utvalget"));
}
admin_story!(member_reads_summaries_only_on, super::member_reads_summaries_only);

/// The figures page and CSV count tips per ground, outcome and year, for statisticians.
async fn annual_figures(app: TestApp) {
    let ingrid = app.session_for(Role::Statistician);
    let stats = app.get("/statistikk", Some(&ingrid)).await;
    assert!(stats.body.contains("href=\"/statistikk/varsler\""));
    let empty = app.get("/statistikk/varsler", Some(&ingrid)).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains("Ingen varsler eller utvalgsmøter er registrert ennå.")
    );

    let n = interpreter(&app).await;
    receive(&app, n, &[Ground::GoodPractice, Ground::Confidentiality]).await;
    receive(&app, n, &[Ground::Impartiality]).await;
    let year = today().year();

    let page = app.get("/statistikk/varsler", Some(&ingrid)).await;
    assert_eq!(page.status, StatusCode::OK);
    // Year, tips, per ground (§ 14, 15, 16), only that ground, several grounds.
    let grounds = format!(
        "<th scope=\"row\">{year}</th><td>2</td><td>1</td><td>1</td><td>1</td><td>0</td><td>0</td><td>1</td><td>1</td>"
    );
    assert!(page.body.contains(&grounds), "{}", page.body);
    assert!(page.body.contains("god tolkeskikk (§ 14)"));
    assert!(page.body.contains("under behandling"));
    assert!(page.body.contains("href=\"/statistikk/varsler.csv\""));

    let csv = app.get("/statistikk/varsler.csv", Some(&ingrid)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let disposition = csv.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment; filename="), "{disposition}");
    let text = csv.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("år;varsler;god tolkeskikk (§ 14);taushetsplikt (§ 15)"));
    assert!(lines[0].contains(";under behandling;"));
    assert!(
        lines[1].starts_with(&format!("{year};2;1;1;1;0;0;1;1;")),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(";0;0"), "no meetings yet");

    let senior = app.session_for(Role::SeniorCaseworker);
    assert_eq!(
        app.get("/statistikk/varsler.csv", Some(&senior)).await.status,
        StatusCode::OK
    );
    let kari = app.session_for(Role::Caseworker);
    assert_eq!(
        app.get("/statistikk/varsler", Some(&kari)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/statistikk/varsler.csv", Some(&kari)).await.status,
        StatusCode::FORBIDDEN
    );
}
admin_story!(annual_figures_on, super::annual_figures);
