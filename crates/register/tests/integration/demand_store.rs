//! Imported demand and coverage on both backends: imports are kept whole and never
//! overwritten, a year's demand is its latest import, every import is audited, and coverage
//! counts interpreters by person × language and by unique person from the register's history.

use crate::both_backends;

use register::command::{ChangeMeta, Command};
use register::interpreter::{Availability, Gender, Profile, WorkModes};
use register::national_id::NationalId;
use register::qualification::{NewQualification, QualificationKind};
use register::statistics::coverage::{Counting, CoverageParams};
use register::statistics::demand::{self, DemandRow};
use register::{Database, InterpreterNumber, LanguageCode, StoreError, Timestamp};
use time::Date;
use time::macros::date;

fn lang(code: &str) -> LanguageCode {
    code.parse().unwrap()
}

fn profile_of(i: u32) -> Profile {
    let national_id = (i * 10..)
        .find_map(|n| NationalId::complete(&format!("020385{n:03}")))
        .unwrap();
    Profile {
        national_id,
        given_name: format!("Tolk {i}"),
        family_name: "Berg".into(),
        preferred_name: None,
        gender: Gender::Female,
        county: "03".parse().unwrap(),
        phone: "+47 912 34 567".into(),
        email: "tolk@example.no".into(),
        address: None,
        address_public: false,
        availability: Availability::PartTime,
        work_modes: WorkModes {
            on_site: true,
            telephone: true,
            video: false,
        },
    }
}

fn at(day: Date) -> ChangeMeta {
    ChangeMeta {
        actor: "staff:test".into(),
        reason: "test".into(),
        effective_at: Timestamp::at(day, 10, 0),
    }
}

