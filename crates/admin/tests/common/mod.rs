//! Test harness of the admin service: the real router on a fresh SQLite or PostgreSQL store
//! (the register's own harness), staff sessions per role, and requests with CSRF tokens.

#![allow(dead_code)]

#[path = "../../../register/tests/common/mod.rs"]
pub mod store;

use std::time::Duration;

use admin::auth::csrf::CsrfKey;
use admin::auth::session::SessionKeys;
use admin::auth::users::{DemoLogin, StaffDirectory};
use admin::auth::{Authenticator, Role, SESSION_COOKIE};
use admin::{AdminState, Settings};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use register::Database;
use tower::ServiceExt;

/// The test staff: username, role. Passwords are `pw-<username>`.
pub const STAFF: [(&str, Role); 7] = [
    ("kari", Role::Caseworker),
    ("per", Role::Caseworker),
    ("sigrid", Role::SeniorCaseworker),
    ("nils", Role::SeniorCaseworker),
    ("amina", Role::CommitteeMember),
    ("ingrid", Role::Statistician),
    ("tone", Role::Administrator),
];

pub fn username(role: Role) -> &'static str {
    STAFF.iter().find(|(_, r)| *r == role).map(|(u, _)| *u).unwrap()
}

/// A member of staff's session: the cookie's token and the CSRF token of their forms.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub csrf: String,
}

pub struct TestApp {
    pub router: Router,
    pub state: AdminState,
    keys: SessionKeys,
    directory: StaffDirectory,
    _sqlite: Option<store::SqliteFixture>,
    _postgres: Option<store::PostgresFixture>,
}

#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect()
    }
}

fn app(store: Database) -> (Router, AdminState, SessionKeys, StaffDirectory) {
    let logins: Vec<DemoLogin> = STAFF
        .iter()
        .map(|(u, r)| DemoLogin {
            username: u.to_string(),
            name: format!("{u} testesen"),
            roles: vec![*r],
            password: format!("pw-{u}"),
        })
        .collect();
    let directory = StaffDirectory::new(&logins);
    let keys = SessionKeys::random(Duration::from_secs(3600));
    let auth = Authenticator::Embedded {
        directory: directory.clone(),
        keys: keys.clone(),
    };
    let state = AdminState::new(
        store,
        auth,
        CsrfKey::random(),
        Settings::default(),
        register::tips::ContactKey::random(),
    );
    (admin::router(state.clone()), state, keys, directory)
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        let f = store::sqlite().await;
        let (router, state, keys, directory) = app(f.store.clone());
        TestApp {
            router,
            state,
            keys,
            directory,
            _sqlite: Some(f),
            _postgres: None,
        }
    }

    pub async fn postgres() -> Option<TestApp> {
        let f = store::postgres().await?;
        let (router, state, keys, directory) = app(f.store.clone());
        Some(TestApp {
            router,
            state,
            keys,
            directory,
            _sqlite: None,
            _postgres: Some(f),
        })
    }

    /// A fresh session for `username`, as a successful login would give.
    pub fn session(&self, username: &str) -> Session {
        let user = self
            .directory
            .users()
            .iter()
            .find(|u| u.username == username)
            .expect("test user")
            .clone();
        let (token, identity) = self.keys.issue(&user, admin::auth::now()).expect("token");
        Session {
            token,
            csrf: self.state.csrf.token_for(&identity.session_id),
        }
    }

    /// A second instance of the service on the same database, as another replica behind a
    /// load balancer: nothing in memory is shared with this one.
    pub fn replica(&self) -> Router {
        app(self.state.store.clone()).0
    }

    pub fn session_for(&self, role: Role) -> Session {
        self.session(username(role))
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.expect("router answers");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub fn request(method: &str, path: &str, session: Option<&Session>) -> axum::http::request::Builder {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "admin.test");
        if let Some(s) = session {
            b = b.header(header::COOKIE, format!("{SESSION_COOKIE}={}", s.token));
        }
        b
    }

    pub async fn get(&self, path: &str, session: Option<&Session>) -> Reply {
        self.send(Self::request("GET", path, session).body(Body::empty()).unwrap())
            .await
    }

    /// A form post with the session's CSRF token added.
    pub async fn post(&self, path: &str, session: Option<&Session>, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        if let Some(s) = session {
            all.push(("csrf", &s.csrf));
        }
        self.post_raw(path, session, &all).await
    }

    /// A form post exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, session: Option<&Session>, fields: &[(&str, &str)]) -> Reply {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let req = Self::request("POST", path, session)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    pub async fn post_json(&self, path: &str, session: Option<&Session>, body: &serde_json::Value) -> Reply {
        let mut b = Self::request("POST", path, session).header(header::CONTENT_TYPE, "application/json");
        if let Some(s) = session {
            b = b.header("x-csrf-token", &s.csrf);
        }
        self.send(b.body(Body::from(body.to_string())).unwrap()).await
    }
}

/// Runs an async story against the admin service on both backends.
#[macro_export]
macro_rules! admin_story {
    ($name:ident, $story:path) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $story($crate::common::TestApp::sqlite().await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(app) = $crate::common::TestApp::postgres().await else {
                    return;
                };
                $story(app).await;
            }
        }
    };
}

/// A valid national identity number for tests.
pub fn national_id(seed: &str) -> String {
    register::national_id::NationalId::complete(seed)
        .expect("valid prefix")
        .expose()
        .to_string()
}
