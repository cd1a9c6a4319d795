//! The staff members seen signing in (see [`crate::staff`]), behind the `StaffStore` trait; the
//! SQL is written once in `staff_impl!` for both backends.

use std::future::Future;

use super::{Database, Result, Store};
use crate::staff::StaffMember;

/// Storage of the remembered sign-ins.
pub trait StaffStore: Store {
    /// Remembers that `login` signed in at `now` (Unix seconds) as `name` with `roles`; the roles
    /// replace those of earlier sign-ins.
    fn record_sign_in(
        &self,
        login: &str,
        name: &str,
        roles: &[String],
        now: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    /// The member `login`, if they ever signed in.
    fn staff_member(&self, login: &str) -> impl Future<Output = Result<Option<StaffMember>>> + Send;
    /// Every member seen since `since` (Unix seconds), by name.
    fn staff_seen_since(&self, since: i64) -> impl Future<Output = Result<Vec<StaffMember>>> + Send;
}

/// A row of `staff_members`: login, name, roles, first and last seen.
pub(crate) type StaffRow = (String, String, String, i64, i64);

pub(crate) fn member((login, name, roles, first_seen, last_seen): StaffRow) -> StaffMember {
    StaffMember {
        login,
        name,
        roles: roles.split(',').filter(|r| !r.is_empty()).map(str::to_string).collect(),
        first_seen,
        last_seen,
    }
}

macro_rules! staff_impl {
    ($store:ident, $db:ty) => {
        mod staff_generated {
            use super::$store;
            use $crate::staff::StaffMember;
            use $crate::store::Result;
            use $crate::store::staff::{StaffRow, StaffStore, member};

            impl StaffStore for $store {
                async fn record_sign_in(&self, login: &str, name: &str, roles: &[String], now: i64) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO staff_members (login, name, roles, first_seen, last_seen) \
                         VALUES ($1, $2, $3, $4, $4) \
                         ON CONFLICT (login) DO UPDATE SET name = $2, roles = $3, last_seen = $4",
                    )
                    .bind(login)
                    .bind(name)
                    .bind(roles.join(","))
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                    Ok(())
                }

                async fn staff_member(&self, login: &str) -> Result<Option<StaffMember>> {
                    let row: Option<StaffRow> = sqlx::query_as(
                        "SELECT login, name, roles, first_seen, last_seen FROM staff_members WHERE login = $1",
                    )
                    .bind(login)
                    .fetch_optional(&self.pool)
                    .await?;
                    Ok(row.map(member))
                }

                async fn staff_seen_since(&self, since: i64) -> Result<Vec<StaffMember>> {
                    let rows: Vec<StaffRow> = sqlx::query_as(
                        "SELECT login, name, roles, first_seen, last_seen FROM staff_members \
                         WHERE last_seen >= $1 ORDER BY name, login",
                    )
                    .bind(since)
                    .fetch_all(&self.pool)
                    .await?;
                    Ok(rows.into_iter().map(member).collect())
                }
            }
        }
    };
}
pub(crate) use staff_impl;

impl StaffStore for Database {
    async fn record_sign_in(&self, login: &str, name: &str, roles: &[String], now: i64) -> Result<()> {
        match self {
            Database::Sqlite(s) => s.record_sign_in(login, name, roles, now).await,
            Database::Postgres(s) => s.record_sign_in(login, name, roles, now).await,
        }
    }
    async fn staff_member(&self, login: &str) -> Result<Option<StaffMember>> {
        match self {
            Database::Sqlite(s) => s.staff_member(login).await,
            Database::Postgres(s) => s.staff_member(login).await,
        }
    }
    async fn staff_seen_since(&self, since: i64) -> Result<Vec<StaffMember>> {
        match self {
            Database::Sqlite(s) => s.staff_seen_since(since).await,
            Database::Postgres(s) => s.staff_seen_since(since).await,
        }
    }
}
