//! The public site and API over HTTP, in process, on the fixture register: every page, the JSON
//! API and its OpenAPI document, 400s with messages for bad input, escaping of echoed input,
//! security headers, and the three languages.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use public_web::{AppState, router};
use register::generator::Options;
use register::{InterpreterRecord, Timestamp};
use search::{PublicInterpreter, SearchIndex};
use tower::ServiceExt;

struct Fixture {
    records: Vec<InterpreterRecord>,
    public: Vec<PublicInterpreter>,
    index: Arc<SearchIndex>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let day = Timestamp::now().date();
        let (records, index) = SearchIndex::generated(Options::default(), day, None).unwrap();
        let public = PublicInterpreter::listed(&records, day);
        Fixture {
            records,
            public,
            index: Arc::new(index),
        }
    })
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(path: &str) -> Answer {
    get_with(path, &[]).await
}

async fn get_with(path: &str, headers: &[(&str, &str)]) -> Answer {
    let app = router(AppState::with_index(fixture().index.clone()));
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn json(a: &Answer) -> serde_json::Value {
    serde_json::from_str(&a.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", a.body))
}

#[tokio::test]
async fn json_search_answers_with_results_and_facets() {
    let a = get("/api/v1/search?language=arabsik&category=C&mode=telephone,video&per_page=5").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let v = json(&a);
    assert_eq!(v["language"]["code"], "ARB");
    assert_eq!(v["language"]["exact"], false);
    assert!(v["total"].as_u64().unwrap() > 5);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    for r in results {
        let arb = r["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["language"] == "ARB")
            .unwrap();
        assert!(["A", "B", "C"].contains(&arb["category"].as_str().unwrap()));
        let modes = r["work_modes"].as_array().unwrap();
        assert!(modes.iter().any(|m| m == "telephone" || m == "video"));
        assert!(r.get("national_id").is_none());
    }
    assert_eq!(v["facets"]["categories"].as_array().unwrap().len(), 5);
    assert_eq!(v["facets"]["counties"].as_array().unwrap().len(), 15);
    assert_eq!(a.headers["content-type"], "application/json");
}

#[tokio::test]
async fn bad_parameters_get_400_with_a_message_naming_the_problem() {
    for (path, needle) in [
        ("/api/v1/search?category=F", "kategori"),
        ("/api/v1/search?county=30", "fylke"),
        ("/api/v1/search?mode=fax", "arbeidsform"),
        ("/api/v1/search?kind=robot", "type tolk"),
        ("/api/v1/search?gender=x", "kjønn"),
        ("/api/v1/search?availability=always", "tilgjengelighet"),
        ("/api/v1/search?page=0", "høyst 100"),
        ("/api/v1/search?per_page=1000", "høyst 100"),
        ("/api/v1/search?page=abc", "side"),
        ("/api/v1/verify/12ab", "tolkenummer"),
        ("/api/v1/interpreters/0", "tolkenummer"),
        ("/api/v1/languages/12", "språkkode"),
    ] {
        let a = get(path).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{path}: {}", a.body);
        let msg = json(&a)["detail"].as_str().unwrap().to_lowercase();
        assert!(msg.contains(needle), "{path}: {msg}");
    }
    // A language nobody recognises is a well-formed request naming nothing that exists.
    let a = get("/api/v1/search?language=qqqqqqqq").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.body);
    assert!(json(&a)["detail"].as_str().unwrap().contains("fant ikke språket"));
    let page = get("/sok?county=30").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("er ikke en gyldig verdi for fylke"), "{}", page.body);
    let page = get("/sok?language=klingonsk").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("Vi fant ikke språket «klingonsk»"));
}

