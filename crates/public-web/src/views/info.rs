//! The help page (how search and its order work) and the accessibility statement: text from
//! the language files, set out as sections.

use maud::{Markup, html};

use crate::i18n::Lang;

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
    sections(t.help_title, t.help_sections)
}

pub fn accessibility_page(lang: Lang) -> Markup {
    let t = lang.texts();
    sections(t.accessibility_title, t.accessibility_sections)
}
