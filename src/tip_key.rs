//! Where the services get the key that seals reporters' contact details. Production sets
//! `TOLKEREGISTER_TIP_KEY`; the embedded default keeps a generated key in a file beside its
//! database, so a first start needs no set-up and tips stay readable across restarts.

use std::path::{Path, PathBuf};

use anyhow::Context;
use register::tips::contact_key::KEY_VARIABLE;
use register::tips::{ContactKey, KeyError};

/// The key from the environment; for an embedded SQLite database without one, the key file
/// beside the database (created on first use). A server database must be given a key: a
/// generated one would differ between instances and make tips unreadable.
pub fn resolve(database_url: &str) -> anyhow::Result<ContactKey> {
    match ContactKey::from_env() {
        Ok(key) => Ok(key),
        Err(KeyError::Missing) => match key_file_for(database_url) {
            Some(path) => read_or_create(&path),
            None => Err(KeyError::Missing).context("en server-database krever en fast nøkkel"),
        },
        Err(e) => Err(e).with_context(|| format!("{KEY_VARIABLE} er ugyldig")),
    }
}

/// `data/tolkeregister.db` → `data/tip-contact.key`; `None` for anything but a SQLite file.
fn key_file_for(database_url: &str) -> Option<PathBuf> {
    let path = database_url.strip_prefix("sqlite:")?;
    let path = path.trim_start_matches("//").split('?').next()?;
    if path.is_empty() || path.contains(":memory:") {
        return None;
    }
    let dir = Path::new(path).parent().unwrap_or(Path::new("."));
    Some(dir.join("tip-contact.key"))
}

fn read_or_create(path: &Path) -> anyhow::Result<ContactKey> {
    if path.exists() {
        let text = std::fs::read_to_string(path).with_context(|| format!("kunne ikke lese {}", path.display()))?;
        return ContactKey::parse(&text).with_context(|| format!("nøkkelfilen {} er ugyldig", path.display()));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("kunne ikke lage {}", dir.display()))?;
    }
    let key = ContactKey::random();
    write_private(path, &key.to_hex()).with_context(|| format!("kunne ikke skrive {}", path.display()))?;
    Ok(key)
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_file_sits_beside_an_embedded_database_only() {
        assert_eq!(
            key_file_for("sqlite:data/tolkeregister.db"),
            Some(PathBuf::from("data/tip-contact.key"))
        );
        assert_eq!(
            key_file_for("sqlite:///tmp/x/r.db?mode=rwc"),
            Some(PathBuf::from("/tmp/x/tip-contact.key"))
        );
        assert_eq!(key_file_for("sqlite::memory:"), None);
        assert_eq!(key_file_for("postgres://localhost/tolk"), None);
    }

    #[test]
    fn a_created_key_file_is_private_and_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/tip-contact.key");
        let first = read_or_create(&path).unwrap();
        let again = read_or_create(&path).unwrap();
        assert_eq!(first.to_hex(), again.to_hex());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "others must not read the key file");
        }
    }
}
