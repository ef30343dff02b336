//! Running a pipeline: sources → clean → extract (in parallel) → state → index → export.

use crate::config::{PipelineConfig, SourceConfig};
use crate::crawl_buffer::{BufferedCrawlStore, CrawlWrite};
use crate::crawl_store::StateCrawlStore;
use crate::files::{FileInput, collect_files};
use crate::report::{DocFailure, DocWarning, RunReport, RunStatus, Stage};
use crate::tracked::TrackedProgress;
use duban_export::{ExportOrigin, ExportRecord, ExportWriter};
use duban_fetch::{Archive, Crawl, CrawlBatch, CrawlStats, FetchError, HttpSource, UrlOutcome};
use duban_index::{IndexedState, ObligationIndex};
use duban_model::{CleanDoc, Limits, Obligation, RawDoc, SourceHints};
use duban_state::State;
use duban_state::identity::StateMark;
use duban_state::records::{StoredRecord, Upsert};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Why a run could not start or finish (per-document problems are in the report instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The data folder could not be created.
    #[error("data folder {path}: {source}")]
    DataDir {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The state database failed.
    #[error(transparent)]
    State(#[from] duban_state::StateError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] duban_index::IndexError),
    /// The index's files cannot be read (a damaged segment, a torn meta file).
    #[error(
        "index at {} is damaged ({source}): run `duban doctor --repair` or delete {}; it is \
         rebuilt from the state",
        dir.display(),
        dir.display()
    )]
    IndexDamaged {
        /// The index folder.
        dir: PathBuf,
        /// What Tantivy or the file system said.
        #[source]
        source: duban_index::IndexError,
    },
    /// The export could not be written.
    #[error(transparent)]
    Export(#[from] duban_export::ExportError),
    /// The stored documents could not be read to track their targets.
    #[error(transparent)]
    Track(#[from] duban_track::TrackError),
    /// A target's progress could not be written as JSON.
    #[error("writing a target's progress as JSON: {0}")]
    Progress(#[source] serde_json::Error),
    /// The file progress is spooled to between tracking and writing could not be used.
    #[error("progress spool {}: {source}", path.display())]
    ProgressSpool {
        /// The spool file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A crawl could not go on (its state failed; per-URL faults are in the report).
    #[error(transparent)]
    Crawl(#[from] duban_fetch::FetchError),
    /// The exports or the index were made from another state: `state.sqlite` was deleted or
    /// replaced, and going on would make them disagree with it.
    #[error(
        "the {what} in {dir} were made from another state ({old_state}) than state.sqlite \
         ({new_state}): state.sqlite was deleted or replaced. Restore it from a backup, or pass \
         --force to start over from this state (exports and index are then rebuilt from it)"
    )]
    OtherState {
        /// The data folder.
        dir: PathBuf,
        /// `exports` or `search index`.
        what: &'static str,
        /// The state id they name.
        old_state: String,
        /// The id of the state in the folder.
        new_state: String,
    },
    /// Another process works on the data folder.
    #[error(transparent)]
    Locked(#[from] crate::lock::LockError),
    /// The async runtime for crawling could not start.
    #[error("starting the crawl runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

/// Documents handed from the crawler to extraction at a time: small enough that extraction
/// starts early and each commit stays short, large enough to keep rayon's threads busy.
const CRAWL_BATCH: usize = 64;

/// Files read and processed at a time by an ingest, at most: as many as a crawl batch of
/// small pages, or [`INGEST_BATCH_BYTES`] of them, whichever comes first.
const INGEST_BATCH_FILES: usize = CRAWL_BATCH * 4;
/// Bytes of files read and processed at a time by an ingest (a batch has at least one file):
/// cleaning, extraction and storing hold some tens of times a document's size, so a file at
/// the 10 MiB default limit is processed alone.
const INGEST_BATCH_BYTES: u64 = 16 * 1024 * 1024;

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

/// The data folder and what lives in it.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The data folder at `root` (created on first use).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }
    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }
    /// `state.sqlite`.
    pub fn state_path(&self) -> PathBuf {
        self.root.join("state.sqlite")
    }
    /// `index/`.
    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }
    /// `export/`.
    pub fn export_dir(&self) -> PathBuf {
        self.root.join("export")
    }
    /// `progress.spool`: the progress of targets between tracking and writing it (removed
    /// once written).
    pub fn progress_spool(&self) -> PathBuf {
        self.root.join("progress.spool")
    }
    /// `archive/`: raw responses of crawls.
    pub fn archive_dir(&self) -> PathBuf {
        self.root.join("archive")
    }
    /// `runs/`: one report per run, `<id>.json`.
    pub fn runs_dir(&self) -> PathBuf {
        self.root.join("runs")
    }
    /// `runs/<id>.json`.
    pub fn run_report_path(&self, id: i64) -> PathBuf {
        self.runs_dir().join(format!("{id}.json"))
    }
}

/// Runs pipelines against one data folder.
pub struct Runner {
    data: DataDir,
    /// Held as long as the runner lives: one writer of the data folder at a time.
    lock: crate::lock::DataDirLock,
    state: State,
    index: Option<ObligationIndex>,
    /// Whether to write over exports and an index of another state (`--force`).
    force: bool,
    run_id: Option<i64>,
    /// When the current run started.
    started: Option<Instant>,
    /// Records the index caught up with on open, and the time it took, for the first report.
    caught_up: Option<(usize, Duration)>,
    /// Told of every document stored.
    progress: Arc<dyn Progress>,
    /// Documents per crawl batch ([`CRAWL_BATCH`]; tests set other sizes).
    crawl_batch: usize,
    /// Bounds on one input, handed to the cleaner and the crawl ([`Runner::set_limits`]).
    limits: Limits,
}

/// One document after clean and extract, ready to store.
struct Processed {
    record: StoredRecord,
    /// What the record was made from ([`input_key`]).
    input_key: String,
    clean: CleanDoc,
    obligations: Vec<Obligation>,
}

impl Runner {
    /// Opens the data folder's state; the index is opened when `with_index`.
    pub fn open(data: DataDir, with_index: bool) -> Result<Self, RunError> {
        Self::open_with(data, with_index, false)
    }

    /// Opens the data folder's state, and the index when `with_index`, bringing the index up
    /// to the state's generation. Exports or an index made from another state are an error
    /// ([`RunError::OtherState`]) unless `force`, which rebuilds them from this state.
    pub fn open_with(data: DataDir, with_index: bool, force: bool) -> Result<Self, RunError> {
        std::fs::create_dir_all(data.root()).map_err(|source| RunError::DataDir {
            path: data.root().to_path_buf(),
            source,
        })?;
        let lock = crate::lock::DataDirLock::acquire(
            data.root(),
            &crate::clock::command_line(),
            &crate::clock::now_rfc3339(),
        )?;
        let state = State::open(&data.state_path())?;
        let mark = state.mark()?;
        if !force {
            same_state_everywhere(&data, &mark)?;
        }
        let mut caught_up = None;
        let index = if with_index {
            let started = Instant::now();
            let damaged = |e| match e {
                RunError::Index(e) => index_damaged(&data.index_dir(), e),
                other => other,
            };
            let mut index = ObligationIndex::open(&data.index_dir())
                .map_err(|e| index_damaged(&data.index_dir(), e))?;
            let records = catch_up_index(&state, &mut index, &mark, &data.progress_spool())
                .map_err(damaged)?;
            caught_up = Some((records, started.elapsed()));
            Some(index)
        } else {
            None
        };
        Ok(Runner {
            data,
            lock,
            state,
            index,
            force,
            run_id: None,
            started: None,
            caught_up,
            progress: Arc::new(NoProgress),
            crawl_batch: CRAWL_BATCH,
            limits: Limits::default(),
        })
    }

    /// The state database.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The data folder.
    pub fn data(&self) -> &DataDir {
        &self.data
    }

    /// The data folder's lock this runner holds.
    pub fn lock(&self) -> &crate::lock::DataDirLock {
        &self.lock
    }

    /// Bounds the documents this runner reads from now on by `limits` (a pipeline's `[limits]`
    /// or the command line's; [`Limits::default`] until set).
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    /// Tells `progress` of the documents this runner stores from now on.
    pub fn set_progress(&mut self, progress: Arc<dyn Progress>) {
        self.progress = progress;
    }

    /// Starts a run of `report.pipeline` at `now`: its row in the state, and `runs/<id>.json`
    /// saying it is running (a run killed before [`Runner::finish`] leaves it so).
    pub fn start_run(&mut self, report: &mut RunReport, now: &str) -> Result<(), RunError> {
        let id = self.state.start_run(&report.pipeline, now)?;
        self.run_id = Some(id);
        self.started = Some(Instant::now());
        report.run_id = Some(id);
        report.started_at = now.to_string();
        report.command = crate::clock::command_line();
        report.status = RunStatus::Running;
        self.write_run_file(report)
    }

    /// Writes `runs/<id>.json` (through a temporary file: a reader sees a whole report).
    fn write_run_file(&self, report: &RunReport) -> Result<(), RunError> {
        let Some(id) = report.run_id else {
            return Ok(());
        };
        let dir = self.data.runs_dir();
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| RunError::DataDir { path, source }
        };
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let path = self.data.run_report_path(id);
        let tmp = dir.join(format!(".{id}.json.tmp"));
        let mut json = serde_json::to_string_pretty(report).unwrap_or_default();
        json.push('\n');
        std::fs::write(&tmp, json).map_err(io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(&path))
    }

    /// Runs every source of a pipeline, then rewrites the exports.
    pub fn run_pipeline(&mut self, cfg: &PipelineConfig, now: &str) -> Result<RunReport, RunError> {
        let mut report = RunReport {
            pipeline: cfg.pipeline.name.clone(),
            ..RunReport::default()
        };
        self.start_run(&mut report, now)?;
        self.set_limits(cfg.limits);
        for source in &cfg.sources {
            match source {
                SourceConfig::Files(f) => {
                    let paths: Vec<PathBuf> =
                        f.paths.iter().map(|p| cfg.base_dir.join(p)).collect();
                    let hints = SourceHints {
                        region: f.region.clone(),
                        kind: f.kind,
                        ..SourceHints::default()
                    };
                    self.ingest_paths(
                        &paths,
                        &f.extensions,
                        f.max_document_bytes,
                        &hints,
                        &mut report,
                    )?;
                }
                SourceConfig::Http(h) => {
                    self.crawl(h, &mut report, now)?;
                    self.reextract_stale(h, &mut report)?;
                }
            }
        }
        self.finish(&mut report, now)?;
        Ok(report)
    }

    /// Reads local files and folders, and processes them as documents; a file larger than
    /// `max_document_bytes` is a failure of its own, not read.
    pub fn ingest_paths(
        &mut self,
        paths: &[PathBuf],
        extensions: &[String],
        max_document_bytes: u64,
        hints: &SourceHints,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let (files, errors) = collect_files(paths, extensions);
        self.progress.expect(files.len() as u64);
        for (path, reason) in errors {
            report.failures.push(DocFailure {
                input: path.display().to_string(),
                stage: Stage::Read,
                reason,
            });
        }
        let mut reading = std::time::Duration::ZERO;
        // A batch at a time, so that memory holds one batch's bytes and results, not the
        // folder's (four 10 MB one-line texts held 1 GB at once).
        for batch in ingest_batches(&files) {
            let started = Instant::now();
            let raws: Vec<Result<RawDoc, DocFailure>> = batch
                .par_iter()
                .map(|f| {
                    f.read(hints, max_document_bytes).map_err(|e| DocFailure {
                        input: f.path.display().to_string(),
                        stage: Stage::Read,
                        reason: e.to_string(),
                    })
                })
                .collect();
            let mut ok = Vec::new();
            for r in raws {
                match r {
                    Ok(raw) => ok.push(raw),
                    Err(f) => {
                        report.failures.push(f);
                        self.progress.stored(1);
                    }
                }
            }
            reading += started.elapsed();
            // A file whose bytes, name and hints are those its stored record was extracted
            // from by this very build would give the same record again: it is not extracted
            // again.
            let mut changed = Vec::with_capacity(ok.len());
            for raw in ok {
                match self.state.input_key(&raw.id)? {
                    Some((key, obligations)) if key == input_key(&raw) => {
                        report.documents += 1;
                        report.unchanged += 1;
                        report.skipped_unchanged += 1;
                        report.obligations += obligations;
                        self.progress.stored(1);
                    }
                    _ => changed.push(raw),
                }
            }
            self.process_raw(changed, report)?;
        }
        report.time_stage("read", files.len(), reading);
        Ok(())
    }

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
        let mut crawl = Crawl::new(source.clone(), self.limits, archive, now)?;
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
            let crawler = scope.spawn(move || {
                let mut fetching = (0, Duration::ZERO);
                loop {
                    let started = Instant::now();
                    let next = rt.block_on(crawl.next_batch(&mut store, batch_size));
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
            });
            let extractor = scope.spawn(move || {
                let mut extracting = (0, Duration::ZERO);
                for mut step in receiver {
                    let documents = match &mut step.batch {
                        Ok(b) => std::mem::take(&mut b.documents),
                        Err(_) => Vec::new(),
                    };
                    let started = Instant::now();
                    let processed = extract_all(&documents, &limits);
                    extracting.0 += documents.len();
                    extracting.1 += started.elapsed();
                    drop(documents);
                    if extracted_sender
                        .send(ExtractedStep { step, processed })
                        .is_err()
                    {
                        break;
                    }
                }
                extracting
            });
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

    /// Re-extracts every crawled document from the raw archive, without the network. With
    /// `sources`, only their documents, with their metadata defaults as hints.
    pub fn reprocess(
        &mut self,
        sources: &[HttpSource],
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        self.reprocess_where(sources, report, false)
    }

    /// Re-extracts, from the raw archive, the documents of `source` whose stored record was
    /// made from another input or by another build than this one's: after a new build, what
    /// the crawl did not fetch again (304, same body) is extracted anew all the same, without
    /// the network. Counted as `reextracted` in the report.
    pub fn reextract_stale(
        &mut self,
        source: &HttpSource,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let before = report.documents;
        self.reprocess_where(std::slice::from_ref(source), report, true)?;
        report.reextracted += report.documents - before;
        if report.documents > before {
            tracing::info!(
                source = %source.id,
                documents = report.documents - before,
                "Re-extracted from the archive: stored by another build."
            );
        }
        Ok(())
    }

    fn reprocess_where(
        &mut self,
        sources: &[HttpSource],
        report: &mut RunReport,
        only_stale: bool,
    ) -> Result<(), RunError> {
        let archive = Archive::new(self.data.archive_dir());
        let default_source = HttpSource::quick("reprocess", Vec::new(), Vec::new());
        let mut raws = Vec::new();
        for row in self.state.crawl_urls(None)? {
            let source = if sources.is_empty() {
                &default_source
            } else {
                match sources.iter().find(|s| s.id == row.source) {
                    Some(s) => s,
                    None => continue,
                }
            };
            let document = row.kind.is_document();
            let current = matches!(row.outcome, UrlOutcome::Fetched | UrlOutcome::NotModified);
            let Some(doc_sha) = row.doc_sha256.clone().filter(|_| document && current) else {
                continue;
            };
            let final_url = row.final_url.clone().unwrap_or_else(|| row.url.clone());
            let media = url::Url::parse(&final_url)
                .ok()
                .and_then(|u| duban_fetch::crawl::media_type(row.content_type.as_deref(), &u))
                .unwrap_or(duban_model::MediaType::Html);
            // A stitched document was archived as UTF-8; a single page with its own charset.
            let charset = if row.sha256.as_deref() == Some(doc_sha.as_str()) {
                row.charset.clone()
            } else {
                Some("UTF-8".into())
            };
            let mut raw = duban_fetch::crawl::raw_doc(
                source,
                &row.url,
                &final_url,
                Vec::new(),
                doc_sha.clone(),
                charset,
                media,
                row.fetched_at.as_deref().unwrap_or(&row.checked_at),
            );
            if only_stale
                && self
                    .state
                    .input_key(&raw.id)?
                    .is_some_and(|(key, _)| key == input_key(&raw))
            {
                continue;
            }
            let started = Instant::now();
            let read = archive.get(&doc_sha);
            report.time_stage("archive", 1, started.elapsed());
            raw.bytes = match read {
                Ok(b) => b,
                Err(e) => {
                    report.failures.push(DocFailure {
                        input: row.url.clone(),
                        stage: Stage::Archive,
                        reason: format!("archived body {doc_sha}: {e}"),
                    });
                    continue;
                }
            };
            raws.push(raw);
            if raws.len() >= CRAWL_BATCH * 4 {
                self.process_raw(std::mem::take(&mut raws), report)?;
            }
        }
        self.process_raw(raws, report)
    }

    /// Cleans and extracts raw documents in parallel, then stores and indexes them in order.
    pub fn process_raw(
        &mut self,
        raws: Vec<RawDoc>,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let started = Instant::now();
        let processed = extract_all(&raws, &self.limits);
        report.time_stage("extract", raws.len(), started.elapsed());
        drop(raws);
        let started = Instant::now();
        let documents = processed.len();
        self.store_processed(processed, report)?;
        report.time_stage("store", documents, started.elapsed());
        Ok(())
    }

    /// Stores and indexes cleaned and extracted documents in order; failures go to the report.
    fn store_processed(
        &mut self,
        processed: Vec<Result<Processed, DocFailure>>,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        for p in processed {
            report.documents += 1;
            self.progress.stored(1);
            let p = match p {
                Ok(p) => p,
                Err(f) => {
                    // Named once on stderr by the command from the report; a log line here
                    // would say it twice.
                    tracing::debug!(input = %f.input, reason = %f.reason, "Document failed.");
                    report.failures.push(f);
                    continue;
                }
            };
            report.obligations += p.obligations.len();
            report
                .warnings
                .extend(p.clean.warnings.iter().map(|w| DocWarning {
                    input: p.record.doc_id.clone(),
                    warning: w.clone(),
                }));
            let outcome = self.state.put_record(&p.record, self.run_id)?;
            self.state.set_input_key(&p.record.doc_id, &p.input_key)?;
            crate::abort::point("store");
            match outcome {
                Upsert::New => report.new += 1,
                Upsert::Changed => report.changed += 1,
                // The index holds it as it is: opening caught the index up with the state.
                Upsert::Unchanged => {
                    report.unchanged += 1;
                    continue;
                }
            }
            if let Some(index) = &mut self.index {
                index.upsert(&p.clean.document, &p.obligations)?;
            }
        }
        Ok(())
    }

    /// Commits the index, rewrites the exports from the state and stores the run report.
    ///
    /// A run not started with [`Runner::start_run`] (or [`Runner::run_pipeline`]) is started
    /// here at `now`.
    pub fn finish(&mut self, report: &mut RunReport, now: &str) -> Result<(), RunError> {
        if self.run_id.is_none() || report.run_id.is_none() {
            self.start_run(report, now)?;
        }
        if let Some((records, took)) = self.caught_up.take() {
            report.index_caught_up = records;
            report.time_stage("index", records, took);
        }
        let mark = self.state.mark()?;
        let started = Instant::now();
        // Targets linked over every stored document: indexed with this commit, exported below.
        let progress = TrackedProgress::track(&self.state, &self.data.progress_spool())?;
        if let Some(index) = &mut self.index {
            progress.index_into(index)?;
            // Every record changed up to this generation went through `store_processed` or the
            // catch-up on open: the index holds the state as of `mark`.
            index.set_indexed_state(indexed_state(&mark));
            crate::abort::point("index");
            index
                .commit()
                .map_err(|e| index_damaged(&self.data.index_dir(), e))?;
            crate::abort::point("indexed");
            report.time_stage("index", 0, started.elapsed());
        }
        let started = Instant::now();
        let counts = self.write_exports_with(&mark, &progress)?;
        crate::abort::point("exported");
        report.time_stage("export", counts.documents, started.elapsed());
        report.exported_documents = counts.documents;
        report.exported_obligations = counts.obligations;
        report.export_files_written = counts.files_written;
        report.finished_at = crate::clock::now_rfc3339();
        report.seconds = self
            .started
            .take()
            .map_or(0.0, |t| t.elapsed().as_secs_f64());
        report.status = if report.failures.is_empty() {
            RunStatus::Finished
        } else {
            RunStatus::FinishedWithFailures
        };
        report.settle_timings();
        let json = serde_json::to_string(report).unwrap_or_default();
        let run_id = self.run_id.take().unwrap_or_default();
        self.state.finish_run(run_id, &report.finished_at, &json)?;
        self.write_run_file(report)?;
        tracing::info!(
            pipeline = %report.pipeline,
            documents = report.documents,
            new = report.new,
            changed = report.changed,
            unchanged = report.unchanged,
            failed = report.failures.len(),
            "Run finished."
        );
        Ok(())
    }
}

impl Runner {
    /// Rewrites the export files from the state as of `mark` (see [`ExportWriter`]: written
    /// and synced before any is renamed; refused when it would drop documents, unless
    /// `--force`), `progress.jsonl` from the targets tracked over the stored documents, while
    /// another connection checkpoints the state's log.
    pub fn write_exports(
        &mut self,
        mark: &StateMark,
    ) -> Result<duban_export::ExportCounts, RunError> {
        let progress = TrackedProgress::track(&self.state, &self.data.progress_spool())?;
        self.write_exports_with(mark, &progress)
    }

    /// [`Runner::write_exports`] with the progress already tracked.
    fn write_exports_with(
        &mut self,
        mark: &StateMark,
        progress: &TrackedProgress,
    ) -> Result<duban_export::ExportCounts, RunError> {
        let origin = ExportOrigin {
            state_id: mark.state_id.clone(),
            state_generation: mark.generation,
        };
        let force = self.force;
        // The export reads the records while another connection copies the run's log into
        // the database file: two writers of the same bytes, one on each core.
        let state_path = self.data.state_path();
        std::thread::scope(|scope| {
            let checkpoint = scope.spawn(|| duban_state::checkpoint(&state_path));
            let mut export = ExportWriter::create(&self.data.export_dir(), origin)?;
            self.state.for_each_record(|r| {
                export.push(ExportRecord {
                    document: r.document,
                    obligations: r.obligations,
                })?;
                crate::abort::point("export");
                Ok::<(), RunError>(())
            })?;
            progress.for_each_batch(|batch| {
                for p in batch {
                    export.push_progress(&p.json)?;
                }
                Ok(())
            })?;
            let counts = export.finish(force);
            match checkpoint.join() {
                Ok(Ok(())) => {}
                // The records are safe in the log; the next checkpoint copies them.
                Ok(Err(e)) => tracing::warn!(error = %e, "State checkpoint failed."),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            Ok::<_, RunError>(counts?)
        })
    }
}

/// `files` in order, cut into batches of at most [`INGEST_BATCH_FILES`] files and
/// [`INGEST_BATCH_BYTES`] bytes (a larger file is a batch of its own; a size that cannot be
/// read counts as nothing, and reading the file names the problem).
fn ingest_batches(files: &[FileInput]) -> Vec<&[FileInput]> {
    let mut batches = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, f) in files.iter().enumerate() {
        let size = std::fs::metadata(&f.path).map_or(0, |m| m.len());
        if i > start && (i - start >= INGEST_BATCH_FILES || bytes + size > INGEST_BATCH_BYTES) {
            batches.push(&files[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < files.len() {
        batches.push(&files[start..]);
    }
    batches
}

/// What a stored record is made from: the raw document (id, source, hash, media type, hints)
/// and the build of Duban that extracted it, hashed. A file ingested again with the same key
/// would give the same record. The build is told by the executable's size and modification
/// time: any rebuild re-extracts everything once, which is the safe side.
fn input_key(raw: &RawDoc) -> String {
    use std::hash::{Hash, Hasher};
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let build = BUILD.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}-{modified}", m.len())
            })
            .unwrap_or_default()
    });
    // Not a security boundary: two 64-bit hashes of different seeds keep accidental
    // collisions out of reach.
    let text = format!(
        "{build}\n{}\n{:?}\n{:?}\n{:?}",
        raw.id, raw.source, raw.media_type, raw.hints
    );
    let hash = |seed: u64| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        text.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}", hash(1), hash(2))
}

