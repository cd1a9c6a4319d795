//! `backup` and `restore`: a consistent copy of the database while it is in use, and putting
//! one back. SQLite copies itself (`VACUUM INTO`); PostgreSQL is dumped and restored with its
//! own tools (`pg_dump -Fc`, `pg_restore`), which must be on PATH. Public search indexes need
//! no backup: each service rebuilds its index when the register it follows is not the one it
//! indexed (a restored database is noticed by its change-feed position).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use register::store::backup::{SQLITE_HEADER, holds_register, sqlite_path};

use crate::cli::{BackupArgs, DbArgs, RestoreArgs};
use crate::commands::{connect, redact};

pub async fn backup(db: &DbArgs, args: BackupArgs) -> anyhow::Result<()> {
    let url = db.database_url.as_str();
    if args.to.exists() {
        bail!(
            "{} finnes allerede; velg et nytt filnavn for sikkerhetskopien",
            args.to.display()
        );
    }
    if let Some(path) = sqlite_path(url) {
        if !path.exists() {
            bail!(
                "databasen {} finnes ikke; det er ingenting å ta sikkerhetskopi av",
                path.display()
            );
        }
        let store = connect(db).await?;
        store
            .backup_into(&args.to)
            .await
            .with_context(|| format!("kunne ikke skrive sikkerhetskopien til {}", args.to.display()))?;
    } else {
        let file = args.to.as_os_str();
        postgres_tool(
            "pg_dump",
            &[
                "--format=custom".as_ref(),
                "--file".as_ref(),
                file,
                "--dbname".as_ref(),
                url.as_ref(),
            ],
        )?;
    }
    let size = std::fs::metadata(&args.to).map(|m| m.len()).unwrap_or(0);
    println!(
        "Sikkerhetskopi av {} skrevet til {} ({:.1} MB).",
        redact(url),
        args.to.display(),
        size as f64 / 1e6
    );
    Ok(())
}

pub async fn restore(db: &DbArgs, args: RestoreArgs) -> anyhow::Result<()> {
    let url = db.database_url.as_str();
    if !args.from.is_file() {
        bail!("fant ingen sikkerhetskopi i {}", args.from.display());
    }
    let holds = holds_register(url)
        .await
        .with_context(|| format!("kunne ikke lese databasen {}", redact(url)))?;
    if holds && !args.force {
        bail!(
            "databasen {} inneholder allerede et register; bruk --force for å erstatte det med sikkerhetskopien",
            redact(url)
        );
    }
    if let Some(path) = sqlite_path(url) {
        restore_sqlite_file(&args.from, &path)?;
    } else {
        // --clean --if-exists replaces what is there; one transaction leaves the database as it
        // was if anything fails.
        let flags = [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ];
        let mut tool_args: Vec<&std::ffi::OsStr> = flags.iter().map(|f| f.as_ref()).collect();
        tool_args.extend(["--dbname".as_ref(), url.as_ref(), args.from.as_os_str()]);
        postgres_tool("pg_restore", &tool_args)?;
    }
    // Migrations bring an older backup up to this version.
    let store = connect(db).await?;
    let empty = store.is_empty().await?;
    let day = register::Timestamp::now().date();
    let listed = store
        .as_of(register::Timestamp::now())
        .await?
        .iter()
        .filter(|r| r.entries.iter().any(|e| e.is_listed_on(day)))
        .count();
    println!(
        "Gjenopprettet {} fra {}: {listed} tolker er oppført i dag{}. Søkeindeksene bygges på nytt når de offentlige tjenestene starter.",
        redact(url),
        args.from.display(),
        if empty { " (registeret er tomt)" } else { "" }
    );
    Ok(())
}

/// Puts a copy of `from` where the database file `to` is: checked to be an SQLite file, written
/// beside it and renamed into place, with the old write-ahead log removed so it cannot be
/// replayed onto the restored file.
fn restore_sqlite_file(from: &Path, to: &Path) -> anyhow::Result<()> {
    let mut header = [0u8; 16];
    let read = std::fs::File::open(from).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header));
    if read.is_err() || &header != SQLITE_HEADER {
        bail!("{} er ikke en sikkerhetskopi av en SQLite-database", from.display());
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("kunne ikke lage mappen {}", dir.display()))?;
    }
    let partial = to.with_extension("restoring");
    std::fs::copy(from, &partial).with_context(|| format!("kunne ikke kopiere til {}", partial.display()))?;
    for suffix in ["-wal", "-shm"] {
        let side = format!("{}{suffix}", to.display());
        match std::fs::remove_file(&side) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| format!("kunne ikke fjerne {side}"));
            }
            _ => {}
        }
    }
    std::fs::rename(&partial, to).with_context(|| format!("kunne ikke legge kopien på plass som {}", to.display()))?;
    Ok(())
}

/// Runs `pg_dump` or `pg_restore`, with a clear message when the tool is missing or fails.
fn postgres_tool(tool: &str, args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
    let out = Command::new(tool)
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => anyhow::anyhow!(
                "{tool} ble ikke funnet; installer PostgreSQLs klientverktøy (pakken postgresql-client) i samme versjon som tjeneren"
            ),
            _ => anyhow::anyhow!("kunne ikke starte {tool}: {e}"),
        })?;
    if !out.status.success() {
        bail!(
            "{tool} feilet ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}
