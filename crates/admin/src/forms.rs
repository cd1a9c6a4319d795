//! Form building blocks shared by every page: fields that show their error next to them and
//! keep what was typed, the CSRF field, and the error summary. Markup only, no parsing.

use maud::{Markup, html};

/// Messages per field, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Errors(pub Vec<(String, String)>);

impl Errors {
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push((field.to_string(), message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds `field`'s message when `result` is an error, and returns the value otherwise.
    pub fn take<T, E: std::fmt::Display>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(field, e.to_string());
                None
            }
        }
    }
}

pub fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// The summary above a form: a general message and the number of fields to fix.
pub fn summary(errors: &Errors, general: Option<&str>) -> Markup {
    html! {
        @if general.is_some() || !errors.is_empty() {
            div class="notice error" role="alert" {
                @if let Some(g) = general { p { (g) } }
                @if !errors.is_empty() {
                    p { "Rett opp feilene som er merket i skjemaet:" }
                    ul {
                        @for (field, message) in &errors.0 {
                            li { a href={ "#" (field) } { (message) } }
                        }
                    }
                }
            }
        }
    }
}

fn error_line(name: &str, errors: &Errors) -> Markup {
    html! {
        @if let Some(m) = errors.get(name) {
            p class="field-error" id={ (name) "-error" } { (m) }
        }
    }
}

/// A labelled input of `kind` (text, date, email, tel, password).
pub fn input(kind: &str, name: &str, label: &str, value: &str, errors: &Errors, hint: Option<&str>) -> Markup {
    let invalid = errors.get(name).is_some();
    let described = match (invalid, hint.is_some()) {
        (true, true) => Some(format!("{name}-hint {name}-error")),
        (true, false) => Some(format!("{name}-error")),
        (false, true) => Some(format!("{name}-hint")),
        (false, false) => None,
    };
    html! {
        div class="field" {
            label for=(name) { (label) }
            @if let Some(h) = hint { p class="hint" id={ (name) "-hint" } { (h) } }
            input type=(kind) id=(name) name=(name) value=(value)
                aria-invalid=[invalid.then_some("true")] aria-describedby=[described];
            (error_line(name, errors))
        }
    }
}

pub fn text(name: &str, label: &str, value: &str, errors: &Errors) -> Markup {
    input("text", name, label, value, errors, None)
}

pub fn date(name: &str, label: &str, value: &str, errors: &Errors) -> Markup {
    input("date", name, label, value, errors, Some("Dato som ÅÅÅÅ-MM-DD"))
}

pub fn textarea(name: &str, label: &str, value: &str, errors: &Errors) -> Markup {
    let invalid = errors.get(name).is_some();
    html! {
        div class="field" {
            label for=(name) { (label) }
            textarea id=(name) name=(name) aria-invalid=[invalid.then_some("true")]
                aria-describedby=[invalid.then(|| format!("{name}-error"))] { (value) }
            (error_line(name, errors))
        }
    }
}

/// A select with `(value, label)` options; an empty first option when `placeholder` is given.
pub fn select(
    name: &str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
    placeholder: Option<&str>,
    errors: &Errors,
) -> Markup {
    let invalid = errors.get(name).is_some();
    html! {
        div class="field" {
            label for=(name) { (label) }
            select id=(name) name=(name) aria-invalid=[invalid.then_some("true")]
                aria-describedby=[invalid.then(|| format!("{name}-error"))] {
                @if let Some(p) = placeholder { option value="" { (p) } }
                @for (value, text) in options {
                    option value=(value) selected[value == selected] { (text) }
                }
            }
            (error_line(name, errors))
        }
    }
}

pub fn checkbox(name: &str, label: &str, checked: bool) -> Markup {
    html! {
        div class="checkbox" {
            input type="checkbox" id=(name) name=(name) value="on" checked[checked];
            label for=(name) { (label) }
        }
    }
}

/// Options from static `(value, label)` pairs.
pub fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect()
}

