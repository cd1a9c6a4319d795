//! The public tip form over HTTP on SQLite and PostgreSQL: a tip sent through the form is stored
//! (read back by staff, contact sealed) and answered with a receipt; rejected forms keep every
//! word; honeypot, rate limit, size limit, form token and cross-site posts file nothing; the
//! look-up offers only listed interpreters; nynorsk and English; no route reaches case data.

use crate::common;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use public_web::tips::TipSettings;
use public_web::{AppState, router};
use register::command::{ChangeMeta, Command};
use register::national_id::NationalId;
use register::qualification::{NewQualification, QualificationKind};
use register::tips::{CaseEvent, Channel, ContactKey, Ground, ReporterRole, Subject, TipRules, Viewer};
use register::workflow::tips::{self as workflow, Acted};
use register::{Database, InterpreterNumber, LanguageCode, Timestamp};
use tower::ServiceExt;

const ACCOUNT: &str = "Tolken fortalte naboen min om legetimen & diagnosen <etterpå>.";
const REPORTER: &str = "Ingrid Varslersen";
const EMAIL: &str = "ingrid@bergen.kommune.example.no";

/// A running public service over a store with two listed interpreters (Leila and Omar Haddad)
/// and one registered but not listed (Samir Haddad).
struct Site {
    store: Database,
    key: ContactKey,
    app: Router,
    listed: InterpreterNumber,
    other_listed: InterpreterNumber,
    unlisted: InterpreterNumber,
    _index: tempfile::TempDir,
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The form token of a page showing the form.
    fn token(&self) -> String {
        let start = self
            .body
            .find(r#"name="token" value=""#)
            .unwrap_or_else(|| panic!("no form token in: {}", self.body))
            + r#"name="token" value=""#.len();
        let end = self.body[start..].find('"').unwrap() + start;
        self.body[start..end].to_string()
    }
}

fn arb() -> LanguageCode {
    "ARB".parse().unwrap()
}

async fn register(store: &Database, seed: &str, given: &str, listed: bool) -> InterpreterNumber {
    let profile = register::Profile {
        national_id: NationalId::complete(seed).unwrap(),
        given_name: given.into(),
        family_name: "Haddad".into(),
        ..common::sample_profile()
    };
    let meta = || ChangeMeta::now("staff:kari", "søknad");
    let n = store.register_interpreter(profile, meta()).await.unwrap().number;
    let course = Command::AddQualification {
        qualification: NewQualification {
            kind: QualificationKind::FoundationCourse,
            language: Some(arb()),
            completed_on: Timestamp::now().date() - time::Duration::days(400),
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "ARK-7".into(),
        },
    };
    store.execute(n, course, meta()).await.unwrap();
    if listed {
        store
            .execute(n, Command::ApproveEntry { language: arb() }, meta())
            .await
            .unwrap();
    }
    n
}

impl Site {
    async fn open(store: Database, settings: TipSettings) -> Site {
        let listed = register(&store, "010190125", "Leila", true).await;
        let other_listed = register(&store, "020285125", "Omar", true).await;
        let unlisted = register(&store, "030377123", "Samir", false).await;
        let dir = tempfile::tempdir().unwrap();
        let key = ContactKey::random();
        let state = AppState::start_with_tips(store.clone(), dir.path(), key.sealing_key())
            .unwrap()
            .with_tip_settings(settings);
        for _ in 0..300 {
            if state.ready() && state.index.len() >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(state.index.len(), 2, "the index holds the two listed interpreters");
        Site {
            store,
            key,
            app: router(state),
            listed,
            other_listed,
            unlisted,
            _index: dir,
        }
    }

    async fn send(&self, req: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, path: &str) -> Reply {
        self.send(from(Request::get(path), "192.0.2.1").body(Body::empty()).unwrap())
            .await
    }

    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.post_from("192.0.2.1", path, fields).await
    }

