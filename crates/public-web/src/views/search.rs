//! The front page with the search form, and the results page: hits, facets, paging, and the
//! help a zero-result search gets (a lower category, other counties, remote work).

use maud::{Markup, html};
use register::{Catalogue, Category, LanguageCode};
use search::{LanguageMatch, Results, WorkMode};

use crate::params::SearchParams;
use crate::views::layout::href;
use crate::views::parts::{breakable, category_legend, county_name, interpreter_summary, language_name, search_form};

pub fn front_page(catalogue: &Catalogue, params: &SearchParams, listed: usize) -> Markup {
    let lang = params.lang;
    let t = lang.texts();
    html! {
        h1 class="ds-heading" data-size="xl" { (t.front_title) }
        p class="ds-paragraph lead" { (t.front_lead) }
        p class="ds-paragraph" { ((t.front_count)(listed)) }
        (search_form(catalogue, params, false))
        section class="ds-card verify-teaser" aria-labelledby="verify-teaser" {
            h2 class="ds-heading" data-size="sm" id="verify-teaser" { (t.front_verify_title) }
            p class="ds-paragraph" { (t.front_verify_text) }
            p { a class="ds-link" href=(href(lang, "/kontroller")) { (t.nav_verify) } }
        }
    }
}

/// What a zero-result page can offer beyond the facets: remote work in any county.
pub struct ZeroHelp {
    pub remote: Option<(SearchParams, usize)>,
}

pub struct ResultsPage<'a> {
    pub catalogue: &'a Catalogue,
    pub params: &'a SearchParams,
    pub language: Option<&'a LanguageMatch>,
    pub results: &'a Results,
    pub zero: Option<ZeroHelp>,
}

