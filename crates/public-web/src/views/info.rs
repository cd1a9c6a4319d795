//! The help page (how search and its order work) and the accessibility statement: text from
//! the language files, set out as sections.

use maud::{Markup, html};

use crate::i18n::Lang;
use crate::views::layout::href;

fn sections(title: &str, sections: &[(&str, &str)]) -> Markup {
    html! {
        h1 class="ds-heading" data-size="lg" { (title) }
        @for (heading, text) in sections {
            section {
                h2 class="ds-heading" data-size="sm" { (heading) }
                p class="ds-paragraph" { (text) }
            }
        }
    }
}

pub fn help_page(lang: Lang) -> Markup {
    let t = lang.texts();
    html! {
        (sections(t.help_title, t.help_sections))
        section {
            h2 class="ds-heading" data-size="sm" { (t.tips.help_heading) }
            p class="ds-paragraph" { (t.tips.help_text) }
            p { a class="ds-link" href=(href(lang, "/varsle")) { (t.tips.nav) } }
        }
    }
}

pub fn accessibility_page(lang: Lang) -> Markup {
    let t = lang.texts();
    sections(t.accessibility_title, t.accessibility_sections)
}
