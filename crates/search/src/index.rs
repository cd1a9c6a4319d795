//! The index itself: opening (or rebuilding) it on disk or in memory, writing public records with
//! the feed position in the commit, and answering searches, lookups and language counts.
//! Knows nothing about where records come from (that is `indexer`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use register::{Catalogue, Category, CountyCode, InterpreterNumber, InterpreterRecord, LanguageCode, Timestamp};
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query as TantivyQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Schema, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use time::Date;

use crate::analysis::{self, words};
use crate::collector::{Collected, Ranking, RankingCollector};
use crate::document::{PublicInterpreter, county_number};
use crate::groups::{Groups, group_key};
use crate::languages::LanguageMatcher;
use crate::query::{Facets, MAX_DEPTH, MAX_PER_PAGE, Query, Results};
use crate::rotation;
use crate::schema::{
    self, Fields, SCHEMA_VERSION, category_of_rank, decode_entry, kind_code, language_key, language_of_key,
};

/// Memory for the one long-lived writer.
const WRITER_MEMORY: usize = 50_000_000;
/// Answers kept per index version and day; popular searches repeat (a few languages dominate).
const CACHED_RESULTS: usize = 1_024;

/// Answers of the current index version and day, by query.
#[derive(Default)]
struct ResultCache {
    generation: u64,
    day: Option<Date>,
    answers: std::collections::HashMap<Query, Arc<Results>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("søkeindeksen feilet: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("mappen {0} er ikke tom og inneholder ingen søkeindeks; velg en annen mappe for indeksen")]
    NotAnIndex(PathBuf),
    #[error("kunne ikke bruke mappen for søkeindeksen: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "side {page} med {per_page} treff per side er utenfor det som kan vises (høyst {MAX_PER_PAGE} per side og {MAX_DEPTH} treff totalt)"
    )]
    OutOfRange { page: usize, per_page: usize },
    #[error("ugyldige data i søkeindeksen: {0}")]
    Corrupt(String),
}

/// Where the index stands relative to the register, kept in each commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexState {
    pub schema: u32,
    /// The last change-feed sequence number applied.
    pub seq: i64,
    /// The feed row at `seq` (interpreter number, recorded time), to notice a replaced database.
    pub seq_mark: Option<(i64, String)>,
    /// The day listing was last evaluated for (exclusions end on a date).
    pub day: Date,
}

/// A change to write: the public record of a listed interpreter, or the removal of one that
/// is no longer listed.
#[derive(Debug, Clone)]
pub enum Update {
    Upsert(Box<PublicInterpreter>),
    Remove(InterpreterNumber),
}

/// Listed interpreters per language and category.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LanguageCounts {
    /// Per language, counts for A … E and the total, ordered by code.
    pub languages: Vec<(LanguageCode, [usize; 5], usize)>,
    /// Listed interpreters (persons).
    pub interpreters: usize,
}

impl LanguageCounts {
    pub fn of(&self, code: LanguageCode) -> Option<([usize; 5], usize)> {
        self.languages
            .iter()
            .find(|(c, ..)| *c == code)
            .map(|(_, per, total)| (*per, *total))
    }
}

/// The search index with its one writer and its reader.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<IndexWriter>,
    catalogue: Arc<Catalogue>,
    matcher: LanguageMatcher,
    counts: Mutex<Option<(u64, Arc<LanguageCounts>)>>,
    cache: Mutex<ResultCache>,
    groups: Groups,
}

