//! Register figures for one day: entries per category (per kind of interpreting), per kind and
//! per language, unique persons and persons with two or more languages. Pure counting.

use std::collections::BTreeMap;

use serde::Serialize;
use time::Date;

use crate::category::Category;
use crate::language::LanguageKind;
use crate::record::InterpreterRecord;

/// Listed entries per category, with the total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[allow(non_snake_case)]
pub struct PerCategory {
    pub A: usize,
    pub B: usize,
    pub C: usize,
    pub D: usize,
    pub E: usize,
    pub total: usize,
}

impl PerCategory {
    fn add(&mut self, c: Category) {
        *match c {
            Category::A => &mut self.A,
            Category::B => &mut self.B,
            Category::C => &mut self.C,
            Category::D => &mut self.D,
            Category::E => &mut self.E,
        } += 1;
        self.total += 1;
    }

    pub fn get(&self, c: Category) -> usize {
        match c {
            Category::A => self.A,
            Category::B => self.B,
            Category::C => self.C,
            Category::D => self.D,
            Category::E => self.E,
        }
    }
}

/// The figures of the register as listed on one day.
///
/// `entries_per_category.spoken` is IMDi's annual table (entries on 31.12 by category): it
/// covers spoken-language entries, with sign-language, speech-to-text and deafblind
/// interpreting counted under their own kinds. Persons count everyone listed in any kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub as_of: Date,
    pub entries_per_category: BTreeMap<&'static str, PerCategory>,
    pub entries_per_kind: BTreeMap<&'static str, usize>,
    pub entries_per_language: BTreeMap<String, usize>,
    pub unique_persons: usize,
    pub persons_with_two_or_more_languages: usize,
}

/// Counts the entries listed on `day` in `records` (the register as it stood that day).
pub fn count(records: &[InterpreterRecord], day: Date) -> Counts {
    let mut per_category: BTreeMap<&'static str, PerCategory> = BTreeMap::new();
    let mut per_kind: BTreeMap<&'static str, usize> = LanguageKind::ALL.iter().map(|k| (k.as_str(), 0)).collect();
    for kind in LanguageKind::ALL {
        per_category.insert(kind.as_str(), PerCategory::default());
    }
    let mut per_language = BTreeMap::new();
    let (mut persons, mut multi) = (0, 0);
    for r in records {
        let mut listed = 0;
        for e in r.listed_entries(day) {
            let Some(category) = e.category else { continue };
            listed += 1;
            per_category.entry(e.kind.as_str()).or_default().add(category);
            per_category.entry("all").or_default().add(category);
            *per_kind.entry(e.kind.as_str()).or_default() += 1;
            *per_language.entry(e.language.to_string()).or_default() += 1;
        }
        persons += usize::from(listed > 0);
        multi += usize::from(listed > 1);
    }
    per_category.entry("all").or_default();
    Counts {
        as_of: day,
        entries_per_category: per_category,
        entries_per_kind: per_kind,
        entries_per_language: per_language,
        unique_persons: persons,
        persons_with_two_or_more_languages: multi,
    }
}