pub fn results_page(v: &ResultsPage) -> Markup {
    let lang = v.params.lang;
    let t = lang.texts();
    let codes: Vec<LanguageCode> = v.language.map(LanguageMatch::codes).unwrap_or_default();
    let names =
        |list: &[LanguageCode]| -> Vec<String> { list.iter().map(|c| language_name(v.catalogue, lang, *c)).collect() };
    let language = (!codes.is_empty()).then(|| (t.or_list)(&names(&codes)));
    let r = v.results;
    let filters = active_filters(v.catalogue, v.params);
    let summary: Vec<&str> = [v.params.language.as_deref(), v.params.filters.name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    html! {
        h1 class="ds-heading results-heading" data-size="lg" { (breakable(&results_heading(v, language.as_deref()))) }
        @if !filters.is_empty() {
            ul class="active-filters" aria-label=(t.active_filters) {
                @for filter in &filters {
                    li {
                        a class="ds-link active-filter" href=(filter.without.url()) {
                            span class="ds-sr-only" { (t.remove_filter) " " }
                            (filter.label)
                            span class="active-filter__x" aria-hidden="true" { "×" }
                        }
                    }
                }
            }
        }
        p class="ds-paragraph search-summary" {
            @if !summary.is_empty() { span { ((t.search_summary)(&summary.join(", "))) } " " }
            a class="ds-link" href="#change-search" { (t.new_search) }
        }
        @if let (Some(m), Some(typed)) = (v.language, v.params.language.as_deref()) {
            @if m.is_shared() {
                div class="ds-alert shared-language" data-color="info" {
                    @if m.own_name {
                        p class="ds-paragraph" { ((t.shared_own)(typed, language.as_deref().unwrap_or(""), &(t.or_list)(&names(&m.others())))) }
                    } @else {
                        p class="ds-paragraph" { ((t.shared_all)(typed, &(t.and_list)(&names(&m.shared_by)))) }
                    }
                    p class="ds-paragraph" { (t.shared_choose) " "
                        @for (i, alt) in (if m.own_name { m.others() } else { m.shared_by.clone() }).iter().enumerate() {
                            @if i > 0 { ", " }
                            a class="ds-link" href=(v.params.with(|p| p.language = Some(alt.to_string())).url()) { (language_name(v.catalogue, lang, *alt)) }
                        }
                        "?"
                    }
                }
            } @else if !m.exact {
                div class="ds-alert" data-color="info" {
                    p class="ds-paragraph" { ((t.results_understood)(typed, language.as_deref().unwrap_or(""))) }
                    @if !m.alternatives.is_empty() {
                        p class="ds-paragraph" { (t.results_also_matched) " "
                            @for (i, alt) in m.alternatives.iter().enumerate() {
                                @if i > 0 { ", " }
                                a class="ds-link" href=(v.params.with(|p| p.language = Some(alt.to_string())).url()) { (language_name(v.catalogue, lang, *alt)) }
                            }
                        }
                    }
                }
            }
        }
        div class="results-layout" {
            div class="results-main" {
                @if r.total == 0 {
                    (zero_results(v))
                } @else {
                    p class="ds-paragraph order-note" { (t.results_order_note) }
                    (category_legend(lang))
                    h2 class="ds-sr-only" { (t.results_list_label) }
                    ol class="results" start=(((r.page - 1) * r.per_page) + 1) {
                        @for p in &r.hits {
                            li { (interpreter_summary(v.catalogue, lang, p, &codes)) }
                        }
                    }
                    (pagination(v.params, r))
                }
            }
            aside class="results-side" aria-labelledby="change-search" {
                h2 class="ds-heading" data-size="sm" id="change-search" tabindex="-1" { (t.new_search) }
                (search_form(v.catalogue, v.params, false))
                @if r.total > 0 { (facets(v)) }
            }
        }
    }
}

/// "35 tolker i arabisk i Oslo, kategori C eller høyere": the count, the languages searched,
/// the counties and every other active filter.
fn results_heading(v: &ResultsPage, language: Option<&str>) -> String {
    let lang = v.params.lang;
    let t = lang.texts();
    let f = &v.params.filters;
    let mut heading = (t.results_heading)(v.results.total, language);
    if !f.counties.is_empty() {
        let counties: Vec<String> = f.counties.iter().map(|c| county_name(v.catalogue, *c)).collect();
        heading.push_str(&(t.heading_place)(&(t.or_list)(&counties)));
    }
    for filter in active_filters(v.catalogue, v.params).into_iter().filter(|x| !x.place) {
        heading.push_str(", ");
        heading.push_str(&filter.label);
    }
    heading
}

/// An active filter: its name and the search without it.
struct ActiveFilter {
    label: String,
    without: SearchParams,
    /// A county, named in the heading as the place ("i Oslo").
    place: bool,
}

/// Every active filter beside the language, counties first.
fn active_filters(catalogue: &Catalogue, params: &SearchParams) -> Vec<ActiveFilter> {
    let t = params.lang.texts();
    let f = &params.filters;
    let mut out = Vec::new();
    for c in &f.counties {
        out.push(ActiveFilter {
            label: county_name(catalogue, *c),
            without: params.with(|p| p.filters.counties.retain(|x| x != c)),
            place: true,
        });
    }
    let mut other = |label: String, without: SearchParams| {
        out.push(ActiveFilter {
            label,
            without,
            place: false,
        })
    };
    if let Some(c) = f.min_category {
        other((t.filter_category)(c), params.with(|p| p.filters.min_category = None));
    }
    for k in &f.kinds {
        other(
            (t.filter_value)((t.param)("kind"), (t.kind)(*k)),
            params.with(|p| p.filters.kinds.retain(|x| x != k)),
        );
    }
    for g in &f.genders {
        other(
            (t.filter_value)((t.param)("gender"), (t.gender)(*g)),
            params.with(|p| p.filters.genders.retain(|x| x != g)),
        );
    }
    for a in &f.availability {
        other(
            (t.filter_value)((t.param)("availability"), (t.availability)(*a)),
            params.with(|p| p.filters.availability.retain(|x| x != a)),
        );
    }
    for m in &f.modes {
        other(
            (t.filter_value)((t.param)("mode"), (t.mode)(*m)),
            params.with(|p| p.filters.modes.retain(|x| x != m)),
        );
    }
    if let Some(n) = &f.name {
        other(
            format!("{}: {n}", (t.param)("name")),
            params.with(|p| p.filters.name = None),
        );
    }
    out
}

fn facets(v: &ResultsPage) -> Markup {
    let lang = v.params.lang;
    let t = lang.texts();
    let r = v.results;
    html! {
        section aria-labelledby="facet-categories" {
            h3 class="ds-heading" data-size="xs" id="facet-categories" { (t.facet_categories) }
            table class="ds-table facet-table" data-size="sm" {
                thead { tr { th scope="col" { (t.category_label) } th scope="col" { (t.language_total) } } }
                tbody {
                    @for (c, n) in &r.facets.categories {
                        tr { td { (c.as_str()) } td { (n) } }
                    }
                }
            }
        }
        section aria-labelledby="facet-counties" {
            h3 class="ds-heading" data-size="xs" id="facet-counties" { (t.facet_counties) }
            ul class="facet-list" {
                @for (c, n) in r.facets.counties.iter().filter(|(_, n)| *n > 0) {
                    li {
                        a class="ds-link" href=(v.params.with(|p| p.filters.counties = vec![*c]).url()) { (county_name(v.catalogue, *c)) }
                        " (" (n) ")"
                    }
                }
            }
        }
    }
}

fn zero_results(v: &ResultsPage) -> Markup {
    let lang = v.params.lang;
    let t = lang.texts();
    let facets = &v.results.facets;
    // The highest category below the chosen minimum that has interpreters.
    let lower: Option<(Category, usize)> = v.params.filters.min_category.and_then(|min| {
        facets
            .categories
            .iter()
            .filter(|(c, n)| !c.meets(min) && *n > 0)
            .map(|(c, _)| {
                (
                    *c,
                    facets.categories.iter().filter(|(k, _)| *k >= *c).map(|(_, n)| n).sum(),
                )
            })
            .next()
    });
    let mut counties: Vec<_> = facets
        .counties
        .iter()
        .filter(|(c, n)| *n > 0 && !v.params.filters.counties.contains(c))
        .collect();
    counties.sort_by_key(|c| std::cmp::Reverse(c.1));
    counties.truncate(6);
    html! {
        div class="ds-alert" data-color="warning" {
            h2 class="ds-heading" data-size="sm" { (t.zero_title) }
            p class="ds-paragraph" { (t.zero_lead) }
            ul class="zero-help" {
                @if let Some((c, n)) = lower {
                    li { a class="ds-link" href=(v.params.with(|p| p.filters.min_category = Some(c)).url()) { ((t.zero_lower_category)(c, n)) } }
                }
                @if let Some(ZeroHelp { remote: Some((params, n)) }) = &v.zero {
                    li { a class="ds-link" href=(params.url()) { ((t.zero_remote)(*n)) } }
                }
                @if !counties.is_empty() {
                    li {
                        (t.zero_other_counties)
                        ul {
                            @for (c, n) in counties {
                                li { a class="ds-link" href=(v.params.with(|p| p.filters.counties = vec![*c]).url()) { (county_name(v.catalogue, *c)) " (" (n) ")" } }
                            }
                        }
                    }
                }
                @if v.params.has_filters() && v.params.language.is_some() {
                    li { a class="ds-link" href=(SearchParams { language: v.params.language.clone(), lang, ..SearchParams::default() }.url()) { (t.zero_all_filters) } }
                }
            }
        }
    }
}

/// The parameters for remote work (telephone or video) in any county, when the search asked
/// for on-site work or a county.
pub fn remote_alternative(params: &SearchParams) -> Option<SearchParams> {
    let remote = [WorkMode::Telephone, WorkMode::Video];
    let already_remote = !params.filters.modes.is_empty() && params.filters.modes.iter().all(|m| remote.contains(m));
    if already_remote && params.filters.counties.is_empty() {
        return None;
    }
    Some(params.with(|p| {
        p.filters.modes = remote.to_vec();
        p.filters.counties.clear();
    }))
}

fn pagination(params: &SearchParams, r: &Results) -> Markup {
    let lang = params.lang;
    let t = lang.texts();
    let pages = r.pages().min(search::query::MAX_DEPTH / r.per_page.max(1));
    if pages <= 1 {
        return html! {};
    }
    let page = r.page;
    let window: Vec<usize> = (page.saturating_sub(2).max(1)..=(page + 2).min(pages)).collect();
    let at = |n: usize| params.with(|p| p.filters.page = n).url();
    html! {
        nav class="ds-pagination" aria-label=(t.pagination_label) {
            p class="ds-sr-only" { ((t.page_of)(page, pages)) }
            ul {
                li {
                    @if page > 1 { a class="ds-button" data-variant="tertiary" href=(at(page - 1)) rel="prev" { (t.previous) } }
                }
                @for n in window {
                    li {
                        @if n == page {
                            a class="ds-button" data-variant="primary" href=(at(n)) aria-current="true" { (n) }
                        } @else {
                            a class="ds-button" data-variant="tertiary" href=(at(n)) { (n) }
                        }
                    }
                }
                li {
                    @if page < pages { a class="ds-button" data-variant="tertiary" href=(at(page + 1)) rel="next" { (t.next) } }
                }
            }
        }
    }
}

/// The page shown instead of results when the parameters are wrong (HTTP 400).
pub fn bad_search_page(
    catalogue: &Catalogue,
    params: &SearchParams,
    messages: &[String],
    suggestions: &[LanguageCode],
) -> Markup {
    let lang = params.lang;
    let t = lang.texts();
    html! {
        h1 class="ds-heading" data-size="lg" { (t.bad_request_title) }
        (crate::views::parts::error_summary(lang, messages, "language"))
        @if !suggestions.is_empty() {
            p class="ds-paragraph" { (t.did_you_mean) " "
                @for (i, code) in suggestions.iter().enumerate() {
                    @if i > 0 { ", " }
                    a class="ds-link" href=(params.with(|p| p.language = Some(code.to_string())).url()) { (language_name(catalogue, lang, *code)) }
                }
                "?"
            }
        }
        (search_form(catalogue, params, false))
    }
}
