//! Bokmål: the default language of the service. Every user-facing string in bokmål, and
//! nothing else.

use register::Category;
use register::LanguageKind;
use register::interpreter::{Availability, Gender};
use search::WorkMode;

use super::Texts;

pub static TEXTS: Texts = Texts {
    own_name: "Bokmål",
    service: "Nasjonalt tolkeregister",
    skip_to_content: "Hopp til hovedinnholdet",
    language_switch: "Språk på nettstedet",
    footer_about: "Nasjonalt tolkeregister drives av Integrerings- og mangfoldsdirektoratet (IMDi) etter tolkeloven § 17.",
    nav_search: "Søk etter tolk",
    nav_languages: "Språk og kategorier",
    nav_verify: "Kontroller tolkenummer",
    nav_help: "Hjelp",
    nav_accessibility: "Tilgjengelighetserklæring",
    nav_api: "API for utviklere",

    front_title: "Finn en kvalifisert tolk",
    front_lead: "Søk i Nasjonalt tolkeregister etter tolker som oppfyller kravene i tolkeloven. Offentlige organer skal bruke kvalifiserte tolker.",
    front_count: |n| format!("{n} tolker er oppført i registeret i dag."),
    front_verify_title: "Skal du kontrollere en tolk?",
    front_verify_text: "Skriv inn tolkenummeret fra tolkens ID-kort og se om tolken er oppført i dag.",

    field_language: "Språk",
    field_language_help: "Skriv språket på norsk, engelsk eller språket selv, for eksempel arabisk, farsi eller ukrainsk.",
    field_name: "Tolkens navn eller tolkenummer (valgfritt)",
    field_name_help: "Små skrivefeil går bra.",
    more_filters: "Flere valg",
    field_category: "Laveste kvalifikasjonskategori",
    field_category_help: "A er høyest. Velger du C, får du tolker i kategori A, B og C.",
    any_category: "Alle kategorier",
    category_or_higher: |c| match c {
        Category::A => "Bare A".to_string(),
        c => format!("{c} eller høyere"),
    },
    field_county: "Fylke",
    any_county: "Alle fylker",
    field_mode: "Arbeidsform",
    field_mode_help: "Velg én eller flere.",
    field_gender: "Kjønn",
    any_gender: "Alle",
    field_availability: "Tilgjengelighet",
    any_availability: "Alle",
    field_kind: "Type tolk",
    any_kind: "Alle typer",
    search_button: "Søk",

    results_title: "Søkeresultat",
    results_heading: |n, language| match (n, language) {
        (1, Some(l)) => format!("1 tolk i {l}"),
        (n, Some(l)) => format!("{n} tolker i {l}"),
        (1, None) => "1 tolk".to_string(),
        (n, None) => format!("{n} tolker"),
    },
    results_understood: |typed, language| format!("Du skrev «{typed}». Vi viser treff for {language}."),
    results_also_matched: "Mente du et annet språk?",
    results_order_note: "Tolker med høyest kategori står først. Innenfor hver kategori endres rekkefølgen hver dag, slik at alle får sin tur øverst.",
    results_list_label: "Tolker",
    facet_categories: "Antall per kategori",
    facet_counties: "Antall per fylke",
    new_search: "Endre søket",
    page_of: |page, pages| format!("Side {page} av {pages}"),
    pagination_label: "Sider i søkeresultatet",
    previous: "Forrige",
    next: "Neste",
    number_label: "Tolkenummer",
    category_label: "Kategori",
    county_label: "Fylke",
    phone_label: "Telefon",
    email_label: "E-post",
    modes_label: "Arbeidsform",
    availability_label: "Tilgjengelighet",
    gender_label: "Kjønn",
    address_label: "Adresse",
    entries_label: "Språk og kategori",
    language_label: "Språk",
    kind_label: "Type tolk",

    zero_title: "Ingen tolker passet søket",
    zero_lead: "Prøv å gjøre søket bredere:",
    zero_lower_category: |c, n| format!("Ta med kategori {c}: {n} tolker"),
    zero_other_counties: "Tolker i andre fylker:",
    zero_remote: |n| format!("Tolk på telefon eller video, uansett fylke: {n} tolker"),
    zero_all_filters: "Fjern alle filtre og søk bare på språket",

    interpreter_title: |name| format!("Tolk: {name}"),
    interpreter_not_listed: "Vi fant ingen oppført tolk med dette tolkenummeret. Tolken kan være strøket, utestengt eller midlertidig utestengt, eller nummeret kan være feil.",
    interpreter_contact: "Kontakt",
    interpreter_work: "Slik arbeider tolken",
    interpreter_verify_link: "Kontroller dette tolkenummeret",

    languages_title: "Språk og kategorier",
    languages_lead: "Antall oppførte tolker i hvert språk, fordelt på kvalifikasjonskategori.",
    language_total: "Totalt",
    language_title: |name| format!("Tolker i {name}"),
    code_label: "Språkkode",
    language_other_names: "Andre navn",
    language_members: "Omfatter",
    language_count_heading: "Antall tolker per kategori",
    language_search_link: |name| format!("Søk etter tolker i {name}"),
    categories_title: "Hva kategoriene betyr",
    categories_lead: "Kategorien viser hvilke kvalifikasjoner tolken har dokumentert i dette språket. A er høyest. Alle kategoriene oppfyller kravene til kvalifisert tolk.",
    category_meaning: |c| match c {
        Category::A => "Statsautorisert tolk med bachelorgrad i tolking.",
        Category::B => "Bachelorgrad i tolking, eller statsautorisert tolk med grunnemne i tolking.",
        Category::C => "Statsautorisert tolk: har bestått autorisasjonsprøven.",
        Category::D => {
            "Har fullført grunnemnet i tolking i offentlig sektor (tegnspråk: tolkeutdanning fra før bachelorgraden)."
        }
        Category::E => {
            "Har bestått Tospråktesten (eller er statsautorisert translatør) og kurset Tolkens ansvarsområde (TAO)."
        }
    },

    verify_title: "Kontroller tolkenummer",
    verify_lead: "Se om en tolk er oppført i Nasjonalt tolkeregister i dag, for eksempel når du skal sjekke ID-kortet til en tolk på telefon.",
    verify_field: "Tolkenummer",
    verify_field_help: "Står på tolkens ID-kort. Bare sifre, for eksempel 10001.",
    verify_button: "Kontroller",
    verify_listed: |n| format!("Tolk {n} er oppført i registeret"),
    verify_not_listed: |n| format!("Tolk {n} er ikke oppført i registeret i dag"),
    verify_not_listed_help: "Bruk ikke tolken til oppdrag for det offentlige før du har avklart saken. Tolken kan være strøket, utestengt eller midlertidig utestengt, eller nummeret kan være feil.",
    verify_checked_at: |day| format!("Kontrollert {day}."),

    help_title: "Hjelp",
    help_sections: &[
        (
            "Slik søker du",
            "Skriv inn språket du trenger tolk i. Du kan skrive navnet på norsk, engelsk eller på språket selv, og små skrivefeil går bra. Under «Flere valg» kan du velge laveste kategori, fylke, arbeidsform, kjønn, tilgjengelighet og type tolk.",
        ),
        (
            "Rekkefølgen i resultatlisten",
            "Tolker med høyest kvalifikasjonskategori står først. Innenfor hver kategori stokkes rekkefølgen på nytt hver dag med en fast regel, slik at ingen tolk alltid står øverst. Rekkefølgen er den samme på alle sidene i et søk samme dag. Søker du på navn, står de som passer navnet nøyaktig, først.",
        ),
        (
            "Kategoriene",
            "Kategorien (A til E) viser hvilke kvalifikasjoner tolken har dokumentert i språket. A er høyest. Tegnspråktolker kan ha kategori B, D eller E, fordi det ikke finnes statsautorisasjon i tegnspråk.",
        ),
        (
            "Hvem som vises",
            "Bare tolker som er oppført i dag, vises. Tolker som er midlertidig utestengt, utestengt, har trukket seg eller har mistet grunnlaget for oppføringen, vises ikke.",
        ),
        (
            "Kontroller en tolk",
            "På siden «Kontroller tolkenummer» kan du se om tolkenummeret på et ID-kort tilhører en tolk som er oppført i dag.",
        ),
        (
            "Lenker du kan dele",
            "Adressen til et søk inneholder alle valgene dine, så du kan lagre eller dele den.",
        ),
    ],
    accessibility_title: "Tilgjengelighetserklæring",
    accessibility_sections: &[
        (
            "Krav",
            "Nettstedet skal oppfylle kravene i WCAG 2.1 nivå A og AA, slik forskrift om universell utforming av IKT-løsninger krever.",
        ),
        (
            "Slik har vi testet",
            "Alle sider testes automatisk med axe-core i en nettleser ved hver endring, og sidene fungerer med tastatur, med skjermleser og uten JavaScript.",
        ),
        (
            "Kjente avvik",
            "Vi kjenner ikke til avvik. Finner du noe som ikke virker, vil vi gjerne høre om det.",
        ),
        (
            "Tilbakemelding",
            "Skriv til IMDi og fortell hvilken side det gjelder og hva som ikke virket. Du kan også klage til Tilsynet for universell utforming av IKT.",
        ),
    ],

    not_found_title: "Fant ikke siden",
    not_found_text: "Siden finnes ikke. Kanskje lenken er feil eller gammel.",
    bad_request_title: "Noe i søket må rettes",
    error_summary: "Rett dette før du søker igjen:",
    starting_title: "Søket starter",
    starting_text: "Søkeindeksen bygges nå. Prøv igjen om noen sekunder.",
    unavailable_title: "Tjenesten er midlertidig utilgjengelig",
    unavailable_text: "Noe gikk galt hos oss. Prøv igjen om litt.",
    did_you_mean: "Mente du",

    error_unknown_language: |typed| {
        format!("Vi fant ikke språket «{typed}». Sjekk skrivemåten, eller velg et språk fra listen.")
    },
    error_invalid: |param, value| format!("«{value}» er ikke en gyldig verdi for {param}."),
    error_page_range: "Siden finnes ikke i søkeresultatet. Det går an å vise høyst 100 treff per side og de første 10 000 treffene.",
    error_invalid_number: |value| {
        format!("«{value}» er ikke et gyldig tolkenummer. Et tolkenummer har 1–7 sifre og begynner ikke med 0.")
    },

    gender: |g| match g {
        Gender::Female => "Kvinne",
        Gender::Male => "Mann",
        Gender::Unspecified => "Ikke oppgitt",
    },
    availability: |a| match a {
        Availability::FullTime => "Heltid",
        Availability::PartTime => "Deltid",
        Availability::Occasional => "Av og til",
    },
    mode: |m| match m {
        WorkMode::OnSite => "Oppmøte",
        WorkMode::Telephone => "Telefon",
        WorkMode::Video => "Video",
    },
    kind: |k| match k {
        LanguageKind::Spoken => "Talespråktolk",
        LanguageKind::Sign => "Tegnspråktolk",
        LanguageKind::SpeechToText => "Skrivetolk",
        LanguageKind::Deafblind => "Tolk for døvblinde",
    },
    param: |p| match p {
        "language" => "språk",
        "category" => "kategori",
        "county" => "fylke",
        "gender" => "kjønn",
        "mode" => "arbeidsform",
        "availability" => "tilgjengelighet",
        "kind" => "type tolk",
        "name" => "navn",
        "page" => "side",
        "per_page" => "treff per side",
        _ => "søket",
    },
};
