//! Every query rule of public search, checked against the fixture register: language matching,
//! filters, names and numbers, order and rotation, facets, paging, and who is never shown.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashSet};

use crate::fixture::fixture;
use register::interpreter::{Availability, Gender};
use register::{Category, CountyCode, LanguageCode, LanguageKind};
use search::analysis::fold;
use search::query::MAX_PER_PAGE;
use search::{Facets, PublicInterpreter, Query, WorkMode, rotation};
use time::Date;
use time::macros::date;

fn code(s: &str) -> LanguageCode {
    s.parse().unwrap()
}

/// The category that counts for `q` (best entry in the searched languages and kinds).
fn relevant(p: &PublicInterpreter, q: &Query) -> Option<Category> {
    p.entries
        .iter()
        .filter(|e| q.languages.is_empty() || q.languages.contains(&e.language))
        .filter(|e| q.kinds.is_empty() || q.kinds.contains(&e.kind))
        .map(|e| e.category)
        .max()
}

/// The oracle: whether `p` should be found by `q` (without name).
fn expected(p: &PublicInterpreter, q: &Query) -> bool {
    let Some(c) = relevant(p, q) else { return false };
    q.min_category.is_none_or(|m| c.meets(m))
        && (q.counties.is_empty() || q.counties.contains(&p.county))
        && (q.genders.is_empty() || q.genders.contains(&p.gender))
        && (q.modes.is_empty() || p.modes().iter().any(|m| q.modes.contains(m)))
        && (q.availability.is_empty() || q.availability.contains(&p.availability))
}

fn expected_numbers(q: &Query) -> BTreeSet<i64> {
    fixture()
        .public
        .iter()
        .filter(|p| expected(p, q))
        .map(|p| p.number.get())
        .collect()
}

/// Every hit of `q`, page by page.
fn all_hits(q: &Query) -> Vec<PublicInterpreter> {
    let f = fixture();
    let mut q = q.clone();
    q.per_page = MAX_PER_PAGE;
    q.page = 1;
    let mut out = Vec::new();
    loop {
        let r = f.index.search_on(&q, f.day).unwrap();
        let n = r.hits.len();
        out.extend(r.hits.iter().cloned());
        if n < q.per_page || out.len() >= 10_000 {
            assert_eq!(out.len(), r.total.min(10_000));
            return out;
        }
        q.page += 1;
    }
}

fn numbers(hits: &[PublicInterpreter]) -> BTreeSet<i64> {
    hits.iter().map(|p| p.number.get()).collect()
}

fn assert_matches_oracle(q: &Query, what: &str) {
    let hits = all_hits(q);
    let got = numbers(&hits);
    assert_eq!(got.len(), hits.len(), "{what}: duplicates in results");
    assert_eq!(got, expected_numbers(q), "{what}");
    assert!(!got.is_empty(), "{what}: the fixture should have hits");
}

#[test]
fn language_is_found_by_code_names_endonym_alias_member_and_typo() {
    let f = fixture();
    let m = f.index.languages();
    for (typed, want) in [
        ("ARB", "ARB"),
        ("arabisk", "ARB"),
        ("Arabic", "ARB"),
        ("العربية", "ARB"),
        ("arabsik", "ARB"),
        ("farsi", "PES"),
        ("Persian", "PES"),
        ("dari", "PRS"),
        ("kroatisk", "HBS"),
        ("serbisk", "HBS"),
        ("slovakisk", "CES"),
        ("tegnspråk", "NSL"),
        ("skrivetolk", "QTT"),
    ] {
        let found = m.resolve(typed).unwrap_or_else(|| panic!("{typed} not found"));
        assert_eq!(found.code.as_str(), want, "{typed}");
    }
    // A search for a member of a merged language lists the merged entry's interpreters.
    let hbs = m.resolve("kroatisk").unwrap().code;
    let hits = all_hits(&Query::language(hbs));
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|p| p.entry(code("HBS")).is_some()));
    assert!(m.resolve("qqqqqqqqq").is_none());
}

