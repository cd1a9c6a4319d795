//! The verify page: a form for an interpreter number and the answer — listed today or not,
//! with the listed entries and categories. Says nothing else about the person.

use maud::{Markup, html};
use register::Catalogue;
use search::PublicInterpreter;

use crate::i18n::Lang;
use crate::views::parts::{entries_table, error_summary};

/// The outcome of a check.
pub enum Outcome<'a> {
    /// No number asked yet.
    Form,
    Listed(&'a PublicInterpreter),
    NotListed(&'a str),
    Invalid(&'a str, String),
}

pub fn verify_page(catalogue: &Catalogue, lang: Lang, outcome: &Outcome, today: &str) -> Markup {
    let t = lang.texts();
    let value = match outcome {
        Outcome::Form => None,
        Outcome::Listed(p) => Some(p.number.to_string()),
        Outcome::NotListed(n) | Outcome::Invalid(n, _) => Some(n.to_string()),
    };
    let invalid = matches!(outcome, Outcome::Invalid(..));
    html! {
        h1 class="ds-heading" data-size="lg" { (t.verify_title) }
        p class="ds-paragraph" { (t.verify_lead) }
        @if let Outcome::Invalid(_, message) = outcome {
            (error_summary(lang, std::slice::from_ref(message), "nummer"))
        }
        form method="get" action="/kontroller" class="verify-form" {
            @if lang != Lang::Nb { input type="hidden" name="lang" value=(lang.code()); }
            div class="ds-field" {
                label class="ds-label" for="nummer" { (t.verify_field) }
                div data-field="description" id="nummer-help" { (t.verify_field_help) }
                input class="ds-input" type="text" inputmode="numeric" id="nummer" name="nummer" autocomplete="off"
                    aria-describedby="nummer-help" aria-invalid=[invalid.then_some("true")] value=[value];
            }
            button class="ds-button" data-variant="primary" type="submit" { (t.verify_button) }
        }
        @match outcome {
            Outcome::Listed(p) => {
                div class="ds-alert verify-result" data-color="success" role="status" {
                    h2 class="ds-heading" data-size="sm" { ((t.verify_listed)(&p.number.to_string())) }
                    p class="ds-paragraph" { strong { (p.name) } }
                    (entries_table(catalogue, lang, &p.entries, true))
                    p class="ds-paragraph" data-size="sm" { ((t.verify_checked_at)(today)) }
                }
            }
            Outcome::NotListed(n) => {
                div class="ds-alert verify-result" data-color="danger" role="status" {
                    h2 class="ds-heading" data-size="sm" { ((t.verify_not_listed)(n)) }
                    p class="ds-paragraph" { (t.verify_not_listed_help) }
                    p class="ds-paragraph" data-size="sm" { ((t.verify_checked_at)(today)) }
                }
            }
            _ => {}
        }
    }
}
