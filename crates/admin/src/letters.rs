//! The wording of decision letters in bokmål and nynorsk: headings, the decision sentence per
//! kind, and the appeal paragraph. Text only; `decisions` fills in names, dates and reasons.

use register::casework::{DecisionKind, Equivalent, LetterLanguage};

/// Every fixed phrase of a letter in one written standard.
pub struct Wording {
    pub directorate: &'static str,
    pub our_reference: &'static str,
    pub date: &'static str,
    pub interpreter_number: &'static str,
    pub decision: &'static str,
    pub reasons: &'static str,
    pub legal_basis: &'static str,
    pub appeal_heading: &'static str,
    pub regards: &'static str,
}

pub fn wording(lang: LetterLanguage) -> Wording {
    match lang {
        LetterLanguage::Bokmal => Wording {
            directorate: "Integrerings- og mangfoldsdirektoratet (IMDi)",
            our_reference: "Vår referanse",
            date: "Dato",
            interpreter_number: "Tolkenummer",
            decision: "Vedtak",
            reasons: "Begrunnelse",
            legal_basis: "Hjemmel",
            appeal_heading: "Du kan klage",
            regards: "Med hilsen",
        },
        LetterLanguage::Nynorsk => Wording {
            directorate: "Integrerings- og mangfaldsdirektoratet (IMDi)",
            our_reference: "Vår referanse",
            date: "Dato",
            interpreter_number: "Tolkenummer",
            decision: "Vedtak",
            reasons: "Grunngiving",
            legal_basis: "Heimel",
            appeal_heading: "Du kan klage",
            regards: "Med helsing",
        },
    }
}

/// The letter's title.
pub fn title(kind: DecisionKind, lang: LetterLanguage) -> &'static str {
    use DecisionKind::*;
    use LetterLanguage::*;
    match (kind, lang) {
        (ApproveEntry, _) => "Vedtak om oppføring i Nasjonalt tolkeregister",
        (RefuseEntry, _) => "Vedtak om avslag på søknad om oppføring i Nasjonalt tolkeregister",
        (Withdraw, _) => "Vedtak om utmelding av Nasjonalt tolkeregister",
        (ApproveForeign, Bokmal) => "Vedtak om godkjenning av utenlandsk tolkeutdanning",
        (ApproveForeign, Nynorsk) => "Vedtak om godkjenning av utanlandsk tolkeutdanning",
        (RefuseForeign, Bokmal) => "Vedtak om avslag på godkjenning av utenlandsk tolkeutdanning",
        (RefuseForeign, Nynorsk) => "Vedtak om avslag på godkjenning av utanlandsk tolkeutdanning",
    }
}

fn equivalent(e: Equivalent, lang: LetterLanguage) -> &'static str {
    match (e, lang) {
        (Equivalent::Bachelor, _) => "bachelorgrad i tolking",
        (Equivalent::Authorisation, _) => "statsautorisasjon som tolk",
        (Equivalent::FoundationCourse, LetterLanguage::Bokmal) => "grunnemne i tolking i offentlig sektor",
        (Equivalent::FoundationCourse, LetterLanguage::Nynorsk) => "grunnemne i tolking i offentleg sektor",
    }
}

