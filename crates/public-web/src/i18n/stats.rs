//! The shape of the statistics pages' and downloads' words (one value per language lives in
//! `nb`, `nn` and `en`): headings, chart titles and descriptions, the disclosure rule, the names
//! of tables, dimensions and measures, and the errors of a bad date or table. No text here.

use register::Category;
use time::Date;

/// The statistics pages' strings in one language.
pub struct StatsTexts {
    /// The link in the site's navigation.
    pub nav: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    /// The sub-menu's short links: overview, languages, counties, coverage.
    pub menu: [&'static str; 4],
    /// The sub-pages' titles and leads.
    pub languages_title: &'static str,
    pub languages_lead: &'static str,
    pub counties_title: &'static str,
    pub counties_lead: &'static str,
    /// "Tall per 31. desember 2023" (the day in running text).
    pub day_heading: fn(&str) -> String,
    pub form_heading: &'static str,
    pub date_label: &'static str,
    /// The date field's help: the first and last day with figures, in running text.
    pub date_help: fn(&str, &str) -> String,
    pub date_button: &'static str,
    pub key_figures_label: &'static str,
    pub entries_label: &'static str,
    pub persons_label: &'static str,
    pub two_or_more_label: &'static str,
    pub share_label: &'static str,
    /// A share 0–1 as a percentage: "63 %" / "63%".
    pub percent: fn(f64) -> String,
    /// A count with thousands separated: "2 782" / "2,782".
    pub number: fn(u64) -> String,
    /// Table 3-4-1's caption.
    pub table_341_title: &'static str,
    pub table_341_note: &'static str,
    pub category_heading: &'static str,
    pub total: &'static str,
    pub day_heading_column: &'static str,
    pub series_title: &'static str,
    /// The line chart's description: first and last day, and each category's count on the last.
    pub series_desc: fn(&str, &str, &[(Category, String)]) -> String,
    pub show_numbers: &'static str,
    pub kinds_title: &'static str,
    pub kind_heading: &'static str,
    pub language_heading: &'static str,
    pub county_heading: &'static str,
    /// The bar chart: its title with the number of languages, and its description.
    pub top_title: fn(usize) -> String,
    pub top_desc: fn(&str, &[(String, String)]) -> String,
    /// The mark of a hidden cell, read out by screen readers instead of "–".
    pub suppressed: &'static str,
    /// The footnote below a table with hidden cells.
    pub suppressed_note: fn(u64) -> String,
    pub disclosure_heading: &'static str,
    /// The disclosure rule, paragraph by paragraph, with the threshold.
    pub disclosure_text: fn(u64) -> Vec<String>,
    /// The heading of a scrolling table's region hint.
    pub scroll_hint: &'static str,
    pub downloads_heading: &'static str,
    pub downloads_lead: &'static str,
    /// "{table} (CSV)" etc. are built from these.
    pub csv: &'static str,
    pub json_stat: &'static str,
    pub catalogue_link: &'static str,
    /// A table's title by its id; `None` for an unknown id.
    pub table_title: fn(&str) -> Option<&'static str>,
    /// What a table holds, for the data catalogue.
    pub table_description: fn(&str) -> Option<&'static str>,
    /// A dimension's name by its id.
    pub dimension: fn(&str) -> Option<&'static str>,
    /// A measure's name by its code.
    pub measure: fn(&str) -> Option<&'static str>,
    /// Why a cell is empty in a download.
    pub suppressed_download_note: &'static str,
    pub coverage_title: &'static str,
    /// Errors: not a date (as typed), no such day, before the first day, after today, no such
    /// table.
    pub error_date_format: fn(&str) -> String,
    pub error_date_impossible: fn(&str) -> String,
    pub error_date_before: fn(&str) -> String,
    pub error_date_after: fn(&str) -> String,
    pub error_unknown_table: fn(&str) -> String,
    pub error_title: &'static str,
    /// A date as a table heading ("31.12.2023").
    pub short_date: fn(Date) -> String,
    /// A quantity with one decimal: "12,3" / "12.3".
    pub decimal: fn(f64) -> String,
    pub coverage: CoverageTexts,
}

/// The public coverage page's strings (capacity against Tolkemonitor's demand per language).
pub struct CoverageTexts {
    pub lead: &'static str,
    pub no_demand: &'static str,
    /// "Dekning i 2022".
    pub year_heading: fn(i32) -> String,
    pub form_heading: &'static str,
    pub year_label: &'static str,
    pub counting_legend: &'static str,
    pub counting_entries: &'static str,
    pub counting_persons: &'static str,
    pub button: &'static str,
    /// The model's assumptions, shown with every figure: the capacity share as a percentage
    /// and the assignments per full-time position.
    pub assumptions: fn(&str, &str) -> String,
    pub covered_share: &'static str,
    pub missing: &'static str,
    pub languages_short: &'static str,
    pub without_interpreter: &'static str,
    pub listed: &'static str,
    pub capacity: &'static str,
    pub demand: &'static str,
    pub demand_full_time: &'static str,
    pub ratio: &'static str,
    /// The gap chart: title with the number of languages, description, legend.
    pub gap_title: fn(usize) -> String,
    pub gap_desc: fn(i32, &[(String, String)]) -> String,
    pub gap_series: &'static str,
    pub table_caption: fn(i32) -> String,
    pub source: &'static str,
    /// A year as typed that has no demand figures.
    pub error_year: fn(&str) -> String,
}
