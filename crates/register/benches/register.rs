//! Criterion benches of the register's hot pure paths (category derivation, applying a
//! command) and of `as_of` on the fixture register in SQLite.

use criterion::{Criterion, criterion_group, criterion_main};
use register::command::Command;
use register::generator::{self, Options};
use register::language::LanguageKind;
use register::{Catalogue, Timestamp, category, rules};
use time::macros::date;

fn pure_rules(c: &mut Criterion) {
    let catalogue = Catalogue::bundled();
    let generated = generator::generate(&catalogue, Options::default());
    let record = generated
        .records
        .iter()
        .max_by_key(|r| r.qualifications.len() + r.entries.len())
        .unwrap()
        .clone();
    let facts = category::Facts::collect(record.entries[0].language, &record.qualifications, &record.licences);
    c.bench_function("category::derive", |b| {
        b.iter(|| category::derive(LanguageKind::Spoken, std::hint::black_box(&facts)))
    });
    let cmd = Command::Suspend;
    c.bench_function("rules::apply (suspend, largest record)", |b| {
        b.iter(|| rules::apply(std::hint::black_box(&record), &cmd, &catalogue, date!(2026 - 07 - 01)))
    });
    c.bench_function("generator::generate (fixture register)", |b| {
        b.iter(|| generator::generate(&catalogue, Options::default()).changes.len())
    });
}

fn as_of(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("bench.db").display());
    let store = rt.block_on(async {
        let store = register::Database::open_sqlite(&url, Catalogue::bundled())
            .await
            .unwrap();
        let generated = generator::generate(store.catalogue(), Options::default());
        generator::load(&store, generated.changes, 5_000).await.unwrap();
        store
    });
    let mut group = c.benchmark_group("sqlite fixture register");
    group.sample_size(20);
    group.bench_function("as_of(2023-12-31), whole register", |b| {
        b.iter(|| {
            rt.block_on(store.as_of(Timestamp::end_of(date!(2023 - 12 - 31))))
                .unwrap()
                .len()
        })
    });
    let n = register::InterpreterNumber::new(10_500).unwrap();
    group.bench_function("record_as_of(one interpreter, 2022-12-31)", |b| {
        b.iter(|| {
            rt.block_on(store.record_as_of(n, Timestamp::end_of(date!(2022 - 12 - 31))))
                .unwrap()
        })
    });
    tips(&rt, &store, &mut group);
    group.finish();
}

/// A tip through intake (contact sealed, one transaction) and an audited read of the case by
/// its assigned caseworker (contact opened, access log written).
fn tips(
    rt: &tokio::runtime::Runtime,
    store: &register::Database,
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
) {
    use register::tips::event::NewEvent;
    use register::tips::{CaseEvent, Channel, ContactKey, Ground, Grounds, NewTip, Reporter, ReporterContact};
    use register::tips::{ReporterRole, Subject, TipRules, Viewer};

    let key = ContactKey::random();
    let today = Timestamp::now().date();
    let tip = NewTip {
        received_on: today,
        channel: Channel::WebForm,
        subject: Subject::Interpreter {
            number: register::InterpreterNumber::new(10_500).unwrap(),
        },
        assignment_on: Some(today),
        assignment_place: "Legevakten".into(),
        grounds: Grounds::new([Ground::Confidentiality]).unwrap(),
        account: "Tolken fortalte andre hva som ble sagt under konsultasjonen. ".repeat(10),
        reporter: Reporter::Identified {
            role: ReporterRole::PublicBody,
            contact: ReporterContact::new("Kari Nordmann", Some("kari@example.no"), None).unwrap(),
        },
        received_by: "public:web".into(),
    };
    group.bench_function("receive_tip (sealed contact)", |b| {
        b.iter(|| rt.block_on(store.receive_tip(&tip, &key)).unwrap().id)
    });
    let case = rt.block_on(store.receive_tip(&tip, &key)).unwrap();
    let assign = NewEvent::new(
        CaseEvent::Assign {
            caseworker: "staff:kari".into(),
        },
        "staff:kari",
        "tar saken",
    );
    rt.block_on(store.append_event(case.id, case.version, &assign, &TipRules::default(), today))
        .unwrap();
    let viewer = Viewer::Staff {
        login: "staff:kari".into(),
    };
    group.bench_function("view_case (assigned caseworker, audited)", |b| {
        b.iter(|| rt.block_on(store.view_case(case.id, &viewer, &key)).unwrap())
    });
}

criterion_group!(benches, pure_rules, as_of);
criterion_main!(benches);
