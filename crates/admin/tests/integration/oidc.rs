//! Production sign-in through OpenID Connect, with a locally generated RSA key set: a valid
//! token works; wrong issuer, wrong audience, expiry, unknown key and an `alg` swap do not.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::common::TestApp;
use admin::auth::Authenticator;
use admin::auth::csrf::CsrfKey;
use admin::auth::oidc::{OidcSettings, OidcVerifier};
use admin::{AdminState, Settings};
use axum::http::StatusCode;
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use serde_json::json;

const ISSUER: &str = "https://login.imdi.test/realms/staff";
const AUDIENCE: &str = "tolkeregister-admin";

struct Provider {
    key: EncodingKey,
    public_pem: String,
    _dir: tempfile::TempDir,
    settings: OidcSettings,
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn provider() -> Provider {
    let private = rsa::RsaPrivateKey::new(&mut rand08::rngs::OsRng, 2048).expect("RSA key");
    let der = private.to_pkcs1_der().unwrap();
    let key = EncodingKey::from_rsa_der(der.as_bytes());
    let public_pem = private
        .to_public_key()
        .to_pkcs1_pem(rsa::pkcs8::LineEnding::LF)
        .unwrap();
    let mut jwk = Jwk::from_encoding_key(&key, Algorithm::RS256).unwrap();
    jwk.common.key_id = Some("key-1".into());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jwks.json");
    std::fs::write(&path, serde_json::to_string(&JwkSet { keys: vec![jwk] }).unwrap()).unwrap();
    Provider {
        key,
        public_pem,
        _dir: dir,
        settings: OidcSettings {
            issuer: ISSUER.into(),
            audience: AUDIENCE.into(),
            jwks_path: Some(path),
            algorithm: Algorithm::RS256,
            roles_claim: "roles".into(),
            authorize_url: Some("https://login.imdi.test/auth".into()),
            redirect_url: Some("https://admin.test/logg-inn/oidc".into()),
            min_refresh: admin::auth::oidc::DEFAULT_MIN_REFRESH,
        },
    }
}

fn claims(roles: &[&str]) -> serde_json::Value {
    json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": "f3a1", "preferred_username": "kari.nordmann",
        "name": "Kari Nordmann", "roles": roles, "iat": now(), "exp": now() + 600, "jti": format!("j-{}", now())
    })
}

impl Provider {
    fn sign(&self, claims: &serde_json::Value) -> String {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some("key-1".into());
        jsonwebtoken::encode(&header, claims, &self.key).unwrap()
    }
}

async fn app(p: &Provider) -> (TestApp, axum::Router, AdminState) {
    let base = TestApp::sqlite().await;
    let verifier = OidcVerifier::load(p.settings.clone()).await.unwrap();
    let state = AdminState::new(
        base.state.store.clone(),
        Authenticator::Oidc(verifier),
        CsrfKey::random(),
        Settings::default(),
        register::tips::ContactKey::random(),
    );
    (base, admin::router(state.clone()), state)
}

async fn status(router: &axum::Router, token: &str, path: &str) -> StatusCode {
    use tower::ServiceExt;
    let req = axum::http::Request::get(path)
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    router.clone().oneshot(req).await.unwrap().status()
}

