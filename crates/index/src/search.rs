//! Searching the index: results with highlighted snippets and facet counts, and documents.
//!
//! [`SearchIndex`] opens the index read-only (no writer lock, so it can serve while a run
//! writes) and reloads its reader when a commit lands: a search sees the last committed state,
//! never half of a run.
//!
//! Requests are bounded: at most [`MAX_LIMIT`] results a page and [`MAX_WINDOW`] results deep;
//! beyond that the request is refused with [`SearchError::Request`], a client error, as is a
//! malformed query ([`SearchError::Query`]).

use crate::IndexError;
use crate::analyzer::Analyzer;
use crate::facets::{FacetCounter, FacetTally, WholeSegmentTallies};
use crate::highlight::{Marks, Snippet, snippet};
use crate::order::{SortedPage, scores_of};
use crate::query::{Compiler, Expr, FieldName, QueryError, parse};
use crate::schema::{
    DocumentSummary, FACET_DIMENSIONS, FORMAT, Fields, RECORD_DOCUMENT, RECORD_OBLIGATION,
    RECORD_PROGRESS,
};
use crate::writer::{Opener, Payload, StoredError, open_tantivy, stored_records};
use duban_model::{Document, Obligation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, Index, IndexReader, ReloadPolicy, Score, Searcher, TantivyDocument, Term,
};

/// Most results one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest result one request may reach (`offset + limit`).
pub const MAX_WINDOW: usize = 10_000;
/// Most values listed per facet dimension.
pub const FACET_VALUES: usize = 20;

/// What a search looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Obligations (the default).
    #[default]
    Obligations,
    /// Source documents.
    Documents,
    /// Tracked targets: each quantified target with its result and status (`duban track`).
    Progress,
}

impl Target {
    /// Parses `obligations` or `documents`.
    pub fn parse(s: &str) -> Result<Self, SearchError> {
        match s {
            "obligations" | "obligation" => Ok(Target::Obligations),
            "documents" | "document" => Ok(Target::Documents),
            "progress" => Ok(Target::Progress),
            _ => Err(SearchError::Request {
                parameter: "type".into(),
                reason: format!("`{s}` is not a target; use obligations, documents or progress"),
            }),
        }
    }
}

/// The order of results. Every order is total: records that rank alike (equal scores, the
/// same deadline or year, none) come by id, ascending (byte order), as on the search engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Earliest deadline first (`deadline`: a record's earliest deadline year), or latest
    /// first (`-deadline`: its latest); none last.
    Deadline {
        /// Latest first.
        descending: bool,
    },
    /// Oldest year first (`year`), or newest first (`-year`); none last.
    Year {
        /// Newest first.
        descending: bool,
    },
}

impl Sort {
    /// Parses `relevance`, `deadline`, `-deadline`, `year` or `-year`.
    pub fn parse(s: &str) -> Result<Self, SearchError> {
        match s {
            "relevance" | "" => Ok(Sort::Relevance),
            "deadline" => Ok(Sort::Deadline { descending: false }),
            "-deadline" => Ok(Sort::Deadline { descending: true }),
            "year" => Ok(Sort::Year { descending: false }),
            "-year" => Ok(Sort::Year { descending: true }),
            _ => Err(SearchError::Request {
                parameter: "sort".into(),
                reason: format!(
                    "`{s}` is not a sort order; use relevance, deadline, -deadline, year or -year"
                ),
            }),
        }
    }

    /// The name [`Sort::parse`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Deadline { descending: false } => "deadline",
            Sort::Deadline { descending: true } => "-deadline",
            Sort::Year { descending: false } => "year",
            Sort::Year { descending: true } => "-year",
        }
    }
}

/// A search request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query, in the syntax of [`crate::query`].
    pub query: String,
    /// How many results, 1 to [`MAX_LIMIT`].
    pub limit: usize,
    /// How many results to skip.
    pub offset: usize,
    /// The order of results.
    pub sort: Sort,
    /// Obligations or documents.
    pub target: Target,
}

impl SearchRequest {
    /// The first ten obligations for a query, best first.
    pub fn new(query: &str) -> Self {
        SearchRequest {
            query: query.to_string(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            target: Target::Obligations,
        }
    }
}

/// One value of a facet dimension with the number of matching records that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// How many matching records have it.
    pub count: u64,
}