/// Cleans and extracts documents over rayon's threads, keeping their order.
fn extract_all(raws: &[RawDoc], limits: &Limits) -> Vec<Result<Processed, DocFailure>> {
    raws.par_iter()
        .map(|raw| contain_panic(&raw.input_name(), || process_one(raw, limits)))
        .collect()
}

/// Runs one document's processing, a panic in it (a bug) being that document's failure rather
/// than the end of the run: the other documents of the batch are still stored.
fn contain_panic<T>(
    input: &str,
    process: impl FnOnce() -> Result<T, DocFailure> + std::panic::UnwindSafe,
) -> Result<T, DocFailure> {
    std::panic::catch_unwind(process).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Err(DocFailure {
            input: input.to_string(),
            stage: Stage::Extract,
            reason: format!("internal error (a bug, please report it): {message}"),
        })
    })
}

fn process_one(raw: &RawDoc, limits: &Limits) -> Result<Processed, DocFailure> {
    let input = raw.input_name();
    let clean = duban_clean::clean(raw, limits).map_err(|e| DocFailure {
        input: input.clone(),
        stage: Stage::Clean,
        reason: e.reason(),
    })?;
    let obligations = duban_extract::extract(&clean);
    crate::abort::point("extract");
    let document = serde_json::to_string(&clean.document).map_err(|e| DocFailure {
        input: input.clone(),
        stage: Stage::Export,
        reason: e.to_string(),
    })?;
    let mut obligation_lines = String::with_capacity(obligations.len() * 640);
    for o in &obligations {
        let line = serde_json::to_string(o).map_err(|e| DocFailure {
            input: input.clone(),
            stage: Stage::Export,
            reason: e.to_string(),
        })?;
        obligation_lines.push_str(&line);
        obligation_lines.push('\n');
    }
    Ok(Processed {
        input_key: input_key(raw),
        record: StoredRecord {
            doc_id: clean.document.id.clone(),
            sha256: clean.document.source.sha256.clone(),
            document,
            obligations: obligation_lines,
            withdrawn: false,
        },
        clean,
        obligations,
    })
}

