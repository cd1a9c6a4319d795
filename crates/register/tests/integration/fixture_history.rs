//! The fixture register's history reproduces every figure IMDi published (DOMAIN.md), read
//! back through `as_of` from real storage on both backends.

use crate::both_backends;

use register::Database;
use std::collections::BTreeSet;

use register::counts;
use register::generator::{self, FIGURES, Options};
use register::qualification::QualificationKind;
use register::{Category, Timestamp};
use time::{Date, Month};

fn year_end(year: i32) -> Date {
    Date::from_calendar_date(year, Month::December, 31).unwrap()
}

async fn history_matches_the_annual_report(store: Database) {
    let generated = generator::generate(store.catalogue(), Options::default());
    generator::load(&store, generated.changes, 5_000).await.unwrap();

    for f in FIGURES {
        let day = year_end(f.year);
        let records = store.as_of(Timestamp::end_of(day)).await.unwrap();
        let c = counts::count(&records, day);
        let spoken = c.entries_per_category["spoken"];
        let got: Vec<usize> = Category::ALL.iter().map(|cat| spoken.get(*cat)).collect();
        assert_eq!(got, f.spoken_per_category, "entries per category on {day}");
        assert_eq!(
            spoken.total,
            f.spoken_per_category.iter().sum::<usize>(),
            "total on {day}"
        );
        if let Some(p) = f.unique_persons {
            assert_eq!(c.unique_persons, p, "unique persons on {day}");
        }
        if let Some(m) = f.persons_with_two_or_more_languages {
            assert_eq!(
                c.persons_with_two_or_more_languages, m,
                "persons with 2+ languages on {day}"
            );
        }
        assert_eq!(
            c.entries_per_kind["sign"], f.sign_language_entries,
            "sign-language entries on {day}"
        );
        assert_eq!(
            c.entries_per_language.get("UKR").copied().unwrap_or(0),
            f.ukrainian_entries,
            "Ukrainian on {day}"
        );

        if let Some((licences, languages)) = f.new_authorisations {
            let granted: Vec<_> = records
                .iter()
                .flat_map(|r| &r.licences)
                .filter(|l| l.granted_on.year() == f.year)
                .collect();
            let langs: BTreeSet<_> = granted.iter().map(|l| l.language).collect();
            assert_eq!(
                (granted.len(), langs.len()),
                (licences, languages),
                "new authorisations in {}",
                f.year
            );
        }
        if let Some(expected) = f.new_by_bilingual_test {
            let before = store.as_of(Timestamp::end_of(year_end(f.year - 1))).await.unwrap();
            let was_listed = |n, lang| {
                before
                    .iter()
                    .any(|r| r.number == n && r.entry(lang).is_some_and(|e| e.is_listed_on(year_end(f.year - 1))))
            };
            let new_e = records
                .iter()
                .flat_map(|r| r.listed_entries(day).map(move |e| (r, e)))
                .filter(|(r, e)| e.category == Some(Category::E) && !was_listed(r.number, e.language))
                .filter(|(r, e)| {
                    r.qualifications.iter().any(|q| {
                        q.kind == QualificationKind::BilingualTest
                            && q.language == Some(e.language)
                            && q.completed_on.year() == f.year
                    }) && r.qualifications.iter().any(|q| q.kind == QualificationKind::TaoCourse)
                })
                .count();
            assert_eq!(new_e, expected, "newly qualified by bilingual test + TAO in {}", f.year);
        }
    }

    // Every stored category is the one the rules derive from the stored qualifications.
    let now = store.as_of(Timestamp::now()).await.unwrap();
    for r in &now {
        for e in &r.entries {
            let facts = register::category::Facts::collect(e.language, &r.qualifications, &r.licences);
            assert_eq!(
                e.category,
                register::category::derive(e.kind, &facts),
                "{} {}",
                r.number,
                e.language
            );
        }
    }
    // Sign language was first listed in 2023.
    let c2022 = counts::count(
        &store.as_of(Timestamp::end_of(year_end(2022))).await.unwrap(),
        year_end(2022),
    );
    assert_eq!(c2022.entries_per_kind["sign"], 0);
}

both_backends!(fixture_history, super::history_matches_the_annual_report);

#[test]
fn generation_is_deterministic() {
    let catalogue = register::Catalogue::bundled();
    let a = generator::generate(&catalogue, Options::default());
    let b = generator::generate(&catalogue, Options::default());
    assert_eq!(a.records, b.records);
    let c = generator::generate(&catalogue, Options { seed: 99, scale: None });
    assert_ne!(a.records, c.records, "another seed gives another register");
    let last = Timestamp::end_of(generator::LAST_DAY);
    assert!(
        a.changes.iter().all(|ch| ch.meta.effective_at < last),
        "no generated change after the history ends"
    );
}

/// Real national identity numbers are unique, and the database refuses a second current holder;
/// the synthetic register must load, so it never gives one number to two people.
#[test]
fn no_two_generated_people_share_a_national_id() {
    let catalogue = register::Catalogue::bundled();
    for options in [
        Options::default(),
        Options {
            seed: 7,
            scale: Some(60_000),
        },
    ] {
        let generated = generator::generate(&catalogue, options);
        let ids: std::collections::HashSet<_> = generated
            .records
            .iter()
            .map(|r| r.profile.national_id.clone())
            .collect();
        assert_eq!(ids.len(), generated.records.len());
    }
}
