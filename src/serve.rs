//! Runs the services: opens the register (loading fixtures into an empty embedded database),
//! starts the public and admin listeners and the daily sanction sweep, and says where to go.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use register::Database;
use register::generator::Options;
use tokio::net::TcpListener;

use crate::cli::{AdminArgs, DbArgs, PublicArgs, ServeAdminArgs, ServeArgs, ServePublicArgs};
use crate::commands::{connect, load_fixtures};

/// Prints a line for the operator; a closed stdout (e.g. a supervisor that stopped reading)
/// must not take the service down, so write errors are ignored.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

pub async fn run(db: &DbArgs, args: ServeArgs) -> anyhow::Result<()> {
    let store = connect(db).await?;
    if store.backend() == "sqlite" && !args.no_fixtures && store.is_empty().await? {
        say!("Tom database: laster inn testregisteret (syntetiske personer) …");
        let entries = load_fixtures(&store, Options::default()).await?;
        say!("Testregisteret er lastet: {entries} oppføringer.");
        let rules = admin::Settings::default().term_rules;
        if let Some(term) = admin::committee::demo::seed(&store, &rules, register::Timestamp::now().date()).await? {
            say!(
                "Demo-utvalg oppnevnt for {} – {} med ett møte (amina sitter i utvalget).",
                term.starts_on,
                term.ends_on
            );
        }
    }
    let public = bind(args.public_addr, "den offentlige tjenesten").await?;
    let admin = bind(args.admin_addr, "saksbehandlertjenesten").await?;
    let public_addr = public.local_addr()?;
    let admin_addr = admin.local_addr()?;

    tokio::spawn(sweep_expired_exclusions(store.clone()));
    let tip_key = crate::tip_key::resolve(&db.database_url)?;
    let public_app = public_app(&store, &args.public, Some(tip_key.sealing_key()))?;
    let (admin_state, demo_logins) = admin_state(&store, &args.admin, tip_key).await?;
    let admin_app = admin::router(admin_state);

    say!();
    say!("Nasjonalt tolkeregister kjører ({}):", store.backend());
    print_public_urls(public_addr);
    say!("  Saksbehandlertjeneste:   http://{admin_addr}/");
    print_demo_logins(&demo_logins);
    say!("  Database:                {}", db.database_url);
    say!("Stopp med Ctrl+C.");

    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let (tx, rx) = tokio::sync::watch::channel(());
    let public_task = tokio::spawn(serve_until(public, public_app, rx.clone()));
    let admin_task = tokio::spawn(serve_until(admin, admin_app, rx));
    shutdown.await;
    let _ = tx.send(());
    let _ = tokio::join!(public_task, admin_task);
    Ok(())
}

async fn bind(addr: SocketAddr, what: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .with_context(|| format!("kunne ikke lytte på {addr} for {what} (er porten i bruk?)"))
}

async fn serve_until(listener: TcpListener, app: axum::Router, mut stop: tokio::sync::watch::Receiver<()>) {
    // The peer address reaches handlers (the tip form's rate limit is per client).
    let result = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async move {
            let _ = stop.changed().await;
        })
        .await;
    if let Err(e) = result {
        tracing::error!(error = %e, "listener stopped");
    }
}

/// Writes down exclusions that ended on their end date, at start and then hourly, so the
/// history shows when each entry returned. Listing never waits for this: entry status is
/// read as of the day, so an exclusion stops hiding an entry on its end date regardless.
async fn sweep_expired_exclusions(store: Database) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match register::workflow::sanctions::record_expired_exclusions(&store, register::Timestamp::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(count = n, "recorded the end of expired exclusions"),
            Err(e) => tracing::warn!(error = %e, "could not record expired exclusions"),
        }
    }
}

/// Runs the public service alone; its index follows the register through the change feed.
pub async fn run_public(db: &DbArgs, args: ServePublicArgs) -> anyhow::Result<()> {
    let store = connect(db).await?;
    let listener = bind(args.public_addr, "den offentlige tjenesten").await?;
    let addr = listener.local_addr()?;
    let tip_key = match crate::tip_key::resolve_sealing(&db.database_url) {
        Ok(key) => Some(key),
        // Without a key the service runs, and its tip form says it cannot take tips now.
        Err(e) if e.downcast_ref::<register::tips::KeyError>() == Some(&register::tips::KeyError::Missing) => {
            say!("Advarsel: {e:#}. Varselskjemaet tar ikke imot varsler.");
            None
        }
        Err(e) => return Err(e),
    };
    let app = public_app(&store, &args.public, tip_key)?;
    say!("Den offentlige tjenesten kjører ({}):", store.backend());
    print_public_urls(addr);
    say!("Stopp med Ctrl+C.");
    let (tx, rx) = tokio::sync::watch::channel(());
    let task = tokio::spawn(serve_until(listener, app, rx));
    let _ = tokio::signal::ctrl_c().await;
    let _ = tx.send(());
    let _ = task.await;
    Ok(())
}

