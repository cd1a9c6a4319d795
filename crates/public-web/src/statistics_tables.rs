//! The statistics tables as the public service publishes them, by id: every table that breaks
//! the register down by language × county passes through disclosure control here, so no page or
//! download can show it unprotected. Chooses and protects tables; counts nothing itself.

use register::LanguageKind;
use register::statistics::Figures;
use register::statistics::disclosure::protect;
use register::statistics::table::Table;
use register::statistics::tables;

/// Language × county on `f`'s day with cells below `threshold` hidden, and the cells that would
/// give a hidden one away.
pub fn language_by_county_public(f: &Figures, threshold: u64) -> Table {
    protect(&tables::language_by_county(f), threshold)
}

/// The public time-series table `id` over `series`; `None` for any other id.
pub fn series_table(id: &str, series: &[Figures]) -> Option<Table> {
    Some(match id {
        // IMDi's table 3-4-1: spoken-language entries per category.
        "entries-by-category" => tables::entries_by_category(series, Some(LanguageKind::Spoken)),
        "persons" => tables::persons(series),
        _ => return None,
    })
}

/// The public one-day table `id` of `f`'s day, protected where it breaks down language ×
/// county; `None` for any other id.
pub fn day_table(id: &str, f: &Figures, threshold: u64) -> Option<Table> {
    Some(match id {
        "kind-by-category" => tables::kind_by_category(f),
        "language-by-category" => tables::language_by_category(f),
        "language-by-county" => language_by_county_public(f, threshold),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use register::Category;
    use register::statistics::Cell;
    use register::statistics::table::Value;
    use time::macros::date;

    #[test]
    fn language_by_county_is_never_published_unprotected() {
        let cell = |county: &str, entries| Cell {
            language: "TIR".parse().unwrap(),
            kind: LanguageKind::Spoken,
            category: Category::E,
            county: county.parse().unwrap(),
            entries,
        };
        let f = Figures {
            day: date!(2023 - 12 - 31),
            cells: vec![cell("03", 1), cell("46", 7), cell("50", 5)],
            unique_persons: 13,
            persons_with_two_or_more_languages: 0,
        };
        let t = day_table("language-by-county", &f, 3).unwrap();
        assert!(matches!(t.get(&["TIR", "03"]), Some(Value::Suppressed(_))));
        let hidden = t.values.iter().filter(|v| matches!(v, Value::Suppressed(_))).count();
        assert!(hidden >= 2, "a second cell hides the first from the total");
        let open = day_table("language-by-category", &f, 3).unwrap();
        assert_eq!(open.get(&["TIR", "E"]), Some(Value::Count(13)));
        assert!(day_table("secret", &f, 3).is_none());
        assert!(day_table("persons", &f, 3).is_none(), "a series is not a one-day table");
        assert!(series_table("language-by-county", &[f]).is_none());
    }
}
