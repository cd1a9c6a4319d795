//! The built-in staff directory of the embedded default: demo users with random passwords that
//! are printed at start and kept only as argon2 hashes. Production uses OpenID Connect instead.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rand::Rng;

use super::role::Role;

/// A member of staff who can log in with a password.
#[derive(Clone)]
pub struct StaffUser {
    pub username: String,
    pub name: String,
    pub roles: Vec<Role>,
    password_hash: String,
}

impl std::fmt::Debug for StaffUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaffUser")
            .field("username", &self.username)
            .field("roles", &self.roles)
            .finish_non_exhaustive()
    }
}

/// A demo login to print at start.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub username: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub password: String,
}

/// The staff who can log in with a password.
#[derive(Debug, Clone)]
pub struct StaffDirectory {
    users: Vec<StaffUser>,
    /// Verified against when the user is unknown, so timing does not reveal who exists.
    dummy_hash: String,
}

/// The demo staff: one or two of each role, so four-eyes can be tried by hand.
const DEMO: [(&str, &str, Role); 7] = [
    ("kari", "Kari Nordmann", Role::Caseworker),
    ("per", "Per Haugen", Role::Caseworker),
    ("sigrid", "Sigrid Berg", Role::SeniorCaseworker),
    ("nils", "Nils Aas", Role::SeniorCaseworker),
    ("amina", "Amina Yusuf", Role::CommitteeMember),
    ("ingrid", "Ingrid Lie", Role::Statistician),
    ("tone", "Tone Vik", Role::Administrator),
];

fn hash(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .unwrap_or_default()
}

fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let word: String = (0..12)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}-{}", &word[..4], &word[4..8], &word[8..])
}

impl StaffDirectory {
    /// The demo staff with fresh random passwords, and the logins to print.
    pub fn demo() -> (StaffDirectory, Vec<DemoLogin>) {
        let logins: Vec<DemoLogin> = DEMO
            .iter()
            .map(|(username, name, role)| DemoLogin {
                username: username.to_string(),
                name: name.to_string(),
                roles: vec![*role],
                password: random_password(),
            })
            .collect();
        (StaffDirectory::new(&logins), logins)
    }

    /// A directory of the given logins (passwords are hashed here).
    pub fn new(logins: &[DemoLogin]) -> StaffDirectory {
        let users = logins
            .iter()
            .map(|l| StaffUser {
                username: l.username.clone(),
                name: l.name.clone(),
                roles: l.roles.clone(),
                password_hash: hash(&l.password),
            })
            .collect();
        StaffDirectory {
            users,
            dummy_hash: hash(&random_password()),
        }
    }

    pub fn users(&self) -> &[StaffUser] {
        &self.users
    }

    /// The user with `username` if `password` is theirs. Slow by design (argon2): call it off
    /// the async executor.
    pub fn verify(&self, username: &str, password: &str) -> Option<StaffUser> {
        let user = self.users.iter().find(|u| u.username == username.trim());
        let stored = user.map(|u| u.password_hash.as_str()).unwrap_or(&self.dummy_hash);
        let matches = PasswordHash::new(stored)
            .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
            .unwrap_or(false);
        match (user, matches) {
            (Some(u), true) => Some(u.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_users_log_in_with_their_printed_password_only() {
        let (dir, logins) = StaffDirectory::demo();
        assert_eq!(logins.len(), DEMO.len());
        let kari = &logins[0];
        assert!(dir.users().iter().all(|u| !u.password_hash.contains(&kari.password)));
        assert_eq!(
            dir.verify("kari", &kari.password).map(|u| u.roles),
            Some(vec![Role::Caseworker])
        );
        assert!(dir.verify("kari", "wrong").is_none());
        assert!(dir.verify("nobody", &kari.password).is_none());
        assert_ne!(logins[0].password, logins[1].password);
    }
}
