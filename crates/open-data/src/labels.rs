//! The words a service gives a table in one language: its title, dimension and category labels
//! and what a hidden cell means. A trait only: the words themselves live in the services.

use register::statistics::table::Table;

/// The words for one table in one language (`nb`, `nn` or `en`).
pub trait Labels {
    /// The table's title, e.g. «Oppføringer etter kategori».
    fn title(&self, table: &Table) -> String;
    /// A dimension's label, e.g. `county` → «Fylke».
    fn dimension(&self, id: &str) -> String;
    /// A category's label, e.g. (`county`, `46`) → «Vestland»; (`day`, `2023-12-31`) →
    /// «31.12.2023».
    fn category(&self, dimension_id: &str, code: &str) -> String;
    /// The BCP 47 tag of the language the labels are in: `nb`, `nn` or `en`.
    fn language_tag(&self) -> &str;
    /// What a hidden cell means and why, shown once per table that has one.
    fn suppressed_note(&self) -> String;
    /// What a cell without a figure means, shown once per table that has one; none by default.
    fn missing_note(&self) -> Option<String> {
        None
    }
}
