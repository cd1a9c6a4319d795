//! The service's languages (bokmål by default, nynorsk, English): which one a request asked for
//! and the strings for it. Every text a user reads comes from `nb`, `nn` or `en`; none is here.

mod en;
mod nb;
mod nn;
mod stats;

pub use stats::{CoverageTexts, StatsTexts};

use register::interpreter::{Availability, Gender};
use register::language::Language;
use register::tips::{Ground, ReporterRole};
use register::{Category, LanguageKind};
use search::WorkMode;
use time::Date;

use crate::tips::{Field, Problem};

/// A language of the user interface, chosen by `?lang=nb|nn|en` (default bokmål).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The value of `lang=` and of the HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Reads `lang=`; anything unknown falls back to bokmål.
    pub fn parse(value: Option<&str>) -> Lang {
        match value.map(str::trim) {
            Some("nn") => Lang::Nn,
            Some("en") => Lang::En,
            _ => Lang::Nb,
        }
    }

    /// The language a JSON request asked for: `lang`, else Accept-Language, else bokmål.
    pub fn negotiate(lang: Option<&str>, accept_language: Option<&str>) -> Lang {
        match register::ui_language::UiLanguage::negotiate(lang, accept_language) {
            register::ui_language::UiLanguage::Nb => Lang::Nb,
            register::ui_language::UiLanguage::Nn => Lang::Nn,
            register::ui_language::UiLanguage::En => Lang::En,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nb => &nb::TEXTS,
            Lang::Nn => &nn::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }

    /// A language's name in this language.
    pub fn language_name(self, l: &Language) -> &str {
        match self {
            Lang::Nb => &l.names.nb,
            Lang::Nn => &l.names.nn,
            Lang::En => &l.names.en,
        }
    }
}

/// All user-facing strings of one language.
pub struct Texts {
    /// The name of this language, in itself (for the language switcher).
    pub own_name: &'static str,
    pub service: &'static str,
    pub skip_to_content: &'static str,
    pub language_switch: &'static str,
    pub footer_about: &'static str,
    pub nav_search: &'static str,
    pub nav_languages: &'static str,
    pub nav_verify: &'static str,
    pub nav_help: &'static str,
    pub nav_accessibility: &'static str,
    pub nav_api: &'static str,
    pub nav_about: &'static str,
    pub nav_contact: &'static str,
    pub nav_privacy: &'static str,
    pub nav_guide: &'static str,
    /// The site menu in the header: its name and its four short links.
    pub menu_label: &'static str,
    pub menu_search: &'static str,
    pub menu_verify: &'static str,
    pub menu_tip: &'static str,
    pub menu_help: &'static str,
    /// A date in running text: "2. desember 2026", "2 December 2026".
    pub date: fn(Date) -> String,

    pub front_title: &'static str,
    pub front_lead: &'static str,
    pub front_count: fn(usize) -> String,
    pub front_verify_title: &'static str,
    pub front_verify_text: &'static str,

    pub field_language: &'static str,
    pub field_language_help: &'static str,
    pub field_name: &'static str,
    pub field_name_help: &'static str,
    pub more_filters: &'static str,
    pub field_category: &'static str,
    pub field_category_help: &'static str,
    pub any_category: &'static str,
    pub category_or_higher: fn(Category) -> String,
    pub field_county: &'static str,
    pub any_county: &'static str,
    pub field_mode: &'static str,
    pub field_mode_help: &'static str,
    pub field_gender: &'static str,
    pub any_gender: &'static str,
    pub field_availability: &'static str,
    pub any_availability: &'static str,
    pub field_kind: &'static str,
    pub any_kind: &'static str,
    pub search_button: &'static str,

    pub results_title: &'static str,
    pub results_heading: fn(usize, Option<&str>) -> String,
    pub results_understood: fn(&str, &str) -> String,
    pub results_also_matched: &'static str,
    pub results_order_note: &'static str,
    pub results_list_label: &'static str,
    pub facet_categories: &'static str,
    pub facet_counties: &'static str,
    pub new_search: &'static str,
    /// The one-line summary of the search above the results on small screens.
    pub search_summary: fn(&str) -> String,
    /// "a, b eller c", for the languages or counties a search covers.
    pub or_list: fn(&[String]) -> String,
    /// "a, b og c".
    pub and_list: fn(&[String]) -> String,
    /// The county part of the results heading: " i Oslo".
    pub heading_place: fn(&str) -> String,
    /// An active minimum category, in the heading and its remove button.
    pub filter_category: fn(Category) -> String,
    /// Any other active filter: the parameter's name and the value.
    pub filter_value: fn(&str, &str) -> String,
    pub active_filters: &'static str,
    /// Before a filter's name in its remove link, for screen readers.
    pub remove_filter: &'static str,
    /// A shared name no language has as its own: what was typed and the languages searched.
    pub shared_all: fn(&str, &str) -> String,
    /// A shared name that is one language's own: typed, the language searched, the others.
    pub shared_own: fn(&str, &str, &str) -> String,
    /// Before the links to each language a shared name may mean.
    pub shared_choose: &'static str,
    pub page_of: fn(usize, usize) -> String,
    pub pagination_label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub number_label: &'static str,
    pub category_label: &'static str,
    pub county_label: &'static str,
    pub phone_label: &'static str,
    pub email_label: &'static str,
    pub modes_label: &'static str,
    pub availability_label: &'static str,
    pub gender_label: &'static str,
    pub address_label: &'static str,
    pub entries_label: &'static str,
    pub language_label: &'static str,
    pub kind_label: &'static str,

