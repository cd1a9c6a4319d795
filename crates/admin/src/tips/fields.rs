//! Form fields for the case page's many small forms: the same field names in every form, but ids
//! prefixed by the form (`close-reason`), so ids stay unique on one page. Markup only.

use maud::{Markup, html};

use crate::forms::Errors;

/// The fields of one form: its prefix and the errors of this form (already keyed by field name).
pub struct Fields<'a> {
    pub prefix: &'a str,
    pub errors: &'a Errors,
}

impl Fields<'_> {
    fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    fn error(&self, name: &str) -> Markup {
        html! {
            @if let Some(m) = self.errors.get(name) {
                p class="field-error" id={ (self.id(name)) "-error" } { (m) }
            }
        }
    }

    fn described(&self, name: &str, hint: bool) -> Option<String> {
        let id = self.id(name);
        match (self.errors.get(name).is_some(), hint) {
            (true, true) => Some(format!("{id}-hint {id}-error")),
            (true, false) => Some(format!("{id}-error")),
            (false, true) => Some(format!("{id}-hint")),
            (false, false) => None,
        }
    }

    pub fn input(&self, kind: &str, name: &str, label: &str, value: &str, hint: Option<&str>) -> Markup {
        let id = self.id(name);
        let invalid = self.errors.get(name).is_some();
        html! {
            div class="field" {
                label for=(id) { (label) }
                @if let Some(h) = hint { p class="hint" id={ (id) "-hint" } { (h) } }
                input type=(kind) id=(id) name=(name) value=(value)
                    aria-invalid=[invalid.then_some("true")] aria-describedby=[self.described(name, hint.is_some())];
                (self.error(name))
            }
        }
    }

    pub fn text(&self, name: &str, label: &str, value: &str) -> Markup {
        self.input("text", name, label, value, None)
    }

    pub fn date(&self, name: &str, label: &str, value: &str) -> Markup {
        self.input("date", name, label, value, Some("Dato som ÅÅÅÅ-MM-DD"))
    }

    pub fn textarea(&self, name: &str, label: &str, value: &str, hint: Option<&str>) -> Markup {
        let id = self.id(name);
        let invalid = self.errors.get(name).is_some();
        html! {
            div class="field" {
                label for=(id) { (label) }
                @if let Some(h) = hint { p class="hint" id={ (id) "-hint" } { (h) } }
                textarea id=(id) name=(name) aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[self.described(name, hint.is_some())] { (value) }
                (self.error(name))
            }
        }
    }

    pub fn select(&self, name: &str, label: &str, options: &[(String, String)], selected: &str) -> Markup {
        let id = self.id(name);
        let invalid = self.errors.get(name).is_some();
        html! {
            div class="field" {
                label for=(id) { (label) }
                select id=(id) name=(name) aria-invalid=[invalid.then_some("true")]
                    aria-describedby=[self.described(name, false)] {
                    option value="" { "Velg …" }
                    @for (value, text) in options {
                        option value=(value) selected[value == selected] { (text) }
                    }
                }
                (self.error(name))
            }
        }
    }

    pub fn checkbox(&self, name: &str, label: &str, checked: bool) -> Markup {
        let id = self.id(name);
        html! {
            div class="checkbox" {
                input type="checkbox" id=(id) name=(name) value="on" checked[checked];
                label for=(id) { (label) }
            }
        }
    }

    /// The reason every change needs, shown last in each form.
    pub fn reason(&self, value: &str) -> Markup {
        self.textarea(
            "reason",
            "Begrunnelse for endringen",
            value,
            Some("Kommer i sakshistorikken. Skriv ikke varslerens identitet her."),
        )
    }
}