/// Facet counts by dimension (`province`, `city`, `county`, `kind`, `doc_kind`, `year`,
/// `deadline`, `body`, `unit`), most frequent first.
pub type Facets = BTreeMap<String, Vec<FacetCount>>;

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The obligation's or document's id.
    pub id: String,
    /// The document's id.
    pub doc_id: String,
    /// The relevance score (BM25), also when sorted by another key.
    pub score: f32,
    /// The obligation, for an obligation search.
    pub obligation: Option<Obligation>,
    /// The tracked target (one line of `progress.jsonl`: target, bound, result, later,
    /// status), for a progress search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<serde_json::Value>,
    /// The source document.
    pub document: DocumentSummary,
    /// The matched text with the query's words highlighted.
    pub snippet: Snippet,
    /// The indices in `obligation.metrics` of the metrics the query matches, by its words or
    /// by a `value:` range holding their value, those matching both first (a page shows them
    /// first and folds the rest); empty when the query names no metric. A search's hit lists
    /// these metrics first in `obligation.metrics` (see [`crate::bounded`]), so they are
    /// `0..n` there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matched_metrics: Vec<usize>,
    /// The length in characters of the obligation's whole text (0 for other targets); the
    /// hit's `obligation.text` holds at most [`crate::bounded::HIT_TEXT_CHARS`] of it.
    #[serde(default)]
    pub text_chars: usize,
    /// Where the window `obligation.text` holds starts in the whole text, in characters
    /// (the snippet's offsets are the whole text's).
    #[serde(default)]
    pub text_start: usize,
    /// Whether `obligation.text` is a window of a longer text (the document or
    /// [`SearchIndex::obligation`] has it whole).
    #[serde(default)]
    pub text_truncated: bool,
    /// How many of the obligation's metrics the hit leaves out: it carries at most
    /// [`crate::bounded::HIT_METRICS`], the matched ones first.
    #[serde(default)]
    pub metrics_omitted: usize,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// The query as given.
    pub query: String,
    /// What was searched.
    pub target: Target,
    /// The order, as [`Sort::parse`] reads it.
    pub sort: String,
    /// Results skipped.
    pub offset: usize,
    /// Results asked for.
    pub limit: usize,
    /// How many records match in all.
    pub total: usize,
    /// This page of results.
    pub hits: Vec<Hit>,
    /// Facet counts over every match, not only this page.
    pub facets: Facets,
    /// When nothing matches: the query with its misspelt words replaced by indexed ones, if
    /// that finds something (`出廷应诉率` → `出庭应诉率`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// What [`SearchIndex::matching_obligations`] finds.
pub(crate) struct MatchedObligations {
    /// How many obligations match in all.
    pub total: usize,
    /// The best of them with their documents, best first.
    pub records: Vec<(Obligation, DocumentSummary)>,
    /// What the query marks.
    pub marks: Marks,
}

/// A source document with its obligations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The document.
    pub document: Document,
    /// Its obligations, in text order.
    pub obligations: Vec<Obligation>,
}

/// What the index holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexStats {
    /// Source documents.
    pub documents: usize,
    /// Obligations.
    pub obligations: usize,
}

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    /// The query could not be parsed (the client's fault).
    #[error("query `{query}` {source}")]
    Query {
        /// The query.
        query: String,
        /// Where and why.
        #[source]
        source: QueryError,
    },
    /// A request parameter is out of bounds (the client's fault).
    #[error("{parameter}: {reason}")]
    Request {
        /// The parameter.
        parameter: String,
        /// Why it is refused.
        reason: String,
    },
    /// The index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl SearchError {
    /// Whether the request, not the server, is at fault.
    pub fn is_client_error(&self) -> bool {
        matches!(
            self,
            SearchError::Query { .. } | SearchError::Request { .. }
        )
    }
}

/// The index open for searching.
pub struct SearchIndex {
    path: PathBuf,
    index: Index,
    /// Opened when first needed, and again at each use until it opens: a segment file that
    /// cannot be read fails the searches (which name the damage), not the opening, so that
    /// a server over a damaged index answers with advice, and answers again once the index
    /// is repaired.
    reader: OnceLock<IndexReader>,
    fields: Fields,
    analyzer: Analyzer,
    /// The facet counts of whole segments, for the queries that match every record of a kind.
    whole_tallies: Arc<WholeSegmentTallies>,
}