    pub zero_title: &'static str,
    pub zero_lead: &'static str,
    pub zero_lower_category: fn(Category, usize) -> String,
    pub zero_other_counties: &'static str,
    pub zero_remote: fn(usize) -> String,
    pub zero_all_filters: &'static str,

    pub interpreter_title: fn(&str) -> String,
    pub interpreter_not_listed: &'static str,
    pub interpreter_contact: &'static str,
    pub interpreter_work: &'static str,
    pub interpreter_verify_link: &'static str,

    pub languages_title: &'static str,
    pub languages_lead: &'static str,
    pub language_total: &'static str,
    pub language_title: fn(&str) -> String,
    pub code_label: &'static str,
    pub language_other_names: &'static str,
    /// Names the language shares with other register languages ("kurdisk").
    pub language_shared_names: &'static str,
    pub language_members: &'static str,
    pub language_count_heading: &'static str,
    pub language_search_link: fn(&str) -> String,
    pub categories_title: &'static str,
    pub categories_lead: &'static str,
    pub category_meaning: fn(Category) -> &'static str,

    pub verify_title: &'static str,
    pub verify_lead: &'static str,
    pub verify_field: &'static str,
    pub verify_field_help: &'static str,
    pub verify_button: &'static str,
    pub verify_listed: fn(&str) -> String,
    pub verify_not_listed: fn(&str) -> String,
    pub verify_not_listed_help: &'static str,
    pub verify_checked_at: fn(&str) -> String,
    /// The column of the entries table on the verify page, and its cells.
    pub listed_since_heading: &'static str,
    pub listed_since: fn(&str) -> String,

    /// The short legend of the categories beside results and on the interpreter page.
    pub category_legend: &'static str,
    pub category_legend_more: &'static str,

    pub help_title: &'static str,
    pub help_sections: &'static [(&'static str, &'static str)],
    pub accessibility_title: &'static str,
    pub accessibility_sections: &'static [(&'static str, &'static str)],
    pub info: InfoTexts,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub bad_request_title: &'static str,
    pub error_summary: &'static str,
    pub starting_title: &'static str,
    pub starting_text: &'static str,
    pub unavailable_title: &'static str,
    pub unavailable_text: &'static str,
    pub did_you_mean: &'static str,

    pub error_unknown_language: fn(&str) -> String,
    pub error_invalid: fn(&str, &str) -> String,
    pub error_page_range: &'static str,
    pub error_invalid_number: fn(&str) -> String,

    pub gender: fn(Gender) -> &'static str,
    pub availability: fn(Availability) -> &'static str,
    pub mode: fn(WorkMode) -> &'static str,
    pub kind: fn(LanguageKind) -> &'static str,
    /// The name of a request parameter, for error messages.
    pub param: fn(&str) -> &'static str,

    pub tips: TipTexts,
    pub problems: ProblemTexts,
    /// The statistics pages and downloads.
    pub stats: &'static StatsTexts,
}

/// The about page, the contact page, the privacy statement and the guide for public bodies.
pub struct InfoTexts {
    pub about_title: &'static str,
    pub about_lead: &'static str,
    pub about_sections: &'static [(&'static str, &'static str)],
    pub contact_title: &'static str,
    pub contact_lead: &'static str,
    pub contact_post_label: &'static str,
    pub contact_email_label: &'static str,
    pub contact_phone_label: &'static str,
    /// That the address is the directorate's main contact, not a line to the register.
    pub contact_note: &'static str,
    pub contact_sections: &'static [(&'static str, &'static str)],
    pub privacy_title: &'static str,
    pub privacy_lead: &'static str,
    pub privacy_sections: &'static [(&'static str, &'static str)],
    /// Before the link to the Norwegian Data Protection Authority.
    pub privacy_complaint_link: &'static str,
    pub guide_title: &'static str,
    pub guide_lead: &'static str,
    pub guide_sections: &'static [(&'static str, &'static str)],
    /// The link to the act on Lovdata.
    pub law_link: &'static str,
    pub contact_link: &'static str,
}

