//! The Tantivy index of documents and obligations, and the search over it.
//!
//! - [`ObligationIndex`] writes: pipeline runs replace a document and its obligations by
//!   document id, replace the tracked targets (progress records) whole, and commit once a run; a change of the domain dictionary re-indexes the
//!   documents whose text it affects ([`writer`]). Its memory stays flat whatever the corpus:
//!   it reads segment files rather than mapping them, and waits while tantivy's queue holds
//!   more than a few megabytes of text not yet analysed.
//! - [`SearchIndex`] reads: a query language of words, phrases, boolean operators, field
//!   filters and ranges ([`query`]), results sorted by relevance, deadline or year, with
//!   highlighted snippets ([`highlight`]) and facet counts ([`search`]).
//! - Chinese text goes through one [`Analyzer`] on both sides: jieba's words with the domain
//!   dictionary, their dictionary sub-words and single characters, positioned by character
//!   offset ([`analyzer`]); the schema is in [`schema`].
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use duban_index::{ObligationIndex, SearchIndex, SearchRequest};
//! let dir = tempfile::tempdir()?;
//! let mut writer = ObligationIndex::open(dir.path())?;
//! writer.commit()?;
//! let reader = SearchIndex::open(dir.path())?;
//! let page = reader.search(&SearchRequest::new("出庭应诉率 city:苏州"))?;
//! assert_eq!(page.total, 0);
//! # Ok(()) }
//! ```
//!
//! This crate does not extract anything, nor serve HTTP: `duban search` and `duban serve`
//! are thin layers over [`SearchIndex`].

pub mod analyzer;
mod backlog;
pub mod bounded;
mod directory;
mod executor;
mod facets;
pub mod highlight;
pub mod normalize;
mod order;
pub mod query;
pub mod schema;
pub mod search;
mod suggest;
pub mod table;
pub mod writer;

pub use analyzer::Analyzer;
pub use bounded::{HIT_METRICS, HIT_TEXT_CHARS};
pub use highlight::{Snippet, SnippetPart};
pub use query::QueryError;
pub use schema::{DocumentSummary, ProgressRecord, TOKENIZER};
pub use search::{
    DocumentRecord, FacetCount, Facets, Hit, IndexStats, MAX_LIMIT, MAX_WINDOW, SearchError,
    SearchIndex, SearchRequest, SearchResponse, Sort, Target,
};
pub use table::{ComparisonTable, TableGroup, TableRow};
pub use writer::{
    IndexedState, ObligationIndex, Opened, ProgressDigest, WRITER_MEMORY, index_exists,
    indexed_state_in,
};

use std::path::PathBuf;

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Tantivy refused an operation.
    #[error("index {path}: {source}")]
    Tantivy {
        /// The index folder.
        path: PathBuf,
        /// Tantivy's error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The index folder could not be created or emptied.
    #[error("index {path}: {source}")]
    Io {
        /// The index folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The index was made by an older Duban with other fields: a run or `duban doctor
    /// --repair` rebuilds it from the state.
    #[error(
        "index {path} was made by an older version of Duban: run `duban doctor --repair` (or the next `duban run`) to rebuild it from the state"
    )]
    Outdated {
        /// The index folder.
        path: PathBuf,
    },
    /// There is no index in the folder yet.
    #[error("no index in {path}: run `duban run pipelines/corpora.toml` (or `duban ingest`) first")]
    Missing {
        /// The index folder.
        path: PathBuf,
    },
    /// A user dictionary is not in jieba's format.
    #[error("user dictionary: {reason}")]
    Dictionary {
        /// jieba's complaint.
        reason: String,
    },
    /// A stored record is not valid JSON of its type.
    #[error("index {path}: stored record {id}: {source}")]
    Record {
        /// The index folder.
        path: PathBuf,
        /// The record's id.
        id: String,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
}

#[cfg(test)]
mod tests;