/// What was decided, in one sentence. `language` is the language's name in the letter's
/// standard; `category` the category the entry got; `equivalent` for foreign approvals.
pub fn decision_sentence(
    kind: DecisionKind,
    lang: LetterLanguage,
    language: Option<&str>,
    category: Option<&str>,
    approved_as: Option<Equivalent>,
) -> String {
    use DecisionKind::*;
    use LetterLanguage::*;
    let for_language = language.map(|l| format!(" for {l}")).unwrap_or_default();
    let category = category.map(|c| format!(" i kategori {c}")).unwrap_or_default();
    let approved_as = approved_as.map(|e| equivalent(e, lang)).unwrap_or("");
    match (kind, lang) {
        (ApproveEntry, Bokmal) => {
            format!("IMDi har vedtatt at du blir oppført i Nasjonalt tolkeregister{for_language}{category}.")
        }
        (ApproveEntry, Nynorsk) => {
            format!("IMDi har vedteke at du blir ført opp i Nasjonalt tolkeregister{for_language}{category}.")
        }
        (RefuseEntry, _) => {
            format!("IMDi har avslått søknaden din om oppføring i Nasjonalt tolkeregister{for_language}.")
        }
        (Withdraw, Bokmal) => {
            format!("IMDi har etter ønske fra deg meldt deg ut av Nasjonalt tolkeregister{for_language}.")
        }
        (Withdraw, Nynorsk) => {
            format!("IMDi har etter ønske frå deg meldt deg ut av Nasjonalt tolkeregister{for_language}.")
        }
        (ApproveForeign, Bokmal) => {
            format!("IMDi har godkjent utdanningen din fra utlandet som likeverdig med {approved_as}{for_language}.")
        }
        (ApproveForeign, Nynorsk) => {
            format!("IMDi har godkjent utdanninga di frå utlandet som likeverdig med {approved_as}{for_language}.")
        }
        (RefuseForeign, Bokmal) => {
            format!("IMDi har avslått søknaden din om godkjenning av utdanning fra utlandet{for_language}.")
        }
        (RefuseForeign, Nynorsk) => {
            format!("IMDi har avslått søknaden din om godkjenning av utdanning frå utlandet{for_language}.")
        }
    }
}

fn weeks(n: u8, lang: LetterLanguage) -> String {
    let word = match n {
        1 => "én",
        2 => "to",
        3 => "tre",
        4 => "fire",
        5 => "fem",
        6 => "seks",
        _ => {
            return format!(
                "{n} {}",
                if lang == LetterLanguage::Bokmal {
                    "uker"
                } else {
                    "veker"
                }
            );
        }
    };
    match (n, lang) {
        (1, LetterLanguage::Bokmal) => "én uke".into(),
        (1, LetterLanguage::Nynorsk) => "éi veke".into(),
        (_, LetterLanguage::Bokmal) => format!("{word} uker"),
        (_, LetterLanguage::Nynorsk) => format!("{word} veker"),
    }
}

/// The appeal paragraph: deadline, where to send it, and who decides it.
pub fn appeal(lang: LetterLanguage, appeal_weeks: u8, deadline: &str, appeal_body: &str) -> String {
    let w = weeks(appeal_weeks, lang);
    match lang {
        LetterLanguage::Bokmal => format!(
            "Du kan klage på vedtaket. Klagefristen er {w} fra du mottok dette brevet, og klagen må ha kommet fram innen {deadline}. \
             Send klagen til IMDi. Hvis IMDi ikke gir deg medhold, sender vi klagen videre til {appeal_body}, som avgjør den. \
             Du har rett til å se dokumentene i saken (forvaltningsloven §§ 18 og 19). Klageretten følger av forvaltningsloven § 28."
        ),
        LetterLanguage::Nynorsk => format!(
            "Du kan klage på vedtaket. Klagefristen er {w} frå du fekk dette brevet, og klaga må ha kome fram innan {deadline}. \
             Send klaga til IMDi. Dersom IMDi ikkje gir deg medhald, sender vi klaga vidare til {appeal_body}, som avgjer ho. \
             Du har rett til å sjå dokumenta i saka (forvaltningslova §§ 18 og 19). Klageretten følgjer av forvaltningslova § 28."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nynorsk_letters_use_nynorsk_forms() {
        let nn = appeal(LetterLanguage::Nynorsk, 3, "2024-03-26", "departementet");
        for word in ["tre veker", "frå", "innan", "ikkje", "forvaltningslova"] {
            assert!(nn.contains(word), "{word} missing: {nn}");
        }
        let nb = appeal(LetterLanguage::Bokmal, 3, "2024-03-26", "departementet");
        assert!(nb.contains("tre uker") && nb.contains("innen") && !nb.contains("ikkje"));
        assert_eq!(wording(LetterLanguage::Nynorsk).reasons, "Grunngiving");
        let s = decision_sentence(
            DecisionKind::ApproveEntry,
            LetterLanguage::Nynorsk,
            Some("arabisk"),
            Some("B"),
            None,
        );
        assert_eq!(
            s,
            "IMDi har vedteke at du blir ført opp i Nasjonalt tolkeregister for arabisk i kategori B."
        );
    }
}
