//! The symbols that stand in for a number in a published cell, as Statistics Norway prints them
//! in its tables (SSB's «standardtegn»). Symbols only; what they mean is said in [`crate::Labels`].

use register::statistics::table::Value;

/// Not published for reasons of confidentiality (SSB's `:`). Primary and secondary suppression
/// get the same symbol: telling them apart would say which hidden cells are the small ones.
pub const SUPPRESSED: &str = ":";

/// No figure exists for the cell (SSB's `..`, «oppgave mangler»).
pub const MISSING: &str = "..";

/// The status symbol of a cell, `None` when it shows a number.
pub fn of(value: Value) -> Option<&'static str> {
    match value {
        Value::Count(_) | Value::Number(_) => None,
        Value::Suppressed(_) => Some(SUPPRESSED),
        Value::Missing => Some(MISSING),
    }
}
