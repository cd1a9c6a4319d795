//! English: every user-facing string in English, and nothing else.

use register::Category;
use register::LanguageKind;
use register::interpreter::{Availability, Gender};
use register::tips::{Ground, ReporterRole};
use search::WorkMode;

use super::{CoverageTexts, InfoTexts, ProblemTexts, StatsTexts, Texts, TipTexts, list, thousands};
use time::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: u8) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// "2 December 2026".
fn english_date(day: Date) -> String {
    format!("{} {} {}", day.day(), month_name(day.month() as u8), day.year())
}
use crate::tips::{Field, Problem, Refusal};

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
    nav_about: "About the register",
    nav_contact: "Contact IMDi",
    nav_privacy: "Privacy statement",
    nav_guide: "Guide for public bodies",
    menu_label: "Main menu",
    menu_search: "Find an interpreter",
    menu_verify: "Check an ID card",
    menu_tip: "Report a breach",
    menu_help: "Help",
    date: english_date,

    front_title: "Find a qualified interpreter",
    front_lead: "Search the National Register of Interpreters for interpreters who meet the requirements of the Interpreting Act. Public bodies must use qualified interpreters.",
    front_count: |n| match n {
        1 => "1 interpreter is listed in the register today.".to_string(),
        n => format!("{n} interpreters are listed in the register today."),
    },
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
    search_summary: |q| format!("Search: {q}"),
    or_list: |items| list(items, " or "),
    and_list: |items| list(items, " and "),
    heading_place: |place| format!(" in {place}"),
    filter_category: |c| match c {
        Category::A => "category A only".to_string(),
        c => format!("category {c} or higher"),
    },
    filter_value: |param, value| format!("{param}: {}", value.to_lowercase()),
    active_filters: "Filters in the search",
    remove_filter: "Remove the filter",
    shared_all: |typed, languages| {
        format!(
            "“{typed}” can mean more than one language in the register. Showing interpreters for all of them: {languages}."
        )
    },
    shared_own: |typed, language, others| {
        format!("Showing interpreters for {language}. “{typed}” can also mean {others}.")
    },
    shared_choose: "Did you mean:",
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
    zero_lower_category: |c, n| match n {
        1 => format!("Include category {c}: 1 interpreter"),
        n => format!("Include category {c}: {n} interpreters"),
    },
    zero_other_counties: "Interpreters in other counties:",
    zero_remote: |n| match n {
        1 => "Interpreting by telephone or video, any county: 1 interpreter".to_string(),
        n => format!("Interpreting by telephone or video, any county: {n} interpreters"),
    },
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
    language_shared_names: "Names also used for other languages",
    language_members: "Covers",
    language_count_heading: "Interpreters per category",
    language_search_link: |name| format!("Find interpreters for {name}"),
    categories_title: "What the categories mean",
    categories_lead: "The category shows which qualifications the interpreter has documented in this language. A is the highest. Every category meets the requirements for a qualified interpreter. Sign language interpreters can have category B, D or E, as there is no state authorisation for sign language.",
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
    listed_since_heading: "Listed",
    listed_since: |day| format!("Listed since {day}"),

    category_legend: "What do the categories A–E mean?",
    category_legend_more: "More about the categories and the requirements for a qualified interpreter",

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

    info: InfoTexts {
        about_title: "About the National Register of Interpreters",
        about_lead: "The National Register of Interpreters is a public list of interpreters who meet the requirements for a qualified interpreter under the Interpreting Act. Public bodies use it to find and verify interpreters.",
        about_sections: &[
            (
                "Who runs the register",
                "The Directorate of Integration and Diversity (IMDi) owns and runs the register. IMDi decides who is listed, grants state authorisation as an interpreter, approves foreign qualifications and handles reports about interpreters.",
            ),
            (
                "Legal basis",
                "The register is established by section 17 of the Interpreting Act (tolkeloven, the act on public bodies' responsibility for the use of interpreters). The requirements for being listed are set out in the Interpreting Regulations (tolkeforskriften). A qualified interpreter is one who meets the requirements for being listed in the register (section 7, third paragraph).",
            ),
            (
                "What the register shows",
                "For each interpreter the register shows the name, interpreter number, languages with the type of interpreter and the qualification category, county, ways of working, availability, gender and contact details. An address is shown only with the interpreter's consent. National identity numbers, documents, reports and sanctions are never public.",
            ),
            (
                "Who is shown",
                "Only interpreters listed today are shown. An interpreter who is suspended, excluded or has withdrawn is not shown in search. On the page “Verify an interpreter number” you can see whether a number belongs to an interpreter listed today.",
            ),
            (
                "Interpreters' duties",
                "Interpreters must follow good interpreting practice (section 14), keep confidentiality (section 15) and be impartial (section 16). Anyone can report to IMDi an interpreter they believe has broken these duties (section 19). IMDi can issue a warning or exclude the interpreter from the register (section 21).",
            ),
        ],
        contact_title: "Contact IMDi",
        contact_lead: "If you have questions about the National Register of Interpreters, an entry or a report, you can contact IMDi.",
        contact_post_label: "Postal address",
        contact_email_label: "Email",
        contact_phone_label: "Switchboard",
        contact_note: "This is the directorate's main contact. Say that your enquiry is about the National Register of Interpreters.",
        contact_sections: &[
            (
                "Report an interpreter",
                "If you want to report that an interpreter may have broken the Interpreting Act, use the report form. Your report then goes straight to the people who handle such cases, and your contact details are stored encrypted.",
            ),
            (
                "Do not put sensitive information in ordinary email",
                "Ordinary email is not encrypted. Do not write national identity numbers, health information or details of a case in an email. Use the report form or send a letter instead.",
            ),
            (
                "Are you an interpreter?",
                "To change your contact details, apply to be listed in more languages or withdraw from the register, contact IMDi. Give your interpreter number.",
            ),
        ],
        privacy_title: "Privacy statement",
        privacy_lead: "This page explains how IMDi processes personal data in the National Register of Interpreters, in particular the information you give when you report an interpreter.",
        privacy_sections: &[
            (
                "Controller",
                "The Directorate of Integration and Diversity (IMDi) is the controller for the data in the register and in reports. IMDi's contact details are on the page “Contact IMDi”.",
            ),
            (
                "Purpose",
                "IMDi uses the information in a report to assess and investigate whether an interpreter has broken good interpreting practice, confidentiality or impartiality, and to decide on a warning or exclusion. The data in the register itself is used to show public bodies which interpreters are qualified.",
            ),
            (
                "Legal basis",
                "The processing is necessary for a task carried out in the public interest and in the exercise of official authority, GDPR Article 6(1)(e), based on sections 17, 19 and 21 of the Interpreting Act. A report may contain special categories of personal data, such as health or ethnic origin (a language can reveal it). Such data is processed only where the case needs it, GDPR Article 9(2)(g) and the Interpreting Act.",
            ),
            (
                "What the report form collects",
                "Who the report is about, when and where the assignment was, what you think the interpreter did wrong, and your account of what happened. If you choose that IMDi may contact you, we also store your name, your email address or phone number and your role. You can stay anonymous. To prevent abuse, the service uses your IP address for a short time to limit how many forms can be sent. It is not stored with the report.",
            ),
            (
                "Who sees the information",
                "Only the IMDi caseworkers handling the case can see who you are. Names and contact details are stored encrypted. The interpreter is told what the report is about and may respond, but is not told who you are. If the case is put before the committee of the affected groups, the committee sees it without the reporter's identity. IMDi may ask public bodies for information in the case. If a decision is appealed, the case goes to the ministry.",
            ),
            (
                "How long we keep the information",
                "The report and the case documents are kept while the case is handled. After that they are kept or deleted under the Archives Act. The data in the register is kept while the interpreter is registered, and changes are kept as history under the same rules.",
            ),
            (
                "Your rights",
                "You have the right to access the data about you and to have wrong data corrected. In some cases you may have the right to erasure, to restrict the processing or to object to it. Contact IMDi to use your rights. If you reported anonymously, we cannot link the report to you.",
            ),
            (
                "Complaint to the Norwegian Data Protection Authority",
                "If you believe IMDi processes personal data in breach of the rules, you can complain to the Norwegian Data Protection Authority (Datatilsynet). We hope you will contact us first, so that we can put mistakes right.",
            ),
        ],
        privacy_complaint_link: "Datatilsynet: complaints and guidance",
        guide_title: "Guide for public bodies",
        guide_lead: "When must a public body use an interpreter, when must the interpreter be qualified, and how do you book an interpreter from the register? Here is a short overview. It does not replace the act.",
        guide_sections: &[
            (
                "When to use an interpreter (section 6)",
                "Public bodies must use an interpreter where an act requires it. Otherwise they must use one where it is necessary to safeguard legal security or to provide proper help and services. Consider whether you and the person you are talking to can understand each other well enough without an interpreter, and how serious the matter is. Children must not be used as interpreters (section 4).",
            ),
            (
                "The interpreter must be qualified (section 7)",
                "When you use an interpreter, you must use a qualified interpreter: one who meets the requirements for being listed in the National Register of Interpreters. Every interpreter in the register is qualified. The category (A to E) shows the interpreter's qualifications in the language. Choose the highest category available when the matter calls for it.",
            ),
            (
                "Exceptions",
                "The act allows only narrow exceptions to the requirement of a qualified interpreter, for example when no qualified interpreter can be found in time. The body must then consider whether using the interpreter is still justifiable, and should write down why. Read the conditions in section 7 of the Interpreting Act before making an exception.",
            ),
            (
                "Booking an interpreter directly",
                "Search for the language and contact the interpreter by the phone number or email address in the register. Agree the time, the place and whether the assignment is on site, by telephone or by video.",
            ),
            (
                "Booking through an interpreting agency",
                "If you use an interpreting agency or service, the agreement should require the agency to send only qualified interpreters from the register, and to tell you the interpreter number. You remain responsible for the interpreter being qualified.",
            ),
            (
                "Verify the interpreter",
                "Ask the interpreter to show the ID card, also on the telephone or video. Enter the interpreter number on the page “Verify an interpreter number” to see whether the interpreter is listed today, and in which languages.",
            ),
            (
                "If something goes wrong",
                "If you believe the interpreter has broken good interpreting practice, confidentiality or impartiality, you can report it to IMDi.",
            ),
        ],
        law_link: "The Interpreting Act on Lovdata (Norwegian)",
        contact_link: "Contact IMDi",
    },

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
        "lang" => "language of the answer",
        "per_page" => "results per page",
        _ => "search",
    },
    tips: TipTexts {
        nav: "Report an interpreter",
        title: "Report a breach of the Interpreting Act",
        lead: "Have you seen an interpreter break good interpreting practice, confidentiality or impartiality? Tell IMDi about it here. You can stay anonymous. All fields are required unless marked optional.",
        optional: "(optional)",

        subject_legend: "Who is the report about?",
        lookup_label: "The interpreter's name or interpreter number",
        lookup_help: "The interpreter number is on the interpreter's ID card. Press “Find interpreter” and choose the interpreter from the list.",
        lookup_button: "Find interpreter",
        lookup_found: |n| match n {
            1 => "We found 1 listed interpreter.".to_string(),
            n => format!("We found {n} listed interpreters."),
        },
        lookup_more: "Only the first matches are shown. Type more of the name, or use the interpreter number.",
        lookup_none: |typed| {
            format!(
                "We found no listed interpreter for “{typed}”. Check the spelling, or describe the interpreter below."
            )
        },
        choose_legend: "Choose the interpreter the report is about",
        choose_unknown: "None of these, or I don't know who the interpreter was",
        description_label: "Describe the interpreter if you cannot find them in the list",
        description_help: "For example their name as you heard it, language, gender and who booked the interpreter.",

        when_where_legend: "When and where was the assignment?",
        date_label: "Date of the assignment (optional)",
        date_help: "Write dd.mm.yyyy, for example 15.03.2026.",
        place_label: "Place or organisation (optional)",
        place_help: "For example a hospital, municipality, police or court, and whether it was by telephone or video.",

        grounds_legend: "What do you think the interpreter did wrong?",
        grounds_help: "Choose one or more.",
        ground: |g| match g {
            Ground::GoodPractice => "Good interpreting practice (Interpreting Act § 14)",
            Ground::Confidentiality => "Confidentiality (Interpreting Act § 15)",
            Ground::Impartiality => "Impartiality (Interpreting Act § 16)",
        },
        ground_help: |g| match g {
            Ground::GoodPractice => {
                "The interpreter must translate everything that is said, completely and correctly, without adding, leaving out or changing anything, and act neutrally and professionally. For example: the interpreter gave advice, gave their own opinion or translated only parts of the conversation."
            }
            Ground::Confidentiality => {
                "The interpreter must not tell others what they learn during the assignment. For example: the interpreter talked about the case with someone outside the conversation."
            }
            Ground::Impartiality => {
                "The interpreter must not interpret when they are related to, friends with or otherwise tied to someone in the case, or when anything else can weaken trust that the interpreter is neutral."
            }
        },

        account_label: "What happened?",
        account_help: "Tell in your own words what the interpreter said or did, and who was present. Do not write more about other people than needed. At most 20,000 characters.",

        reporter_heading: "About you",
        anonymity_legend: "May IMDi contact you?",
        anonymity_help: "If you stay anonymous, we cannot ask you for more, which can make the case harder to look into.",
        anonymity_named: "Yes, I give my name and contact details",
        anonymity_anonymous: "No, I want to stay anonymous",
        role_legend: "What was your role?",
        role_help: "If you stay anonymous, you can still tell us your role.",
        role: |r| match r {
            ReporterRole::PublicBody => {
                "I was there for a public body (for example a hospital, NAV, the police or a municipality)"
            }
            ReporterRole::InterpretedPerson => "The interpreting was for me",
            ReporterRole::Interpreter => "I am an interpreter",
            ReporterRole::Other => "Other",
        },
        contact_legend: "Contact details",
        contact_help: "Fill in only if IMDi may contact you. Give an e-mail address or a telephone number. The details are stored encrypted, and only the caseworkers handling the case can see who you are. The interpreter is not told.",
        name_label: "Name",
        email_label: "E-mail",
        phone_label: "Telephone",
        honeypot_label: "Leave this field empty",
        send_button: "Send the report",

        error_prefix: "Error",
        error_title: "Please correct this before sending:",
        error: |field, problem| {
            let what = match field {
                Field::Lookup | Field::Subject => "The search",
                Field::Description => "The description of the interpreter",
                Field::AssignmentOn => "The date",
                Field::AssignmentPlace => "The place",
                Field::Grounds => "The choice",
                Field::Account => "The description of what happened",
                Field::Anonymity | Field::Role => "The answer",
                Field::Name => "The name",
                Field::Email => "The e-mail address",
                Field::Phone => "The telephone number",
            };
            match problem {
                Problem::TooLong(max) => format!("{what} can have at most {} characters.", thousands(*max, ",")),
                Problem::SubjectMissing => {
                    "Find the interpreter by name or interpreter number, or describe the interpreter if you don't know who it was.".into()
                }
                Problem::SubjectNotListed(n) => {
                    format!("We found no listed interpreter with the number “{n}”. Search again, or describe the interpreter.")
                }
                Problem::DateInvalid => "Write the date as dd.mm.yyyy, for example 15.03.2026.".into(),
                Problem::DateImpossible { typed, year, month } => match month {
                    Some(m) => format!(
                        "{typed} does not exist. {} {year} has {} days.",
                        month_name(*m),
                        crate::tips::form::days_in_month(*year, *m)
                    ),
                    None => format!("{typed} does not exist. The month must be a number from 1 to 12."),
                },
                Problem::DateInFuture => "The date of the assignment cannot be in the future.".into(),
                Problem::GroundsMissing => {
                    "Choose at least one: good interpreting practice, confidentiality or impartiality.".into()
                }
                Problem::AccountMissing => "Describe what happened.".into(),
                Problem::AnonymityMissing => "Choose whether IMDi may contact you, or whether you want to stay anonymous.".into(),
                Problem::RoleMissing => "Choose what your role was.".into(),
                Problem::NameMissing => "Write your name, or choose to stay anonymous.".into(),
                Problem::ContactWhileAnonymous => {
                    "You chose to stay anonymous. Remove the name, e-mail and telephone, or choose that IMDi may contact you."
                        .into()
                }
                Problem::ContactMissing => "Write your e-mail address or telephone number so we can reach you.".into(),
                Problem::EmailInvalid => "Write the e-mail address like name@example.com.".into(),
                Problem::PhoneInvalid => {
                    "The telephone number can only have digits, spaces and +, for example +47 912 34 567.".into()
                }
                Problem::Refused(refusal) => match refusal {
                    Refusal::AccountMissing => "Describe what happened.",
                    Refusal::AccountTooLong => "The description is too long (at most 20,000 characters).",
                    Refusal::PlaceTooLong => "The place can have at most 300 characters.",
                    Refusal::AssignmentInFuture => "The assignment cannot be in the future.",
                    Refusal::ReceivedInFuture => "The date received cannot be in the future.",
                    Refusal::SubjectMissing => "Give the interpreter number or describe who the interpreter was.",
                    Refusal::DescriptionTooLong => "The description of the interpreter can have at most 300 characters.",
                    Refusal::ReceiverMissing => "Who registered the report must be given.",
                    Refusal::NotAccepted => "The register could not accept the report as it is filled in. Check the form and send it again.",
                }
                .into(),
            }
        },

        receipt_title: "The report has been received",
        receipt_lead: "Thank you. IMDi has received your report.",
        receipt_reference: "Case reference",
        receipt_keep: "Write down the case reference. Give it if you contact IMDi about the report.",
        receipt_next_heading: "What happens next",
        receipt_next: &[
            "IMDi assesses the report and looks into the case if there is reason to. If IMDi takes the case further, the interpreter is told what the report is about and may respond, but is not told who you are.",
            "If you gave contact details, a caseworker may contact you to ask for more.",
            "Out of regard for everyone involved, we give no information about the case on this website.",
        ],
        receipt_new: "Send another report",

        closed_title: "We cannot receive reports right now",
        closed_text: "The report form is not available at the moment. Please try again later, or send your report to IMDi by e-mail or post.",
        too_many_title: "Too many submissions",
        too_many_text: |seconds| {
            format!(
                "Many forms have been sent from your connection in a short time. Wait {} and send again. What you wrote is still in the form.",
                match seconds {
                    1 => "1 second".to_string(),
                    s => format!("{s} seconds"),
                }
            )
        },
        too_large_title: "The form is too large",
        too_large_text: "What you sent is larger than the form accepts. The description of what happened can have at most 20,000 characters. Go back in your browser, shorten the text and send again.",
        refused_text: "The form could not be sent. Check what you wrote and send it again.",
        expired_text: "The form has been open a long time or could not be verified. What you wrote is still here. Check it and send again.",
        failed_text: "Something went wrong on our side and the report was not sent. What you wrote is still here. Please try again shortly.",
        back_to_form: "Back to the form",

        help_heading: "Report a breach of the Interpreting Act",
        help_text: "If you have seen an interpreter break good interpreting practice, confidentiality or impartiality, you can report it to IMDi. You can stay anonymous.",
        privacy_link: "How IMDi handles the information in your report (privacy statement)",
    },
    problems: ProblemTexts {
        invalid_parameter: "Invalid parameter",
        page_range: "Page outside the search results",
        invalid_number: "Invalid interpreter number",
        invalid_language_code: "Invalid language code",
        invalid_language_code_detail: |v| {
            format!("“{v}” is not a valid language code. A language code has three letters, for example ARB.")
        },
        unknown_language: "Unknown language",
        interpreter_not_found: "Interpreter not found",
        interpreter_not_found_detail: |n| format!("No listed interpreter has interpreter number {n}."),
        language_not_found: "Language not found",
        language_not_found_detail: |c| format!("The register has no language with the code {c}."),
        not_found: "Resource not found",
        starting: "Search is starting",
        unavailable: "Service temporarily unavailable",
    },
    stats: &STATS,
};

