//! The command line: subcommands and their flags, with environment-variable fallbacks.
//! Parsing only; what each command does is in `commands`.

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand};
use time::Date;

/// Nasjonalt tolkeregister – the national register of public-service interpreters.
#[derive(Debug, Parser)]
#[command(name = "tolkeregister", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct DbArgs {
    /// Database: `sqlite:PATH` (embedded default) or `postgres://…` (production).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite:data/tolkeregister.db",
        global = true
    )]
    pub database_url: String,
    /// Connection pool size for PostgreSQL.
    #[arg(long, env = "DATABASE_MAX_CONNECTIONS", default_value_t = 10, global = true)]
    pub max_connections: u32,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the public and admin services (the default). Loads fixtures into an empty embedded database.
    Serve(ServeArgs),
    /// Run the public service alone (search, pages, JSON API), e.g. with `DATABASE_URL=postgres://…`.
    ServePublic(ServePublicArgs),
    /// Run the admin (staff) service alone, e.g. with `DATABASE_URL=postgres://…` and OpenID Connect.
    ServeAdmin(ServeAdminArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Load the synthetic fixture register into an empty database.
    Seed(SeedArgs),
    /// Write the register as JSON lines (one interpreter a line).
    Export(ExportArgs),
    /// Print register figures as JSON: entries per category, kind and language; persons.
    Counts(CountsArgs),
    /// Demand for interpreters (IMDi's Tolkemonitor): import a file, or show coverage per language.
    #[command(subcommand)]
    Demand(DemandCommand),
    /// Print the register's statistics from its history: figures on a day, the half-year
    /// series, flows per year. Aligned text, or `--format csv|json` for other programs.
    Stats(StatsArgs),
    /// Write a consistent copy of the database to a file while it is in use (SQLite: online
    /// copy with VACUUM INTO; PostgreSQL: `pg_dump -Fc`).
    Backup(BackupArgs),
    /// Restore the database from a backup made by `backup` (SQLite: the file is copied into
    /// place; PostgreSQL: `pg_restore`). Refuses a database that holds a register unless `--force`.
    Restore(RestoreArgs),
    /// Print a new key pair for reporters' contact details: the private key for the staff
    /// service and its sealing key for the public service.
    TipKey,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Where the public service listens.
    #[arg(long, env = "PUBLIC_ADDR", default_value = "127.0.0.1:8080")]
    pub public_addr: SocketAddr,
    /// Where the admin service listens.
    #[arg(long, env = "ADMIN_ADDR", default_value = "127.0.0.1:8081")]
    pub admin_addr: SocketAddr,
    /// Do not load fixture data into an empty database.
    #[arg(long)]
    pub no_fixtures: bool,
    #[command(flatten)]
    pub public: PublicArgs,
    #[command(flatten)]
    pub admin: AdminArgs,
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs {
            public_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            admin_addr: SocketAddr::from(([127, 0, 0, 1], 8081)),
            no_fixtures: false,
            public: PublicArgs::default(),
            admin: AdminArgs::default(),
        }
    }
}

#[derive(Debug, Args, Clone)]
pub struct ServePublicArgs {
    /// Where the public service listens.
    #[arg(long, env = "PUBLIC_ADDR", default_value = "127.0.0.1:8080")]
    pub public_addr: SocketAddr,
    #[command(flatten)]
    pub public: PublicArgs,
}

/// Settings of the public service.
#[derive(Debug, Args, Clone)]
pub struct PublicArgs {
    /// The search index's directory: disposable, rebuilt from the register when missing.
    /// One directory per running public service.
    #[arg(long, env = "TOLKEREGISTER_INDEX_DIR", default_value = "data/index")]
    pub index_dir: std::path::PathBuf,
    /// Count tip-form rate limits per the last X-Forwarded-For address. Only behind a reverse
    /// proxy that sets it; otherwise anyone could pick their own address.
    #[arg(long, env = "TOLKEREGISTER_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
}

impl Default for PublicArgs {
    /// For `tolkeregister` without a subcommand, which clap does not parse: the same defaults.
    fn default() -> Self {
        PublicArgs {
            index_dir: std::env::var_os("TOLKEREGISTER_INDEX_DIR")
                .map_or_else(|| std::path::PathBuf::from("data/index"), std::path::PathBuf::from),
            trust_forwarded_for: std::env::var("TOLKEREGISTER_TRUST_FORWARDED_FOR")
                .is_ok_and(|v| matches!(v.as_str(), "1" | "true" | "yes")),
        }
    }
}

#[derive(Debug, Args, Clone)]
pub struct ServeAdminArgs {
    /// Where the admin service listens.
    #[arg(long, env = "ADMIN_ADDR", default_value = "127.0.0.1:8081")]
    pub admin_addr: SocketAddr,
    #[command(flatten)]
    pub admin: AdminArgs,
}

