//! An http source crawled as three stages on three threads, each a bounded number of batches
//! ahead of the next: the crawl fetches, the extractor cleans and extracts each batch on
//! rayon's threads, and the runner commits each batch with the crawl rows that produced it.

use super::process::{Processed, extract_all};
use super::{RunError, Runner};
use crate::crawl_buffer::{BufferedCrawlStore, CrawlWrite};
use crate::crawl_store::StateCrawlStore;
use crate::report::{DocFailure, RunReport, Stage};
use duban_fetch::{Archive, Crawl, CrawlBatch, CrawlStats, FetchError, HttpSource};
use duban_model::Limits;
use duban_state::State;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::time::{Duration, Instant};

/// Batches the crawler may have ready while one is being extracted and stored: it keeps
/// fetching that far ahead, and no further, so memory stays bounded when extraction is slower.
const BATCHES_AHEAD: usize = 2;

/// Extracted batches that may wait for their commit: one, so that the next batch is cleaned
/// and extracted on the thread pool while this one is written to SQLite.
const EXTRACTED_AHEAD: usize = 1;

/// A batch of the crawl, or the error that stopped it, with the crawl's writes that go with it.
struct CrawlStep {
    batch: Result<CrawlBatch, FetchError>,
    writes: Vec<CrawlWrite>,
}

/// A crawl step with its documents cleaned and extracted, ready to commit.
struct ExtractedStep {
    step: CrawlStep,
    processed: Vec<Result<Processed, DocFailure>>,
}

impl Runner {
    /// Crawls an http source; documents are extracted and stored in batches while the crawl
    /// goes on, withdrawals recorded, and the crawl counters added to the report.
    ///
    /// The crawl runs on a thread of its own (its coordinator there, its fetches on a tokio
    /// runtime) and hands batches over a bounded channel to this thread, which cleans and
    /// extracts each with rayon and stores it: fetching goes on while earlier batches are
    /// extracted. Each batch is committed in one transaction with the crawl rows that produced
    /// it, replayed from the crawl's log (`BufferedCrawlStore`), in the order the crawl made
    /// them.
    pub fn crawl(
        &mut self,
        source: &HttpSource,
        report: &mut RunReport,
        now: &str,
    ) -> Result<(), RunError> {
        // Cleaning and extraction cost about four times what fetching and link parsing cost
        // per page, and they run on every core (rayon): fetching gets half the cores, so that
        // its threads do not crowd extraction's (one fetch thread on two cores measured 5–10%
        // more pages per second than two).
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads((cores / 2).max(1))
            .enable_all()
            .build()
            .map_err(RunError::Runtime)?;
        let archive = Archive::new(self.data.archive_dir());
        let crawl = Crawl::new(source.clone(), self.limits, archive, now)?;
        let limits = self.limits;
        let committed = Arc::new(AtomicU64::new(0));
        let mut store = BufferedCrawlStore::new(
            State::open(&self.data.state_path())?,
            Arc::clone(&committed),
        );
        let batch_size = self.crawl_batch;
        tracing::info!(source = %source.id, "Crawl started.");
        let (sender, receiver) = std::sync::mpsc::sync_channel::<CrawlStep>(BATCHES_AHEAD);
        let (extracted_sender, extracted) =
            std::sync::mpsc::sync_channel::<ExtractedStep>(EXTRACTED_AHEAD);
        // Three stages on three threads: the crawl fetches, the extractor cleans and extracts
        // each batch on the thread pool, and this thread commits, so that fetching, extraction
        // and SQLite writes overlap. Each stage stops when the next one hangs up.
        std::thread::scope(|scope| {
            // The first pages take a while to arrive; extraction's dictionaries load meanwhile.
            scope.spawn(duban_extract::prepare);
            let crawler =
                scope.spawn(move || fetch_stage(&rt, crawl, &mut store, batch_size, &sender));
            let extractor =
                scope.spawn(move || extract_stage(&receiver, &extracted_sender, &limits));
            let mut stored = Ok(());
            let mut number = 0;
            while let Ok(step) = extracted.recv() {
                number += 1;
                let started = Instant::now();
                let documents = step.processed.len();
                stored = self.store_crawl_step(step, &source.id, report);
                report.time_stage("store", documents, started.elapsed());
                if stored.is_err() {
                    break;
                }
                committed.store(number, Ordering::Release);
            }
            // Stops the extractor, and through it the crawler, at their next batch if storing
            // failed.
            drop(extracted);
            let (stats, fetching) = match crawler.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            let extracting = match extractor.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            report.time_stage("fetch", fetching.0, fetching.1);
            report.time_stage("extract", extracting.0, extracting.1);
            *report.crawl.get_or_insert_with(CrawlStats::default) += &stats;
            stored
        })
    }

