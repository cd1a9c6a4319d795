//! Fragments several pages share: the search form, an interpreter's summary, the table of
//! entries, names of languages and counties in the page's language, and the error summary.

use maud::{Markup, html};
use register::interpreter::{Availability, Gender};
use register::{Catalogue, Category, CountyCode, LanguageCode, LanguageKind};
use search::{PublicEntry, PublicInterpreter, WorkMode};

use crate::i18n::Lang;
use crate::params::SearchParams;
use crate::views::layout::href;

/// A language's name in the page language, or its code when unknown.
pub fn language_name(catalogue: &Catalogue, lang: Lang, code: LanguageCode) -> String {
    catalogue
        .language(code)
        .map_or_else(|| code.to_string(), |l| lang.language_name(l).to_string())
}

/// `text` with a line-break opportunity after each slash, so that
/// "bosnisk/kroatisk/serbisk/montenegrinsk" wraps between its members on a narrow screen.
pub fn breakable(text: &str) -> Markup {
    html! {
        @for (i, part) in text.split('/').enumerate() {
            @if i > 0 { "/" wbr; }
            (part)
        }
    }
}

/// A county's name, with its Sami name where there is one.
pub fn county_name(catalogue: &Catalogue, code: CountyCode) -> String {
    match catalogue.county(code) {
        Some(c) => match &c.sami_name {
            Some(sami) => format!("{} ({sami})", c.name),
            None => c.name.clone(),
        },
        None => code.to_string(),
    }
}

/// The search form, filled with `params`; the filters fold away in a `details` (no script).
pub fn search_form(catalogue: &Catalogue, params: &SearchParams, heading_level_two: bool) -> Markup {
    let lang = params.lang;
    let t = lang.texts();
    let open_filters = params.has_filters();
    html! {
        form class="search-form" method="get" action="/sok" role="search" {
            @if lang != Lang::Nb { input type="hidden" name="lang" value=(lang.code()); }
            @if heading_level_two { h2 class="ds-heading ds-sr-only" { (t.new_search) } }
            div class="search-main" {
                div class="ds-field" {
                    label class="ds-label" for="language" { (t.field_language) }
                    div data-field="description" id="language-help" { (t.field_language_help) }
                    input class="ds-input" type="text" id="language" name="language" list="language-names"
                        autocomplete="off" aria-describedby="language-help" value=[params.language.as_deref()];
                    datalist id="language-names" {
                        @for l in catalogue.languages() { option value=(lang.language_name(l)) {} }
                    }
                }
                div class="ds-field" {
                    label class="ds-label" for="name" { (t.field_name) }
                    div data-field="description" id="name-help" { (t.field_name_help) }
                    input class="ds-input" type="text" id="name" name="name" autocomplete="off"
                        aria-describedby="name-help" value=[params.filters.name.as_deref()];
                }
            }
            details class="ds-details filters" open[open_filters] {
                summary { (t.more_filters) }
                div class="filters-grid" {
                    div class="ds-field" {
                        label class="ds-label" for="category" { (t.field_category) }
                        div data-field="description" id="category-help" { (t.field_category_help) }
                        select class="ds-input" id="category" name="category" aria-describedby="category-help" {
                            option value="" { (t.any_category) }
                            @for c in Category::ALL {
                                option value=(c.as_str()) selected[params.filters.min_category == Some(c)] { ((t.category_or_higher)(c)) }
                            }
                        }
                    }
                    div class="ds-field" {
                        label class="ds-label" for="county" { (t.field_county) }
                        select class="ds-input" id="county" name="county" {
                            option value="" { (t.any_county) }
                            @for c in catalogue.counties() {
                                option value=(c.code.to_string()) selected[params.filters.counties.first() == Some(&c.code)] { (county_name(catalogue, c.code)) }
                            }
                        }
                    }
                    div class="ds-field" {
                        label class="ds-label" for="kind" { (t.field_kind) }
                        select class="ds-input" id="kind" name="kind" {
                            option value="" { (t.any_kind) }
                            @for k in LanguageKind::ALL {
                                option value=(k.as_str()) selected[params.filters.kinds.first() == Some(&k)] { ((t.kind)(k)) }
                            }
                        }
                    }
                    div class="ds-field" {
                        label class="ds-label" for="gender" { (t.field_gender) }
                        select class="ds-input" id="gender" name="gender" {
                            option value="" { (t.any_gender) }
                            @for g in Gender::ALL {
                                option value=(g.as_str()) selected[params.filters.genders.first() == Some(g)] { ((t.gender)(*g)) }
                            }
                        }
                    }
                    div class="ds-field" {
                        label class="ds-label" for="availability" { (t.field_availability) }
                        select class="ds-input" id="availability" name="availability" {
                            option value="" { (t.any_availability) }
                            @for a in Availability::ALL {
                                option value=(a.as_str()) selected[params.filters.availability.first() == Some(a)] { ((t.availability)(*a)) }
                            }
                        }
                    }
                    fieldset class="ds-fieldset" aria-describedby="mode-help" {
                        legend class="ds-label" { (t.field_mode) }
                        div data-field="description" id="mode-help" { (t.field_mode_help) }
                        @for m in WorkMode::ALL {
                            div class="ds-field" {
                                input class="ds-input" type="checkbox" id={"mode-" (m.as_str())} name="mode" value=(m.as_str()) checked[params.filters.modes.contains(&m)];
                                label class="ds-label" for={"mode-" (m.as_str())} { ((t.mode)(m)) }
                            }
                        }
                    }
                }
            }
            button class="ds-button" data-variant="primary" type="submit" { (t.search_button) }
        }
    }
}