fn qual(kind: QualificationKind, language: Option<&str>, on: Date) -> Command {
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

/// An interpreter listed (category E) in `languages` from 2022-03-01.
async fn listed_in(store: &Database, i: u32, languages: &[&str]) -> InterpreterNumber {
    let n = store
        .register_interpreter(profile_of(i), at(date!(2022 - 02 - 01)))
        .await
        .unwrap()
        .number;
    store
        .execute(
            n,
            qual(QualificationKind::TaoCourse, None, date!(2022 - 01 - 01)),
            at(date!(2022 - 02 - 02)),
        )
        .await
        .unwrap();
    for language in languages {
        store
            .execute(
                n,
                qual(QualificationKind::BilingualTest, Some(language), date!(2022 - 01 - 02)),
                at(date!(2022 - 02 - 03)),
            )
            .await
            .unwrap();
    }
    for language in languages {
        store
            .execute(
                n,
                Command::ApproveEntry {
                    language: lang(language),
                },
                at(date!(2022 - 03 - 01)),
            )
            .await
            .unwrap();
    }
    n
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

async fn demand_is_imported_whole_and_kept(store: Database) {
    assert!(store.demand_years().await.unwrap().is_empty());
    assert!(store.demand_for(2022).await.unwrap().is_empty());
    assert!(store.demand_imports().await.unwrap().is_empty());

    let first = demand::parse(
        "language;year;assignments;county;sector\n\
         ARB;2022;6000;03;helse\n\
         ARB;2022;4000;;\n\
         SOM;2022;700;;\n\
         TIG;2022;350;;\n\
         ARB;2023;9000;;\n",
        store.catalogue(),
        demand::years_up_to(2027),
    )
    .unwrap();
    let imported = store
        .import_demand(
            "staff:statistiker",
            "tolkemonitor-2022.csv",
            "Tolkemonitor 2022",
            &first,
        )
        .await
        .unwrap();
    assert_eq!(imported.rows, 5);
    assert_eq!(imported.years, [2022, 2023]);
    assert_eq!(store.demand_years().await.unwrap(), [2022, 2023]);
    let d2022 = store.demand_for(2022).await.unwrap();
    assert_eq!(d2022.len(), 4);
    assert_eq!(d2022.iter().map(|r| r.assignments).sum::<u64>(), 11_050);
    assert!(
        d2022
            .iter()
            .any(|r| r.county == Some("03".parse().unwrap()) && r.sector.as_deref() == Some("helse"))
    );

    // A later import of 2023 replaces that year's figures; 2022 still comes from the first.
    let second = vec![DemandRow {
        year: 2023,
        language: lang("ARB"),
        county: None,
        sector: None,
        assignments: 12_000,
    }];
    store
        .import_demand("cli:anne", "revidert.csv", "", &second)
        .await
        .unwrap();
    let d2023 = store.demand_for(2023).await.unwrap();
    assert_eq!(d2023.len(), 1);
    assert_eq!(d2023[0].assignments, 12_000);
    assert_eq!(store.demand_for(2022).await.unwrap(), d2022);

    let imports = store.demand_imports().await.unwrap();
    assert_eq!(imports.len(), 2, "the older import is kept");
    assert_eq!(imports[0].file_name, "revidert.csv");
    assert_eq!(imports[0].current_years, [2023]);
    assert_eq!(imports[1].file_name, "tolkemonitor-2022.csv");
    assert_eq!(imports[1].years, [2022, 2023]);
    assert_eq!(imports[1].current_years, [2022], "2023 now comes from the later import");
    assert_eq!(imports[1].imported_by, "staff:statistiker");
    assert_eq!(imports[1].note, "Tolkemonitor 2022");
    assert!(imports[0].imported_at >= imports[1].imported_at);

    // Nobody named: refused, nothing stored.
    assert!(matches!(
        store.import_demand(" ", "x.csv", "", &second).await,
        Err(StoreError::ReasonMissing)
    ));
    assert_eq!(store.demand_imports().await.unwrap().len(), 2);

    // Coverage per person × language and per unique person from the register on 31 December.
    listed_in(&store, 1, &["ARB"]).await;
    listed_in(&store, 2, &["ARB", "SOM"]).await;
    listed_in(&store, 3, &["ARB", "SOM", "TIR"]).await;
    let weights = store.person_weights_on(date!(2022 - 12 - 31)).await.unwrap();
    assert!(close(weights[&lang("ARB")], 1.0 + 1.0 / 2.0 + 1.0 / 3.0), "{weights:?}");
    assert!(close(weights[&lang("SOM")], 1.0 / 2.0 + 1.0 / 3.0));
    assert!(close(weights[&lang("TIR")], 1.0 / 3.0));
    assert!(
        close(weights.values().sum::<f64>(), 3.0),
        "the weights add up to the persons"
    );
    assert!(
        store.person_weights_on(date!(2021 - 12 - 31)).await.unwrap().is_empty(),
        "nobody was listed before 2022"
    );

    let params = CoverageParams::new(0.5, 1000.0).unwrap();
    let by_entry = store.coverage(2022, params, Counting::PersonLanguage).await.unwrap();
    let arb = by_entry.language(lang("ARB")).unwrap();
    assert!(close(arb.listed, 3.0));
    assert_eq!(arb.demand_assignments, 10_000);
    // 10 positions needed at 0.5 each: 20 interpreters, 3 listed.
    assert_eq!(arb.interpreters_missing, 17);
    let som = by_entry.language(lang("SOM")).unwrap();
    assert!(
        close(som.coverage.unwrap(), 1.0 / 0.7),
        "over-covered: {:?}",
        som.coverage
    );
    assert_eq!(som.interpreters_missing, 0);
    let without: Vec<&str> = by_entry.without_interpreters().map(|l| l.language.as_str()).collect();
    assert_eq!(without, ["TIG"]);
    assert!(
        by_entry.language(lang("TIR")).is_none(),
        "listed without demand is not in the table"
    );

    let by_person = store.coverage(2022, params, Counting::UniquePerson).await.unwrap();
    let som = by_person.language(lang("SOM")).unwrap();
    assert!(close(som.listed, 5.0 / 6.0));
    // 0.7 positions needed: 1.4 interpreters, 0.83 counted: one missing.
    assert_eq!(som.interpreters_missing, 1);
    assert_eq!(by_person.languages[0].language, lang("ARB"), "the largest gap first");
}

both_backends!(demand_and_coverage, super::demand_is_imported_whole_and_kept);
