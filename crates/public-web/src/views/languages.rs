//! The languages overview (interpreters per language and category) and the page of one
//! language: its names, members, counts per category and what the categories mean.

use maud::{Markup, html};
use register::language::Language;
use register::{Catalogue, Category};
use search::LanguageCounts;

use crate::i18n::Lang;
use crate::params::SearchParams;
use crate::views::info::categories_explained;
use crate::views::layout::href;

pub fn languages_page(catalogue: &Catalogue, lang: Lang, counts: &LanguageCounts) -> Markup {
    let t = lang.texts();
    let mut languages: Vec<&Language> = catalogue.languages().collect();
    languages.sort_by_key(|l| lang.language_name(l).to_lowercase());
    html! {
        h1 class="ds-heading" data-size="lg" { (t.languages_title) }
        p class="ds-paragraph" { (t.languages_lead) }
        div class="table-scroll" {
            table class="ds-table" data-border="true" data-zebra="true" {
                caption class="ds-sr-only" { (t.languages_title) }
                thead { tr {
                    th scope="col" { (t.language_label) }
                    @for c in Category::ALL { th scope="col" class="num" { (c.as_str()) } }
                    th scope="col" class="num" { (t.language_total) }
                } }
                tbody {
                    @for l in languages {
                        @let (per, total) = counts.of(l.code).unwrap_or(([0; 5], 0));
                        tr {
                            th scope="row" { a class="ds-link" href=(href(lang, &format!("/sprak/{}", l.code))) { (lang.language_name(l)) } }
                            @for n in per { td class="num" { (n) } }
                            td class="num" { (total) }
                        }
                    }
                }
            }
        }
        (categories_explained(lang, "categories"))
    }
}

pub fn language_page(lang: Lang, language: &Language, counts: &LanguageCounts) -> Markup {
    let t = lang.texts();
    let name = lang.language_name(language);
    let (per, total) = counts.of(language.code).unwrap_or(([0; 5], 0));
    let mut other: Vec<&str> = vec![
        &language.names.nb,
        &language.names.nn,
        &language.names.en,
        &language.endonym,
    ];
    other.extend(language.aliases.iter().map(String::as_str));
    other.retain(|n| *n != name);
    other.dedup();
    let search = SearchParams {
        language: Some(name.to_string()),
        lang,
        ..SearchParams::default()
    };
    html! {
        h1 class="ds-heading" data-size="lg" { ((t.language_title)(name)) }
        dl class="facts facts--wide" {
            div { dt { (t.code_label) } dd { (language.code) } }
            div { dt { (t.kind_label) } dd { ((t.kind)(language.kind)) } }
            @if !language.members.is_empty() {
                div { dt { (t.language_members) } dd {
                    @for (i, m) in language.members.iter().enumerate() {
                        @if i > 0 { ", " }
                        (match lang { Lang::Nb => &m.names.nb, Lang::Nn => &m.names.nn, Lang::En => &m.names.en })
                    }
                } }
            }
            div { dt { (t.language_other_names) } dd { (other.join(", ")) } }
            @if !language.shared_names.is_empty() {
                div { dt { (t.language_shared_names) } dd { (language.shared_names.join(", ")) } }
            }
        }
        p { a class="ds-button" data-variant="primary" href=(search.url()) { ((t.language_search_link)(name)) } }
        h2 class="ds-heading" data-size="sm" { (t.language_count_heading) }
        table class="ds-table" data-border="true" {
            thead { tr { th scope="col" { (t.category_label) } th scope="col" class="num" { (t.language_total) } } }
            tbody {
                @for (c, n) in Category::ALL.iter().zip(per) {
                    tr { th scope="row" { (c.as_str()) } td class="num" { (n) } }
                }
                tr { th scope="row" { (t.language_total) } td class="num" { (total) } }
            }
        }
        (categories_explained(lang, "categories"))
    }
}