/// The public service on `store`, with its search index in `args.index_dir` (built or caught
/// up in the background; pages say "starting" until then), taking tips when it has `tip_key`.
fn public_app(
    store: &Database,
    args: &PublicArgs,
    tip_key: Option<register::tips::SealingKey>,
) -> anyhow::Result<axum::Router> {
    let state = match tip_key {
        Some(key) => public_web::AppState::start_with_tips(store.clone(), &args.index_dir, key),
        None => public_web::AppState::start(store.clone(), &args.index_dir),
    }
    .with_context(|| format!("kunne ikke åpne søkeindeksen i {}", args.index_dir.display()))?;
    let settings = public_web::tips::TipSettings {
        trust_forwarded_for: args.trust_forwarded_for,
        ..Default::default()
    };
    let hsts = throttle::Hsts::from_env(args.trust_forwarded_for)?;
    Ok(public_web::router(state.with_tip_settings(settings).with_hsts(hsts)))
}

fn print_public_urls(addr: SocketAddr) {
    say!("  Offentlig tjeneste:      http://{addr}/");
    say!("    – søk etter tolk:            http://{addr}/sok?language=arabisk");
    say!("    – kontroller et tolkenummer: http://{addr}/kontroller?nummer=10001");
    say!("    – varsle om en tolk:         http://{addr}/varsle");
    say!("    – JSON-API (OpenAPI):        http://{addr}/api/openapi.json");
}

/// Runs the admin service alone.
pub async fn run_admin(db: &DbArgs, args: ServeAdminArgs) -> anyhow::Result<()> {
    // Configuration first: a missing key is an operator's mistake to report before anything runs.
    let tip_key = crate::tip_key::resolve(&db.database_url)?;
    let store = connect(db).await?;
    let listener = bind(args.admin_addr, "saksbehandlertjenesten").await?;
    let addr = listener.local_addr()?;
    let (state, demo_logins) = admin_state(&store, &args.admin, tip_key).await?;
    say!("Saksbehandlertjenesten kjører ({}):", store.backend());
    say!("  Saksbehandlertjeneste:   http://{addr}/");
    print_demo_logins(&demo_logins);
    say!("Stopp med Ctrl+C.");
    let (tx, rx) = tokio::sync::watch::channel(());
    let task = tokio::spawn(serve_until(listener, admin::router(state), rx));
    let _ = tokio::signal::ctrl_c().await;
    let _ = tx.send(());
    let _ = task.await;
    Ok(())
}

/// The admin service's state from its flags: OpenID Connect when an issuer is set, otherwise
/// the built-in demo staff.
async fn admin_state(
    store: &Database,
    args: &AdminArgs,
    tip_key: register::tips::ContactKey,
) -> anyhow::Result<(admin::AdminState, Vec<admin::auth::users::DemoLogin>)> {
    let oidc = match (&args.oidc_issuer, &args.oidc_audience) {
        (Some(issuer), Some(audience)) => Some(admin::auth::oidc::OidcSettings {
            issuer: issuer.clone(),
            audience: audience.clone(),
            jwks_path: args.oidc_jwks.clone(),
            min_refresh: admin::auth::oidc::DEFAULT_MIN_REFRESH,
            algorithm: args.oidc_algorithm.parse().map_err(|_| {
                anyhow::anyhow!(
                    "ukjent algoritme «{}» (f.eks. RS256, ES256, EdDSA)",
                    args.oidc_algorithm
                )
            })?,
            roles_claim: args.oidc_roles_claim.clone(),
            authorize_url: args.oidc_authorize_url.clone(),
            redirect_url: args.oidc_redirect_url.clone(),
        }),
        _ => None,
    };
    let mut settings = admin::Settings::default();
    if let Some(body) = &args.appeal_body {
        settings.appeal_body = body.clone();
    }
    settings.login_limits.trust_forwarded_for = args.admin_trust_forwarded_for;
    settings.hsts = throttle::Hsts::from_env(args.admin_trust_forwarded_for)?;
    let config = admin::AdminConfig {
        oidc,
        secret: args.admin_secret.clone(),
        session_hours: None,
        settings,
        tip_key: Some(tip_key),
    };
    Ok(admin::AdminState::start(store.clone(), config).await?)
}

fn print_demo_logins(logins: &[admin::auth::users::DemoLogin]) {
    if logins.is_empty() {
        return;
    }
    say!("  Demobrukere (passordene gjelder til tjenesten stopper):");
    for l in logins {
        let roles: Vec<&str> = l.roles.iter().map(|r| r.label()).collect();
        say!(
            "    {:<8} {:<16} {}  ({})",
            l.username,
            l.password,
            l.name,
            roles.join(", ")
        );
    }
}
