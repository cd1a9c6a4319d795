//! Open-data formats for the register's statistical tables: CSV, JSON-stat 2.0 and a DCAT-AP-NO
//! catalogue. Knows the formats, not the data: tables come from `register::statistics`, their
//! words from a service's [`Labels`], and nothing here reads a database or speaks HTTP.

pub mod csv;
pub mod dcat;
pub mod jsonstat;
mod labels;
pub mod status;

pub use dcat::{DatasetInfo, Frequency, Temporal, Texts};
pub use labels::Labels;

use register::statistics::table::{Dimension, Table};

/// The id of the time dimension: a series' days, or a one-day table's reference day.
pub const DAY: &str = "day";

/// The dimensions as published: a table of one day gets that day as a leading `day` dimension
/// of one category, so every file says which day it describes (JSON-stat's usual way with a
/// constant dimension). The values keep their order, since a dimension of size one adds nothing
/// to the offsets.
pub(crate) fn published_dimensions(table: &Table) -> Vec<Dimension> {
    let mut dimensions = Vec::with_capacity(table.dimensions.len() + 1);
    if let Some(day) = table.day
        && !table.dimensions.iter().any(|d| d.id == DAY)
    {
        dimensions.push(Dimension::new(DAY, [iso_date(day)]));
    }
    dimensions.extend(table.dimensions.iter().cloned());
    dimensions
}

/// A date as ISO 8601 (`2023-12-31`), the form of every `day` code.
pub fn iso_date(day: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), u8::from(day.month()), day.day())
}

/// A number as published: counts as integers, other quantities in Rust's shortest round-trip
/// form with a full stop as the decimal mark.
pub(crate) fn number_text(value: register::statistics::table::Value) -> Option<String> {
    use register::statistics::table::Value;
    match value {
        Value::Count(n) => Some(n.to_string()),
        Value::Number(x) => Some(x.to_string()),
        Value::Suppressed(_) | Value::Missing => None,
    }
}

/// Words for tests, with the characters CSV must quote.
#[cfg(test)]
pub(crate) mod test_labels {
    use register::statistics::table::Table;

    pub struct Plain;

    impl crate::Labels for Plain {
        fn title(&self, table: &Table) -> String {
            format!("Tabell «{}»", table.id)
        }
        fn dimension(&self, id: &str) -> String {
            match id {
                "county" => "Fylke".into(),
                "language" => "Språk".into(),
                other => format!("Dimensjon {other}"),
            }
        }
        fn category(&self, dimension_id: &str, code: &str) -> String {
            match (dimension_id, code) {
                (_, "total") => "I alt".into(),
                ("county", "46") => "Vestland, \"Vestlandet\"".into(),
                ("language", "ARB") => "arabisk".into(),
                _ => code.to_string(),
            }
        }
        fn language_tag(&self) -> &str {
            "nb"
        }
        fn suppressed_note(&self) -> String {
            "Skjult av personvernhensyn".into()
        }
    }
}
