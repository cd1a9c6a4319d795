//! Searches that match every document (no language, kind, gender, mode, availability or name;
//! at most county and category filters), answered without visiting every interpreter.
//!
//! The general collector costs ~9 ns per matching interpreter, too slow for browsing all 740 k
//! interpreters of a 1M-entry register. Here each segment's documents are grouped once by rank
//! and counted per county and rank; a search adds up the counts for its total and facets, and
//! ranks only the best categories needed to fill its page. The answers are those of the
//! collector: same counting rule, order key and tie-breaking (shared with `collector`).
//!
//! A segment's documents never change, so its groups are kept by segment id until a reload
//! no longer lists the segment (merged away or emptied). Deletions (an updated interpreter's
//! old document) are what changes: they are subtracted from the counts, recomputed whenever a
//! segment's deletion count grows, and skipped when ranking. Nothing cached depends on the day;
//! the rotation is applied per search.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::{DocAddress, DocId, Searcher, SegmentReader};

use crate::collector::{Collected, RANKS, Ranking, TopK, order_key};
use crate::rotation;
use crate::schema::decode_summary;

/// County numbers take the summary's 8 bits.
const COUNTY_SLOTS: usize = 256;

/// Documents per county number and rank.
#[derive(Clone)]
struct Grid(Vec<[usize; RANKS]>);

impl Grid {
    fn new() -> Grid {
        Grid(vec![[0; RANKS]; COUNTY_SLOTS])
    }

