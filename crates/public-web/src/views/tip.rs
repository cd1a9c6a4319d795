//! The tip form page (empty, with look-up choices, or with errors and everything typed kept),
//! the receipt with the case reference, and the tip form's notices. Renders only what it is
//! given; never anything of a stored case beyond the reference.

use maud::{Markup, html};
use register::Catalogue;
use register::tips::{Ground, ReporterRole};
use search::PublicInterpreter;

use crate::i18n::Lang;
use crate::tips::form::{ANONYMOUS, NAMED, UNKNOWN_INTERPRETER};
use crate::tips::{Field, Problems, TipForm};
use crate::views::layout::href;
use crate::views::parts::language_name;

/// A notice above the form (rate limit, expired form, failure), in the page language.
pub struct Notice<'a> {
    pub title: Option<&'a str>,
    pub text: String,
    /// Designsystemet colour: `danger`, `warning` or `info`.
    pub color: &'static str,
}

/// What the interpreter look-up found.
pub enum Lookup {
    /// Nothing looked up.
    None,
    /// Interpreters to choose from; `more` when the list was cut.
    Found {
        choices: Vec<PublicInterpreter>,
        more: bool,
    },
    /// The look-up found no listed interpreter for the text.
    NoMatch(String),
}

/// Everything the form page shows.
pub struct FormView<'a> {
    pub form: &'a TipForm,
    pub token: &'a str,
    pub problems: &'a Problems,
    pub notice: Option<Notice<'a>>,
    pub lookup: Lookup,
}

/// `aria-describedby` for a control with an optional help text and an optional error.
fn described(help: Option<&str>, error: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [help, error].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The page's language and the form's problems: what every control needs to show its error.
struct Fields<'a> {
    lang: Lang,
    problems: &'a Problems,
}

/// One control: the field its problems belong to, its `name` (and `id`), label and help.
struct Control<'a> {
    field: Field,
    name: &'a str,
    label: &'a str,
    help: Option<&'a str>,
}

impl Fields<'_> {
    fn error_line(&self, field: Field, id: &str) -> Markup {
        let t = &self.lang.texts().tips;
        html! {
            @if let Some(p) = self.problems.get(field) {
                p class="ds-validation-message" data-field="validation" id=(id) { ((t.error)(field, p)) }
            }
        }
    }

    /// A text input with help, error and what was typed.
    fn text(&self, c: Control, value: &str, kind: &str, autocomplete: &str) -> Markup {
        let help_id = format!("{}-help", c.name);
        let error_id = format!("{}-error", c.name);
        let invalid = self.problems.get(c.field).is_some();
        html! {
            div class="ds-field" {
                label class="ds-label" for=(c.name) { (c.label) }
                @if let Some(h) = c.help { div data-field="description" id=(help_id) { (h) } }
                input class="ds-input" type=(kind) id=(c.name) name=(c.name) value=(value) autocomplete=(autocomplete)
                    aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[described(c.help.map(|_| help_id.as_str()), invalid.then_some(error_id.as_str()))];
                (self.error_line(c.field, &error_id))
            }
        }
    }

    fn area(&self, c: Control, value: &str, rows: u8) -> Markup {
        let help_id = format!("{}-help", c.name);
        let error_id = format!("{}-error", c.name);
        let invalid = self.problems.get(c.field).is_some();
        html! {
            div class="ds-field" {
                label class="ds-label" for=(c.name) { (c.label) }
                @if let Some(h) = c.help { div data-field="description" id=(help_id) { (h) } }
                textarea class="ds-input" id=(c.name) name=(c.name) rows=(rows)
                    aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[described(c.help.map(|_| help_id.as_str()), invalid.then_some(error_id.as_str()))] { (value) }
                (self.error_line(c.field, &error_id))
            }
        }
    }

    /// A group of radios or checkboxes with legend, help and error; `options` are
    /// `(value, label, help)`, and ids are `{id_prefix}-{value}`.
    fn choices(
        &self,
        c: Control,
        kind: &str,
        id_prefix: &str,
        options: &[(String, String, Option<&str>)],
        checked: &dyn Fn(&str) -> bool,
    ) -> Markup {
        let help_id = format!("{id_prefix}-help");
        let error_id = format!("{id_prefix}-error");
        let invalid = self.problems.get(c.field).is_some();
        html! {
            fieldset class="ds-fieldset"
                aria-describedby=[described(c.help.map(|_| help_id.as_str()), invalid.then_some(error_id.as_str()))] {
                legend class="ds-label" { (c.label) }
                @if let Some(h) = c.help { div data-field="description" id=(help_id) { (h) } }
                (self.error_line(c.field, &error_id))
                @for (value, label, option_help) in options {
                    @let id = format!("{id_prefix}-{value}");
                    @let option_help_id = format!("{id}-help");
                    div class="ds-field" {
                        input class="ds-input" type=(kind) id=(id) name=(c.name) value=(value) checked[checked(value)]
                            aria-invalid=[invalid.then_some("true")]
                            aria-describedby=[option_help.map(|_| option_help_id.as_str())];
                        label class="ds-label" for=(id) { (label) }
                        @if let Some(h) = option_help { div data-field="description" id=(option_help_id) { (h) } }
                    }
                }
            }
        }
    }
}