#[test]
fn language_search_lists_exactly_the_listed_interpreters_of_that_language() {
    for lang in ["ARB", "PES", "PRS", "UKR", "SOM", "NSL"] {
        assert_matches_oracle(&Query::language(code(lang)), lang);
    }
}

#[test]
fn minimum_category_keeps_that_category_and_higher() {
    for min in [Category::A, Category::B, Category::C, Category::D] {
        let q = Query {
            min_category: Some(min),
            ..Query::language(code("ARB"))
        };
        assert_matches_oracle(&q, &format!("ARB min {min}"));
        for p in all_hits(&q) {
            assert!(p.entry(code("ARB")).unwrap().category.meets(min));
        }
    }
    // Without a language: the best entry counts.
    let q = Query {
        min_category: Some(Category::B),
        ..Query::default()
    };
    assert_matches_oracle(&q, "any language, min B");
}

#[test]
fn county_gender_mode_availability_and_kind_filters_each_hold() {
    let oslo: CountyCode = "03".parse().unwrap();
    let vestland: CountyCode = "46".parse().unwrap();
    let cases: Vec<(&str, Query)> = vec![
        (
            "county",
            Query {
                counties: vec![oslo],
                ..Query::default()
            },
        ),
        (
            "two counties",
            Query {
                counties: vec![oslo, vestland],
                ..Query::language(code("ARB"))
            },
        ),
        (
            "gender",
            Query {
                genders: vec![Gender::Female],
                ..Query::language(code("ARB"))
            },
        ),
        (
            "mode",
            Query {
                modes: vec![WorkMode::Video],
                ..Query::default()
            },
        ),
        (
            "remote modes",
            Query {
                modes: vec![WorkMode::Telephone, WorkMode::Video],
                ..Query::language(code("SOM"))
            },
        ),
        (
            "availability",
            Query {
                availability: vec![Availability::FullTime],
                ..Query::default()
            },
        ),
        (
            "kind sign",
            Query {
                kinds: vec![LanguageKind::Sign],
                ..Query::default()
            },
        ),
        (
            "kind speech-to-text",
            Query {
                kinds: vec![LanguageKind::SpeechToText],
                ..Query::default()
            },
        ),
        (
            "kind deafblind",
            Query {
                kinds: vec![LanguageKind::Deafblind],
                ..Query::default()
            },
        ),
        (
            "kind spoken, min C",
            Query {
                kinds: vec![LanguageKind::Spoken],
                min_category: Some(Category::C),
                ..Query::default()
            },
        ),
        (
            "everything at once",
            Query {
                counties: vec![oslo, "32".parse().unwrap()],
                genders: vec![Gender::Female, Gender::Male],
                modes: vec![WorkMode::OnSite],
                availability: vec![Availability::PartTime, Availability::FullTime, Availability::Occasional],
                min_category: Some(Category::E),
                ..Query::language(code("ARB"))
            },
        ),
    ];
    for (what, q) in cases {
        assert_matches_oracle(&q, what);
    }
    let sign = all_hits(&Query {
        kinds: vec![LanguageKind::Sign],
        ..Query::default()
    });
    assert!(
        sign.iter()
            .all(|p| p.entries.iter().any(|e| e.kind == LanguageKind::Sign))
    );
    // Sign-language entries top out at B.
    assert!(sign.iter().all(|p| {
        p.entries
            .iter()
            .filter(|e| e.kind == LanguageKind::Sign)
            .all(|e| e.category <= Category::B)
    }));
}

