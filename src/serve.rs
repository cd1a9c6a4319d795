//! Runs the services: opens the register (loading fixtures into an empty embedded database),
//! starts the public and admin listeners and the daily sanction sweep, and says where to go.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use register::generator::Options;
use register::{Database, Store};
use tokio::net::TcpListener;

use crate::cli::{DbArgs, ServeArgs};

/// Prints a line for the operator; a closed stdout (e.g. a supervisor that stopped reading)
/// must not take the service down, so write errors are ignored.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}
use crate::commands::{connect, load_fixtures};

pub async fn run(db: &DbArgs, args: ServeArgs) -> anyhow::Result<()> {
    let store = connect(db).await?;
    if store.backend() == "sqlite" && !args.no_fixtures && store.is_empty().await? {
        say!("Tom database: laster inn testregisteret (syntetiske personer) …");
        let entries = load_fixtures(&store, Options::default()).await?;
        say!("Testregisteret er lastet: {entries} oppføringer.");
    }
    let public = bind(args.public_addr, "den offentlige tjenesten").await?;
    let admin = bind(args.admin_addr, "saksbehandlertjenesten").await?;
    let public_addr = public.local_addr()?;
    let admin_addr = admin.local_addr()?;

    tokio::spawn(sweep_expired_exclusions(store.clone()));
    let public_app = public_web::router(public_web::AppState { store: store.clone() });
    let admin_app = admin::router(admin::AdminState { store: store.clone() });

    say!();
    say!("Nasjonalt tolkeregister kjører ({}):", store.backend());
    say!("  Offentlig tjeneste:      http://{public_addr}/");
    say!("    – kontroller et tolkenummer: http://{public_addr}/api/v1/verify/10001");
    say!("    – språkene:                  http://{public_addr}/api/v1/languages");
    say!("  Saksbehandlertjeneste:   http://{admin_addr}/healthz");
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
    let result = axum::serve(listener, app)
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
        match register::sanctions::record_expired_exclusions(&store, register::Timestamp::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(count = n, "recorded the end of expired exclusions"),
            Err(e) => tracing::warn!(error = %e, "could not record expired exclusions"),
        }
    }
}