/// IMDi's public contact details: the directorate's main contact, the same in every language.
pub struct Contact {
    pub name: &'static str,
    pub post_box: &'static str,
    pub postcode_city: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
}

pub const IMDI: Contact = Contact {
    name: "Integrerings- og mangfoldsdirektoratet (IMDi)",
    post_box: "Postboks 2832 Tøyen",
    postcode_city: "0608 Oslo",
    email: "post@imdi.no",
    phone: "24 16 88 00",
};

/// The Interpreting Act on Lovdata.
pub const LAW_URL: &str = "https://lovdata.no/lov/2021-06-11-79";
/// The Norwegian Data Protection Authority's page on complaints.
pub const DATATILSYNET_URL: &str = "https://www.datatilsynet.no/";

/// The titles of the JSON API's problem types (RFC 9457); the details reuse the page texts.
pub struct ProblemTexts {
    pub invalid_parameter: &'static str,
    pub page_range: &'static str,
    pub invalid_number: &'static str,
    pub invalid_language_code: &'static str,
    pub invalid_language_code_detail: fn(&str) -> String,
    pub unknown_language: &'static str,
    pub interpreter_not_found: &'static str,
    pub interpreter_not_found_detail: fn(&str) -> String,
    pub language_not_found: &'static str,
    pub language_not_found_detail: fn(&str) -> String,
    pub not_found: &'static str,
    pub starting: &'static str,
    pub unavailable: &'static str,
}

/// The tip form's strings: the form, its explanations, its errors and the pages around it.
pub struct TipTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub optional: &'static str,

    pub subject_legend: &'static str,
    pub lookup_label: &'static str,
    pub lookup_help: &'static str,
    pub lookup_button: &'static str,
    pub lookup_found: fn(usize) -> String,
    pub lookup_more: &'static str,
    pub lookup_none: fn(&str) -> String,
    pub choose_legend: &'static str,
    pub choose_unknown: &'static str,
    pub description_label: &'static str,
    pub description_help: &'static str,

    pub when_where_legend: &'static str,
    pub date_label: &'static str,
    pub date_help: &'static str,
    pub place_label: &'static str,
    pub place_help: &'static str,

    pub grounds_legend: &'static str,
    pub grounds_help: &'static str,
    pub ground: fn(Ground) -> &'static str,
    pub ground_help: fn(Ground) -> &'static str,

    pub account_label: &'static str,
    pub account_help: &'static str,

    pub reporter_heading: &'static str,
    pub anonymity_legend: &'static str,
    pub anonymity_help: &'static str,
    pub anonymity_named: &'static str,
    pub anonymity_anonymous: &'static str,
    pub role_legend: &'static str,
    pub role_help: &'static str,
    pub role: fn(ReporterRole) -> &'static str,
    pub contact_legend: &'static str,
    pub contact_help: &'static str,
    pub name_label: &'static str,
    pub email_label: &'static str,
    pub phone_label: &'static str,
    pub honeypot_label: &'static str,
    pub send_button: &'static str,

    pub error_prefix: &'static str,
    pub error_title: &'static str,
    pub error: fn(Field, &Problem) -> String,

    pub receipt_title: &'static str,
    pub receipt_lead: &'static str,
    pub receipt_reference: &'static str,
    pub receipt_keep: &'static str,
    pub receipt_next_heading: &'static str,
    pub receipt_next: &'static [&'static str],
    pub receipt_new: &'static str,

    pub closed_title: &'static str,
    pub closed_text: &'static str,
    pub too_many_title: &'static str,
    pub too_many_text: fn(u64) -> String,
    pub too_large_title: &'static str,
    pub too_large_text: &'static str,
    pub refused_text: &'static str,
    pub expired_text: &'static str,
    pub failed_text: &'static str,
    pub back_to_form: &'static str,

    pub help_heading: &'static str,
    pub help_text: &'static str,
    /// The link from the form to the privacy statement.
    pub privacy_link: &'static str,
}

/// `text` with its first letter in upper case ("februar" → "Februar").
pub(crate) fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    out
}

/// `items` joined by commas, the last two by `last` (" eller ").
pub(crate) fn list(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{}{last}{end}", init.join(", ")),
    }
}

/// `day` as Norwegian running text writes it, "2. desember 2026" (bokmål and nynorsk alike).
pub(crate) fn norwegian_date(day: Date) -> String {
    format!("{}. {} {}", day.day(), norwegian_month(day.month() as u8), day.year())
}

