//! The fixture register's plan, year by year: IMDi's published figures and the flows (new
//! entries, upgrades, withdrawals, new people) chosen so that every figure comes out exactly.

use crate::category::Category;

pub const UKRAINIAN: &str = "UKR";
/// The generated history ends here, so no change lies in the future of anyone using it.
pub const LAST_DAY: time::Date = time::macros::date!(2026 - 06 - 30);
/// The plan's first year covers everything listed up to and including it.
pub const FIRST_YEAR: i32 = 2020;
/// From this year new E entries are all bilingual test + TAO (IMDi's 2023 count).
pub const NEW_BILINGUAL_ONLY_FROM: i32 = 2023;

/// The figures the fixture register must reproduce on 31 December of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    pub year: i32,
    /// Spoken-language entries per category A–E (IMDi's table).
    pub spoken_per_category: [usize; 5],
    /// Persons listed in any kind; `None` where IMDi published none.
    pub unique_persons: Option<usize>,
    pub persons_with_two_or_more_languages: Option<usize>,
    pub sign_language_entries: usize,
    pub ukrainian_entries: usize,
    /// Licences granted during the year, and in how many languages; `None` where unpublished.
    pub new_authorisations: Option<(usize, usize)>,
    /// New E entries qualified by bilingual test + TAO during the year.
    pub new_by_bilingual_test: Option<usize>,
}

/// DOMAIN.md / IMDi's annual report 2023. Ukrainian had 13 interpreters before the growth
/// after 2022 and 134 at the end of 2023; we hold 13 at the end of both 2021 and 2022.
pub const FIGURES: [Figures; 4] = [
    Figures {
        year: 2020,
        spoken_per_category: [18, 217, 43, 745, 630],
        unique_persons: None,
        persons_with_two_or_more_languages: None,
        sign_language_entries: 0,
        ukrainian_entries: 11,
        new_authorisations: None,
        new_by_bilingual_test: None,
    },
    Figures {
        year: 2021,
        spoken_per_category: [26, 234, 45, 814, 829],
        unique_persons: None,
        persons_with_two_or_more_languages: None,
        sign_language_entries: 0,
        ukrainian_entries: 13,
        new_authorisations: None,
        new_by_bilingual_test: None,
    },
    Figures {
        year: 2022,
        spoken_per_category: [66, 242, 42, 879, 1016],
        unique_persons: Some(1891),
        persons_with_two_or_more_languages: None,
        sign_language_entries: 0,
        ukrainian_entries: 13,
        new_authorisations: None,
        new_by_bilingual_test: None,
    },
    Figures {
        year: 2023,
        spoken_per_category: [92, 483, 43, 997, 1167],
        unique_persons: Some(2338),
        persons_with_two_or_more_languages: Some(599),
        sign_language_entries: 268,
        ukrainian_entries: 134,
        new_authorisations: Some((18, 6)),
        new_by_bilingual_test: Some(185),
    },
];

/// An upgrade of existing entries by a new qualification (or a licence when `licence`).
#[derive(Debug, Clone, Copy)]
pub struct Upgrade {
    pub from: Category,
    pub to: Category,
    pub count: usize,
    pub licence: bool,
}

/// Sign language, speech-to-text and deafblind interpreting in a year.
#[derive(Debug, Clone, Copy)]
pub struct OtherKinds {
    pub sign_b: usize,
    pub sign_d: usize,
    /// Sign-language interpreters also listed for speech-to-text / deafblind interpreting.
    pub speech_to_text_extra: usize,
    pub deafblind_extra: usize,
    /// People listed for speech-to-text interpreting only.
    pub speech_to_text_only: usize,
}

/// The flows of one year for spoken languages (plus other kinds).
#[derive(Debug, Clone)]
pub struct YearPlan {
    pub year: i32,
    /// New spoken entries per category A–E.
    pub new_entries: [usize; 5],
    pub upgrades: Vec<Upgrade>,
    /// Whole-person withdrawals of single-language interpreters, per category.
    pub withdrawals: [usize; 5],
    /// New spoken-language people (each takes one of the new entries first).
    pub new_persons: usize,
    /// Single-language people who get a second language this year.
    pub new_multi: usize,
    pub ukrainian: usize,
    /// New A/C entries whose licence is granted this year (the rest of the year's new
    /// authorisations are B→A upgrades).
    pub new_licences_new_entries: usize,
    pub licence_languages: Vec<&'static str>,
    pub other_kinds: Option<OtherKinds>,
}

