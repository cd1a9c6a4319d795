//! The statistics counted from history (`Database::figures_on`, `Database::flows`) reproduce the
//! annual report's figures that the fixture history carries, on both backends, and agree cell by
//! cell with the register read back as of every half-year day from 2020; the flows of a small
//! hand-built register are exactly the ones worked out by hand.

use std::collections::BTreeMap;

use crate::both_backends;

use register::casework::{
    ChecklistItem, DecisionKind, Equivalent, LetterLanguage, NewDecision, NewForeignCase, Outcome,
};
use register::command::{ChangeMeta, Command};
use register::generator::{self, FIGURES, LAST_DAY, Options};
use register::licence::LicenceStatus;
use register::national_id::NationalId;
use register::qualification::{NewQualification, QualificationKind};
use register::record::TestPart;
use register::statistics::flows::{EndedByCause, FlowsYear, YearRange};
use register::statistics::{Cell, series_days};
use register::store::Change;
use register::{Catalogue, Database, InterpreterNumber, InterpreterRecord, LanguageCode, LanguageKind, Timestamp};
use time::macros::date;
use time::{Date, Month};

fn year_end(year: i32) -> Date {
    Date::from_calendar_date(year, Month::December, 31).unwrap()
}

/// The cells of `day` counted from whole records, the slow way the statistics replace.
fn cells_from_records(records: &[InterpreterRecord], day: Date) -> Vec<Cell> {
    let mut cells: BTreeMap<(String, &'static str, &'static str, register::county::CountyCode), u64> = BTreeMap::new();
    for r in records {
        for e in r.listed_entries(day) {
            let Some(category) = e.category else { continue };
            *cells
                .entry((
                    e.language.to_string(),
                    e.kind.as_str(),
                    category.as_str(),
                    r.profile.county,
                ))
                .or_default() += 1;
        }
    }
    let mut out: Vec<Cell> = cells
        .into_iter()
        .map(|((language, kind, category, county), entries)| Cell {
            language: language.parse().unwrap(),
            kind: kind.parse().unwrap(),
            category: category.parse().unwrap(),
            county,
            entries,
        })
        .collect();
    out.sort_by(|a, b| {
        (a.language.as_str(), a.kind.as_str(), a.category.as_str(), a.county).cmp(&(
            b.language.as_str(),
            b.kind.as_str(),
            b.category.as_str(),
            b.county,
        ))
    });
    out
}

async fn figures_reproduce_the_annual_report(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();

    for f in FIGURES {
        let day = year_end(f.year);
        let got = store.figures_on(day).await.unwrap();
        let spoken: Vec<usize> = got
            .per_category(Some(LanguageKind::Spoken))
            .iter()
            .map(|n| *n as usize)
            .collect();
        assert_eq!(spoken, f.spoken_per_category, "table 3-4-1 on {day}");
        if let Some(p) = f.unique_persons {
            assert_eq!(got.unique_persons as usize, p, "unique persons on {day}");
        }
        if let Some(m) = f.persons_with_two_or_more_languages {
            assert_eq!(
                got.persons_with_two_or_more_languages as usize, m,
                "persons with 2+ languages on {day}"
            );
        }
        assert_eq!(
            got.total(Some(LanguageKind::Sign)) as usize,
            f.sign_language_entries,
            "sign-language entries on {day}"
        );
        assert_eq!(
            got.in_language("UKR".parse().unwrap()) as usize,
            f.ukrainian_entries,
            "Ukrainian on {day}"
        );
    }

    let days = series_days(2020, LAST_DAY);
    let series = store.figures_series(&days).await.unwrap();
    assert_eq!(series.len(), 13, "30 June and 31 December, 2020 to mid-2026");
    // Cell by cell against whole records on three days across the history (each read of the
    // whole register is the slow path this replaces).
    for figures in series
        .iter()
        .filter(|f| [0, 5, 12].contains(&days.iter().position(|d| *d == f.day).unwrap_or(99)))
    {
        let records = store.as_of(Timestamp::end_of(figures.day)).await.unwrap();
        assert_eq!(
            figures.cells,
            cells_from_records(&records, figures.day),
            "cells on {}",
            figures.day
        );
        let listed = records.iter().filter(|r| r.is_listed_on(figures.day)).count();
        assert_eq!(figures.unique_persons as usize, listed, "persons on {}", figures.day);
    }
}

both_backends!(statistics_from_history, super::figures_reproduce_the_annual_report);

