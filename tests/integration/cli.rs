//! End-to-end tests of the `tolkeregister` binary: seeding, figures, statistics, export and bad input,
//! on the embedded SQLite default and on PostgreSQL.

use crate::common;

use std::process::{Command, Output};

use serde_json::Value;

fn run(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// IMDi's table: spoken-language entries per category on 31 December.
const TABLE: [(&str, [u64; 5], u64); 4] = [
    ("2020-12-31", [18, 217, 43, 745, 630], 1653),
    ("2021-12-31", [26, 234, 45, 814, 829], 1948),
    ("2022-12-31", [66, 242, 42, 879, 1016], 2245),
    ("2023-12-31", [92, 483, 43, 997, 1167], 2782),
];

fn seeded_figures_match_the_annual_report(url: &str) {
    let seeded = run(url, &["seed"]);
    assert!(seeded.status.success(), "seed failed: {}", stderr(&seeded));
    for (day, per_category, total) in TABLE {
        let out = run(url, &["counts", "--as-of", day]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: Value = serde_json::from_str(&stdout(&out)).expect("counts prints JSON");
        assert_eq!(v["as_of"], day);
        let spoken = &v["entries_per_category"]["spoken"];
        let got: Vec<u64> = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|c| spoken[c].as_u64().unwrap())
            .collect();
        assert_eq!(got, per_category, "{day}");
        assert_eq!(spoken["total"], total, "{day}");
        if day == "2023-12-31" {
            assert_eq!(v["unique_persons"], 2338);
            assert_eq!(v["persons_with_two_or_more_languages"], 599);
            assert_eq!(v["entries_per_kind"]["sign"], 268);
            assert_eq!(v["entries_per_language"]["UKR"], 134);
        }
        if day == "2022-12-31" {
            assert_eq!(v["unique_persons"], 1891);
            assert_eq!(v["entries_per_language"]["UKR"], 13);
        }
    }
    let again = run(url, &["seed"]);
    assert!(!again.status.success(), "seeding twice must be refused");
    assert!(stderr(&again).contains("ikke tom"), "{}", stderr(&again));
}

/// `stats` prints the same figures as the annual report from the statistics code, as text,
/// CSV and JSON, and refuses bad days, years and table choices with a clear message.
fn stats_prints_the_annual_report(url: &str) {
    for (day, per_category, total) in TABLE {
        let out = run(
            url,
            &["stats", "figures", "--day", day, "--table", "kinds", "--format", "csv"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let csv = stdout(&out);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "kind,A,B,C,D,E,total,share_a_d");
        let spoken = lines.iter().find(|l| l.starts_with("spoken,")).expect("spoken row");
        let cells: Vec<u64> = spoken.split(',').skip(1).take(6).map(|c| c.parse().unwrap()).collect();
        assert_eq!(cells[..5], per_category, "{day}");
        assert_eq!(cells[5], total, "{day}");
    }
    let json = run(url, &["stats", "figures", "--day", "2023-12-31", "--format", "json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let v: Value = serde_json::from_str(&stdout(&json)).expect("stats prints JSON");
    assert_eq!(v["persons"]["rows"][0]["unique_persons"], 2338);
    assert_eq!(v["persons"]["rows"][0]["persons_two_or_more_languages"], 599);
    let languages = v["languages"]["rows"].as_array().unwrap();
    assert_eq!(languages[0]["language"], "NSL", "Norwegian sign language: 268 entries");
    let spoken = languages.iter().find(|l| l["kind"] == "spoken").unwrap();
    assert_eq!(spoken["language"], "ARB", "Arabic is the largest spoken language");
    let ukrainian = languages.iter().find(|l| l["language"] == "UKR").unwrap();
    assert_eq!(ukrainian["total"], 134);

    let text = run(url, &["stats", "figures", "--day", "2023-12-31"]);
    assert!(text.status.success());
    let text = stdout(&text);
    assert!(
        text.contains("Oppføringer per kategori og tolketype per 2023-12-31"),
        "{text}"
    );
    let spoken = text.lines().find(|l| l.starts_with("spoken ")).unwrap();
    let words: Vec<&str> = spoken.split_whitespace().collect();
    assert_eq!(words[1..7], ["92", "483", "43", "997", "1167", "2782"], "{spoken}");

    // Building the statistics again from history gives the same table.
    let rebuilt = run(url, &["stats", "rebuild"]);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert!(stdout(&rebuilt).contains("bygd på nytt"), "{}", stdout(&rebuilt));
    let again = stdout(&run(url, &["stats", "figures", "--day", "2023-12-31"]));
    assert_eq!(again, text, "the same figures after a rebuild");

    let flows = run(
        url,
        &["stats", "flows", "--from", "2022", "--to", "2023", "--format", "csv"],
    );
    assert!(flows.status.success(), "{}", stderr(&flows));
    let csv = stdout(&flows);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("year,authorisations,authorisation_languages,bilingual_test_entries,"));
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[2].starts_with("2023,18,6,185,"), "{}", lines[2]);
    let flows_text = stdout(&run(url, &["stats", "flows", "--from", "2023", "--to", "2023"]));
    let authorisations = flows_text
        .lines()
        .find(|l| l.starts_with("Nye statsautorisasjoner"))
        .unwrap();
    assert!(authorisations.ends_with(" 18"), "{authorisations}");

    let series = run(url, &["stats", "series", "--format", "json"]);
    assert!(series.status.success(), "{}", stderr(&series));
    let v: Value = serde_json::from_str(&stdout(&series)).unwrap();
    let rows = v["series"]["rows"].as_array().unwrap();
    assert_eq!(rows[0]["day"], "2020-06-30");
    let end_2023 = rows.iter().find(|r| r["day"] == "2023-12-31").unwrap();
    assert_eq!(end_2023["spoken"], 2782);
    assert_eq!(end_2023["sign"], 268);

    let cases: [(&[&str], &str); 5] = [
        (
            &["stats", "figures", "--day", "2019-12-31"],
            "statistikken begynner 2020-01-01",
        ),
        (&["stats", "figures", "--day", "2023-02-30"], "ikke en gyldig dato"),
        (
            &["stats", "flows", "--from", "2024", "--to", "2020"],
            "fra-året 2024 er etter til-året 2020",
        ),
        (&["stats", "figures", "--format", "csv"], "velg en av dem med --table"),
        (&["stats", "figures", "--format", "xml"], "invalid value 'xml'"),
    ];
    for (args, message) in cases {
        let out = run(url, args);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?} panicked");
    }
}

fn export_shows_interpreters_with_derived_categories(url: &str) {
    let out = run(url, &["export", "--as-of", "2023-12-31"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(
        lines.len() > 2338,
        "everyone registered by then, listed or not: {}",
        lines.len()
    );
    let listed_entries: usize = lines
        .iter()
        .flat_map(|l| l["entries"].as_array().unwrap())
        .filter(|e| e["listed"] == true && e["kind"] == "spoken")
        .count();
    assert_eq!(listed_entries, 2782);
    let first = &lines[0];
    assert_eq!(first["interpreter_number"], "10001");
    assert!(first["entries"][0]["category"].is_string());
    assert!(!text.contains("national_id"), "the identity number is never exported");

    let arabic = run(url, &["export", "--language", "arabisk"]);
    assert!(arabic.status.success());
    assert!(stdout(&arabic).lines().all(|l| l.contains("\"ARB\"")));
    let one = run(url, &["export", "--interpreter", "10001"]);
    assert_eq!(stdout(&one).lines().count(), 1);
}

fn bad_input_gets_a_clear_message_and_non_zero_exit(url: &str) {
    let cases: [(&[&str], &str); 6] = [
        (&["counts", "--as-of", "2023-02-30"], "ikke en gyldig dato"),
        (&["export", "--as-of", "31.12.2023"], "ikke en gyldig dato"),
        (&["export", "--language", "klingon"], "ukjent språk «klingon»"),
        (&["export", "--interpreter", "01x"], "ikke et gyldig tolkenummer"),
        (&["export", "--interpreter", "9999999"], "fant ingen tolk"),
        (&["--no-such-flag"], "unexpected argument"),
    ];
    for (args, message) in cases {
        let out = run(url, args);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?} panicked");
    }
    let out = run("mysql://nowhere", &["counts"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("ugyldig database-URL"), "{}", stderr(&out));
}

/// A bad demand file imports nothing and names every bad line; the demo file then gives
/// coverage per language, Arabic the largest gap, with the parameters shown.
fn demand_import_is_all_or_nothing_and_shows_coverage(url: &str) {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "language;year;assignments\nARB;2022;100\nklingon;2022;5\nARB;2022;7\nSOM;2022;-3\nSOM;20x2;3\n",
    )
    .unwrap();
    let out = run(url, &["demand", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success(), "a bad file must be refused");
    for expected in [
        "ingenting er lagret",
        "linje 3: ukjent språk «klingon»",
        "linje 4: samme språk, år, fylke og sektor står allerede på linje 2",
        "linje 5: antall oppdrag kan ikke være negativt",
        "linje 6: året «20x2»",
    ] {
        assert!(stderr(&out).contains(expected), "{expected}: {}", stderr(&out));
    }
    let none = run(url, &["demand", "coverage", "--year", "2022"]);
    assert!(!none.status.success(), "nothing was imported");
    assert!(
        stderr(&none).contains("ingen etterspørsel er importert for 2022"),
        "{}",
        stderr(&none)
    );

    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demand-demo.csv");
    let out = run(url, &["demand", "import", demo, "--note", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("demand-demo.csv"), "{}", stdout(&out));

    let out = run(url, &["demand", "coverage", "--year", "2022", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("coverage prints JSON");
    assert_eq!(v["params"]["capacity_share"], 0.35);
    for counting in ["person_language", "unique_person"] {
        let table = &v[counting];
        assert_eq!(
            table["languages"][0]["language"], "ARB",
            "{counting}: Arabic has the largest gap"
        );
        let covered = table["totals"]["covered_share"].as_f64().unwrap();
        assert!(
            (0.55..0.85).contains(&covered),
            "{counting}: about 30 % under-coverage, got {covered}"
        );
        let missing = table["totals"]["interpreters_missing"].as_u64().unwrap();
        assert!(missing > 100, "{counting}: {missing}");
    }
    let without = v["person_language"]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["listed"].as_f64() == Some(0.0))
        .count();
    assert!(without >= 2, "the demo has languages with demand and no interpreter");

    let text = run(
        url,
        &["demand", "coverage", "--year", "2022", "--capacity-share", "0.5"],
    );
    assert!(text.status.success(), "{}", stderr(&text));
    assert!(stdout(&text).contains("kapasitetsandel 0,50"), "{}", stdout(&text));
    assert!(stdout(&text).contains("arabisk (ARB)"), "{}", stdout(&text));
    assert!(stdout(&text).contains("unike personer"), "{}", stdout(&text));
    let csv = run(url, &["demand", "coverage", "--year", "2023", "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    assert!(stdout(&csv).starts_with("year,counting,capacity_share"));
    assert!(
        stdout(&csv)
            .lines()
            .any(|l| l.starts_with("2023,unique_person,0.35,1000,ARB,"))
    );
    let refused = run(
        url,
        &["demand", "coverage", "--year", "2022", "--capacity-share", "1.5"],
    );
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("kapasitetsandelen"), "{}", stderr(&refused));
}

#[test]
fn sqlite_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("r.db").display());
    seeded_figures_match_the_annual_report(&url);
    stats_prints_the_annual_report(&url);
    export_shows_interpreters_with_derived_categories(&url);
    bad_input_gets_a_clear_message_and_non_zero_exit(&url);
    demand_import_is_all_or_nothing_and_shows_coverage(&url);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_end_to_end() {
    let Some(db) = common::postgres().await else { return };
    let url = db.url.clone();
    tokio::task::spawn_blocking(move || {
        seeded_figures_match_the_annual_report(&url);
        stats_prints_the_annual_report(&url);
        export_shows_interpreters_with_derived_categories(&url);
        demand_import_is_all_or_nothing_and_shows_coverage(&url);
    })
    .await
    .unwrap();
}

#[test]
fn migrate_runs_alone_and_help_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("m.db").display());
    let out = run(&url, &["migrate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("m.db").exists());
    assert!(run(&url, &["--help"]).status.success());
}

#[test]
fn the_staff_service_on_a_server_database_needs_the_tip_key() {
    let out = Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(["serve-admin", "--admin-addr", "127.0.0.1:0"])
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none")
        .env_remove("TOLKEREGISTER_TIP_KEY")
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("TOLKEREGISTER_TIP_KEY"), "{}", stderr(&out));

    let bad_key = Command::new(env!("CARGO_BIN_EXE_tolkeregister"))
        .args(["serve-admin", "--admin-addr", "127.0.0.1:0"])
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none")
        .env("TOLKEREGISTER_TIP_KEY", "too-short")
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs");
    assert!(!bad_key.status.success());
    assert!(stderr(&bad_key).contains("ugyldig"), "{}", stderr(&bad_key));
}