/// A year's chosen flows: upgrades, withdrawals (A–E), spoken-language persons and
/// multi-language persons at year end, and new Ukrainian entries.
struct Flow {
    year: i32,
    upgrades: Vec<Upgrade>,
    withdrawals: [usize; 5],
    persons_end: usize,
    multi_end: usize,
    ukrainian: usize,
}

const fn up(from: Category, to: Category, count: usize, licence: bool) -> Upgrade {
    Upgrade {
        from,
        to,
        count,
        licence,
    }
}

/// The flows per year. New entries per category follow from the targets:
/// `new = target − (previous + upgrades in − upgrades out − withdrawals)`; see `derived_new`.
pub fn plan() -> Vec<YearPlan> {
    use Category::*;
    let flow = |year, upgrades, withdrawals, persons_end, multi_end, ukrainian| Flow {
        year,
        upgrades,
        withdrawals,
        persons_end,
        multi_end,
        ukrainian,
    };
    let flows = [
        flow(2020, vec![], [0; 5], 1420, 200, 11),
        flow(
            2021,
            vec![up(E, D, 12, false), up(D, B, 5, true), up(C, B, 2, false)],
            [0, 0, 0, 4, 5],
            1660,
            245,
            2,
        ),
        flow(
            2022,
            vec![
                up(E, D, 15, false),
                up(D, B, 6, false),
                up(C, B, 3, false),
                up(C, A, 1, false),
            ],
            [0, 2, 0, 5, 8],
            1891,
            300,
            0,
        ),
        flow(
            2023,
            vec![
                up(E, D, 20, false),
                up(D, B, 10, false),
                up(C, A, 1, false),
                up(B, A, 2, true),
            ],
            [0, 3, 0, 6, 14],
            2055,
            539,
            121,
        ),
    ];
    let mut out = Vec::new();
    let mut previous = [0usize; 5];
    let (mut persons, mut multi) = (0usize, 0usize);
    for (
        i,
        Flow {
            year,
            upgrades,
            withdrawals,
            persons_end,
            multi_end,
            ukrainian,
        },
    ) in flows.into_iter().enumerate()
    {
        let target = FIGURES[i].spoken_per_category;
        let new_entries = derived_new(previous, target, &upgrades, withdrawals);
        let withdrawn: usize = withdrawals.iter().sum();
        let new_persons = persons_end + withdrawn - persons;
        let (new_licences_new_entries, licence_languages, other_kinds) = if year == 2023 {
            (
                16,
                vec!["ARB", "RUS", "POL", "SOM", "PRS", "TIR"],
                Some(OtherKinds {
                    sign_b: 220,
                    sign_d: 48,
                    speech_to_text_extra: 30,
                    deafblind_extra: 30,
                    speech_to_text_only: 15,
                }),
            )
        } else {
            (0, vec![], None)
        };
        out.push(YearPlan {
            year,
            new_entries,
            upgrades,
            withdrawals,
            new_persons,
            new_multi: multi_end - multi,
            ukrainian,
            new_licences_new_entries,
            licence_languages,
            other_kinds,
        });
        previous = target;
        persons = persons_end;
        multi = multi_end;
    }
    // After 2023: steady growth, no published figures to match.
    for year in [2024, 2025, 2026] {
        let half = year == 2026;
        let n = |x: usize| if half { x / 2 } else { x };
        out.push(YearPlan {
            year,
            new_entries: [n(6), n(20), n(2), n(40), n(70)],
            upgrades: vec![up(E, D, n(14), false), up(D, B, n(4), false)],
            withdrawals: [0, n(2), 0, n(5), n(9)],
            new_persons: n(100),
            new_multi: n(24),
            ukrainian: n(16),
            new_licences_new_entries: 0,
            licence_languages: vec![],
            other_kinds: Some(OtherKinds {
                sign_b: n(14),
                sign_d: 0,
                speech_to_text_extra: n(3),
                deafblind_extra: n(2),
                speech_to_text_only: n(2),
            }),
        });
    }
    out
}