/// The fixture's flows: IMDi's 18 authorisations in 6 languages and 185 newly qualified by
/// bilingual test + TAO in 2023, the planned withdrawals, the sanctions after 2023, and entries
/// at each year end equal to the year before plus those added minus those ended.
async fn flows_reproduce_the_annual_report(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();

    // From before the first listing (2008), so the running sum starts at zero.
    let flows = store.flows(YearRange::new(2000, 2026).unwrap()).await.unwrap();
    assert_eq!(flows.len(), 27);
    let year = |y: i32| flows.iter().find(|f| f.year == y).unwrap();

    for f in FIGURES {
        let got = year(f.year);
        if let Some((licences, languages)) = f.new_authorisations {
            let q = got.new_qualifications;
            assert_eq!(
                (q.authorisations, q.authorisation_languages),
                (licences as u64, languages as u64),
                "new authorisations in {}",
                f.year
            );
        }
        if let Some(expected) = f.new_by_bilingual_test {
            let q = got.new_qualifications;
            assert_eq!(
                q.bilingual_test_entries, expected as u64,
                "newly qualified by bilingual test + TAO in {}",
                f.year
            );
            assert!(
                q.bilingual_test_persons > 0 && q.bilingual_test_persons <= q.bilingual_test_entries,
                "persons behind them: {}",
                q.bilingual_test_persons
            );
        }
    }
    // The plan's whole-person withdrawals (people listed in one language) are entries withdrawn.
    for planned in generator::plan().iter().filter(|p| p.year <= 2025) {
        let withdrawn: usize = planned.withdrawals.iter().sum();
        assert_eq!(
            year(planned.year).entries.ended.withdrawal,
            withdrawn as u64,
            "withdrawals in {}",
            planned.year
        );
    }
    // The sanctions after 2023 (see the generator): one of each, ended by what the status says.
    let ended = |y: i32| {
        let e = year(y).entries.ended;
        (e.suspension, e.period_exclusion, e.permanent_exclusion, e.no_basis)
    };
    assert_eq!(ended(2023), (0, 0, 0, 0), "no sanctions before 2024");
    assert_eq!(ended(2024), (1, 1, 0, 0), "a suspension and a six-month exclusion");
    assert_eq!(
        ended(2025),
        (0, 0, 1, 1),
        "a permanent exclusion, and an entry left without basis by a revoked licence"
    );
    assert_eq!(ended(2026), (1, 1, 0, 0), "a one-year exclusion and a suspension");
    assert_eq!(
        year(2020).new_qualifications.authorisations,
        0,
        "licences of 2020 were granted before"
    );
    assert!(year(2023).new_qualifications.bachelor_degrees > 0);
    assert!(year(2023).new_qualifications.foundation_courses > 0);

    // Entries at the end of each year = the year before + added − ended, against figures_on.
    let mut running: i64 = 0;
    for f in &flows {
        running += f.entries.added as i64 - f.entries.ended.total() as i64;
        if (2020..=2025).contains(&f.year) {
            let figures = store.figures_on(year_end(f.year)).await.unwrap();
            assert_eq!(running, figures.total(None) as i64, "entries at the end of {}", f.year);
        }
    }
}

both_backends!(flows_from_history, super::flows_reproduce_the_annual_report);

/// Builds a register by hand through the real rules, without the checks of the live services
/// (an exclusion needs a tip case there), the way the generator does.
struct Builder<'a> {
    catalogue: &'a Catalogue,
    records: Vec<InterpreterRecord>,
    changes: Vec<Change>,
    clock: u32,
}

fn lang(code: &str) -> LanguageCode {
    code.parse().unwrap()
}

fn qualification(kind: QualificationKind, language: Option<&str>, on: Date) -> Command {
    Command::AddQualification {
        qualification: NewQualification {
            kind,
            language: language.map(lang),
            completed_on: on,
            institution: "OsloMet".into(),
            foreign_approval: None,
            evidence_ref: "ARK-1".into(),
        },
    }
}

impl<'a> Builder<'a> {
    fn meta(&mut self, day: Date) -> ChangeMeta {
        self.clock += 1;
        ChangeMeta {
            actor: "staff:test".into(),
            reason: "test".into(),
            effective_at: Timestamp::at_second(day, 9 * 3600 + self.clock),
        }
    }

    fn register(&mut self, day: Date) -> InterpreterNumber {
        let i = self.records.len() as u32;
        let number = InterpreterNumber::new(InterpreterNumber::FIRST.get() + i64::from(i)).unwrap();
        let national_id = (i * 10..)
            .find_map(|n| NationalId::complete(&format!("020385{n:03}")))
            .unwrap();
        let profile = register::Profile {
            national_id,
            ..crate::common::sample_profile()
        };
        let record = InterpreterRecord::new(number, profile);
        let meta = self.meta(day);
        self.changes.push(Change {
            number,
            action: "register_interpreter".into(),
            meta,
            mutations: register::mutation::diff(None, &record),
        });
        self.records.push(record);
        number
    }

