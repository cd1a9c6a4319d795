//! Bench binary: generate and load a synthetic register of a given size into SQLite or
//! PostgreSQL, then time `as_of` and single-record reads. Prints one JSON line of numbers.
//!
//! cargo run --release -p register --example load_bench -- <entries> <sqlite:PATH | postgres://…>
//! cargo run --release -p register --example load_bench -- figures <database-url>   (an already
//! loaded register: times figures_on on several days, five times each, and the series)

use std::time::Instant;

use register::generator::{self, Options};
use register::store::ConnectOptions;
use register::{Catalogue, Database, InterpreterNumber, Timestamp};
use time::macros::date;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let (Some("figures"), Some(url)) = (args.get(1).map(String::as_str), args.get(2)) {
        return figures_only(url).await;
    }
    let (Some(entries), Some(url)) = (args.get(1).and_then(|s| s.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: load_bench <entries> <database-url>");
        std::process::exit(2);
    };
    let store = Database::connect(
        &ConnectOptions {
            url: url.clone(),
            max_connections: 4,
        },
        Catalogue::bundled(),
    )
    .await?;
    if !store.is_empty().await? {
        return Err("the bench database must be empty".into());
    }

    let t = Instant::now();
    let generated = generator::generate(
        store.catalogue(),
        Options {
            seed: 1,
            scale: Some(entries),
        },
    );
    let generate_s = t.elapsed().as_secs_f64();
    let total_entries: usize = generated.records.iter().map(|r| r.entries.len()).sum();
    let people = generated.records.len();
    let changes = generated.changes.len();
    drop(generated.records);

    let t = Instant::now();
    generator::load(&store, generated.changes, 5_000).await?;
    let load_s = t.elapsed().as_secs_f64();

    let mut as_of_ms = Vec::new();
    for day in [date!(2021 - 12 - 31), date!(2023 - 12 - 31)] {
        let t = Instant::now();
        let records = store.as_of(Timestamp::end_of(day)).await?;
        as_of_ms.push((day.to_string(), t.elapsed().as_secs_f64() * 1000.0, records.len()));
    }

    // Building the statistical projection from the whole history (the load above built it
    // once already; this times a second build on its own).
    let t = Instant::now();
    store.rebuild_statistics().await?;
    let rebuild_s = t.elapsed().as_secs_f64();

    // The official figures of a day from the projection, against counting the history itself,
    // and the half-year series 2020 to mid-2026 from the projection.
    let mut figures_ms = Vec::new();
    for day in [date!(2021 - 12 - 31), date!(2023 - 12 - 31), date!(2024 - 08 - 17)] {
        let t = Instant::now();
        let figures = store.figures_on(day).await?;
        let projected_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let counted = store.figures_from_history(day).await?;
        let history_ms = t.elapsed().as_secs_f64() * 1000.0;
        if counted != figures {
            return Err(format!("projection and history disagree on {day}").into());
        }
        figures_ms.push((day.to_string(), projected_ms, history_ms, figures.total(None)));
    }
    let days = register::statistics::series_days(2020, generator::LAST_DAY);
    let t = Instant::now();
    store.figures_series(&days).await?;
    let series_ms = t.elapsed().as_secs_f64() * 1000.0;

    // Single-record reads, current and historical, spread over the register.
    let step = (people / 200).max(1) as i64;
    let numbers: Vec<InterpreterNumber> = (0..200)
        .filter_map(|i| InterpreterNumber::new(InterpreterNumber::FIRST.get() + i * step).ok())
        .collect();
    let mut current = Vec::new();
    let mut historical = Vec::new();
    for n in &numbers {
        let t = Instant::now();
        store.record(*n).await?;
        current.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        store.record_as_of(*n, Timestamp::end_of(date!(2022 - 12 - 31))).await?;
        historical.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let p = |v: &mut Vec<f64>, q: f64| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[((v.len() - 1) as f64 * q).round() as usize]
    };
    println!(
        "{}",
        serde_json::json!({
            "backend": store.backend(),
            "requested_entries": entries,
            "entries": total_entries,
            "people": people,
            "changes": changes,
            "generate_s": generate_s,
            "load_s": load_s,
            "load_changes_per_s": changes as f64 / load_s,
            "as_of": as_of_ms.iter().map(|(d, ms, n)| serde_json::json!({"day": d, "ms": ms, "records": n})).collect::<Vec<_>>(),
            "projection_rebuild_s": rebuild_s,
            "figures_on": figures_ms.iter().map(|(d, ms, hist, n)| serde_json::json!({"day": d, "ms": ms, "from_history_ms": hist, "listed_entries": n})).collect::<Vec<_>>(),
            "figures_series_ms": series_ms,
            "figures_series_days": days.len(),
            "record_ms_p50": p(&mut current, 0.5),
            "record_ms_p99": p(&mut current, 0.99),
            "record_as_of_ms_p50": p(&mut historical, 0.5),
            "record_as_of_ms_p99": p(&mut historical, 0.99),
        })
    );
    Ok(())
}

/// Times the official figures on an already loaded register: each of seven days five times
/// (min / median / max), and the half-year series 2020 to the fixture's last day three times.
async fn figures_only(url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let store = Database::connect(
        &ConnectOptions {
            url: url.to_string(),
            max_connections: 4,
        },
        Catalogue::bundled(),
    )
    .await?;
    let mut days_out = Vec::new();
    for day in [
        date!(2020 - 06 - 30),
        date!(2021 - 12 - 31),
        date!(2022 - 03 - 15),
        date!(2023 - 12 - 31),
        date!(2024 - 08 - 17),
        date!(2025 - 12 - 31),
        date!(2026 - 06 - 30),
    ] {
        let mut ms = Vec::new();
        let mut listed = 0;
        for _ in 0..5 {
            let t = Instant::now();
            listed = store.figures_on(day).await?.total(None);
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        ms.sort_by(|a, b| a.total_cmp(b));
        days_out.push(serde_json::json!({"day": day.to_string(), "min_ms": ms[0], "median_ms": ms[2], "max_ms": ms[4], "listed_entries": listed}));
    }
    let days = register::statistics::series_days(2020, generator::LAST_DAY);
    let mut series = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        store.figures_series(&days).await?;
        series.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "{}",
        serde_json::json!({"backend": store.backend(), "figures_on": days_out, "series_days": days.len(), "series_ms": series})
    );
    Ok(())
}