    fn cell(&mut self, summary: u64) -> &mut usize {
        let (_, county, rank) = decode_summary(summary);
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

/// One segment's documents, deleted ones included.
struct SegmentGroups {
    grid: Grid,
    /// Per rank, its documents' summaries and ids, in id order (rank 0, never listed, empty).
    members: [Vec<(u64, DocId)>; RANKS],
}

impl SegmentGroups {
    fn build(reader: &SegmentReader) -> tantivy::Result<SegmentGroups> {
        let summary = reader.fast_fields().u64("summary")?;
        let mut groups = SegmentGroups {
            grid: Grid::new(),
            members: Default::default(),
        };
        for doc in 0..reader.max_doc() {
            let value = summary.first(doc).unwrap_or(0);
            *groups.grid.cell(value) += 1;
            let (_, _, rank) = decode_summary(value);
            if rank > 0 {
                groups.members[rank as usize].push((value, doc));
            }
        }
        Ok(groups)
    }

    /// The grid of the segment's live documents.
    fn live(&self, reader: &SegmentReader) -> tantivy::Result<Grid> {
        let mut grid = self.grid.clone();
        if let Some(alive) = reader.alive_bitset() {
            let summary = reader.fast_fields().u64("summary")?;
            for doc in (0..reader.max_doc()).filter(|d| alive.is_deleted(*d)) {
                *grid.cell(summary.first(doc).unwrap_or(0)) -= 1;
            }
        }
        Ok(grid)
    }
}

/// A segment's groups and the grid of its live documents at a deletion count.
#[derive(Clone)]
struct Cached {
    groups: Arc<SegmentGroups>,
    deleted: DocId,
    live: Arc<Grid>,
}

/// The per-segment groups of the segments searched lately.
#[derive(Default)]
pub(crate) struct MatchAll {
    segments: Mutex<HashMap<SegmentId, Cached>>,
}

impl MatchAll {
    /// What the collector would yield for `r` over every live document of `searcher`. `r`
    /// must not be scored nor filter languages or kinds.
    pub fn collect(&self, searcher: &Searcher, r: &Ranking) -> tantivy::Result<Collected> {
        debug_assert!(!r.scored && r.languages.is_empty() && r.kinds.is_empty());
        let segments = self.segments(searcher)?;
        let mut grid = Grid::new();
        for s in &segments {
            grid.add(&s.live);
        }
        let mut out = grid.collected(r);
        out.top = top(searcher, &segments, r);
        Ok(out)
    }

    /// The cached groups of each of `searcher`'s segments, in segment order, built or brought
    /// up to date where needed; segments no longer searched are forgotten.
    fn segments(&self, searcher: &Searcher) -> tantivy::Result<Vec<Cached>> {
        let readers = searcher.segment_readers();
        let segments = readers
            .iter()
            .map(|reader| self.segment(reader))
            .collect::<tantivy::Result<Vec<_>>>()?;
        if let Ok(mut cache) = self.segments.lock() {
            cache.retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
        }
        Ok(segments)
    }

    fn segment(&self, reader: &SegmentReader) -> tantivy::Result<Cached> {
        let id = reader.segment_id();
        let deleted = reader.num_deleted_docs();
        let cached = self.segments.lock().ok().and_then(|c| c.get(&id).cloned());
        // A segment's deletions only grow, so their count tells whether `live` is current.
        let groups = match cached {
            Some(c) if c.deleted == deleted => return Ok(c),
            Some(c) => c.groups,
            None => Arc::new(SegmentGroups::build(reader)?),
        };
        let fresh = Cached {
            live: Arc::new(groups.live(reader)?),
            groups,
            deleted,
        };
        if let Ok(mut cache) = self.segments.lock() {
            cache.insert(id, fresh.clone());
        }
        Ok(fresh)
    }
}

/// The best `r.wanted` live documents: category by category, best first, each ranked by the
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
    use register::{Category, CountyCode};
    use tantivy::query::AllQuery;
    use time::Date;
    use time::macros::date;

    use super::*;
    use crate::collector::RankingCollector;
    use crate::document::PublicInterpreter;
    use crate::index::{SearchIndex, Update};

    const OSLO: u64 = 3;
    const VESTLAND: u64 = 46;

    /// Browsing with no filter, by county, by category and both; pages 1–3 of 20, and deep
    /// lists that run through category A into the next ones.
    fn rankings(day: Date) -> Vec<Ranking> {
        let filters: [(u64, &[u64]); 6] = [
            (0, &[]),
            (0, &[OSLO]),
            (0, &[OSLO, VESTLAND]),
            (4, &[]),
            (4, &[OSLO]),
            (5, &[]),
        ];
        let mut out = Vec::new();
        for (min_rank, counties) in filters {
            for wanted in [20, 40, 60, 1_000, 10_000] {
                out.push(Ranking {
                    wanted,
                    languages: Vec::new(),
                    kinds: Vec::new(),
                    min_rank,
                    counties: counties.to_vec(),
                    seed: rotation::daily_seed(day),
                    scored: false,
                });
            }
        }
        out
    }

    /// `groups` answers exactly as the collector visiting every document does.
    fn assert_same_as_collector(index: &SearchIndex, groups: &MatchAll, day: Date) {
        let searcher = index.searcher();
        let mut crossed_categories = false;
        for r in rankings(day) {
            let fast = groups.collect(&searcher, &r).unwrap();
            let slow = searcher
                .search(&AllQuery, &RankingCollector(Arc::new(r.clone())))
                .unwrap();
            assert_eq!(fast.total, slow.total, "total {r:?}");
            assert_eq!(fast.ranks, slow.ranks, "categories {r:?}");
            assert_eq!(fast.counties, slow.counties, "counties {r:?}");
            assert_eq!(fast.top, slow.top, "order {r:?}");
            assert_eq!(slow.top.len(), r.wanted.min(slow.total));
            crossed_categories |= slow.top.first().map(|t| t.0 >> 53) != slow.top.last().map(|t| t.0 >> 53);
        }
        assert!(crossed_categories, "no list reached past its best category");
    }

    /// Moves some interpreters to Oslo with category A in their best language and drops some
    /// others, in one commit (a new segment, deletions in the old ones).
    fn change_some(index: &SearchIndex, public: &[PublicInterpreter], step: usize) {
        let oslo: CountyCode = "03".parse().unwrap();
        let updates = public
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                if i % (7 * step) == step {
                    let mut p = p.clone();
                    p.county = oslo;
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

    #[test]
    fn match_all_answers_exactly_as_the_collector_visiting_every_document() {
        let day = date!(2026 - 11 - 23);
        let (records, index) = SearchIndex::generated(
            Options {
                seed: 5,
                scale: Some(20_000),
            },
            day,
            None,
        )
        .unwrap();
        let public = PublicInterpreter::listed(&records, day);
        let groups = MatchAll::default();
        assert_same_as_collector(&index, &groups, day);
        assert_same_as_collector(&index, &groups, day.next_day().unwrap());
        // New commits: the cached groups of older segments must follow their deletions.
        change_some(&index, &public, 1);
        assert_same_as_collector(&index, &groups, day);
        change_some(&index, &public, 2);
        let searcher = index.searcher();
        assert!(searcher.segment_readers().len() >= 2);
        assert!(searcher.segment_readers().iter().any(|s| s.num_deleted_docs() > 0));
        assert_same_as_collector(&index, &groups, day);
    }
}
