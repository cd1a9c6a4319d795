//! Bokmål: the default language of the service. Every user-facing string in bokmål, and
//! nothing else.

use register::Category;
use register::LanguageKind;
use register::interpreter::{Availability, Gender};
use register::tips::{Ground, ReporterRole};
use search::WorkMode;

use super::{
    CoverageTexts, InfoTexts, ProblemTexts, StatsTexts, Texts, TipTexts, list, norwegian_date, norwegian_month,
    sentence_start, thousands,
};
use crate::tips::{Field, Problem, Refusal};

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
    nav_about: "Om registeret",
    nav_contact: "Kontakt IMDi",
    nav_privacy: "Personvernerklæring",
    nav_guide: "Veileder for offentlige organer",
    menu_label: "Hovedmeny",
    menu_search: "Finn tolk",
    menu_verify: "Kontroller ID-kort",
    menu_tip: "Varsle brudd",
    menu_help: "Hjelp",
    date: norwegian_date,

    front_title: "Finn en kvalifisert tolk",
    front_lead: "Søk i Nasjonalt tolkeregister etter tolker som oppfyller kravene i tolkeloven. Offentlige organer skal bruke kvalifiserte tolker.",
    front_count: |n| match n {
        1 => "1 tolk er oppført i registeret i dag.".to_string(),
        n => format!("{n} tolker er oppført i registeret i dag."),
    },
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
    search_summary: |q| format!("Søk: {q}"),
    or_list: |items| list(items, " eller "),
    and_list: |items| list(items, " og "),
    heading_place: |place| format!(" i {place}"),
    filter_category: |c| match c {
        Category::A => "bare kategori A".to_string(),
        c => format!("kategori {c} eller høyere"),
    },
    filter_value: |param, value| format!("{param}: {}", value.to_lowercase()),
    active_filters: "Filtre i søket",
    remove_filter: "Fjern filteret",
    shared_all: |typed, languages| {
        format!("«{typed}» kan bety flere språk i registeret. Vi viser tolker i alle: {languages}.")
    },
    shared_own: |typed, language, others| format!("Vi viser tolker i {language}. «{typed}» kan også bety {others}."),
    shared_choose: "Mente du:",
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
    zero_lower_category: |c, n| match n {
        1 => format!("Ta med kategori {c}: 1 tolk"),
        n => format!("Ta med kategori {c}: {n} tolker"),
    },
    zero_other_counties: "Tolker i andre fylker:",
    zero_remote: |n| match n {
        1 => "Tolk på telefon eller video, uansett fylke: 1 tolk".to_string(),
        n => format!("Tolk på telefon eller video, uansett fylke: {n} tolker"),
    },
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
    language_shared_names: "Navn som også brukes om andre språk",
    language_members: "Omfatter",
    language_count_heading: "Antall tolker per kategori",
    language_search_link: |name| format!("Søk etter tolker i {name}"),
    categories_title: "Hva kategoriene betyr",
    categories_lead: "Kategorien viser hvilke kvalifikasjoner tolken har dokumentert i dette språket. A er høyest. Alle kategoriene oppfyller kravene til kvalifisert tolk. Tegnspråktolker kan ha kategori B, D eller E, fordi det ikke finnes statsautorisasjon i tegnspråk.",
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
    listed_since_heading: "Oppført",
    listed_since: |day| format!("Oppført siden {day}"),

    category_legend: "Hva betyr kategoriene A–E?",
    category_legend_more: "Mer om kategoriene og kravene til kvalifisert tolk",

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

    info: InfoTexts {
        about_title: "Om Nasjonalt tolkeregister",
        about_lead: "Nasjonalt tolkeregister er en offentlig oversikt over tolker som oppfyller kravene til kvalifisert tolk etter tolkeloven. Offentlige organer bruker registeret til å finne og kontrollere tolker.",
        about_sections: &[
            (
                "Hvem driver registeret",
                "Integrerings- og mangfoldsdirektoratet (IMDi) eier og driver registeret. IMDi avgjør hvem som blir oppført, gir statsautorisasjon som tolk, godkjenner utenlandske kvalifikasjoner og behandler varsler om tolker.",
            ),
            (
                "Lovgrunnlaget",
                "Registeret er hjemlet i tolkeloven (lov om offentlige organers ansvar for bruk av tolk mv.) § 17. Kravene for å bli oppført står i tolkeforskriften. En kvalifisert tolk er en tolk som oppfyller kravene for å bli oppført i registeret (tolkeloven § 7 tredje ledd).",
            ),
            (
                "Hva registeret viser",
                "For hver tolk viser registeret navn, tolkenummer, språk med type tolk og kvalifikasjonskategori, fylke, arbeidsform, tilgjengelighet, kjønn og kontaktinformasjon. Adresse vises bare når tolken har samtykket. Fødselsnummer, dokumentasjon, varsler og reaksjoner er aldri offentlige.",
            ),
            (
                "Hvem som vises",
                "Bare tolker som er oppført i dag, vises. En tolk som er midlertidig utestengt, utestengt eller har trukket seg, vises ikke i søket. På siden «Kontroller tolkenummer» ser du om et tolkenummer tilhører en tolk som er oppført i dag.",
            ),
            (
                "Tolkenes plikter",
                "Tolker skal følge god tolkeskikk (tolkeloven § 14), har taushetsplikt (§ 15) og skal være habile (§ 16). Alle kan varsle IMDi hvis de mener en tolk har brutt disse pliktene (§ 19). IMDi kan gi advarsel eller utestenge tolken fra registeret (§ 21).",
            ),
        ],
        contact_title: "Kontakt IMDi",
        contact_lead: "Har du spørsmål om Nasjonalt tolkeregister, om en oppføring eller om et varsel, kan du kontakte IMDi.",
        contact_post_label: "Postadresse",
        contact_email_label: "E-post",
        contact_phone_label: "Sentralbord",
        contact_note: "Dette er direktoratets hovedkontakt. Oppgi at henvendelsen gjelder Nasjonalt tolkeregister.",
        contact_sections: &[
            (
                "Varsle om en tolk",
                "Vil du melde fra om at en tolk kan ha brutt tolkeloven, bruk skjemaet for varsler. Da kommer varselet rett til dem som behandler slike saker, og kontaktinformasjonen din lagres kryptert.",
            ),
            (
                "Skriv ikke sensitive opplysninger i vanlig e-post",
                "Vanlig e-post er ikke kryptert. Skriv ikke fødselsnummer, helseopplysninger eller detaljer om en sak i e-posten. Bruk heller skjemaet for varsler eller send brev.",
            ),
            (
                "Er du tolk?",
                "Vil du endre kontaktinformasjonen din, søke om oppføring i flere språk eller trekke deg fra registeret, kontakter du IMDi. Oppgi tolkenummeret ditt.",
            ),
        ],
        privacy_title: "Personvernerklæring",
        privacy_lead: "Her forklarer vi hvordan IMDi behandler personopplysninger i Nasjonalt tolkeregister, og særlig opplysningene du gir når du varsler om en tolk.",
        privacy_sections: &[
            (
                "Behandlingsansvarlig",
                "Integrerings- og mangfoldsdirektoratet (IMDi) er behandlingsansvarlig for opplysningene i registeret og i varslene. Kontaktinformasjonen til IMDi står på siden «Kontakt IMDi».",
            ),
            (
                "Formål",
                "IMDi bruker opplysningene i et varsel til å vurdere og undersøke om en tolk har brutt god tolkeskikk, taushetsplikten eller kravet til habilitet, og til å treffe vedtak om advarsel eller utestenging. Opplysningene i selve registeret brukes til å vise offentlige organer hvilke tolker som er kvalifiserte.",
            ),
            (
                "Rettslig grunnlag",
                "Behandlingen er nødvendig for å utføre en oppgave i allmennhetens interesse og for å utøve offentlig myndighet, jf. personvernforordningen artikkel 6 nr. 1 bokstav e, med grunnlag i tolkeloven §§ 17, 19 og 21. Et varsel kan inneholde særlige kategorier av personopplysninger, for eksempel om helse eller etnisk opprinnelse (språk kan si noe om det). Slike opplysninger behandles bare når det er nødvendig for saken, jf. artikkel 9 nr. 2 bokstav g og tolkeloven.",
            ),
            (
                "Hva vi samler inn i skjemaet for varsler",
                "Hvem varselet gjelder, når og hvor oppdraget var, hva du mener tolken gjorde galt, og beskrivelsen din av hva som skjedde. Velger du at IMDi kan kontakte deg, lagrer vi også navnet ditt, e-postadressen eller telefonnummeret ditt og hvilken rolle du hadde. Du kan være anonym. For å hindre misbruk bruker tjenesten IP-adressen din en kort stund til å begrense hvor mange skjemaer som kan sendes. Den lagres ikke sammen med varselet.",
            ),
            (
                "Hvem som ser opplysningene",
                "Bare saksbehandlerne i IMDi som har saken, kan se hvem du er. Navn og kontaktinformasjon lagres kryptert. Tolken får vite hva varselet gjelder og kan uttale seg, men får ikke vite hvem du er. Legges saken fram for det partssammensatte utvalget, ser utvalget saken uten opplysninger om hvem som varslet. IMDi kan be offentlige organer om opplysninger i saken. Blir et vedtak klaget inn, går saken til departementet.",
            ),
            (
                "Hvor lenge vi lagrer opplysningene",
                "Varselet og dokumentene i saken lagres så lenge saken behandles. Deretter blir de oppbevart eller slettet etter reglene i arkivloven. Opplysningene i registeret lagres så lenge tolken er registrert, og endringer lagres som historikk etter de samme reglene.",
            ),
            (
                "Rettighetene dine",
                "Du har rett til innsyn i opplysninger om deg selv, og til å få rettet opplysninger som er feil. I noen tilfeller kan du ha rett til å få slettet opplysninger, begrense behandlingen eller protestere mot den. Kontakt IMDi for å bruke rettighetene dine. Har du varslet anonymt, kan vi ikke knytte varselet til deg.",
            ),
            (
                "Klage til Datatilsynet",
                "Mener du at IMDi behandler personopplysninger i strid med regelverket, kan du klage til Datatilsynet. Vi håper du vil kontakte oss først, så vi kan rette opp feil.",
            ),
        ],
        privacy_complaint_link: "Datatilsynet: klage og veiledning",
        guide_title: "Veileder for offentlige organer",
        guide_lead: "Når må et offentlig organ bruke tolk, når må tolken være kvalifisert, og hvordan bestiller du en tolk fra registeret? Her er en kort oversikt. Den erstatter ikke loven.",
        guide_sections: &[
            (
                "Når dere skal bruke tolk (tolkeloven § 6)",
                "Offentlige organer skal bruke tolk når det følger av lov. Ellers skal de bruke tolk når det er nødvendig for å ivareta rettssikkerheten eller for å gi forsvarlig hjelp og tjeneste. Legg vekt på om dere og den dere snakker med kan forstå hverandre godt nok uten tolk, og på hvor alvorlig saken er. Barn skal ikke brukes som tolk (§ 4).",
            ),
            (
                "Tolken skal være kvalifisert (tolkeloven § 7)",
                "Når dere bruker tolk, skal dere bruke en kvalifisert tolk, det vil si en tolk som oppfyller kravene for å bli oppført i Nasjonalt tolkeregister. Alle tolker i registeret er kvalifiserte. Kategorien (A til E) viser hvilke kvalifikasjoner tolken har i språket. Velg høyest mulig kategori når saken krever det.",
            ),
            (
                "Unntak",
                "Loven gir bare snevre unntak fra kravet om kvalifisert tolk, for eksempel når det ikke er mulig å få tak i en kvalifisert tolk i tide. Organet må da vurdere om det likevel er forsvarlig å bruke tolken, og bør skrive ned hvorfor. Les vilkårene i tolkeloven § 7 før dere gjør unntak.",
            ),
            (
                "Bestille tolk direkte",
                "Søk etter språket, og ta kontakt med tolken på telefonnummeret eller e-postadressen som står i registeret. Avtal tid, sted og om oppdraget skal skje ved oppmøte, på telefon eller video.",
            ),
            (
                "Bestille gjennom et tolkeformidlingsbyrå",
                "Bruker dere et tolkeformidlingsbyrå eller en tolketjeneste, bør avtalen kreve at byrået bare sender kvalifiserte tolker fra registeret, og at dere får vite tolkenummeret. Dere har fortsatt ansvaret for at tolken er kvalifisert.",
            ),
            (
                "Kontroller tolken",
                "Be tolken om å vise ID-kortet, også på telefon eller video. Skriv inn tolkenummeret på siden «Kontroller tolkenummer» og se om tolken er oppført i dag, og i hvilke språk.",
            ),
            (
                "Hvis noe går galt",
                "Mener dere at tolken har brutt god tolkeskikk, taushetsplikten eller kravet til habilitet, kan dere varsle IMDi.",
            ),
        ],
        law_link: "Tolkeloven på Lovdata",
        contact_link: "Kontakt IMDi",
    },

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
        "lang" => "svarspråk",
        "per_page" => "treff per side",
        _ => "søket",
    },

    tips: TipTexts {
        nav: "Varsle om en tolk",
        title: "Varsle om brudd på tolkeloven",
        lead: "Har du opplevd at en tolk har brutt god tolkeskikk, taushetsplikten eller kravet til habilitet? Fortell IMDi om det her. Du kan være anonym. Alle felt må fylles ut hvis ikke annet står.",
        optional: "(valgfritt)",

        subject_legend: "Hvem gjelder varselet?",
        lookup_label: "Tolkens navn eller tolkenummer",
        lookup_help: "Tolkenummeret står på tolkens ID-kort. Trykk «Finn tolk» og velg tolken fra listen.",
        lookup_button: "Finn tolk",
        lookup_found: |n| match n {
            1 => "Vi fant 1 oppført tolk.".to_string(),
            n => format!("Vi fant {n} oppførte tolker."),
        },
        lookup_more: "Vi viser bare de første treffene. Skriv mer av navnet, eller bruk tolkenummeret.",
        lookup_none: |typed| {
            format!("Vi fant ingen oppført tolk for «{typed}». Sjekk skrivemåten, eller beskriv tolken nedenfor.")
        },
        choose_legend: "Velg tolken varselet gjelder",
        choose_unknown: "Ingen av disse, eller jeg vet ikke hvem tolken var",
        description_label: "Beskriv tolken hvis du ikke finner hen i listen",
        description_help: "For eksempel navn slik du hørte det, språk, kjønn og hvem som bestilte tolken.",

        when_where_legend: "Når og hvor var oppdraget?",
        date_label: "Dato for oppdraget (valgfritt)",
        date_help: "Skriv dd.mm.åååå, for eksempel 15.03.2026.",
        place_label: "Sted eller virksomhet (valgfritt)",
        place_help: "For eksempel sykehus, kommune, politi eller domstol, og om det var på telefon eller video.",

        grounds_legend: "Hva mener du tolken gjorde galt?",
        grounds_help: "Velg ett eller flere.",
        ground: |g| match g {
            Ground::GoodPractice => "God tolkeskikk (tolkeloven § 14)",
            Ground::Confidentiality => "Taushetsplikt (tolkeloven § 15)",
            Ground::Impartiality => "Habilitet (tolkeloven § 16)",
        },
        ground_help: |g| match g {
            Ground::GoodPractice => {
                "Tolken skal oversette alt som blir sagt, fullstendig og riktig, uten å legge til, utelate eller endre noe, og opptre nøytralt og profesjonelt. For eksempel: tolken ga råd, sa sin egen mening eller oversatte bare deler av samtalen."
            }
            Ground::Confidentiality => {
                "Tolken skal ikke fortelle andre det hen får vite under oppdraget. For eksempel: tolken snakket om saken med noen utenfor samtalen."
            }
            Ground::Impartiality => {
                "Tolken skal ikke tolke når hen er i familie med, er venn med eller har andre bånd til noen i saken, eller når noe annet kan svekke tilliten til at tolken er nøytral."
            }
        },

        account_label: "Hva skjedde?",
        account_help: "Fortell med egne ord hva tolken sa eller gjorde, og hvem som var til stede. Skriv ikke mer om andre personer enn det som trengs. Høyst 20 000 tegn.",

        reporter_heading: "Om deg",
        anonymity_legend: "Kan IMDi kontakte deg?",
        anonymity_help: "Er du anonym, kan vi ikke spørre deg om mer, og det kan gjøre saken vanskeligere å undersøke.",
        anonymity_named: "Ja, jeg oppgir navn og kontaktinformasjon",
        anonymity_anonymous: "Nei, jeg vil være anonym",
        role_legend: "Hvilken rolle hadde du?",
        role_help: "Er du anonym, kan du likevel fortelle hvilken rolle du hadde.",
        role: |r| match r {
            ReporterRole::PublicBody => {
                "Jeg var der for et offentlig organ (for eksempel sykehus, NAV, politi eller kommune)"
            }
            ReporterRole::InterpretedPerson => "Det ble tolket for meg",
            ReporterRole::Interpreter => "Jeg er tolk",
            ReporterRole::Other => "Annet",
        },
        contact_legend: "Kontaktinformasjon",
        contact_help: "Fyll ut bare hvis IMDi kan kontakte deg. Oppgi e-post eller telefon. Opplysningene lagres kryptert, og bare saksbehandlerne som har saken, kan se hvem du er. Tolken får ikke vite det.",
        name_label: "Navn",
        email_label: "E-post",
        phone_label: "Telefon",
        honeypot_label: "La dette feltet stå tomt",
        send_button: "Send varselet",

        error_prefix: "Feil",
        error_title: "Rett opp dette før du sender:",
        error: |field, problem| {
            let what = match field {
                Field::Lookup | Field::Subject => "Søket",
                Field::Description => "Beskrivelsen av tolken",
                Field::AssignmentOn => "Datoen",
                Field::AssignmentPlace => "Stedet",
                Field::Grounds => "Valget",
                Field::Account => "Beskrivelsen av hva som skjedde",
                Field::Anonymity | Field::Role => "Svaret",
                Field::Name => "Navnet",
                Field::Email => "E-postadressen",
                Field::Phone => "Telefonnummeret",
            };
            match problem {
                Problem::TooLong(max) => format!("{what} kan ha høyst {} tegn.", thousands(*max, " ")),
                Problem::SubjectMissing => {
                    "Finn tolken med navn eller tolkenummer, eller beskriv tolken hvis du ikke vet hvem det var.".into()
                }
                Problem::SubjectNotListed(n) => {
                    format!("Vi fant ingen oppført tolk med tolkenummer «{n}». Søk på nytt, eller beskriv tolken.")
                }
                Problem::DateInvalid => "Skriv datoen som dd.mm.åååå, for eksempel 15.03.2026.".into(),
                Problem::DateImpossible { typed, year, month } => match month {
                    Some(m) => format!(
                        "{typed} finnes ikke. {} {year} har {} dager.",
                        sentence_start(norwegian_month(*m)),
                        crate::tips::form::days_in_month(*year, *m)
                    ),
                    None => format!("{typed} finnes ikke. Måneden må være et tall fra 1 til 12."),
                },
                Problem::DateInFuture => "Datoen for oppdraget kan ikke være fram i tid.".into(),
                Problem::GroundsMissing => {
                    "Velg minst ett av punktene: god tolkeskikk, taushetsplikt eller habilitet.".into()
                }
                Problem::AccountMissing => "Beskriv hva som skjedde.".into(),
                Problem::AnonymityMissing => "Velg om IMDi kan kontakte deg, eller om du vil være anonym.".into(),
                Problem::RoleMissing => "Velg hvilken rolle du hadde.".into(),
                Problem::NameMissing => "Skriv navnet ditt, eller velg å være anonym.".into(),
                Problem::ContactWhileAnonymous => {
                    "Du har valgt å være anonym. Fjern navn, e-post og telefon, eller velg at IMDi kan kontakte deg."
                        .into()
                }
                Problem::ContactMissing => "Skriv e-postadressen eller telefonnummeret ditt, så vi kan nå deg.".into(),
                Problem::EmailInvalid => "Skriv e-postadressen på formen navn@eksempel.no.".into(),
                Problem::PhoneInvalid => {
                    "Telefonnummeret kan bare ha sifre, mellomrom og +, for eksempel +47 912 34 567.".into()
                }
                Problem::Refused(refusal) => match refusal {
                    Refusal::AccountMissing => "Beskriv hva som skjedde.",
                    Refusal::AccountTooLong => "Beskrivelsen er for lang (høyst 20 000 tegn).",
                    Refusal::PlaceTooLong => "Stedet kan ha høyst 300 tegn.",
                    Refusal::AssignmentInFuture => "Oppdraget kan ikke ligge fram i tid.",
                    Refusal::ReceivedInFuture => "Mottaksdatoen kan ikke ligge fram i tid.",
                    Refusal::SubjectMissing => "Oppgi tolkenummer eller beskriv hvem tolken var.",
                    Refusal::DescriptionTooLong => "Beskrivelsen av tolken kan ha høyst 300 tegn.",
                    Refusal::ReceiverMissing => "Hvem som registrerte varselet må oppgis.",
                    Refusal::NotAccepted => "Registeret kunne ikke ta imot varselet slik det er fylt ut. Se over skjemaet og send det igjen.",
                }
                .into(),
            }
        },

        receipt_title: "Varselet er mottatt",
        receipt_lead: "Takk. IMDi har fått varselet ditt.",
        receipt_reference: "Saksnummer",
        receipt_keep: "Skriv ned saksnummeret. Oppgi det hvis du kontakter IMDi om varselet.",
        receipt_next_heading: "Hva skjer nå",
        receipt_next: &[
            "IMDi vurderer varselet og undersøker saken hvis det er grunn til det. Går IMDi videre med saken, får tolken vite hva varselet gjelder og kan uttale seg, men får ikke vite hvem du er.",
            "Har du oppgitt kontaktinformasjon, kan en saksbehandler kontakte deg for å spørre om mer.",
            "Av hensyn til alle som er involvert, gir vi ingen opplysninger om saken her på nettstedet.",
        ],
        receipt_new: "Send et nytt varsel",

        closed_title: "Vi kan ikke ta imot varsler akkurat nå",
        closed_text: "Skjemaet for varsler er ikke tilgjengelig for øyeblikket. Prøv igjen senere, eller send varselet til IMDi med e-post eller brev.",
        too_many_title: "For mange innsendinger",
        too_many_text: |seconds| {
            format!(
                "Det er sendt mange skjemaer fra din tilkobling på kort tid. Vent {} og send på nytt. Det du skrev, står fortsatt i skjemaet.",
                match seconds {
                    1 => "1 sekund".to_string(),
                    s => format!("{s} sekunder"),
                }
            )
        },
        too_large_title: "Skjemaet er for stort",
        too_large_text: "Det du sendte, er større enn skjemaet tar imot. Beskrivelsen av hva som skjedde kan ha høyst 20 000 tegn. Gå tilbake i nettleseren, gjør teksten kortere og send på nytt.",
        refused_text: "Skjemaet kunne ikke sendes. Se over det du har skrevet, og send på nytt.",
        expired_text: "Skjemaet har vært åpent lenge eller kunne ikke kontrolleres. Det du skrev, står fortsatt her. Se over og send på nytt.",
        failed_text: "Noe gikk galt hos oss, og varselet ble ikke sendt. Det du skrev, står fortsatt her. Prøv igjen om litt.",
        back_to_form: "Tilbake til skjemaet",

        help_heading: "Varsle om brudd på tolkeloven",
        help_text: "Har du opplevd at en tolk har brutt god tolkeskikk, taushetsplikten eller kravet til habilitet, kan du varsle IMDi. Du kan være anonym.",
        privacy_link: "Slik behandler IMDi opplysningene i varselet (personvernerklæring)",
    },
    problems: ProblemTexts {
        invalid_parameter: "Ugyldig parameter",
        page_range: "Siden er utenfor søkeresultatet",
        invalid_number: "Ugyldig tolkenummer",
        invalid_language_code: "Ugyldig språkkode",
        invalid_language_code_detail: |v| {
            format!("«{v}» er ikke en gyldig språkkode. En språkkode har tre bokstaver, for eksempel ARB.")
        },
        unknown_language: "Ukjent språk",
        interpreter_not_found: "Fant ikke tolken",
        interpreter_not_found_detail: |n| format!("Ingen oppført tolk har tolkenummer {n}."),
        language_not_found: "Fant ikke språket",
        language_not_found_detail: |c| format!("Registeret har ikke noe språk med koden {c}."),
        not_found: "Fant ikke ressursen",
        starting: "Søket starter",
        unavailable: "Tjenesten er midlertidig utilgjengelig",
    },
    stats: &STATS,
};

