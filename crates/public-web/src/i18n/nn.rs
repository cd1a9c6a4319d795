//! Nynorsk: every user-facing string in nynorsk, and nothing else.

use register::Category;
use register::LanguageKind;
use register::interpreter::{Availability, Gender};
use search::WorkMode;

use super::Texts;

pub static TEXTS: Texts = Texts {
    own_name: "Nynorsk",
    service: "Nasjonalt tolkeregister",
    skip_to_content: "Hopp til hovudinnhaldet",
    language_switch: "Språk på nettstaden",
    footer_about: "Nasjonalt tolkeregister blir drive av Integrerings- og mangfaldsdirektoratet (IMDi) etter tolkelova § 17.",
    nav_search: "Søk etter tolk",
    nav_languages: "Språk og kategoriar",
    nav_verify: "Kontroller tolkenummer",
    nav_help: "Hjelp",
    nav_accessibility: "Tilgjengelegheitserklæring",
    nav_api: "API for utviklarar",

    front_title: "Finn ein kvalifisert tolk",
    front_lead: "Søk i Nasjonalt tolkeregister etter tolkar som oppfyller krava i tolkelova. Offentlege organ skal bruke kvalifiserte tolkar.",
    front_count: |n| format!("{n} tolkar er oppførte i registeret i dag."),
    front_verify_title: "Skal du kontrollere ein tolk?",
    front_verify_text: "Skriv inn tolkenummeret frå ID-kortet til tolken og sjå om tolken er oppført i dag.",

    field_language: "Språk",
    field_language_help: "Skriv språket på norsk, engelsk eller på språket sjølv, til dømes arabisk, farsi eller ukrainsk.",
    field_name: "Namnet eller tolkenummeret til tolken (valfritt)",
    field_name_help: "Små skrivefeil går bra.",
    more_filters: "Fleire val",
    field_category: "Lågaste kvalifikasjonskategori",
    field_category_help: "A er høgast. Vel du C, får du tolkar i kategori A, B og C.",
    any_category: "Alle kategoriar",
    category_or_higher: |c| match c {
        Category::A => "Berre A".to_string(),
        c => format!("{c} eller høgare"),
    },
    field_county: "Fylke",
    any_county: "Alle fylke",
    field_mode: "Arbeidsform",
    field_mode_help: "Vel éin eller fleire.",
    field_gender: "Kjønn",
    any_gender: "Alle",
    field_availability: "Tilgjengelegheit",
    any_availability: "Alle",
    field_kind: "Type tolk",
    any_kind: "Alle typar",
    search_button: "Søk",

    results_title: "Søkjeresultat",
    results_heading: |n, language| match (n, language) {
        (1, Some(l)) => format!("1 tolk i {l}"),
        (n, Some(l)) => format!("{n} tolkar i {l}"),
        (1, None) => "1 tolk".to_string(),
        (n, None) => format!("{n} tolkar"),
    },
    results_understood: |typed, language| format!("Du skreiv «{typed}». Vi viser treff for {language}."),
    results_also_matched: "Meinte du eit anna språk?",
    results_order_note: "Tolkar med høgast kategori står først. Innanfor kvar kategori blir rekkjefølgja endra kvar dag, slik at alle får sin tur øvst.",
    results_list_label: "Tolkar",
    facet_categories: "Tal per kategori",
    facet_counties: "Tal per fylke",
    new_search: "Endre søket",
    page_of: |page, pages| format!("Side {page} av {pages}"),
    pagination_label: "Sider i søkjeresultatet",
    previous: "Førre",
    next: "Neste",
    number_label: "Tolkenummer",
    category_label: "Kategori",
    county_label: "Fylke",
    phone_label: "Telefon",
    email_label: "E-post",
    modes_label: "Arbeidsform",
    availability_label: "Tilgjengelegheit",
    gender_label: "Kjønn",
    address_label: "Adresse",
    entries_label: "Språk og kategori",
    language_label: "Språk",
    kind_label: "Type tolk",

    zero_title: "Ingen tolkar passa til søket",
    zero_lead: "Prøv å gjere søket breiare:",
    zero_lower_category: |c, n| format!("Ta med kategori {c}: {n} tolkar"),
    zero_other_counties: "Tolkar i andre fylke:",
    zero_remote: |n| format!("Tolk på telefon eller video, same kva fylke: {n} tolkar"),
    zero_all_filters: "Fjern alle filter og søk berre på språket",

    interpreter_title: |name| format!("Tolk: {name}"),
    interpreter_not_listed: "Vi fann ingen oppført tolk med dette tolkenummeret. Tolken kan vere stroken, utestengd eller mellombels utestengd, eller nummeret kan vere feil.",
    interpreter_contact: "Kontakt",
    interpreter_work: "Slik arbeider tolken",
    interpreter_verify_link: "Kontroller dette tolkenummeret",

    languages_title: "Språk og kategoriar",
    languages_lead: "Talet på oppførte tolkar i kvart språk, fordelt på kvalifikasjonskategori.",
    language_total: "Totalt",
    language_title: |name| format!("Tolkar i {name}"),
    code_label: "Språkkode",
    language_other_names: "Andre namn",
    language_members: "Omfattar",
    language_count_heading: "Tal på tolkar per kategori",
    language_search_link: |name| format!("Søk etter tolkar i {name}"),
    categories_title: "Kva kategoriane tyder",
    categories_lead: "Kategorien viser kva kvalifikasjonar tolken har dokumentert i dette språket. A er høgast. Alle kategoriane oppfyller krava til kvalifisert tolk.",
    category_meaning: |c| match c {
        Category::A => "Statsautorisert tolk med bachelorgrad i tolking.",
        Category::B => "Bachelorgrad i tolking, eller statsautorisert tolk med grunnemne i tolking.",
        Category::C => "Statsautorisert tolk: har bestått autorisasjonsprøva.",
        Category::D => {
            "Har fullført grunnemnet i tolking i offentleg sektor (teiknspråk: tolkeutdanning frå før bachelorgraden)."
        }
        Category::E => {
            "Har bestått Tospråktesten (eller er statsautorisert translatør) og kurset Tolkens ansvarsområde (TAO)."
        }
    },

    verify_title: "Kontroller tolkenummer",
    verify_lead: "Sjå om ein tolk er oppført i Nasjonalt tolkeregister i dag, til dømes når du skal sjekke ID-kortet til ein tolk på telefon.",
    verify_field: "Tolkenummer",
    verify_field_help: "Står på ID-kortet til tolken. Berre siffer, til dømes 10001.",
    verify_button: "Kontroller",
    verify_listed: |n| format!("Tolk {n} er oppført i registeret"),
    verify_not_listed: |n| format!("Tolk {n} er ikkje oppført i registeret i dag"),
    verify_not_listed_help: "Bruk ikkje tolken til oppdrag for det offentlege før du har avklart saka. Tolken kan vere stroken, utestengd eller mellombels utestengd, eller nummeret kan vere feil.",
    verify_checked_at: |day| format!("Kontrollert {day}."),

    help_title: "Hjelp",
    help_sections: &[
        (
            "Slik søkjer du",
            "Skriv inn språket du treng tolk i. Du kan skrive namnet på norsk, engelsk eller på språket sjølv, og små skrivefeil går bra. Under «Fleire val» kan du velje lågaste kategori, fylke, arbeidsform, kjønn, tilgjengelegheit og type tolk.",
        ),
        (
            "Rekkjefølgja i resultatlista",
            "Tolkar med høgast kvalifikasjonskategori står først. Innanfor kvar kategori blir rekkjefølgja stokka på nytt kvar dag etter ein fast regel, slik at ingen tolk alltid står øvst. Rekkjefølgja er den same på alle sidene i eit søk same dag. Søkjer du på namn, står dei som passar namnet nøyaktig, først.",
        ),
        (
            "Kategoriane",
            "Kategorien (A til E) viser kva kvalifikasjonar tolken har dokumentert i språket. A er høgast. Teiknspråktolkar kan ha kategori B, D eller E, fordi det ikkje finst statsautorisasjon i teiknspråk.",
        ),
        (
            "Kven som blir viste",
            "Berre tolkar som er oppførte i dag, blir viste. Tolkar som er mellombels utestengde, utestengde, har trekt seg eller har mist grunnlaget for oppføringa, blir ikkje viste.",
        ),
        (
            "Kontroller ein tolk",
            "På sida «Kontroller tolkenummer» kan du sjå om tolkenummeret på eit ID-kort høyrer til ein tolk som er oppført i dag.",
        ),
        (
            "Lenkjer du kan dele",
            "Adressa til eit søk inneheld alle vala dine, så du kan lagre eller dele ho.",
        ),
    ],
    accessibility_title: "Tilgjengelegheitserklæring",
    accessibility_sections: &[
        (
            "Krav",
            "Nettstaden skal oppfylle krava i WCAG 2.1 nivå A og AA, slik forskrift om universell utforming av IKT-løysingar krev.",
        ),
        (
            "Slik har vi testa",
            "Alle sider blir testa automatisk med axe-core i ein nettlesar ved kvar endring, og sidene fungerer med tastatur, med skjermlesar og utan JavaScript.",
        ),
        (
            "Kjende avvik",
            "Vi kjenner ikkje til avvik. Finn du noko som ikkje verkar, vil vi gjerne høyre om det.",
        ),
        (
            "Tilbakemelding",
            "Skriv til IMDi og fortel kva side det gjeld og kva som ikkje verka. Du kan òg klage til Tilsynet for universell utforming av IKT.",
        ),
    ],

    not_found_title: "Fann ikkje sida",
    not_found_text: "Sida finst ikkje. Kanskje lenkja er feil eller gammal.",
    bad_request_title: "Noko i søket må rettast",
    error_summary: "Rett dette før du søkjer igjen:",
    starting_title: "Søket startar",
    starting_text: "Søkjeindeksen blir bygd no. Prøv igjen om nokre sekund.",
    unavailable_title: "Tenesta er mellombels utilgjengeleg",
    unavailable_text: "Noko gjekk gale hos oss. Prøv igjen om litt.",
    did_you_mean: "Meinte du",

    error_unknown_language: |typed| {
        format!("Vi fann ikkje språket «{typed}». Sjekk skrivemåten, eller vel eit språk frå lista.")
    },
    error_invalid: |param, value| format!("«{value}» er ikkje ein gyldig verdi for {param}."),
    error_page_range: "Sida finst ikkje i søkjeresultatet. Det går an å vise høgst 100 treff per side og dei første 10 000 treffa.",
    error_invalid_number: |value| {
        format!("«{value}» er ikkje eit gyldig tolkenummer. Eit tolkenummer har 1–7 siffer og byrjar ikkje med 0.")
    },

    gender: |g| match g {
        Gender::Female => "Kvinne",
        Gender::Male => "Mann",
        Gender::Unspecified => "Ikkje oppgitt",
    },
    availability: |a| match a {
        Availability::FullTime => "Heiltid",
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
        LanguageKind::Sign => "Teiknspråktolk",
        LanguageKind::SpeechToText => "Skrivetolk",
        LanguageKind::Deafblind => "Tolk for døvblinde",
    },
    param: |p| match p {
        "language" => "språk",
        "category" => "kategori",
        "county" => "fylke",
        "gender" => "kjønn",
        "mode" => "arbeidsform",
        "availability" => "tilgjengelegheit",
        "kind" => "type tolk",
        "name" => "namn",
        "page" => "side",
        "per_page" => "treff per side",
        _ => "søket",
    },
};
