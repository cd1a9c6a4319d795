//! Reads the open-data files back with real clients: the `csv` crate for CSV and the
//! `jsonstat-toolkit` npm package (in `tests/jsonstat-reader/`) for JSON-stat.

use std::path::{Path, PathBuf};
use std::process::Command;

use open_data::Labels;
use register::statistics::table::{Suppression, Table, Value};
use register::statistics::{Cell, Figures, disclosure, tables};
use register::{Category, LanguageKind};
use serde_json::{Value as Json, json};
use time::macros::{date, datetime};

struct Words;

impl Labels for Words {
    fn title(&self, table: &Table) -> String {
        format!("Oppføringer etter språk og fylke ({})", table.id)
    }
    fn dimension(&self, id: &str) -> String {
        match id {
            "day" => "Dag".into(),
            "language" => "Språk".into(),
            "county" => "Fylke".into(),
            other => other.into(),
        }
    }
    fn category(&self, dimension_id: &str, code: &str) -> String {
        match (dimension_id, code) {
            (_, "total") => "I alt".into(),
            ("language", "ARB") => "arabisk".into(),
            ("language", "UKR") => "ukrainsk".into(),
            ("county", "03") => "Oslo".into(),
            // A comma and a quote: the CSV writer must quote this field and double the quote.
            ("county", "46") => "Vestland, \"Vestlandet\"".into(),
            _ => code.into(),
        }
    }
    fn language_tag(&self) -> &str {
        "nb"
    }
    fn suppressed_note(&self) -> String {
        "Skjult av personvernhensyn".into()
    }
}

fn cell(language: &str, category: Category, county: &str, entries: u64) -> Cell {
    Cell {
        language: language.parse().unwrap(),
        kind: LanguageKind::Spoken,
        category,
        county: county.parse().unwrap(),
        entries,
    }
}

/// A protected language × county table with hidden cells: one Ukrainian interpreter in Vestland.
fn protected_table() -> Table {
    let f = Figures {
        day: date!(2023 - 12 - 31),
        cells: vec![
            cell("ARB", Category::A, "03", 40),
            cell("ARB", Category::E, "46", 12),
            cell("UKR", Category::D, "03", 9),
            cell("UKR", Category::E, "46", 1),
            cell("POL", Category::E, "11", 6),
        ],
        unique_persons: 60,
        persons_with_two_or_more_languages: 4,
    };
    let table = disclosure::protect(&tables::language_by_county(&f), disclosure::DEFAULT_THRESHOLD);
    assert_eq!(
        table.get(&["UKR", "46"]),
        Some(Value::Suppressed(Suppression::Primary)),
        "the fixture must have a hidden cell"
    );
    table
}

#[test]
fn csv_reads_back_with_the_csv_crate() {
    let table = protected_table();
    let text = open_data::csv::write(&table, &Words);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        ["day", "Dag", "language", "Språk", "county", "Fylke", "value", "status"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), table.values.len());
    for (record, (codes, value)) in records.iter().zip(table.rows()) {
        assert_eq!(&record[0], "2023-12-31");
        assert_eq!((&record[2], &record[4]), (codes[0], codes[1]));
        match value {
            Value::Count(n) => assert_eq!((&record[6], &record[7]), (n.to_string().as_str(), "")),
            Value::Suppressed(_) => assert_eq!((&record[6], &record[7]), ("", ":")),
            other => panic!("unexpected {other:?}"),
        }
    }
    let ukr_vestland = records.iter().find(|r| &r[2] == "UKR" && &r[4] == "46").unwrap();
    assert_eq!(
        &ukr_vestland[5], "Vestland, \"Vestlandet\"",
        "the label survives quoting"
    );
    assert_eq!((&ukr_vestland[6], &ukr_vestland[7]), ("", ":"));
}

fn reader_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jsonstat-reader")
}

/// Whether `program --version` runs.
fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn json_stat_reads_back_with_jsonstat_toolkit() {
    if !available("node") || !available("npm") {
        if std::env::var("TOLKEREGISTER_SKIP_BROWSER").as_deref() == Ok("1") {
            println!("skipped: node/npm not found and TOLKEREGISTER_SKIP_BROWSER=1");
            return;
        }
        panic!("node and npm are needed to read JSON-stat back (set TOLKEREGISTER_SKIP_BROWSER=1 to skip)");
    }
    let dir = reader_dir();
    if !dir.join("node_modules/jsonstat-toolkit").exists() {
        let ci = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .output()
            .expect("npm runs");
        assert!(ci.status.success(), "npm ci: {}", String::from_utf8_lossy(&ci.stderr));
    }
    let table = protected_table();
    let dataset = open_data::jsonstat::dataset(&table, &Words, datetime!(2026-12-08 01:00 UTC));
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("language-by-county.json");
    std::fs::write(&file, serde_json::to_string(&dataset).unwrap()).unwrap();
    let queries = json!([
        { "language": "UKR", "county": "46" },
        { "language": "ARB", "county": "03" },
        { "language": "POL", "county": "11" },
        { "language": "total", "county": "total" },
    ]);
    let queries_file = work.path().join("queries.json");
    std::fs::write(&queries_file, queries.to_string()).unwrap();
    let out = Command::new("node")
        .arg(dir.join("read.mjs"))
        .arg(&file)
        .arg(&queries_file)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "read.mjs: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: Json = serde_json::from_slice(&out.stdout).unwrap();

    assert_eq!(read["label"], "Oppføringer etter språk og fylke (language-by-county)");
    let sizes: Vec<usize> = table.sizes();
    assert_eq!(read["size"], json!([1, sizes[0], sizes[1]]));
    let dims = read["dimensions"].as_array().unwrap();
    assert_eq!(dims[0]["role"], "time");
    assert_eq!(dims[2]["role"], "geo");
    assert_eq!(dims[1]["codes"], json!(table.dimensions[0].codes));
    assert_eq!(dims[2]["codes"], json!(table.dimensions[1].codes));
    let vestland = table.dimensions[1].codes.iter().position(|c| c == "46").unwrap();
    assert_eq!(dims[2]["labels"][vestland], "Vestland, \"Vestlandet\"");

    let cells = read["cells"].as_array().unwrap();
    assert_eq!(cells.len(), table.values.len());
    for (i, (cell, value)) in cells.iter().zip(&table.values).enumerate() {
        assert_eq!(*cell, as_read(*value), "cell {i}");
    }
    let looked_up: Vec<Json> = [["UKR", "46"], ["ARB", "03"], ["POL", "11"], ["total", "total"]]
        .iter()
        .map(|codes| as_read(table.get(codes).unwrap()))
        .collect();
    assert_eq!(
        looked_up[0],
        json!({ "value": null, "status": ":" }),
        "the small count is hidden"
    );
    assert_eq!(looked_up[2], json!({ "value": 6, "status": null }));
    assert_eq!(read["lookups"], json!(looked_up));
}

/// What jsonstat-toolkit should read for a cell.
fn as_read(value: Value) -> Json {
    match value {
        Value::Count(n) => json!({ "value": n, "status": null }),
        Value::Suppressed(_) => json!({ "value": null, "status": ":" }),
        other => panic!("unexpected {other:?}"),
    }
}
