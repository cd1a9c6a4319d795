//! Query latency, p50 and p99, for typical public searches on the fixture register and on
//! synthetic registers of 100k and 1M entries; and the same searches answered by SQL against
//! the register database (SQLite), the naive alternative, as a ratio. Prints Markdown.
//!
//! cargo bench -p search --bench latency                 # fixture, 100k, 1M; SQL up to 100k
//! cargo bench -p search --bench latency -- fixture      # just one scale
//! cargo bench -p search --bench latency -- 1000000      # just 1M (no SQL)
//! cargo bench -p search --bench latency -- 1000000 --clients 8   # 8 clients searching at once
//!     # served as the public service serves them: one search at a time per core (its tokio
//!     # workers run the search inline), the others waiting their turn; and, for comparison,
//!     # 8 threads that each search on their own (more threads than cores: the scheduler's time
//!     # slices show in the p99)
//! cargo bench -p search --bench latency -- 1000000 --keep-index /tmp/index-1m
//!     # leaves the index there (for `examples/index_memory.rs`)

use std::time::{Duration, Instant};

use register::generator::{self, Options};
use register::store::ConnectOptions;
use register::{Catalogue, Category, Database, InterpreterRecord, LanguageKind, Timestamp};
use search::index::IndexState;
use search::{PublicInterpreter, Query, SearchIndex, WorkMode};
use sqlx::Row;

/// Timings of `f` run `n` times after a warm-up: (p50, p99).
fn percentiles(n: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..n.min(50) {
        f();
    }
    let samples: Vec<Duration> = (0..n).map(|_| timed(&mut f)).collect();
    quantiles(samples)
}

/// Timings of `f` run `n` times by each of `clients` threads at once, after a warm-up:
/// (p50, p99) over every search of every client.
fn concurrent_percentiles(clients: usize, n: usize, f: impl Fn() + Sync) -> (Duration, Duration) {
    for _ in 0..n.min(50) {
        f();
    }
    let samples = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..clients)
            .map(|_| scope.spawn(|| (0..n).map(|_| timed(&f)).collect::<Vec<_>>()))
            .collect();
        threads.into_iter().flat_map(|t| t.join().unwrap()).collect()
    });
    quantiles(samples)
}

