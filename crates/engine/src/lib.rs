//! Duban's records on a distributed search engine: Apache Solr (SolrCloud).
//!
//! - [`ship()`] writes the records of an export (a data folder's `export/`, or the partitioned
//!   export a distributed run gathers) to the engine: upserts by id of the records whose
//!   fingerprint the engine does not have, deletes of the ids the export no longer has
//!   (withdrawn documents), and nothing at all when nothing changed;
//! - [`search()`] translates Duban's query language ([`duban_index::query::parse`]) into Solr's
//!   standard query syntax ([`translate()`]) and answers with the same [`duban_index::SearchResponse`] as the
//!   embedded index, facets included.
//!
//! The schema the engine must hold is `engines/solr/configset/conf/schema.xml`: one collection
//! per record kind ([`DOCUMENTS`], [`OBLIGATIONS`]), each full-text field through smartcn and
//! copied into a single-character field that translated words are matched against as
//! phrases, so that a word matches wherever its characters stand together (the embedded
//! index's character fallback), whatever either segmenter made of the text.
//!
//! This crate does not start or configure the engine (`engines/solr/start.sh` starts a test
//! cluster), nor read the state: it reads exports only.

mod record;
mod ship;
mod solr;
mod translate;

pub use record::{document_fields, obligation_fields};
pub use ship::{PartitionsReport, ShipReport, ShipStats, export_files, ship, ship_partitions};
pub use solr::Solr;
pub use translate::{search, translate};

/// The collection of source documents.
pub const DOCUMENTS: &str = "duban_documents";
/// The collection of obligations.
pub const OBLIGATIONS: &str = "duban_obligations";

/// Why the engine could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The engine's URL is not a URL.
    #[error("engine URL `{url}`: {reason}")]
    Url {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The engine could not be reached, or the connection broke.
    #[error("engine {url}: {source}")]
    Http {
        /// The request's URL.
        url: String,
        /// The HTTP client's error.
        #[source]
        source: reqwest::Error,
    },
    /// The engine answered with an error.
    #[error("engine {url} answered {status}: {message}")]
    Engine {
        /// The request's URL.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The engine's message (its `error.msg`, or the start of its answer).
        message: String,
    },
    /// The engine's answer is not what Solr answers.
    #[error("engine {url}: unexpected answer: {reason}")]
    Answer {
        /// The request's URL.
        url: String,
        /// What was missing or malformed.
        reason: String,
    },
    /// An export file could not be read.
    #[error("export {path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A line of an export file is not a record of its kind.
    #[error("export {path}, line {line}: {source}")]
    Record {
        /// The file.
        path: std::path::PathBuf,
        /// The line number (from 1).
        line: usize,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// The export folder has no records to ship.
    #[error("no export in {path}: run `duban run` first (or gather a distributed run)")]
    NoExport {
        /// The folder.
        path: std::path::PathBuf,
    },
    /// The query is not in Duban's query language.
    #[error("query: {0}")]
    Query(#[from] duban_index::QueryError),
    /// The search request is out of range (limit, offset, sort).
    #[error("{0}")]
    Request(String),
}
