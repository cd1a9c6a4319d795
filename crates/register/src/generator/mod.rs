//! The deterministic synthetic register: a seeded history from the first listings up to mid
//! 2026 whose year-end figures reproduce IMDi's annual report, built through the real rules.
//!
//! Every change goes through `rules::apply`, so each entry's category follows from the
//! qualifications generated for it. The plan below is the only place the figures live.

pub mod people;
mod plan;

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

    /// The slots of new entries for a year, shuffled, with Ukrainian slots last so that they
    /// tend to become extra languages of existing interpreters.
    fn slots(&mut self, y: &YearPlan) -> Vec<Slot> {
        let mut slots = Vec::new();
        let mut ukrainian_left = y.ukrainian;
        let mut licences_left = y.new_licences_new_entries;
        for (i, category) in Category::ALL.iter().enumerate() {
            for _ in 0..y.new_entries[i] {
                slots.push(Slot {
                    language: Self::code("ARB"),
                    category: *category,
                    licence_this_year: false,
                });
            }
        }
        slots.shuffle(&mut self.rng);
        // Ukrainian on the lower categories first (new bilingual tests), licences of the
        // year on A and C slots in the year's licence languages.
        for pass in [Category::E, Category::D, Category::B] {
            for s in slots.iter_mut().filter(|s| s.category == pass) {
                if ukrainian_left == 0 {
                    break;
                }
                s.language = Self::code(plan::UKRAINIAN);
                ukrainian_left -= 1;
            }
        }
        let mut licence_languages = y.licence_languages.iter().cycle();
        for s in slots.iter_mut() {
            if s.language.as_str() == plan::UKRAINIAN {
                continue;
            }
            if licences_left > 0 && matches!(s.category, Category::A | Category::C) {
                s.language = Self::code(licence_languages.next().copied().unwrap_or("ARB"));
                s.licence_this_year = true;
                licences_left -= 1;
            } else {
                s.language = self.spoken_language();
            }
        }
        slots.sort_by_key(|s| s.language.as_str() == plan::UKRAINIAN);
        slots
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

    fn plan_upgrades(&mut self, y: &YearPlan, events: &mut Vec<(Date, Event)>, busy: &mut HashSet<InterpreterNumber>) {
        for u in &y.upgrades {
            let mut candidates: Vec<(InterpreterNumber, LanguageCode)> = self
                .records
                .iter()
                .flat_map(|r| r.entries.iter().map(move |e| (r, e)))
                .filter(|(r, e)| {
                    e.kind == LanguageKind::Spoken
                        && e.category == Some(u.from)
                        && e.status == crate::entry_status::EntryStatus::Active
                        && !busy.contains(&r.number)
                        && (!u.licence || !r.licences.iter().any(|l| l.language == e.language))
                        && (!u.licence
                            || y.licence_languages.is_empty()
                            || y.licence_languages.contains(&e.language.as_str()))
                })
                .map(|(r, e)| (r.number, e.language))
                .collect();
            candidates.shuffle(&mut self.rng);
            for (number, language) in candidates.into_iter().take(u.count) {
                busy.insert(number);
                let day = self.day_in(y.year, 15, 350);
                events.push((
                    day,
                    Event::Upgrade {
                        number,
                        language,
                        from: u.from,
                        to: u.to,
                        licence: u.licence,
                    },
                ));
            }
        }
    }

    fn plan_withdrawals(
        &mut self,
        y: &YearPlan,
        events: &mut Vec<(Date, Event)>,
        busy: &mut HashSet<InterpreterNumber>,
    ) {
        for (i, category) in Category::ALL.iter().enumerate() {
            let mut candidates: Vec<InterpreterNumber> = self
                .records
                .iter()
                .filter(|r| !busy.contains(&r.number) && self.listed_count(r) == 1)
                .filter(|r| {
                    r.entries.iter().any(|e| {
                        e.kind == LanguageKind::Spoken
                            && e.category == Some(*category)
                            && e.language.as_str() != plan::UKRAINIAN
                    })
                })
                .map(|r| r.number)
                .collect();
            candidates.shuffle(&mut self.rng);
            for number in candidates.into_iter().take(y.withdrawals[i]) {
                busy.insert(number);
                let day = self.day_in(y.year, 10, 355);
                events.push((day, Event::Withdraw { number }));
            }
        }
    }

    fn plan_new_entries(&mut self, y: &YearPlan, events: &mut Vec<(Date, Event)>, busy: &HashSet<InterpreterNumber>) {
        let slots = self.slots(y);
        let new_people = y.new_persons.min(slots.len());
        let (firsts, extras) = slots.split_at(new_people);
        let mut new_days = Vec::new();
        for (temp, slot) in firsts.iter().enumerate() {
            let day = if y.year <= plan::FIRST_YEAR {
                let year = self.rng.random_range(2008..=y.year);
                self.day_in(year, 1, 330)
            } else {
                self.day_in(y.year, 1, 330)
            };
            new_days.push(day);
            events.push((day, Event::Register { slot: *slot, temp }));
        }
        // Languages each candidate already has (or will have), to avoid duplicates.
        let mut langs: BTreeMap<usize, Vec<LanguageCode>> = BTreeMap::new();
        let existing: Vec<&InterpreterRecord> = self
            .records
            .iter()
            .filter(|r| !busy.contains(&r.number) && (1..4).contains(&self.listed_count(r)))
            .filter(|r| r.entries.iter().all(|e| e.kind == LanguageKind::Spoken))
            .collect();
        let mut singles: Vec<Who> = existing
            .iter()
            .filter(|r| self.listed_count(r) == 1)
            .map(|r| Who::Existing(r.number))
            .collect();
        let mut multis: Vec<Who> = existing
            .iter()
            .filter(|r| self.listed_count(r) > 1)
            .map(|r| Who::Existing(r.number))
            .collect();
        let mut known: BTreeMap<i64, Vec<LanguageCode>> = existing
            .iter()
            .map(|r| (r.number.get(), r.entries.iter().map(|e| e.language).collect()))
            .collect();
        for (temp, slot) in firsts.iter().enumerate() {
            singles.push(Who::New(temp));
            langs.insert(temp, vec![slot.language]);
        }
        singles.shuffle(&mut self.rng);
        multis.shuffle(&mut self.rng);
        let russian = Self::code("RUS");
        let to_singles = y.new_multi.min(extras.len());
        for (i, slot) in extras.iter().enumerate() {
            let pool = if i < to_singles { &mut singles } else { &mut multis };
            let has = |who: &Who, code: LanguageCode| match who {
                Who::Existing(n) => known.get(&n.get()).is_some_and(|l| l.contains(&code)),
                Who::New(t) => langs.get(t).is_some_and(|l| l.contains(&code)),
            };
            // Ukrainian goes to Russian interpreters where there are any.
            let prefer_russian = slot.language.as_str() == plan::UKRAINIAN;
            // Try random candidates before scanning: people who already have the language
            // pile up in the pool, and a scan from the front would make large registers
            // quadratic.
            if pool.is_empty() {
                continue;
            }
            let len = pool.len();
            let fits = |i: usize, russian_only: bool| {
                !has(&pool[i], slot.language) && (!russian_only || has(&pool[i], russian))
            };
            let mut pick = None;
            for russian_only in [prefer_russian, false] {
                pick = pick.or_else(|| {
                    (0..64)
                        .map(|_| self.rng.random_range(0..len))
                        .find(|&i| fits(i, russian_only))
                });
            }
            let pick = pick.or_else(|| (0..len).find(|&i| fits(i, false)));
            let Some(pos) = pick else { continue };
            let who = pool.swap_remove(pos);
            match who {
                Who::Existing(n) => known.entry(n.get()).or_default().push(slot.language),
                Who::New(t) => langs.entry(t).or_default().push(slot.language),
            }
            let count = match who {
                Who::Existing(n) => known[&n.get()].len(),
                Who::New(t) => langs[&t].len(),
            };
            if count < 4 {
                multis.push(who);
            }
            let day = match who {
                Who::New(t) if y.year <= plan::FIRST_YEAR => new_days[t] + Duration::days(self.rng.random_range(1..30)),
                Who::New(t) => {
                    let from = new_days[t].ordinal() + 1;
                    self.day_in(y.year, from, 364).max(new_days[t])
                }
                Who::Existing(_) => self.day_in(y.year, 1, 364),
            };
            events.push((
                day.min(Date::from_calendar_date(y.year, Month::December, 31).expect("valid")),
                Event::AddLanguage { who, slot: *slot },
            ));
        }
    }

    /// Sign language, speech-to-text and deafblind interpreting (listed from 2023).
    fn plan_other_kinds(&mut self, y: &YearPlan, events: &mut Vec<(Date, Event)>) {
        let Some(o) = &y.other_kinds else { return };
        let base = self.records.len() + 1_000_000; // temp ids apart from spoken new people
        let mut sign_people = Vec::new();
        for i in 0..o.sign_b + o.sign_d {
            let category = if i < o.sign_b { Category::B } else { Category::D };
            let day = self.day_in(y.year, 1, 300);
            let temp = base + i;
            sign_people.push((temp, day));
            events.push((
                day,
                Event::Register {
                    slot: Slot {
                        language: Self::code("NSL"),
                        category,
                        licence_this_year: false,
                    },
                    temp,
                },
            ));
        }
        sign_people.shuffle(&mut self.rng);
        let mut it = sign_people.into_iter();
        for (code, n) in [("QTT", o.speech_to_text_extra), ("QDB", o.deafblind_extra)] {
            for (temp, day) in it.by_ref().take(n) {
                let category = if self.rng.random_bool(0.8) {
                    Category::B
                } else {
                    Category::D
                };
                let later = day + Duration::days(self.rng.random_range(1..40));
                events.push((
                    later,
                    Event::AddLanguage {
                        who: Who::New(temp),
                        slot: Slot {
                            language: Self::code(code),
                            category,
                            licence_this_year: false,
                        },
                    },
                ));
            }
        }
        for i in 0..o.speech_to_text_only {
            let category = if self.rng.random_bool(0.8) {
                Category::B
            } else {
                Category::D
            };
            let day = self.day_in(y.year, 1, 340);
            events.push((
                day,
                Event::Register {
                    slot: Slot {
                        language: Self::code("QTT"),
                        category,
                        licence_this_year: false,
                    },
                    temp: base + 500_000 + i,
                },
            ));
        }
    }

    fn apply_events(&mut self, y: &YearPlan, mut events: Vec<(Date, Event)>) {
        events.sort_by_key(|(d, e)| (*d, matches!(e, Event::AddLanguage { .. })));
        let mut numbers: BTreeMap<usize, InterpreterNumber> = BTreeMap::new();
        // Events of one day follow each other a second apart from 08:00, so a person's
        // changes never go back in time.
        let mut clock = (Date::MIN, 0u32);
        for (day, event) in events {
            clock = if clock.0 == day { (day, clock.1 + 1) } else { (day, 0) };
            let at = Timestamp::at_second(day, 8 * 3600 + clock.1);
            match event {
                Event::Register { slot, temp } => {
                    let n = self.register(slot, at);
                    numbers.insert(temp, n);
                    self.qualify_and_approve(n, slot, at, y.year);
                }
                Event::AddLanguage { who, slot } => {
                    let n = match who {
                        Who::Existing(n) => n,
                        Who::New(t) => match numbers.get(&t) {
                            Some(n) => *n,
                            None => continue,
                        },
                    };
                    self.qualify_and_approve(n, slot, at, y.year);
                }
                Event::Upgrade {
                    number,
                    language,
                    from,
                    to,
                    licence,
                } => self.upgrade(number, language, (from, to), licence, at),
                Event::Withdraw { number } => {
                    self.exec(
                        number,
                        Command::Withdraw { language: None },
                        at,
                        "Tolken ba om å bli strøket fra registeret",
                    );
                }
            }
        }
    }

    fn register(&mut self, slot: Slot, at: Timestamp) -> InterpreterNumber {
        let number =
            InterpreterNumber::new(InterpreterNumber::FIRST.get() + self.records.len() as i64).expect("numbers fit");
        let mut profile = self.names.profile(&mut self.rng, slot.language, number.get() as u64);
        profile.national_id = people::unique_national_id(profile.national_id, &mut self.national_ids);
        let record = InterpreterRecord::new(number, profile);
        self.changes.push(Change {
            number,
            action: "register_interpreter".into(),
            meta: meta(at, "Søknad om oppføring i Nasjonalt tolkeregister"),
            mutations: mutation::diff(None, &record),
        });
        self.records.push(record);
        self.last_change.push(at);
        number
    }

    /// Applies a command through the rules and records the change; the plan never asks for a
    /// refused change, so a refusal is a bug in the plan.
    fn exec(&mut self, n: InterpreterNumber, command: Command, at: Timestamp, reason: &str) {
        let idx = (n.get() - InterpreterNumber::FIRST.get()) as usize;
        let before = &self.records[idx];
        let mut after = rules::apply(before, &command, self.catalogue, at.date())
            .unwrap_or_else(|e| panic!("fixture plan made a refused change ({command:?} for {n}): {e}"));
        after.record_entry_changes(Some(before), at);
        let mutations = mutation::diff(Some(before), &after);
        self.changes.push(Change {
            number: n,
            action: command.action().into(),
            meta: meta(at, reason),
            mutations,
        });
        self.records[idx] = after;
        self.last_change[idx] = at;
    }

    fn add_qualification(
        &mut self,
        n: InterpreterNumber,
        kind: QualificationKind,
        language: Option<LanguageCode>,
        on: Date,
        at: Timestamp,
    ) {
        let (institution, evidence) = match kind {
            QualificationKind::Bachelor => ("OsloMet – storbyuniversitetet", "vitnemål"),
            QualificationKind::FoundationCourse => ("OsloMet – storbyuniversitetet", "karakterutskrift"),
            QualificationKind::BilingualTest => ("HK-dir (Tospråktesten)", "testresultat"),
            QualificationKind::TaoCourse => ("IMDi (TAO)", "kursbevis"),
            QualificationKind::AuthorisedTranslator => ("NHH (translatøreksamen)", "bevilling"),
            QualificationKind::SignLanguageTraining => ("Høgskolen i Sør-Trøndelag", "vitnemål"),
            QualificationKind::Authorisation => ("Utenlandsk institusjon", "godkjenning"),
        };
        let q = NewQualification {
            kind,
            language,
            completed_on: on,
            institution: institution.into(),
            foreign_approval: None,
            evidence_ref: format!("ARK-{}-{}-{}", on.year(), n, evidence),
        };
        self.exec(
            n,
            Command::AddQualification { qualification: q },
            at,
            "Dokumentert kvalifikasjon registrert",
        );
    }

    fn grant_licence(&mut self, n: InterpreterNumber, language: LanguageCode, on: Date, at: Timestamp) {
        let oral = on - Duration::days(self.rng.random_range(30..120));
        let written = oral - Duration::days(self.rng.random_range(60..200));
        for (part, day) in [(TestPart::Written, written), (TestPart::Oral, oral)] {
            self.exec(
                n,
                Command::RecordAuthorisationTest {
                    language,
                    part,
                    taken_on: day,
                    passed: true,
                },
                at,
                "Resultat fra autorisasjonsprøven",
            );
        }
        let decision_ref = format!("{}/{:05}", on.year() % 100, self.rng.random_range(1..99_999));
        self.exec(
            n,
            Command::GrantLicence {
                language,
                granted_on: on,
                decision_ref,
            },
            at,
            "Bevilling som statsautorisert tolk innvilget",
        );
    }

    fn has_tao(&self, n: InterpreterNumber) -> bool {
        self.record(n)
            .qualifications
            .iter()
            .any(|q| q.kind == QualificationKind::TaoCourse)
    }

    /// Records the qualifications behind `slot.category` and approves the entry. The
    /// qualifications are dated before the approval; the licence of a year's new
    /// authorisation is granted within that year.
    fn qualify_and_approve(&mut self, n: InterpreterNumber, slot: Slot, at: Timestamp, year: i32) {
        let day = at.date();
        let kind = self
            .catalogue
            .language(slot.language)
            .map_or(LanguageKind::Spoken, |l| l.kind);
        let lang = Some(slot.language);
        let earlier = |rng: &mut ChaCha8Rng, min: i64, max: i64| day - Duration::days(rng.random_range(min..max));
        let year_start = Date::from_calendar_date(year, Month::January, 1).expect("valid");
        let licence_day = |rng: &mut ChaCha8Rng, this_year: bool| {
            if this_year {
                let span = (day - year_start).whole_days().max(1);
                year_start + Duration::days(rng.random_range(0..span))
            } else {
                let d = day - Duration::days(rng.random_range(200..2000));
                d.min(year_start - Duration::days(1))
            }
        };
        match (kind, slot.category) {
            (LanguageKind::Spoken, Category::A) => {
                let b = earlier(&mut self.rng, 300, 2500);
                self.add_qualification(n, QualificationKind::Bachelor, lang, b, at);
                let l = licence_day(&mut self.rng, slot.licence_this_year);
                self.grant_licence(n, slot.language, l, at);
            }
            (LanguageKind::Spoken, Category::B) if self.rng.random_bool(0.3) => {
                let f = earlier(&mut self.rng, 300, 2500);
                self.add_qualification(n, QualificationKind::FoundationCourse, lang, f, at);
                let l = licence_day(&mut self.rng, false);
                self.grant_licence(n, slot.language, l, at);
            }
            (_, Category::B) => {
                let b = earlier(&mut self.rng, 30, 2500);
                self.add_qualification(n, QualificationKind::Bachelor, lang, b, at);
            }
            (LanguageKind::Spoken, Category::C) => {
                let l = licence_day(&mut self.rng, slot.licence_this_year);
                self.grant_licence(n, slot.language, l, at);
            }
            (LanguageKind::Spoken, Category::D) => {
                let f = earlier(&mut self.rng, 30, 1500);
                self.add_qualification(n, QualificationKind::FoundationCourse, lang, f, at);
            }
            (_, Category::D) => {
                let s = earlier(&mut self.rng, 3000, 9000);
                self.add_qualification(n, QualificationKind::SignLanguageTraining, lang, s, at);
            }
            (_, Category::E) | (_, Category::A) | (_, Category::C) => {
                if !self.has_tao(n) {
                    let t = earlier(&mut self.rng, 10, 300).max(year_start.min(day));
                    self.add_qualification(n, QualificationKind::TaoCourse, None, t, at);
                }
                let translator = year < plan::NEW_BILINGUAL_ONLY_FROM && self.rng.random_bool(0.08);
                let kind = if translator {
                    QualificationKind::AuthorisedTranslator
                } else {
                    QualificationKind::BilingualTest
                };
                let t = earlier(&mut self.rng, 5, 200).max(year_start.min(day));
                self.add_qualification(n, kind, lang, t, at);
            }
        }
        self.exec(
            n,
            Command::ApproveEntry {
                language: slot.language,
            },
            at,
            "Vedtak om oppføring i Nasjonalt tolkeregister",
        );
    }

    /// Raises an entry by the qualification that makes the difference between the two
    /// categories, or by a licence.
    fn upgrade(
        &mut self,
        n: InterpreterNumber,
        language: LanguageCode,
        step: (Category, Category),
        licence: bool,
        at: Timestamp,
    ) {
        let day = at.date();
        if licence {
            self.grant_licence(n, language, day, at);
            return;
        }
        let kind = match step {
            (Category::D, Category::B) | (Category::C, Category::A) => QualificationKind::Bachelor,
            _ => QualificationKind::FoundationCourse,
        };
        let completed = day - Duration::days(self.rng.random_range(1..60));
        self.add_qualification(n, kind, Some(language), completed, at);
    }

    /// Sanctions and licence changes after 2023, so the current register shows every status:
    /// a lifted suspension, an exclusion that has ended, a permanent exclusion, a running
    /// exclusion, a pending case, and revoked licences.
    fn sanctions(&mut self, factor: f64) {
        let times = factor.round().max(1.0) as usize;
        let d = |y, m, day| Date::from_calendar_date(y, Month::try_from(m).expect("month"), day).expect("date");
        let ts = |date| Timestamp::at(date, 10, 0);
        // Candidates per category, gathered once: listed in exactly one spoken language.
        let mut candidates: BTreeMap<&'static str, Vec<InterpreterNumber>> = BTreeMap::new();
        for r in &self.records {
            if let [e] = r.entries.as_slice()
                && e.kind == LanguageKind::Spoken
                && e.language.as_str() != plan::UKRAINIAN
                && e.is_listed_on(d(2024, 1, 1))
                && let Some(c) = e.category
            {
                candidates.entry(c.as_str()).or_default().push(r.number);
            }
        }
        for list in candidates.values_mut() {
            list.shuffle(&mut self.rng);
        }
        // Someone of `category` still listed and untouched since `before`.
        let mut pick = |engine: &Self, category: Category, before: Timestamp| {
            let list = candidates.get_mut(category.as_str())?;
            while let Some(n) = list.pop() {
                let idx = (n.get() - InterpreterNumber::FIRST.get()) as usize;
                let r = &engine.records[idx];
                if engine.last_change[idx] < before
                    && r.entries
                        .iter()
                        .all(|e| e.category == Some(category) && e.is_listed_on(before.date()))
                {
                    return Some(n);
                }
            }
            None
        };
        for _ in 0..times {
            if let Some(n) = pick(self, Category::E, ts(d(2024, 6, 3))) {
                self.exec(
                    n,
                    Command::Suspend,
                    ts(d(2024, 6, 3)),
                    "Midlertidig utestengt mens varsel behandles",
                );
                self.exec(
                    n,
                    Command::LiftSuspension,
                    ts(d(2024, 9, 16)),
                    "Saken avsluttet uten reaksjon",
                );
            }
            if let Some(n) = pick(self, Category::D, ts(d(2024, 10, 1))) {
                let exclude = Command::Exclude {
                    until: Some(d(2025, 4, 1)),
                };
                self.exec(
                    n,
                    exclude,
                    ts(d(2024, 10, 1)),
                    "Utestengt i seks måneder etter brudd på god tolkeskikk (§ 14)",
                );
                self.exec(
                    n,
                    Command::RecordExpiredExclusions,
                    ts(d(2025, 4, 1)),
                    "Utestengingen utløp",
                );
            }
            if let Some(n) = pick(self, Category::E, ts(d(2025, 3, 12))) {
                let reason = "Varig utestengt etter vesentlig brudd på taushetsplikten (§ 15)";
                self.exec(n, Command::Exclude { until: None }, ts(d(2025, 3, 12)), reason);
            }
            if let Some(n) = pick(self, Category::C, ts(d(2025, 9, 1)))
                && let Some(no) = self.record(n).licences.first().map(|l| l.no)
            {
                let revoke = Command::ChangeLicenceStatus {
                    no,
                    status: LicenceStatus::TemporarilyRevoked,
                };
                self.exec(n, revoke, ts(d(2025, 9, 1)), "Bevillingen midlertidig tilbakekalt");
            }
            if let Some(n) = pick(self, Category::A, ts(d(2025, 6, 20)))
                && let Some(no) = self.record(n).licences.first().map(|l| l.no)
            {
                let revoke = Command::ChangeLicenceStatus {
                    no,
                    status: LicenceStatus::Revoked,
                };
                self.exec(n, revoke, ts(d(2025, 6, 20)), "Bevillingen tilbakekalt");
            }
            if let Some(n) = pick(self, Category::D, ts(d(2026, 2, 2))) {
                let exclude = Command::Exclude {
                    until: Some(d(2027, 2, 1)),
                };
                self.exec(
                    n,
                    exclude,
                    ts(d(2026, 2, 2)),
                    "Utestengt for ett år etter brudd på habilitetsreglene (§ 16)",
                );
            }
            if let Some(n) = pick(self, Category::B, ts(d(2026, 5, 18))) {
                self.exec(
                    n,
                    Command::Suspend,
                    ts(d(2026, 5, 18)),
                    "Midlertidig utestengt mens varsel behandles",
                );
            }
        }
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
/// changes were written.
pub async fn load(store: &Database, changes: Vec<Change>, batch: usize) -> Result<usize, crate::store::StoreError> {
    let total = changes.len();
    let mut it = changes.into_iter().peekable();
    while it.peek().is_some() {
        let chunk: Vec<Change> = it.by_ref().take(batch.max(1)).collect();
        store.write_changes(chunk).await?;
    }
    Ok(total)
}
