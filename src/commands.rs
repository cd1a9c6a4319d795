//! What each subcommand does: connect to the register, then serve, migrate, seed, export or
//! count. Errors come back as messages for the person at the terminal.

use std::io::Write;

use anyhow::{Context, bail};
use register::generator::{self, Options};
use register::store::ConnectOptions;
use register::{Catalogue, Database, Timestamp};

use crate::cli::{Cli, Command, CountsArgs, DbArgs, DemandCommand, ExportArgs, SeedArgs, ServeArgs};
use crate::serve;

/// Changes per transaction when loading generated data.
const SEED_BATCH: usize = 5_000;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => serve::run(&cli.db, args).await,
        Command::ServePublic(args) => serve::run_public(&cli.db, args).await,
        Command::ServeAdmin(args) => serve::run_admin(&cli.db, args).await,
        Command::Migrate => migrate(&cli.db).await,
        Command::Seed(args) => seed(&cli.db, args).await,
        Command::Export(args) => export(&cli.db, args).await,
        Command::Counts(args) => counts(&cli.db, args).await,
        Command::Demand(DemandCommand::Import(args)) => crate::demand::import(&cli.db, args).await,
        Command::Demand(DemandCommand::Coverage(args)) => crate::demand::coverage(&cli.db, args).await,
        Command::Stats(args) => crate::stats::run(&cli.db, args).await,
        Command::Backup(args) => crate::backup::backup(&cli.db, args).await,
        Command::Restore(args) => crate::backup::restore(&cli.db, args).await,
        Command::TipKey => {
            print!("{}", crate::tip_key::new_pair_text());
            Ok(())
        }
    }
}

pub async fn connect(db: &DbArgs) -> anyhow::Result<Database> {
    let options = ConnectOptions {
        url: db.database_url.clone(),
        max_connections: db.max_connections,
    };
    Database::connect(&options, Catalogue::bundled())
        .await
        .with_context(|| format!("kunne ikke åpne databasen {}", redact(&db.database_url)))
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…@{}", &url[..scheme], &url[at + 1..]),
        _ => url.to_string(),
    }
}

async fn migrate(db: &DbArgs) -> anyhow::Result<()> {
    let url = db.database_url.as_str();
    if url.starts_with("sqlite:") || url.starts_with("postgres:") || url.starts_with("postgresql:") {
        register::Database::migrate(url).await?;
    } else {
        bail!(register::StoreError::Url(url.to_string()));
    }
    println!("Migreringene er kjørt mot {}.", redact(url));
    Ok(())
}

/// Loads generated data into an empty register and reports how much was written.
pub async fn load_fixtures(store: &Database, options: Options) -> anyhow::Result<usize> {
    if !store.is_empty().await? {
        bail!("databasen er ikke tom; testdata lastes bare inn i en tom database");
    }
    let generated = generator::generate(store.catalogue(), options);
    let entries = generated.records.iter().map(|r| r.entries.len()).sum();
    generator::load(store, generated.changes, SEED_BATCH).await?;
    Ok(entries)
}

async fn seed(db: &DbArgs, args: SeedArgs) -> anyhow::Result<()> {
    let store = connect(db).await?;
    let started = std::time::Instant::now();
    let options = Options {
        seed: args.seed,
        scale: args.scale.map(|n| n as usize),
    };
    let entries = load_fixtures(&store, options).await?;
    println!(
        "Lastet {entries} oppføringer på {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn export(db: &DbArgs, args: ExportArgs) -> anyhow::Result<()> {
    let store = connect(db).await?;
    let language = match &args.language {
        Some(q) => Some(store.catalogue().find_language(q)?.code),
        None => None,
    };
    let (at, day) = match args.as_of {
        Some(day) => (Timestamp::end_of(day), day),
        None => (Timestamp::now(), Timestamp::now().date()),
    };
    let mut records = match args.interpreter {
        Some(n) => vec![
            store
                .record_as_of(n, at)
                .await?
                .ok_or(register::StoreError::NotFound(n))?,
        ],
        None => store.as_of(at).await?,
    };
    if let Some(code) = language {
        records.retain(|r| r.entry(code).is_some_and(|e| e.is_listed_on(day)));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = register::export::write_json_lines(&records, day, &mut out).and_then(|()| out.flush());
    match written {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

async fn counts(db: &DbArgs, args: CountsArgs) -> anyhow::Result<()> {
    let store = connect(db).await?;
    let day = args.as_of.unwrap_or_else(|| Timestamp::now().date());
    let records = store.as_of(Timestamp::end_of(day)).await?;
    let counts = register::counts::count(&records, day);
    println!("{}", serde_json::to_string_pretty(&counts)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_kept_out_of_messages() {
        assert_eq!(super::redact("postgres://u:secret@db:5432/x"), "postgres://…@db:5432/x");
        assert_eq!(super::redact("sqlite:data/x.db"), "sqlite:data/x.db");
    }
}
