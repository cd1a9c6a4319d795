//! Test harness shared by the storage tests: a fresh store per test on SQLite (a temporary
//! file) and on PostgreSQL (a new, randomly named database that is dropped afterwards).

#![allow(dead_code)]

use register::Catalogue;

use sqlx::Connection;

/// The PostgreSQL server tests use; override with `TEST_POSTGRES_URL`.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Whether a missing PostgreSQL server fails the tests instead of skipping them (CI).
pub fn postgres_required() -> bool {
    std::env::var("TOLKEREGISTER_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

pub struct SqliteFixture {
    pub store: register::Database,
    pub url: String,
    _dir: tempfile::TempDir,
}

pub async fn sqlite() -> SqliteFixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite:{}", dir.path().join("register.db").display());
    let store = register::Database::open_sqlite(&url, Catalogue::bundled())
        .await
        .expect("open sqlite");
    SqliteFixture { store, url, _dir: dir }
}

/// A PostgreSQL database that is dropped when this goes out of scope.
pub struct PostgresFixture {
    pub store: register::Database,
    pub url: String,
    name: String,
}

impl Drop for PostgresFixture {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Dropping needs async I/O; do it on a thread of its own so it works from any runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&postgres_admin_url()).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                }
            });
        })
        .join();
    }
}

/// A new database on the test server, or `None` (skip) when no server answers and PostgreSQL
/// is not required.
pub async fn postgres() -> Option<PostgresFixture> {
    let admin = postgres_admin_url();
    let mut conn = match sqlx::PgConnection::connect(&admin).await {
        Ok(c) => c,
        Err(e) if !postgres_required() => {
            eprintln!("skipping PostgreSQL test: no server at {admin} ({e})");
            return None;
        }
        Err(e) => panic!("PostgreSQL is required (TOLKEREGISTER_REQUIRE_POSTGRES=1) but {admin} does not answer: {e}"),
    };
    let name = format!("tolkeregister_test_{}", uuid_like());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let base = admin
        .rsplit_once('/')
        .map(|(b, _)| b.to_string())
        .unwrap_or(admin.clone());
    let url = format!("{base}/{name}");
    let store = register::Database::open_postgres(&url, 5, Catalogue::bundled())
        .await
        .expect("open postgres");
    Some(PostgresFixture { store, url, name })
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{:x}_{:x}", nanos, std::process::id())
}

/// Runs one async test story against both backends: `both_backends!(name, story_fn)` makes
/// `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $story:path) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let f = $crate::common::sqlite().await;
                $story(f.store.clone()).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(f) = $crate::common::postgres().await else {
                    return;
                };
                $story(f.store.clone()).await;
            }
        }
    };
}

/// A valid profile for tests that need an interpreter but not particular details.
pub fn sample_profile() -> register::Profile {
    use register::interpreter::{Availability, Gender, WorkModes};
    use register::national_id::NationalId;
    register::Profile {
        national_id: NationalId::complete("010190125").unwrap(),
        given_name: "Leila".into(),
        family_name: "Haddad".into(),
        preferred_name: None,
        gender: Gender::Female,
        county: "03".parse().unwrap(),
        phone: "+47 912 34 567".into(),
        email: "leila@example.no".into(),
        address: None,
        address_public: false,
        availability: Availability::FullTime,
        work_modes: WorkModes {
            on_site: true,
            telephone: false,
            video: true,
        },
    }
}
