//! A table as CSV: UTF-8 without a byte-order mark, comma-separated, quoted by RFC 4180 (by the
//! `csv` crate), one row per cell. Layout only; the words come from [`Labels`].
//!
//! Columns, in order:
//! - for every dimension (a one-day table first gets a `day` dimension holding its day), a code
//!   column headed by the dimension id (`day`, `language`, `county`, `category`, …; codes such
//!   as `2023-12-31`, `ARB`, `46`, `total`) and a label column headed by the dimension's label
//!   («Fylke»: `Vestland`);
//! - `value`: the number, counts as integers, shares as decimals with a full stop (`0.63`);
//!   empty when the cell shows no number;
//! - `status`: empty, or [`SUPPRESSED`](crate::status::SUPPRESSED) (`:`) for a count hidden by
//!   disclosure control, or [`MISSING`](crate::status::MISSING) (`..`) where no figure exists.
//!
//! The rows run in the table's order, the last dimension fastest.

use register::statistics::table::Table;

use crate::{Labels, number_text, published_dimensions, status};

/// The table as CSV text with the words of `labels`.
pub fn write(table: &Table, labels: &dyn Labels) -> String {
    let dimensions = published_dimensions(table);
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = Vec::new();
    for d in &dimensions {
        header.push(d.id.clone());
        header.push(labels.dimension(&d.id));
    }
    header.extend(["value".to_string(), "status".to_string()]);
    // Writing into a Vec fails only on out-of-memory; the record lengths always agree.
    let _ = out.write_record(&header);
    // The published dimensions differ from the table's only by a leading size-one dimension.
    let shape = Table::new(table.id.clone(), None, dimensions.clone());
    for (offset, value) in table.values.iter().enumerate() {
        let mut record: Vec<String> = Vec::with_capacity(header.len());
        for (position, d) in shape.positions(offset).into_iter().zip(&dimensions) {
            let code = &d.codes[position];
            record.push(code.clone());
            record.push(labels.category(&d.id, code));
        }
        record.push(number_text(*value).unwrap_or_default());
        record.push(status::of(*value).unwrap_or_default().to_string());
        let _ = out.write_record(&record);
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use register::statistics::table::{Dimension, Suppression, Value};
    use time::macros::date;

    use super::*;
    use crate::test_labels::Plain;

    #[test]
    fn one_row_per_cell_with_codes_labels_value_and_status() {
        let mut t = Table::new(
            "language-by-county",
            Some(date!(2023 - 12 - 31)),
            vec![
                Dimension::new("language", ["ARB", "total"]),
                Dimension::new("county", ["46", "total"]),
            ],
        );
        t.values = vec![
            Value::Suppressed(Suppression::Primary),
            Value::Count(12),
            Value::Missing,
            Value::Number(0.625),
        ];
        let text = write(&t, &Plain);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "day,Dimensjon day,language,Språk,county,Fylke,value,status");
        assert_eq!(
            lines[1],
            "2023-12-31,2023-12-31,ARB,arabisk,46,\"Vestland, \"\"Vestlandet\"\"\",,:"
        );
        assert_eq!(lines[2], "2023-12-31,2023-12-31,ARB,arabisk,total,I alt,12,");
        assert_eq!(
            lines[3],
            "2023-12-31,2023-12-31,total,I alt,46,\"Vestland, \"\"Vestlandet\"\"\",,.."
        );
        assert_eq!(lines[4], "2023-12-31,2023-12-31,total,I alt,total,I alt,0.625,");
        assert_eq!(lines[5], "", "the file ends with a line break");
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn a_series_keeps_its_days_as_its_own_dimension() {
        let mut t = Table::new(
            "entries-by-category",
            None,
            vec![
                Dimension::new("day", ["2022-12-31", "2023-12-31"]),
                Dimension::new("category", ["total"]),
            ],
        );
        t.values = vec![Value::Count(2245), Value::Count(2782)];
        let text = write(&t, &Plain);
        assert!(text.starts_with("day,Dimensjon day,category,Dimensjon category,value,status\r\n"));
        assert!(
            text.contains("\r\n2023-12-31,2023-12-31,total,I alt,2782,\r\n"),
            "{text}"
        );
    }
}
