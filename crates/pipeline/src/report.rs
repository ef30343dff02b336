//! The run report: typed counters and stage timings, logged once, stored with the run's row in
//! the state and written to `DIR/runs/<id>.json`.

use duban_fetch::CrawlStats;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// The stage of a run at which a document failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Reading a local file or folder.
    Read,
    /// Fetching a page or its parts.
    Fetch,
    /// Reading a page back from the raw archive.
    Archive,
    /// Decoding and cleaning (`duban_clean::clean`).
    Clean,
    /// Extracting obligations.
    Extract,
    /// Writing the document's export lines.
    Export,
}

impl Stage {
    /// The stage's name, as reports and messages write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Fetch => "fetch",
            Stage::Archive => "archive",
            Stage::Clean => "clean",
            Stage::Extract => "extract",
            Stage::Export => "export",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One document that could not be processed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocFailure {
    /// The file path or URL.
    pub input: String,
    /// The stage that failed.
    pub stage: Stage,
    /// The reason, without the input's name (which is `input`).
    pub reason: String,
}

/// A document stored with something a reader should know: the cleaner's warnings (damaged
/// bytes replaced, attributes cut, a charset guessed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocWarning {
    /// The file path or URL.
    pub input: String,
    /// What the cleaner noticed.
    pub warning: String,
}

/// The time one stage of a run took, over what it handled.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StageReport {
    /// Seconds spent in the stage (on its own thread when stages overlap, as in a crawl).
    pub seconds: f64,
    /// What it handled: documents (read, fetch, extract, store, export) or records (index).
    pub items: usize,
    /// `items` per second of the stage's time.
    pub per_second: f64,
}

/// Where a run is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Not started.
    #[default]
    New,
    /// Started and not finished: running, or stopped (killed, crashed, failed) if no process
    /// holds the data folder's lock.
    Running,
    /// Finished, every input processed.
    Finished,
    /// Finished; some inputs failed (listed in `failures`).
    FinishedWithFailures,
    /// Stopped by an error that ended the run (named in `error`): what it stored before stays
    /// stored, and the next run finishes its work.
    Failed,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RunReport {
    /// The run's number (the state's `runs` row, and `runs/<id>.json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_id: Option<i64>,
    /// The pipeline's name.
    pub pipeline: String,
    /// Where the run is.
    pub status: RunStatus,
    /// The command line that ran it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub command: String,
    /// When it started (RFC 3339, UTC).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub started_at: String,
    /// When it finished.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub finished_at: String,
    /// Seconds from start to finish.
    pub seconds: f64,
    /// The error that ended a failed run (`status: failed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Documents read or fetched.
    pub documents: usize,
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents whose records changed.
    pub changed: usize,
    /// Documents whose records did not change.
    pub unchanged: usize,
    /// Of the unchanged documents, those not extracted again: their input and the build were
    /// those of their stored record.
    pub skipped_unchanged: usize,
    /// Crawled documents extracted again from the raw archive, not fetched, because their
    /// records were made by another build (included in `documents`).
    pub reextracted: usize,
    /// Obligations of the documents read (extracted, or held by the stored record of one not
    /// extracted again).
    pub obligations: usize,
    /// Crawl counters (fetched, not-modified, new, changed, failed, skipped-by-robots, …),
    /// summed over the pipeline's http sources, when it crawls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crawl: Option<CrawlStats>,
    /// Documents marked withdrawn because their source answered 404/410.
    pub withdrawn: usize,
    /// Documents that failed, with their reasons.
    pub failures: Vec<DocFailure>,
    /// Documents stored with the cleaner's warnings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<DocWarning>,
    /// Stored records the index lacked when the run opened it (a run stopped before its
    /// index commit, or run with `--no-index`), indexed then.
    pub index_caught_up: usize,
    /// Lines in the exports after the run.
    pub exported_documents: usize,
    /// Lines in the obligation export after the run.
    pub exported_obligations: usize,
    /// Export files replaced (0 when every byte was already in place).
    pub export_files_written: usize,
    /// Time per stage: `read`, `fetch`, `archive`, `extract`, `store`, `index`, `export`.
    pub stages: BTreeMap<String, StageReport>,
}

impl RunReport {
    /// Adds `elapsed` and `items` to the stage `stage`.
    pub fn time_stage(&mut self, stage: &str, items: usize, elapsed: Duration) {
        let s = self.stages.entry(stage.to_string()).or_default();
        s.seconds += elapsed.as_secs_f64();
        s.items += items;
    }

    /// Rounds the timings to milliseconds and works out the rates.
    pub(crate) fn settle_timings(&mut self) {
        let ms = |s: f64| (s * 1000.0).round() / 1000.0;
        self.seconds = ms(self.seconds);
        for s in self.stages.values_mut() {
            s.per_second = if s.seconds > 0.0 {
                (s.items as f64 / s.seconds * 10.0).round() / 10.0
            } else {
                0.0
            };
            s.seconds = ms(s.seconds);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_times_add_up_and_give_a_rate() {
        let mut r = RunReport::default();
        r.time_stage("extract", 30, Duration::from_millis(1500));
        r.time_stage("extract", 30, Duration::from_millis(1500));
        r.settle_timings();
        assert_eq!(
            r.stages["extract"],
            StageReport {
                seconds: 3.0,
                items: 60,
                per_second: 20.0
            }
        );
    }
}
