//! `tolkeregister`: one command for the whole system. With no arguments it runs everything on
//! the embedded SQLite database with fixture data; subcommands migrate, seed, export, count and print statistics.

mod backup;
mod cli;
mod commands;
mod demand;
mod serve;
mod sheet;
mod stats;
mod tip_key;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are not errors; everything else exits 2 with clap's message.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    telemetry::init_logs();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("feil: kunne ikke starte: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("feil: {e:#}");
            ExitCode::FAILURE
        }
    }
}