fn en_percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

fn en_number(n: u64) -> String {
    thousands(n, ",")
}

fn en_short_date(day: Date) -> String {
    format!("{}-{:02}-{:02}", day.year(), day.month() as u8, day.day())
}

pub static STATS: StatsTexts = StatsTexts {
    nav: "Statistics",
    title: "Statistics on the interpreter register",
    lead: "How many qualified interpreters are listed, by category, language and county, on any day since 2020. The figures are computed from the register's history, the same way every time.",
    menu: ["Overview", "Languages", "Counties", "Coverage"],
    languages_title: "Entries by language and category",
    languages_lead: "Listed interpreters by language and qualification category. An interpreter with several languages is counted once per language.",
    counties_title: "Entries by language and county",
    counties_lead: "Listed interpreters by language and county of residence. Small numbers are hidden to protect privacy; the rule is explained below the table.",
    day_heading: |d| format!("Figures as of {d}"),
    form_heading: "See the figures for another date",
    date_label: "Date",
    date_help: |first, last| format!("Choose a date from {first} to {last}."),
    date_button: "Show the figures",
    key_figures_label: "Key figures",
    entries_label: "Entries in all (all kinds of interpreting)",
    persons_label: "People listed",
    two_or_more_label: "People with two or more languages",
    share_label: "Share of entries in categories A–D (highly qualified)",
    percent: en_percent,
    number: en_number,
    table_341_title: "Spoken-language entries by category on 31 December",
    table_341_note: "Laid out as table 3-4-1 in IMDi's annual report.",
    category_heading: "Category",
    total: "Total",
    day_heading_column: "Date",
    series_title: "Spoken-language entries by category over time",
    series_desc: |first, last, values| {
        let each: Vec<String> = values.iter().map(|(c, v)| format!("{} {v}", c.as_str())).collect();
        format!(
            "Line chart with one line per category A–E, measured on 30 June and 31 December from {first} to {last}. As of {last}: {}.",
            each.join(", ")
        )
    },
    show_numbers: "Show the chart's figures as a table",
    kinds_title: "Entries by kind of interpreting and category",
    kind_heading: "Kind",
    language_heading: "Language",
    county_heading: "County",
    top_title: |n| format!("The {n} largest languages, by category"),
    top_desc: |day, values| {
        let each: Vec<String> = values.iter().map(|(l, v)| format!("{l} {v}")).collect();
        format!(
            "Horizontal bars split into categories A–E for the largest languages as of {day}. Entries in all: {}.",
            each.join(", ")
        )
    },
    suppressed: "hidden",
    suppressed_note: |t| {
        format!(
            "– Hidden to protect privacy: fewer than {t} entries, or hidden so that another hidden number cannot be worked out."
        )
    },
    disclosure_heading: "How we hide small numbers",
    disclosure_text: |t| {
        vec![
            "A language can reveal ethnic origin, a special category of personal data. In a small county, a small number for one language can point to one particular interpreter.".to_string(),
            format!("So we hide every cell of the language by county table with fewer than {t} entries (but more than none). The cell is shown as –."),
            "When one cell in a row or column is hidden, we also hide another cell in the same row or column (secondary suppression), so that the hidden number cannot be worked out from the totals.".to_string(),
            "The totals for each language and each county are shown unless they would give a hidden number away; then the total is hidden too. Tables that are not broken down by county show every number.".to_string(),
        ]
    },
    scroll_hint: "The table scrolls sideways.",
    downloads_heading: "Download the figures",
    downloads_lead: "The tables as open data at stable addresses: CSV (UTF-8) and JSON-stat 2.0. The tables for one date use the date you have chosen.",
    csv: "CSV",
    json_stat: "JSON-stat",
    catalogue_link: "Data catalogue (DCAT-AP-NO, JSON-LD)",
    table_title: |id| match id {
        "entries-by-category" => Some("Spoken-language entries by category over time (table 3-4-1)"),
        "persons" => Some("People, people with several languages and the share highly qualified over time"),
        "kind-by-category" => Some("Entries by kind of interpreting and category"),
        "language-by-category" => Some("Entries by language and category"),
        "language-by-county" => Some("Entries by language and county"),
        _ => None,
    },
    table_description: |id| match id {
        "entries-by-category" => Some(
            "Listed spoken-language interpreters by qualification category A–E and in total, on 30 June and 31 December every year since 2020 (table 3-4-1 in IMDi's annual report).",
        ),
        "persons" => Some(
            "Entries, people listed, people with two or more languages and the share of entries in categories A–D, on 30 June and 31 December every year since 2020.",
        ),
        "kind-by-category" => Some(
            "Entries by kind of interpreting (spoken language, sign language, speech-to-text, deafblind) and category on the chosen date.",
        ),
        "language-by-category" => Some("Entries by language and category on the chosen date."),
        "language-by-county" => Some(
            "Entries by language and county of residence on the chosen date. Cells with fewer than 3 entries are hidden, and further cells are hidden so that they cannot be worked out from the totals.",
        ),
        _ => None,
    },
    dimension: |id| match id {
        "day" => Some("Date"),
        "category" => Some("Category"),
        "measure" => Some("Measure"),
        "kind" => Some("Kind of interpreting"),
        "language" => Some("Language"),
        "county" => Some("County"),
        _ => None,
    },
    measure: |code| match code {
        "entries" => Some("Entries"),
        "unique_persons" => Some("People"),
        "two_or_more_languages" => Some("People with two or more languages"),
        "highly_qualified_share" => Some("Share highly qualified (A–D)"),
        _ => None,
    },
    suppressed_download_note: "Empty cells are hidden to protect privacy (below the threshold, or secondary suppression).",
    coverage_title: "Coverage by language",
    error_date_format: |typed| format!("“{typed}” is not a date. Write the date as 2023-12-31 or 31.12.2023."),
    error_date_impossible: |typed| format!("{typed} does not exist. Check the day and the month."),
    error_date_before: |first| format!("The statistics begin on {first}. Choose a date on or after it."),
    error_date_after: |today| format!("There are no figures for days after today ({today})."),
    error_unknown_table: |id| format!("We have no table called “{id}”."),
    error_title: "The date needs correcting",
    short_date: en_short_date,
    decimal: |x| format!("{x:.1}"),
    coverage: CoverageTexts {
        lead: "How well the listed interpreters cover the public sector's demand for interpreters, by language. Demand is the number of assignments public bodies reported to IMDi's Tolkemonitor.",
        no_demand: "No demand figures have been loaded yet, so coverage cannot be computed.",
        year_heading: |y| format!("Coverage in {y}"),
        form_heading: "Choose year and counting",
        year_label: "Year",
        counting_legend: "How interpreters are counted",
        counting_entries: "By person and language (an interpreter with two languages counts in both)",
        counting_persons: "By person (an interpreter with two languages counts as half in each)",
        button: "Show coverage",
        assumptions: |share, assignments| {
            format!(
                "Computed assuming each listed interpreter supplies {share} of a full-time position, and a full-time position does {assignments} assignments a year. Interpreters are counted as listed on 31 December."
            )
        },
        covered_share: "Share of demand covered",
        missing: "Interpreters missing",
        languages_short: "Languages with too few interpreters",
        without_interpreter: "Languages with demand and no listed interpreter",
        listed: "Listed interpreters",
        capacity: "Capacity (full-time positions)",
        demand: "Demand (assignments)",
        demand_full_time: "Demand (full-time positions)",
        ratio: "Coverage",
        gap_title: |n| format!("Interpreters missing in the {n} languages with the largest gap"),
        gap_desc: |y, values| {
            let each: Vec<String> = values.iter().map(|(l, v)| format!("{l} {v}")).collect();
            format!(
                "Horizontal bars of interpreters missing per language in {y}, largest first: {}.",
                each.join(", ")
            )
        },
        gap_series: "Interpreters missing",
        table_caption: |y| format!("Coverage by language in {y}"),
        source: "Sources: the National Register of Interpreters and IMDi's Tolkemonitor.",
        error_year: |typed| format!("We have no demand figures for “{typed}”. Choose one of the years in the list."),
    },
};