#[tokio::test]
async fn provider_tokens_are_checked_for_issuer_audience_expiry_key_and_algorithm() {
    let p = provider();
    let (_base, router, _) = app(&p).await;
    let good = p.sign(&claims(&["caseworker"]));
    assert_eq!(status(&router, &good, "/api/v1/me").await, StatusCode::OK);
    assert_eq!(status(&router, &good, "/tolker").await, StatusCode::OK);
    assert_eq!(
        status(&router, &p.sign(&claims(&["statistician"])), "/tolker").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        status(&router, &p.sign(&claims(&["no-such-role"])), "/").await,
        StatusCode::FORBIDDEN
    );

    let mut wrong_issuer = claims(&["caseworker"]);
    wrong_issuer["iss"] = "https://evil.example".into();
    let mut wrong_audience = claims(&["caseworker"]);
    wrong_audience["aud"] = "another-client".into();
    let mut expired = claims(&["caseworker"]);
    expired["exp"] = (now() - 3600).into();
    for (what, token) in [
        ("wrong issuer", p.sign(&wrong_issuer)),
        ("wrong audience", p.sign(&wrong_audience)),
        ("expired", p.sign(&expired)),
    ] {
        assert_eq!(
            status(&router, &token, "/api/v1/me").await,
            StatusCode::UNAUTHORIZED,
            "{what}"
        );
    }

    // The classic swap: HS256 "signed" with the provider's public key as the HMAC secret.
    let mut hs = Header::new(Algorithm::HS256);
    hs.kid = Some("key-1".into());
    let swapped = jsonwebtoken::encode(
        &hs,
        &claims(&["administrator"]),
        &EncodingKey::from_secret(p.public_pem.as_bytes()),
    )
    .unwrap();
    assert_eq!(
        status(&router, &swapped, "/api/v1/me").await,
        StatusCode::UNAUTHORIZED,
        "alg swap"
    );
    // No signature at all.
    let body = good.split('.').nth(1).unwrap();
    let none = format!("{}.{body}.", base64_url(r#"{"alg":"none","typ":"JWT"}"#));
    assert_eq!(
        status(&router, &none, "/api/v1/me").await,
        StatusCode::UNAUTHORIZED,
        "alg none"
    );
    // A key the provider never published.
    let other = provider();
    assert_eq!(
        status(&router, &other.sign(&claims(&["caseworker"])), "/api/v1/me").await,
        StatusCode::UNAUTHORIZED,
        "unknown key"
    );
}

fn base64_url(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

#[tokio::test]
async fn the_browser_login_round_trip_needs_our_nonce_and_then_uses_a_strict_cookie() {
    let p = provider();
    let (_base, router, state) = app(&p).await;
    let login = status(&router, "", "/logg-inn").await;
    assert_eq!(login, StatusCode::OK);

    let post = |token: String| {
        let router = router.clone();
        async move {
            use tower::ServiceExt;
            let req = axum::http::Request::post("/logg-inn/oidc")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(axum::body::Body::from(format!("id_token={token}")))
                .unwrap();
            router.oneshot(req).await.unwrap()
        }
    };
    let without_nonce = post(p.sign(&claims(&["caseworker"]))).await;
    assert_eq!(without_nonce.status(), StatusCode::FORBIDDEN);
    let mut with_nonce = claims(&["caseworker"]);
    with_nonce["nonce"] = state.csrf.nonce(now()).into();
    let token = p.sign(&with_nonce);
    let ok = post(token.clone()).await;
    assert_eq!(ok.status(), StatusCode::OK);
    let cookie = ok.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with(&format!("tolkeregister_admin={token};"))
            && cookie.contains("SameSite=Strict")
            && cookie.contains("HttpOnly")
    );

    let home = {
        use tower::ServiceExt;
        let req = axum::http::Request::get("/tolker")
            .header("cookie", format!("tolkeregister_admin={token}"))
            .body(axum::body::Body::empty())
            .unwrap();
        router.clone().oneshot(req).await.unwrap()
    };
    assert_eq!(home.status(), StatusCode::OK, "the cookie carries the provider's token");
    let mut expired = with_nonce.clone();
    expired["exp"] = (now() - 120).into();
    assert_eq!(post(p.sign(&expired)).await.status(), StatusCode::UNAUTHORIZED);
}

/// A provider's key set as published, with `p`'s public key under `kid`.
fn published(p: &Provider, kid: &str) -> Jwk {
    let mut jwk = Jwk::from_encoding_key(&p.key, Algorithm::RS256).unwrap();
    jwk.common.key_id = Some(kid.into());
    jwk
}

fn signed_by(p: &Provider, kid: &str, claims: &serde_json::Value) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(kid.into());
    jsonwebtoken::encode(&header, claims, &p.key).unwrap()
}

/// A small OpenID provider on a local port: its discovery document and its key set, which a
/// test can change (key rotation); counts how often the key set is fetched.
struct LocalProvider {
    issuer: String,
    keys: std::sync::Arc<std::sync::Mutex<JwkSet>>,
    fetches: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

async fn local_provider(keys: Vec<Jwk>, claimed_issuer: Option<&str>) -> LocalProvider {
    use std::sync::atomic::Ordering;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}/realms/staff", listener.local_addr().unwrap());
    let set = std::sync::Arc::new(std::sync::Mutex::new(JwkSet { keys }));
    let fetches = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let document = json!({
        "issuer": claimed_issuer.unwrap_or(&issuer),
        "jwks_uri": format!("{issuer}/certs"),
        "authorization_endpoint": format!("{issuer}/auth"),
    });
    let (served, counted) = (set.clone(), fetches.clone());
    let router = axum::Router::new()
        .route(
            "/realms/staff/.well-known/openid-configuration",
            axum::routing::get(move || async move { axum::Json(document) }),
        )
        .route(
            "/realms/staff/certs",
            axum::routing::get(move || async move {
                counted.fetch_add(1, Ordering::SeqCst);
                let set = served.lock().unwrap().clone();
                axum::Json(set)
            }),
        );
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    LocalProvider {
        issuer,
        keys: set,
        fetches,
    }
}

fn claims_from(issuer: &str) -> serde_json::Value {
    let mut c = claims(&["caseworker"]);
    c["iss"] = issuer.into();
    c
}

/// Discovery: the keys come from the provider's `jwks_uri`. After a key rotation a token signed
/// with the new key is accepted (one fetch of the key set); a key id the provider does not
/// publish is refused, and asking again at once does not make us fetch again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_are_discovered_and_fetched_again_when_the_provider_rotates_them() {
    use std::sync::atomic::Ordering;
    let (old, new) = (provider(), provider());
    let idp = local_provider(vec![published(&old, "key-1")], None).await;
    let settings = OidcSettings::discovered(&idp.issuer, AUDIENCE, Algorithm::RS256);
    let verifier = OidcVerifier::load(settings).await.expect("discovery");
    assert_eq!(idp.fetches.load(Ordering::SeqCst), 1);
    let link = verifier.authorize_link("n").unwrap_or_default();
    assert!(link.is_empty(), "no redirect URL configured, no link: {link}");

    let ok = verifier
        .verify(&signed_by(&old, "key-1", &claims_from(&idp.issuer)))
        .await;
    assert_eq!(ok.expect("the published key").identity.id, "kari.nordmann");
    assert_eq!(idp.fetches.load(Ordering::SeqCst), 1, "known keys are cached");

    // The provider rotates: the new key is published beside the old one.
    idp.keys.lock().unwrap().keys.push(published(&new, "key-2"));
    let rotated = verifier
        .verify(&signed_by(&new, "key-2", &claims_from(&idp.issuer)))
        .await;
    assert!(rotated.is_ok(), "the new key after one fetch: {rotated:?}");
    assert_eq!(idp.fetches.load(Ordering::SeqCst), 2);

    // A key id nobody publishes: refused, and within the refresh interval not fetched again.
    for _ in 0..3 {
        let unknown = verifier
            .verify(&signed_by(&new, "key-9", &claims_from(&idp.issuer)))
            .await;
        assert!(
            matches!(unknown, Err(admin::auth::AuthError::Invalid(_))),
            "{unknown:?}"
        );
    }
    assert_eq!(idp.fetches.load(Ordering::SeqCst), 2, "the refresh is rate-limited");
    // The pinned algorithm still holds for discovered keys.
    let mut hs = Header::new(Algorithm::HS256);
    hs.kid = Some("key-1".into());
    let swapped = jsonwebtoken::encode(&hs, &claims_from(&idp.issuer), &EncodingKey::from_secret(b"x")).unwrap();
    assert!(verifier.verify(&swapped).await.is_err());
}