impl SearchIndex {
    /// Opens the index in `dir` with the domain dictionary; it must exist.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        Self::open_with(dir, Analyzer::domain())
    }

    /// Opens the index in `dir` with a given analyzer.
    pub fn open_with(dir: &Path, analyzer: Analyzer) -> Result<Self, IndexError> {
        let path = dir.to_path_buf();
        let (mut index, fields) = open_tantivy(dir, &analyzer, Opener::Search)?;
        // A search visits the segments on every core: facet counts over many matches cost
        // time in proportion to the matches, and a large index has some ten segments.
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let executor = crate::executor::pinned(threads).map_err(|e| IndexError::Tantivy {
            path: path.clone(),
            source: tantivy::TantivyError::SystemError(format!("search threads: {e}")),
        })?;
        index.set_executor(executor);
        let reader = OnceLock::new();
        if let Ok(opened) = open_reader(&index) {
            let _ = reader.set(opened);
        }
        Ok(SearchIndex {
            path,
            index,
            reader,
            fields,
            analyzer,
            whole_tallies: Arc::default(),
        })
    }

    /// The searcher of the last commit the reader has loaded.
    fn searcher(&self) -> Result<tantivy::Searcher, IndexError> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.searcher());
        }
        let opened = open_reader(&self.index).map_err(|e| self.tv(e))?;
        Ok(self.reader.get_or_init(|| opened).searcher())
    }

    fn tv(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.path.clone(),
            source,
        }
    }

    /// Whether the index was built with another dictionary or format than this analyzer's
    /// (opening an [`crate::ObligationIndex`] brings it up to date).
    pub fn is_stale(&self) -> bool {
        Payload::of(&self.index)
            .is_some_and(|p| p.format != FORMAT || p.dictionary != self.analyzer.dictionary())
    }

    /// The state the index was last committed from (see [`crate::IndexedState`]), re-read
    /// from the index folder.
    pub fn indexed_state(&self) -> Option<crate::IndexedState> {
        Payload::of(&self.index).and_then(|p| p.state)
    }

    /// Picks up the last commit now rather than at the next automatic reload.
    pub fn reload(&self) -> Result<(), IndexError> {
        match self.reader.get() {
            Some(reader) => reader.reload().map_err(|e| self.tv(e)),
            None => self.searcher().map(drop),
        }
    }

    /// Counts what the index holds.
    pub fn stats(&self) -> Result<IndexStats, IndexError> {
        let searcher = self.searcher()?;
        let count = |record: &str| {
            searcher
                .search(&self.record_query(record), &Count)
                .map_err(|e| self.tv(e))
        };
        Ok(IndexStats {
            documents: count(RECORD_DOCUMENT)?,
            obligations: count(RECORD_OBLIGATION)?,
        })
    }

    fn record_query(&self, record: &str) -> TermQuery {
        TermQuery::new(
            Term::from_field_text(self.fields.record, record),
            IndexRecordOption::Basic,
        )
    }

    /// A document and its obligations, if the index has it.
    pub fn document(&self, id: &str) -> Result<Option<DocumentRecord>, IndexError> {
        let searcher = self.searcher()?;
        let (document, obligations) =
            stored_records(&searcher, &self.fields, id).map_err(|e| self.stored_error(e))?;
        Ok(document.map(|document| DocumentRecord {
            document,
            obligations,
        }))
    }

    /// An obligation whole, with its document's summary, if the index has it (a search's
    /// hits carry a window of a long obligation's text and a few of its metrics).
    pub fn obligation(
        &self,
        id: &str,
    ) -> Result<Option<(Obligation, DocumentSummary)>, IndexError> {
        let searcher = self.searcher()?;
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(self.record_query(RECORD_OBLIGATION)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.tv(e))?;
        match found.first() {
            Some(&(_, address)) => self.stored_obligation(&searcher, address),
            None => Ok(None),
        }
    }

    /// The stored obligation at `address`, whole, with its document's summary (no snippet:
    /// the table reads thousands of them).
    fn stored_obligation(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<Option<(Obligation, DocumentSummary)>, IndexError> {
        let stored = self.stored(searcher, address)?;
        let obligation = stored.parse(&stored.json, self)?;
        let document = stored.parse(&stored.summary, self)?;
        Ok(Some((obligation, document)))
    }

    /// The stored fields of the record at `address` that results are made from.
    fn stored(&self, searcher: &Searcher, address: DocAddress) -> Result<Stored, IndexError> {
        let d: TantivyDocument = searcher.doc(address).map_err(|e| self.tv(e))?;
        let text_of = |field| {
            d.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        Ok(Stored {
            id: text_of(self.fields.id),
            doc_id: text_of(self.fields.doc_id),
            json: text_of(self.fields.json),
            summary: text_of(self.fields.summary),
        })
    }

    fn stored_error(&self, e: StoredError) -> IndexError {
        match e {
            StoredError::Tantivy(e) => self.tv(e),
            StoredError::Json(id, source) => IndexError::Record {
                path: self.path.clone(),
                id,
                source,
            },
        }
    }

    /// Checks a request's bounds.
    fn check(req: &SearchRequest) -> Result<(), SearchError> {
        if req.limit == 0 || req.limit > MAX_LIMIT {
            return Err(SearchError::Request {
                parameter: "limit".into(),
                reason: format!("{} is out of range; use 1 to {MAX_LIMIT}", req.limit),
            });
        }
        if req.offset.saturating_add(req.limit) > MAX_WINDOW {
            return Err(SearchError::Request {
                parameter: "offset".into(),
                reason: format!(
                    "offset {} + limit {} goes deeper than {MAX_WINDOW} results; narrow the query with filters instead",
                    req.offset, req.limit
                ),
            });
        }
        Ok(())
    }

    /// Runs a search: a page of hits, the total and facet counts over all matches.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse, SearchError> {
        Self::check(req)?;
        let (normalized, expr) = parsed(&req.query)?;
        let searcher = self.searcher()?;
        let (query, marks) = self.compiled(&searcher, &expr, req.target);
        let facets = if expr == Expr::All {
            self.whole_tallies.keep_only(&searcher);
            FacetCounter::of_whole_kind(self.whole_tallies.clone(), record_kind(req.target))
        } else {
            FacetCounter::default()
        };
        let top = SortedPage {
            sort: req.sort,
            offset: req.offset,
            limit: req.limit,
        };
        let (mut page, total, counts) = searcher
            .search(&query, &(top, Count, facets))
            .map_err(|e| self.tv(e))?;
        if req.sort != Sort::Relevance {
            let addresses: Vec<DocAddress> = page.iter().map(|(_, a)| *a).collect();
            let scores = scores_of(&searcher, &query, &addresses).map_err(|e| self.tv(e))?;
            for ((score, _), s) in page.iter_mut().zip(scores) {
                *score = s;
            }
        }
        let suggestion = if total == 0 {
            self.suggest(&normalized, req.target, &searcher)?
        } else {
            None
        };
        let mut hits = Vec::with_capacity(page.len());
        for (score, address) in page {
            hits.push(
                self.hit(&searcher, address, score, req.target, &marks)?
                    .bounded(),
            );
        }
        Ok(SearchResponse {
            query: req.query.clone(),
            target: req.target,
            sort: req.sort.as_str().to_string(),
            offset: req.offset,
            limit: req.limit,
            total,
            hits,
            facets: facet_counts(&counts),
            suggestion,
        })
    }

    /// The obligations matching `query`, best first, at most `max` of them, with the number
    /// that match in all and the query's highlight patterns.
    pub(crate) fn matching_obligations(
        &self,
        query: &str,
        max: usize,
    ) -> Result<MatchedObligations, SearchError> {
        let (_, expr) = parsed(query)?;
        let searcher = self.searcher()?;
        let (compiled, marks) = self.compiled(&searcher, &expr, Target::Obligations);
        let (page, total) = searcher
            .search(
                &compiled,
                &(TopDocs::with_limit(max.max(1)).order_by_score(), Count),
            )
            .map_err(|e| self.tv(e))?;
        let mut records = Vec::with_capacity(page.len());
        for (_, address) in page {
            records.extend(self.stored_obligation(&searcher, address)?);
        }
        Ok(MatchedObligations {
            total,
            records,
            marks,
        })
    }

    /// The analyzer the index was opened with.
    pub(crate) fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The ids of every record of `target` that `query` matches, sorted: the whole result set,
    /// without pages, scores, snippets or facets (what `duban export --query` keeps).
    pub fn matching_ids(&self, query: &str, target: Target) -> Result<Vec<String>, SearchError> {
        let (_, expr) = parsed(query)?;
        let searcher = self.searcher()?;
        let (query, _) = self.compiled(&searcher, &expr, target);
        let found = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| self.tv(e))?;
        let mut ids = Vec::with_capacity(found.len());
        for address in found {
            let d: TantivyDocument = searcher.doc(address).map_err(|e| self.tv(e))?;
            if let Some(id) = d.get_first(self.fields.id).and_then(|v| v.as_str()) {
                ids.push(id.to_string());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// A parsed query as Tantivy's, restricted to the records of `target`, with the patterns
    /// its snippets highlight.
    fn compiled(
        &self,
        searcher: &Searcher,
        expr: &Expr,
        target: Target,
    ) -> (Box<dyn Query>, Marks) {
        let mut compiler = Compiler {
            fields: &self.fields,
            analyzer: &self.analyzer,
            searcher,
            target,
            marks: Marks::default(),
        };
        let record = record_kind(target);
        // The kind of record is a filter: it adds nothing to a record's score, and scoring it
        // (BM25 of a word every record has) was a sixth of the time of a query matching most
        // records.
        let records = Box::new(ConstScoreQuery::new(
            Box::new(self.record_query(record)),
            0.0,
        ));
        if *expr == Expr::All {
            return (records, compiler.marks);
        }
        let user_query = compiler.compile(expr);
        let query = BooleanQuery::new(vec![
            (Occur::Must, records as Box<dyn Query>),
            (Occur::Must, user_query),
        ]);
        (Box::new(query), compiler.marks)
    }

    /// A query one edit per word from `req`'s that finds something, if there is one.
    fn suggest(
        &self,
        normalized: &str,
        target: Target,
        searcher: &Searcher,
    ) -> Result<Option<String>, SearchError> {
        let Some(candidate) = crate::suggest::suggestion(
            searcher,
            FieldName::Text.field(&self.fields, target),
            normalized,
        ) else {
            return Ok(None);
        };
        let Ok(expr) = parse(&candidate) else {
            return Ok(None);
        };
        let (query, _) = self.compiled(searcher, &expr, target);
        let found = searcher.search(&query, &Count).map_err(|e| self.tv(e))?;
        Ok((found > 0).then_some(candidate))
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: Score,
        target: Target,
        marks: &Marks,
    ) -> Result<Hit, IndexError> {
        let stored = self.stored(searcher, address)?;
        let json = &stored.json;
        let document: DocumentSummary = stored.parse(&stored.summary, self)?;
        let mut progress = None;
        let (obligation, text) = match target {
            Target::Obligations => {
                let o: Obligation = stored.parse(json, self)?;
                let text = o.text.clone();
                (Some(o), text)
            }
            Target::Documents => {
                let doc: Document = stored.parse(json, self)?;
                (None, doc.text)
            }
            Target::Progress => {
                let p: serde_json::Value = stored.parse(json, self)?;
                // The snippet shows the target's phrase, then the result's.
                let text = [&p["target"]["text"], &p["result"]["text"]]
                    .into_iter()
                    .filter_map(serde_json::Value::as_str)
                    .collect::<Vec<_>>()
                    .join(" → ");
                progress = Some(p);
                (None, text)
            }
        };
        // A progress record joins two documents and has no `doc_id` term: its document is
        // the target's.
        let doc_id = match target {
            Target::Progress => document.id.clone(),
            _ => stored.doc_id.clone(),
        };
        let (matched_metrics, filtered) = obligation.as_ref().map_or_else(Default::default, |o| {
            (
                marks.matched_metrics(&self.analyzer, &o.metrics),
                marks.filter_ranges(o),
            )
        });
        Ok(Hit {
            matched_metrics,
            snippet: snippet(&self.analyzer, &text, &marks.patterns, filtered),
            text_chars: 0,
            text_start: 0,
            text_truncated: false,
            metrics_omitted: 0,
            doc_id,
            id: stored.id,
            score,
            obligation,
            progress,
            document,
        })
    }
}

/// A query normalised as the index's text is, and parsed.
fn parsed(query: &str) -> Result<(std::borrow::Cow<'_, str>, Expr), SearchError> {
    let normalized = crate::normalize::query_text(query);
    let expr = parse(&normalized).map_err(|source| SearchError::Query {
        query: query.to_string(),
        source,
    })?;
    Ok((normalized, expr))
}

/// A record's stored fields that results are made from.
struct Stored {
    id: String,
    doc_id: String,
    json: String,
    summary: String,
}

impl Stored {
    /// One of its JSON fields, or an error naming the record.
    fn parse<T: serde::de::DeserializeOwned>(
        &self,
        text: &str,
        index: &SearchIndex,
    ) -> Result<T, IndexError> {
        serde_json::from_str(text).map_err(|source| IndexError::Record {
            path: index.path.clone(),
            id: self.id.clone(),
            source,
        })
    }
}

/// A reader of `index` that picks up each commit shortly after it is made.
fn open_reader(index: &Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::OnCommitWithDelay)
        .try_into()
}

/// The `record` term of the records a search of `target` finds.
fn record_kind(target: Target) -> &'static str {
    match target {
        Target::Obligations => RECORD_OBLIGATION,
        Target::Documents => RECORD_DOCUMENT,
        Target::Progress => RECORD_PROGRESS,
    }
}

fn facet_counts(tally: &FacetTally) -> Facets {
    let mut out = Facets::new();
    for dim in FACET_DIMENSIONS {
        let mut values: Vec<FacetCount> = tally
            .get(dim)
            .into_iter()
            .flatten()
            .map(|(value, count)| FacetCount {
                value: value.clone(),
                count: *count,
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        values.truncate(FACET_VALUES);
        out.insert(dim.to_string(), values);
    }
    out
}