/// The Norwegian name of month `m` (1–12).
pub(crate) fn norwegian_month(m: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// `n` with `sep` between thousands, e.g. 20 000.
pub(crate) fn thousands(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_text() {
        for lang in Lang::ALL {
            let t = lang.texts();
            assert!(!t.service.is_empty() && !t.help_sections.is_empty(), "{lang:?}");
            for c in Category::ALL {
                assert!(!(t.category_meaning)(c).is_empty());
            }
            assert!((t.results_heading)(2, Some("arabisk")).contains('2'));
        }
        assert_eq!(Lang::parse(Some("nn")), Lang::Nn);
        assert_eq!(Lang::parse(Some("<script>")), Lang::Nb);
        assert_ne!(Lang::Nn.texts().search_button, Lang::En.texts().search_button);
        for lang in Lang::ALL {
            let t = &lang.texts().tips;
            for g in Ground::ALL {
                assert!((t.ground)(g).contains(g.section()), "{lang:?} {g:?}");
                assert!(!(t.ground_help)(g).is_empty());
            }
            for r in ReporterRole::ALL {
                assert!(!(t.role)(r).is_empty());
            }
            assert!((t.error)(Field::Account, &Problem::TooLong(20_000)).contains("20"));
            assert!((t.too_many_text)(30).contains("30"));
        }
    }

    #[test]
    fn one_is_singular_everywhere_public() {
        for lang in Lang::ALL {
            let t = lang.texts();
            let ones = [
                (t.front_count)(1),
                (t.results_heading)(1, Some("arabisk")),
                (t.results_heading)(1, None),
                (t.zero_lower_category)(Category::D, 1),
                (t.zero_remote)(1),
                (t.tips.lookup_found)(1),
                (t.tips.too_many_text)(1),
            ];
            for one in &ones {
                for plural in [
                    "1 tolker",
                    "1 tolkar",
                    "1 interpreters",
                    "1 sekunder",
                    "1 seconds",
                    "1 oppførte",
                    "1 saker",
                    "1 advarsler",
                ] {
                    assert!(!one.contains(plural), "{lang:?}: {one}");
                }
            }
            assert!(
                (t.front_count)(2).contains("2 t") || (t.front_count)(2).contains("2 i"),
                "{lang:?}"
            );
        }
        assert_eq!(
            (Lang::Nb.texts().front_count)(1),
            "1 tolk er oppført i registeret i dag."
        );
        assert_eq!(
            (Lang::Nb.texts().front_count)(2),
            "2 tolker er oppført i registeret i dag."
        );
        assert_eq!(
            (Lang::Nn.texts().zero_remote)(1),
            "Tolk på telefon eller video, same kva fylke: 1 tolk"
        );
        assert_eq!(
            (Lang::En.texts().zero_lower_category)(Category::E, 1),
            "Include category E: 1 interpreter"
        );
        assert!((Lang::Nb.texts().tips.too_many_text)(1).contains("Vent 1 sekund og"));
        assert!((Lang::En.texts().tips.too_many_text)(30).contains("Wait 30 seconds and"));
    }

    #[test]
    fn dates_in_running_text() {
        use time::macros::date;
        let d = date!(2026 - 12 - 02);
        assert_eq!((Lang::Nb.texts().date)(d), "2. desember 2026");
        assert_eq!((Lang::Nn.texts().date)(d), "2. desember 2026");
        assert_eq!((Lang::En.texts().date)(d), "2 December 2026");
        assert_eq!((Lang::Nb.texts().date)(date!(2025 - 01 - 31)), "31. januar 2025");
        assert_eq!((Lang::En.texts().date)(date!(2025 - 05 - 09)), "9 May 2025");
        assert_eq!(
            (Lang::Nb.texts().listed_since)("2. desember 2026"),
            "Oppført siden 2. desember 2026"
        );
        assert_eq!(
            (Lang::Nn.texts().listed_since)("2. desember 2026"),
            "Oppført sidan 2. desember 2026"
        );
    }

    #[test]
    fn an_impossible_date_is_explained_as_such() {
        let p = Problem::DateImpossible {
            typed: "31.02.2026".into(),
            year: 2026,
            month: Some(2),
        };
        assert_eq!(
            (Lang::Nb.texts().tips.error)(Field::AssignmentOn, &p),
            "31.02.2026 finnes ikke. Februar 2026 har 28 dager."
        );
        assert_eq!(
            (Lang::Nn.texts().tips.error)(Field::AssignmentOn, &p),
            "31.02.2026 finst ikkje. Februar 2026 har 28 dagar."
        );
        assert_eq!(
            (Lang::En.texts().tips.error)(Field::AssignmentOn, &p),
            "31.02.2026 does not exist. February 2026 has 28 days."
        );
        let p = Problem::DateImpossible {
            typed: "1.13.2026".into(),
            year: 2026,
            month: None,
        };
        assert!((Lang::Nb.texts().tips.error)(Field::AssignmentOn, &p).contains("fra 1 til 12"));
    }
}
