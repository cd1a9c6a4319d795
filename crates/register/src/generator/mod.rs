//! The deterministic synthetic register: a seeded history from the first listings up to mid
//! 2026 whose year-end figures reproduce IMDi's annual report, built through the real rules.
//!
//! Every change goes through `rules::apply`, so each entry's category follows from the
//! qualifications generated for it. The plan below is the only place the figures live.

pub mod people;
mod plan;
mod planning;
mod recording;

use std::collections::{BTreeMap, HashSet};

use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, Month};

use crate::category::Category;
use crate::command::{ChangeMeta, Command};
use crate::interpreter_number::InterpreterNumber;
use crate::language::{LanguageCode, LanguageKind};
use crate::licence::LicenceStatus;
use crate::mutation;
use crate::national_id::NationalId;
use crate::qualification::{NewQualification, QualificationKind};
use crate::record::{InterpreterRecord, TestPart};
use crate::reference::Catalogue;
use crate::rules;
use crate::store::{Change, Database};
use crate::timestamp::Timestamp;

use people::NameBook;
pub use plan::{BASE_ENTRIES, FIGURES, Figures, LAST_DAY, YearPlan, plan};

/// How to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub seed: u64,
    /// Approximate number of entries in the final register; `None` is the fixture register
    /// whose history matches IMDi's figures exactly.
    pub scale: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 2023,
            scale: None,
        }
    }
}

/// The generated history and the resulting records.
pub struct Generated {
    /// Every change in the order it took effect.
    pub changes: Vec<Change>,
    pub records: Vec<InterpreterRecord>,
}

/// The actor recorded for generated history.
pub const ACTOR: &str = "system:fixtures";

/// Generates the register.
pub fn generate(catalogue: &Catalogue, options: Options) -> Generated {
    let factor = options.scale.map_or(1.0, |n| n as f64 / BASE_ENTRIES as f64);
    let mut g = Engine::new(catalogue, options.seed);
    for year in plan() {
        g.run_year(&year.scaled(factor));
    }
    g.sanctions(factor);
    Generated {
        changes: g.changes,
        records: g.records,
    }
}

/// One new entry to place: its language, category, and whether a licence behind it is granted
/// in the plan's year (IMDi's count of new authorisations).
#[derive(Debug, Clone, Copy)]
struct Slot {
    language: LanguageCode,
    category: Category,
    licence_this_year: bool,
}

/// Something planned for a day, expanded into commands when applied in date order.
#[derive(Debug, Clone)]
enum Event {
    Register {
        slot: Slot,
        temp: usize,
    },
    AddLanguage {
        who: Who,
        slot: Slot,
    },
    Upgrade {
        number: InterpreterNumber,
        language: LanguageCode,
        from: Category,
        to: Category,
        licence: bool,
    },
    Withdraw {
        number: InterpreterNumber,
    },
}

/// A person by number, or by their place among the year's new people before they have one.
#[derive(Debug, Clone, Copy)]
enum Who {
    Existing(InterpreterNumber),
    New(usize),
}

struct Engine<'a> {
    rng: ChaCha8Rng,
    catalogue: &'a Catalogue,
    names: NameBook,
    records: Vec<InterpreterRecord>,
    changes: Vec<Change>,
    /// When each record last changed, so later additions never go back in time.
    last_change: Vec<Timestamp>,
    spoken: Vec<(LanguageCode, f64)>,
    /// National identity numbers given out so far: no two people share one.
    national_ids: HashSet<NationalId>,
}

impl<'a> Engine<'a> {
    fn new(catalogue: &'a Catalogue, seed: u64) -> Self {
        let spoken = catalogue
            .languages()
            .filter(|l| l.kind == LanguageKind::Spoken && l.code.as_str() != plan::UKRAINIAN)
            .map(|l| (l.code, plan::language_weight(l.code.as_str())))
            .collect();
        Engine {
            rng: ChaCha8Rng::seed_from_u64(seed),
            catalogue,
            names: NameBook::bundled(),
            records: Vec::new(),
            changes: Vec::new(),
            last_change: Vec::new(),
            spoken,
            national_ids: HashSet::new(),
        }
    }

    fn code(s: &str) -> LanguageCode {
        s.parse().expect("plan uses valid language codes")
    }

    fn record(&self, n: InterpreterNumber) -> &InterpreterRecord {
        &self.records[(n.get() - InterpreterNumber::FIRST.get()) as usize]
    }

    fn listed_count(&self, r: &InterpreterRecord) -> usize {
        r.entries
            .iter()
            .filter(|e| e.status == crate::entry_status::EntryStatus::Active && e.category.is_some())
            .count()
    }

    /// A random instant on a day of `year` within `[from_day, to_day]` (days of the year).
    fn day_in(&mut self, year: i32, from_day: u16, to_day: u16) -> Date {
        let last = if year >= plan::LAST_DAY.year() {
            plan::LAST_DAY.ordinal()
        } else if time::util::is_leap_year(year) {
            366
        } else {
            365
        };
        let to = to_day.min(last);
        let from = from_day.clamp(1, to);
        let ordinal = self.rng.random_range(from..=to);
        Date::from_ordinal_date(year, ordinal).expect("ordinal within year")
    }

    fn spoken_language(&mut self) -> LanguageCode {
        self.spoken
            .choose_weighted(&mut self.rng, |(_, w)| *w)
            .map(|(c, _)| *c)
            .unwrap_or(Self::code("ARB"))
    }

    fn run_year(&mut self, y: &YearPlan) {
        let mut events: Vec<(Date, Event)> = Vec::new();
        let mut busy: HashSet<InterpreterNumber> = HashSet::new();
        self.plan_upgrades(y, &mut events, &mut busy);
        self.plan_withdrawals(y, &mut events, &mut busy);
        self.plan_new_entries(y, &mut events, &busy);
        self.plan_other_kinds(y, &mut events);
        self.apply_events(y, events);
    }
}

fn meta(at: Timestamp, reason: &str) -> ChangeMeta {
    ChangeMeta {
        actor: ACTOR.into(),
        reason: reason.into(),
        effective_at: at,
    }
}

/// Writes generated changes to `store` in transactions of `batch` changes; returns how many
/// changes were written. The statistical projection is built once from the loaded history at
/// the end instead of following every batch.
pub async fn load(store: &Database, changes: Vec<Change>, batch: usize) -> Result<usize, crate::store::StoreError> {
    let total = changes.len();
    store.suspend_statistics().await?;
    let mut it = changes.into_iter().peekable();
    while it.peek().is_some() {
        let chunk: Vec<Change> = it.by_ref().take(batch.max(1)).collect();
        store.write_changes(chunk).await?;
    }
    store.rebuild_statistics().await?;
    Ok(total)
}
