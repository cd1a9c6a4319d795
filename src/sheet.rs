//! A plain table of figures for the terminal and for other programs: aligned text, CSV (RFC 4180
//! quoting, UTF-8) or JSON. Printing only; which figures go in a table is decided in `stats`.

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// How `tolkeregister stats` prints its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Text,
    /// Comma-separated, one header line with the column codes.
    Csv,
    /// An object per table with its rows as objects keyed by column code.
    Json,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u64),
    /// A share between 0 and 1: printed as a percentage in text, as the number elsewhere.
    Share(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(x) => format!("{:.1} %", x * 100.0),
        }
    }

    fn machine(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(x) => format!("{x:.4}"),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Count(n) => Value::from(*n),
            Cell::Share(x) => Value::from((x * 10_000.0).round() / 10_000.0),
        }
    }
}

/// A column: its stable code (CSV header, JSON key) and its heading for people.
#[derive(Debug, Clone)]
pub struct Column {
    pub code: String,
    pub heading: String,
}

impl Column {
    pub fn new(code: impl Into<String>, heading: impl Into<String>) -> Column {
        Column {
            code: code.into(),
            heading: heading.into(),
        }
    }
}

/// A titled table.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Stable id, the key of the table in JSON.
    pub id: &'static str,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Sheet {
    /// Columns padded to their widest cell; text left, numbers right.
    pub fn to_text(&self) -> String {
        let headings: Vec<String> = self.columns.iter().map(|c| c.heading.clone()).collect();
        let rows: Vec<Vec<String>> = self.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect();
        let widths: Vec<usize> = (0..headings.len())
            .map(|i| {
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .chain(std::iter::once(&headings[i]))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[String], numeric: &dyn Fn(usize) -> bool| {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                if i > 0 {
                    out.push_str("  ");
                }
                if numeric(i) {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.push_str(&" ".repeat(pad));
                }
            }
            out.trim_end().to_string()
        };
        let numeric_column = |i: usize| {
            self.rows
                .iter()
                .any(|r| !matches!(r.get(i), Some(Cell::Text(_)) | None))
        };
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(out, "{}", line(&headings, &numeric_column));
        let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        let _ = writeln!(out, "{}", "-".repeat(total));
        for row in &rows {
            let _ = writeln!(out, "{}", line(row, &numeric_column));
        }
        out
    }

    /// A header line of column codes, then one line per row; CRLF line ends as RFC 4180 has.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|c| csv_field(&c.code)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let fields: Vec<String> = row.iter().map(|c| csv_field(&c.machine())).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// `{"title": …, "rows": [{code: value, …}, …]}`.
    pub fn to_json(&self) -> Value {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let object: Map<String, Value> = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, cell)| (c.code.clone(), cell.json()))
                    .collect();
                Value::Object(object)
            })
            .collect();
        serde_json::json!({ "title": self.title, "rows": rows })
    }

    /// The same figures with rows and columns swapped: the first column's cells become the
    /// headings (for reading a wide year-by-figure table in a terminal).
    pub fn transposed(&self) -> Sheet {
        let mut columns = vec![self.columns[0].clone()];
        columns.extend(self.rows.iter().map(|r| {
            let name = r.first().map(Cell::text).unwrap_or_default();
            Column::new(name.clone(), name)
        }));
        let rows = self.columns[1..]
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut row = vec![Cell::Text(c.heading.clone())];
                row.extend(
                    self.rows
                        .iter()
                        .map(|r| r.get(i + 1).cloned().unwrap_or(Cell::Text(String::new()))),
                );
                row
            })
            .collect();
        Sheet {
            id: self.id,
            title: self.title.clone(),
            columns,
            rows,
        }
    }
}

/// Prints `sheets` in `format`. CSV has room for one table only, so more than one is refused.
pub fn render(sheets: &[Sheet], format: Format) -> Result<String, String> {
    Ok(match format {
        Format::Text => sheets.iter().map(Sheet::to_text).collect::<Vec<_>>().join("\n"),
        Format::Csv => match sheets {
            [one] => one.to_csv(),
            _ => {
                let ids: Vec<&str> = sheets.iter().map(|s| s.id).collect();
                return Err(format!(
                    "CSV har plass til én tabell; velg en av dem med --table ({})",
                    ids.join(", ")
                ));
            }
        },
        Format::Json => {
            let object: Map<String, Value> = sheets.iter().map(|s| (s.id.to_string(), s.to_json())).collect();
            let mut text = serde_json::to_string_pretty(&Value::Object(object)).map_err(|e| e.to_string())?;
            text.push('\n');
            text
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        Sheet {
            id: "t",
            title: "Tabell".into(),
            columns: vec![Column::new("language", "Språk"), Column::new("entries", "Oppføringer")],
            rows: vec![
                vec![Cell::Text("Arabisk (ARB)".into()), Cell::Count(412)],
                vec![Cell::Text("Kurdisk, \"sorani\"".into()), Cell::Count(7)],
            ],
        }
    }

    #[test]
    fn text_aligns_numbers_right_and_csv_quotes_what_needs_it() {
        let text = sheet().to_text();
        let lines: Vec<&str> = text.lines().collect();
        // The first column is as wide as «Kurdisk, "sorani"» (17), then two spaces.
        assert_eq!(lines[1], format!("Språk{}Oppføringer", " ".repeat(14)));
        assert_eq!(lines[3], format!("Arabisk (ARB){}412", " ".repeat(14)));
        assert_eq!(
            sheet().to_csv(),
            "language,entries\r\nArabisk (ARB),412\r\n\"Kurdisk, \"\"sorani\"\"\",7\r\n"
        );
        let json = render(&[sheet()], Format::Json).unwrap();
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["t"]["rows"][0]["entries"], 412);
    }

    #[test]
    fn csv_of_several_tables_is_refused_with_the_way_out() {
        let err = render(&[sheet(), sheet()], Format::Csv).unwrap_err();
        assert!(err.contains("--table"), "{err}");
    }

    #[test]
    fn transposing_turns_rows_into_columns() {
        let t = sheet().transposed();
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0][0], Cell::Text("Oppføringer".into()));
        assert_eq!(t.rows[0][2], Cell::Count(7));
    }
}