/// Timings of `f` as `clients` clients each asking one search after another of a service that
/// runs one search at a time on each of `workers` threads: from asking to the answer, queueing
/// included, after a warm-up.
fn served_percentiles(clients: usize, workers: usize, n: usize, f: impl Fn() + Sync) -> (Duration, Duration) {
    use std::sync::mpsc;
    for _ in 0..n.min(50) {
        f();
    }
    let (ask, queue) = mpsc::channel::<mpsc::SyncSender<()>>();
    let queue = std::sync::Mutex::new(queue);
    let samples = std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().recv();
                    let Ok(answer) = next else { break };
                    f();
                    let _ = answer.send(());
                }
            });
        }
        let clients: Vec<_> = (0..clients)
            .map(|_| {
                let ask = ask.clone();
                scope.spawn(move || {
                    (0..n)
                        .map(|_| {
                            let (answer, answered) = mpsc::sync_channel(1);
                            timed(|| {
                                ask.send(answer).unwrap();
                                answered.recv().unwrap();
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let samples: Vec<Duration> = clients.into_iter().flat_map(|c| c.join().unwrap()).collect();
        drop(ask);
        samples
    });
    quantiles(samples)
}

fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn quantiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let n = samples.len();
    (samples[n / 2], samples[(n * 99 / 100).min(n - 1)])
}

/// The value of `--name VALUE` among the arguments.
fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

struct Case {
    name: &'static str,
    query: Query,
    /// The SQL that answers the same question (page of 20 + total + facets), with its binds.
    sql: Option<(&'static str, Vec<&'static str>)>,
}

fn cases(records: &[InterpreterRecord]) -> Vec<Case> {
    let code = |s: &str| s.parse().unwrap();
    let family = records
        .iter()
        .find(|r| r.profile.family_name.len() >= 6)
        .map(|r| r.profile.family_name.clone())
        .unwrap();
    let mut typo: Vec<char> = family.to_lowercase().chars().collect();
    typo.swap(1, 2);
    vec![
        Case {
            name: "language ARB",
            query: Query::language(code("ARB")),
            sql: Some((SQL_LANGUAGE, vec!["ARB"])),
        },
        Case {
            name: "ARB, min C, Oslo, telephone",
            query: Query {
                min_category: Some(Category::C),
                counties: vec!["03".parse().unwrap()],
                modes: vec![WorkMode::Telephone],
                ..Query::language(code("ARB"))
            },
            sql: Some((SQL_FILTERED, vec!["ARB", "C", "03"])),
        },
        Case {
            name: "language PES (farsi)",
            query: Query::language(code("PES")),
            sql: Some((SQL_LANGUAGE, vec!["PES"])),
        },
        Case {
            name: "sign-language interpreters",
            query: Query {
                kinds: vec![LanguageKind::Sign],
                ..Query::default()
            },
            sql: None,
        },
        Case {
            name: "name with a typo",
            query: Query {
                name: Some(typo.into_iter().collect()),
                ..Query::default()
            },
            sql: None,
        },
        Case {
            name: "everyone (no filter)",
            query: Query::default(),
            sql: None,
        },
        Case {
            name: "everyone in Oslo, min B",
            query: Query {
                min_category: Some(Category::B),
                counties: vec!["03".parse().unwrap()],
                ..Query::default()
            },
            sql: None,
        },
        Case {
            name: "on site (broad filter)",
            query: Query {
                modes: vec![WorkMode::OnSite],
                ..Query::default()
            },
            sql: None,
        },
    ]
}

/// Page, total and facets for one language, as a plain SQL application would ask.
const SQL_LANGUAGE: &str = "
WITH hits AS (
  SELECT i.interpreter_number, i.given_name, i.family_name, i.county, i.phone, i.email, e.category
  FROM entry_versions e
  JOIN interpreter_versions i ON i.interpreter_number = e.interpreter_number AND i.valid_to IS NULL
  WHERE e.valid_to IS NULL AND e.language = $1 AND e.status = 'active' AND e.category IS NOT NULL)
SELECT 'page' AS part, interpreter_number AS k, category AS v FROM
  (SELECT * FROM hits ORDER BY category, (interpreter_number * 2654435761) % 4294967296 LIMIT 20)
UNION ALL SELECT 'category', category, COUNT(*) FROM hits GROUP BY category
UNION ALL SELECT 'county', county, COUNT(*) FROM hits GROUP BY county";

const SQL_FILTERED: &str = "
WITH hits AS (
  SELECT i.interpreter_number, i.given_name, i.family_name, i.county, i.phone, i.email, e.category
  FROM entry_versions e
  JOIN interpreter_versions i ON i.interpreter_number = e.interpreter_number AND i.valid_to IS NULL
  WHERE e.valid_to IS NULL AND e.language = $1 AND e.status = 'active' AND e.category IS NOT NULL
    AND i.telephone)
SELECT 'page' AS part, interpreter_number AS k, category AS v FROM
  (SELECT * FROM hits WHERE category <= $2 AND county = $3
   ORDER BY category, (interpreter_number * 2654435761) % 4294967296 LIMIT 20)
UNION ALL SELECT 'category', category, COUNT(*) FROM hits WHERE county = $3 GROUP BY category
UNION ALL SELECT 'county', county, COUNT(*) FROM hits WHERE category <= $2 GROUP BY county";

/// The entries of the page's interpreters (the second round trip the SQL version needs).
const SQL_ENTRIES: &str = "SELECT interpreter_number, language, category FROM entry_versions
  WHERE valid_to IS NULL AND status = 'active' AND interpreter_number IN (SELECT value FROM json_each($1))";

fn main() {
    let all: Vec<String> = std::env::args().skip(1).collect();
    let clients: usize = option(&all, "--clients").and_then(|n| n.parse().ok()).unwrap_or(1);
    let keep_index = option(&all, "--keep-index").map(std::path::PathBuf::from);
    // Scales are the bare numbers (or "fixture"), not options nor their values.
    let args: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !all[i - 1].starts_with("--")))
        .map(|(_, a)| a.clone())
        .collect();
    let scales: Vec<Option<usize>> = if args.is_empty() {
        vec![None, Some(100_000), Some(1_000_000)]
    } else {
        args.iter().map(|a| a.parse().ok()).collect()
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    println!(
        "| register | entries | interpreters | query | hits | p50 ms | p99 ms | SQL p50 ms | SQL p99 ms | SQL ÷ index (p50) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for scale in scales {
        let catalogue = Catalogue::bundled();
        let t = Instant::now();
        let generated = generator::generate(&catalogue, Options { seed: 1, scale });
        let entries: usize = generated.records.iter().map(|r| r.entries.len()).sum();
        eprintln!("generated {entries} entries in {:.1} s", t.elapsed().as_secs_f64());
        let day = Timestamp::now().date();
        let public: Vec<PublicInterpreter> = PublicInterpreter::listed(&generated.records, day);
        let dir = tempfile::tempdir().unwrap();
        let index_dir = keep_index.clone().unwrap_or_else(|| dir.path().to_path_buf());
        let index = SearchIndex::open(Some(&index_dir), catalogue.clone()).unwrap();
        let t = Instant::now();
        let state = IndexState {
            schema: search::schema::SCHEMA_VERSION,
            seq: 0,
            seq_mark: None,
            day,
        };
        index.replace_all(public.clone(), &state).unwrap();
        eprintln!(
            "indexed {} interpreters in {:.1} s",
            public.len(),
            t.elapsed().as_secs_f64()
        );

        // SQL only where loading the register into SQLite is quick enough for a bench run.
        let db_dir = tempfile::tempdir().unwrap();
        let sql = (entries <= 150_000).then(|| {
            rt.block_on(async {
                let url = format!("sqlite:{}", db_dir.path().join("r.db").display());
                let store = Database::connect(
                    &ConnectOptions {
                        url: url.clone(),
                        max_connections: 4,
                    },
                    catalogue.clone(),
                )
                .await
                .unwrap();
                let t = Instant::now();
                generator::load(&store, generated.changes.clone(), 5_000).await.unwrap();
                eprintln!("loaded SQLite in {:.1} s", t.elapsed().as_secs_f64());
                sqlx::sqlite::SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect(&url)
                    .await
                    .unwrap()
            })
        });
        let label = scale.map_or("fixture".to_string(), |n| format!("{}k", n / 1000));
        let label = if clients > 1 {
            format!("{label}, {clients} clients served by one worker per core")
        } else {
            label
        };
        let n = if entries > 500_000 { 500 } else { 2_000 };
        for case in cases(&generated.records) {
            // The first search also fills per-segment caches (see `groups`): shown apart.
            let t = Instant::now();
            let hits = index.search_uncached(&case.query, day).unwrap().total;
            eprintln!("{label} {}: first search {} ms", case.name, ms(t.elapsed()));
            let search = || {
                std::hint::black_box(index.search_uncached(&case.query, day).unwrap());
            };
            let (p50, p99) = if clients > 1 {
                let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
                let (t50, t99) = concurrent_percentiles(clients, n, search);
                eprintln!(
                    "{label} {}: {clients} threads searching on their own: p50 {} p99 {} ms",
                    case.name,
                    ms(t50),
                    ms(t99)
                );
                served_percentiles(clients, workers, n, search)
            } else {
                percentiles(n, search)
            };
            let (sql50, sql99) = match (&sql, &case.sql) {
                (Some(pool), Some((text, binds))) => {
                    let (a, b) = percentiles(n.min(500), || {
                        rt.block_on(async {
                            let mut q = sqlx::query(sqlx::AssertSqlSafe(*text));
                            for b in binds {
                                q = q.bind(*b);
                            }
                            let rows = q.fetch_all(pool).await.unwrap();
                            let numbers: Vec<i64> = rows
                                .iter()
                                .filter(|r| r.get::<String, _>(0) == "page")
                                .map(|r| r.get::<i64, _>(1))
                                .collect();
                            let entries = sqlx::query(SQL_ENTRIES)
                                .bind(serde_json::to_string(&numbers).unwrap())
                                .fetch_all(pool)
                                .await
                                .unwrap();
                            std::hint::black_box(entries);
                        })
                    });
                    (
                        ms(a),
                        format!("{} | {:.0}×", ms(b), a.as_secs_f64() / p50.as_secs_f64()),
                    )
                }
                _ => ("–".into(), "– | –".into()),
            };
            println!(
                "| {label} | {entries} | {} | {} | {hits} | {} | {} | {sql50} | {sql99} |",
                public.len(),
                case.name,
                ms(p50),
                ms(p99)
            );
        }
    }
}
