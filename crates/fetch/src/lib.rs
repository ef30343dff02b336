//! Duban's crawler: polite, incremental crawling of government sites described by a pipeline
//! file's `type = "http"` source ([`HttpSource`]).
//!
//! A [`Crawl`] walks a source's list pages, pagination and detail pages with a bounded pool of
//! async workers (reqwest on tokio), and hands out [`RawDoc`](duban_model::RawDoc)s of new and
//! changed documents in batches. Politeness is the default: one connection per host and a
//! second between requests, robots.txt obeyed with its `Crawl-delay`, retries with backoff.
//! Every body is kept in the content-addressed [`Archive`]; what the crawl must remember
//! between runs goes through the [`CrawlStore`] trait, implemented on `state.sqlite` by the
//! pipeline.
//!
//! Modules, one concern each:
//! - [`config`]: the pipeline keys;
//! - [`crawl`]: the coordinator, its frontier, workers, counters and incremental bookkeeping;
//! - [`http`]: one GET with robots, gates, retries, redirects and size limits;
//! - [`robots`], [`politeness`], [`retry`]: the rules those follow;
//! - [`scope`]: which URLs a source may fetch (scheme, host, port; IP notations, user-info);
//! - [`links`]: which links of a page are lists, details, parts and attachments;
//! - [`stitch`]: multi-page documents into one;
//! - `document`: a crawled document as the cleaner takes it, from a fetch or from the archive;
//! - [`mod@replay`]: a crawled document read back from the archive, without the network;
//! - [`charset`]: the charset handed to the cleaner;
//! - [`archive`], [`store`]: what is kept.
//!
//! This crate does not clean, extract or index, and never opens a database.

pub mod archive;
pub mod charset;
pub mod config;
pub mod crawl;
mod document;
pub mod http;
pub mod links;
pub mod politeness;
pub mod replay;
pub mod retry;
pub mod robots;
pub mod scope;
pub mod stitch;
pub mod store;

pub use archive::Archive;
pub use config::HttpSource;
pub use crawl::{Crawl, CrawlBatch, CrawlFailure, CrawlStats};
pub use replay::{Replay, ReplayError, replay};
pub use store::{
    CrawlStore, FrontierEntry, MemoryStore, PageKind, StoreError, UrlOutcome, UrlRecord,
};
pub use url::Url;

/// Why a crawl could not go on (per-URL problems are counted in [`CrawlStats`] instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The HTTP client could not be built (TLS setup).
    #[error("source {source_id}: building the HTTP client failed")]
    Client {
        /// The source.
        source_id: String,
        /// reqwest's error.
        #[source]
        source: reqwest::Error,
    },
    /// The crawl state could not be read or written.
    #[error("source {source_id}: crawl state")]
    Store {
        /// The source.
        source_id: String,
        /// The store's error.
        #[source]
        source: StoreError,
    },
    /// A bug in Duban, not a fault of the site.
    #[error("source {source_id}: internal error (a bug): {reason}")]
    Internal {
        /// The source.
        source_id: String,
        /// What went wrong.
        reason: String,
    },
}
