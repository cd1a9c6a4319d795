//! Where the services get the keys for reporters' contact details. Production gives the staff
//! service the private key (`TOLKEREGISTER_TIP_KEY`) and the public service only its sealing
//! half (`TOLKEREGISTER_TIP_SEALING_KEY`), so the internet-facing service can file tips but not
//! read who reported them; `tolkeregister tip-key` makes a pair. The embedded default keeps a
//! generated private key in a file beside its database, so a first start needs no set-up and
//! tips stay readable across restarts.

use std::path::{Path, PathBuf};

use anyhow::Context;
use register::tips::contact_key::{KEY_VARIABLE, SEALING_KEY_VARIABLE};
use register::tips::{ContactKey, KeyError, SealingKey};

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

/// The public service's sealing key: from the environment; else derived from the private key
/// where one is available (with a warning when it came from the environment: the public
/// service should not hold it).
pub fn resolve_sealing(database_url: &str) -> anyhow::Result<SealingKey> {
    match SealingKey::from_env() {
        Ok(key) => Ok(key),
        Err(KeyError::Missing) => {
            if std::env::var_os(KEY_VARIABLE).is_some() {
                tracing::warn!(
                    "{KEY_VARIABLE} is set for the public service; give it only {SEALING_KEY_VARIABLE}, so it cannot open reporters' contact details"
                );
            }
            Ok(resolve(database_url)?.sealing_key())
        }
        Err(e) => Err(e).with_context(|| format!("{SEALING_KEY_VARIABLE} er ugyldig")),
    }
}

/// A new key pair for production, as the operator should configure it.
pub fn new_pair_text() -> String {
    let key = ContactKey::random();
    format!(
        "# Saksbehandlertjenesten (hemmelig):\n{KEY_VARIABLE}={}\n# Den offentlige tjenesten (kan bare kryptere):\n{SEALING_KEY_VARIABLE}={}\n",
        key.to_hex(),
        key.sealing_key().to_hex()
    )
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
    fn a_new_pair_is_a_private_key_and_its_sealing_key() {
        let text = new_pair_text();
        let value = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}=")))
                .unwrap()
                .to_string()
        };
        let private = ContactKey::parse(&value(KEY_VARIABLE)).unwrap();
        let sealing = SealingKey::parse(&value(SEALING_KEY_VARIABLE)).unwrap();
        assert_eq!(private.sealing_key(), sealing);
        assert_eq!(private.open(&register::tips::Seal::seal(&sealing, b"x")).unwrap(), b"x");
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