/// The page title: prefixed with "Error" when the form has problems (screen readers hear it first).
pub fn form_title(lang: Lang, has_problems: bool) -> String {
    let t = &lang.texts().tips;
    if has_problems {
        format!("{}: {}", t.error_prefix, t.title)
    } else {
        t.title.to_string()
    }
}

fn summary(lang: Lang, problems: &Problems) -> Markup {
    let t = &lang.texts().tips;
    html! {
        @if !problems.is_empty() {
            div class="ds-error-summary" role="alert" {
                h2 class="ds-heading" data-size="xs" { (t.error_title) }
                ul {
                    @for e in problems.iter() {
                        li { a class="ds-link" href={"#" (e.field.anchor())} { ((t.error)(e.field, &e.problem)) } }
                    }
                }
            }
        }
    }
}

fn choice_label(catalogue: &Catalogue, lang: Lang, p: &PublicInterpreter) -> String {
    let languages: Vec<String> = p
        .entries
        .iter()
        .map(|e| language_name(catalogue, lang, e.language))
        .collect();
    format!("{} ({}) – {}", p.name, p.number, languages.join(", "))
}

fn lookup_part(catalogue: &Catalogue, lang: Lang, view: &FormView) -> Markup {
    let t = &lang.texts().tips;
    let form = view.form;
    match &view.lookup {
        Lookup::None => html! {},
        Lookup::NoMatch(typed) => html! {
            p class="ds-paragraph lookup-note" role="status" { ((t.lookup_none)(typed)) }
        },
        Lookup::Found { choices, more } => {
            let mut options: Vec<(String, String, Option<&str>)> = choices
                .iter()
                .map(|p| (p.number.to_string(), choice_label(catalogue, lang, p), None))
                .collect();
            options.push((UNKNOWN_INTERPRETER.to_string(), t.choose_unknown.to_string(), None));
            // The subject's error stands once, at the look-up field the summary links to.
            let no_problems = Problems::default();
            html! {
                p class="ds-paragraph lookup-note" role="status" {
                    ((t.lookup_found)(choices.len()))
                    @if *more { " " (t.lookup_more) }
                }
                (Fields { lang, problems: &no_problems }.choices(
                    Control { field: Field::Subject, name: "interpreter", label: t.choose_legend, help: None },
                    "radio", "interpreter", &options, &|v| form.interpreter == v))
            }
        }
    }
}

