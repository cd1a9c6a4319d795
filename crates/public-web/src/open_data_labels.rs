//! The public service's words for the open-data files: table titles, dimension, category and
//! measure names in bokmål, nynorsk or English from the i18n modules, and the catalogue's
//! dataset descriptions. Words only: which tables exist and what they hold is decided elsewhere.

use open_data::{DatasetInfo, Frequency, Labels, Temporal, Texts};
use register::statistics::table::Table;
use register::{Catalogue, LanguageKind};
use time::Date;

use crate::i18n::Lang;
use crate::statistics_query::FIRST_DAY;
use crate::views::parts::{county_name, language_name};
use crate::views::statistics::{TABLE_IDS, is_single_day};

/// The words of one page language, with the catalogue for language and county names.
pub struct PublicLabels<'a> {
    pub lang: Lang,
    pub catalogue: &'a Catalogue,
}

impl Labels for PublicLabels<'_> {
    fn title(&self, table: &Table) -> String {
        let t = self.lang.texts();
        let title = (t.stats.table_title)(&table.id).unwrap_or(&table.id).to_string();
        match table.day {
            Some(day) => format!("{title}, {}", (t.date)(day)),
            None => title,
        }
    }

    fn dimension(&self, id: &str) -> String {
        (self.lang.texts().stats.dimension)(id).unwrap_or(id).to_string()
    }

    fn category(&self, dimension_id: &str, code: &str) -> String {
        let t = self.lang.texts();
        let s = t.stats;
        if code == register::statistics::tables::TOTAL {
            return s.total.to_string();
        }
        match dimension_id {
            "day" => match Date::parse(code, &time::format_description::well_known::Iso8601::DATE) {
                Ok(day) => (s.short_date)(day),
                Err(_) => code.to_string(),
            },
            "kind" => code
                .parse::<LanguageKind>()
                .map_or_else(|_| code.to_string(), |k| (t.kind)(k).to_string()),
            "measure" => (s.measure)(code).unwrap_or(code).to_string(),
            "language" => code
                .parse()
                .map_or_else(|_| code.to_string(), |c| language_name(self.catalogue, self.lang, c)),
            "county" => code
                .parse()
                .map_or_else(|_| code.to_string(), |c| county_name(self.catalogue, c)),
            _ => code.to_string(),
        }
    }

    fn language_tag(&self) -> &str {
        self.lang.code()
    }

    fn suppressed_note(&self) -> String {
        self.lang.texts().stats.suppressed_download_note.to_string()
    }
}

/// What the catalogue says of each public table, in the three languages.
pub fn datasets() -> Vec<DatasetInfo> {
    let three = |f: fn(&crate::i18n::StatsTexts, &str) -> String, id: &str| {
        let [nb, nn, en] = Lang::ALL.map(|l| f(l.texts().stats, id));
        Texts::new(nb, nn, en)
    };
    TABLE_IDS
        .iter()
        .map(|id| DatasetInfo {
            table_id: id.to_string(),
            title: three(|s, id| (s.table_title)(id).unwrap_or(id).to_string(), id),
            description: three(|s, id| (s.table_description)(id).unwrap_or(id).to_string(), id),
            temporal: Temporal {
                start: FIRST_DAY,
                end: None,
            },
            frequency: if is_single_day(id) {
                Frequency::Continuous
            } else {
                Frequency::Semiannual
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use register::statistics::table::Dimension;
    use time::macros::date;

    #[test]
    fn codes_become_words_in_the_chosen_language() {
        let catalogue = Catalogue::bundled();
        let nb = PublicLabels {
            lang: Lang::Nb,
            catalogue: &catalogue,
        };
        let en = PublicLabels {
            lang: Lang::En,
            catalogue: &catalogue,
        };
        assert_eq!(nb.category("language", "UKR"), "ukrainsk");
        assert_eq!(en.category("language", "UKR"), "Ukrainian");
        assert_eq!(nb.category("county", "03"), "Oslo");
        assert_eq!(nb.category("category", "total"), "I alt");
        assert_eq!(nb.category("day", "2023-12-31"), "31.12.2023");
        assert_eq!(en.category("kind", "sign"), (Lang::En.texts().kind)(LanguageKind::Sign));
        assert_eq!(nb.category("measure", "unique_persons"), "Personer");
        assert_eq!(nb.dimension("county"), "Fylke");
        assert_eq!(en.language_tag(), "en");
        let table = Table::new(
            "language-by-county",
            Some(date!(2023 - 12 - 31)),
            vec![Dimension::new("language", ["ARB"])],
        );
        assert_eq!(nb.title(&table), "Oppføringer per språk og fylke, 31. desember 2023");
    }

    #[test]
    fn every_table_is_described_in_three_languages() {
        let all = datasets();
        assert_eq!(all.len(), TABLE_IDS.len());
        for d in &all {
            for text in [&d.title.nb, &d.title.nn, &d.title.en, &d.description.en] {
                assert!(!text.is_empty() && *text != d.table_id, "{}", d.table_id);
            }
        }
        assert_eq!(all[0].frequency, Frequency::Semiannual);
    }
}
