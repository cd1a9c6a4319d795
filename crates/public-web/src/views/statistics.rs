//! The public statistics pages: the overview (key figures, table 3-4-1, the series chart,
//! entries by kind), entries per language and category (with the largest languages as bars),
//! and language × county with hidden cells marked and the disclosure rule; the date form and
//! the download links they share. Renders the figures it is given; counts nothing itself.

use std::sync::Arc;

use maud::{Markup, html};
use register::statistics::Figures;
use register::statistics::table::{Table, Value};
use register::{Catalogue, Category, LanguageCode, LanguageKind};
use time::Date;

use crate::charts::bars::{Bar, bar_chart};
use crate::charts::line::{Line, line_chart};
use crate::charts::{ChartText, figure};
use crate::i18n::Lang;
use crate::statistics_query::FIRST_DAY;
use crate::views::layout::href;
use crate::views::parts::{breakable, county_name, language_name};

/// How many languages the bar chart shows.
pub const TOP_LANGUAGES: usize = 10;

/// The ids of the downloadable tables, in the order the pages list them; the first two are time
/// series, the others describe one day.
pub const TABLE_IDS: [&str; 5] = [
    "entries-by-category",
    "persons",
    "kind-by-category",
    "language-by-category",
    "language-by-county",
];

/// Whether table `id` describes one day (and takes `dag=`).
pub fn is_single_day(id: &str) -> bool {
    !matches!(id, "entries-by-category" | "persons")
}

/// The statistics page a view belongs to, for the sub-menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsPage {
    Overview,
    Languages,
    Counties,
    Coverage,
}

impl StatsPage {
    pub fn path(self) -> &'static str {
        match self {
            StatsPage::Overview => "/statistikk",
            StatsPage::Languages => "/statistikk/sprak",
            StatsPage::Counties => "/statistikk/fylker",
            StatsPage::Coverage => "/statistikk/dekning",
        }
    }
}

/// `path` with the day (left out when it is today) and the page language.
fn day_link(lang: Lang, path: &str, day: Date, today: Date) -> String {
    if day == today {
        href(lang, path)
    } else {
        href(lang, &format!("{path}?dag={day}"))
    }
}

pub fn sub_menu(lang: Lang, current: StatsPage, day: Date, today: Date) -> Markup {
    let s = lang.texts().stats;
    let items = [
        (StatsPage::Overview, s.menu[0]),
        (StatsPage::Languages, s.menu[1]),
        (StatsPage::Counties, s.menu[2]),
        (StatsPage::Coverage, s.menu[3]),
    ];
    html! {
        nav class="stats-menu" aria-label=(s.nav) {
            ul {
                @for (page, label) in items {
                    @let link = if page == StatsPage::Coverage { href(lang, page.path()) } else { day_link(lang, page.path(), day, today) };
                    li { a class="ds-link" href=(link) aria-current=[(page == current).then_some("page")] { (label) } }
                }
            }
        }
    }
}

/// The date form: a GET form with a date field, so it works without JavaScript; `typed` refills
/// the field after an error, which `error` then names.
pub fn date_form(lang: Lang, page: StatsPage, value: &str, today: Date, error: Option<&str>) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    html! {
        form class="stats-form" method="get" action=(page.path()) aria-labelledby="date-form-heading" {
            h2 class="ds-heading" data-size="xs" id="date-form-heading" { (s.form_heading) }
            @if lang != Lang::Nb { input type="hidden" name="lang" value=(lang.code()); }
            div class="ds-field" {
                label class="ds-label" for="dag" { (s.date_label) }
                div data-field="description" id="dag-help" { ((s.date_help)(&(t.date)(FIRST_DAY), &(t.date)(today))) }
                @if let Some(e) = error {
                    div class="ds-validation-message" data-field="validation" id="dag-error" { (e) }
                }
                input class="ds-input" type="date" id="dag" name="dag" min=(FIRST_DAY.to_string()) max=(today.to_string())
                    value=(value) aria-invalid=[error.map(|_| "true")]
                    aria-describedby=(if error.is_some() { "dag-help dag-error" } else { "dag-help" });
            }
            button class="ds-button" data-variant="primary" type="submit" { (s.date_button) }
        }
    }
}

