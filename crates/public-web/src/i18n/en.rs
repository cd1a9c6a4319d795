//! English: every user-facing string in English, and nothing else.

use register::Category;
use register::LanguageKind;
use register::interpreter::{Availability, Gender};
use search::WorkMode;

use super::Texts;

pub static TEXTS: Texts = Texts {
    own_name: "English",
    service: "Norwegian National Register of Interpreters",
    skip_to_content: "Skip to main content",
    language_switch: "Language of the site",
    footer_about: "The National Register of Interpreters is run by the Directorate of Integration and Diversity (IMDi) under section 17 of the Interpreting Act.",
    nav_search: "Find an interpreter",
    nav_languages: "Languages and categories",
    nav_verify: "Verify an interpreter number",
    nav_help: "Help",
    nav_accessibility: "Accessibility statement",
    nav_api: "API for developers",

    front_title: "Find a qualified interpreter",
    front_lead: "Search the National Register of Interpreters for interpreters who meet the requirements of the Interpreting Act. Public bodies must use qualified interpreters.",
    front_count: |n| format!("{n} interpreters are listed in the register today."),
    front_verify_title: "Checking an interpreter?",
    front_verify_text: "Enter the interpreter number from the interpreter's ID card to see whether the interpreter is listed today.",

    field_language: "Language",
    field_language_help: "Type the language in Norwegian, English or the language itself, for example Arabic, Farsi or Ukrainian.",
    field_name: "Interpreter's name or number (optional)",
    field_name_help: "Small typos are fine.",
    more_filters: "More options",
    field_category: "Lowest qualification category",
    field_category_help: "A is the highest. Choosing C gives interpreters in categories A, B and C.",
    any_category: "All categories",
    category_or_higher: |c| match c {
        Category::A => "Only A".to_string(),
        c => format!("{c} or higher"),
    },
    field_county: "County",
    any_county: "All counties",
    field_mode: "Way of working",
    field_mode_help: "Choose one or more.",
    field_gender: "Gender",
    any_gender: "Any",
    field_availability: "Availability",
    any_availability: "Any",
    field_kind: "Type of interpreter",
    any_kind: "All types",
    search_button: "Search",

    results_title: "Search results",
    results_heading: |n, language| match (n, language) {
        (1, Some(l)) => format!("1 interpreter for {l}"),
        (n, Some(l)) => format!("{n} interpreters for {l}"),
        (1, None) => "1 interpreter".to_string(),
        (n, None) => format!("{n} interpreters"),
    },
    results_understood: |typed, language| format!("You typed “{typed}”. Showing results for {language}."),
    results_also_matched: "Did you mean another language?",
    results_order_note: "Interpreters with the highest category come first. Within each category the order changes every day, so that everyone takes a turn at the top.",
    results_list_label: "Interpreters",
    facet_categories: "Number per category",
    facet_counties: "Number per county",
    new_search: "Change the search",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    pagination_label: "Pages of the search results",
    previous: "Previous",
    next: "Next",
    number_label: "Interpreter number",
    category_label: "Category",
    county_label: "County",
    phone_label: "Phone",
    email_label: "Email",
    modes_label: "Ways of working",
    availability_label: "Availability",
    gender_label: "Gender",
    address_label: "Address",
    entries_label: "Languages and categories",
    language_label: "Language",
    kind_label: "Type of interpreter",

    zero_title: "No interpreters matched your search",
    zero_lead: "Try a broader search:",
    zero_lower_category: |c, n| format!("Include category {c}: {n} interpreters"),
    zero_other_counties: "Interpreters in other counties:",
    zero_remote: |n| format!("Interpreting by telephone or video, any county: {n} interpreters"),
    zero_all_filters: "Remove all filters and search by language only",

    interpreter_title: |name| format!("Interpreter: {name}"),
    interpreter_not_listed: "We found no listed interpreter with this number. The interpreter may have left the register or be excluded or suspended, or the number may be wrong.",
    interpreter_contact: "Contact",
    interpreter_work: "How the interpreter works",
    interpreter_verify_link: "Verify this interpreter number",

    languages_title: "Languages and categories",
    languages_lead: "The number of listed interpreters for each language, by qualification category.",
    language_total: "Total",
    language_title: |name| format!("Interpreters for {name}"),
    code_label: "Language code",
    language_other_names: "Other names",
    language_members: "Covers",
    language_count_heading: "Interpreters per category",
    language_search_link: |name| format!("Find interpreters for {name}"),
    categories_title: "What the categories mean",
    categories_lead: "The category shows which qualifications the interpreter has documented in this language. A is the highest. Every category meets the requirements for a qualified interpreter.",
    category_meaning: |c| match c {
        Category::A => "State-authorised interpreter with a bachelor's degree in interpreting.",
        Category::B => {
            "Bachelor's degree in interpreting, or state-authorised interpreter with the foundation course in interpreting."
        }
        Category::C => "State-authorised interpreter: has passed the authorisation test.",
        Category::D => {
            "Has completed the foundation course in public-sector interpreting (sign language: interpreter training from before the bachelor's degree)."
        }
        Category::E => {
            "Has passed the bilingual test (or is a state-authorised translator) and the course on the interpreter's role and ethics (TAO)."
        }
    },

    verify_title: "Verify an interpreter number",
    verify_lead: "See whether an interpreter is listed in the National Register of Interpreters today, for instance when checking an interpreter's ID card over the telephone.",
    verify_field: "Interpreter number",
    verify_field_help: "Printed on the interpreter's ID card. Digits only, for example 10001.",
    verify_button: "Verify",
    verify_listed: |n| format!("Interpreter {n} is listed in the register"),
    verify_not_listed: |n| format!("Interpreter {n} is not listed in the register today"),
    verify_not_listed_help: "Do not use the interpreter for public-sector assignments until this has been cleared up. The interpreter may have left the register or be excluded or suspended, or the number may be wrong.",
    verify_checked_at: |day| format!("Checked on {day}."),

    help_title: "Help",
    help_sections: &[
        (
            "How to search",
            "Type the language you need an interpreter for, in Norwegian, English or the language itself; small typos are fine. Under “More options” you can choose the lowest category, county, way of working, gender, availability and type of interpreter.",
        ),
        (
            "The order of results",
            "Interpreters with the highest qualification category come first. Within each category the order is shuffled every day by a fixed rule, so that no interpreter is always at the top. The order is the same on every page of a search made the same day. When you search by name, exact matches come first.",
        ),
        (
            "The categories",
            "The category (A to E) shows which qualifications the interpreter has documented in the language. A is the highest. Sign language interpreters can have category B, D or E, as there is no state authorisation for sign language.",
        ),
        (
            "Who is shown",
            "Only interpreters listed today are shown. Interpreters who are suspended, excluded, have withdrawn or have lost the basis for their listing are not shown.",
        ),
        (
            "Verify an interpreter",
            "On the page “Verify an interpreter number” you can see whether the number on an ID card belongs to an interpreter listed today.",
        ),
        (
            "Links you can share",
            "The address of a search holds all your choices, so you can bookmark or share it.",
        ),
    ],
    accessibility_title: "Accessibility statement",
    accessibility_sections: &[
        (
            "Requirements",
            "The site aims to meet WCAG 2.1 levels A and AA, as Norwegian regulations on universal design of ICT require.",
        ),
        (
            "How we test",
            "Every page is tested automatically with axe-core in a browser on every change, and the pages work with a keyboard, with screen readers and without JavaScript.",
        ),
        (
            "Known issues",
            "We know of no issues. If you find something that does not work, please tell us.",
        ),
        (
            "Feedback",
            "Write to IMDi and tell us which page and what did not work. You can also complain to the Authority for Universal Design of ICT.",
        ),
    ],

    not_found_title: "Page not found",
    not_found_text: "The page does not exist. The link may be wrong or out of date.",
    bad_request_title: "Something in the search needs correcting",
    error_summary: "Please correct this and search again:",
    starting_title: "Search is starting",
    starting_text: "The search index is being built. Please try again in a few seconds.",
    unavailable_title: "The service is temporarily unavailable",
    unavailable_text: "Something went wrong on our side. Please try again shortly.",
    did_you_mean: "Did you mean",

    error_unknown_language: |typed| {
        format!("We could not find the language “{typed}”. Check the spelling, or choose a language from the list.")
    },
    error_invalid: |param, value| format!("“{value}” is not a valid {param}."),
    error_page_range: "That page is not in the results. At most 100 results per page and the first 10,000 results can be shown.",
    error_invalid_number: |value| {
        format!(
            "“{value}” is not a valid interpreter number. An interpreter number has 1–7 digits and does not start with 0."
        )
    },

    gender: |g| match g {
        Gender::Female => "Female",
        Gender::Male => "Male",
        Gender::Unspecified => "Not stated",
    },
    availability: |a| match a {
        Availability::FullTime => "Full-time",
        Availability::PartTime => "Part-time",
        Availability::Occasional => "Occasionally",
    },
    mode: |m| match m {
        WorkMode::OnSite => "On site",
        WorkMode::Telephone => "Telephone",
        WorkMode::Video => "Video",
    },
    kind: |k| match k {
        LanguageKind::Spoken => "Spoken language interpreter",
        LanguageKind::Sign => "Sign language interpreter",
        LanguageKind::SpeechToText => "Speech-to-text interpreter",
        LanguageKind::Deafblind => "Interpreter for the deafblind",
    },
    param: |p| match p {
        "language" => "language",
        "category" => "category",
        "county" => "county",
        "gender" => "gender",
        "mode" => "way of working",
        "availability" => "availability",
        "kind" => "type of interpreter",
        "name" => "name",
        "page" => "page",
        "per_page" => "results per page",
        _ => "search",
    },
};