/// The entries of an interpreter as a table; on a phone each row is one line (see site.css).
/// With `since`, a column says since when each entry has been listed without a break.
pub fn entries_table(catalogue: &Catalogue, lang: Lang, entries: &[PublicEntry], since: bool) -> Markup {
    let t = lang.texts();
    html! {
        table class="ds-table entries-table" data-border="true" {
            thead { tr {
                th scope="col" { (t.language_label) }
                th scope="col" { (t.kind_label) }
                th scope="col" { (t.category_label) }
                @if since { th scope="col" { (t.listed_since_heading) } }
            } }
            tbody {
                @for e in entries {
                    tr {
                        td { a class="ds-link" href=(href(lang, &format!("/sprak/{}", e.language))) { (breakable(&language_name(catalogue, lang, e.language))) } }
                        td { ((t.kind)(e.kind)) }
                        td { (category_tag(e.category)) }
                        @if since {
                            td class="listed-since" { @if let Some(day) = e.listed_since { ((t.listed_since)(&(t.date)(day))) } }
                        }
                    }
                }
            }
        }
    }
}

/// A short legend of the categories, folded away (no script): one line per category and a
/// link to the full explanation on the help page.
pub fn category_legend(lang: Lang) -> Markup {
    let t = lang.texts();
    html! {
        details class="ds-details category-legend" {
            summary { (t.category_legend) }
            div {
                dl class="categories" {
                    @for c in Category::ALL {
                        div { dt { (category_tag(c)) } dd { ((t.category_meaning)(c)) } }
                    }
                }
                p { a class="ds-link" href=(href(lang, &format!("/hjelp#{}", crate::views::info::CATEGORIES_ANCHOR))) { (t.category_legend_more) } }
            }
        }
    }
}

pub fn category_tag(c: Category) -> Markup {
    let color = match c {
        Category::A | Category::B => "success",
        Category::C => "info",
        Category::D | Category::E => "neutral",
    };
    html! { span class="ds-tag" data-color=(color) { (c.as_str()) } }
}

/// One result in a list: name (link), number, entries (the searched languages first), county,
/// modes and contact.
pub fn interpreter_summary(
    catalogue: &Catalogue,
    lang: Lang,
    p: &PublicInterpreter,
    languages: &[LanguageCode],
) -> Markup {
    let t = lang.texts();
    let mut entries: Vec<&PublicEntry> = p.entries.iter().collect();
    entries.sort_by_key(|e| !languages.contains(&e.language));
    let modes: Vec<&str> = p.modes().into_iter().map(|m| (t.mode)(m)).collect();
    html! {
        article class="ds-card result" {
            h3 class="ds-heading" data-size="xs" {
                a class="ds-link" href=(href(lang, &format!("/tolk/{}", p.number))) { (p.name) }
            }
            dl class="facts" {
                div { dt { (t.number_label) } dd { (p.number) } }
                div { dt { (t.entries_label) } dd {
                    ul class="entry-list" {
                        @for e in &entries {
                            li { (breakable(&language_name(catalogue, lang, e.language))) " " (category_tag(e.category)) }
                        }
                    }
                } }
                div { dt { (t.county_label) } dd { (county_name(catalogue, p.county)) } }
                div { dt { (t.modes_label) } dd { (modes.join(", ")) } }
                div { dt { (t.phone_label) } dd { a class="ds-link" href={"tel:" (p.phone.replace(' ', ""))} { (p.phone) } } }
                div { dt { (t.email_label) } dd { a class="ds-link" href={"mailto:" (p.email)} { (p.email) } } }
            }
        }
    }
}

/// The list of problems at the top of a page with bad input.
pub fn error_summary(lang: Lang, messages: &[String], field: &str) -> Markup {
    let t = lang.texts();
    html! {
        div class="ds-error-summary" role="alert" {
            h2 class="ds-heading" data-size="xs" { (t.error_summary) }
            ul {
                @for m in messages { li { a class="ds-link" href={"#" (field)} { (m) } } }
            }
        }
    }
}