    async fn post_from(&self, client: &str, path: &str, fields: &[(&str, &str)]) -> Reply {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let req = from(Request::post(path), client)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// A fresh form token, as a visitor opening the form gets.
    async fn token(&self) -> String {
        let page = self.get("/varsle").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        page.token()
    }

    async fn stored(&self) -> usize {
        self.store.tip_list(false).await.unwrap().len()
    }
}

fn from(builder: axum::http::request::Builder, client: &str) -> axum::http::request::Builder {
    let addr: SocketAddr = format!("{client}:40000").parse().unwrap();
    builder.extension(ConnectInfo(addr))
}

/// A complete, valid form about `number` from a named reporter.
fn valid(number: &str, token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("lookup", number.to_string()),
        ("interpreter", number.to_string()),
        ("description", String::new()),
        ("assignment_on", "1.2.2026".into()),
        ("assignment_place", "Haukeland universitetssjukehus".into()),
        ("grounds", "confidentiality".into()),
        ("grounds", "good_practice".into()),
        ("account", ACCOUNT.into()),
        ("anonymity", "named".into()),
        ("reporter_role", "public_body".into()),
        ("reporter_name", REPORTER.into()),
        ("reporter_email", EMAIL.into()),
        ("reporter_phone", "+47 55 00 00 00".into()),
        ("website", String::new()),
        ("token", token.to_string()),
        ("action", "send".into()),
    ]
}

fn refs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

macro_rules! tip_story {
    ($name:ident, $story:path) => {
        tip_story!($name, $story, TipSettings::default());
    };
    ($name:ident, $story:path, $settings:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let f = common::sqlite().await;
                $story(Site::open(f.store.clone(), $settings).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(f) = common::postgres().await else {
                    return;
                };
                $story(Site::open(f.store.clone(), $settings).await).await;
            }
        }
    };
}