/// A table in a region of its own that scrolls sideways when too wide for the screen (the page
/// itself never does); the region can be reached and scrolled with the keyboard.
pub fn scroll_table(id: &str, caption: &str, head: Markup, body: Markup, class: &str) -> Markup {
    let caption_id = format!("{id}-caption");
    html! {
        div class="table-scroll" role="region" tabindex="0" aria-labelledby=(caption_id) {
            table class={"ds-table stats-table " (class)} data-border="true" data-zebra="true" id=(id) {
                caption id=(caption_id) { (caption) }
                thead { (head) }
                tbody { (body) }
            }
        }
    }
}

/// A cell of a table: a count in the page's number format, or the hidden mark with words for
/// screen readers.
fn value_cell(lang: Lang, v: Value) -> Markup {
    let s = lang.texts().stats;
    html! {
        @match v {
            Value::Count(n) => td class="num" { ((s.number)(n)) },
            Value::Number(x) => td class="num" { ((s.percent)(x)) },
            Value::Suppressed(_) => td class="num suppressed" {
                span aria-hidden="true" { "–" }
                span class="ds-sr-only" { (s.suppressed) }
            },
            Value::Missing => td class="num" { ".." },
        }
    }
}

pub fn count_cell(lang: Lang, n: u64) -> Markup {
    value_cell(lang, Value::Count(n))
}

/// Category A–E and total as column headings.
fn category_columns(lang: Lang, first: &str) -> Markup {
    let s = lang.texts().stats;
    html! {
        tr {
            th scope="col" { (first) }
            @for c in Category::ALL { th scope="col" class="num" { (c.as_str()) } }
            th scope="col" class="num" { (s.total) }
        }
    }
}

/// The download links: each table as CSV and JSON-stat (the single-day ones for `day`), and the
/// catalogue.
pub fn downloads(lang: Lang, day: Date) -> Markup {
    let s = lang.texts().stats;
    let link = |id: &str, ext: &str| {
        let path = format!("/statistikk/data/{id}.{ext}");
        if is_single_day(id) {
            href(lang, &format!("{path}?dag={day}"))
        } else {
            href(lang, &path)
        }
    };
    html! {
        section class="info-section downloads" aria-labelledby="downloads" {
            h2 class="ds-heading" data-size="sm" id="downloads" { (s.downloads_heading) }
            p class="ds-paragraph" { (s.downloads_lead) }
            ul class="link-list" {
                @for id in TABLE_IDS {
                    @let title = (s.table_title)(id).unwrap_or(id);
                    li {
                        (title) ": "
                        a class="ds-link" href=(link(id, "csv")) { (s.csv) span class="ds-sr-only" { " – " (title) } }
                        ", "
                        a class="ds-link" href=(link(id, "json")) { (s.json_stat) span class="ds-sr-only" { " – " (title) } }
                    }
                }
                li { a class="ds-link" href=(href(lang, "/statistikk/data/katalog.jsonld")) { (s.catalogue_link) } }
            }
        }
    }
}

/// The head of every statistics page: title, lead, and the sub-menu.
fn heading(lang: Lang, title: &str, lead: &str, page: StatsPage, day: Date, today: Date) -> Markup {
    html! {
        h1 class="ds-heading" data-size="lg" { (title) }
        p class="ds-paragraph lead" { (lead) }
        (sub_menu(lang, page, day, today))
    }
}

/// What the overview shows.
pub struct Overview<'a> {
    pub day: Date,
    pub today: Date,
    pub figures: &'a Figures,
    /// The half-year series (30 June and 31 December from 2020 up to today).
    pub series: &'a [Arc<Figures>],
}