/// New entries per category that make the year end on `target`.
fn derived_new(previous: [usize; 5], target: [usize; 5], upgrades: &[Upgrade], withdrawals: [usize; 5]) -> [usize; 5] {
    let mut stay = previous.map(|p| p as i64);
    for u in upgrades {
        stay[idx(u.from)] -= u.count as i64;
        stay[idx(u.to)] += u.count as i64;
    }
    let mut new = [0usize; 5];
    for i in 0..5 {
        let n = target[i] as i64 - (stay[i] - withdrawals[i] as i64);
        assert!(n >= 0, "plan needs a negative number of new entries in category {i}");
        new[i] = n as usize;
    }
    new
}

fn idx(c: Category) -> usize {
    Category::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

/// Total entries the unscaled plan produces, for turning `--scale N` into a factor.
pub const BASE_ENTRIES: usize = 3_500;

impl YearPlan {
    /// The same year with every flow multiplied by `factor` (for benchmark registers).
    pub fn scaled(&self, factor: f64) -> YearPlan {
        if (factor - 1.0).abs() < f64::EPSILON {
            return self.clone();
        }
        let s = |x: usize| (x as f64 * factor).round() as usize;
        let new_entries = self.new_entries.map(s);
        let total: usize = new_entries.iter().sum();
        let new_persons = s(self.new_persons).min(total);
        YearPlan {
            year: self.year,
            new_entries,
            upgrades: self
                .upgrades
                .iter()
                .map(|u| Upgrade {
                    count: s(u.count),
                    ..*u
                })
                .collect(),
            withdrawals: self.withdrawals.map(s),
            new_persons,
            new_multi: s(self.new_multi).min(total - new_persons),
            ukrainian: s(self.ukrainian),
            new_licences_new_entries: s(self.new_licences_new_entries),
            licence_languages: self.licence_languages.clone(),
            other_kinds: self.other_kinds.map(|o| OtherKinds {
                sign_b: s(o.sign_b),
                sign_d: s(o.sign_d),
                speech_to_text_extra: s(o.speech_to_text_extra),
                deafblind_extra: s(o.deafblind_extra),
                speech_to_text_only: s(o.speech_to_text_only),
            }),
        }
    }
}

/// Relative size of a spoken language among new entries: IMDi's largest languages first.
pub fn language_weight(code: &str) -> f64 {
    match code {
        "ARB" => 14.0,
        "RUS" => 9.0,
        "POL" => 8.0,
        "ENG" => 7.0,
        "SOM" => 6.5,
        "PES" => 6.0,
        "PRS" => 5.5,
        "CKB" => 5.0,
        "SPA" => 4.5,
        "TUR" => 4.0,
        "TIR" => 3.5,
        "FRA" | "AMH" | "PBU" => 2.5,
        "URD" | "VIE" | "THA" | "LIT" | "HBS" | "SQI" | "KMR" | "CMN" | "POR" | "RON" => 1.8,
        _ => 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_flows_are_the_ones_worked_out_by_hand() {
        let p = plan();
        assert_eq!(p[0].new_entries, [18, 217, 43, 745, 630]);
        assert_eq!(p[1].new_entries, [8, 10, 4, 66, 216]);
        assert_eq!(p[2].new_entries, [39, 1, 1, 61, 210]);
        assert_eq!(p[3].new_entries, [23, 236, 2, 114, 185]);
        assert_eq!(
            p.iter().take(4).map(|y| y.new_persons).collect::<Vec<_>>(),
            [1420, 249, 246, 187]
        );
        // Every year has enough extra entries for its new multi-language people.
        for y in &p {
            let total: usize = y.new_entries.iter().sum();
            assert!(y.new_multi <= total - y.new_persons, "{}", y.year);
        }
    }
}
