//! Unscored searches (term filters at most: languages, kinds, gender, way of working,
//! availability; no name) answered without visiting every matching interpreter.
//!
//! The general collector costs ~9 ns per matching interpreter: too slow at 1M entries for
//! browsing all 740 k interpreters, or for a broad filter such as "on site" (85 % of them).
//! Here the interpreters of one segment that match one set of term filters are grouped once,
//! by their rank for those filters, and counted per county and rank. A search adds up the
//! counts for its total and facets (county and category filters are applied to the counts,
//! not to the groups, so all their combinations share one group) and ranks only the best
//! categories needed to fill its page. The answers are those of the collector: same rank rule,
//! counting rule, order key and tie-breaking (all shared with `collector`).
//!
//! A segment's documents never change, so its groups stay valid until a reload no longer lists
//! the segment (merged away or emptied). Deletions (an updated interpreter's old document) are
//! what changes: they are subtracted from the counts, recomputed whenever a segment's deletion
//! count grows, and skipped when ranking. Nothing cached depends on the day; the rotation is
//! applied per search. The groups held are bounded by a member budget and the least recently
//! used go first, so rare filter combinations cannot grow the service's memory without end.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query as TantivyQuery, Weight};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use crate::collector::{Collected, RANKS, Ranking, TopK, order_key, query_rank};
use crate::query::Query;
use crate::rotation;
use crate::schema::decode_summary;

/// County numbers take the summary's 8 bits.
const COUNTY_SLOTS: usize = 256;

/// Members kept over all groups: 16 bytes each, so about 64 MB. A 1M-entry register has
/// 740 k listed interpreters; this holds the everyone group and a handful of broad filters
/// next to many language groups.
pub(crate) const MEMBER_BUDGET: usize = 4_000_000;

/// Matching documents per county number and rank.
#[derive(Clone)]
struct Grid(Vec<[usize; RANKS]>);

impl Grid {
    fn new() -> Grid {
        Grid(vec![[0; RANKS]; COUNTY_SLOTS])
    }

    fn cell(&mut self, county: u64, rank: u64) -> &mut usize {
        &mut self.0[county as usize][rank as usize]
    }

    fn add(&mut self, other: &Grid) {
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }

    /// Total and facets of `r` over these documents, by the collector's counting rule.
    fn collected(&self, r: &Ranking) -> Collected {
        let mut out = Collected::default();
        for (county, per_rank) in self.0.iter().enumerate() {
            for (rank, n) in per_rank.iter().enumerate().skip(1) {
                out.count(r, county as u64, rank as u64, *n);
            }
        }
        out
    }
}

/// The documents of one segment that match one set of term filters, deleted ones included.
struct SegmentGroups {
    /// Per rank for the filters, its documents' summaries and ids in id order. Rank 0 (no
    /// entry in the searched languages or kinds) is never listed and stays empty.
    members: [Vec<(u64, DocId)>; RANKS],
}

impl SegmentGroups {
    fn build(reader: &SegmentReader, weight: &dyn Weight, r: &Ranking) -> tantivy::Result<SegmentGroups> {
        let fast = reader.fast_fields();
        let summary = fast.u64("summary")?;
        let entries = fast.u64("entries")?;
        let mut members: [Vec<(u64, DocId)>; RANKS] = Default::default();
        // Deleted documents are visited too (the weight does not skip them): a deletion later
        // only changes the live counts, never the groups.
        weight.for_each_no_score(reader, &mut |docs| {
            for &doc in docs {
                let value = summary.first(doc).unwrap_or(0);
                let (_, _, best) = decode_summary(value);
                let rank = query_rank(r, &entries, doc, best);
                if rank > 0 {
                    members[rank as usize].push((value, doc));
                }
            }
        })?;
        Ok(SegmentGroups { members })
    }

    fn len(&self) -> usize {
        self.members.iter().map(Vec::len).sum()
    }