    fn exec(&mut self, n: InterpreterNumber, command: Command, day: Date) {
        let idx = (n.get() - InterpreterNumber::FIRST.get()) as usize;
        let meta = self.meta(day);
        let before = &self.records[idx];
        let mut after = register::rules::apply(before, &command, self.catalogue, day).unwrap();
        after.record_entry_changes(Some(before), meta.effective_at);
        self.changes.push(Change {
            number: n,
            action: command.action().into(),
            meta,
            mutations: register::mutation::diff(Some(before), &after),
        });
        self.records[idx] = after;
    }

    fn licence(&mut self, n: InterpreterNumber, language: &str, granted_on: Date) {
        for part in [TestPart::Written, TestPart::Oral] {
            let taken_on = granted_on - time::Duration::days(60);
            let test = Command::RecordAuthorisationTest {
                language: lang(language),
                part,
                taken_on,
                passed: true,
            };
            self.exec(n, test, granted_on);
        }
        let grant = Command::GrantLicence {
            language: lang(language),
            granted_on,
            decision_ref: "23/00001".into(),
        };
        self.exec(n, grant, granted_on);
    }
}

/// A small register whose flows are known: an entry added, withdrawn and approved again; an
/// exclusion for a period that ends unrecorded; a licence revoked; a suspension lifted; a
/// permanent exclusion; two foreign-qualification cases.
async fn hand_built_flows_are_exact(store: Database) {
    use QualificationKind::*;
    let mut b = Builder {
        catalogue: store.catalogue(),
        records: Vec::new(),
        changes: Vec::new(),
        clock: 0,
    };
    let approve = |code: &str| Command::ApproveEntry { language: lang(code) };
    // Leila: E in Arabic by bilingual test + TAO (2023), a bachelor (2024), withdraws (2024),
    // comes back (2025).
    let leila = b.register(date!(2023 - 02 - 01));
    b.exec(
        leila,
        qualification(TaoCourse, None, date!(2022 - 12 - 01)),
        date!(2023 - 02 - 01),
    );
    b.exec(
        leila,
        qualification(BilingualTest, Some("ARB"), date!(2023 - 01 - 20)),
        date!(2023 - 02 - 02),
    );
    b.exec(leila, approve("ARB"), date!(2023 - 02 - 03));
    b.exec(
        leila,
        qualification(Bachelor, Some("ARB"), date!(2024 - 01 - 10)),
        date!(2024 - 01 - 15),
    );
    b.exec(leila, Command::Withdraw { language: None }, date!(2024 - 03 - 01));
    b.exec(leila, approve("ARB"), date!(2025 - 01 - 10));
    // Piotr: bachelor (2022, first recorded in 2023) and licence (2023) in Polish, A; a
    // foundation course (2023);
    // excluded for a period in 2024 that ends on 1 November without anyone recording it.
    let piotr = b.register(date!(2023 - 03 - 01));
    b.exec(
        piotr,
        qualification(Bachelor, Some("POL"), date!(2022 - 06 - 15)),
        date!(2023 - 03 - 01),
    );
    b.licence(piotr, "POL", date!(2023 - 04 - 01));
    b.exec(piotr, approve("POL"), date!(2023 - 04 - 02));
    b.exec(
        piotr,
        qualification(FoundationCourse, Some("POL"), date!(2023 - 05 - 05)),
        date!(2023 - 05 - 10),
    );
    let until = date!(2024 - 11 - 01);
    b.exec(piotr, Command::Exclude { until: Some(until) }, date!(2024 - 05 - 01));
    // Olga: licence in Russian (2023), C; the licence revoked in 2025 leaves no basis.
    let olga = b.register(date!(2023 - 06 - 01));
    b.licence(olga, "RUS", date!(2023 - 06 - 01));
    b.exec(olga, approve("RUS"), date!(2023 - 06 - 02));
    b.exec(
        olga,
        Command::ChangeLicenceStatus {
            no: 1,
            status: LicenceStatus::Revoked,
        },
        date!(2025 - 06 - 20),
    );
    // Hodan: E in Somali and Tigrinya (2023), suspended and lifted (2024), excluded for good (2025).
    let hodan = b.register(date!(2023 - 07 - 01));
    b.exec(
        hodan,
        qualification(TaoCourse, None, date!(2023 - 06 - 20)),
        date!(2023 - 07 - 01),
    );
    for code in ["SOM", "TIR"] {
        b.exec(
            hodan,
            qualification(BilingualTest, Some(code), date!(2023 - 06 - 25)),
            date!(2023 - 07 - 02),
        );
        b.exec(hodan, approve(code), date!(2023 - 07 - 03));
    }
    b.exec(hodan, Command::Suspend, date!(2024 - 02 - 01));
    b.exec(hodan, Command::LiftSuspension, date!(2024 - 04 - 01));
    b.exec(hodan, Command::Exclude { until: None }, date!(2025 - 03 - 12));
    // Amina: no entry; two foreign-qualification cases.
    let amina = b.register(date!(2024 - 08 - 01));
    let changes = std::mem::take(&mut b.changes);
    store.write_changes(changes).await.unwrap();

    for (received, decided, outcome) in [
        (date!(2024 - 09 - 01), date!(2025 - 01 - 15), Outcome::Approved),
        (date!(2025 - 02 - 01), date!(2025 - 05 - 01), Outcome::Refused),
    ] {
        let case = store
            .open_foreign_case(NewForeignCase {
                number: amina,
                language: lang("ARB"),
                country: "Marokko".into(),
                institution: "Université Mohammed V".into(),
                title: "Licence en traduction".into(),
                completed_on: date!(2020 - 06 - 30),
                received_on: received,
                assigned_to: "staff:kari".into(),
                opened_by: "staff:kari".into(),
            })
            .await
            .unwrap();
        let today = Timestamp::now().date();
        let complete = ChecklistItem::ALL
            .into_iter()
            .try_fold(case, |c, item| c.receive_document(item, received, today))
            .unwrap()
            .assess(Some(Equivalent::Bachelor), "180 studiepoeng tolking")
            .unwrap();
        let case = store.save_foreign_case(&complete).await.unwrap();
        let kind = match outcome {
            Outcome::Approved => DecisionKind::ApproveForeign,
            Outcome::Refused => DecisionKind::RefuseForeign,
        };
        let decision = NewDecision {
            number: amina,
            kind,
            language: Some(lang("ARB")),
            case_ref: Some(case.reference()),
            reasons: "Vurdert etter yrkeskvalifikasjonsloven.".into(),
            legal_basis: kind.default_legal_basis().into(),
            decided_on: decided,
            letter_language: LetterLanguage::Bokmal,
            decided_by: "staff:kari".into(),
        };
        let deadline = decided + time::Duration::days(21);
        store
            .record_foreign_decision(&case, outcome, &decision, deadline, |_| Ok(None))
            .await
            .unwrap();
    }

    let flows = store.flows(YearRange::new(2022, 2025).unwrap()).await.unwrap();
    // Piotr's 2022 degree is in no year: 2022 as it stood at its end did not know of it.
    let mut expected: Vec<FlowsYear> = (2022..=2025).map(FlowsYear::empty).collect();
    let y2023 = &mut expected[1];
    y2023.new_qualifications.authorisations = 2;
    y2023.new_qualifications.authorisation_languages = 2;
    y2023.new_qualifications.bilingual_test_entries = 3;
    y2023.new_qualifications.bilingual_test_persons = 2;
    y2023.new_qualifications.foundation_courses = 1;
    y2023.entries.added = 5;
    let y2024 = &mut expected[2];
    y2024.new_qualifications.bachelor_degrees = 1;
    y2024.foreign_cases.received = 1;
    // Piotr back on 1 November, Hodan's two entries after the suspension.
    y2024.entries.added = 3;
    y2024.entries.ended = EndedByCause {
        withdrawal: 1,
        suspension: 2,
        period_exclusion: 1,
        ..EndedByCause::default()
    };
    let y2025 = &mut expected[3];
    y2025.foreign_cases.received = 1;
    y2025.foreign_cases.approved = 1;
    y2025.foreign_cases.refused = 1;
    // Leila back: added again, but not newly qualified.
    y2025.entries.added = 1;
    y2025.entries.ended = EndedByCause {
        no_basis: 1,
        permanent_exclusion: 2,
        ..EndedByCause::default()
    };
    assert_eq!(flows, expected);

    // The same on the days the figures are read: Piotr is listed again from his end date.
    let listed = |f: &register::statistics::Figures| f.total(None);
    assert_eq!(listed(&store.figures_on(date!(2024 - 10 - 31)).await.unwrap()), 3);
    assert_eq!(listed(&store.figures_on(until).await.unwrap()), 4);
    assert_eq!(listed(&store.figures_on(year_end(2025)).await.unwrap()), 2);
}

both_backends!(hand_built_flows, super::hand_built_flows_are_exact);
