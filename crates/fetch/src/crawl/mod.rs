//! The crawl of one source: a frontier of URLs, a bounded pool of workers, and the
//! bookkeeping that makes nightly re-runs incremental.
//!
//! The coordinator ([`Crawl`], on the caller's task) owns the frontier and the [`CrawlStore`];
//! workers (tokio tasks, spread over the runtime's threads) fetch a page, store its body in the
//! [`Archive`], parse its links and, for a detail page, fetch and stitch its other pages. The
//! coordinator then records the outcome, queues new links and hands documents out in batches
//! ([`Crawl::next_batch`]) so the caller can extract them while the workers keep fetching.
//!
//! Incremental rules: a URL with a stored body is requested with its validators; on 304 the
//! archived body stands in for the response. A document is handed out only when its bytes
//! differ from those its stored records were made from ([`CrawlStore::document_sha256`]), so
//! an interrupted run never loses a document: what was fetched but not stored is handed out
//! on the next run from the archive. 404/410 on a known document is reported as withdrawn.
//! The frontier is saved as it grows; a crawl that stops half-way resumes from it.
//!
//! This module holds the coordinator's loop; beside it, one concern each:
//! - `frontier`: what is queued (a new crawl's seeds, an interrupted one's frontier, a page's
//!   links within the limits);
//! - `record`: a worker's result written down (the URL's row, counters, documents handed out);
//! - `worker`: one page fetched, archived and read for links, its parts stitched;
//! - `stats`: the counters of a crawl ([`CrawlStats`]).

mod frontier;
mod record;
mod stats;
mod worker;

pub use stats::CrawlStats;

use crate::FetchError;
use crate::archive::Archive;
use crate::config::HttpSource;
use crate::http::Fetcher;
use crate::store::{CrawlStore, FrontierEntry, StoreError};
use duban_model::{Limits, RawDoc};
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use tokio::task::JoinSet;
use worker::{PageResult, Worker};

/// A URL that could not be fetched, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlFailure {
    /// The URL.
    pub url: String,
    /// The reason.
    pub reason: String,
}

/// What a step of the crawl produced.
#[derive(Debug, Default)]
pub struct CrawlBatch {
    /// New or changed documents, for extraction.
    pub documents: Vec<RawDoc>,
    /// Ids of documents their source took down (404/410).
    pub withdrawn: Vec<String>,
    /// URLs that failed.
    pub failures: Vec<CrawlFailure>,
}

/// The crawl of one source.
pub struct Crawl {
    ctx: Arc<Worker>,
    queue: VecDeque<FrontierEntry>,
    seen: HashSet<String>,
    in_flight: JoinSet<PageResult>,
    stats: CrawlStats,
    started: bool,
    finished: bool,
}

impl Crawl {
    /// A crawl of `source`, archiving bodies in `archive`; `now` (RFC 3339) is recorded as the
    /// fetch time of what this run fetches. Pages are read for links within `limits`.
    pub fn new(
        source: HttpSource,
        limits: Limits,
        archive: Archive,
        now: &str,
    ) -> Result<Self, FetchError> {
        let fetcher = Fetcher::new(&source).map_err(|e| FetchError::Client {
            source_id: source.id.clone(),
            source: e,
        })?;
        Ok(Crawl {
            ctx: Arc::new(Worker {
                source,
                limits,
                fetcher,
                archive,
                now: now.to_string(),
            }),
            queue: VecDeque::new(),
            seen: HashSet::new(),
            in_flight: JoinSet::new(),
            stats: CrawlStats::default(),
            started: false,
            finished: false,
        })
    }

    /// The counters so far.
    pub fn stats(&self) -> CrawlStats {
        let mut s = self.stats.clone();
        s.retries = self
            .ctx
            .fetcher
            .counters
            .retries
            .load(std::sync::atomic::Ordering::Relaxed);
        s
    }

    /// Crawls until `max_documents` documents are ready or the crawl ends; `None` once it has
    /// ended and everything was handed out.
    pub async fn next_batch(
        &mut self,
        store: &mut dyn CrawlStore,
        max_documents: usize,
    ) -> Result<Option<CrawlBatch>, FetchError> {
        if self.finished {
            return Ok(None);
        }
        let sid = self.ctx.source.id.clone();
        let store_err = |e: StoreError| FetchError::Store {
            source_id: sid.clone(),
            source: e,
        };
        if !self.started {
            self.start(store).map_err(store_err)?;
            self.started = true;
        }
        let mut batch = CrawlBatch::default();
        let concurrency = self.ctx.source.politeness.concurrency;
        let max_pages = self.ctx.source.limits.max_pages as u64;
        let id = self.ctx.source.id.clone();
        loop {
            while self.in_flight.len() < concurrency {
                let Some(entry) = self.queue.pop_front() else {
                    break;
                };
                if self.stats.requests >= max_pages {
                    self.stats.skipped_by_limit += 1;
                    continue;
                }
                let previous = store.url_record(&entry.url).map_err(store_err)?;
                self.stats.requests += 1;
                let ctx = self.ctx.clone();
                self.in_flight
                    .spawn(async move { ctx.process(entry, previous).await });
            }
            let Some(joined) = self.in_flight.join_next().await else {
                // Nothing in flight and nothing queued: the crawl is over.
                store.frontier_clear(&id).map_err(store_err)?;
                self.finished = true;
                tracing::info!(source = %id, stats = %self.stats(), "Crawl finished.");
                return Ok(Some(batch));
            };
            let result = joined.map_err(|e| FetchError::Internal {
                source_id: id.clone(),
                reason: format!("a crawl worker stopped: {e}"),
            })?;
            self.record(result, store, &mut batch).map_err(store_err)?;
            if batch.documents.len() >= max_documents {
                return Ok(Some(batch));
            }
        }
    }
}
