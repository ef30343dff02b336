//! The run report: typed counters, logged once and stored with the run.

use duban_fetch::CrawlStats;
use serde::Serialize;

/// One document that could not be processed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocFailure {
    /// The file path or URL.
    pub input: String,
    /// The stage that failed (`read`, `clean`, `fetch`).
    pub stage: String,
    /// The reason.
    pub reason: String,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RunReport {
    /// The pipeline's name.
    pub pipeline: String,
    /// Documents read or fetched.
    pub documents: usize,
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents whose records changed.
    pub changed: usize,
    /// Documents whose records did not change.
    pub unchanged: usize,
    /// Obligations extracted in this run.
    pub obligations: usize,
    /// Crawl counters (fetched, not-modified, new, changed, failed, skipped-by-robots, …),
    /// summed over the pipeline's http sources, when it crawls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crawl: Option<CrawlStats>,
    /// Documents marked withdrawn because their source answered 404/410.
    pub withdrawn: usize,
    /// Documents that failed, with their reasons.
    pub failures: Vec<DocFailure>,
    /// Lines in the exports after the run.
    pub exported_documents: usize,
    /// Lines in the obligation export after the run.
    pub exported_obligations: usize,
}