pub fn overview_page(lang: Lang, o: &Overview) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    let f = o.figures;
    let spoken = Some(LanguageKind::Spoken);
    let year_ends: Vec<&Figures> = o
        .series
        .iter()
        .map(|f| f.as_ref())
        .filter(|f| f.day.month() == time::Month::December && f.day.day() == 31)
        .collect();
    html! {
        (heading(lang, s.title, s.lead, StatsPage::Overview, o.day, o.today))
        section aria-labelledby="key-figures" {
            h2 class="ds-heading" data-size="sm" id="key-figures" { ((s.day_heading)(&(t.date)(o.day))) }
            dl class="facts key-figures" {
                div { dt { (s.entries_label) } dd { ((s.number)(f.total(None))) } }
                div { dt { (s.persons_label) } dd { ((s.number)(f.unique_persons)) } }
                div { dt { (s.two_or_more_label) } dd { ((s.number)(f.persons_with_two_or_more_languages)) } }
                div { dt { (s.share_label) } dd { ((s.percent)(f.highly_qualified_share(None))) } }
            }
            (kinds_table(lang, f))
        }
        (date_form(lang, StatsPage::Overview, &o.day.to_string(), o.today, None))
        section class="info-section" aria-labelledby="table-341-heading" {
            h2 class="ds-heading" data-size="sm" id="table-341-heading" { (s.table_341_title) }
            p class="ds-paragraph" { (s.table_341_note) }
            (scroll_table(
                "table-341",
                s.table_341_title,
                html! { tr {
                    th scope="col" { (s.category_heading) }
                    @for y in &year_ends { th scope="col" class="num" { (y.day.year()) } }
                } },
                html! {
                    @for (i, c) in Category::ALL.iter().enumerate() {
                        tr {
                            th scope="row" { (c.as_str()) }
                            @for y in &year_ends { (count_cell(lang, y.per_category(spoken)[i])) }
                        }
                    }
                    tr class="total" {
                        th scope="row" { (s.total) }
                        @for y in &year_ends { (count_cell(lang, y.total(spoken))) }
                    }
                },
                "",
            ))
        }
        (series_chart(lang, o.series))
        (downloads(lang, o.day))
    }
}

fn kinds_table(lang: Lang, f: &Figures) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    scroll_table(
        "kinds",
        s.kinds_title,
        category_columns(lang, s.kind_heading),
        html! {
            @for k in LanguageKind::ALL {
                tr {
                    th scope="row" { ((t.kind)(k)) }
                    @for n in f.per_category(Some(k)) { (count_cell(lang, n)) }
                    (count_cell(lang, f.total(Some(k))))
                }
            }
            tr class="total" {
                th scope="row" { (s.total) }
                @for n in f.per_category(None) { (count_cell(lang, n)) }
                (count_cell(lang, f.total(None)))
            }
        },
        "",
    )
}

/// The line chart of spoken-language entries per category over the series, with its numbers as
/// a table below it.
fn series_chart(lang: Lang, series: &[Arc<Figures>]) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    let spoken = Some(LanguageKind::Spoken);
    let per: Vec<[u64; 5]> = series.iter().map(|f| f.per_category(spoken)).collect();
    let columns: Vec<Vec<u64>> = (0..5).map(|i| per.iter().map(|p| p[i]).collect()).collect();
    let lines: Vec<Line> = Category::ALL
        .iter()
        .zip(&columns)
        .map(|(c, values)| Line {
            label: c.as_str(),
            values,
        })
        .collect();
    let x_labels: Vec<(usize, String)> = series
        .iter()
        .enumerate()
        .filter(|(_, f)| f.day.month() == time::Month::December)
        .map(|(i, f)| (i, f.day.year().to_string()))
        .collect();
    let (first, last) = match (series.first(), series.last()) {
        (Some(a), Some(b)) => ((t.date)(a.day), (t.date)(b.day)),
        _ => (String::new(), String::new()),
    };
    let last_values: Vec<(Category, String)> = match per.last() {
        Some(p) => Category::ALL.iter().zip(p).map(|(c, n)| (*c, (s.number)(*n))).collect(),
        None => Vec::new(),
    };
    let description = (s.series_desc)(&first, &last, &last_values);
    let text = ChartText {
        id: "series-chart",
        title: s.series_title,
        description: &description,
        number: &s.number,
    };
    let data = html! {
        details class="ds-details chart-data" {
            summary { (s.show_numbers) }
            div {
                (scroll_table(
                    "series-table",
                    s.series_title,
                    category_columns(lang, s.day_heading_column),
                    html! {
                        @for (f, p) in series.iter().zip(&per) {
                            tr {
                                th scope="row" { ((s.short_date)(f.day)) }
                                @for n in p { (count_cell(lang, *n)) }
                                (count_cell(lang, p.iter().sum()))
                            }
                        }
                    },
                    "",
                ))
            }
        }
    };
    html! {
        section class="info-section" aria-labelledby="series-chart-heading" {
            h2 class="ds-heading" data-size="sm" id="series-chart-heading" { (s.series_title) }
            (figure(&text, line_chart(&text, series.len(), &x_labels, &lines), data))
        }
    }
}

/// One language's row: code, name, entries per category A–E and in all.
pub struct LanguageRow {
    pub code: LanguageCode,
    pub name: String,
    pub per_category: [u64; 5],
    pub total: u64,
}