#[test]
fn names_ignore_case_and_diacritics_tolerate_typos_and_put_exact_matches_first() {
    let f = fixture();
    let someone = f
        .public
        .iter()
        .find(|p| p.family_name.chars().any(|c| "øåæéØÅÆ".contains(c)) && p.family_name.chars().count() >= 6)
        .expect("a family name with Norwegian letters in the fixture");
    let family = &someone.family_name;
    let folded = fold(family);
    let upper = family.to_uppercase();
    // One typo: swap two neighbouring letters in the middle.
    let mut chars: Vec<char> = folded.chars().collect();
    chars.swap(2, 3);
    let typo: String = chars.into_iter().collect();
    for typed in [family.as_str(), folded.as_str(), upper.as_str(), typo.as_str()] {
        let q = Query {
            name: Some(typed.to_string()),
            ..Query::default()
        };
        let hits = all_hits(&q);
        assert!(
            numbers(&hits).contains(&someone.number.get()),
            "{typed} did not find {family}"
        );
    }
    // Exact first: everyone whose family name folds to the same word comes before any near miss.
    let q = Query {
        name: Some(typo.clone()),
        ..Query::default()
    };
    let exact = all_hits(&Query {
        name: Some(folded.clone()),
        ..Query::default()
    });
    let exact_first: Vec<bool> = exact
        .iter()
        .map(|p| fold(&p.family_name) == folded || fold(&p.given_name) == folded)
        .collect();
    let boundary = exact_first.iter().position(|e| !e).unwrap_or(exact_first.len());
    assert!(boundary > 0, "exact matches on top");
    assert!(
        exact_first[boundary..].iter().all(|e| !e),
        "an exact match after a near miss: {exact_first:?}"
    );
    assert!(!all_hits(&q).is_empty());

    // Given and family name together narrow to the person.
    let full = format!("{} {}", someone.given_name, someone.family_name);
    let r = f
        .index
        .search_on(
            &Query {
                name: Some(full),
                ..Query::default()
            },
            f.day,
        )
        .unwrap();
    assert_eq!(r.hits[0].family_name, someone.family_name);
    assert!(r.hits.iter().any(|p| p.number == someone.number));
}

#[test]
fn an_interpreter_number_finds_that_interpreter() {
    let f = fixture();
    let p = &f.public[17];
    let r = f
        .index
        .search_on(
            &Query {
                name: Some(p.number.to_string()),
                ..Query::default()
            },
            f.day,
        )
        .unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].number, p.number);
    assert_eq!(f.index.interpreter(p.number).unwrap().as_ref(), Some(p));
}

#[test]
fn category_a_comes_first_and_within_a_category_the_order_rotates_daily() {
    let f = fixture();
    let q = Query::language(code("ARB"));
    let hits = all_hits(&q);
    let categories: Vec<Category> = hits.iter().map(|p| p.entry(code("ARB")).unwrap().category).collect();
    assert!(categories.windows(2).all(|w| w[0] >= w[1]), "categories out of order");
    assert_eq!(categories.first(), Some(&Category::A));

    let page = |day, page| {
        f.index
            .search_on(
                &Query {
                    page,
                    per_page: 10,
                    ..q.clone()
                },
                day,
            )
            .unwrap()
            .hits
            .iter()
            .map(|p| p.number.get())
            .collect::<Vec<_>>()
    };
    let monday = date!(2026 - 11 - 23);
    let tuesday = date!(2026 - 11 - 24);
    // Stable: the same day gives the same order, and pages continue each other.
    assert_eq!(page(monday, 1), page(monday, 1));
    let twenty = f
        .index
        .search_on(
            &Query {
                per_page: 20,
                ..q.clone()
            },
            monday,
        )
        .unwrap()
        .hits
        .iter()
        .map(|p| p.number.get())
        .collect::<Vec<_>>();
    assert_eq!([page(monday, 1), page(monday, 2)].concat(), twenty);
    // Fair: another day, another order within the category.
    assert_ne!(page(monday, 1), page(tuesday, 1));
    let mut tops = HashSet::new();
    let mut day = date!(2026 - 01 - 01);
    for _ in 0..30 {
        tops.insert(page(day, 1)[0]);
        day = day.next_day().unwrap();
    }
    // Everyone in the top category takes a turn on top.
    let in_a = categories.iter().filter(|c| **c == Category::A).count();
    assert!(in_a >= 3, "fixture has {in_a} in category A");
    assert!(
        tops.len() * 3 >= in_a * 2,
        "only {tops:?} of {in_a} reached the top in 30 days"
    );
}

