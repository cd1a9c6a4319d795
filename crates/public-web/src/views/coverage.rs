//! The public coverage page: per language the listed interpreters, their capacity, the demand
//! from Tolkemonitor, the coverage ratio and the interpreters missing, with the gap chart, the
//! year and counting form, and the model's assumptions beside every figure. Renders only.

use maud::{Markup, html};
use register::Catalogue;
use register::statistics::coverage::{Counting, Coverage};
use time::Date;

use crate::charts::gap::{Gap, gap_chart};
use crate::charts::{ChartText, figure};
use crate::i18n::Lang;
use crate::views::parts::{breakable, language_name};
use crate::views::statistics::{StatsPage, count_cell, scroll_table, sub_menu};

/// How many languages the gap chart shows.
pub const GAP_LANGUAGES: usize = 15;

/// The `telling=` value of a counting.
pub fn counting_code(c: Counting) -> &'static str {
    match c {
        Counting::PersonLanguage => "oppforing",
        Counting::UniquePerson => "person",
    }
}

/// The form: the years with demand and the two countings, as a GET form (no script).
fn form(lang: Lang, years: &[i32], year: i32, counting: Counting) -> Markup {
    let c = &lang.texts().stats.coverage;
    html! {
        form class="stats-form" method="get" action="/statistikk/dekning" aria-labelledby="coverage-form-heading" {
            h2 class="ds-heading" data-size="xs" id="coverage-form-heading" { (c.form_heading) }
            @if lang != Lang::Nb { input type="hidden" name="lang" value=(lang.code()); }
            div class="ds-field" {
                label class="ds-label" for="ar" { (c.year_label) }
                select class="ds-input" id="ar" name="ar" {
                    @for y in years.iter().rev() { option value=(y) selected[*y == year] { (y) } }
                }
            }
            fieldset class="ds-fieldset" {
                legend class="ds-label" { (c.counting_legend) }
                @for (value, label) in [(Counting::PersonLanguage, c.counting_entries), (Counting::UniquePerson, c.counting_persons)] {
                    div class="ds-field" {
                        input class="ds-input" type="radio" id={"telling-" (counting_code(value))} name="telling"
                            value=(counting_code(value)) checked[value == counting];
                        label class="ds-label" for={"telling-" (counting_code(value))} { (label) }
                    }
                }
            }
            button class="ds-button" data-variant="primary" type="submit" { (c.button) }
        }
    }
}

/// The page without demand figures: says so.
pub fn no_demand_page(lang: Lang, today: Date) -> Markup {
    let s = lang.texts().stats;
    html! {
        h1 class="ds-heading" data-size="lg" { (s.coverage_title) }
        p class="ds-paragraph lead" { (s.coverage.lead) }
        (sub_menu(lang, StatsPage::Coverage, today, today))
        div class="ds-alert" data-color="info" { p { (s.coverage.no_demand) } }
    }
}