pub fn form_page(catalogue: &Catalogue, lang: Lang, view: &FormView) -> Markup {
    let t = &lang.texts().tips;
    let form = view.form;
    let problems = view.problems;
    let subject_invalid = problems.get(Field::Subject).is_some();
    let f = Fields { lang, problems };
    let grounds: Vec<(String, String, Option<&str>)> = Ground::ALL
        .iter()
        .map(|g| {
            (
                g.as_str().to_string(),
                (t.ground)(*g).to_string(),
                Some((t.ground_help)(*g)),
            )
        })
        .collect();
    let anonymity = [
        (NAMED.to_string(), t.anonymity_named.to_string(), None),
        (ANONYMOUS.to_string(), t.anonymity_anonymous.to_string(), None),
    ];
    let roles: Vec<(String, String, Option<&str>)> = ReporterRole::ALL
        .iter()
        .map(|r| (r.as_str().to_string(), (t.role)(*r).to_string(), None))
        .collect();
    html! {
        h1 class="ds-heading" data-size="lg" { (t.title) }
        p class="ds-paragraph lead" { (t.lead) }
        p class="ds-paragraph" { a class="ds-link" href=(href(lang, "/personvern")) { (t.privacy_link) } }
        @if let Some(n) = &view.notice {
            div class="ds-alert tip-notice" data-color=(n.color) role="alert" {
                @if let Some(title) = n.title { h2 class="ds-heading" data-size="xs" { (title) } }
                p class="ds-paragraph" { (n.text) }
            }
        }
        (summary(lang, problems))
        form class="tip-form" method="post" action=(href(lang, "/varsle")) novalidate {
            // The form's default button comes first: Enter in a text field sends the form
            // (the browser clicks the first submit button), not the look-up below. Hidden from
            // sight, screen readers and the tab order; the visible send button is at the end.
            button class="tip-default" type="submit" name="action" value="send" tabindex="-1" aria-hidden="true" { (t.send_button) }
            input type="hidden" name="token" value=(view.token);
            div class="tip-extra" {
                label for="website" { (t.honeypot_label) }
                input type="text" id="website" name="website" value="" autocomplete="off" tabindex="-1";
            }
            section class="tip-section" aria-labelledby="subject-heading" {
                h2 class="ds-heading" data-size="sm" id="subject-heading" { (t.subject_legend) }
                div class="ds-field" {
                    label class="ds-label" for="lookup" { (t.lookup_label) }
                    div data-field="description" id="lookup-help" { (t.lookup_help) }
                    div class="lookup-row" {
                        input class="ds-input" type="text" id="lookup" name="lookup" value=(form.lookup) autocomplete="off"
                            aria-invalid=[subject_invalid.then_some("true")]
                            aria-describedby=(described(Some("lookup-help"), subject_invalid.then_some("lookup-error")).unwrap_or_default());
                        button class="ds-button" data-variant="secondary" type="submit" name="action" value="lookup" { (t.lookup_button) }
                    }
                    @if let Some(p) = problems.get(Field::Subject).or(problems.get(Field::Lookup)) {
                        @let field = if problems.get(Field::Subject).is_some() { Field::Subject } else { Field::Lookup };
                        p class="ds-validation-message" data-field="validation" id="lookup-error" { ((t.error)(field, p)) }
                    }
                }
                (lookup_part(catalogue, lang, view))
                (f.area(Control { field: Field::Description, name: "description", label: t.description_label, help: Some(t.description_help) }, &form.description, 3))
            }
            section class="tip-section" aria-labelledby="when-heading" {
                h2 class="ds-heading" data-size="sm" id="when-heading" { (t.when_where_legend) }
                (f.text(Control { field: Field::AssignmentOn, name: "assignment_on", label: t.date_label, help: Some(t.date_help) }, &form.assignment_on, "text", "off"))
                (f.text(Control { field: Field::AssignmentPlace, name: "assignment_place", label: t.place_label, help: Some(t.place_help) }, &form.assignment_place, "text", "off"))
            }
            div class="tip-section" {
                (f.choices(Control { field: Field::Grounds, name: "grounds", label: t.grounds_legend, help: Some(t.grounds_help) }, "checkbox", "ground", &grounds, &|v| form.grounds.iter().any(|g| g == v)))
                (f.area(Control { field: Field::Account, name: "account", label: t.account_label, help: Some(t.account_help) }, &form.account, 10))
            }
            section class="tip-section" aria-labelledby="reporter-heading" {
                h2 class="ds-heading" data-size="sm" id="reporter-heading" { (t.reporter_heading) }
                (f.choices(Control { field: Field::Anonymity, name: "anonymity", label: t.anonymity_legend, help: Some(t.anonymity_help) }, "radio", "anonymity", &anonymity, &|v| form.anonymity == v))
                (f.choices(Control { field: Field::Role, name: "reporter_role", label: t.role_legend, help: Some(t.role_help) }, "radio", "role", &roles, &|v| form.reporter_role == v))
                fieldset class="ds-fieldset" aria-describedby="contact-help" {
                    legend class="ds-label" { (t.contact_legend) }
                    div data-field="description" id="contact-help" { (t.contact_help) }
                    (f.text(Control { field: Field::Name, name: "reporter_name", label: t.name_label, help: None }, &form.reporter_name, "text", "name"))
                    (f.text(Control { field: Field::Email, name: "reporter_email", label: t.email_label, help: None }, form.reporter_email.as_deref().unwrap_or(""), "email", "email"))
                    (f.text(Control { field: Field::Phone, name: "reporter_phone", label: t.phone_label, help: None }, form.reporter_phone.as_deref().unwrap_or(""), "tel", "tel"))
                }
            }
            button class="ds-button" data-variant="primary" type="submit" name="action" value="send" { (t.send_button) }
        }
    }
}

/// The receipt: the reference and what happens next; nothing else about the case.
pub fn receipt_page(lang: Lang, reference: &str) -> Markup {
    let t = &lang.texts().tips;
    html! {
        div class="ds-alert" data-color="success" role="status" {
            h1 class="ds-heading" data-size="md" { (t.receipt_title) }
            p class="ds-paragraph" { (t.receipt_lead) }
        }
        dl class="facts facts--wide receipt" {
            div { dt { (t.receipt_reference) } dd class="reference" { strong { (reference) } } }
        }
        p class="ds-paragraph" { (t.receipt_keep) }
        h2 class="ds-heading" data-size="sm" { (t.receipt_next_heading) }
        @for paragraph in t.receipt_next { p class="ds-paragraph" { (paragraph) } }
        p { a class="ds-link" href=(href(lang, "/varsle")) { (t.receipt_new) } }
    }
}

/// A notice page of the tip form (closed, too large) with the way back.
pub fn notice_page(lang: Lang, title: &str, text: &str) -> Markup {
    let t = &lang.texts().tips;
    html! {
        h1 class="ds-heading" data-size="lg" { (title) }
        p class="ds-paragraph" { (text) }
        p { a class="ds-link" href=(href(lang, "/varsle")) { (t.back_to_form) } }
    }
}
