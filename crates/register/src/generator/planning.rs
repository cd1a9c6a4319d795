//! Planning a year of the synthetic history: which entries are added, raised and withdrawn,
//! and when, from the year's figures in `plan`.

use super::*;

impl Engine<'_> {
    /// The slots of new entries for a year, shuffled, with Ukrainian slots last so that they
    /// tend to become extra languages of existing interpreters.
    pub(super) fn slots(&mut self, y: &YearPlan) -> Vec<Slot> {
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

    pub(super) fn plan_upgrades(
        &mut self,
        y: &YearPlan,
        events: &mut Vec<(Date, Event)>,
        busy: &mut HashSet<InterpreterNumber>,
    ) {
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

    pub(super) fn plan_withdrawals(
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

    pub(super) fn plan_new_entries(
        &mut self,
        y: &YearPlan,
        events: &mut Vec<(Date, Event)>,
        busy: &HashSet<InterpreterNumber>,
    ) {
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
    pub(super) fn plan_other_kinds(&mut self, y: &YearPlan, events: &mut Vec<(Date, Event)>) {
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
}