/// What a run tells of its progress as it stores documents (a bar on a terminal, log lines
/// elsewhere: the command line decides).
pub trait Progress: Send + Sync {
    /// More documents are expected (files found; unknown for a crawl).
    fn expect(&self, documents: u64);
    /// Documents stored or failed.
    fn stored(&self, documents: u64);
}

/// Tells nobody.
struct NoProgress;

impl Progress for NoProgress {
    fn expect(&self, _: u64) {}
    fn stored(&self, _: u64) {}
}

/// Whether an index error says the index's files are damaged: corrupt data, a file that
/// cannot be read or is gone, a folder that cannot be opened (not a full disk, a lock or a bad
/// query).
pub fn is_index_damage(e: &duban_index::IndexError) -> bool {
    use tantivy::TantivyError as T;
    matches!(
        e,
        duban_index::IndexError::Tantivy {
            source: T::DataCorruption(_) | T::OpenReadError(_) | T::OpenDirectoryError(_),
            ..
        }
    )
}

/// [`RunError::IndexDamaged`] for an index whose files are damaged ([`is_index_damage`]),
/// with the advice to rebuild it; other index errors as they are.
pub fn index_damaged(dir: &Path, e: duban_index::IndexError) -> RunError {
    if is_index_damage(&e) {
        RunError::IndexDamaged {
            dir: dir.to_path_buf(),
            source: e,
        }
    } else {
        RunError::Index(e)
    }
}

