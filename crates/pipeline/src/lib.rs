//! Runs Duban's stages as pipelines configured from `pipelines/*.toml`.
//!
//! A pipeline reads documents from its sources (local files, or a crawl), cleans and extracts
//! them in parallel, then, one document at a time and in id order, stores their records in the
//! data folder's state, updates the search index and finally rewrites the JSONL exports from
//! the stored records. This crate is the only one that knows every stage (Vector's topology);
//! each stage knows only its input and output types.
//!
//! The data folder holds everything a run makes:
//! - `state.sqlite`: records of every document, run reports, crawl state;
//! - `index/`: the tantivy index;
//! - `export/`: `documents.jsonl`, `obligations.jsonl` and `progress.jsonl` (every target's
//!   progress, linked by `duban-track` over the stored documents: [`tracked`]);
//! - `archive/`: every crawled body, in packs ([`duban_fetch::Archive`]);
//! - `lock`: who runs on the folder now ([`lock`]);
//! - `runs/<id>.json`: one report per run.
//!
//! A crawl runs as three stages on three threads, each a bounded number of batches ahead of
//! the next: the crawl fetches, the extractor cleans and extracts each batch on rayon's
//! threads, and the runner commits each batch with the crawl rows that produced it.

pub mod abort;
mod clock;
pub mod config;
mod crawl_buffer;
mod crawl_store;
pub mod doctor;
mod files;
pub mod lock;
mod report;
mod run;
mod seal;
pub mod tracked;

pub use clock::{command_line, now_rfc3339};
pub use config::{
    ConfigError, FilesSource, IndexSection, PipelineConfig, PipelineSection, SourceConfig,
};
pub use crawl_store::StateCrawlStore;
pub use files::{FileInput, ReadError, collect_files};
pub use lock::{DataDirLock, LockError, LockHolder};

/// The largest local file read as a document unless a source says otherwise: 10 MiB, the
/// crawl's default `max_response_bytes`.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;
pub use report::{DocFailure, DocWarning, RunReport, RunStatus, Stage, StageReport};
pub use run::{DataDir, Progress, RunError, Runner, index_damaged, is_index_damage};