    /// The grid of the members still alive in `reader`.
    fn live(&self, reader: &SegmentReader) -> Grid {
        let alive = reader.alive_bitset();
        let mut grid = Grid::new();
        for (rank, members) in self.members.iter().enumerate() {
            for &(summary, doc) in members {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let (_, county, _) = decode_summary(summary);
                    *grid.cell(county, rank as u64) += 1;
                }
            }
        }
        grid
    }
}

/// A segment's groups for one filter key and the grid of its live members at a deletion count.
#[derive(Clone)]
struct Cached {
    groups: Arc<SegmentGroups>,
    deleted: DocId,
    live: Arc<Grid>,
}

/// The term filters of a query, which alone decide its groups: the query without name,
/// county, category and page.
pub(crate) fn group_key(query: &Query) -> Query {
    Query {
        name: None,
        counties: Vec::new(),
        min_category: None,
        page: 1,
        per_page: 1,
        ..query.clone()
    }
}

struct Slot {
    cached: Cached,
    /// When it was last used, by the cache's clock.
    used: u64,
}

#[derive(Default)]
struct Cache {
    slots: HashMap<(SegmentId, Query), Slot>,
    /// Members held by all slots.
    members: usize,
    clock: u64,
    /// The searcher generation whose segments the slots were last pruned to.
    generation: Option<u64>,
}

impl Cache {
    fn get(&mut self, key: &(SegmentId, Query)) -> Option<Cached> {
        self.clock += 1;
        let clock = self.clock;
        self.slots.get_mut(key).map(|slot| {
            slot.used = clock;
            slot.cached.clone()
        })
    }

    fn insert(&mut self, key: (SegmentId, Query), cached: Cached, budget: usize) {
        let size = cached.groups.len();
        if size > budget {
            return;
        }
        self.clock += 1;
        let slot = Slot {
            cached,
            used: self.clock,
        };
        if let Some(old) = self.slots.insert(key, slot) {
            self.members -= old.cached.groups.len();
        }
        self.members += size;
        while self.members > budget {
            let Some(oldest) = self.slots.iter().min_by_key(|(_, s)| s.used).map(|(k, _)| k.clone()) else {
                break;
            };
            if let Some(gone) = self.slots.remove(&oldest) {
                self.members -= gone.cached.groups.len();
            }
        }
    }

    /// Forgets the slots of segments `searcher` no longer has, once per generation.
    fn prune(&mut self, searcher: &Searcher) {
        let generation = searcher.generation().generation_id();
        if self.generation == Some(generation) {
            return;
        }
        self.generation = Some(generation);
        let readers = searcher.segment_readers();
        let mut freed = 0;
        self.slots.retain(|(id, _), slot| {
            let keep = readers.iter().any(|r| r.segment_id() == *id);
            if !keep {
                freed += slot.cached.groups.len();
            }
            keep
        });
        self.members -= freed;
    }
}

/// The per-segment groups of the filters searched lately.
pub(crate) struct Groups {
    budget: usize,
    cache: Mutex<Cache>,
}

impl Default for Groups {
    fn default() -> Groups {
        Groups::with_budget(MEMBER_BUDGET)
    }
}

impl Groups {
    pub fn with_budget(budget: usize) -> Groups {
        Groups {
            budget,
            cache: Mutex::new(Cache::default()),
        }
    }

    /// What the collector would yield for `r` over the live documents of `searcher` that
    /// match `filter`, the term filters of `key` (see [`group_key`]). `r` must not be scored.
    pub fn collect(
        &self,
        searcher: &Searcher,
        key: &Query,
        filter: &dyn TantivyQuery,
        r: &Ranking,
    ) -> tantivy::Result<Collected> {
        debug_assert!(!r.scored);
        let segments = self.segments(searcher, key, filter, r)?;
        let mut grid = Grid::new();
        for s in &segments {
            grid.add(&s.live);
        }
        let mut out = grid.collected(r);
        out.top = top(searcher, &segments, r);
        Ok(out)
    }

    /// Members held, over all groups (tests of the budget).
    #[cfg(test)]
    pub fn members(&self) -> usize {
        self.cache.lock().map_or(0, |c| c.members)
    }