#[tokio::test]
async fn interpreter_verify_and_languages_endpoints() {
    let f = fixture();
    let p = &f.public[3];
    let a = get(&format!("/api/v1/interpreters/{}", p.number)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(json(&a)["name"], p.name.as_str());
    let v = json(&get(&format!("/api/v1/verify/{}", p.number)).await);
    assert_eq!(v["listed"], true);
    assert_eq!(v["entries"].as_array().unwrap().len(), p.entries.len());

    let hidden = f
        .records
        .iter()
        .find(|r| !r.is_listed_on(Timestamp::now().date()))
        .unwrap();
    let v = json(&get(&format!("/api/v1/verify/{}", hidden.number)).await);
    assert_eq!(v["listed"], false);
    assert!(v["name"].is_null() && v["entries"].as_array().unwrap().is_empty());
    assert_eq!(
        get(&format!("/api/v1/interpreters/{}", hidden.number)).await.status,
        StatusCode::NOT_FOUND
    );

    let langs = json(&get("/api/v1/languages").await);
    let arb = langs.as_array().unwrap().iter().find(|l| l["code"] == "ARB").unwrap();
    assert_eq!(arb["names"]["en"], "Arabic");
    assert!(arb["interpreters"]["total"].as_u64().unwrap() > 100);
    let hbs = json(&get("/api/v1/languages/hbs").await);
    assert!(hbs["members"].as_array().unwrap().iter().any(|m| m == "kroatisk"));
    assert_eq!(get("/api/v1/languages/XQZ").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn openapi_document_describes_every_endpoint() {
    let a = get("/api/openapi.json").await;
    assert_eq!(a.status, StatusCode::OK);
    let v = json(&a);
    assert!(v["openapi"].as_str().unwrap().starts_with('3'));
    for path in [
        "/api/v1/search",
        "/api/v1/interpreters/{number}",
        "/api/v1/verify/{number}",
        "/api/v1/languages",
        "/api/v1/languages/{code}",
    ] {
        assert!(v["paths"].get(path).is_some(), "{path} missing");
    }
    let params: Vec<&str> = v["paths"]["/api/v1/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "language",
        "category",
        "county",
        "gender",
        "mode",
        "availability",
        "kind",
        "name",
        "page",
        "per_page",
    ] {
        assert!(params.contains(&name), "{name} not documented");
    }
    assert!(v["components"]["schemas"].get("SearchResponse").is_some());
}

#[tokio::test]
async fn every_page_renders_with_one_heading_in_the_asked_language() {
    let f = fixture();
    let p = &f.public[0];
    let pages = [
        "/".to_string(),
        "/sok?language=arabisk".into(),
        format!("/tolk/{}", p.number),
        "/sprak".into(),
        "/sprak/ARB".into(),
        "/kontroller".into(),
        format!("/kontroller?nummer={}", p.number),
        "/hjelp".into(),
        "/tilgjengelighet".into(),
        "/om".into(),
        "/kontakt".into(),
        "/personvern".into(),
        "/veileder".into(),
    ];
    for path in &pages {
        for (lang, marker) in [
            ("nb", "Nasjonalt tolkeregister"),
            ("nn", "Nasjonalt tolkeregister"),
            ("en", "National Register of Interpreters"),
        ] {
            let sep = if path.contains('?') { '&' } else { '?' };
            let a = get(&format!("{path}{sep}lang={lang}")).await;
            assert_eq!(a.status, StatusCode::OK, "{path} {lang}");
            assert!(a.body.contains(&format!("<html lang=\"{lang}\"")), "{path} {lang}");
            assert!(a.body.contains(marker), "{path} {lang}");
            assert_eq!(a.body.matches("<h1").count(), 1, "{path} {lang}: one h1");
            assert!(!a.body.contains("<script"), "{path}: no scripts");
        }
    }
    let nn = get("/?lang=nn").await.body;
    assert!(nn.contains("Finn ein kvalifisert tolk"));
    let en = get("/sok?language=farsi&lang=en").await.body;
    assert!(en.contains("interpreters for Persian"), "{en}");
    // Links keep the chosen language.
    assert!(en.contains("/sprak?lang=en"));
}

#[tokio::test]
async fn interpreter_page_shows_public_fields_only() {
    let f = fixture();
    let day = Timestamp::now().date();
    let r = f
        .records
        .iter()
        .find(|r| r.is_listed_on(day) && r.profile.address.is_some() && !r.profile.address_public);
    let r = r.unwrap_or_else(|| f.records.iter().find(|r| r.is_listed_on(day)).unwrap());
    let a = get(&format!("/tolk/{}", r.number)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains(&r.profile.family_name));
    assert!(a.body.contains(&r.profile.email));
    assert!(!a.body.contains(r.profile.national_id.expose()));
    if let Some(addr) = r.profile.address.as_ref().filter(|_| !r.profile.address_public) {
        assert!(!a.body.contains(&addr.street), "private address shown");
    }
    assert_eq!(get("/tolk/12ab").await.status, StatusCode::BAD_REQUEST);
    let hidden = f.records.iter().find(|r| !r.is_listed_on(day)).unwrap();
    let a = get(&format!("/tolk/{}", hidden.number)).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(!a.body.contains(&hidden.profile.family_name));
}

#[tokio::test]
async fn verify_page_says_listed_or_not() {
    let f = fixture();
    let day = Timestamp::now().date();
    let listed = &f.public[5];
    let a = get(&format!("/kontroller?nummer={}", listed.number)).await;
    assert!(
        a.body
            .contains(&format!("Tolk {} er oppført i registeret", listed.number))
    );
    assert!(a.body.contains(&listed.name));
    let hidden = f.records.iter().find(|r| !r.is_listed_on(day)).unwrap();
    let a = get(&format!("/kontroller?nummer={}", hidden.number)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("er ikke oppført i registeret i dag"));
    assert!(!a.body.contains(&hidden.profile.family_name));
    let a = get("/kontroller?nummer=007").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("ikke et gyldig tolkenummer"));
    assert!(a.body.contains("aria-invalid=\"true\""));
}

#[tokio::test]
async fn zero_results_suggest_a_lower_category_other_counties_and_remote_work() {
    // A county where nobody interprets Somali on site at category A, but some do at a lower one.
    let f = fixture();
    let somali: register::LanguageCode = "SOM".parse().unwrap();
    let county = register::CountyCode::all()
        .find(|c| {
            let q = search::Query {
                min_category: Some(register::Category::A),
                counties: vec![*c],
                modes: vec![search::WorkMode::OnSite],
                ..search::Query::language(somali)
            };
            let r = f.index.search(&q).unwrap();
            r.total == 0 && r.facets.categories.iter().any(|(_, n)| *n > 0)
        })
        .expect("a county without category-A Somali interpreters on site");
    let a = get(&format!("/sok?language=somali&category=A&county={county}&mode=on_site")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("Ingen tolker passet søket"), "{}", a.body);
    assert!(a.body.contains("Ta med kategori"), "lower category suggested");
    assert!(a.body.contains("Tolk på telefon eller video"), "remote work suggested");
    assert!(a.body.contains("Tolker i andre fylker"), "other counties suggested");
    assert!(a.body.contains("Fjern alle filtre"));
}

#[tokio::test]
async fn results_page_pages_and_orders() {
    let a = get("/sok?language=arabisk&per_page=10").await;
    assert!(a.body.contains("rel=\"next\""));
    assert!(a.body.contains("aria-current=\"true\""));
    let second = get("/sok?language=arabisk&per_page=10&page=2").await;
    assert!(second.body.contains("rel=\"prev\""));
    assert!(second.body.contains("start=\"11\""));
    assert!(get("/sok?language=arabisk&page=9999").await.status == StatusCode::BAD_REQUEST);
    // A name instead of a code on the language page redirects.
    let r = get("/sprak/persisk").await;
    assert_eq!(r.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(r.headers["location"], "/sprak/PES");
    // A name several languages share goes to the search, which names them all.
    let r = get("/sprak/kurdisk?lang=nn").await;
    assert_eq!(r.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(r.headers["location"], "/sok?language=kurdisk&lang=nn");
}

/// The text of the page's `h1` (without the line-break hints after slashes).
fn heading(body: &str) -> String {
    let start = body.find("<h1").expect("a heading");
    let text = &body[start..];
    let text = &text[text.find('>').unwrap() + 1..text.find("</h1>").unwrap()];
    text.replace("<wbr>", "")
}

fn listed_in(languages: &[&str]) -> usize {
    let codes: Vec<register::LanguageCode> = languages.iter().map(|c| c.parse().unwrap()).collect();
    fixture()
        .public
        .iter()
        .filter(|p| p.entries.iter().any(|e| codes.contains(&e.language)))
        .count()
}

#[tokio::test]
async fn a_name_several_languages_share_searches_them_all_and_offers_each() {
    let n = listed_in(&["CKB", "KMR"]);
    assert!(n > listed_in(&["CKB"]) && n > listed_in(&["KMR"]));
    for (lang, heading_text, note, choose) in [
        (
            "nb",
            format!("{n} tolker i sorani eller kurmanji/badini"),
            "«kurdisk» kan bety flere språk i registeret. Vi viser tolker i alle: sorani og kurmanji/badini.",
            "Mente du:",
        ),
        (
            "nn",
            format!("{n} tolkar i sorani eller kurmanji/badini"),
            "«kurdisk» kan tyde fleire språk i registeret. Vi viser tolkar i alle: sorani og kurmanji/badini.",
            "Meinte du:",
        ),
        (
            "en",
            format!("{n} interpreters for Sorani Kurdish or Kurmanji/Badini"),
            "“kurdisk” can mean more than one language in the register. Showing interpreters for all of them: Sorani Kurdish and Kurmanji/Badini.",
            "Did you mean:",
        ),
    ] {
        let a = get(&format!("/sok?language=kurdisk&lang={lang}")).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(heading(&a.body), heading_text, "{lang}");
        assert!(a.body.contains(note), "{lang}: {}", a.body);
        assert!(a.body.contains(choose), "{lang}");
        let suffix = if lang == "nb" {
            String::new()
        } else {
            format!("&amp;lang={lang}")
        };
        for code in ["CKB", "KMR"] {
            assert!(
                a.body.contains(&format!("href=\"/sok?language={code}{suffix}\"")),
                "{lang}: no link to {code}"
            );
        }
    }
    // Each choice searches one language and says nothing more.
    let sorani = get("/sok?language=CKB").await;
    assert_eq!(
        heading(&sorani.body),
        format!("{} tolker i sorani", listed_in(&["CKB"]))
    );
    assert!(!sorani.body.contains("kan bety"));
    // "samisk" means the three Sami register languages.
    let sami = get("/sok?language=samisk").await;
    assert!(
        heading(&sami.body).ends_with("tolker i sørsamisk, nordsamisk eller lulesamisk"),
        "{}",
        heading(&sami.body)
    );
    // A shared name that is one language's own: that language, and the other offered.
    let persian = get("/sok?language=persisk").await;
    assert_eq!(
        heading(&persian.body),
        format!("{} tolker i persisk", listed_in(&["PES"]))
    );
    assert!(
        persian
            .body
            .contains("Vi viser tolker i persisk. «persisk» kan også bety dari.")
    );
    assert!(persian.body.contains("href=\"/sok?language=PRS\""));
    // The JSON API says what it searched and what the name may also mean.
    let v = json(&get("/api/v1/search?language=kurdisk").await);
    assert_eq!(v["total"], n);
    assert_eq!(v["language"]["codes"], serde_json::json!(["CKB", "KMR"]));
    let v = json(&get("/api/v1/search?language=dari").await);
    assert_eq!(v["language"]["codes"], serde_json::json!(["PRS"]));
    assert_eq!(v["language"]["may_also_mean"], serde_json::json!(["PES"]));
    let v = json(&get("/api/v1/search?language=arabisk").await);
    assert_eq!(v["language"]["codes"], serde_json::json!(["ARB"]));
    assert_eq!(v["language"]["may_also_mean"], serde_json::json!([]));
}

#[tokio::test]
async fn the_heading_names_the_active_filters_and_each_can_be_removed() {
    let a = get("/sok?language=arabisk&county=03&category=C&mode=telephone").await;
    let h = heading(&a.body);
    assert!(
        h.ends_with("tolker i arabisk i Oslo, kategori C eller høyere, arbeidsform: telefon"),
        "{h}"
    );
    for (label, without) in [
        ("Oslo", "/sok?language=arabisk&amp;category=C&amp;mode=telephone"),
        (
            "kategori C eller høyere",
            "/sok?language=arabisk&amp;county=03&amp;mode=telephone",
        ),
        (
            "arbeidsform: telefon",
            "/sok?language=arabisk&amp;category=C&amp;county=03",
        ),
    ] {
        let link = format!("href=\"{without}\"><span class=\"ds-sr-only\">Fjern filteret </span>{label}");
        assert!(a.body.contains(&link), "no remove link for {label}: {}", a.body);
    }
    let en = get("/sok?language=arabisk&county=46&lang=en").await;
    assert!(
        heading(&en.body).ends_with("interpreters for Arabic in Vestland"),
        "{}",
        heading(&en.body)
    );
    // Without filters there is nothing to remove, and the summary still links to the form.
    let plain = get("/sok?language=arabisk").await;
    assert!(!plain.body.contains("active-filters"));
    assert!(plain.body.contains("Søk: arabisk"));
    assert!(plain.body.contains("href=\"#change-search\""));
}

#[tokio::test]
async fn echoed_input_is_escaped() {
    let evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E";
    for path in [
        format!("/sok?language={evil}"),
        format!("/sok?language=arabisk&name={evil}"),
        format!("/kontroller?nummer={evil}"),
        format!("/tolk/{evil}"),
        format!("/sprak/{evil}"),
        format!("/finnes-ikke?lang={evil}"),
        format!("/sok?language=arabisk&lang=en&x={evil}"),
    ] {
        let a = get(&path).await;
        assert!(
            !a.body.contains("<script>alert"),
            "{path}: unescaped script\n{}",
            a.body
        );
        assert!(!a.body.contains("<img src=x"), "{path}: unescaped tag");
        assert!(!a.body.contains("\"><img"), "{path}: broke out of an attribute");
    }
    let a = get(&format!("/sok?language={evil}")).await;
    assert!(
        a.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the input is shown, escaped"
    );
    let api = get(&format!("/api/v1/search?language={evil}")).await;
    assert_eq!(api.headers["content-type"], "application/problem+json");
}

#[tokio::test]
async fn security_headers_on_pages_api_and_assets() {
    for path in [
        "/",
        "/sok?language=arabisk",
        "/api/v1/search?language=arb",
        "/assets/site.css",
        "/finnes-ikke",
    ] {
        let a = get(path).await;
        let csp = a.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("unsafe"),
            "{path}: {csp}"
        );
        assert_eq!(a.headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(a.headers["referrer-policy"], "no-referrer", "{path}");
    }
    let css = get("/assets/designsystemet/designsystemet.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.headers["content-type"].to_str().unwrap().starts_with("text/css"));
    assert!(css.body.contains(".ds-button"));
}

#[tokio::test]
async fn unknown_paths_get_a_404_page_or_json() {
    let a = get("/finnes-ikke").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.body.contains("Fant ikke siden"));
    let a = get("/api/v1/finnes-ikke").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(json(&a)["code"], "not-found");
    let ok = get("/healthz").await;
    assert_eq!(ok.status, StatusCode::OK);
    let ready = get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
}

/// HSTS: behind a trusted TLS proxy the header goes out on requests the proxy got over HTTPS
/// (and only those); with `TOLKEREGISTER_HSTS` set it goes out on every response; by default
/// never, so a plain-HTTP test setup is not pinned to HTTPS.
#[tokio::test]
async fn strict_transport_security_is_sent_when_the_service_is_reached_over_https() {
    let hsts_of = async |hsts: throttle::Hsts, proto: Option<&str>| {
        let app = router(AppState::with_index(fixture().index.clone()).with_hsts(hsts));
        let mut req = Request::get("/hjelp");
        if let Some(p) = proto {
            req = req.header("x-forwarded-proto", p);
        }
        let response = app.oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
        response
            .headers()
            .get("strict-transport-security")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let behind_proxy = throttle::Hsts::configure(None, true).unwrap();
    assert_eq!(
        hsts_of(behind_proxy.clone(), Some("https")).await.as_deref(),
        Some(throttle::DEFAULT_POLICY)
    );
    assert_eq!(hsts_of(behind_proxy, Some("http")).await, None);
    let untrusted = throttle::Hsts::configure(None, false).unwrap();
    assert_eq!(
        hsts_of(untrusted, Some("https")).await,
        None,
        "anyone can send the header"
    );
    let configured = throttle::Hsts::configure(Some("max-age=31536000"), false).unwrap();
    assert_eq!(hsts_of(configured, None).await.as_deref(), Some("max-age=31536000"));
}

/// Every `href` in `body`.
fn hrefs(body: &str) -> Vec<&str> {
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[tokio::test]
async fn links_built_from_the_request_path_stay_on_this_site() {
    // Browsers read `//host` and `/\host` as another site; the language links once echoed them.
    for (path, status) in [
        ("//evil.example/x", StatusCode::NOT_FOUND),
        ("/\\evil.example", StatusCode::NOT_FOUND),
        ("///evil.example/x?lang=nn", StatusCode::NOT_FOUND),
        ("/\\/evil.example", StatusCode::NOT_FOUND),
        ("//evil.example/x?lang=en&language=arabisk", StatusCode::NOT_FOUND),
        ("/sok?language=arabisk&lang=nn", StatusCode::OK),
        ("/kontroller?number=10001", StatusCode::OK),
        ("/hjelp?lang=en", StatusCode::OK),
    ] {
        let a = get(path).await;
        assert_eq!(a.status, status, "{path}");
        let links = hrefs(&a.body);
        assert!(
            links.iter().filter(|h| h.contains("lang=")).count() >= 2,
            "{path}: {links:?}"
        );
        for h in links {
            let local = h.starts_with('/') && !h.starts_with("//");
            let other = h.starts_with('#') || h.starts_with("tel:") || h.starts_with("mailto:");
            assert!(
                (local || other) && !h.contains('\\'),
                "{path}: link {h} leaves the site"
            );
            assert!(
                !h.contains("evil.example") || h.starts_with("/evil.example"),
                "{path}: {h}"
            );
        }
    }
    let a = get("//evil.example/x").await;
    assert!(a.body.contains("href=\"/evil.example/x?lang=nn\""), "{}", a.body);
}

#[tokio::test]
async fn api_errors_are_problem_details_in_the_requests_language() {
    use public_web::i18n::Lang;
    let number = fixture()
        .records
        .iter()
        .find(|r| !r.is_listed_on(Timestamp::now().date()))
        .unwrap()
        .number;
    type Title = fn(Lang) -> &'static str;
    let cases: Vec<(String, StatusCode, &str, Title)> = vec![
        (
            "/api/v1/search?county=30".into(),
            StatusCode::BAD_REQUEST,
            "invalid-parameter",
            |l| l.texts().problems.invalid_parameter,
        ),
        (
            "/api/v1/search?per_page=0".into(),
            StatusCode::BAD_REQUEST,
            "page-out-of-range",
            |l| l.texts().problems.page_range,
        ),
        (
            "/api/v1/verify/0".into(),
            StatusCode::BAD_REQUEST,
            "invalid-interpreter-number",
            |l| l.texts().problems.invalid_number,
        ),
        (
            "/api/v1/languages/a1".into(),
            StatusCode::BAD_REQUEST,
            "invalid-language-code",
            |l| l.texts().problems.invalid_language_code,
        ),
        (
            "/api/v1/search?language=qqqqqqqq".into(),
            StatusCode::NOT_FOUND,
            "unknown-language",
            |l| l.texts().problems.unknown_language,
        ),
        (
            format!("/api/v1/interpreters/{number}"),
            StatusCode::NOT_FOUND,
            "interpreter-not-found",
            |l| l.texts().problems.interpreter_not_found,
        ),
        (
            "/api/v1/languages/XQZ".into(),
            StatusCode::NOT_FOUND,
            "language-not-found",
            |l| l.texts().problems.language_not_found,
        ),
        ("/api/v1/finnes-ikke".into(), StatusCode::NOT_FOUND, "not-found", |l| {
            l.texts().problems.not_found
        }),
    ];
    // (query addition, Accept-Language, expected language)
    let asks: [(&str, Option<&str>, Lang); 6] = [
        ("", None, Lang::Nb),
        ("lang=nn", None, Lang::Nn),
        ("lang=en", Some("nn"), Lang::En),
        ("", Some("nn-NO,nn;q=0.9,en;q=0.5"), Lang::Nn),
        ("", Some("de, en-GB;q=0.8"), Lang::En),
        ("", Some("fr"), Lang::Nb),
    ];
    for (path, status, code, title) in &cases {
        let mut details = Vec::new();
        for (extra, accept, lang) in asks {
            let url = match (extra, path.contains('?')) {
                ("", _) => path.clone(),
                (e, true) => format!("{path}&{e}"),
                (e, false) => format!("{path}?{e}"),
            };
            let headers: Vec<(&str, &str)> = accept.map(|a| ("accept-language", a)).into_iter().collect();
            let a = get_with(&url, &headers).await;
            assert_eq!(a.status, *status, "{url}: {}", a.body);
            assert_eq!(a.headers["content-type"], "application/problem+json", "{url}");
            assert_eq!(a.headers["content-language"], lang.code(), "{url} {accept:?}");
            let v = json(&a);
            assert_eq!(v["type"], format!("urn:tolkeregister:problem:{code}"), "{url}");
            assert_eq!(v["code"], *code);
            assert_eq!(v["status"], status.as_u16());
            assert_eq!(v["title"], title(lang), "{url} {accept:?}");
            let detail = v["detail"].as_str().unwrap().to_string();
            assert!(!detail.is_empty() && v["error"] == detail.as_str(), "{url}");
            details.push(detail);
        }
        // Bokmål, nynorsk and English details differ from each other.
        assert!(
            details[0] != details[2] && details[1] != details[2],
            "{path}: {details:?}"
        );
    }
    let unknown = json(&get("/api/v1/search?language=arabsk-x&lang=en").await);
    assert!(unknown["detail"].as_str().unwrap().contains("arabsk-x"), "{unknown}");
    // An answer language the API does not have is refused, not silently bokmål.
    let a = get_with("/api/v1/search?lang=de", &[("accept-language", "en")]).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let v = json(&a);
    assert_eq!(
        (v["code"].as_str(), v["title"].as_str()),
        (Some("invalid-parameter"), Some("Invalid parameter"))
    );
    // Successful answers are unchanged by the language.
    assert_eq!(get("/api/v1/search?language=arb&lang=en").await.status, StatusCode::OK);
}

/// `value` percent-encoded for a URL (every byte but ASCII letters and digits).
fn encoded(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Whether the document's `schema` allows `value` (the parts of JSON Schema it uses).
fn allowed(schema: &serde_json::Value, value: &str) -> bool {
    if let Some(values) = schema["enum"].as_array() {
        return values.iter().any(|v| v == value);
    }
    if schema["type"] == "integer" {
        let Ok(n) = value.parse::<i64>() else { return false };
        let above = schema["minimum"].as_i64().is_none_or(|m| n >= m);
        let below = schema["maximum"].as_i64().is_none_or(|m| n <= m);
        return above && below && !value.starts_with('+');
    }
    schema["pattern"]
        .as_str()
        .is_none_or(|p| regex::Regex::new(p).unwrap().is_match(value))
}

#[tokio::test]
async fn openapi_document_states_the_constraints_the_server_enforces() {
    let doc = json(&get("/api/openapi.json").await);
    let probes = [
        "",
        "0",
        "-1",
        "1",
        "20",
        "100",
        "101",
        "9999",
        "10000",
        "10001",
        "10001x",
        "0123",
        " 1",
        "1 ",
        "12345678",
        "9999999",
        "1.5",
        "ARB",
        "arb",
        "ar",
        "ARBX",
        "A",
        "c",
        "F",
        "03",
        "3",
        "03,46",
        " 03 , 46",
        "30",
        "03;46",
        "female",
        "x",
        "telephone,video",
        "fax",
        "on_site",
        "spoken",
        "robot",
        "full_time",
        "always",
        "nb",
        "nn",
        "en",
        "de",
        "<script>",
        "\u{202e}",
        "arabisk",
    ];
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let op = &item["get"];
        for p in op["parameters"].as_array().unwrap() {
            let name = p["name"].as_str().unwrap();
            let schema = &p["schema"];
            assert!(schema.is_object(), "{path} {name}: no schema");
            let constrained = ["pattern", "minimum", "maximum", "enum"]
                .iter()
                .any(|k| schema.get(*k).is_some());
            let free_text = matches!(name, "language" | "name");
            assert!(
                constrained || free_text,
                "{path} {name}: the document states no constraint"
            );
            for probe in probes {
                let in_path = p["in"] == "path";
                if in_path && probe.is_empty() {
                    continue;
                }
                let url = if in_path {
                    path.replace(&format!("{{{name}}}"), &encoded(probe))
                } else {
                    let base = path.replace("{number}", "10001").replace("{code}", "ARB");
                    format!("{base}?{name}={}", encoded(probe))
                };
                let a = get(&url).await;
                let refused = a.status == StatusCode::BAD_REQUEST;
                assert_eq!(
                    refused,
                    !allowed(schema, probe),
                    "{url}: the document says {} but the server answered {}: {}",
                    if allowed(schema, probe) { "valid" } else { "invalid" },
                    a.status,
                    a.body
                );
                assert!(!a.status.is_server_error(), "{url}");
                checked += 1;
            }
        }
        // Every error the operation documents is problem details.
        for (status, response) in op["responses"].as_object().unwrap() {
            if !status.starts_with('2') {
                let content = &response["content"]["application/problem+json"]["schema"]["$ref"];
                assert_eq!(content, "#/components/schemas/Problem", "{path} {status}");
            }
        }
    }
    assert!(checked > 500, "{checked}");
    // The two the issue found: allowed by the old document, refused by the server.
    let search = &doc["paths"]["/api/v1/search"]["get"]["parameters"];
    let per_page = search
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "per_page")
        .unwrap();
    assert_eq!(
        (
            per_page["schema"]["minimum"].as_i64(),
            per_page["schema"]["maximum"].as_i64()
        ),
        (Some(1), Some(100))
    );
    assert!(!allowed(
        &doc["paths"]["/api/v1/verify/{number}"]["get"]["parameters"][0]["schema"],
        "0"
    ));
    // Pages past the first 10 000 results are empty, not refused: the document cannot say
    // "page × per_page ≤ 10 000".
    let deep = get("/api/v1/search?page=10000&per_page=100").await;
    assert_eq!(deep.status, StatusCode::OK, "{}", deep.body);
    let v = json(&deep);
    assert!(v["results"].as_array().unwrap().is_empty() && v["total"].as_u64().unwrap() > 0);
    let codes = &doc["components"]["schemas"]["Problem"]["properties"]["code"]["enum"];
    assert!(codes.as_array().unwrap().len() >= 10, "{codes}");
}

/// The verify page says since when each entry has been listed, as Norwegian running text
/// writes dates, and so does the date of the check; the JSON API gives the ISO date.
#[tokio::test]
async fn verify_page_says_since_when_each_entry_is_listed() {
    let f = fixture();
    let day = Timestamp::now().date();
    let p = f
        .public
        .iter()
        .find(|p| p.entries.iter().all(|e| e.listed_since.is_some()) && p.entries.len() > 1)
        .expect("an interpreter listed in two languages, with history");
    let record = f.records.iter().find(|r| r.number == p.number).unwrap();
    let a = get(&format!("/kontroller?nummer={}", p.number)).await;
    assert!(a.body.contains("<th scope=\"col\">Oppført</th>"), "{}", a.body);
    for e in &p.entries {
        let since = record.listed_since(e.language, day).unwrap();
        assert_eq!(e.listed_since, Some(since));
        let months = [
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
        let nb = format!(
            "Oppført siden {}. {} {}",
            since.day(),
            months[since.month() as usize - 1],
            since.year()
        );
        assert!(a.body.contains(&nb), "no «{nb}»");
        let nn = get(&format!("/kontroller?nummer={}&lang=nn", p.number)).await.body;
        assert!(nn.contains(&nb.replace("siden", "sidan")), "nynorsk");
        let v = json(&get(&format!("/api/v1/verify/{}", p.number)).await);
        let entry = v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["language"] == e.language.as_str())
            .unwrap()
            .clone();
        assert_eq!(entry["listed_since"], since.to_string());
    }
    let en = get(&format!("/kontroller?nummer={}&lang=en", p.number)).await.body;
    assert!(en.contains("Listed since "), "{en}");
    // The check's own date is running text too, not ISO.
    assert!(
        !a.body.contains(&format!("Kontrollert {day}")),
        "ISO date in running text"
    );
    assert!(a.body.contains(&format!("Kontrollert {}. ", day.day())));
    assert!(en.contains(&format!("Checked on {} ", day.day())));
    // The interpreter page has no such column.
    assert!(!get(&format!("/tolk/{}", p.number)).await.body.contains("Oppført siden"));
}

/// No raw codes (`speech_to_text`, `deafblind`, `full_time`…) in what the pages say: only as
/// form values and in URLs.
#[tokio::test]
async fn pages_never_show_raw_codes() {
    let f = fixture();
    let kinds = f
        .public
        .iter()
        .find(|p| p.entries.iter().any(|e| e.kind != register::LanguageKind::Spoken));
    let mut pages = vec![
        "/".to_string(),
        "/sok?language=arabisk&kind=speech_to_text&mode=video&availability=full_time&gender=female".into(),
        "/sok?language=norsk+tegnspråk".into(),
        "/sprak".into(),
        "/hjelp".into(),
    ];
    if let Some(p) = kinds {
        pages.push(format!("/tolk/{}", p.number));
        pages.push(format!("/kontroller?nummer={}", p.number));
    }
    for path in pages {
        let body = get(&path).await.body;
        // Text between tags only: attribute values may hold codes.
        let mut text = String::new();
        let mut inside = false;
        for c in body.chars() {
            match c {
                '<' => inside = true,
                '>' => {
                    inside = false;
                    text.push(' ');
                }
                c if !inside => text.push(c),
                _ => {}
            }
        }
        for code in [
            "speech_to_text",
            "deafblind",
            "full_time",
            "part_time",
            "occasional",
            "on_site",
            "telephone",
            "unspecified",
            "no_basis",
            "excluded_permanently",
        ] {
            assert!(!text.contains(code), "{path}: «{code}» shown");
        }
    }
}

/// The about page, IMDi's contact details, the privacy statement and the guide for public
/// bodies, each in bokmål, nynorsk and English, with what each must say.
#[tokio::test]
async fn about_contact_privacy_and_guide_pages_in_three_languages() {
    let address = ["Postboks 2832 Tøyen", "0608 Oslo", "post@imdi.no", "24 16 88 00"];
    let cases: [(&str, &str, &[&str]); 12] = [
        (
            "/om",
            "nb",
            &[
                "<h1 class=\"ds-heading\" data-size=\"lg\">Om Nasjonalt tolkeregister",
                "tolkeloven",
                "§ 17",
                "IMDi",
            ],
        ),
        ("/om", "nn", &["Kven som driv registeret", "tolkelova", "§ 17"]),
        (
            "/om",
            "en",
            &["Who runs the register", "Interpreting Act", "section 17"],
        ),
        (
            "/kontakt",
            "nb",
            &[
                "Kontakt IMDi",
                "Sentralbord",
                "hovedkontakt",
                "href=\"mailto:post@imdi.no\"",
                "href=\"tel:+4724168800\"",
            ],
        ),
        ("/kontakt", "nn", &["Sentralbord", "hovudkontakten"]),
        ("/kontakt", "en", &["Switchboard", "main contact", "Postal address"]),
        (
            "/personvern",
            "nb",
            &[
                "Personvernerklæring",
                "Behandlingsansvarlig",
                "artikkel 6 nr. 1 bokstav e",
                "Datatilsynet",
                "partssammensatte utvalget",
                "uten opplysninger om hvem som varslet",
                "arkivloven",
                "Rettighetene dine",
            ],
        ),
        (
            "/personvern",
            "nn",
            &[
                "Behandlingsansvarleg",
                "artikkel 6 nr. 1 bokstav e",
                "Datatilsynet",
                "Rettane dine",
            ],
        ),
        (
            "/personvern",
            "en",
            &[
                "Privacy statement",
                "Controller",
                "Article 6(1)(e)",
                "Datatilsynet",
                "without the reporter's identity",
            ],
        ),
        (
            "/veileder",
            "nb",
            &[
                "Veileder for offentlige organer",
                "tolkeloven § 6",
                "tolkeloven § 7",
                "Unntak",
                "tolkeformidlingsbyrå",
                "kvalifiserte tolker fra registeret",
                "href=\"https://lovdata.no/lov/2021-06-11-79\"",
            ],
        ),
        (
            "/veileder",
            "nn",
            &[
                "Rettleiar for offentlege organ",
                "tolkelova § 7",
                "tolkeformidlingsbyrå",
            ],
        ),
        (
            "/veileder",
            "en",
            &["Guide for public bodies", "(section 7)", "interpreting agency"],
        ),
    ];
    for (path, lang, needles) in cases {
        let url = if lang == "nb" {
            path.to_string()
        } else {
            format!("{path}?lang={lang}")
        };
        let a = get(&url).await;
        assert_eq!(a.status, StatusCode::OK, "{url}");
        assert!(a.body.contains(&format!("<html lang=\"{lang}\"")), "{url}");
        for needle in needles {
            assert!(a.body.contains(needle), "{url}: no «{needle}»");
        }
        if matches!(path, "/kontakt" | "/personvern") {
            for part in address {
                assert!(a.body.contains(part), "{url}: no «{part}»");
            }
        }
    }
    // The English pages are English, the nynorsk ones nynorsk.
    assert!(!get("/personvern?lang=en").await.body.contains("Behandlingsansvarlig"));
    assert!(!get("/personvern?lang=nn").await.body.contains("Rettighetene dine"));
}

/// Every page has the site menu (find, verify, report, help) with the page the user is on
/// marked, and the footer links to the new pages and to the privacy statement.
#[tokio::test]
async fn the_header_menu_marks_the_current_page_and_the_footer_links_the_new_pages() {
    let menu = |body: &str| -> String {
        let start = body.find("<nav class=\"site-menu\"").expect("menu");
        let end = body[start..].find("</nav>").unwrap() + start;
        body[start..end].to_string()
    };
    for (path, current) in [
        ("/", "/"),
        ("/sok?language=arabisk", "/"),
        ("/kontroller", "/kontroller"),
        ("/hjelp", "/hjelp"),
        ("/om", ""),
    ] {
        let a = get(path).await;
        let m = menu(&a.body);
        assert!(m.contains("aria-label=\"Hovedmeny\""), "{path}");
        for (href, label) in [
            ("/", "Finn tolk"),
            ("/kontroller", "Kontroller ID-kort"),
            ("/varsle", "Varsle brudd"),
            ("/hjelp", "Hjelp"),
        ] {
            let marked = format!("href=\"{href}\" aria-current=\"page\">{label}</a>");
            let plain = format!("href=\"{href}\">{label}</a>");
            if href == current {
                assert!(m.contains(&marked), "{path}: {href} not marked: {m}");
            } else {
                assert!(m.contains(&plain), "{path}: {href} missing or marked: {m}");
            }
        }
        for href in ["/om", "/kontakt", "/personvern", "/veileder"] {
            assert!(
                a.body.contains(&format!("href=\"{href}\"")),
                "{path}: footer lacks {href}"
            );
        }
    }
    let en = menu(&get("/hjelp?lang=en").await.body);
    assert!(en.contains("href=\"/kontroller?lang=en\">Check an ID card</a>"), "{en}");
    assert!(en.contains("aria-current=\"page\">Help</a>"), "{en}");
    assert!(menu(&get("/?lang=nn").await.body).contains(">Varsle brot</a>"));
}

/// The results and the interpreter page explain the categories in a folded legend, one line
/// each, linking to the full explanation on the help page (which has that anchor).
#[tokio::test]
async fn results_and_interpreter_page_explain_the_categories() {
    let f = fixture();
    for (lang, summary, line_a) in [
        (
            "nb",
            "Hva betyr kategoriene A–E?",
            "Statsautorisert tolk med bachelorgrad i tolking.",
        ),
        (
            "nn",
            "Kva tyder kategoriane A–E?",
            "Statsautorisert tolk med bachelorgrad i tolking.",
        ),
        (
            "en",
            "What do the categories A–E mean?",
            "State-authorised interpreter with a bachelor",
        ),
    ] {
        let suffix = if lang == "nb" {
            String::new()
        } else {
            format!("lang={lang}")
        };
        for path in [
            format!("/sok?language=arabisk&{suffix}"),
            format!("/tolk/{}?{suffix}", f.public[0].number),
        ] {
            let a = get(&path).await;
            assert_eq!(a.status, StatusCode::OK, "{path}");
            let start = a
                .body
                .find("<details class=\"ds-details category-legend\"")
                .unwrap_or_else(|| panic!("{path}: no legend"));
            let legend = &a.body[start..start + a.body[start..].find("</details>").unwrap()];
            assert!(
                legend.contains(&format!("<summary>{summary}</summary>")),
                "{path}: {legend}"
            );
            assert!(legend.contains(line_a), "{path}");
            assert_eq!(legend.matches("<dt>").count(), 5, "{path}: one line per category");
            let help = if lang == "nb" {
                "/hjelp#kategorier".to_string()
            } else {
                format!("/hjelp?lang={lang}#kategorier")
            };
            assert!(legend.contains(&format!("href=\"{help}\"")), "{path}: {legend}");
        }
    }
    let help = get("/hjelp").await.body;
    assert!(help.contains("id=\"kategorier\""));
    assert!(help.contains("Tegnspråktolker kan ha kategori B, D eller E"));
    // No legend where no categories are listed.
    assert!(!get("/om").await.body.contains("category-legend"));
}