/// A discovery document that names another issuer is refused at start, with a message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discovery_document_for_another_issuer_stops_the_start() {
    let p = provider();
    let idp = local_provider(vec![published(&p, "key-1")], Some("https://evil.example")).await;
    let settings = OidcSettings::discovered(&idp.issuer, AUDIENCE, Algorithm::RS256);
    let error = OidcVerifier::load(settings).await.unwrap_err();
    assert!(
        error.to_string().contains("oppgir utstederen «https://evil.example»"),
        "{error}"
    );
    let nobody = OidcSettings::discovered("http://127.0.0.1:9/realms/none", AUDIENCE, Algorithm::RS256);
    let error = OidcVerifier::load(nobody).await.unwrap_err();
    assert!(error.to_string().contains("kunne ikke hente"), "{error}");
}

/// A token for `user` with `roles`.
fn token_for(p: &Provider, user: &str, roles: &[&str]) -> String {
    let mut c = claims(roles);
    c["preferred_username"] = user.into();
    c["name"] = format!("Navn {user}").into();
    p.sign(&c)
}

/// A form posted with a bearer token: status, `Location` and body.
async fn post_form(
    router: &axum::Router,
    token: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    use tower::ServiceExt;
    let req = axum::http::Request::post(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, location, String::from_utf8_lossy(&body).into_owned())
}