/// Parses a `YYYY-MM-DD` date from a form.
pub fn parse_date(value: &str) -> Result<time::Date, String> {
    // The date field sends ÅÅÅÅ-MM-DD; a browser without a date picker lets staff type the
    // Norwegian DD.MM.ÅÅÅÅ, which `register::date_input` reads as well.
    use register::date_input::{DateInputError, days_in_month};
    register::date_input::parse_date(value).map_err(|e| match (e, e.month()) {
        (DateInputError::Format, _) => "skriv en gyldig dato (ÅÅÅÅ-MM-DD)".to_string(),
        (DateInputError::Impossible { month, .. }, None) => {
            format!("måned {month} finnes ikke; skriv en måned fra 1 til 12")
        }
        (DateInputError::Impossible { day, year, .. }, Some(m)) => format!(
            "{day}. {} {year} finnes ikke; {} {year} har {} dager",
            crate::labels::month(m),
            crate::labels::month(m),
            days_in_month(year, m as u8)
        ),
    })
}

/// Requires a non-empty value of at most `max` characters.
pub fn required(value: &str, what: &str, max: usize) -> Result<String, String> {
    let t = value.trim();
    if t.is_empty() {
        Err(format!("{what} må fylles ut"))
    } else if t.chars().count() > max {
        Err(format!("{what} kan ha høyst {max} tegn"))
    } else {
        Ok(t.to_string())
    }
}

/// The value a confirmation page sends back with the form.
pub const CONFIRMED: &str = "yes";

/// What a confirmation step shows before an action that cannot be undone.
pub struct Confirmation<'a> {
    pub title: &'a str,
    /// What will happen, in a sentence or two.
    pub consequence: &'a str,
    /// Where the form posts again, with `confirmed=yes`.
    pub action: &'a str,
    /// The fields as typed, sent again unchanged.
    pub fields: Vec<(String, String)>,
    pub confirm: &'a str,
    /// Where "no" leads back to.
    pub back: &'a str,
}

/// The confirmation step: the consequence, the form's fields as hidden inputs, and a choice
/// between doing it and going back. Works without JavaScript.
pub fn confirmation(csrf_token: &str, c: &Confirmation) -> Markup {
    html! {
        p class="no-print" { a href=(c.back) { "Tilbake uten å gjøre noe" } }
        h1 { (c.title) }
        p class="notice" role="alert" { (c.consequence) " Dette kan ikke angres." }
        form method="post" action=(c.action) {
            (csrf(csrf_token))
            @for (name, value) in &c.fields {
                input type="hidden" name=(name) value=(value);
            }
            input type="hidden" name="confirmed" value=(CONFIRMED);
            div class="actions" {
                button type="submit" { (c.confirm) }
                a href=(c.back) { "Nei, gå tilbake" }
            }
        }
    }
}

/// The non-empty string fields of a form, to send again from a confirmation page (the CSRF
/// token and the confirmation itself are added there, not copied).
pub fn resend<T: serde::Serialize>(form: &T) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(form) else {
        return Vec::new();
    };
    map.into_iter()
        .filter(|(k, _)| k != "csrf" && k != "confirmed")
        .filter_map(|(k, v)| match v {
            serde_json::Value::String(s) if !s.is_empty() => Some((k, s)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_both_forms_and_impossible_ones_explained() {
        let expected = time::macros::date!(2026 - 12 - 02);
        assert_eq!(parse_date("2026-12-02"), Ok(expected));
        assert_eq!(parse_date(" 02.12.2026 "), Ok(expected));
        assert_eq!(parse_date("2.12.2026"), Ok(expected));
        assert_eq!(
            parse_date("2026-02-31"),
            Err("31. februar 2026 finnes ikke; februar 2026 har 28 dager".to_string())
        );
        assert_eq!(
            parse_date("29.02.2028"),
            Ok(time::macros::date!(2028 - 02 - 29)),
            "a leap day"
        );
        assert_eq!(
            parse_date("2026-13-01"),
            Err("måned 13 finnes ikke; skriv en måned fra 1 til 12".to_string())
        );
        assert_eq!(
            parse_date("i morgen"),
            Err("skriv en gyldig dato (ÅÅÅÅ-MM-DD)".to_string())
        );
        assert!(parse_date("").is_err());
    }
}
