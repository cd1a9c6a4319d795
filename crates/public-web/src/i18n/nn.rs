//! Nynorsk: every user-facing string in nynorsk, and nothing else.

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
    nav_about: "Om registeret",
    nav_contact: "Kontakt IMDi",
    nav_privacy: "Personvernerklæring",
    nav_guide: "Rettleiar for offentlege organ",
    menu_label: "Hovudmeny",
    menu_search: "Finn tolk",
    menu_verify: "Kontroller ID-kort",
    menu_tip: "Varsle brot",
    menu_help: "Hjelp",
    date: norwegian_date,

    front_title: "Finn ein kvalifisert tolk",
    front_lead: "Søk i Nasjonalt tolkeregister etter tolkar som oppfyller krava i tolkelova. Offentlege organ skal bruke kvalifiserte tolkar.",
    front_count: |n| match n {
        1 => "1 tolk er oppført i registeret i dag.".to_string(),
        n => format!("{n} tolkar er oppførte i registeret i dag."),
    },
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
    search_summary: |q| format!("Søk: {q}"),
    or_list: |items| list(items, " eller "),
    and_list: |items| list(items, " og "),
    heading_place: |place| format!(" i {place}"),
    filter_category: |c| match c {
        Category::A => "berre kategori A".to_string(),
        c => format!("kategori {c} eller høgare"),
    },
    filter_value: |param, value| format!("{param}: {}", value.to_lowercase()),
    active_filters: "Filter i søket",
    remove_filter: "Fjern filteret",
    shared_all: |typed, languages| {
        format!("«{typed}» kan tyde fleire språk i registeret. Vi viser tolkar i alle: {languages}.")
    },
    shared_own: |typed, language, others| format!("Vi viser tolkar i {language}. «{typed}» kan også tyde {others}."),
    shared_choose: "Meinte du:",
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
    zero_lower_category: |c, n| match n {
        1 => format!("Ta med kategori {c}: 1 tolk"),
        n => format!("Ta med kategori {c}: {n} tolkar"),
    },
    zero_other_counties: "Tolkar i andre fylke:",
    zero_remote: |n| match n {
        1 => "Tolk på telefon eller video, same kva fylke: 1 tolk".to_string(),
        n => format!("Tolk på telefon eller video, same kva fylke: {n} tolkar"),
    },
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
    language_shared_names: "Namn som også blir brukte om andre språk",
    language_members: "Omfattar",
    language_count_heading: "Tal på tolkar per kategori",
    language_search_link: |name| format!("Søk etter tolkar i {name}"),
    categories_title: "Kva kategoriane tyder",
    categories_lead: "Kategorien viser kva kvalifikasjonar tolken har dokumentert i dette språket. A er høgast. Alle kategoriane oppfyller krava til kvalifisert tolk. Teiknspråktolkar kan ha kategori B, D eller E, fordi det ikkje finst statsautorisasjon i teiknspråk.",
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
    listed_since_heading: "Oppført",
    listed_since: |day| format!("Oppført sidan {day}"),

    category_legend: "Kva tyder kategoriane A–E?",
    category_legend_more: "Meir om kategoriane og krava til kvalifisert tolk",

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

    info: InfoTexts {
        about_title: "Om Nasjonalt tolkeregister",
        about_lead: "Nasjonalt tolkeregister er ei offentleg oversikt over tolkar som oppfyller krava til kvalifisert tolk etter tolkelova. Offentlege organ bruker registeret til å finne og kontrollere tolkar.",
        about_sections: &[
            (
                "Kven som driv registeret",
                "Integrerings- og mangfaldsdirektoratet (IMDi) eig og driv registeret. IMDi avgjer kven som blir oppført, gir statsautorisasjon som tolk, godkjenner utanlandske kvalifikasjonar og behandlar varsel om tolkar.",
            ),
            (
                "Lovgrunnlaget",
                "Registeret har heimel i tolkelova (lov om offentlege organs ansvar for bruk av tolk mv.) § 17. Krava for å bli oppført står i tolkeforskrifta. Ein kvalifisert tolk er ein tolk som oppfyller krava for å bli oppført i registeret (tolkelova § 7 tredje ledd).",
            ),
            (
                "Kva registeret viser",
                "For kvar tolk viser registeret namn, tolkenummer, språk med type tolk og kvalifikasjonskategori, fylke, arbeidsform, tilgjenge, kjønn og kontaktinformasjon. Adressa blir berre vist når tolken har samtykt. Fødselsnummer, dokumentasjon, varsel og reaksjonar er aldri offentlege.",
            ),
            (
                "Kven som blir viste",
                "Berre tolkar som er oppførte i dag, blir viste. Ein tolk som er mellombels utestengd, utestengd eller har trekt seg, blir ikkje vist i søket. På sida «Kontroller tolkenummer» ser du om eit tolkenummer høyrer til ein tolk som er oppført i dag.",
            ),
            (
                "Pliktene til tolkane",
                "Tolkar skal følgje god tolkeskikk (tolkelova § 14), har teieplikt (§ 15) og skal vere habile (§ 16). Alle kan varsle IMDi dersom dei meiner ein tolk har brote desse pliktene (§ 19). IMDi kan gi åtvaring eller utestenge tolken frå registeret (§ 21).",
            ),
        ],
        contact_title: "Kontakt IMDi",
        contact_lead: "Har du spørsmål om Nasjonalt tolkeregister, om ei oppføring eller om eit varsel, kan du kontakte IMDi.",
        contact_post_label: "Postadresse",
        contact_email_label: "E-post",
        contact_phone_label: "Sentralbord",
        contact_note: "Dette er hovudkontakten til direktoratet. Skriv at førespurnaden gjeld Nasjonalt tolkeregister.",
        contact_sections: &[
            (
                "Varsle om ein tolk",
                "Vil du melde frå om at ein tolk kan ha brote tolkelova, bruk skjemaet for varsel. Då kjem varselet rett til dei som behandlar slike saker, og kontaktinformasjonen din blir lagra kryptert.",
            ),
            (
                "Skriv ikkje sensitive opplysningar i vanleg e-post",
                "Vanleg e-post er ikkje kryptert. Skriv ikkje fødselsnummer, helseopplysningar eller detaljar om ei sak i e-posten. Bruk heller skjemaet for varsel eller send brev.",
            ),
            (
                "Er du tolk?",
                "Vil du endre kontaktinformasjonen din, søkje om oppføring i fleire språk eller trekkje deg frå registeret, kontaktar du IMDi. Oppgi tolkenummeret ditt.",
            ),
        ],
        privacy_title: "Personvernerklæring",
        privacy_lead: "Her forklarer vi korleis IMDi behandlar personopplysningar i Nasjonalt tolkeregister, og særleg opplysningane du gir når du varslar om ein tolk.",
        privacy_sections: &[
            (
                "Behandlingsansvarleg",
                "Integrerings- og mangfaldsdirektoratet (IMDi) er behandlingsansvarleg for opplysningane i registeret og i varsla. Kontaktinformasjonen til IMDi står på sida «Kontakt IMDi».",
            ),
            (
                "Formål",
                "IMDi bruker opplysningane i eit varsel til å vurdere og undersøkje om ein tolk har brote god tolkeskikk, teieplikta eller kravet til habilitet, og til å gjere vedtak om åtvaring eller utestenging. Opplysningane i sjølve registeret blir brukte til å vise offentlege organ kva tolkar som er kvalifiserte.",
            ),
            (
                "Rettsleg grunnlag",
                "Behandlinga er nødvendig for å utføre ei oppgåve i allmenta si interesse og for å utøve offentleg styresmakt, jf. personvernforordninga artikkel 6 nr. 1 bokstav e, med grunnlag i tolkelova §§ 17, 19 og 21. Eit varsel kan innehalde særlege kategoriar av personopplysningar, til dømes om helse eller etnisk opphav (språk kan seie noko om det). Slike opplysningar blir berre behandla når det er nødvendig for saka, jf. artikkel 9 nr. 2 bokstav g og tolkelova.",
            ),
            (
                "Kva vi samlar inn i skjemaet for varsel",
                "Kven varselet gjeld, når og kvar oppdraget var, kva du meiner tolken gjorde gale, og skildringa di av kva som skjedde. Vel du at IMDi kan kontakte deg, lagrar vi også namnet ditt, e-postadressa eller telefonnummeret ditt og kva rolle du hadde. Du kan vere anonym. For å hindre misbruk bruker tenesta IP-adressa di ei kort stund til å avgrense kor mange skjema som kan sendast. Ho blir ikkje lagra saman med varselet.",
            ),
            (
                "Kven som ser opplysningane",
                "Berre saksbehandlarane i IMDi som har saka, kan sjå kven du er. Namn og kontaktinformasjon blir lagra kryptert. Tolken får vite kva varselet gjeld og kan uttale seg, men får ikkje vite kven du er. Blir saka lagd fram for det partssamansette utvalet, ser utvalet saka utan opplysningar om kven som varsla. IMDi kan be offentlege organ om opplysningar i saka. Blir eit vedtak klaga på, går saka til departementet.",
            ),
            (
                "Kor lenge vi lagrar opplysningane",
                "Varselet og dokumenta i saka blir lagra så lenge saka blir behandla. Deretter blir dei oppbevarte eller sletta etter reglane i arkivlova. Opplysningane i registeret blir lagra så lenge tolken er registrert, og endringar blir lagra som historikk etter dei same reglane.",
            ),
            (
                "Rettane dine",
                "Du har rett til innsyn i opplysningar om deg sjølv, og til å få retta opplysningar som er feil. I nokre tilfelle kan du ha rett til å få sletta opplysningar, avgrense behandlinga eller protestere mot ho. Kontakt IMDi for å bruke rettane dine. Har du varsla anonymt, kan vi ikkje knyte varselet til deg.",
            ),
            (
                "Klage til Datatilsynet",
                "Meiner du at IMDi behandlar personopplysningar i strid med regelverket, kan du klage til Datatilsynet. Vi håpar du vil kontakte oss først, så vi kan rette opp feil.",
            ),
        ],
        privacy_complaint_link: "Datatilsynet: klage og rettleiing",
        guide_title: "Rettleiar for offentlege organ",
        guide_lead: "Når må eit offentleg organ bruke tolk, når må tolken vere kvalifisert, og korleis bestiller du ein tolk frå registeret? Her er ei kort oversikt. Ho erstattar ikkje lova.",
        guide_sections: &[
            (
                "Når de skal bruke tolk (tolkelova § 6)",
                "Offentlege organ skal bruke tolk når det følgjer av lov. Elles skal dei bruke tolk når det er nødvendig for å ta vare på rettstryggleiken eller for å gi forsvarleg hjelp og teneste. Legg vekt på om de og den de snakkar med kan forstå kvarandre godt nok utan tolk, og på kor alvorleg saka er. Born skal ikkje brukast som tolk (§ 4).",
            ),
            (
                "Tolken skal vere kvalifisert (tolkelova § 7)",
                "Når de bruker tolk, skal de bruke ein kvalifisert tolk, det vil seie ein tolk som oppfyller krava for å bli oppført i Nasjonalt tolkeregister. Alle tolkane i registeret er kvalifiserte. Kategorien (A til E) viser kva kvalifikasjonar tolken har i språket. Vel høgast mogleg kategori når saka krev det.",
            ),
            (
                "Unntak",
                "Lova gir berre snevre unntak frå kravet om kvalifisert tolk, til dømes når det ikkje er mogleg å få tak i ein kvalifisert tolk i tide. Organet må då vurdere om det likevel er forsvarleg å bruke tolken, og bør skrive ned kvifor. Les vilkåra i tolkelova § 7 før de gjer unntak.",
            ),
            (
                "Bestille tolk direkte",
                "Søk etter språket, og ta kontakt med tolken på telefonnummeret eller e-postadressa som står i registeret. Avtal tid, stad og om oppdraget skal skje ved oppmøte, på telefon eller video.",
            ),
            (
                "Bestille gjennom eit tolkeformidlingsbyrå",
                "Bruker de eit tolkeformidlingsbyrå eller ei tolketeneste, bør avtalen krevje at byrået berre sender kvalifiserte tolkar frå registeret, og at de får vite tolkenummeret. De har framleis ansvaret for at tolken er kvalifisert.",
            ),
            (
                "Kontroller tolken",
                "Be tolken om å vise ID-kortet, også på telefon eller video. Skriv inn tolkenummeret på sida «Kontroller tolkenummer» og sjå om tolken er oppført i dag, og i kva språk.",
            ),
            (
                "Dersom noko går gale",
                "Meiner de at tolken har brote god tolkeskikk, teieplikta eller kravet til habilitet, kan de varsle IMDi.",
            ),
        ],
        law_link: "Tolkelova på Lovdata",
        contact_link: "Kontakt IMDi",
    },

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
        "lang" => "svarspråk",
        "per_page" => "treff per side",
        _ => "søket",
    },
    tips: TipTexts {
        nav: "Varsle om ein tolk",
        title: "Varsle om brot på tolkelova",
        lead: "Har du opplevd at ein tolk har brote god tolkeskikk, teieplikta eller kravet til habilitet? Fortel IMDi om det her. Du kan vere anonym. Alle felt må fyllast ut om ikkje anna står.",
        optional: "(valfritt)",

        subject_legend: "Kven gjeld varselet?",
        lookup_label: "Namnet eller tolkenummeret til tolken",
        lookup_help: "Tolkenummeret står på ID-kortet til tolken. Trykk «Finn tolk» og vel tolken frå lista.",
        lookup_button: "Finn tolk",
        lookup_found: |n| match n {
            1 => "Vi fann 1 oppført tolk.".to_string(),
            n => format!("Vi fann {n} oppførte tolkar."),
        },
        lookup_more: "Vi viser berre dei første treffa. Skriv meir av namnet, eller bruk tolkenummeret.",
        lookup_none: |typed| {
            format!("Vi fann ingen oppført tolk for «{typed}». Sjekk skrivemåten, eller beskriv tolken nedanfor.")
        },
        choose_legend: "Vel tolken varselet gjeld",
        choose_unknown: "Ingen av desse, eller eg veit ikkje kven tolken var",
        description_label: "Beskriv tolken om du ikkje finn hen i lista",
        description_help: "Til dømes namn slik du høyrde det, språk, kjønn og kven som bestilte tolken.",

        when_where_legend: "Når og kvar var oppdraget?",
        date_label: "Dato for oppdraget (valfritt)",
        date_help: "Skriv dd.mm.åååå, til dømes 15.03.2026.",
        place_label: "Stad eller verksemd (valfritt)",
        place_help: "Til dømes sjukehus, kommune, politi eller domstol, og om det var på telefon eller video.",

        grounds_legend: "Kva meiner du tolken gjorde gale?",
        grounds_help: "Vel eitt eller fleire.",
        ground: |g| match g {
            Ground::GoodPractice => "God tolkeskikk (tolkelova § 14)",
            Ground::Confidentiality => "Teieplikt (tolkelova § 15)",
            Ground::Impartiality => "Habilitet (tolkelova § 16)",
        },
        ground_help: |g| match g {
            Ground::GoodPractice => {
                "Tolken skal omsetje alt som blir sagt, fullstendig og rett, utan å leggje til, sleppe eller endre noko, og opptre nøytralt og profesjonelt. Til dømes: tolken gav råd, sa si eiga meining eller omsette berre delar av samtalen."
            }
            Ground::Confidentiality => {
                "Tolken skal ikkje fortelje andre det hen får vite under oppdraget. Til dømes: tolken snakka om saka med nokon utanfor samtalen."
            }
            Ground::Impartiality => {
                "Tolken skal ikkje tolke når hen er i familie med, er ven med eller har andre band til nokon i saka, eller når noko anna kan svekkje tilliten til at tolken er nøytral."
            }
        },

        account_label: "Kva skjedde?",
        account_help: "Fortel med eigne ord kva tolken sa eller gjorde, og kven som var til stades. Skriv ikkje meir om andre personar enn det som trengst. Høgst 20 000 teikn.",

        reporter_heading: "Om deg",
        anonymity_legend: "Kan IMDi kontakte deg?",
        anonymity_help: "Er du anonym, kan vi ikkje spørje deg om meir, og det kan gjere saka vanskelegare å undersøkje.",
        anonymity_named: "Ja, eg oppgir namn og kontaktinformasjon",
        anonymity_anonymous: "Nei, eg vil vere anonym",
        role_legend: "Kva rolle hadde du?",
        role_help: "Er du anonym, kan du likevel fortelje kva rolle du hadde.",
        role: |r| match r {
            ReporterRole::PublicBody => {
                "Eg var der for eit offentleg organ (til dømes sjukehus, NAV, politi eller kommune)"
            }
            ReporterRole::InterpretedPerson => "Det vart tolka for meg",
            ReporterRole::Interpreter => "Eg er tolk",
            ReporterRole::Other => "Anna",
        },
        contact_legend: "Kontaktinformasjon",
        contact_help: "Fyll ut berre om IMDi kan kontakte deg. Oppgi e-post eller telefon. Opplysningane blir lagra krypterte, og berre saksbehandlarane som har saka, kan sjå kven du er. Tolken får ikkje vite det.",
        name_label: "Namn",
        email_label: "E-post",
        phone_label: "Telefon",
        honeypot_label: "La dette feltet stå tomt",
        send_button: "Send varselet",

        error_prefix: "Feil",
        error_title: "Rett opp dette før du sender:",
        error: |field, problem| {
            let what = match field {
                Field::Lookup | Field::Subject => "Søket",
                Field::Description => "Skildringa av tolken",
                Field::AssignmentOn => "Datoen",
                Field::AssignmentPlace => "Staden",
                Field::Grounds => "Valet",
                Field::Account => "Skildringa av kva som skjedde",
                Field::Anonymity | Field::Role => "Svaret",
                Field::Name => "Namnet",
                Field::Email => "E-postadressa",
                Field::Phone => "Telefonnummeret",
            };
            match problem {
                Problem::TooLong(max) => format!("{what} kan ha høgst {} teikn.", thousands(*max, " ")),
                Problem::SubjectMissing => {
                    "Finn tolken med namn eller tolkenummer, eller beskriv tolken om du ikkje veit kven det var.".into()
                }
                Problem::SubjectNotListed(n) => {
                    format!("Vi fann ingen oppført tolk med tolkenummer «{n}». Søk på nytt, eller beskriv tolken.")
                }
                Problem::DateInvalid => "Skriv datoen som dd.mm.åååå, til dømes 15.03.2026.".into(),
                Problem::DateImpossible { typed, year, month } => match month {
                    Some(m) => format!(
                        "{typed} finst ikkje. {} {year} har {} dagar.",
                        sentence_start(norwegian_month(*m)),
                        crate::tips::form::days_in_month(*year, *m)
                    ),
                    None => format!("{typed} finst ikkje. Månaden må vere eit tal frå 1 til 12."),
                },
                Problem::DateInFuture => "Datoen for oppdraget kan ikkje vere fram i tid.".into(),
                Problem::GroundsMissing => {
                    "Vel minst eitt av punkta: god tolkeskikk, teieplikt eller habilitet.".into()
                }
                Problem::AccountMissing => "Beskriv kva som skjedde.".into(),
                Problem::AnonymityMissing => "Vel om IMDi kan kontakte deg, eller om du vil vere anonym.".into(),
                Problem::RoleMissing => "Vel kva rolle du hadde.".into(),
                Problem::NameMissing => "Skriv namnet ditt, eller vel å vere anonym.".into(),
                Problem::ContactWhileAnonymous => {
                    "Du har valt å vere anonym. Fjern namn, e-post og telefon, eller vel at IMDi kan kontakte deg."
                        .into()
                }
                Problem::ContactMissing => "Skriv e-postadressa eller telefonnummeret ditt, så vi kan nå deg.".into(),
                Problem::EmailInvalid => "Skriv e-postadressa på forma namn@døme.no.".into(),
                Problem::PhoneInvalid => {
                    "Telefonnummeret kan berre ha siffer, mellomrom og +, til dømes +47 912 34 567.".into()
                }
                Problem::Refused(refusal) => match refusal {
                    Refusal::AccountMissing => "Beskriv kva som skjedde.",
                    Refusal::AccountTooLong => "Skildringa er for lang (høgst 20 000 teikn).",
                    Refusal::PlaceTooLong => "Staden kan ha høgst 300 teikn.",
                    Refusal::AssignmentInFuture => "Oppdraget kan ikkje liggje fram i tid.",
                    Refusal::ReceivedInFuture => "Mottaksdatoen kan ikkje liggje fram i tid.",
                    Refusal::SubjectMissing => "Oppgi tolkenummer eller beskriv kven tolken var.",
                    Refusal::DescriptionTooLong => "Skildringa av tolken kan ha høgst 300 teikn.",
                    Refusal::ReceiverMissing => "Kven som registrerte varselet, må oppgjevast.",
                    Refusal::NotAccepted => "Registeret kunne ikkje ta imot varselet slik det er fylt ut. Sjå over skjemaet og send det igjen.",
                }
                .into(),
            }
        },

        receipt_title: "Varselet er motteke",
        receipt_lead: "Takk. IMDi har fått varselet ditt.",
        receipt_reference: "Saksnummer",
        receipt_keep: "Skriv ned saksnummeret. Oppgi det om du kontaktar IMDi om varselet.",
        receipt_next_heading: "Kva skjer no",
        receipt_next: &[
            "IMDi vurderer varselet og undersøkjer saka om det er grunn til det. Går IMDi vidare med saka, får tolken vite kva varselet gjeld og kan uttale seg, men får ikkje vite kven du er.",
            "Har du oppgitt kontaktinformasjon, kan ein saksbehandlar kontakte deg for å spørje om meir.",
            "Av omsyn til alle som er involverte, gir vi ingen opplysningar om saka her på nettstaden.",
        ],
        receipt_new: "Send eit nytt varsel",

        closed_title: "Vi kan ikkje ta imot varsel akkurat no",
        closed_text: "Skjemaet for varsel er ikkje tilgjengeleg for augneblinken. Prøv igjen seinare, eller send varselet til IMDi med e-post eller brev.",
        too_many_title: "For mange innsendingar",
        too_many_text: |seconds| {
            format!(
                "Det er sendt mange skjema frå tilkoplinga di på kort tid. Vent {seconds} sekund og send på nytt. Det du skreiv, står framleis i skjemaet."
            )
        },
        too_large_title: "Skjemaet er for stort",
        too_large_text: "Det du sende, er større enn skjemaet tek imot. Skildringa av kva som skjedde kan ha høgst 20 000 teikn. Gå tilbake i nettlesaren, gjer teksten kortare og send på nytt.",
        refused_text: "Skjemaet kunne ikkje sendast. Sjå over det du har skrive, og send på nytt.",
        expired_text: "Skjemaet har vore ope lenge eller kunne ikkje kontrollerast. Det du skreiv, står framleis her. Sjå over og send på nytt.",
        failed_text: "Noko gjekk gale hos oss, og varselet vart ikkje sendt. Det du skreiv, står framleis her. Prøv igjen om litt.",
        back_to_form: "Tilbake til skjemaet",

        help_heading: "Varsle om brot på tolkelova",
        help_text: "Har du opplevd at ein tolk har brote god tolkeskikk, teieplikta eller kravet til habilitet, kan du varsle IMDi. Du kan vere anonym.",
        privacy_link: "Slik behandlar IMDi opplysningane i varselet (personvernerklæring)",
    },
    problems: ProblemTexts {
        invalid_parameter: "Ugyldig parameter",
        page_range: "Sida er utanfor søkjeresultatet",
        invalid_number: "Ugyldig tolkenummer",
        invalid_language_code: "Ugyldig språkkode",
        invalid_language_code_detail: |v| {
            format!("«{v}» er ikkje ein gyldig språkkode. Ein språkkode har tre bokstavar, til dømes ARB.")
        },
        unknown_language: "Ukjent språk",
        interpreter_not_found: "Fann ikkje tolken",
        interpreter_not_found_detail: |n| format!("Ingen oppført tolk har tolkenummer {n}."),
        language_not_found: "Fann ikkje språket",
        language_not_found_detail: |c| format!("Registeret har ikkje noko språk med koden {c}."),
        not_found: "Fann ikkje ressursen",
        starting: "Søket startar",
        unavailable: "Tenesta er mellombels utilgjengeleg",
    },
    stats: &STATS,
};