impl SearchIndex {
    /// Opens the index in `dir` (creating it, or rebuilding an empty one when the schema has
    /// changed), or a fresh in-memory index when `dir` is `None`.
    pub fn open(dir: Option<&Path>, catalogue: Catalogue) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build();
        let index = match dir {
            None => Index::create_in_ram(schema.clone()),
            Some(dir) => open_dir(dir, &schema)?,
        };
        analysis::register(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        // A process killed during a commit leaves files the last finished commit does not name,
        // such as a segment's `<segment>.<opstamp>.del`. Replaying the feed after the restart can
        // reach that opstamp again, and the commit then fails with `FileAlreadyExists`. Tantivy
        // lists every file it creates before writing it, so collecting the unnamed ones before
        // the first commit removes exactly what the interrupted commit left.
        writer.garbage_collect_files().wait()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            writer: Mutex::new(writer),
            matcher: LanguageMatcher::new(&catalogue),
            catalogue: Arc::new(catalogue),
            counts: Mutex::new(None),
            cache: Mutex::new(ResultCache::default()),
            groups: Groups::default(),
        })
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn languages(&self) -> &LanguageMatcher {
        &self.matcher
    }

    /// The state stored with the last commit, if any and of this schema.
    pub fn state(&self) -> Option<IndexState> {
        let payload = self.index.load_metas().ok()?.payload?;
        serde_json::from_str::<IndexState>(&payload)
            .ok()
            .filter(|s| s.schema == SCHEMA_VERSION)
    }

    /// A number that changes whenever the searchable content changes (after each commit).
    pub fn version(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// Listed interpreters in the index as last reloaded.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes `updates` and commits them with `state`, then reloads the reader so the next
    /// search sees them. Blocking (disk I/O): call from a blocking thread in async code.
    pub fn apply(&self, updates: Vec<Update>, state: &IndexState) -> Result<(), SearchError> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Corrupt("writer lock poisoned".into()))?;
        for u in updates {
            match u {
                Update::Upsert(p) => {
                    writer.delete_term(self.number_term(p.number));
                    writer.add_document(p.to_document(&self.fields))?;
                }
                Update::Remove(n) => {
                    writer.delete_term(self.number_term(n));
                }
            }
        }
        self.commit(&mut writer, state)
    }

    /// Replaces the whole content with `interpreters` (a rebuild), committed with `state`.
    pub fn replace_all(
        &self,
        interpreters: impl IntoIterator<Item = PublicInterpreter>,
        state: &IndexState,
    ) -> Result<(), SearchError> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Corrupt("writer lock poisoned".into()))?;
        writer.delete_all_documents()?;
        for p in interpreters {
            writer.add_document(p.to_document(&self.fields))?;
        }
        self.commit(&mut writer, state)
    }

    /// Replaces the content with the interpreters of `records` listed on `day`, outside any
    /// feed (benchmarks, tests, load servers). Returns how many are listed.
    pub fn index_records(&self, records: &[InterpreterRecord], day: Date) -> Result<usize, SearchError> {
        let public = PublicInterpreter::listed(records, day);
        let count = public.len();
        let state = IndexState {
            schema: SCHEMA_VERSION,
            seq: 0,
            seq_mark: None,
            day,
        };
        self.replace_all(public, &state)?;
        Ok(count)
    }

    /// The synthetic register of `register::generator` and an index of it as listed on `day`,
    /// in `dir` or in memory (tests, benchmarks, load tests; behind the `fixtures` feature, so
    /// not part of the production API).
    #[cfg(any(test, feature = "fixtures"))]
    pub fn generated(
        options: register::generator::Options,
        day: Date,
        dir: Option<&Path>,
    ) -> Result<(Vec<InterpreterRecord>, SearchIndex), SearchError> {
        let catalogue = Catalogue::bundled();
        let records = register::generator::generate(&catalogue, options).records;
        let index = SearchIndex::open(dir, catalogue)?;
        index.index_records(&records, day)?;
        Ok((records, index))
    }

    fn commit(&self, writer: &mut IndexWriter, state: &IndexState) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(state).unwrap_or_default());
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    fn number_term(&self, n: InterpreterNumber) -> Term {
        Term::from_field_u64(self.fields.number, n.get() as u64)
    }

    /// Runs `query` with today's rotation.
    pub fn search(&self, query: &Query) -> Result<Arc<Results>, SearchError> {
        self.search_on(query, Timestamp::now().date())
    }

    /// Runs `query` with the rotation of `day`, answering from the cache when this index
    /// version has answered it that day.
    pub fn search_on(&self, query: &Query, day: Date) -> Result<Arc<Results>, SearchError> {
        let (page, per_page) = (query.page, query.per_page);
        if page == 0 || per_page == 0 || per_page > MAX_PER_PAGE || page.saturating_mul(per_page) > MAX_DEPTH {
            return Err(SearchError::OutOfRange { page, per_page });
        }
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        if let Ok(mut cache) = self.cache.lock() {
            if cache.generation != generation || cache.day != Some(day) || cache.answers.len() >= CACHED_RESULTS {
                *cache = ResultCache {
                    generation,
                    day: Some(day),
                    answers: Default::default(),
                };
            }
            if let Some(hit) = cache.answers.get(query) {
                return Ok(hit.clone());
            }
        }
        let results = Arc::new(self.run(&searcher, query, day)?);
        if let Ok(mut cache) = self.cache.lock()
            && cache.generation == generation
            && cache.day == Some(day)
        {
            cache.answers.insert(query.clone(), results.clone());
        }
        Ok(results)
    }

    /// Runs `query` without the cache of answers (benchmarks of the ranking itself).
    pub fn search_uncached(&self, query: &Query, day: Date) -> Result<Results, SearchError> {
        self.run(&self.reader.searcher(), query, day)
    }

    #[cfg(test)]
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    fn run(&self, searcher: &tantivy::Searcher, query: &Query, day: Date) -> Result<Results, SearchError> {
        let (tantivy_query, scored) = self.tantivy_query(query);
        let ranking = Arc::new(self.ranking(query, scored, day));
        let collected = self.collect(searcher, query, &*tantivy_query, ranking)?;
        self.results(searcher, query, collected)
    }

    /// What the collector needs of `query`, encoded for the fast columns.
    fn ranking(&self, query: &Query, scored: bool, day: Date) -> Ranking {
        Ranking {
            wanted: query.page * query.per_page,
            languages: query.languages.iter().map(|c| language_key(*c)).collect(),
            kinds: query.kinds.iter().map(|k| kind_code(*k)).collect(),
            min_rank: query.min_category.map_or(0, schema::rank),
            counties: query.counties.iter().map(|c| county_number(*c)).collect(),
            seed: rotation::daily_seed(day),
            scored,
        }
    }

    /// The page of `query` out of what was collected, with its records and facets.
    fn results(
        &self,
        searcher: &tantivy::Searcher,
        query: &Query,
        collected: Collected,
    ) -> Result<Results, SearchError> {
        let (page, per_page) = (query.page, query.per_page);
        let mut hits = Vec::with_capacity(per_page);
        for (_, address) in collected.top.iter().skip((page - 1) * per_page) {
            let doc: TantivyDocument = searcher.doc(*address)?;
            hits.push(self.public_of(&doc)?);
        }
        let facets = Facets {
            categories: Category::ALL
                .iter()
                .map(|c| (*c, collected.ranks[schema::rank(*c) as usize]))
                .collect(),
            counties: CountyCode::all()
                .map(|c| {
                    (
                        c,
                        collected.counties.get(county_number(c) as usize).copied().unwrap_or(0),
                    )
                })
                .collect(),
        };
        Ok(Results {
            total: collected.total,
            page,
            per_page,
            hits,
            facets,
        })
    }

    /// What the search finds. Searches by term filters alone (browsing, a language, a broad
    /// filter such as "on site") would visit every matching interpreter; `groups` answers them
    /// from per-segment groups instead. Searches by name or number go through the collector:
    /// they are scored or tiny, and caching a group per name would only fill memory.
    fn collect(
        &self,
        searcher: &tantivy::Searcher,
        query: &Query,
        tantivy_query: &dyn TantivyQuery,
        ranking: Arc<Ranking>,
    ) -> Result<Collected, SearchError> {
        let by_name = query.name.as_deref().is_some_and(|n| !n.trim().is_empty());
        if by_name {
            Ok(searcher.search(tantivy_query, &RankingCollector(ranking))?)
        } else {
            Ok(self
                .groups
                .collect(searcher, &group_key(query), tantivy_query, &ranking)?)
        }
    }

    /// Replaces the group cache by one holding at most `budget` members (tests of the budget).
    #[cfg(test)]
    pub(crate) fn set_group_budget(&mut self, budget: usize) {
        self.groups = Groups::with_budget(budget);
    }

    /// Members the group cache holds.
    #[cfg(test)]
    pub(crate) fn group_members(&self) -> usize {
        self.groups.members()
    }

    /// The search answered by the collector visiting every matching interpreter, the reference
    /// the grouped answers are tested against.
    #[cfg(test)]
    pub(crate) fn search_visiting_every_hit(&self, query: &Query, day: Date) -> Result<Results, SearchError> {
        let searcher = self.reader.searcher();
        let (tantivy_query, scored) = self.tantivy_query(query);
        let ranking = Arc::new(self.ranking(query, scored, day));
        let collected = searcher.search(&*tantivy_query, &RankingCollector(ranking))?;
        self.results(&searcher, query, collected)
    }

    /// The tantivy query for the term filters and the name; whether it is scored.
    fn tantivy_query(&self, q: &Query) -> (Box<dyn TantivyQuery>, bool) {
        let f = &self.fields;
        let mut filters: Vec<Box<dyn TantivyQuery>> = Vec::new();
        let mut filter = |field, values: Vec<&str>| {
            let mut any: Vec<Box<dyn TantivyQuery>> = values
                .into_iter()
                .map(|v| {
                    let t: Box<dyn TantivyQuery> = Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    ));
                    t
                })
                .collect();
            match any.len() {
                0 => {}
                1 => filters.push(any.remove(0)),
                _ => filters.push(Box::new(BooleanQuery::new(
                    any.into_iter().map(|q| (Occur::Should, q)).collect(),
                ))),
            }
        };
        filter(f.language, q.languages.iter().map(|c| c.as_str()).collect());
        filter(f.kind, q.kinds.iter().map(|k| k.as_str()).collect());
        filter(f.gender, q.genders.iter().map(|g| g.as_str()).collect());
        filter(f.mode, q.modes.iter().map(|m| m.as_str()).collect());
        filter(f.availability, q.availability.iter().map(|a| a.as_str()).collect());
        let mut words_queries: Vec<Box<dyn TantivyQuery>> = Vec::new();
        if let Some(name) = q.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            if let Ok(number) = name.parse::<InterpreterNumber>() {
                filters.push(Box::new(TermQuery::new(
                    self.number_term(number),
                    IndexRecordOption::Basic,
                )));
            } else {
                words_queries.extend(words(name).iter().map(|w| name_word_query(f.name, w)));
            }
        }
        if !words_queries.is_empty() {
            // Scored by the name only: the filters add nothing to the score.
            let mut must: Vec<(Occur, Box<dyn TantivyQuery>)> =
                words_queries.into_iter().map(|q| (Occur::Must, q)).collect();
            must.extend(filters.into_iter().map(|q| {
                let q: Box<dyn TantivyQuery> = Box::new(ConstScoreQuery::new(q, 0.0));
                (Occur::Must, q)
            }));
            return (Box::new(BooleanQuery::new(must)), true);
        }
        match filters.len() {
            0 => (Box::new(AllQuery), false),
            // A lone filter runs unwrapped, so tantivy streams its postings in blocks.
            1 => (filters.remove(0), false),
            _ => (
                Box::new(BooleanQuery::new(
                    filters.into_iter().map(|q| (Occur::Must, q)).collect(),
                )),
                false,
            ),
        }
    }

    /// The public record of a listed interpreter.
    pub fn interpreter(&self, number: InterpreterNumber) -> Result<Option<PublicInterpreter>, SearchError> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(self.number_term(number), IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, address)) => Ok(Some(self.public_of(&searcher.doc(*address)?)?)),
            None => Ok(None),
        }
    }

    /// How many listed interpreters a query would find, without ranking (cheap).
    pub fn count(&self, query: &Query) -> Result<usize, SearchError> {
        let (q, _) = self.tantivy_query(query);
        Ok(self.reader.searcher().search(&q, &Count)?)
    }

    fn public_of(&self, doc: &TantivyDocument) -> Result<PublicInterpreter, SearchError> {
        let bytes = doc
            .get_first(self.fields.public)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| SearchError::Corrupt("document without public record".into()))?;
        serde_json::from_slice(bytes).map_err(|e| SearchError::Corrupt(e.to_string()))
    }

    /// Listed interpreters per language and category, computed once per index version.
    pub fn language_counts(&self) -> Result<Arc<LanguageCounts>, SearchError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        if let Ok(cache) = self.counts.lock()
            && let Some((g, counts)) = cache.as_ref()
            && *g == generation
        {
            return Ok(counts.clone());
        }
        let mut per: std::collections::BTreeMap<u64, [usize; 5]> = std::collections::BTreeMap::new();
        for segment in searcher.segment_readers() {
            let entries = segment.fast_fields().u64("entries")?;
            let alive = segment.alive_bitset();
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                for (lang, _, rank) in entries.values_for_doc(doc).map(decode_entry) {
                    if let Some(c) = category_of_rank(rank) {
                        per.entry(lang).or_default()[Category::ALL.iter().position(|x| *x == c).unwrap_or(0)] += 1;
                    }
                }
            }
        }
        let counts = Arc::new(LanguageCounts {
            languages: per
                .into_iter()
                .filter_map(|(key, counts)| Some((language_of_key(key)?, counts, counts.iter().sum())))
                .collect(),
            interpreters: searcher.num_docs() as usize,
        });
        if let Ok(mut cache) = self.counts.lock() {
            *cache = Some((generation, counts.clone()));
        }
        Ok(counts)
    }
}

