//! The page shell every HTML page shares: head with our own stylesheets, skip link, header
//! with the language switcher, main landmark and footer. No page content of its own.

use maud::{DOCTYPE, Markup, html};

use crate::i18n::Lang;

/// Where the page lives, so the language switcher can link to the same page in each language.
pub struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    /// The request's path, so the menu can mark the page the user is on.
    pub path: &'a str,
    /// The page's URL with the `lang` parameter set for each language.
    pub url_in: &'a dyn Fn(Lang) -> String,
}

/// `path` with `lang` kept when it is not the default (before a `#fragment`).
pub fn href(lang: Lang, path: &str) -> String {
    let (path, fragment) = match path.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (path, String::new()),
    };
    if lang == Lang::Nb {
        format!("{path}{fragment}")
    } else if path.contains('?') {
        format!("{path}&lang={}{fragment}", lang.code())
    } else {
        format!("{path}?lang={}{fragment}", lang.code())
    }
}

/// The header's menu: four short links, two to a row on a phone (see site.css); the page the
/// user is on (or a page under it) is marked with `aria-current`.
fn site_menu(frame: &Frame) -> Markup {
    let lang = frame.lang;
    let t = lang.texts();
    let current = |paths: &[&str]| {
        paths
            .iter()
            .any(|p| frame.path == *p || (*p != "/" && frame.path.starts_with(&format!("{p}/"))))
    };
    let items: [(&str, &str, &[&str]); 4] = [
        ("/", t.menu_search, &["/", "/sok", "/tolk"]),
        ("/kontroller", t.menu_verify, &["/kontroller"]),
        ("/varsle", t.menu_tip, &["/varsle"]),
        ("/hjelp", t.menu_help, &["/hjelp"]),
    ];
    html! {
        nav class="site-menu" aria-label=(t.menu_label) {
            ul {
                @for (path, label, paths) in items {
                    li {
                        a class="ds-link" href=(href(lang, path)) aria-current=[current(paths).then_some("page")] { (label) }
                    }
                }
            }
        }
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
                    div class="site-width" { (site_menu(frame)) }
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
                                li { a class="ds-link" href=(href(lang, "/statistikk")) { (t.stats.nav) } }
                                li { a class="ds-link" href=(href(lang, "/kontroller")) { (t.nav_verify) } }
                                li { a class="ds-link" href=(href(lang, "/varsle")) { (t.tips.nav) } }
                                li { a class="ds-link" href=(href(lang, "/hjelp")) { (t.nav_help) } }
                                li { a class="ds-link" href=(href(lang, "/veileder")) { (t.nav_guide) } }
                                li { a class="ds-link" href=(href(lang, "/om")) { (t.nav_about) } }
                                li { a class="ds-link" href=(href(lang, "/kontakt")) { (t.nav_contact) } }
                                li { a class="ds-link" href=(href(lang, "/personvern")) { (t.nav_privacy) } }
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