    /// Commits one cleaned and extracted batch of a crawl with the crawl's writes that
    /// produced it.
    fn store_crawl_step(
        &mut self,
        ExtractedStep { step, processed }: ExtractedStep,
        source_id: &str,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let (batch, crawl_error) = match step.batch {
            Ok(b) => (b, None),
            Err(e) => (CrawlBatch::default(), Some(e)),
        };
        self.state.begin()?;
        let mut rows = StateCrawlStore(&self.state);
        for w in &step.writes {
            w.apply(&mut rows).map_err(|source| FetchError::Store {
                source_id: source_id.to_string(),
                source,
            })?;
        }
        for f in batch.failures {
            report.failures.push(DocFailure {
                input: f.url,
                stage: Stage::Fetch,
                reason: f.reason,
            });
        }
        self.store_processed(processed, report)?;
        for id in &batch.withdrawn {
            if self.state.withdraw_record(id)? {
                report.withdrawn += 1;
            }
        }
        self.state.commit()?;
        crate::abort::point("commit");
        match crawl_error {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }
}

/// The crawl's stage: fetches batches of `batch_size` documents and sends each with the crawl
/// rows that produced it, until the crawl ends, fails (the error is sent last) or the next stage
/// hangs up. Returns the crawl's counters, and the documents fetched and the time it took.
fn fetch_stage(
    rt: &tokio::runtime::Runtime,
    mut crawl: Crawl,
    store: &mut BufferedCrawlStore,
    batch_size: usize,
    sender: &SyncSender<CrawlStep>,
) -> (CrawlStats, (usize, Duration)) {
    let mut fetching = (0, Duration::ZERO);
    loop {
        let started = Instant::now();
        let next = rt.block_on(crawl.next_batch(store, batch_size));
        fetching.1 += started.elapsed();
        let (batch, last) = match next {
            Ok(Some(b)) => {
                crate::abort::point("fetch");
                fetching.0 += b.documents.len();
                store.handed_out(&b.documents);
                (Ok(b), false)
            }
            Ok(None) => break,
            Err(e) => (Err(e), true),
        };
        let step = CrawlStep {
            batch,
            writes: store.take_writes(),
        };
        // A closed channel: the storing side failed and returned its error.
        if sender.send(step).is_err() || last {
            break;
        }
    }
    (crawl.stats(), fetching)
}

/// The extractor's stage: cleans and extracts each batch received, on rayon's threads, and
/// sends it on, until the crawl's stage ends or the committing stage hangs up. Returns the
/// documents extracted and the time it took.
fn extract_stage(
    receiver: &Receiver<CrawlStep>,
    sender: &SyncSender<ExtractedStep>,
    limits: &Limits,
) -> (usize, Duration) {
    let mut extracting = (0, Duration::ZERO);
    for mut step in receiver {
        let documents = match &mut step.batch {
            Ok(b) => std::mem::take(&mut b.documents),
            Err(_) => Vec::new(),
        };
        let started = Instant::now();
        let processed = extract_all(&documents, limits);
        extracting.0 += documents.len();
        extracting.1 += started.elapsed();
        drop(documents);
        if sender.send(ExtractedStep { step, processed }).is_err() {
            break;
        }
    }
    extracting
}
