//! Recording planned events through the real rules: registering people, their qualifications,
//! licences and approvals, raising and ending entries, and the later sanctions.

use super::*;

impl Engine<'_> {
    pub(super) fn apply_events(&mut self, y: &YearPlan, mut events: Vec<(Date, Event)>) {
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

    pub(super) fn register(&mut self, slot: Slot, at: Timestamp) -> InterpreterNumber {
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
    pub(super) fn exec(&mut self, n: InterpreterNumber, command: Command, at: Timestamp, reason: &str) {
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

    pub(super) fn add_qualification(
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

    pub(super) fn grant_licence(&mut self, n: InterpreterNumber, language: LanguageCode, on: Date, at: Timestamp) {
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

    pub(super) fn has_tao(&self, n: InterpreterNumber) -> bool {
        self.record(n)
            .qualifications
            .iter()
            .any(|q| q.kind == QualificationKind::TaoCourse)
    }

    /// Records the qualifications behind `slot.category` and approves the entry. The
    /// qualifications are dated before the approval; the licence of a year's new
    /// authorisation is granted within that year.
    pub(super) fn qualify_and_approve(&mut self, n: InterpreterNumber, slot: Slot, at: Timestamp, year: i32) {
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
    pub(super) fn upgrade(
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
    pub(super) fn sanctions(&mut self, factor: f64) {
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
