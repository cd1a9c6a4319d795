//! The tantivy collector behind every search: decides each matching interpreter's category for
//! the query, applies category and county filters, counts facets and keeps the top of the order.
//! Order: name match quality (when a name is given), then category A first, then the rotation.
//! The counting rule ([`Collected::count`]), the order key ([`order_key`]) and the top list
//! ([`TopK`]) and the rank of an interpreter for a query ([`query_rank`]) are shared with
//! `groups`, which must give the same answers without visiting every interpreter.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{COLLECT_BLOCK_BUFFER_LEN, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::rotation;
use crate::schema::{decode_entry, decode_summary};

/// County numbers are below this.
pub(crate) const COUNTIES: usize = 64;
/// Ranks 0 (none) to 5 (A).
pub(crate) const RANKS: usize = 6;

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

impl Ranking {
    pub fn county_ok(&self, county: u64) -> bool {
        self.counties.is_empty() || self.counties.contains(&county)
    }
}

/// The order of a hit, higher first: name match tier (0 unless scored), rank, then the day's
/// rotation place (lower first), of which the top 53 bits fit below tier and rank.
pub(crate) fn order_key(tier: u64, rank: u64, place: u64) -> u64 {
    (tier << 56) | (rank << 53) | (!place >> 11)
}

/// The highest key any hit of `tier` and `rank` can have: a bound that spares computing the
/// rotation place of hits that cannot make the page.
pub(crate) fn best_key(tier: u64, rank: u64) -> u64 {
    order_key(tier, rank, 0)
}

/// What one segment, and then the whole index, yields.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Collected {
    pub total: usize,
    /// Count per rank, with every filter but the category.
    pub ranks: [usize; RANKS],
    /// Count per county number, with every filter but the county.
    pub counties: Vec<usize>,
    /// The best documents, best first after `merge`.
    pub top: Vec<(u64, DocAddress)>,
}

impl Default for Collected {
    fn default() -> Self {
        Collected {
            total: 0,
            ranks: [0; RANKS],
            counties: vec![0; COUNTIES],
            top: Vec::new(),
        }
    }
}

impl Collected {
    /// Counts `n` interpreters of `county` and `rank` (> 0) that pass the query's term filters:
    /// in each facet if they pass every other filter, in the total if they pass all. Returns
    /// whether they pass all (and so belong in the list).
    pub fn count(&mut self, r: &Ranking, county: u64, rank: u64, n: usize) -> bool {
        let county_ok = r.county_ok(county);
        let rank_ok = rank >= r.min_rank;
        if county_ok {
            self.ranks[rank as usize] += n;
        }
        if rank_ok && let Some(c) = self.counties.get_mut(county as usize) {
            *c += n;
        }
        if county_ok && rank_ok {
            self.total += n;
        }
        county_ok && rank_ok
    }
}

/// The `k` best of a stream of (key, id) pairs, best first: higher key, and among equal keys the
/// lower id, the same order a full sort gives, so that every path breaks ties alike.
pub(crate) struct TopK<T> {
    k: usize,
    /// Min-heap on (key, reversed id): its top is the worst kept pair.
    heap: BinaryHeap<Reverse<(u64, Reverse<T>)>>,
}

impl<T: Ord> TopK<T> {
    pub fn new(k: usize) -> TopK<T> {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    /// Whether a pair whose key is at most `bound` could still get in.
    pub fn may_take(&self, bound: u64) -> bool {
        self.heap.len() < self.k || self.heap.peek().is_some_and(|Reverse((worst, _))| bound >= *worst)
    }

    pub fn offer(&mut self, key: u64, id: T) {
        let pair = Reverse((key, Reverse(id)));
        if self.heap.len() < self.k {
            self.heap.push(pair);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && pair < *worst
        {
            *worst = pair;
        }
    }

    pub fn into_sorted(self) -> Vec<(u64, T)> {
        let mut pairs: Vec<(u64, T)> = self
            .heap
            .into_iter()
            .map(|Reverse((key, Reverse(id)))| (key, id))
            .collect();
        sort_best_first(&mut pairs);
        pairs
    }
}

pub(crate) fn sort_best_first<T: Ord>(pairs: &mut [(u64, T)]) {
    pairs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
}

/// The rank that counts for `r` of document `doc`, whose best rank is `best`: its best entry
/// in the searched languages and kinds (0 if none), or `best` when neither is searched.
pub(crate) fn query_rank(r: &Ranking, entries: &Column<u64>, doc: DocId, best: u64) -> u64 {
    if r.languages.is_empty() && r.kinds.is_empty() {
        return best;
    }
    entries
        .values_for_doc(doc)
        .map(decode_entry)
        .filter(|(lang, kind, _)| {
            (r.languages.is_empty() || r.languages.contains(lang)) && (r.kinds.is_empty() || r.kinds.contains(kind))
        })
        .map(|(_, _, rank)| rank)
        .max()
        .unwrap_or(0)
}

pub(crate) struct SegmentRanking {
    ranking: Arc<Ranking>,
    segment: SegmentOrdinal,
    summary: Column<u64>,
    entries: Column<u64>,
    top: TopK<DocId>,
    found: Collected,
}

impl SegmentRanking {
    /// The rank that counts for this query: the best entry in the searched languages and
    /// kinds (0 if none); `best` when neither is searched.
    fn rank(&self, doc: DocId, best: u64) -> u64 {
        query_rank(&self.ranking, &self.entries, doc, best)
    }

    /// Counts `doc`, whose summary column holds `summary`, and offers it to the top list.
    fn take(&mut self, doc: DocId, summary: u64, score: Score) {
        let (number, county, best) = decode_summary(summary);
        let rank = self.rank(doc, best);
        if rank == 0 || !self.found.count(&self.ranking, county, rank, 1) {
            return;
        }
        let r = &*self.ranking;
        let tier = if r.scored {
            score.round().clamp(0.0, 255.0) as u64
        } else {
            0
        };
        // Most hits rank below a full page's worst: skip their rotation place.
        if self.top.may_take(best_key(tier, rank)) {
            let key = order_key(tier, rank, rotation::position(r.seed, number));
            self.top.offer(key, doc);
        }
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
            top: TopK::new(self.0.wanted),
            found: Collected::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.0.scored
    }

    fn merge_fruits(&self, fruits: Vec<Collected>) -> tantivy::Result<Collected> {
        let mut out = Collected::default();
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
        sort_best_first(&mut out.top);
        out.top.truncate(self.0.wanted);
        Ok(out)
    }
}

impl SegmentCollector for SegmentRanking {
    type Fruit = Collected;

    fn collect(&mut self, doc: DocId, score: Score) {
        let summary = self.summary.first(doc).unwrap_or(0);
        self.take(doc, summary, score);
    }

    /// Unscored searches without deletions come in blocks: one batched read of the summary
    /// column per block is cheaper than a lookup per document (broad filters match most).
    fn collect_block(&mut self, docs: &[DocId]) {
        let mut summaries = [None; COLLECT_BLOCK_BUFFER_LEN];
        for block in docs.chunks(COLLECT_BLOCK_BUFFER_LEN) {
            let summaries = &mut summaries[..block.len()];
            self.summary.first_vals(block, summaries);
            for (doc, summary) in block.iter().zip(summaries.iter()) {
                self.take(*doc, summary.unwrap_or(0), 0.0);
            }
        }
    }

    fn harvest(self) -> Collected {
        let segment = self.segment;
        Collected {
            top: self
                .top
                .into_sorted()
                .into_iter()
                .map(|(key, doc)| (key, DocAddress::new(segment, doc)))
                .collect(),
            ..self.found
        }
    }
}