fn nb_percent(share: f64) -> String {
    format!("{}\u{a0}%", (share * 100.0).round() as i64)
}

fn nb_number(n: u64) -> String {
    thousands(n, "\u{a0}")
}

fn nb_short_date(day: time::Date) -> String {
    format!("{:02}.{:02}.{}", day.day(), day.month() as u8, day.year())
}

pub static STATS: StatsTexts = StatsTexts {
    nav: "Statistikk",
    title: "Statistikk om tolkeregisteret",
    lead: "Hvor mange kvalifiserte tolker som er oppført, per kategori, språk og fylke, på en hvilken som helst dag fra 2020. Tallene regnes ut fra registerets historikk, på samme måte hver gang.",
    menu: ["Oversikt", "Språk", "Fylker", "Dekning"],
    languages_title: "Oppføringer per språk og kategori",
    languages_lead: "Oppførte tolker per språk og kvalifikasjonskategori. En tolk med flere språk telles én gang per språk.",
    counties_title: "Oppføringer per språk og fylke",
    counties_lead: "Oppførte tolker per språk og bostedsfylke. Små tall er skjult av personvernhensyn, se regelen under tabellen.",
    day_heading: |d| format!("Tall per {d}"),
    form_heading: "Se tallene for en annen dato",
    date_label: "Dato",
    date_help: |first, last| format!("Velg en dato fra {first} til {last}."),
    date_button: "Vis tallene",
    key_figures_label: "Nøkkeltall",
    entries_label: "Oppføringer i alt (alle tolkeformer)",
    persons_label: "Personer oppført",
    two_or_more_label: "Personer med to eller flere språk",
    share_label: "Andel oppføringer i kategori A–D (høyt kvalifiserte)",
    percent: nb_percent,
    number: nb_number,
    table_341_title: "Oppføringer i talespråk per kategori 31. desember",
    table_341_note: "Samme oppstilling som tabell 3-4-1 i IMDis årsrapport.",
    category_heading: "Kategori",
    total: "I alt",
    day_heading_column: "Dato",
    series_title: "Oppføringer i talespråk per kategori over tid",
    series_desc: |first, last, values| {
        let each: Vec<String> = values.iter().map(|(c, v)| format!("{} {v}", c.as_str())).collect();
        format!(
            "Linjediagram med én linje per kategori A–E, målt 30. juni og 31. desember fra {first} til {last}. Per {last}: {}.",
            each.join(", ")
        )
    },
    show_numbers: "Vis tallene i diagrammet som tabell",
    kinds_title: "Oppføringer per tolkeform og kategori",
    kind_heading: "Tolkeform",
    language_heading: "Språk",
    county_heading: "Fylke",
    top_title: |n| format!("De {n} største språkene, per kategori"),
    top_desc: |day, values| {
        let each: Vec<String> = values.iter().map(|(l, v)| format!("{l} {v}")).collect();
        format!(
            "Liggende stolper delt i kategori A–E for de største språkene per {day}. Oppføringer i alt: {}.",
            each.join(", ")
        )
    },
    suppressed: "skjult",
    suppressed_note: |t| {
        format!(
            "– Skjult av personvernhensyn: færre enn {t} oppføringer, eller skjult for at et annet skjult tall ikke skal kunne regnes ut."
        )
    },
    disclosure_heading: "Slik skjuler vi små tall",
    disclosure_text: |t| {
        vec![
            "Språk kan avsløre etnisk opprinnelse, som er en særlig kategori personopplysninger. I et lite fylke kan et lite tall for ett språk peke ut én bestemt tolk.".to_string(),
            format!("Derfor skjuler vi hver celle i tabellen over språk og fylke som har færre enn {t} oppføringer (men flere enn null). Cellen vises som –."),
            "Når én celle i en rad eller kolonne er skjult, skjuler vi også en annen celle i samme rad eller kolonne (sekundær skjuling), slik at det skjulte tallet ikke kan regnes ut fra summene.".to_string(),
            "Summene for hvert språk og hvert fylke vises så sant de ikke avslører et skjult tall; da skjules også summen. Tabellene som ikke deler opp på fylke, viser alle tall.".to_string(),
        ]
    },
    scroll_hint: "Tabellen kan rulles sidelengs.",
    downloads_heading: "Last ned tallene",
    downloads_lead: "Tabellene som åpne data, med faste adresser: CSV (UTF-8) og JSON-stat 2.0. Tabellene per dato gjelder datoen du har valgt.",
    csv: "CSV",
    json_stat: "JSON-stat",
    catalogue_link: "Datakatalog (DCAT-AP-NO, JSON-LD)",
    table_title: |id| match id {
        "entries-by-category" => Some("Oppføringer i talespråk per kategori over tid (tabell 3-4-1)"),
        "persons" => Some("Personer, personer med flere språk og andel høyt kvalifiserte over tid"),
        "kind-by-category" => Some("Oppføringer per tolkeform og kategori"),
        "language-by-category" => Some("Oppføringer per språk og kategori"),
        "language-by-county" => Some("Oppføringer per språk og fylke"),
        _ => None,
    },
    table_description: |id| match id {
        "entries-by-category" => Some(
            "Oppførte talespråktolker per kvalifikasjonskategori A–E og i alt, 30. juni og 31. desember hvert år fra 2020 (tabell 3-4-1 i IMDis årsrapport).",
        ),
        "persons" => Some(
            "Oppføringer, personer oppført, personer med to eller flere språk og andelen oppføringer i kategori A–D, 30. juni og 31. desember hvert år fra 2020.",
        ),
        "kind-by-category" => Some(
            "Oppføringer per tolkeform (talespråk, tegnspråk, skrivetolking, tolking for døvblinde) og kategori på valgt dato.",
        ),
        "language-by-category" => Some("Oppføringer per språk og kategori på valgt dato."),
        "language-by-county" => Some(
            "Oppføringer per språk og bostedsfylke på valgt dato. Celler med færre enn 3 oppføringer er skjult, og flere celler skjules slik at de ikke kan regnes ut fra summene.",
        ),
        _ => None,
    },
    dimension: |id| match id {
        "day" => Some("Dato"),
        "category" => Some("Kategori"),
        "measure" => Some("Mål"),
        "kind" => Some("Tolkeform"),
        "language" => Some("Språk"),
        "county" => Some("Fylke"),
        _ => None,
    },
    measure: |code| match code {
        "entries" => Some("Oppføringer"),
        "unique_persons" => Some("Personer"),
        "two_or_more_languages" => Some("Personer med to eller flere språk"),
        "highly_qualified_share" => Some("Andel høyt kvalifiserte (A–D)"),
        _ => None,
    },
    suppressed_download_note: "Tomme celler er skjult av personvernhensyn (færre enn terskelen, eller sekundær skjuling).",
    coverage_title: "Dekning per språk",
    error_date_format: |typed| format!("«{typed}» er ikke en dato. Skriv datoen som 31.12.2023 eller 2023-12-31."),
    error_date_impossible: |typed| format!("{typed} finnes ikke. Sjekk dag og måned."),
    error_date_before: |first| format!("Statistikken begynner {first}. Velg en dato fra og med den."),
    error_date_after: |today| format!("Det finnes ingen tall for dager etter i dag ({today})."),
    error_unknown_table: |id| format!("Vi har ingen tabell som heter «{id}»."),
    error_title: "Datoen må rettes",
    short_date: nb_short_date,
    decimal: |x| format!("{x:.1}").replace('.', ","),
    coverage: CoverageTexts {
        lead: "Hvor godt de oppførte tolkene dekker etterspørselen etter tolk i offentlig sektor, per språk. Etterspørselen er antall oppdrag offentlige organer har meldt til IMDis Tolkemonitor.",
        no_demand: "Det er ikke lastet inn tall for etterspørsel ennå, så dekningen kan ikke regnes ut.",
        year_heading: |y| format!("Dekning i {y}"),
        form_heading: "Velg år og telling",
        year_label: "År",
        counting_legend: "Hvordan tolkene telles",
        counting_entries: "Per person og språk (en tolk med to språk telles i begge)",
        counting_persons: "Per person (en tolk med to språk telles som en halv i hvert)",
        button: "Vis dekningen",
        assumptions: |share, assignments| {
            format!(
                "Beregnet med at hver oppførte tolk gir {share} av et årsverk, og at et årsverk er {assignments} oppdrag i året. Tolkene telles slik de var oppført 31. desember."
            )
        },
        covered_share: "Andel av etterspørselen som dekkes",
        missing: "Tolker som mangler",
        languages_short: "Språk med for få tolker",
        without_interpreter: "Språk med etterspørsel og ingen oppført tolk",
        listed: "Oppførte tolker",
        capacity: "Kapasitet (årsverk)",
        demand: "Etterspørsel (oppdrag)",
        demand_full_time: "Etterspørsel (årsverk)",
        ratio: "Dekning",
        gap_title: |n| format!("Tolker som mangler i de {n} språkene med størst gap"),
        gap_desc: |y, values| {
            let each: Vec<String> = values.iter().map(|(l, v)| format!("{l} {v}")).collect();
            format!(
                "Liggende stolper med antall tolker som mangler per språk i {y}, størst først: {}.",
                each.join(", ")
            )
        },
        gap_series: "Tolker som mangler",
        table_caption: |y| format!("Dekning per språk i {y}"),
        source: "Kilde: Nasjonalt tolkeregister og IMDis Tolkemonitor.",
        error_year: |typed| format!("Vi har ingen tall for etterspørsel for «{typed}». Velg et av årene i listen."),
    },
};
