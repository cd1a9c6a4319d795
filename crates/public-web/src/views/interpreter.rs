//! The interpreter page: the public fields of one listed interpreter (entries, county, ways of
//! working, contact, the address only with consent). Nothing that is not public.

use maud::{Markup, html};
use register::Catalogue;
use search::PublicInterpreter;

use crate::i18n::Lang;
use crate::views::layout::href;
use crate::views::parts::{category_legend, county_name, entries_table};

pub fn interpreter_page(catalogue: &Catalogue, lang: Lang, p: &PublicInterpreter) -> Markup {
    let t = lang.texts();
    let modes: Vec<&str> = p.modes().into_iter().map(|m| (t.mode)(m)).collect();
    html! {
        h1 class="ds-heading" data-size="lg" { (p.name) }
        dl class="facts facts--wide" {
            div { dt { (t.number_label) } dd { (p.number) } }
            div { dt { (t.county_label) } dd { (county_name(catalogue, p.county)) } }
        }
        h2 class="ds-heading" data-size="sm" { (t.entries_label) }
        (entries_table(catalogue, lang, &p.entries, false))
        (category_legend(lang))
        h2 class="ds-heading" data-size="sm" { (t.interpreter_work) }
        dl class="facts facts--wide" {
            div { dt { (t.modes_label) } dd { (modes.join(", ")) } }
            div { dt { (t.availability_label) } dd { ((t.availability)(p.availability)) } }
            div { dt { (t.gender_label) } dd { ((t.gender)(p.gender)) } }
        }
        h2 class="ds-heading" data-size="sm" { (t.interpreter_contact) }
        dl class="facts facts--wide" {
            div { dt { (t.phone_label) } dd { a class="ds-link" href={"tel:" (p.phone.replace(' ', ""))} { (p.phone) } } }
            div { dt { (t.email_label) } dd { a class="ds-link" href={"mailto:" (p.email)} { (p.email) } } }
            @if let Some(a) = &p.address {
                div { dt { (t.address_label) } dd { (a.street) ", " (a.postal_code) " " (a.city) } }
            }
        }
        p { a class="ds-link" href=(href(lang, &format!("/kontroller?nummer={}", p.number))) { (t.interpreter_verify_link) } }
    }
}

/// The 404 body for a number with no listed interpreter.
pub fn not_listed_page(lang: Lang, number: &str) -> Markup {
    let t = lang.texts();
    html! {
        h1 class="ds-heading" data-size="lg" { ((t.verify_not_listed)(number)) }
        p class="ds-paragraph" { (t.interpreter_not_listed) }
        p { a class="ds-link" href=(href(lang, "/")) { (t.nav_search) } }
    }
}