/// The languages with listed entries on `f`'s day, the most entries first.
pub fn language_rows(catalogue: &Catalogue, lang: Lang, f: &Figures) -> Vec<LanguageRow> {
    let mut rows: Vec<LanguageRow> = Vec::new();
    for cell in &f.cells {
        let i = Category::ALL.iter().position(|c| *c == cell.category).unwrap_or(0);
        match rows.iter_mut().find(|r| r.code == cell.language) {
            Some(r) => {
                r.per_category[i] += cell.entries;
                r.total += cell.entries;
            }
            None => {
                let mut per_category = [0; 5];
                per_category[i] = cell.entries;
                rows.push(LanguageRow {
                    code: cell.language,
                    name: language_name(catalogue, lang, cell.language),
                    per_category,
                    total: cell.entries,
                });
            }
        }
    }
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    rows
}

pub fn languages_page(lang: Lang, day: Date, today: Date, rows: &[LanguageRow]) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    let top = &rows[..rows.len().min(TOP_LANGUAGES)];
    let bars: Vec<Bar> = top
        .iter()
        .map(|r| Bar {
            label: &r.name,
            values: &r.per_category,
        })
        .collect();
    let totals: Vec<(String, String)> = top.iter().map(|r| (r.name.clone(), (s.number)(r.total))).collect();
    let description = (s.top_desc)(&(t.date)(day), &totals);
    let title = (s.top_title)(top.len());
    let text = ChartText {
        id: "top-languages",
        title: &title,
        description: &description,
        number: &s.number,
    };
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let top_table = scroll_table(
        "top-table",
        &title,
        category_columns(lang, s.language_heading),
        html! {
            @for r in top {
                tr {
                    th scope="row" { (breakable(&r.name)) }
                    @for n in r.per_category { (count_cell(lang, n)) }
                    (count_cell(lang, r.total))
                }
            }
        },
        "",
    );
    let all = s.languages_title;
    html! {
        (heading(lang, all, s.languages_lead, StatsPage::Languages, day, today))
        h2 class="ds-heading" data-size="sm" { ((s.day_heading)(&(t.date)(day))) }
        (figure(&text, bar_chart(&text, &categories, &bars), html! {
            details class="ds-details chart-data" { summary { (s.show_numbers) } div { (top_table) } }
        }))
        (date_form(lang, StatsPage::Languages, &day.to_string(), today, None))
        section class="info-section" aria-labelledby="all-languages" {
            h2 class="ds-heading" data-size="sm" id="all-languages" { ((s.day_heading)(&(t.date)(day))) ": " (all) }
            (scroll_table(
                "languages-table",
                all,
                category_columns(lang, s.language_heading),
                html! {
                    @for r in rows {
                        tr {
                            th scope="row" { a class="ds-link" href=(href(lang, &format!("/sprak/{}", r.code))) { (breakable(&r.name)) } }
                            @for n in r.per_category { (count_cell(lang, n)) }
                            (count_cell(lang, r.total))
                        }
                    }
                    tr class="total" {
                        th scope="row" { (s.total) }
                        @for i in 0..5 { (count_cell(lang, rows.iter().map(|r| r.per_category[i]).sum())) }
                        (count_cell(lang, rows.iter().map(|r| r.total).sum()))
                    }
                },
                "",
            ))
        }
        (downloads(lang, day))
    }
}

/// The name of a language or county code of a statistics table, "total" as the page's word.
fn code_name(catalogue: &Catalogue, lang: Lang, dimension: &str, code: &str) -> String {
    let s = lang.texts().stats;
    if code == "total" {
        return s.total.to_string();
    }
    match dimension {
        "language" => code
            .parse::<LanguageCode>()
            .map_or_else(|_| code.to_string(), |c| language_name(catalogue, lang, c)),
        "county" => code
            .parse()
            .map_or_else(|_| code.to_string(), |c| county_name(catalogue, c)),
        _ => code.to_string(),
    }
}