/// A valid tip is stored as a web-form tip by `public:web`, its reporter sealed (the assigned
/// caseworker reads it), and the visitor lands on a receipt with the case reference only.
/// Sending the same form again files nothing new and shows the same receipt.
async fn a_valid_tip_is_stored_and_the_receipt_shows_its_reference(site: Site) {
    let number = site.listed.to_string();
    let form = valid(&number, &site.token().await);
    let sent = site.post("/varsle", &refs(&form)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(
        sent.location().starts_with("/varsle/kvittering?"),
        "{}",
        sent.location()
    );
    assert_eq!(sent.headers[header::CACHE_CONTROL], "no-store");

    let receipt = site.get(sent.location()).await;
    assert_eq!(receipt.status, StatusCode::OK);
    let list = site.store.tip_list(false).await.unwrap();
    assert_eq!(list.len(), 1);
    let reference = &list[0].reference;
    assert!(reference.starts_with("VAR-"), "{reference}");
    assert!(receipt.body.contains(reference.as_str()), "{}", receipt.body);
    assert!(receipt.body.contains("Varselet er mottatt"));
    for secret in [REPORTER, EMAIL, "legetimen", "Haukeland", "Leila"] {
        assert!(!receipt.body.contains(secret), "the receipt shows {secret}");
    }

    // The assigned caseworker opens the case: everything as sent, the contact decrypted.
    let id = list[0].id;
    let assign = CaseEvent::Assign {
        caseworker: "staff:kari".into(),
    };
    let done = workflow::act(
        &site.store,
        id,
        0,
        assign,
        "staff:kari",
        "fordeling",
        &TipRules::default(),
    )
    .await
    .unwrap();
    assert!(matches!(done, Acted::Done(_)));
    let kari = Viewer::Staff {
        login: "staff:kari".into(),
    };
    let view = site.store.view_case(id, &kari, &site.key).await.unwrap();
    let register::tips::CaseView::Full { case, reporter } = view else {
        panic!("the assigned caseworker sees the whole case");
    };
    assert_eq!(case.intake.channel, Channel::WebForm);
    assert_eq!(case.intake.received_by, "public:web");
    assert_eq!(case.intake.subject, Subject::Interpreter { number: site.listed });
    assert_eq!(case.intake.account, ACCOUNT);
    assert_eq!(case.intake.assignment_place, "Haukeland universitetssjukehus");
    assert_eq!(
        case.intake.assignment_on.map(|d| d.to_string()).as_deref(),
        Some("2026-02-01")
    );
    assert!(
        case.intake.grounds.contains(Ground::Confidentiality) && case.intake.grounds.contains(Ground::GoodPractice)
    );
    assert!(!case.intake.anonymous);
    assert_eq!(reporter.role(), Some(ReporterRole::PublicBody));
    let contact = reporter.contact().expect("named reporter");
    assert_eq!((contact.name(), contact.email()), (REPORTER, Some(EMAIL)));
    assert_eq!(contact.phone(), Some("+47 55 00 00 00"));
    // With another key the contact stays sealed.
    assert!(site.store.view_case(id, &kari, &ContactKey::random()).await.is_err());

    // The same form again (double click, back and send): one tip, the same receipt.
    let again = site.post("/varsle", &refs(&form)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(again.location(), sent.location());
    assert_eq!(site.stored().await, 1);

    // An anonymous tip about someone unknown needs no contact at all.
    let mut anonymous = valid("", &site.token().await);
    for (k, v) in anonymous.iter_mut() {
        match *k {
            "interpreter" => *v = "unknown".into(),
            "description" => *v = "Mann, snakket dari, bestilt gjennom tolkebyrå".into(),
            "anonymity" => *v = "anonymous".into(),
            "reporter_role" | "reporter_name" | "reporter_email" | "reporter_phone" => v.clear(),
            _ => {}
        }
    }
    let sent = site.post("/varsle", &refs(&anonymous)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(site.stored().await, 2);
}
tip_story!(valid_tip, a_valid_tip_is_stored_and_the_receipt_shows_its_reference);

/// A rejected form answers 422 with a summary linking to each field, a message at each field,
/// and every word, choice and checkbox as the visitor left them. Nothing is stored.
async fn an_invalid_tip_keeps_everything_and_stores_nothing(site: Site) {
    let number = site.listed.to_string();
    let mut form = valid(&number, &site.token().await);
    form.retain(|(k, _)| *k != "grounds");
    for (k, v) in form.iter_mut() {
        match *k {
            "reporter_email" => *v = "ingrid at kommunen".into(),
            "assignment_on" => *v = "i fjor vår".into(),
            "description" => *v = "Hadde på seg grønt ID-kort".into(),
            "reporter_role" => *v = "interpreted_person".into(),
            _ => {}
        }
    }
    let r = site.post("/varsle", &refs(&form)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("<title>Feil: Varsle om brudd på tolkeloven"),
        "{}",
        r.body
    );
    assert!(r.body.contains("ds-error-summary"));
    for (anchor, message) in [
        ("#assignment_on", "Skriv datoen som dd.mm.åååå"),
        ("#ground-good_practice", "Velg minst ett av punktene"),
        ("#reporter_email", "Skriv e-postadressen på formen"),
    ] {
        assert!(r.body.contains(&format!(r##"href="{anchor}""##)), "{anchor}");
        assert!(
            r.body.matches(message).count() >= 2,
            "{message} in summary and at the field"
        );
    }
    assert!(r.body.contains(r#"aria-describedby="reporter_email-error""#));
    assert!(r.body.contains(r#"aria-invalid="true""#));
    // Everything typed is back, escaped.
    for kept in [
        escaped(ACCOUNT),
        "Haukeland universitetssjukehus".into(),
        "i fjor vår".into(),
        "ingrid at kommunen".into(),
        "Hadde på seg grønt ID-kort".into(),
        REPORTER.into(),
        "+47 55 00 00 00".into(),
    ] {
        assert!(r.body.contains(&kept), "lost: {kept}");
    }
    for checked in [
        format!(r#"id="interpreter-{number}" name="interpreter" value="{number}" checked"#),
        r#"id="anonymity-named" name="anonymity" value="named" checked"#.to_string(),
        r#"id="role-interpreted_person" name="reporter_role" value="interpreted_person" checked"#.to_string(),
    ] {
        assert!(r.body.contains(&checked), "not checked: {checked}");
    }
    assert_eq!(site.stored().await, 0);

    // A checked ground stays checked when something else is wrong.
    let mut form = valid(&number, &site.token().await);
    form.retain(|(k, _)| *k != "account");
    let r = site.post("/varsle", &refs(&form)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"value="confidentiality" checked"#));
    assert!(r.body.contains("Beskriv hva som skjedde."));
    assert_eq!(site.stored().await, 0);

    // Chosen interpreter not listed: refused at the subject, nothing stored.
    let unlisted = site.unlisted.to_string();
    let r = site
        .post("/varsle", &refs(&valid(&unlisted, &site.token().await)))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains(&format!("Vi fant ingen oppført tolk med tolkenummer «{unlisted}»"))
    );
    assert_eq!(site.stored().await, 0);
}
tip_story!(invalid_tip, an_invalid_tip_keeps_everything_and_stores_nothing);

/// An impossible date is explained as such (the day does not exist), not as a wrong format,
/// in each language; the summary links to the field and nothing is stored.
async fn an_impossible_date_is_explained(site: Site) {
    let number = site.listed.to_string();
    for (lang, message, format_message) in [
        (
            "nb",
            "31.02.2026 finnes ikke. Februar 2026 har 28 dager.",
            "Skriv datoen som",
        ),
        (
            "nn",
            "31.02.2026 finst ikkje. Februar 2026 har 28 dagar.",
            "Skriv datoen som",
        ),
        (
            "en",
            "31.02.2026 does not exist. February 2026 has 28 days.",
            "Write the date as",
        ),
    ] {
        let path = if lang == "nb" {
            "/varsle".to_string()
        } else {
            format!("/varsle?lang={lang}")
        };
        let token = site.get(&path).await.token();
        let mut form = valid(&number, &token);
        for (k, v) in form.iter_mut() {
            if *k == "assignment_on" {
                *v = "31.02.2026".into();
            }
        }
        let r = site.post(&path, &refs(&form)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{lang}: {}", r.body);
        assert_eq!(
            r.body.matches(message).count(),
            2,
            "{lang}: in the summary and at the field: {}",
            r.body
        );
        assert!(!r.body.contains(format_message), "{lang}: not the format message");
        assert!(r.body.contains(r##"href="#assignment_on""##));
    }
    assert_eq!(site.stored().await, 0);
}
tip_story!(impossible_date, an_impossible_date_is_explained);

/// Enter in a text field sends the form: the form's first submit button (the browser's default)
/// is the send button, not the interpreter look-up, and it stays out of sight and of the tab
/// order. The form links to the privacy statement.
async fn the_default_button_sends_and_the_form_links_the_privacy_statement(site: Site) {
    for (path, privacy) in [("/varsle", "/personvern"), ("/varsle?lang=en", "/personvern?lang=en")] {
        let page = site.get(path).await.body;
        let form = &page[page.find("<form class=\"tip-form\"").unwrap()..];
        // Every button of the form submits it, so the first button is the default one.
        let first = &form[form.find("<button").unwrap()..];
        let first = &first[..first.find('>').unwrap()];
        assert!(
            first.contains("type=\"submit\"") && first.contains("value=\"send\""),
            "{path}: first button: {first}"
        );
        assert!(
            first.contains("tabindex=\"-1\"") && first.contains("aria-hidden=\"true\""),
            "{first}"
        );
        assert!(form.contains("value=\"lookup\""), "the look-up is still there");
        assert!(
            page.contains(&format!("href=\"{privacy}\"")),
            "{path}: no link to the privacy statement"
        );
    }
    // What Enter sends (the default button's name and value) files the tip.
    let number = site.listed.to_string();
    let sent = site.post("/varsle", &refs(&valid(&number, &site.token().await))).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
}
tip_story!(
    default_button,
    the_default_button_sends_and_the_form_links_the_privacy_statement
);

/// A filled honeypot files nothing and gives no receipt; the text comes back without it.
/// A missing or forged token is refused the same way, text kept.
async fn honeypot_and_bad_tokens_store_nothing(site: Site) {
    let number = site.listed.to_string();
    let mut form = valid(&number, &site.token().await);
    for (k, v) in form.iter_mut() {
        if *k == "website" {
            *v = "http://billig-viagra.example".into();
        }
    }
    let r = site.post("/varsle", &refs(&form)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Skjemaet kunne ikke sendes"));
    assert!(r.body.contains(&escaped(ACCOUNT)), "text kept");
    assert!(!r.body.contains("billig-viagra"), "the honeypot is not echoed");
    assert!(!r.body.contains("kvittering"));

    for token in ["", "1700000000.bm9uY2U.Zm9yZ2Vk", "not a token"] {
        let r = site.post("/varsle", &refs(&valid(&number, token))).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{token}");
        assert!(
            r.body
                .contains("Skjemaet har vært åpent lenge eller kunne ikke kontrolleres")
        );
        assert!(r.body.contains(&escaped(ACCOUNT)));
        assert_ne!(r.token(), token, "a fresh token to send again with");
    }

    // A post from another site (the browser says so) is refused before anything else.
    let body = serde_urlencoded::to_string(refs(&valid(&number, &site.token().await))).unwrap();
    let req = from(Request::post("/varsle"), "192.0.2.1")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from(body))
        .unwrap();
    let r = site.send(req).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Skjemaet kunne ikke sendes"), "{}", r.body);
    assert_eq!(site.stored().await, 0);
}
tip_story!(honeypot, honeypot_and_bad_tokens_store_nothing);

fn two_sends_a_minute() -> TipSettings {
    TipSettings {
        sends_per_minute: NonZeroU32::new(2).unwrap(),
        ..TipSettings::default()
    }
}

/// A client sending too often gets 429 with its text kept and a time to wait; other clients
/// are not affected. Bodies over the limit get a readable 413.
async fn rate_and_size_limits(site: Site) {
    let number = site.listed.to_string();
    let mut invalid = valid(&number, &site.token().await);
    invalid.retain(|(k, _)| *k != "grounds");
    for _ in 0..2 {
        let r = site.post("/varsle", &refs(&invalid)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = site.post("/varsle", &refs(&valid(&number, &site.token().await))).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("For mange innsendinger"));
    assert!(r.body.contains(&escaped(ACCOUNT)), "text kept");
    let wait: u64 = r.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&wait), "{wait}");
    assert_eq!(site.stored().await, 0);
    // Looking up and reading the form are counted apart, and other clients are not held back.
    let lookup = site
        .post("/varsle", &[("lookup", number.as_str()), ("action", "lookup")])
        .await;
    assert_eq!(lookup.status, StatusCode::OK);
    let other = site
        .post_from("198.51.100.7", "/varsle", &refs(&valid(&number, &site.token().await)))
        .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER, "{}", other.body);
    assert_eq!(site.stored().await, 1);

    let huge = "å".repeat(200_000);
    let r = site
        .post_from(
            "203.0.113.5",
            "/varsle",
            &[("account", huge.as_str()), ("action", "send")],
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("Skjemaet er for stort"), "{}", r.body);
    assert!(r.body.contains("20 000 tegn"));
    assert_eq!(site.stored().await, 1);
}
tip_story!(limits, rate_and_size_limits, two_sends_a_minute());

/// The look-up offers listed interpreters by number or name, public fields only; a registered
/// but unlisted person is never offered.
async fn lookup_offers_only_listed_interpreters(site: Site) {
    let look = |text: &str| {
        let text = text.to_string();
        let site = &site;
        async move {
            let r = site
                .post(
                    "/varsle",
                    &[("lookup", text.as_str()), ("action", "lookup"), ("account", "kladd")],
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            r
        }
    };
    let by_number = look(&site.listed.to_string()).await;
    assert!(by_number.body.contains("Vi fant 1 oppført tolk."), "{}", by_number.body);
    assert!(
        by_number
            .body
            .contains(&format!("Leila Haddad ({}) – arabisk", site.listed))
    );
    assert!(by_number.body.contains(">kladd</textarea>"), "what was typed stays");

    let by_name = look("haddad").await;
    assert!(by_name.body.contains(&format!(r#"value="{}""#, site.listed)));
    assert!(by_name.body.contains(&format!(r#"value="{}""#, site.other_listed)));
    assert!(by_name.body.contains("Omar Haddad"));
    assert!(!by_name.body.contains("Samir"), "unlisted people are not offered");
    assert!(!by_name.body.contains("01019012"), "no identity numbers");
    assert!(by_name.body.contains(r#"value="unknown""#), "none of these");

    let unlisted = look(&site.unlisted.to_string()).await;
    assert!(
        unlisted.body.contains("Vi fant ingen oppført tolk for"),
        "{}",
        unlisted.body
    );
    assert!(!unlisted.body.contains("Samir"));
}
tip_story!(lookup, lookup_offers_only_listed_interpreters);

/// Nynorsk and English: the form, its errors and the receipt in the chosen language.
async fn nynorsk_and_english(site: Site) {
    let nn = site.get("/varsle?lang=nn").await;
    assert!(nn.body.contains(r#"<html lang="nn""#));
    assert!(nn.body.contains("Varsle om brot på tolkelova"));
    assert!(nn.body.contains("Teieplikt (tolkelova § 15)"));
    assert!(nn.body.contains(r#"action="/varsle?lang=nn""#));

    let en = site.get("/varsle?lang=en").await;
    assert!(en.body.contains(r#"<html lang="en""#));
    assert!(en.body.contains("Report a breach of the Interpreting Act"));
    assert!(en.body.contains("Impartiality (Interpreting Act § 16)"));
    let r = site
        .post("/varsle?lang=en", &[("action", "send"), ("token", &en.token())])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Describe what happened."), "{}", r.body);
    assert!(r.body.contains("<title>Error: Report a breach"));

    let number = site.listed.to_string();
    let sent = site.post("/varsle?lang=nn", &refs(&valid(&number, &nn.token()))).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(sent.location().contains("lang=nn"));
    let receipt = site.get(sent.location()).await;
    assert!(receipt.body.contains("Varselet er motteke"), "{}", receipt.body);

    // The help page and every page's footer lead to the form.
    for path in ["/hjelp", "/", "/kontroller"] {
        assert!(site.get(path).await.body.contains(r#"href="/varsle""#), "{path}");
    }
}
tip_story!(languages, nynorsk_and_english);

/// Nothing public reaches case data: no page or API path shows a case, the receipt shows only
/// references this service handed out, and the JSON API has no tips at all.
async fn no_public_route_reaches_case_data(site: Site) {
    let number = site.listed.to_string();
    let sent = site.post("/varsle", &refs(&valid(&number, &site.token().await))).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let case = &site.store.tip_list(false).await.unwrap()[0];
    let (id, reference) = (case.id, case.reference.clone());
    for path in [
        format!("/varsle/{id}"),
        format!("/varsle/{reference}"),
        "/varsler".into(),
        format!("/varsel/{id}"),
        format!("/saker/{id}"),
        "/api/v1/tips".into(),
        format!("/api/v1/tips/{id}"),
        "/api/v1/varsler".into(),
        format!("/api/v1/cases/{id}"),
        format!("/varsle/kvittering?saksnummer={reference}"),
        format!("/varsle/kvittering?saksnummer={reference}&signatur=AAAA"),
        format!("/api/v1/interpreters/{number}"),
        format!("/tolk/{number}"),
        format!("/api/v1/search?name={number}"),
    ] {
        let r = site.get(&path).await;
        assert!(
            r.status == StatusCode::NOT_FOUND || r.status == StatusCode::OK,
            "{path}: {}",
            r.status
        );
        for secret in ["legetimen", REPORTER, EMAIL, "Haukeland"] {
            assert!(!r.body.contains(secret), "{path} shows {secret}");
        }
        if r.status == StatusCode::OK {
            assert!(!r.body.contains(&reference), "{path} shows the case");
        }
    }
    let api = site.get("/api/openapi.json").await;
    let paths = serde_json::from_str::<serde_json::Value>(&api.body).unwrap()["paths"].clone();
    for p in paths.as_object().unwrap().keys() {
        assert!(
            !p.contains("tip") && !p.contains("varsel") && !p.contains("case"),
            "{p}"
        );
    }
}
tip_story!(no_case_data, no_public_route_reaches_case_data);

/// A service without a tip intake says it cannot take tips (503), keeping any text sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_intake_the_form_says_tips_cannot_be_received() {
    let f = common::sqlite().await;
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::start(f.store.clone(), dir.path()).unwrap();
    let app = router(state);
    let get = app
        .clone()
        .oneshot(Request::get("/varsle").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(get.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = String::from_utf8_lossy(&get.into_body().collect().await.unwrap().to_bytes()).into_owned();
    assert!(body.contains("Vi kan ikke ta imot varsler akkurat nå"), "{body}");
    let post = app
        .oneshot(
            Request::post("/varsle")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("account=Det+skjedde+noe&action=send"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = String::from_utf8_lossy(&post.into_body().collect().await.unwrap().to_bytes()).into_owned();
    assert!(body.contains("Det skjedde noe"), "text kept");
    assert!(body.contains("Vi kan ikke ta imot varsler akkurat nå"));
}

/// Two public replicas on one register (behind a load balancer): a form sent through one and
/// sent again through the other files one tip, and both answer with the same receipt. The
/// double-send memory lives in the database, not in either process.
async fn a_form_sent_through_two_replicas_files_one_tip(site: Site) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::start_with_tips(site.store.clone(), dir.path(), site.key.sealing_key()).unwrap();
    for _ in 0..300 {
        if state.ready() && state.index.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let other = Site {
        store: site.store.clone(),
        key: site.key.clone(),
        app: router(state),
        listed: site.listed,
        other_listed: site.other_listed,
        unlisted: site.unlisted,
        _index: dir,
    };
    let form = valid(&site.listed.to_string(), &site.token().await);
    let first = site.post("/varsle", &refs(&form)).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let again = other.post("/varsle", &refs(&form)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(
        again.location(),
        first.location(),
        "the same receipt from the other replica"
    );
    assert_eq!(site.stored().await, 1, "one tip, not two");
}

tip_story!(two_replicas, a_form_sent_through_two_replicas_files_one_tip);