#[test]
fn facets_count_per_category_and_county_for_the_current_query() {
    let f = fixture();
    let oslo: CountyCode = "03".parse().unwrap();
    let q = Query {
        counties: vec![oslo],
        min_category: Some(Category::C),
        ..Query::language(code("ARB"))
    };
    let r = f.index.search_on(&q, f.day).unwrap();
    assert_eq!(r.total, expected_numbers(&q).len());
    assert_eq!(r.facets, expected_facets(&q));
    assert_eq!(r.facets.counties.len(), 15);
}

/// The oracle's facets for `q` (without name): each counts with every filter but its own.
fn expected_facets(q: &Query) -> Facets {
    let public = &fixture().public;
    let any_category = Query {
        min_category: None,
        ..q.clone()
    };
    let any_county = Query {
        counties: vec![],
        ..q.clone()
    };
    Facets {
        categories: Category::ALL
            .into_iter()
            .map(|c| {
                let n = public
                    .iter()
                    .filter(|p| expected(p, &any_category) && relevant(p, q) == Some(c))
                    .count();
                (c, n)
            })
            .collect(),
        counties: CountyCode::all()
            .map(|county| {
                let n = public
                    .iter()
                    .filter(|p| expected(p, &any_county) && p.county == county)
                    .count();
                (county, n)
            })
            .collect(),
    }
}

/// The oracle's list for `q` (without name) on `day`: best category first, then the day's
/// rotation within each category.
fn expected_order(q: &Query, day: Date) -> Vec<i64> {
    let seed = rotation::daily_seed(day);
    let mut hits: Vec<&PublicInterpreter> = fixture().public.iter().filter(|p| expected(p, q)).collect();
    hits.sort_by_key(|p| (Reverse(relevant(p, q)), rotation::position(seed, p.number.get() as u64)));
    hits.into_iter().map(|p| p.number.get()).collect()
}

#[test]
fn broad_searches_give_the_straightforward_totals_facets_and_pages() {
    let f = fixture();
    let cases = [
        ("everyone", Query::default()),
        (
            "everyone, min B",
            Query {
                min_category: Some(Category::B),
                ..Query::default()
            },
        ),
        (
            "everyone in Oslo or Vestland",
            Query {
                counties: vec!["03".parse().unwrap(), "46".parse().unwrap()],
                ..Query::default()
            },
        ),
        (
            "on site",
            Query {
                modes: vec![WorkMode::OnSite],
                ..Query::default()
            },
        ),
    ];
    for day in [f.day, date!(2026 - 11 - 24)] {
        for (what, q) in &cases {
            let order = expected_order(q, day);
            let in_a = expected_facets(q).category(Category::A);
            assert!(in_a > 0 && in_a < order.len(), "{what}: {in_a} of {} in A", order.len());
            // Pages 1–3, and the page where category A gives way to B.
            for (page, per_page) in [(1, 20), (2, 20), (3, 20), (in_a / 50 + 1, 50)] {
                let r = f
                    .index
                    .search_on(
                        &Query {
                            page,
                            per_page,
                            ..q.clone()
                        },
                        day,
                    )
                    .unwrap();
                assert_eq!(r.total, order.len(), "{what}: total");
                assert_eq!(r.facets, expected_facets(q), "{what}: facets");
                let got: Vec<i64> = r.hits.iter().map(|p| p.number.get()).collect();
                let want: Vec<i64> = order
                    .iter()
                    .copied()
                    .skip((page - 1) * per_page)
                    .take(per_page)
                    .collect();
                assert_eq!(got, want, "{what}: page {page} of {per_page} on {day}");
            }
        }
    }
}

