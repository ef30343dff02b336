//! Running a pipeline: sources → clean → extract (in parallel) → state → index → export.
//!
//! [`Runner`] (this module) opens a data folder, starts and finishes runs and runs a
//! pipeline's sources; beside it, one concern each:
//! - `data`: the data folder's layout ([`DataDir`]);
//! - `ingest`: local files, read and processed in batches;
//! - `crawl`: an http source, as three stages on three threads (fetch, extract, commit);
//! - `reprocess`: crawled documents re-extracted from the raw archive;
//! - `process`: one document cleaned and extracted, then stored and indexed in order;
//! - `index`: the index brought up to the state on open, and its damage told apart;
//! - `export`: the exports rewritten from the state.

mod crawl;
mod data;
mod export;
mod index;
mod ingest;
mod process;
mod reprocess;
#[cfg(test)]
mod tests;

pub use data::DataDir;
pub use index::{index_damaged, is_index_damage};
pub(crate) use process::build_identity;

use crate::config::{PipelineConfig, SourceConfig};
use crate::report::{RunReport, RunStatus};
use crate::tracked::TrackedProgress;
use duban_index::ObligationIndex;
use duban_model::{Limits, SourceHints};
use duban_state::State;
use index::{catch_up_index, indexed_state, same_state_everywhere};
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

    /// Runs a whole run: starts it at `now`, does `work`, then finishes it
    /// ([`Runner::finish`]). A run that `work` or the finish stops with an error is recorded
    /// as failed, with the error, in the state and in `runs/<id>.json`, and the error is
    /// returned.
    pub fn run(
        &mut self,
        report: &mut RunReport,
        now: &str,
        work: impl FnOnce(&mut Self, &mut RunReport) -> Result<(), RunError>,
    ) -> Result<(), RunError> {
        self.start_run(report, now)?;
        let done = work(self, report).and_then(|()| self.finish(report, now));
        if let Err(e) = &done {
            self.record_failure(report, e);
        }
        done
    }

    /// Marks a started run failed with `error`. Recording it may fail too (the error was a
    /// full disk, say): that is logged, and the run then reads as interrupted.
    fn record_failure(&mut self, report: &mut RunReport, error: &RunError) {
        report.status = RunStatus::Failed;
        report.error = Some(error.to_string());
        report.finished_at = crate::clock::now_rfc3339();
        report.seconds = self
            .started
            .take()
            .map_or(0.0, |t| t.elapsed().as_secs_f64());
        let json = serde_json::to_string(report).unwrap_or_default();
        if let Some(id) = self.run_id.take()
            && let Err(e) = self.state.finish_run(id, &report.finished_at, &json)
        {
            tracing::warn!(run = id, error = %e, "Could not record the run as failed in the state.");
        }
        if let Err(e) = self.write_run_file(report) {
            tracing::warn!(error = %e, "Could not write the failed run's report.");
        }
    }

    /// Runs every source of a pipeline, then rewrites the exports.
    pub fn run_pipeline(&mut self, cfg: &PipelineConfig, now: &str) -> Result<RunReport, RunError> {
        let mut report = RunReport {
            pipeline: cfg.pipeline.name.clone(),
            ..RunReport::default()
        };
        self.run(&mut report, now, |runner, report| {
            runner.run_sources(cfg, report, now)
        })?;
        Ok(report)
    }

    /// The sources of a pipeline, one after the other.
    fn run_sources(
        &mut self,
        cfg: &PipelineConfig,
        report: &mut RunReport,
        now: &str,
    ) -> Result<(), RunError> {
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
                    self.ingest_paths(&paths, &f.extensions, f.max_document_bytes, &hints, report)?;
                }
                SourceConfig::Http(h) => {
                    self.crawl(h, report, now)?;
                    self.reextract_stale(h, report)?;
                }
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
        let progress = TrackedProgress::of_data_folder(&self.state, &self.data.progress_spool())?;
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
        let counts = self.write_exports_unless_sealed(&mark, &progress)?;
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
