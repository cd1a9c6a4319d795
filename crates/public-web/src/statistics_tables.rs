//! The statistics tables as the public service publishes them: every table that breaks the
//! register down by language × county passes through disclosure control here, so no page or
//! download can show it unprotected. Chooses tables; builds and protects nothing by itself.

use register::statistics::Figures;
use register::statistics::table::{Dimension, Suppression, Table, Value};

/// Language × county on `f`'s day with cells below `threshold` hidden.
// TEMPORARY: replaced by register::statistics::{tables, disclosure} when `opendata` is merged.
pub fn language_by_county_public(f: &Figures, threshold: u64) -> Table {
    let mut languages: Vec<String> = f.cells.iter().map(|c| c.language.to_string()).collect();
    languages.dedup();
    let mut counties: Vec<String> = register::CountyCode::all().map(|c| c.to_string()).collect();
    counties.push("total".into());
    languages.push("total".into());
    let mut t = Table::new(
        "language-by-county",
        Some(f.day),
        vec![
            Dimension::new("language", languages.clone()),
            Dimension::new("county", counties.clone()),
        ],
    );
    for l in &languages {
        for c in &counties {
            let n: u64 = f
                .cells
                .iter()
                .filter(|cell| {
                    (l == "total" || cell.language.as_str() == l) && (c == "total" || cell.county.to_string() == *c)
                })
                .map(|cell| cell.entries)
                .sum();
            let v = if n > 0 && n < threshold && l != "total" && c != "total" {
                Value::Suppressed(Suppression::Primary)
            } else {
                Value::Count(n)
            };
            t.set(&[l, c], v);
        }
    }
    t
}