    /// The groups of each of `searcher`'s segments for `key`, in segment order, built or
    /// brought up to date where needed.
    fn segments(
        &self,
        searcher: &Searcher,
        key: &Query,
        filter: &dyn TantivyQuery,
        r: &Ranking,
    ) -> tantivy::Result<Vec<Cached>> {
        if let Ok(mut cache) = self.cache.lock() {
            cache.prune(searcher);
        }
        let mut weight: Option<Box<dyn Weight>> = None;
        let mut out = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            let slot = (reader.segment_id(), key.clone());
            let deleted = reader.num_deleted_docs();
            let cached = self.cache.lock().ok().and_then(|mut c| c.get(&slot));
            // A segment's deletions only grow, so their count tells whether `live` is current.
            let groups = match cached {
                Some(c) if c.deleted == deleted => {
                    out.push(c);
                    continue;
                }
                Some(c) => c.groups,
                None => {
                    if weight.is_none() {
                        weight = Some(filter.weight(EnableScoring::disabled_from_searcher(searcher))?);
                    }
                    let weight = weight
                        .as_deref()
                        .ok_or_else(|| tantivy::TantivyError::InternalError("no weight".into()))?;
                    Arc::new(SegmentGroups::build(reader, weight, r)?)
                }
            };
            let fresh = Cached {
                live: Arc::new(groups.live(reader)),
                groups,
                deleted,
            };
            if let Ok(mut cache) = self.cache.lock() {
                cache.insert(slot, fresh.clone(), self.budget);
            }
            out.push(fresh);
        }
        Ok(out)
    }
}

/// The best `r.wanted` live members: category by category, best first, each ranked by the
/// rotation, until the page is full.
fn top(searcher: &Searcher, segments: &[Cached], r: &Ranking) -> Vec<(u64, DocAddress)> {
    let mut out = Vec::with_capacity(r.wanted);
    for rank in (r.min_rank.max(1)..RANKS as u64).rev() {
        if out.len() >= r.wanted {
            break;
        }
        let mut best = TopK::new(r.wanted - out.len());
        for (ordinal, (s, reader)) in segments.iter().zip(searcher.segment_readers()).enumerate() {
            let alive = reader.alive_bitset();
            for &(summary, doc) in &s.groups.members[rank as usize] {
                let (number, county, _) = decode_summary(summary);
                if r.county_ok(county) && alive.is_none_or(|a| a.is_alive(doc)) {
                    let key = order_key(0, rank, rotation::position(r.seed, number));
                    best.offer(key, DocAddress::new(ordinal as u32, doc));
                }
            }
        }
        out.extend(best.into_sorted());
    }
    out
}

#[cfg(test)]
mod tests {
    use register::generator::Options;
    use register::interpreter::{Availability, Gender};
    use register::{Category, CountyCode, LanguageCode, LanguageKind};
    use time::Date;
    use time::macros::date;

    use super::*;
    use crate::document::PublicInterpreter;
    use crate::index::{SearchIndex, Update};
    use crate::query::WorkMode;

    fn language(code: &str) -> LanguageCode {
        code.parse().unwrap()
    }

    fn county(code: &str) -> CountyCode {
        code.parse().unwrap()
    }

    /// Term filters of every kind, alone and together, with language and kind filters that
    /// change an interpreter's rank for the search.
    fn filters() -> Vec<Query> {
        vec![
            Query::default(),
            Query::language(language("ARB")),
            Query {
                languages: vec![language("ARB"), language("PES")],
                ..Query::default()
            },
            Query {
                kinds: vec![LanguageKind::Sign],
                ..Query::default()
            },
            Query {
                kinds: vec![LanguageKind::Spoken],
                modes: vec![WorkMode::Video],
                ..Query::default()
            },
            Query {
                modes: vec![WorkMode::OnSite],
                ..Query::default()
            },
            Query {
                modes: vec![WorkMode::Telephone, WorkMode::Video],
                genders: vec![Gender::Female],
                ..Query::default()
            },
            Query {
                availability: vec![Availability::Occasional],
                ..Query::language(language("SOM"))
            },
        ]
    }