fn indexed_state(mark: &StateMark) -> IndexedState {
    IndexedState {
        state_id: mark.state_id.clone(),
        generation: mark.generation,
    }
}

/// Fails when the exports or the index name another state than `mark`'s and hold something:
/// `state.sqlite` was deleted or replaced since they were written.
fn same_state_everywhere(data: &DataDir, mark: &StateMark) -> Result<(), RunError> {
    let other = |what, old_state: String| RunError::OtherState {
        dir: data.root().to_path_buf(),
        what,
        old_state,
        new_state: mark.state_id.clone(),
    };
    if let Some(m) = duban_export::read_manifest(&data.export_dir())?
        && m.documents() > 0
        && m.origin.state_id != mark.state_id
    {
        return Err(other("exports", m.origin.state_id));
    }
    if let Some(s) = duban_index::indexed_state_in(&data.index_dir())
        && s.generation > 0
        && s.state_id != mark.state_id
    {
        return Err(other("search index", s.state_id));
    }
    Ok(())
}

/// Brings the index up to the state: re-indexes the records changed after the generation the
/// index was committed at (all of them for a new, emptied or older index; after everything is
/// deleted for an index of another state or of a later generation, which the state no longer
/// has). A run stopped after the state's commit and before the index's leaves records the
/// next run may never process again (pages that answer 304): they are indexed here, and the
/// progress records with them.
fn catch_up_index(
    state: &State,
    index: &mut ObligationIndex,
    mark: &StateMark,
    spool: &Path,
) -> Result<usize, RunError> {
    let since = match index.indexed_state() {
        Some(s) if s.state_id == mark.state_id && s.generation <= mark.generation => s.generation,
        Some(_) => {
            tracing::warn!("The index was made from another state; rebuilding it from this one.");
            index.delete_all()?;
            0
        }
        None => 0,
    };
    let mut documents = 0;
    state.for_each_record_since(since, |rec| {
        let doc: Result<duban_model::Document, _> = serde_json::from_str(rec.document);
        let obligations: Result<Vec<Obligation>, _> =
            rec.obligations.lines().map(serde_json::from_str).collect();
        match (doc, obligations) {
            (Ok(doc), Ok(obligations)) => {
                index.upsert(&doc, &obligations)?;
                crate::abort::point("catch-up");
                documents += 1;
            }
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!(doc_id = %rec.doc_id, error = %e, "Stored record unreadable; not indexed.");
            }
        }
        Ok::<(), RunError>(())
    })?;
    // A rebuilt or caught-up index gets the progress of targets too, which only a run's
    // finish would otherwise add (`duban doctor --repair` rebuilds without one).
    if documents > 0 {
        TrackedProgress::track(state, spool)?.index_into(index)?;
    }
    index.set_indexed_state(indexed_state(mark));
    if index.commit()? && documents > 0 {
        tracing::info!(
            documents,
            since_generation = since,
            "Index caught up with the stored records."
        );
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PipelineConfig;
    use duban_testkit::site_server::SiteServer;

    const NOW: &str = "2025-03-01T02:00:00Z";

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// Runs `pipelines/local-site.toml` against a fresh loopback site with `batch` documents
    /// per crawl batch; returns the exports, the crawl rows and the report, with the server's
    /// port replaced so that runs on different ports compare.
    fn crawl_with_batch(batch: usize) -> (String, String, String, serde_json::Value) {
        let server = SiteServer::start(&repo().join("corpora/sites/www.linjiang.gov.cn")).unwrap();
        let host = format!("127.0.0.1:{}", server.port());
        let text = std::fs::read_to_string(repo().join("pipelines/local-site.toml")).unwrap();
        let cfg = PipelineConfig::parse(&text.replace("127.0.0.1:8089", &host)).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut runner = Runner::open(DataDir::new(dir.path().join("data")), false).unwrap();
        runner.crawl_batch = batch;
        let mut report = runner.run_pipeline(&cfg, NOW).unwrap();
        report.failures.sort_by(|a, b| a.input.cmp(&b.input));
        // Timings differ from run to run; the counters must not.
        report.stages.clear();
        report.seconds = 0.0;
        report.finished_at.clear();
        let unport = |s: String| s.replace(&host, "HOST");
        let export = runner.data().export_dir();
        let read = |name: &str| unport(std::fs::read_to_string(export.join(name)).unwrap());
        let rows = unport(format!("{:#?}", runner.state().crawl_urls(None).unwrap()));
        let report = unport(serde_json::to_string(&report).unwrap());
        (
            read("documents.jsonl"),
            read("obligations.jsonl"),
            rows,
            serde_json::from_str(&report).unwrap(),
        )
    }

    #[test]
    fn an_ingest_is_cut_into_batches_by_bytes_and_by_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, bytes: usize| {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![b'x'; bytes]).unwrap();
            FileInput {
                path,
                relative: name.into(),
            }
        };
        let mb = 1024 * 1024;
        let files = vec![
            file("a.txt", 10 * mb),
            file("b.txt", 5 * mb),
            file("c.txt", 2 * mb),
            file("d.txt", 20 * mb),
            file("e.txt", 1),
        ];
        let names: Vec<Vec<&str>> = ingest_batches(&files)
            .iter()
            .map(|b| b.iter().map(|f| f.relative.as_str()).collect())
            .collect();
        assert_eq!(
            names,
            [
                vec!["a.txt", "b.txt"],
                vec!["c.txt"],
                vec!["d.txt"],
                vec!["e.txt"]
            ]
        );
        let small: Vec<FileInput> = (0..INGEST_BATCH_FILES + 1)
            .map(|k| file(&format!("{k}.txt"), 1))
            .collect();
        let sizes: Vec<usize> = ingest_batches(&small).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [INGEST_BATCH_FILES, 1]);
    }

    #[test]
    fn a_panic_in_one_document_is_that_documents_failure() {
        let failure =
            contain_panic::<()>("plans/bad.html", || panic!("index out of range")).unwrap_err();
        assert_eq!(failure.input, "plans/bad.html");
        assert!(failure.reason.contains("index out of range"), "{failure:?}");
        assert_eq!(contain_panic("plans/good.html", || Ok(7)).unwrap(), 7);
    }

    #[test]
    fn a_deleted_index_is_refilled_from_the_stored_records_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let mut runner = Runner::open(data.clone(), true).unwrap();
        let mut report = RunReport {
            pipeline: "test".into(),
            ..RunReport::default()
        };
        let seeds = repo().join("corpora/seeds");
        runner
            .ingest_paths(
                &[seeds],
                &["txt".into()],
                crate::DEFAULT_MAX_DOCUMENT_BYTES,
                &SourceHints::default(),
                &mut report,
            )
            .unwrap();
        runner.finish(&mut report, NOW).unwrap();
        drop(runner);
        std::fs::remove_dir_all(data.index_dir()).unwrap();
        drop(Runner::open(data.clone(), true).unwrap());
        let search = duban_index::SearchIndex::open(&data.index_dir()).unwrap();
        let stats = search.stats().unwrap();
        assert_eq!(stats.documents, 5);
        assert_eq!(stats.obligations, report.obligations);
        // The tracked targets come back with the records, as many as the export holds.
        let progress = search
            .matching_ids("*", duban_index::Target::Progress)
            .unwrap();
        let exported = std::fs::read_to_string(data.export_dir().join("progress.jsonl")).unwrap();
        assert!(!progress.is_empty());
        assert_eq!(progress.len(), exported.lines().count());
    }

    #[test]
    fn a_failure_names_its_stage_and_the_cleaners_warnings_reach_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::write(input.join("empty.txt"), "").unwrap();
        // One damaged byte in a UTF-8 page: decoded with a replacement character, and said.
        let mut page = "<html><head><meta charset=\"utf-8\"></head><body><p>一、加强行政复议工作。各区县政府要健全制度。</p></body></html>".as_bytes().to_vec();
        let at = page.len() - 30;
        page[at] = 0xFF;
        std::fs::write(input.join("damaged.html"), page).unwrap();
        let mut runner = Runner::open(DataDir::new(dir.path().join("data")), false).unwrap();
        let mut report = RunReport::default();
        runner
            .ingest_paths(
                &[input],
                &["txt".into(), "html".into()],
                crate::DEFAULT_MAX_DOCUMENT_BYTES,
                &SourceHints::default(),
                &mut report,
            )
            .unwrap();
        assert_eq!(report.failures.len(), 1);
        assert_eq!(report.failures[0].stage, Stage::Clean);
        assert_eq!(report.failures[0].reason, "empty document");
        assert!(
            report
                .warnings
                .iter()
                .any(|w| w.input.ends_with("damaged.html")),
            "{:?}",
            report.warnings
        );
    }

    fn index_stats(data: &DataDir) -> duban_index::IndexStats {
        duban_index::SearchIndex::open(&data.index_dir())
            .unwrap()
            .stats()
            .unwrap()
    }

    fn ingest_seeds(runner: &mut Runner) -> RunReport {
        let mut report = RunReport {
            pipeline: "test".into(),
            ..RunReport::default()
        };
        runner
            .ingest_paths(
                &[repo().join("corpora/seeds")],
                &["txt".into()],
                crate::DEFAULT_MAX_DOCUMENT_BYTES,
                &SourceHints::default(),
                &mut report,
            )
            .unwrap();
        report
    }

    #[test]
    fn records_stored_by_a_run_stopped_before_its_index_commit_are_indexed_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let mut runner = Runner::open(data.clone(), true).unwrap();
        runner.finish(&mut RunReport::default(), NOW).unwrap();
        // The records are committed to the state; the index writer goes without its commit,
        // as a killed process's does.
        let stored = ingest_seeds(&mut runner);
        drop(runner);
        assert_eq!(index_stats(&data).documents, 0);
        // The next run processes nothing (say every page answered 304) and still indexes them.
        let mut runner = Runner::open(data.clone(), true).unwrap();
        runner.finish(&mut RunReport::default(), NOW).unwrap();
        let stats = index_stats(&data);
        assert_eq!(stats.documents, 5);
        assert_eq!(stats.obligations, stored.obligations);
        let indexed = duban_index::indexed_state_in(&data.index_dir()).unwrap();
        assert_eq!(indexed.generation, runner.state().generation().unwrap());
    }

    #[test]
    fn exports_and_index_of_a_lost_state_are_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let mut runner = Runner::open(data.clone(), true).unwrap();
        let mut report = ingest_seeds(&mut runner);
        runner.finish(&mut report, NOW).unwrap();
        drop(runner);
        let export = std::fs::read(data.export_dir().join("documents.jsonl")).unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", data.state_path().display()));
        }
        let e = Runner::open(data.clone(), true).err().unwrap();
        assert!(
            matches!(
                e,
                RunError::OtherState {
                    what: "exports",
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(
            std::fs::read(data.export_dir().join("documents.jsonl")).unwrap(),
            export
        );
        assert_eq!(index_stats(&data).documents, 5);
        // Forced, the new (empty) state is what exports and index hold.
        let mut runner = Runner::open_with(data.clone(), true, true).unwrap();
        runner.finish(&mut RunReport::default(), NOW).unwrap();
        assert_eq!(index_stats(&data).documents, 0);
        let manifest = duban_export::read_manifest(&data.export_dir())
            .unwrap()
            .unwrap();
        assert_eq!(manifest.documents(), 0);
    }

    #[test]
    fn a_crawl_in_batches_of_one_stores_and_exports_what_batches_of_sixty_four_do() {
        let one = crawl_with_batch(1);
        let many = crawl_with_batch(64);
        assert!(one.0.lines().count() > 5, "too few documents: {}", one.0);
        assert_eq!(one.0, many.0, "documents.jsonl differs");
        assert_eq!(one.1, many.1, "obligations.jsonl differs");
        assert_eq!(one.2, many.2, "crawl rows differ");
        assert_eq!(one.3, many.3, "run reports differ");
    }
}