#[test]
fn paging_splits_the_list_and_refuses_pages_out_of_range() {
    let f = fixture();
    let q = Query {
        per_page: 7,
        ..Query::language(code("ARB"))
    };
    let r = f.index.search_on(&q, f.day).unwrap();
    assert_eq!(r.hits.len(), 7);
    assert_eq!(r.pages(), r.total.div_ceil(7));
    let last = f
        .index
        .search_on(
            &Query {
                page: r.pages(),
                ..q.clone()
            },
            f.day,
        )
        .unwrap();
    assert_eq!(last.hits.len(), r.total - 7 * (r.pages() - 1));
    let beyond = f
        .index
        .search_on(
            &Query {
                page: r.pages() + 1,
                ..q.clone()
            },
            f.day,
        )
        .unwrap();
    assert!(beyond.hits.is_empty());
    assert_eq!(beyond.total, r.total);
    for (page, per_page) in [(0, 10), (1, 0), (1, 101), (501, 20)] {
        assert!(
            f.index
                .search_on(
                    &Query {
                        page,
                        per_page,
                        ..q.clone()
                    },
                    f.day
                )
                .is_err(),
            "{page}/{per_page}"
        );
    }
}

#[test]
fn suspended_excluded_withdrawn_and_no_basis_entries_never_appear() {
    let f = fixture();
    let hidden: Vec<&register::InterpreterRecord> = f.records.iter().filter(|r| !r.is_listed_on(f.day)).collect();
    assert!(!hidden.is_empty());
    let statuses: HashSet<&str> = hidden
        .iter()
        .flat_map(|r| r.entries.iter().map(|e| e.status.as_str()))
        .collect();
    for s in ["suspended", "excluded_permanently", "withdrawn", "no_basis"] {
        assert!(statuses.contains(s), "fixture lacks a {s} interpreter: {statuses:?}");
    }
    let everyone = numbers(&all_hits(&Query::default()));
    assert_eq!(everyone.len(), f.public.len());
    for r in hidden {
        assert!(
            !everyone.contains(&r.number.get()),
            "{} is not listed but was found",
            r.number
        );
        assert_eq!(f.index.interpreter(r.number).unwrap(), None);
        let by_number = f
            .index
            .search_on(
                &Query {
                    name: Some(r.number.to_string()),
                    ..Query::default()
                },
                f.day,
            )
            .unwrap();
        assert_eq!(by_number.total, 0);
    }
    // An interpreter with one listed and one unlisted entry shows only the listed one.
    for r in f
        .records
        .iter()
        .filter(|r| r.is_listed_on(f.day) && r.entries.iter().any(|e| !e.is_listed_on(f.day)))
    {
        let p = f.index.interpreter(r.number).unwrap().unwrap();
        assert_eq!(p.entries.len(), r.listed_entries(f.day).count());
    }
}

#[test]
fn only_public_fields_are_stored() {
    let f = fixture();
    let with_private_address = f
        .records
        .iter()
        .find(|r| r.profile.address.is_some() && !r.profile.address_public && r.is_listed_on(f.day));
    if let Some(r) = with_private_address {
        assert_eq!(f.index.interpreter(r.number).unwrap().unwrap().address, None);
    }
    let json = serde_json::to_string(&f.index.interpreter(f.public[0].number).unwrap()).unwrap();
    for private in ["national_id", "qualifications", "licences", "status", "evidence"] {
        assert!(!json.contains(private), "{private} in {json}");
    }
    let id = f
        .records
        .iter()
        .find(|r| r.number == f.public[0].number)
        .unwrap()
        .profile
        .national_id
        .expose()
        .to_string();
    assert!(!json.contains(&id));
}

#[test]
fn language_counts_match_the_register() {
    let f = fixture();
    let counts = f.index.language_counts().unwrap();
    assert_eq!(counts.interpreters, f.public.len());
    for lang in ["ARB", "UKR", "NSL"] {
        let (per, total) = counts.of(code(lang)).unwrap();
        let want: Vec<usize> = Category::ALL
            .iter()
            .map(|c| {
                f.public
                    .iter()
                    .filter(|p| p.entry(code(lang)).is_some_and(|e| e.category == *c))
                    .count()
            })
            .collect();
        assert_eq!(per.to_vec(), want, "{lang}");
        assert_eq!(total, want.iter().sum::<usize>());
    }
}