async fn get_page(router: &axum::Router, token: &str, path: &str) -> String {
    use tower::ServiceExt;
    let req = axum::http::Request::get(path)
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
    String::from_utf8_lossy(&body).into_owned()
}

/// The CSRF token the forms of `token`'s session carry, read from a form page.
async fn csrf_of(router: &axum::Router, token: &str) -> String {
    let page = get_page(router, token, "/varsler/ny").await;
    let (_, rest) = page
        .split_once(r#"name="csrf" value=""#)
        .expect("a form with a CSRF field");
    rest.split('"').next().unwrap().to_string()
}

/// Under OpenID Connect the provider describes staff only at sign-in: a senior can give a tip case
/// to a caseworker this service has seen signing in, never to someone it has not seen or who has
/// no casework role (issue 14, item 3, in production).
#[tokio::test]
async fn a_senior_assigns_tip_cases_to_caseworkers_seen_signing_in() {
    let p = provider();
    let (base, router, _) = app(&p).await;
    let senior = token_for(&p, "sigrid.s", &["senior_caseworker"]);
    let today = register::Timestamp::now().date().to_string();
    let csrf = csrf_of(&router, &senior).await;
    let intake = [
        ("csrf", csrf.as_str()),
        ("received_on", today.as_str()),
        ("channel", "email"),
        ("interpreter", ""),
        ("subject_description", "Kvinne i 30-årene, tolket tigrinja"),
        ("assignment_on", today.as_str()),
        ("assignment_place", "Oslo tingrett"),
        ("ground_confidentiality", "on"),
        ("account", "Tolken fortalte andre om saken etter oppdraget."),
        ("reporter_role", "public_body"),
        ("anonymous", "on"),
    ];
    let (answer, location, body) = post_form(&router, &senior, "/varsler", &intake).await;
    assert_eq!(answer, StatusCode::SEE_OTHER, "{body}");
    let id: i64 = location
        .trim_start_matches("/varsler/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let assign = |who: &'static str| {
        let (router, senior, store, csrf) = (router.clone(), senior.clone(), base.state.store.clone(), csrf.clone());
        async move {
            let version = store
                .case_for_processing(id, "test:harness")
                .await
                .unwrap()
                .version
                .to_string();
            let fields = [
                ("csrf", csrf.as_str()),
                ("action", "assign"),
                ("version", version.as_str()),
                ("caseworker", who),
                ("reason", "fordeling"),
            ];
            post_form(&router, &senior, &format!("/varsler/{id}/hendelser"), &fields).await
        }
    };

    let (answer, _, body) = assign("per.p").await;
    assert_eq!(answer, StatusCode::UNPROCESSABLE_ENTITY, "never seen: {body}");
    assert!(body.contains("«per.p» er ikke en aktiv saksbehandler"), "{body}");

    // Per signs in as a caseworker, Ola as a statistician.
    let per = token_for(&p, "per.p", &["caseworker"]);
    assert_eq!(status(&router, &per, "/api/v1/me").await, StatusCode::OK);
    let ola = token_for(&p, "ola.o", &["statistician"]);
    assert_eq!(status(&router, &ola, "/api/v1/me").await, StatusCode::OK);

    let page = get_page(&router, &senior, &format!("/varsler/{id}")).await;
    assert!(
        page.contains(r#"<option value="per.p">"#),
        "the senior picks among caseworkers seen"
    );
    assert!(
        !page.contains(r#"<option value="ola.o">"#),
        "a statistician is not offered"
    );
    let (answer, _, body) = assign("ola.o").await;
    assert_eq!(answer, StatusCode::UNPROCESSABLE_ENTITY, "no casework role: {body}");
    let (answer, _, body) = assign("per.p").await;
    assert_eq!(answer, StatusCode::SEE_OTHER, "{body}");
    let case = base.state.store.case_for_processing(id, "test:harness").await.unwrap();
    assert_eq!(case.assigned, ["staff:per.p"]);

    let admin = token_for(&p, "anne.a", &["administrator"]);
    let staff = get_page(&router, &admin, "/brukere").await;
    assert!(
        staff.contains("per.p") && staff.contains("ola.o") && staff.contains("statistiker"),
        "{staff}"
    );
}
