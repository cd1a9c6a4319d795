//! Error pages: not found, search starting up, and unavailable. Each says what happened and
//! where to go; none shows internal detail.

use maud::{Markup, html};

use crate::i18n::Lang;
use crate::views::layout::href;

pub fn message_page(lang: Lang, title: &str, text: &str) -> Markup {
    let t = lang.texts();
    html! {
        h1 class="ds-heading" data-size="lg" { (title) }
        p class="ds-paragraph" { (text) }
        p { a class="ds-link" href=(href(lang, "/")) { (t.nav_search) } }
    }
}
