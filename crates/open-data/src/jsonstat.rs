//! A table as a JSON-stat 2.0 dataset (<https://json-stat.org/full/>), the format Statistics
//! Norway publishes its tables in. Layout only; the words come from [`Labels`].
//!
//! - `id`/`size`/`dimension` follow the table's dimensions; a one-day table first gets a `day`
//!   dimension of one category (its day). Each dimension has a `label` and a `category` with
//!   `index` (the codes in order) and `label` (code → label).
//! - `role`: `time` for `day`, `geo` for `county`, `metric` for `measure`.
//! - `value`: a dense array, `null` where a cell shows no number; `status` (an object from the
//!   cell's index to its symbol) says why: [`SUPPRESSED`](crate::status::SUPPRESSED) (`:`) or
//!   [`MISSING`](crate::status::MISSING) (`..`); `note` explains the symbols present.
//! - `extension.table` carries the table id, the file name on the open-data URLs.

use serde_json::{Map, Value as Json, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use register::statistics::table::{Table, Value};

use crate::{DAY, Labels, published_dimensions, status};

/// The JSON-stat role of a dimension, by its id.
fn role(id: &str) -> Option<&'static str> {
    match id {
        DAY => Some("time"),
        "county" => Some("geo"),
        "measure" => Some("metric"),
        _ => None,
    }
}

/// The table as a JSON-stat 2.0 dataset with the words of `labels`, last `updated` then.
pub fn dataset(table: &Table, labels: &dyn Labels, updated: OffsetDateTime) -> Json {
    let dimensions = published_dimensions(table);
    let mut dimension = Map::new();
    let mut roles: Map<String, Json> = Map::new();
    for d in &dimensions {
        let category_labels: Map<String, Json> = d
            .codes
            .iter()
            .map(|code| (code.clone(), Json::String(labels.category(&d.id, code))))
            .collect();
        dimension.insert(
            d.id.clone(),
            json!({
                "label": labels.dimension(&d.id),
                "category": { "index": d.codes, "label": category_labels },
            }),
        );
        if let Some(r) = role(&d.id) {
            match roles.get_mut(r) {
                Some(Json::Array(ids)) => ids.push(json!(d.id)),
                _ => {
                    roles.insert(r.to_string(), json!([d.id]));
                }
            }
        }
    }
    let values: Vec<Json> = table
        .values
        .iter()
        .map(|v| match *v {
            Value::Count(n) => json!(n),
            Value::Number(x) => serde_json::Number::from_f64(x).map_or(Json::Null, Json::Number),
            Value::Suppressed(_) | Value::Missing => Json::Null,
        })
        .collect();
    let statuses: Map<String, Json> = table
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| status::of(*v).map(|s| (i.to_string(), json!(s))))
        .collect();
    let mut notes = Vec::new();
    if table.values.iter().any(|v| matches!(v, Value::Suppressed(_))) {
        notes.push(json!(format!("{} {}", status::SUPPRESSED, labels.suppressed_note())));
    }
    if table.values.contains(&Value::Missing)
        && let Some(note) = labels.missing_note()
    {
        notes.push(json!(format!("{} {note}", status::MISSING)));
    }
    let mut out = json!({
        "version": "2.0",
        "class": "dataset",
        "label": labels.title(table),
        "updated": updated.replace_nanosecond(0).unwrap_or(updated).format(&Rfc3339).unwrap_or_default(),
        "id": dimensions.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        "size": dimensions.iter().map(|d| d.codes.len()).collect::<Vec<_>>(),
        "dimension": dimension,
        "value": values,
        "extension": { "table": table.id, "lang": labels.language_tag() },
    });
    if !roles.is_empty() {
        out["role"] = Json::Object(roles);
    }
    if !statuses.is_empty() {
        out["status"] = Json::Object(statuses);
    }
    if !notes.is_empty() {
        out["note"] = Json::Array(notes);
    }
    out
}

#[cfg(test)]
mod tests {
    use register::statistics::table::{Dimension, Suppression};
    use time::macros::{date, datetime};

    use super::*;
    use crate::test_labels::Plain;

    fn language_by_county() -> Table {
        let mut t = Table::new(
            "language-by-county",
            Some(date!(2023 - 12 - 31)),
            vec![
                Dimension::new("language", ["ARB", "total"]),
                Dimension::new("county", ["03", "46", "total"]),
            ],
        );
        t.values = vec![
            Value::Suppressed(Suppression::Primary),
            Value::Suppressed(Suppression::Secondary),
            Value::Count(7),
            Value::Count(4),
            Value::Count(3),
            Value::Count(7),
        ];
        t
    }

    #[test]
    fn a_dataset_has_the_json_stat_frame() {
        let ds = dataset(&language_by_county(), &Plain, datetime!(2026-12-08 01:02:03.456 UTC));
        assert_eq!(ds["version"], "2.0");
        assert_eq!(ds["class"], "dataset");
        assert_eq!(ds["label"], "Tabell «language-by-county»");
        assert_eq!(ds["updated"], "2026-12-08T01:02:03Z");
        assert_eq!(ds["id"], json!(["day", "language", "county"]));
        assert_eq!(ds["size"], json!([1, 2, 3]));
        assert_eq!(ds["role"], json!({ "time": ["day"], "geo": ["county"] }));
        assert_eq!(ds["dimension"]["county"]["label"], "Fylke");
        assert_eq!(
            ds["dimension"]["county"]["category"]["index"],
            json!(["03", "46", "total"])
        );
        assert_eq!(
            ds["dimension"]["county"]["category"]["label"]["46"],
            "Vestland, \"Vestlandet\""
        );
        assert_eq!(ds["dimension"]["day"]["category"]["index"], json!(["2023-12-31"]));
        assert_eq!(ds["extension"]["table"], "language-by-county");
    }

    #[test]
    fn hidden_cells_are_null_with_one_symbol_whatever_the_reason() {
        let ds = dataset(&language_by_county(), &Plain, datetime!(2026-12-08 00:00 UTC));
        assert_eq!(ds["value"], json!([null, null, 7, 4, 3, 7]));
        assert_eq!(ds["status"], json!({ "0": ":", "1": ":" }));
        assert_eq!(ds["note"], json!([": Skjult av personvernhensyn"]));
    }

    #[test]
    fn a_table_without_hidden_cells_has_no_status_or_note() {
        let mut t = language_by_county();
        t.values[0] = Value::Count(1);
        t.values[1] = Value::Number(0.5);
        let ds = dataset(&t, &Plain, datetime!(2026-12-08 00:00 UTC));
        assert_eq!(ds["value"][1], json!(0.5));
        assert!(ds.get("status").is_none() && ds.get("note").is_none(), "{ds}");
    }
}