pub fn coverage_page(lang: Lang, catalogue: &Catalogue, today: Date, years: &[i32], cov: &Coverage) -> Markup {
    let s = lang.texts().stats;
    let c = &s.coverage;
    let name = |code| language_name(catalogue, lang, code);
    let assumptions = (c.assumptions)(
        &(s.percent)(cov.params.capacity_share),
        &(s.number)(cov.params.assignments_per_full_time.round() as u64),
    );
    let listed = |x: f64| match cov.counting {
        Counting::PersonLanguage => (s.number)(x.round() as u64),
        Counting::UniquePerson => (s.decimal)(x),
    };
    let mut ranked: Vec<_> = cov.languages.iter().filter(|l| l.interpreters_missing > 0).collect();
    ranked.sort_by_key(|l| std::cmp::Reverse(l.interpreters_missing));
    ranked.truncate(GAP_LANGUAGES);
    let names: Vec<String> = ranked.iter().map(|l| name(l.language)).collect();
    let gaps: Vec<Gap> = ranked
        .iter()
        .zip(&names)
        .map(|(l, n)| Gap {
            label: n,
            missing: l.interpreters_missing,
        })
        .collect();
    let values: Vec<(String, String)> = ranked
        .iter()
        .zip(&names)
        .map(|(l, n)| (n.clone(), (s.number)(l.interpreters_missing)))
        .collect();
    let title = (c.gap_title)(gaps.len());
    let description = format!("{} {assumptions}", (c.gap_desc)(cov.year, &values));
    let text = ChartText {
        id: "gap-chart",
        title: &title,
        description: &description,
        number: &s.number,
    };
    let gap_table = scroll_table(
        "gap-table",
        &title,
        html! { tr { th scope="col" { (s.language_heading) } th scope="col" class="num" { (c.missing) } } },
        html! {
            @for (l, n) in ranked.iter().zip(&names) {
                tr { th scope="row" { (breakable(n)) } (count_cell(lang, l.interpreters_missing)) }
            }
        },
        "",
    );
    let t = &cov.totals;
    html! {
        h1 class="ds-heading" data-size="lg" { (s.coverage_title) }
        p class="ds-paragraph lead" { (c.lead) }
        (sub_menu(lang, StatsPage::Coverage, today, today))
        section aria-labelledby="coverage-key" {
            h2 class="ds-heading" data-size="sm" id="coverage-key" { ((c.year_heading)(cov.year)) }
            p class="ds-paragraph assumptions" { (assumptions) }
            dl class="facts key-figures" {
                div { dt { (c.covered_share) } dd { (t.covered_share.map_or_else(|| "..".to_string(), |x| (s.percent)(x))) } }
                div { dt { (c.missing) } dd { ((s.number)(t.interpreters_missing)) } }
                div { dt { (c.languages_short) } dd { (t.languages_short) } }
                div { dt { (c.without_interpreter) } dd { (cov.without_interpreters().count()) } }
            }
        }
        (form(lang, years, cov.year, cov.counting))
        @if !gaps.is_empty() {
            section class="info-section" aria-labelledby="gap-heading" {
                h2 class="ds-heading" data-size="sm" id="gap-heading" { (title) }
                (figure(&text, gap_chart(&text, c.gap_series, &gaps), html! {
                    details class="ds-details chart-data" { summary { (s.show_numbers) } div { (gap_table) } }
                }))
            }
        }
        section class="info-section" aria-labelledby="coverage-table-heading" {
            h2 class="ds-heading" data-size="sm" id="coverage-table-heading" { ((c.table_caption)(cov.year)) }
            p class="ds-paragraph assumptions" { (assumptions) }
            (scroll_table(
                "coverage-table",
                &(c.table_caption)(cov.year),
                html! { tr {
                    th scope="col" { (s.language_heading) }
                    th scope="col" class="num" { (c.listed) }
                    th scope="col" class="num" { (c.capacity) }
                    th scope="col" class="num" { (c.demand) }
                    th scope="col" class="num" { (c.demand_full_time) }
                    th scope="col" class="num" { (c.ratio) }
                    th scope="col" class="num" { (c.missing) }
                } },
                html! {
                    @for l in &cov.languages {
                        tr {
                            th scope="row" { (breakable(&name(l.language))) }
                            td class="num" { (listed(l.listed)) }
                            td class="num" { ((s.decimal)(l.capacity_full_time)) }
                            (count_cell(lang, l.demand_assignments))
                            td class="num" { ((s.decimal)(l.demand_full_time)) }
                            td class="num" { (l.coverage.map_or_else(|| "..".to_string(), |x| (s.percent)(x))) }
                            (count_cell(lang, l.interpreters_missing))
                        }
                    }
                    tr class="total" {
                        th scope="row" { (s.total) }
                        td class="num" { (listed(t.listed)) }
                        td class="num" { ((s.decimal)(t.capacity_full_time)) }
                        (count_cell(lang, t.demand_assignments))
                        td class="num" { ((s.decimal)(t.demand_full_time)) }
                        td class="num" { (t.coverage.map_or_else(|| "..".to_string(), |x| (s.percent)(x))) }
                        (count_cell(lang, t.interpreters_missing))
                    }
                },
                "",
            ))
            p class="ds-paragraph" data-size="sm" { (c.source) }
        }
    }
}
