//! A statistical table as JSON-stat lays one out: named dimensions, each an ordered list of
//! category codes, and one value per combination (row-major, the last dimension varying
//! fastest). Codes only: the words for titles, dimensions and categories come from the services.

use serde::Serialize;
use time::Date;

/// Why a cell holds no number in a public output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Suppression {
    /// The cell itself is below the disclosure threshold.
    Primary,
    /// The cell is hidden so that a primary one cannot be recovered from totals.
    Secondary,
}

/// One cell of a table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A count (entries, persons, assignments).
    Count(u64),
    /// A measured quantity that is not a count (a share, a ratio, full-time positions).
    Number(f64),
    /// Hidden by disclosure control.
    Suppressed(Suppression),
    /// No figure exists for this cell (e.g. no demand data for a year).
    Missing,
}

impl Value {
    /// The cell as a number, if it shows one.
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Count(n) => Some(n as f64),
            Value::Number(x) => Some(x),
            Value::Suppressed(_) | Value::Missing => None,
        }
    }
}

/// One dimension of a table: its id (also the CSV column and the JSON-stat dimension id) and
/// its category codes in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dimension {
    pub id: String,
    pub codes: Vec<String>,
}

impl Dimension {
    pub fn new(id: impl Into<String>, codes: impl IntoIterator<Item = impl Into<String>>) -> Dimension {
        Dimension {
            id: id.into(),
            codes: codes.into_iter().map(Into::into).collect(),
        }
    }

    fn position(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }
}

/// A table of figures with a stable id (used in URLs and file names) and the day it describes
/// (`None` for a time series, whose days are a dimension).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub id: String,
    pub day: Option<Date>,
    pub dimensions: Vec<Dimension>,
    /// Row-major values, `dimensions` sizes multiplied.
    pub values: Vec<Value>,
}

impl Table {
    /// A table with every cell [`Value::Missing`].
    pub fn new(id: impl Into<String>, day: Option<Date>, dimensions: Vec<Dimension>) -> Table {
        let size = dimensions.iter().map(|d| d.codes.len()).product();
        Table {
            id: id.into(),
            day,
            dimensions,
            values: vec![Value::Missing; size],
        }
    }

    /// The sizes of the dimensions, in order.
    pub fn sizes(&self) -> Vec<usize> {
        self.dimensions.iter().map(|d| d.codes.len()).collect()
    }

    /// The flat index of a cell given one position per dimension.
    pub fn offset(&self, positions: &[usize]) -> usize {
        positions
            .iter()
            .zip(&self.dimensions)
            .fold(0, |acc, (p, d)| acc * d.codes.len() + p)
    }

    /// The positions per dimension of a flat index.
    pub fn positions(&self, mut offset: usize) -> Vec<usize> {
        let mut out = vec![0; self.dimensions.len()];
        for (slot, d) in out.iter_mut().zip(&self.dimensions).rev() {
            let n = d.codes.len().max(1);
            *slot = offset % n;
            offset /= n;
        }
        out
    }

    fn offset_of(&self, codes: &[&str]) -> Option<usize> {
        if codes.len() != self.dimensions.len() {
            return None;
        }
        let positions = codes
            .iter()
            .zip(&self.dimensions)
            .map(|(c, d)| d.position(c))
            .collect::<Option<Vec<_>>>()?;
        Some(self.offset(&positions))
    }

    /// The cell at one code per dimension.
    pub fn get(&self, codes: &[&str]) -> Option<Value> {
        self.offset_of(codes).map(|i| self.values[i])
    }

    /// Sets the cell at one code per dimension; false if a code is not in its dimension.
    pub fn set(&mut self, codes: &[&str], value: Value) -> bool {
        match self.offset_of(codes) {
            Some(i) => {
                self.values[i] = value;
                true
            }
            None => false,
        }
    }

    /// Every cell with its codes, in storage order.
    pub fn rows(&self) -> impl Iterator<Item = (Vec<&str>, Value)> + '_ {
        self.values.iter().enumerate().map(|(i, v)| {
            let codes = self
                .positions(i)
                .into_iter()
                .zip(&self.dimensions)
                .map(|(p, d)| d.codes[p].as_str())
                .collect();
            (codes, *v)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_row_major_with_the_last_dimension_fastest() {
        let mut t = Table::new(
            "t",
            None,
            vec![
                Dimension::new("kind", ["spoken", "sign"]),
                Dimension::new("category", ["A", "B", "C"]),
            ],
        );
        assert!(t.set(&["sign", "B"], Value::Count(7)));
        assert_eq!(t.values[4], Value::Count(7));
        assert_eq!(t.get(&["sign", "B"]), Some(Value::Count(7)));
        assert_eq!(t.get(&["sign", "Z"]), None);
        assert!(!t.set(&["deafblind", "A"], Value::Count(1)));
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[4], (vec!["sign", "B"], Value::Count(7)));
        assert_eq!(t.positions(5), vec![1, 2]);
    }
}