/// Language × county, already protected (hidden cells are [`Value::Suppressed`]); `threshold`
/// is the rule's threshold, stated on the page.
pub fn counties_page(
    lang: Lang,
    catalogue: &Catalogue,
    day: Date,
    today: Date,
    table: &Table,
    threshold: u64,
) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    let (rows, cols) = match table.dimensions.as_slice() {
        [r, c] => (r, c),
        _ => return html! {},
    };
    let any_hidden = table.values.iter().any(|v| matches!(v, Value::Suppressed(_)));
    html! {
        (heading(lang, s.counties_title, s.counties_lead, StatsPage::Counties, day, today))
        h2 class="ds-heading" data-size="sm" { ((s.day_heading)(&(t.date)(day))) }
        (scroll_table(
            "counties-table",
            s.counties_title,
            html! { tr {
                th scope="col" { (s.language_heading) }
                @for c in &cols.codes { th scope="col" class="num" { (code_name(catalogue, lang, &cols.id, c)) } }
            } },
            html! {
                @for r in &rows.codes {
                    tr class=[(r == "total").then_some("total")] {
                        th scope="row" { (breakable(&code_name(catalogue, lang, &rows.id, r))) }
                        @for c in &cols.codes {
                            (value_cell(lang, table.get(&[r.as_str(), c.as_str()]).unwrap_or(Value::Missing)))
                        }
                    }
                }
            },
            "counties",
        ))
        @if any_hidden {
            p class="ds-paragraph suppressed-note" id="suppressed-note" { ((s.suppressed_note)(threshold)) }
        }
        section class="info-section" aria-labelledby="disclosure" {
            h2 class="ds-heading" data-size="sm" id="disclosure" { (s.disclosure_heading) }
            @for p in (s.disclosure_text)(threshold) { p class="ds-paragraph" { (p) } }
        }
        (date_form(lang, StatsPage::Counties, &day.to_string(), today, None))
        (downloads(lang, day))
    }
}

/// The page for a bad date or table: what is wrong, and the form to try again.
pub fn error_page(lang: Lang, page: StatsPage, typed: &str, today: Date, message: &str) -> Markup {
    let t = lang.texts();
    let s = t.stats;
    html! {
        h1 class="ds-heading" data-size="lg" { (s.error_title) }
        div class="ds-error-summary" role="alert" {
            h2 class="ds-heading" data-size="xs" { (t.error_summary) }
            ul { li { a class="ds-link" href="#dag" { (message) } } }
        }
        (date_form(lang, page, typed, today, Some(message)))
        p { a class="ds-link" href=(href(lang, "/statistikk")) { (s.title) } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use register::statistics::Cell;
    use register::statistics::table::{Dimension, Suppression};
    use time::macros::date;

    fn cell(language: &str, category: Category, county: &str, entries: u64) -> Cell {
        Cell {
            language: language.parse().unwrap(),
            kind: LanguageKind::Spoken,
            category,
            county: county.parse().unwrap(),
            entries,
        }
    }

    #[test]
    fn languages_are_ranked_by_entries_with_their_categories() {
        let f = Figures {
            day: date!(2023 - 12 - 31),
            cells: vec![
                cell("ARB", Category::A, "03", 2),
                cell("ARB", Category::E, "46", 3),
                cell("UKR", Category::D, "03", 9),
            ],
            unique_persons: 14,
            persons_with_two_or_more_languages: 0,
        };
        let rows = language_rows(&Catalogue::bundled(), Lang::Nb, &f);
        assert_eq!(rows[0].code.as_str(), "UKR");
        assert_eq!(rows[0].name, "ukrainsk");
        assert_eq!(rows[1].per_category, [2, 0, 0, 0, 3]);
        assert_eq!(rows[1].total, 5);
    }

    #[test]
    fn hidden_cells_show_a_mark_and_say_so_in_words() {
        let mut table = Table::new(
            "language-by-county",
            Some(date!(2023 - 12 - 31)),
            vec![
                Dimension::new("language", ["ARB", "total"]),
                Dimension::new("county", ["03", "total"]),
            ],
        );
        table.set(&["ARB", "03"], Value::Suppressed(Suppression::Primary));
        table.set(&["ARB", "total"], Value::Count(1_234));
        let out = counties_page(
            Lang::Nb,
            &Catalogue::bundled(),
            date!(2023 - 12 - 31),
            date!(2026 - 12 - 08),
            &table,
            3,
        )
        .into_string();
        assert!(out.contains("<span aria-hidden=\"true\">–</span><span class=\"ds-sr-only\">skjult</span>"));
        assert!(out.contains("1\u{a0}234"));
        assert!(out.contains(">Oslo<") || out.contains(">Oslo ("), "county named");
        assert!(out.contains("arabisk"));
        assert!(out.contains("færre enn 3"), "the threshold stated");
        assert!(out.contains("role=\"region\" tabindex=\"0\""));
    }
}
