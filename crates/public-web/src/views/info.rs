//! The help page (how search and its order work, what the categories mean), the accessibility
//! statement, the about page, IMDi's contact details, the privacy statement and the guide for
//! public bodies: text from the language files, set out as sections.

use maud::{Markup, html};

use crate::i18n::{DATATILSYNET_URL, IMDI, LAW_URL, Lang};
use crate::views::layout::href;
use crate::views::parts::category_tag;

/// The id of the categories' explanation on the help page, which the short legends link to.
pub const CATEGORIES_ANCHOR: &str = "kategorier";

fn section_list(sections: &[(&str, &str)]) -> Markup {
    html! {
        @for (heading, text) in sections {
            section class="info-section" {
                h2 class="ds-heading" data-size="sm" { (heading) }
                p class="ds-paragraph" { (text) }
            }
        }
    }
}

fn sections(title: &str, sections: &[(&str, &str)]) -> Markup {
    html! {
        h1 class="ds-heading" data-size="lg" { (title) }
        (section_list(sections))
    }
}

/// A page with a title, a lead paragraph and sections.
fn page_with_lead(title: &str, lead: &str, list: &[(&str, &str)]) -> Markup {
    html! {
        h1 class="ds-heading" data-size="lg" { (title) }
        p class="ds-paragraph lead" { (lead) }
        (section_list(list))
    }
}

/// What each category means, in full, with its heading's id `id`.
pub fn categories_explained(lang: Lang, id: &str) -> Markup {
    let t = lang.texts();
    html! {
        section class="info-section" aria-labelledby=(id) {
            h2 class="ds-heading" data-size="sm" id=(id) { (t.categories_title) }
            p class="ds-paragraph" { (t.categories_lead) }
            dl class="categories" {
                @for c in register::Category::ALL {
                    div { dt { (category_tag(c)) } dd { ((t.category_meaning)(c)) } }
                }
            }
        }
    }
}

pub fn help_page(lang: Lang) -> Markup {
    let t = lang.texts();
    html! {
        (sections(t.help_title, t.help_sections))
        (categories_explained(lang, CATEGORIES_ANCHOR))
        section class="info-section" {
            h2 class="ds-heading" data-size="sm" { (t.tips.help_heading) }
            p class="ds-paragraph" { (t.tips.help_text) }
            p { a class="ds-link" href=(href(lang, "/varsle")) { (t.tips.nav) } }
        }
        section class="info-section" {
            h2 class="ds-heading" data-size="sm" { (t.nav_guide) }
            p { a class="ds-link" href=(href(lang, "/veileder")) { (t.info.guide_title) } }
        }
    }
}

pub fn accessibility_page(lang: Lang) -> Markup {
    let t = lang.texts();
    sections(t.accessibility_title, t.accessibility_sections)
}

pub fn about_page(lang: Lang) -> Markup {
    let i = &lang.texts().info;
    html! {
        (page_with_lead(i.about_title, i.about_lead, i.about_sections))
        ul class="link-list" {
            li { a class="ds-link" href=(LAW_URL) hreflang="nb" { (i.law_link) } }
            li { a class="ds-link" href=(href(lang, "/veileder")) { (i.guide_title) } }
            li { a class="ds-link" href=(href(lang, "/kontakt")) { (i.contact_link) } }
        }
    }
}

/// IMDi's postal address, e-mail and switchboard.
pub fn contact_details(lang: Lang) -> Markup {
    let i = &lang.texts().info;
    html! {
        dl class="facts facts--wide contact" {
            div { dt { (i.contact_post_label) } dd {
                (IMDI.name) br; (IMDI.post_box) br; (IMDI.postcode_city)
            } }
            div { dt { (i.contact_email_label) } dd { a class="ds-link" href={"mailto:" (IMDI.email)} { (IMDI.email) } } }
            div { dt { (i.contact_phone_label) } dd { a class="ds-link" href={"tel:+47" (IMDI.phone.replace(' ', ""))} { (IMDI.phone) } } }
        }
        p class="ds-paragraph" data-size="sm" { (i.contact_note) }
    }
}

pub fn contact_page(lang: Lang) -> Markup {
    let t = lang.texts();
    let i = &t.info;
    html! {
        h1 class="ds-heading" data-size="lg" { (i.contact_title) }
        p class="ds-paragraph lead" { (i.contact_lead) }
        (contact_details(lang))
        (section_list(i.contact_sections))
        p { a class="ds-link" href=(href(lang, "/varsle")) { (t.tips.nav) } }
    }
}

pub fn privacy_page(lang: Lang) -> Markup {
    let i = &lang.texts().info;
    html! {
        (page_with_lead(i.privacy_title, i.privacy_lead, i.privacy_sections))
        p { a class="ds-link" href=(DATATILSYNET_URL) hreflang="nb" { (i.privacy_complaint_link) } }
        section class="info-section" {
            h2 class="ds-heading" data-size="sm" { (i.contact_title) }
            (contact_details(lang))
        }
    }
}

pub fn guide_page(lang: Lang) -> Markup {
    let t = lang.texts();
    let i = &t.info;
    html! {
        (page_with_lead(i.guide_title, i.guide_lead, i.guide_sections))
        ul class="link-list" {
            li { a class="ds-link" href=(href(lang, "/")) { (t.nav_search) } }
            li { a class="ds-link" href=(href(lang, "/kontroller")) { (t.nav_verify) } }
            li { a class="ds-link" href=(href(lang, "/varsle")) { (t.tips.nav) } }
            li { a class="ds-link" href=(href(lang, &format!("/hjelp#{CATEGORIES_ANCHOR}"))) { (t.categories_title) } }
            li { a class="ds-link" href=(LAW_URL) hreflang="nb" { (i.law_link) } }
        }
    }
}
