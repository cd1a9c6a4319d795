//! Criterion benchmarks of the query API on the fixture register: typical searches (ranked anew,
//! and from the cache), a name search with a typo, an interpreter lookup and the language resolver.

use criterion::{Criterion, criterion_group, criterion_main};
use register::generator::Options;
use register::{Category, Timestamp};
use search::{PublicInterpreter, Query, SearchIndex, WorkMode};

fn benches(c: &mut Criterion) {
    let day = Timestamp::now().date();
    let (records, index) = SearchIndex::generated(Options::default(), day, None).unwrap();
    let public = PublicInterpreter::listed(&records, day);
    let arb = "ARB".parse().unwrap();

    c.bench_function("search: language ARB, page 1", |b| {
        b.iter(|| index.search_uncached(&Query::language(arb), day).unwrap())
    });
    c.bench_function("search: language ARB, page 1, from the cache", |b| {
        b.iter(|| index.search_on(&Query::language(arb), day).unwrap())
    });
    let filtered = Query {
        min_category: Some(Category::C),
        counties: vec!["03".parse().unwrap()],
        modes: vec![WorkMode::Telephone],
        ..Query::language(arb)
    };
    c.bench_function("search: ARB, min C, Oslo, telephone", |b| {
        b.iter(|| index.search_uncached(&filtered, day).unwrap())
    });
    let name = Query {
        name: Some(public[0].family_name.to_lowercase().replacen('a', "e", 1)),
        ..Query::default()
    };
    c.bench_function("search: name with a typo", |b| {
        b.iter(|| index.search_uncached(&name, day).unwrap())
    });
    c.bench_function("search: everyone, page 5", |b| {
        b.iter(|| {
            index
                .search_uncached(
                    &Query {
                        page: 5,
                        ..Query::default()
                    },
                    day,
                )
                .unwrap()
        })
    });
    let n = public[10].number;
    c.bench_function("interpreter by number", |b| b.iter(|| index.interpreter(n).unwrap()));
    c.bench_function("resolve language: arabsik", |b| {
        b.iter(|| index.languages().resolve("arabsik"))
    });
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