/// Staff sign-in and casework settings. Without `--oidc-issuer` the built-in demo staff are
/// used and their passwords printed at start.
#[derive(Debug, Args, Clone, Default)]
pub struct AdminArgs {
    /// OpenID Connect issuer (`iss`) of staff tokens; turns on production sign-in.
    /// The provider's keys are read from `{issuer}/.well-known/openid-configuration`.
    #[arg(long, env = "OIDC_ISSUER", requires_all = ["oidc_audience"])]
    pub oidc_issuer: Option<String>,
    /// Audience (`aud`, this service's client id) of staff tokens.
    #[arg(long, env = "OIDC_AUDIENCE")]
    pub oidc_audience: Option<String>,
    /// File with the provider's JSON Web Key Set, instead of fetching it (offline/development).
    #[arg(long, env = "OIDC_JWKS")]
    pub oidc_jwks: Option<std::path::PathBuf>,
    /// The only signing algorithm accepted (RS256, ES256, EdDSA, …).
    #[arg(long, env = "OIDC_ALGORITHM", default_value = "RS256")]
    pub oidc_algorithm: String,
    /// The claim listing staff roles.
    #[arg(long, env = "OIDC_ROLES_CLAIM", default_value = "roles")]
    pub oidc_roles_claim: String,
    /// The provider's authorization endpoint, for browser sign-in.
    #[arg(long, env = "OIDC_AUTHORIZE_URL")]
    pub oidc_authorize_url: Option<String>,
    /// This service's callback (…/logg-inn/oidc) as registered with the provider.
    #[arg(long, env = "OIDC_REDIRECT_URL")]
    pub oidc_redirect_url: Option<String>,
    /// Secret for session and CSRF tokens shared by all admin instances (random if unset).
    #[arg(long, env = "ADMIN_SECRET", hide_env_values = true)]
    pub admin_secret: Option<String>,
    /// The body that hears appeals against decisions, as printed in decision letters.
    #[arg(long, env = "APPEAL_BODY")]
    pub appeal_body: Option<String>,
    /// Count failed logins per the last X-Forwarded-For address. Only behind a reverse proxy
    /// that sets it; otherwise anyone could pick their own address.
    #[arg(long, env = "TOLKEREGISTER_ADMIN_TRUST_FORWARDED_FOR")]
    pub admin_trust_forwarded_for: bool,
}

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// Approximate number of entries (e.g. 100000); without it, the fixture register that
    /// reproduces IMDi's published figures.
    #[arg(long, value_parser = clap::value_parser!(u64).range(100..=5_000_000))]
    pub scale: Option<u64>,
    /// Random seed of the generator.
    #[arg(long, default_value_t = 2023)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Export the register as it stood at the end of this day (YYYY-MM-DD); default now.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Only interpreters listed for this language (code, name or alias).
    #[arg(long)]
    pub language: Option<String>,
    /// Only this interpreter (interpreter number).
    #[arg(long, value_parser = parse_number)]
    pub interpreter: Option<register::InterpreterNumber>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write; must not exist yet.
    #[arg(long, value_name = "PATH")]
    pub to: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore from.
    #[arg(long, value_name = "PATH")]
    pub from: std::path::PathBuf,
    /// Replace a database that already holds a register.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CountsArgs {
    /// The day to count (YYYY-MM-DD), at its end; default today.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<Date>,
}

#[derive(Debug, Subcommand)]
pub enum DemandCommand {
    /// Import a Tolkemonitor demand file (CSV: language, year, assignments; optional county and
    /// sector; `;` or `,`). All or nothing: a bad row imports nothing and every bad line is named.
    Import(DemandImportArgs),
    /// Coverage per language in a year: capacity of the listed interpreters against the demand,
    /// by person × language and by unique person.
    Coverage(CoverageArgs),
}

#[derive(Debug, Args)]
pub struct DemandImportArgs {
    /// The CSV file to import.
    pub file: std::path::PathBuf,
    /// Why (kept with the import and in the audit log), e.g. "Tolkemonitor 2023".
    #[arg(long, default_value = "")]
    pub note: String,
    /// Who imports (kept with the import); default the login name.
    #[arg(long, env = "USER")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The year: interpreters listed on 31 December against that year's demand.
    #[arg(long)]
    pub year: i32,
    /// The share of a full-time position one interpreter supplies, in (0, 1] (IMDi: 0.35).
    #[arg(long, default_value_t = register::statistics::coverage::DEFAULT_CAPACITY_SHARE)]
    pub capacity_share: f64,
    /// Assignments a full-time position does in a year (an assumption: 1000).
    #[arg(long, default_value_t = register::statistics::coverage::DEFAULT_ASSIGNMENTS_PER_FULL_TIME)]
    pub assignments_per_full_time: f64,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(subcommand)]
    pub table: StatsCommand,
    /// Output: aligned text for reading, or CSV / JSON for other programs.
    #[arg(long, value_enum, default_value_t = crate::sheet::Format::Text, global = true)]
    pub format: crate::sheet::Format,
}

#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// Entries per category and kind with the share A–D (table 3-4-1), persons, and entries per
    /// language, at the end of a day from 2020 to today.
    Figures {
        /// The day (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        day: Option<Date>,
        /// Only this table (CSV holds one table only).
        #[arg(long, value_enum)]
        table: Option<FiguresTable>,
    },
    /// The half-year series: 30 June and 31 December from 2020 to today.
    Series,
    /// Build the statistical projection again from the register's history (never needed in
    /// normal running: every write keeps it; for after a manual repair of the history).
    Rebuild,
    /// Flows per year: new qualifications by route, foreign-qualification cases, entries added
    /// and ended by cause.
    Flows {
        /// The first year; default 2020.
        #[arg(long)]
        from: Option<i32>,
        /// The last year; default this year.
        #[arg(long)]
        to: Option<i32>,
    },
}

/// The tables of `stats figures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FiguresTable {
    Kinds,
    Persons,
    Languages,
}

/// Parses a calendar date, rejecting impossible ones (2023-02-30) with a clear message.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), format)
        .map_err(|_| format!("«{s}» er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD, f.eks. 2023-12-31)"))
}

fn parse_number(s: &str) -> Result<register::InterpreterNumber, String> {
    s.parse()
        .map_err(|e: register::interpreter_number::InvalidInterpreterNumber| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(parse_date("2023-12-31").is_ok());
        for bad in ["2023-02-30", "2023-13-01", "31.12.2023", "", "2023-1-1"] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.contains("ikke en gyldig dato"), "{bad}: {err}");
        }
    }
}
