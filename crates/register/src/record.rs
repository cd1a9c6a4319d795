//! An interpreter's whole record: profile, qualifications, licences, authorisation-test results
//! and entries, as it stands at one moment. The unit every rule works on; no storage code.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::category::Category;
use crate::entry_status::EntryStatus;
use crate::interpreter::Profile;
use crate::interpreter_number::InterpreterNumber;
use crate::language::{LanguageCode, LanguageKind};
use crate::licence::Licence;
use crate::qualification::Qualification;
use crate::timestamp::Timestamp;

/// An interpreter listed for one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub language: LanguageCode,
    pub kind: LanguageKind,
    /// Derived from qualifications and licences; `None` when nothing yields a category.
    pub category: Option<Category>,
    pub status: EntryStatus,
}

impl Entry {
    /// Whether the entry is shown to the public on `day`.
    pub fn is_listed_on(&self, day: Date) -> bool {
        self.category.is_some() && self.status.effective_on(day) == EntryStatus::Active
    }
}

/// One stored version of an entry: its category and status from `from` until the entry's next
/// version. The versions of an entry are its history; the last one is the entry as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryVersion {
    pub language: LanguageCode,
    pub from: Timestamp,
    pub category: Option<Category>,
    pub status: EntryStatus,
}

/// The first day of the unbroken listing an entry is in on `day`, from its `versions` (of that
/// one entry, in any order; versions from after `day` are ignored). `None` when the entry is not
/// listed on `day`. Changes that keep the entry listed (a new category) do not break the listing;
/// a suspension, an exclusion, a withdrawal or a lost basis does, so after one the listing starts
/// again on the day it ended — for an exclusion for a period, its end date, also when nobody
/// recorded the end.
pub fn listed_since<'a>(versions: impl IntoIterator<Item = &'a EntryVersion>, day: Date) -> Option<Date> {
    let mut versions: Vec<&EntryVersion> = versions.into_iter().filter(|v| v.from.date() <= day).collect();
    versions.sort_by_key(|v| v.from);
    let mut start = None;
    // Back from the version in force on `day`, while each version was listed all through.
    for (i, v) in versions.iter().enumerate().rev() {
        if v.category.is_none() {
            break;
        }
        // When this version gave way to the next one (none: it is still in force on `day`).
        let ended = versions.get(i + 1).map(|next| next.from);
        match v.status {
            EntryStatus::Active => start = Some(v.from.date()),
            EntryStatus::Excluded { until } => {
                let lifted = match ended {
                    None => until <= day,
                    Some(ended) => Timestamp::start_of(until) < ended,
                };
                if lifted {
                    start = Some(until.max(v.from.date()));
                }
                break;
            }
            _ => break,
        }
    }
    start
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::EnumString, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum TestPart {
    Written,
    Oral,
}

impl TestPart {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One sitting of the authorisation test (written screening or oral part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationTest {
    pub no: i32,
    pub language: LanguageCode,
    pub part: TestPart,
    pub taken_on: Date,
    pub passed: bool,
}

/// The full record of one interpreter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterpreterRecord {
    pub number: InterpreterNumber,
    pub profile: Profile,
    pub qualifications: Vec<Qualification>,
    pub licences: Vec<Licence>,
    pub tests: Vec<AuthorisationTest>,
    pub entries: Vec<Entry>,
    /// The highest qualification number ever used, including ended ones, so numbers are never
    /// reused.
    #[serde(skip)]
    pub qualification_high_water: i32,
    /// Every version of every entry up to the moment the record stands at (see
    /// [`listed_since`]); empty for a record built without its history.
    #[serde(skip)]
    pub entry_history: Vec<EntryVersion>,
}

impl InterpreterRecord {
    pub fn new(number: InterpreterNumber, profile: Profile) -> Self {
        Self {
            number,
            profile,
            qualifications: Vec::new(),
            licences: Vec::new(),
            tests: Vec::new(),
            entries: Vec::new(),
            qualification_high_water: 0,
            entry_history: Vec::new(),
        }
    }

    pub fn entry(&self, language: LanguageCode) -> Option<&Entry> {
        self.entries.iter().find(|e| e.language == language)
    }

    pub fn entry_mut(&mut self, language: LanguageCode) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.language == language)
    }

    /// Entries shown to the public on `day`.
    pub fn listed_entries(&self, day: Date) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.is_listed_on(day))
    }

    pub fn is_listed_on(&self, day: Date) -> bool {
        self.listed_entries(day).next().is_some()
    }

    /// The first day of the unbroken listing `language`'s entry is in on `day` (see
    /// [`listed_since`]), `None` when that entry is not listed on `day` or its history is not known.
    pub fn listed_since(&self, language: LanguageCode, day: Date) -> Option<Date> {
        self.entry(language).filter(|e| e.is_listed_on(day))?;
        listed_since(self.entry_history.iter().filter(|v| v.language == language), day)
    }

    /// Adds to the history the entries that `self` has changed since `before`, as of `at`
    /// (what storage writes as new entry versions).
    pub fn record_entry_changes(&mut self, before: Option<&InterpreterRecord>, at: Timestamp) {
        for e in &self.entries {
            if before.and_then(|b| b.entry(e.language)) != Some(e) {
                self.entry_history.push(EntryVersion {
                    language: e.language,
                    from: at,
                    category: e.category,
                    status: e.status,
                });
            }
        }
    }

    /// The next free number for a qualification, licence or test within this record; `used`
    /// is the highest number handed out before, so ended items' numbers are not reused.
    pub(crate) fn next_no(items: impl Iterator<Item = i32>, used: i32) -> i32 {
        items.max().unwrap_or(0).max(used) + 1
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::entry_status::EntryStatus::*;

    fn arb() -> LanguageCode {
        "ARB".parse().unwrap()
    }

    fn version(day: Date, hour: u8, category: Option<Category>, status: EntryStatus) -> EntryVersion {
        EntryVersion {
            language: arb(),
            from: Timestamp::at(day, hour, 0),
            category,
            status,
        }
    }

    const B: Option<Category> = Some(Category::B);

    #[test]
    fn listed_since_the_approval() {
        let v = [version(date!(2024 - 03 - 04), 10, B, Active)];
        assert_eq!(listed_since(&v, date!(2026 - 12 - 02)), Some(date!(2024 - 03 - 04)));
        assert_eq!(listed_since(&v, date!(2024 - 03 - 04)), Some(date!(2024 - 03 - 04)));
        // Before the approval the entry was not listed.
        assert_eq!(listed_since(&v, date!(2024 - 03 - 03)), None);
        assert_eq!(listed_since(&[], date!(2026 - 12 - 02)), None);
    }

    #[test]
    fn a_new_category_keeps_the_listing_unbroken() {
        let v = [
            version(date!(2022 - 05 - 01), 9, Some(Category::E), Active),
            version(date!(2023 - 06 - 01), 9, Some(Category::D), Active),
            version(date!(2025 - 01 - 10), 9, Some(Category::A), Active),
        ];
        assert_eq!(listed_since(&v, date!(2026 - 12 - 02)), Some(date!(2022 - 05 - 01)));
        // The order the versions come in does not matter.
        let reversed: Vec<EntryVersion> = v.iter().rev().cloned().collect();
        assert_eq!(
            listed_since(&reversed, date!(2026 - 12 - 02)),
            Some(date!(2022 - 05 - 01))
        );
    }

    #[test]
    fn a_gap_starts_the_listing_again() {
        // Listed, suspended while a tip was handled, listed again: the later start counts.
        let v = [
            version(date!(2023 - 02 - 01), 9, B, Active),
            version(date!(2026 - 04 - 15), 14, B, Suspended),
            version(date!(2026 - 12 - 02), 11, B, Active),
        ];
        assert_eq!(listed_since(&v, date!(2026 - 12 - 04)), Some(date!(2026 - 12 - 02)));
        // While suspended: not listed; before it: since the first approval.
        assert_eq!(listed_since(&v, date!(2026 - 06 - 01)), None);
        assert_eq!(listed_since(&v, date!(2026 - 04 - 14)), Some(date!(2023 - 02 - 01)));
        // A suspension lifted the same day still breaks the listing.
        let same_day = [
            version(date!(2023 - 02 - 01), 9, B, Active),
            version(date!(2026 - 12 - 02), 9, B, Suspended),
            version(date!(2026 - 12 - 02), 15, B, Active),
        ];
        assert_eq!(
            listed_since(&same_day, date!(2026 - 12 - 03)),
            Some(date!(2026 - 12 - 02))
        );
        // Withdrawn and reinstated, or without basis and restored: the same.
        for gap in [Withdrawn, NoBasis, ExcludedPermanently] {
            let v = [
                version(date!(2023 - 02 - 01), 9, B, Active),
                version(date!(2024 - 01 - 01), 9, B, gap),
                version(date!(2025 - 08 - 20), 9, B, Active),
            ];
            assert_eq!(
                listed_since(&v, date!(2026 - 12 - 04)),
                Some(date!(2025 - 08 - 20)),
                "{gap:?}"
            );
        }
        // Active but without a category is not listed either.
        let v = [
            version(date!(2023 - 02 - 01), 9, B, Active),
            version(date!(2024 - 01 - 01), 9, None, Active),
            version(date!(2025 - 08 - 20), 9, B, Active),
        ];
        assert_eq!(listed_since(&v, date!(2026 - 12 - 04)), Some(date!(2025 - 08 - 20)));
    }

    #[test]
    fn an_exclusion_for_a_period_ends_on_its_end_date() {
        let excluded = Excluded {
            until: date!(2026 - 06 - 01),
        };
        // Nobody has recorded the end yet: listed again from the end date.
        let v = [
            version(date!(2023 - 02 - 01), 9, B, Active),
            version(date!(2026 - 01 - 05), 9, B, excluded),
        ];
        assert_eq!(listed_since(&v, date!(2026 - 05 - 31)), None);
        assert_eq!(listed_since(&v, date!(2026 - 06 - 01)), Some(date!(2026 - 06 - 01)));
        assert_eq!(listed_since(&v, date!(2026 - 12 - 04)), Some(date!(2026 - 06 - 01)));
        // The end recorded a few days later does not move the start.
        let recorded = [v[0].clone(), v[1].clone(), version(date!(2026 - 06 - 03), 2, B, Active)];
        assert_eq!(
            listed_since(&recorded, date!(2026 - 12 - 04)),
            Some(date!(2026 - 06 - 01))
        );
        // Lifted early by a decision: listed from the decision.
        let lifted = [
            v[0].clone(),
            v[1].clone(),
            version(date!(2026 - 03 - 10), 12, B, Active),
        ];
        assert_eq!(
            listed_since(&lifted, date!(2026 - 12 - 04)),
            Some(date!(2026 - 03 - 10))
        );
    }

    #[test]
    fn the_record_answers_per_language_from_its_history() {
        let profile = crate::interpreter::tests::sample_profile();
        let mut before = InterpreterRecord::new(InterpreterNumber::FIRST, profile);
        let mut after = before.clone();
        after.entries.push(Entry {
            language: arb(),
            kind: LanguageKind::Spoken,
            category: B,
            status: Active,
        });
        after.record_entry_changes(Some(&before), Timestamp::at(date!(2025 - 02 - 03), 10, 0));
        assert_eq!(
            after.listed_since(arb(), date!(2026 - 12 - 04)),
            Some(date!(2025 - 02 - 03))
        );
        // Nothing changed: nothing added to the history.
        before = after.clone();
        after.record_entry_changes(Some(&before), Timestamp::at(date!(2025 - 05 - 03), 10, 0));
        assert_eq!(after.entry_history.len(), 1);
        after.entries[0].status = Suspended;
        assert_eq!(after.listed_since(arb(), date!(2026 - 12 - 04)), None);
        assert_eq!(after.listed_since("PES".parse().unwrap(), date!(2026 - 12 - 04)), None);
    }
}
