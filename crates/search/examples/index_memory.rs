//! Memory of a search process over a built index: opens the index in DIR (for instance one the
//! latency bench left with `--keep-index`), runs every language, every kind and the broad
//! filters with and without county and category filters, then prints the resident set size
//! and its peak. What a public service adds to this is the web stack (a few MB) and, during a
//! rebuild from the register, the records it reads.
//!
//! cargo run --release -p search --example index_memory -- /tmp/index-1m

use std::time::Instant;

use register::{Catalogue, Category, LanguageKind, Timestamp};
use search::{Query, SearchIndex, WorkMode};

/// A line of /proc/self/status, such as "VmRSS:   183204 kB".
fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".into())
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: index_memory DIR");
    let catalogue = Catalogue::bundled();
    let t = Instant::now();
    let index = SearchIndex::open(Some(std::path::Path::new(&dir)), catalogue.clone()).unwrap();
    println!("opened in {:.2} s; RSS {}", t.elapsed().as_secs_f64(), status("VmRSS"));
    let day = Timestamp::now().date();
    let mut queries: Vec<Query> = catalogue.languages().map(|l| Query::language(l.code)).collect();
    queries.extend(LanguageKind::ALL.into_iter().map(|k| Query {
        kinds: vec![k],
        ..Query::default()
    }));
    queries.extend(WorkMode::ALL.into_iter().map(|m| Query {
        modes: vec![m],
        ..Query::default()
    }));
    queries.push(Query::default());
    let narrowed: Vec<Query> = queries
        .iter()
        .flat_map(|q| {
            [
                Query {
                    counties: vec!["03".parse().unwrap()],
                    ..q.clone()
                },
                Query {
                    min_category: Some(Category::B),
                    ..q.clone()
                },
                Query { page: 5, ..q.clone() },
            ]
        })
        .collect();
    queries.extend(narrowed);
    let t = Instant::now();
    let mut found = 0;
    for q in &queries {
        found += index.search_uncached(q, day).unwrap().total;
    }
    println!(
        "{} searches ({} hits in all) in {:.2} s; {} interpreters listed",
        queries.len(),
        found,
        t.elapsed().as_secs_f64(),
        index.language_counts().unwrap().interpreters
    );
    println!("RSS {}, peak {}", status("VmRSS"), status("VmHWM"));
}
