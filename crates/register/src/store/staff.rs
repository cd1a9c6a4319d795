//! The staff members seen signing in (see [`crate::staff`]).

use super::sql::sql;
use super::{Database, Result};
use crate::staff::StaffMember;

/// A row of `staff_members`: login, name, roles, first and last seen.
type StaffRow = (String, String, String, i64, i64);

fn member((login, name, roles, first_seen, last_seen): StaffRow) -> StaffMember {
    StaffMember {
        login,
        name,
        roles: roles.split(',').filter(|r| !r.is_empty()).map(str::to_string).collect(),
        first_seen,
        last_seen,
    }
}

impl Database {
    /// Remembers that `login` signed in at `now` (Unix seconds) as `name` with `roles`; the roles
    /// replace those of earlier sign-ins.
    pub async fn record_sign_in(&self, login: &str, name: &str, roles: &[String], now: i64) -> Result<()> {
        sql(
            "INSERT INTO staff_members (login, name, roles, first_seen, last_seen) VALUES ($1, $2, $3, $4, $4) \
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

    /// The member `login`, if they ever signed in.
    pub async fn staff_member(&self, login: &str) -> Result<Option<StaffMember>> {
        let row: Option<StaffRow> =
            sql("SELECT login, name, roles, first_seen, last_seen FROM staff_members WHERE login = $1")
                .bind(login)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(member))
    }

    /// Every member seen since `since` (Unix seconds), by name.
    pub async fn staff_seen_since(&self, since: i64) -> Result<Vec<StaffMember>> {
        let rows: Vec<StaffRow> = sql(
            "SELECT login, name, roles, first_seen, last_seen FROM staff_members WHERE last_seen >= $1 ORDER BY \
                name, login",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(member).collect())
    }
}
