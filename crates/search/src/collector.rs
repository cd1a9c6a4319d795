//! The tantivy collector behind every search: decides each matching interpreter's category for
//! the query, applies category and county filters, counts facets and keeps the top of the order.
//! Order: name match quality (when a name is given), then category A first, then the rotation.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::rotation;
use crate::schema::{decode_entry, decode_summary};

/// County numbers are below this.
const COUNTIES: usize = 64;
/// Ranks 0 (none) to 5 (A).
const RANKS: usize = 6;

/// What the collector needs from the query, already encoded for the fast columns.
#[derive(Debug, Clone)]
pub(crate) struct Ranking {
    /// How many of the best to keep (page × per page).
    pub wanted: usize,
    /// Language keys; an entry must be in one of them (empty: any).
    pub languages: Vec<u64>,
    /// Kind codes; an entry must be of one of them (empty: any).
    pub kinds: Vec<u64>,
    /// The lowest acceptable rank (0: any).
    pub min_rank: u64,
    /// County numbers (empty: any).
    pub counties: Vec<u64>,
    /// The rotation seed of the day.
    pub seed: u64,
    /// Whether the query is scored (a name was given).
    pub scored: bool,
}

/// What one segment, and then the whole index, yields.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub total: usize,
    /// Count per rank, with every filter but the category.
    pub ranks: [usize; RANKS],
    /// Count per county number, with every filter but the county.
    pub counties: Vec<usize>,
    /// The best documents, best first after `merge`.
    pub top: Vec<(u64, DocAddress)>,
}

pub(crate) struct SegmentRanking {
    ranking: Arc<Ranking>,
    segment: SegmentOrdinal,
    summary: Column<u64>,
    entries: Column<u64>,
    heap: BinaryHeap<Reverse<(u64, DocId)>>,
    ranks: [usize; RANKS],
    counties: Vec<usize>,
    total: usize,
}

impl SegmentRanking {
    /// The rank that counts for this query: the best entry in the searched languages and
    /// kinds (0 if none); `best` when neither is searched.
    fn rank(&self, doc: DocId, best: u64) -> u64 {
        let r = &self.ranking;
        if r.languages.is_empty() && r.kinds.is_empty() {
            return best;
        }
        self.entries
            .values_for_doc(doc)
            .map(decode_entry)
            .filter(|(lang, kind, _)| {
                (r.languages.is_empty() || r.languages.contains(lang)) && (r.kinds.is_empty() || r.kinds.contains(kind))
            })
            .map(|(_, _, rank)| rank)
            .max()
            .unwrap_or(0)
    }
}

/// `Collector` over a shared [`Ranking`].
pub(crate) struct RankingCollector(pub Arc<Ranking>);

impl Collector for RankingCollector {
    type Fruit = Collected;
    type Child = SegmentRanking;

    fn for_segment(&self, segment: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        let fast = reader.fast_fields();
        Ok(SegmentRanking {
            ranking: self.0.clone(),
            segment,
            summary: fast.u64("summary")?,
            entries: fast.u64("entries")?,
            heap: BinaryHeap::with_capacity(self.0.wanted + 1),
            ranks: [0; RANKS],
            counties: vec![0; COUNTIES],
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.0.scored
    }

    fn merge_fruits(&self, fruits: Vec<Collected>) -> tantivy::Result<Collected> {
        let mut out = Collected {
            counties: vec![0; COUNTIES],
            ..Collected::default()
        };
        for f in fruits {
            out.total += f.total;
            for (a, b) in out.ranks.iter_mut().zip(f.ranks) {
                *a += b;
            }
            for (a, b) in out.counties.iter_mut().zip(f.counties) {
                *a += b;
            }
            out.top.extend(f.top);
        }
        out.top.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        out.top.truncate(self.0.wanted);
        Ok(out)
    }
}

impl SegmentCollector for SegmentRanking {
    type Fruit = Collected;

    fn collect(&mut self, doc: DocId, score: Score) {
        let (number, county, best) = decode_summary(self.summary.first(doc).unwrap_or(0));
        let rank = self.rank(doc, best);
        if rank == 0 {
            return;
        }
        let r = &*self.ranking;
        let county_ok = r.counties.is_empty() || r.counties.contains(&county);
        let rank_ok = rank >= r.min_rank;
        if county_ok {
            self.ranks[rank as usize] += 1;
        }
        if rank_ok && let Some(c) = self.counties.get_mut(county as usize) {
            *c += 1;
        }
        if !(county_ok && rank_ok) {
            return;
        }
        self.total += 1;
        if r.wanted == 0 {
            return;
        }
        let tier = if r.scored {
            score.round().clamp(0.0, 255.0) as u64
        } else {
            0
        };
        let place = rotation::position(r.seed, number);
        let key = (tier << 56) | (rank << 53) | (!place >> 11);
        if self.heap.len() < r.wanted {
            self.heap.push(Reverse((key, doc)));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && key > worst.0.0
        {
            *worst = Reverse((key, doc));
        }
    }

    fn harvest(self) -> Collected {
        let segment = self.segment;
        Collected {
            total: self.total,
            ranks: self.ranks,
            counties: self.counties,
            top: self
                .heap
                .into_iter()
                .map(|Reverse((key, doc))| (key, DocAddress::new(segment, doc)))
                .collect(),
        }
    }
}