    /// Each filter with county and category filters and pages 1–3 of 20, and deep lists that
    /// run through the best category into the next ones.
    fn queries() -> Vec<Query> {
        let mut out = Vec::new();
        for filter in filters() {
            for counties in [vec![], vec![county("03")], vec![county("03"), county("46")]] {
                for min_category in [None, Some(Category::B)] {
                    for (page, per_page) in [(1, 20), (2, 20), (3, 20), (10, 100), (100, 100)] {
                        out.push(Query {
                            counties: counties.clone(),
                            min_category,
                            page,
                            per_page,
                            ..filter.clone()
                        });
                    }
                }
            }
        }
        out
    }

    /// Every query answers from the groups exactly as the collector visiting every hit does.
    fn assert_same_as_collector(index: &SearchIndex, day: Date) {
        let mut ran_out = false;
        for query in queries() {
            let grouped = index.search_uncached(&query, day).unwrap();
            let visited = index.search_visiting_every_hit(&query, day).unwrap();
            assert_eq!(grouped, visited, "{query:?}");
            ran_out |= !visited.hits.is_empty() && visited.hits.len() < visited.per_page;
        }
        assert!(ran_out, "no list ran to its end through every category");
    }

    /// Moves some interpreters to Oslo with category A in their first language and drops some
    /// others, in one commit (a new segment, deletions in the old ones).
    fn change_some(index: &SearchIndex, public: &[PublicInterpreter], step: usize) {
        let updates = public
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                if i % (7 * step) == step {
                    let mut p = p.clone();
                    p.county = county("03");
                    p.entries[0].category = Category::A;
                    Some(Update::Upsert(Box::new(p)))
                } else if i % (11 * step) == step {
                    Some(Update::Remove(p.number))
                } else {
                    None
                }
            })
            .collect();
        index.apply(updates, &index.state().unwrap()).unwrap();
    }

    fn generated(day: Date) -> (Vec<PublicInterpreter>, SearchIndex) {
        let options = Options {
            seed: 5,
            scale: Some(20_000),
        };
        let (records, index) = SearchIndex::generated(options, day, None).unwrap();
        (PublicInterpreter::listed(&records, day), index)
    }

    #[test]
    fn grouped_searches_answer_exactly_as_the_collector_visiting_every_hit() {
        let day = date!(2026 - 11 - 23);
        let (public, index) = generated(day);
        assert_same_as_collector(&index, day);
        // Another day's rotation from the same groups.
        assert_same_as_collector(&index, day.next_day().unwrap());
        // New commits: the cached groups of older segments must follow their deletions.
        change_some(&index, &public, 1);
        assert_same_as_collector(&index, day);
        change_some(&index, &public, 2);
        let searcher = index.searcher();
        assert!(searcher.segment_readers().len() >= 2);
        assert!(searcher.segment_readers().iter().any(|s| s.num_deleted_docs() > 0));
        assert_same_as_collector(&index, day);
    }

    #[test]
    fn the_group_cache_stays_within_its_budget_and_still_answers_right() {
        let day = date!(2026 - 11 - 23);
        let (_, mut index) = generated(day);
        let everyone = index.search_uncached(&Query::default(), day).unwrap().total;
        // Room for the everyone group and a little more, so that the broad filters below
        // evict each other.
        let budget = everyone + everyone / 4;
        index.set_group_budget(budget);
        for _ in 0..2 {
            for query in filters() {
                let grouped = index.search_uncached(&query, day).unwrap();
                assert_eq!(
                    grouped,
                    index.search_visiting_every_hit(&query, day).unwrap(),
                    "{query:?}"
                );
                assert!(index.group_members() <= budget, "{} > {budget}", index.group_members());
            }
        }
        assert!(index.group_members() > 0, "nothing was kept");
        // Groups larger than the whole budget are answered but not kept.
        index.set_group_budget(0);
        let all = index.search_uncached(&Query::default(), day).unwrap();
        assert_eq!(all.total, everyone);
        assert_eq!(index.group_members(), 0);
    }
}