/// One word of a name: an exact match scores 4, a near miss (one or two typos) 2, a prefix 1;
/// the scores add up, so exact matches come first.
fn name_word_query(field: tantivy::schema::Field, word: &str) -> Box<dyn TantivyQuery> {
    let term = Term::from_field_text(field, word);
    let len = word.chars().count();
    let typos = match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    let mut any: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![(
        Occur::Should,
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic)),
            4.0,
        )),
    )];
    if typos > 0 {
        any.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(FuzzyTermQuery::new(term.clone(), typos, true)),
                2.0,
            )),
        ));
    }
    if len >= 3 {
        any.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(FuzzyTermQuery::new_prefix(term, 0, true)),
                1.0,
            )),
        ));
    }
    Box::new(BooleanQuery::new(any))
}

/// Opens the index in `dir`, or creates it there. A directory holding an index of another
/// schema is emptied and recreated (the index is disposable); any other non-empty directory
/// is refused so that nothing else is ever deleted.
fn open_dir(dir: &Path, schema: &Schema) -> Result<Index, SearchError> {
    std::fs::create_dir_all(dir)?;
    let is_index = dir.join("meta.json").exists();
    if is_index {
        match Index::open_in_dir(dir) {
            Ok(index) if index.schema() == *schema => return Ok(index),
            Ok(_) => tracing::info!(dir = %dir.display(), "index schema changed; rebuilding"),
            Err(e) => tracing::warn!(dir = %dir.display(), error = %e, "index unreadable; rebuilding"),
        }
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        }
    } else if std::fs::read_dir(dir)?.next().is_some() {
        return Err(SearchError::NotAnIndex(dir.to_path_buf()));
    }
    Ok(Index::create_in_dir(dir, schema.clone())?)
}
