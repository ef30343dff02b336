//! Local files and folders read as documents, a batch at a time: a file read again with the
//! bytes, name and hints its stored record was extracted from by this build is not extracted
//! again.

use super::process::input_key;
use super::{CRAWL_BATCH, RunError, Runner};
use crate::files::{FileInput, collect_files};
use crate::report::{DocFailure, RunReport, Stage};
use duban_model::{RawDoc, SourceHints};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// Files read and processed at a time by an ingest, at most: as many as a crawl batch of
/// small pages, or [`INGEST_BATCH_BYTES`] of them, whichever comes first.
pub(super) const INGEST_BATCH_FILES: usize = CRAWL_BATCH * 4;
/// Bytes of files read and processed at a time by an ingest (a batch has at least one file):
/// cleaning, extraction and storing hold some tens of times a document's size, so a file at
/// the 10 MiB default limit is processed alone.
const INGEST_BATCH_BYTES: u64 = 16 * 1024 * 1024;

impl Runner {
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
}

/// `files` in order, cut into batches of at most [`INGEST_BATCH_FILES`] files and
/// [`INGEST_BATCH_BYTES`] bytes (a larger file is a batch of its own; a size that cannot be
/// read counts as nothing, and reading the file names the problem).
pub(super) fn ingest_batches(files: &[FileInput]) -> Vec<&[FileInput]> {
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