fn nn_percent(share: f64) -> String {
    format!("{}\u{a0}%", (share * 100.0).round() as i64)
}

fn nn_number(n: u64) -> String {
    thousands(n, "\u{a0}")
}

fn nn_short_date(day: time::Date) -> String {
    format!("{:02}.{:02}.{}", day.day(), day.month() as u8, day.year())
}

pub static STATS: StatsTexts = StatsTexts {
    nav: "Statistikk",
    title: "Statistikk om tolkeregisteret",
    lead: "Kor mange kvalifiserte tolkar som er oppførte, per kategori, språk og fylke, på kva dag som helst frå 2020. Tala blir rekna ut frå historikken i registeret, på same måten kvar gong.",
    menu: ["Oversikt", "Språk", "Fylke", "Dekning"],
    languages_title: "Oppføringar per språk og kategori",
    languages_lead: "Oppførte tolkar per språk og kvalifikasjonskategori. Ein tolk med fleire språk blir talt éin gong per språk.",
    counties_title: "Oppføringar per språk og fylke",
    counties_lead: "Oppførte tolkar per språk og bustadfylke. Små tal er skjulte av omsyn til personvernet, sjå regelen under tabellen.",
    day_heading: |d| format!("Tal per {d}"),
    form_heading: "Sjå tala for ein annan dato",
    date_label: "Dato",
    date_help: |first, last| format!("Vel ein dato frå {first} til {last}."),
    date_button: "Vis tala",
    key_figures_label: "Nøkkeltal",
    entries_label: "Oppføringar i alt (alle tolkeformer)",
    persons_label: "Personar oppførte",
    two_or_more_label: "Personar med to eller fleire språk",
    share_label: "Del oppføringar i kategori A–D (høgt kvalifiserte)",
    percent: nn_percent,
    number: nn_number,
    table_341_title: "Oppføringar i talespråk per kategori 31. desember",
    table_341_note: "Same oppstilling som tabell 3-4-1 i årsrapporten til IMDi.",
    category_heading: "Kategori",
    total: "I alt",
    day_heading_column: "Dato",
    series_title: "Oppføringar i talespråk per kategori over tid",
    series_desc: |first, last, values| {
        let each: Vec<String> = values.iter().map(|(c, v)| format!("{} {v}", c.as_str())).collect();
        format!(
            "Linjediagram med éi linje per kategori A–E, målt 30. juni og 31. desember frå {first} til {last}. Per {last}: {}.",
            each.join(", ")
        )
    },
    show_numbers: "Vis tala i diagrammet som tabell",
    kinds_title: "Oppføringar per tolkeform og kategori",
    kind_heading: "Tolkeform",
    language_heading: "Språk",
    county_heading: "Fylke",
    top_title: |n| format!("Dei {n} største språka, per kategori"),
    top_desc: |day, values| {
        let each: Vec<String> = values.iter().map(|(l, v)| format!("{l} {v}")).collect();
        format!(
            "Liggjande stolpar delte i kategori A–E for dei største språka per {day}. Oppføringar i alt: {}.",
            each.join(", ")
        )
    },
    suppressed: "skjult",
    suppressed_note: |t| {
        format!(
            "– Skjult av omsyn til personvernet: færre enn {t} oppføringar, eller skjult for at eit anna skjult tal ikkje skal kunne reknast ut."
        )
    },
    disclosure_heading: "Slik skjuler vi små tal",
    disclosure_text: |t| {
        vec![
            "Språk kan avsløre etnisk opphav, som er ein særleg kategori personopplysningar. I eit lite fylke kan eit lite tal for eitt språk peike ut éin bestemt tolk.".to_string(),
            format!("Difor skjuler vi kvar celle i tabellen over språk og fylke som har færre enn {t} oppføringar (men fleire enn null). Cella blir vist som –."),
            "Når éi celle i ei rad eller ein kolonne er skjult, skjuler vi også ei anna celle i same rad eller kolonne (sekundær skjuling), slik at det skjulte talet ikkje kan reknast ut frå summane.".to_string(),
            "Summane for kvart språk og kvart fylke blir viste så sant dei ikkje avslører eit skjult tal; då blir òg summen skjult. Tabellane som ikkje deler opp på fylke, viser alle tal.".to_string(),
        ]
    },
    scroll_hint: "Tabellen kan rullast sidelengs.",
    downloads_heading: "Last ned tala",
    downloads_lead: "Tabellane som opne data, med faste adresser: CSV (UTF-8) og JSON-stat 2.0. Tabellane per dato gjeld datoen du har valt.",
    csv: "CSV",
    json_stat: "JSON-stat",
    catalogue_link: "Datakatalog (DCAT-AP-NO, JSON-LD)",
    table_title: |id| match id {
        "entries-by-category" => Some("Oppføringar i talespråk per kategori over tid (tabell 3-4-1)"),
        "persons" => Some("Personar, personar med fleire språk og del høgt kvalifiserte over tid"),
        "kind-by-category" => Some("Oppføringar per tolkeform og kategori"),
        "language-by-category" => Some("Oppføringar per språk og kategori"),
        "language-by-county" => Some("Oppføringar per språk og fylke"),
        _ => None,
    },
    table_description: |id| match id {
        "entries-by-category" => Some(
            "Oppførte talespråktolkar per kvalifikasjonskategori A–E og i alt, 30. juni og 31. desember kvart år frå 2020 (tabell 3-4-1 i årsrapporten til IMDi).",
        ),
        "persons" => Some(
            "Oppføringar, personar oppførte, personar med to eller fleire språk og delen oppføringar i kategori A–D, 30. juni og 31. desember kvart år frå 2020.",
        ),
        "kind-by-category" => Some(
            "Oppføringar per tolkeform (talespråk, teiknspråk, skrivetolking, tolking for døvblinde) og kategori på vald dato.",
        ),
        "language-by-category" => Some("Oppføringar per språk og kategori på vald dato."),
        "language-by-county" => Some(
            "Oppføringar per språk og bustadfylke på vald dato. Celler med færre enn 3 oppføringar er skjulte, og fleire celler blir skjulte slik at dei ikkje kan reknast ut frå summane.",
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
        "entries" => Some("Oppføringar"),
        "unique_persons" => Some("Personar"),
        "two_or_more_languages" => Some("Personar med to eller fleire språk"),
        "highly_qualified_share" => Some("Del høgt kvalifiserte (A–D)"),
        _ => None,
    },
    suppressed_download_note: "Tomme celler er skjulte av omsyn til personvernet (færre enn terskelen, eller sekundær skjuling).",
    coverage_title: "Dekning per språk",
    error_date_format: |typed| format!("«{typed}» er ikkje ein dato. Skriv datoen som 31.12.2023 eller 2023-12-31."),
    error_date_impossible: |typed| format!("{typed} finst ikkje. Sjekk dag og månad."),
    error_date_before: |first| format!("Statistikken byrjar {first}. Vel ein dato frå og med den."),
    error_date_after: |today| format!("Det finst ingen tal for dagar etter i dag ({today})."),
    error_unknown_table: |id| format!("Vi har ingen tabell som heiter «{id}»."),
    error_title: "Datoen må rettast",
    short_date: nn_short_date,
    decimal: |x| format!("{x:.1}").replace('.', ","),
    coverage: CoverageTexts {
        lead: "Kor godt dei oppførte tolkane dekkjer etterspurnaden etter tolk i offentleg sektor, per språk. Etterspurnaden er talet på oppdrag offentlege organ har meldt til Tolkemonitor hos IMDi.",
        no_demand: "Det er ikkje lasta inn tal for etterspurnad enno, så dekninga kan ikkje reknast ut.",
        year_heading: |y| format!("Dekning i {y}"),
        form_heading: "Vel år og teljing",
        year_label: "År",
        counting_legend: "Korleis tolkane blir talde",
        counting_entries: "Per person og språk (ein tolk med to språk blir talt i begge)",
        counting_persons: "Per person (ein tolk med to språk blir talt som ein halv i kvart)",
        button: "Vis dekninga",
        assumptions: |share, assignments| {
            format!(
                "Rekna ut med at kvar oppførte tolk gir {share} av eit årsverk, og at eit årsverk er {assignments} oppdrag i året. Tolkane blir talde slik dei var oppførte 31. desember."
            )
        },
        covered_share: "Del av etterspurnaden som blir dekt",
        missing: "Tolkar som manglar",
        languages_short: "Språk med for få tolkar",
        without_interpreter: "Språk med etterspurnad og ingen oppført tolk",
        listed: "Oppførte tolkar",
        capacity: "Kapasitet (årsverk)",
        demand: "Etterspurnad (oppdrag)",
        demand_full_time: "Etterspurnad (årsverk)",
        ratio: "Dekning",
        gap_title: |n| format!("Tolkar som manglar i dei {n} språka med størst gap"),
        gap_desc: |y, values| {
            let each: Vec<String> = values.iter().map(|(l, v)| format!("{l} {v}")).collect();
            format!(
                "Liggjande stolpar med talet på tolkar som manglar per språk i {y}, størst først: {}.",
                each.join(", ")
            )
        },
        gap_series: "Tolkar som manglar",
        table_caption: |y| format!("Dekning per språk i {y}"),
        source: "Kjelde: Nasjonalt tolkeregister og Tolkemonitor hos IMDi.",
        error_year: |typed| format!("Vi har ingen tal for etterspurnad for «{typed}». Vel eitt av åra i lista."),
    },
};
