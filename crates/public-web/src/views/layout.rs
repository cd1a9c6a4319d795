//! The page shell every HTML page shares: head with our own stylesheets, skip link, header
//! with the language switcher, main landmark and footer. No page content of its own.

use maud::{DOCTYPE, Markup, html};

use crate::i18n::Lang;

/// Where the page lives, so the language switcher can link to the same page in each language.
pub struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    /// The page's URL with the `lang` parameter set for each language.
    pub url_in: &'a dyn Fn(Lang) -> String,
}

/// `path` with `lang` kept when it is not the default.
pub fn href(lang: Lang, path: &str) -> String {
    if lang == Lang::Nb {
        path.to_string()
    } else if path.contains('?') {
        format!("{path}&lang={}", lang.code())
    } else {
        format!("{path}?lang={}", lang.code())
    }
}

pub fn page(frame: &Frame, main: Markup) -> Markup {
    let lang = frame.lang;
    let t = lang.texts();
    html! {
        (DOCTYPE)
        html lang=(lang.code()) data-color-scheme="light" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (frame.title) " – " (t.service) }
                link rel="stylesheet" href="/assets/designsystemet/theme.css";
                link rel="stylesheet" href="/assets/designsystemet/designsystemet.css";
                link rel="stylesheet" href="/assets/site.css";
            }
            body {
                a class="ds-skip-link" href="#main" { (t.skip_to_content) }
                header class="site-header" {
                    div class="site-width site-header__inner" {
                        a class="site-brand" href=(href(lang, "/")) { (t.service) }
                        nav aria-label=(t.language_switch) {
                            ul class="lang-switch" {
                                @for other in Lang::ALL {
                                    li {
                                        @if other == lang {
                                            a class="ds-link" href=((frame.url_in)(other)) aria-current="true" lang=(other.code()) hreflang=(other.code()) { (other.texts().own_name) }
                                        } @else {
                                            a class="ds-link" href=((frame.url_in)(other)) lang=(other.code()) hreflang=(other.code()) { (other.texts().own_name) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                main id="main" class="site-width" tabindex="-1" {
                    (main)
                }
                footer class="site-footer" {
                    div class="site-width" {
                        nav aria-label=(t.service) {
                            ul class="footer-links" {
                                li { a class="ds-link" href=(href(lang, "/")) { (t.nav_search) } }
                                li { a class="ds-link" href=(href(lang, "/sprak")) { (t.nav_languages) } }
                                li { a class="ds-link" href=(href(lang, "/kontroller")) { (t.nav_verify) } }
                                li { a class="ds-link" href=(href(lang, "/varsle")) { (t.tips.nav) } }
                                li { a class="ds-link" href=(href(lang, "/hjelp")) { (t.nav_help) } }
                                li { a class="ds-link" href=(href(lang, "/tilgjengelighet")) { (t.nav_accessibility) } }
                                li { a class="ds-link" href="/api/openapi.json" { (t.nav_api) } }
                            }
                        }
                        p class="ds-paragraph" data-size="sm" { (t.footer_about) }
                    }
                }
            }
        }
    }
}
