//! The three languages both services answer in (bokmål by default, nynorsk, English) and how a
//! request chooses one: an explicit `lang` value, else the Accept-Language header. Shared so the
//! public and the staff service negotiate alike; no texts here.

/// A language of the services' answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum UiLanguage {
    #[default]
    Nb,
    Nn,
    En,
}

impl UiLanguage {
    pub const ALL: [UiLanguage; 3] = crate::string_enum::all();

    /// The code used in `lang=` and in Content-Language.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Exactly `nb`, `nn` or `en`; anything else is `None` (the caller decides whether that is
    /// an error or bokmål).
    pub fn from_code(code: &str) -> Option<UiLanguage> {
        UiLanguage::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The most preferred of our languages in an Accept-Language header (RFC 9110 §12.5.4):
    /// highest weight first, the header's order among equals; `no` (Norwegian) means bokmål.
    /// `None` when the header names none of them.
    pub fn from_accept_language(header: &str) -> Option<UiLanguage> {
        let mut best: Option<(u16, UiLanguage)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_string))
                .map_or(Some(1000), |q| weight(&q));
            let primary = tag.split('-').next().unwrap_or("");
            let lang = match primary {
                "nb" | "no" => UiLanguage::Nb,
                "nn" => UiLanguage::Nn,
                "en" => UiLanguage::En,
                _ => continue,
            };
            match weight {
                Some(w) if w > 0 && best.is_none_or(|(b, _)| w > b) => best = Some((w, lang)),
                _ => {}
            }
        }
        best.map(|(_, l)| l)
    }

    /// `lang` when it is given (and one of ours), else Accept-Language, else bokmål.
    pub fn negotiate(lang: Option<&str>, accept_language: Option<&str>) -> UiLanguage {
        lang.and_then(UiLanguage::from_code)
            .or_else(|| accept_language.and_then(UiLanguage::from_accept_language))
            .unwrap_or_default()
    }
}

/// A quality value as thousandths (`0.8` is 800); `None` when it is not one.
fn weight(q: &str) -> Option<u16> {
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_most_preferred_of_ours() {
        for (header, want) in [
            ("nn-NO,nn;q=0.9,nb;q=0.8", Some(UiLanguage::Nn)),
            ("en-GB,en;q=0.9", Some(UiLanguage::En)),
            ("no", Some(UiLanguage::Nb)),
            ("de-DE,de;q=0.9,en;q=0.5,nn;q=0.6", Some(UiLanguage::Nn)),
            ("en;q=0, nn;q=0.1", Some(UiLanguage::Nn)),
            ("fr, *;q=0.5", None),
            ("en;q=2", None),
            ("", None),
        ] {
            assert_eq!(UiLanguage::from_accept_language(header), want, "{header}");
        }
        assert_eq!(UiLanguage::negotiate(Some("en"), Some("nn")), UiLanguage::En);
        assert_eq!(UiLanguage::negotiate(Some("xx"), Some("nn")), UiLanguage::Nn);
        assert_eq!(UiLanguage::negotiate(None, None), UiLanguage::Nb);
    }
}
