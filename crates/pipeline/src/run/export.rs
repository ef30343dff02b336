//! The exports rewritten from the state at the end of a run (or by `duban doctor --repair`).
//!
//! A run whose state, progress and build are those the exports were last written from leaves
//! them alone without reading a record: the data folder's `export.seal` names what they were
//! written from and each file's size and modification time as written, and a file changed or
//! gone since makes the run write them all again. At 100 MB of text that is 1.7 s of an
//! unchanged run's 2.8 s, a full read of the state and of the exports to compare their bytes.

use super::{RunError, Runner};
use crate::seal::{self, Provenance};
use crate::tracked::TrackedProgress;
use duban_export::{ExportCounts, ExportOrigin, ExportRecord, ExportWriter};
use duban_state::identity::StateMark;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::UNIX_EPOCH;

/// The files of an export folder a seal covers.
const SEALED_FILES: [&str; 5] = [
    duban_export::DOCUMENTS_FILE,
    duban_export::OBLIGATIONS_FILE,
    duban_export::PROGRESS_FILE,
    duban_export::MANIFEST_FILE,
    duban_export::DATAPACKAGE_FILE,
];

/// `export.seal`: what the exports were written from, what they held, and their files as
/// written.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct ExportSeal {
    made_from: Provenance,
    /// The digest of the progress records written to `progress.jsonl`.
    progress: String,
    documents: usize,
    obligations: usize,
    progress_lines: usize,
    files: Vec<SealedFile>,
}

/// A file of the export as written: its name, size and modification time (nanoseconds).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct SealedFile {
    name: String,
    bytes: u64,
    modified: u128,
}

/// The export folder's files as they are now; `None` if one is missing or unreadable.
fn sealed_files(dir: &Path) -> Option<Vec<SealedFile>> {
    SEALED_FILES
        .iter()
        .map(|name| {
            let meta = std::fs::metadata(dir.join(name)).ok()?;
            let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            Some(SealedFile {
                name: name.to_string(),
                bytes: meta.len(),
                modified: modified.as_nanos(),
            })
        })
        .collect()
}

impl Runner {
    /// Rewrites the export files from the state as of `mark` (see [`ExportWriter`]: written
    /// and synced before any is renamed; refused when it would drop documents, unless
    /// `--force`), `progress.jsonl` from the targets tracked over the stored documents, while
    /// another connection checkpoints the state's log.
    pub fn write_exports(&mut self, mark: &StateMark) -> Result<ExportCounts, RunError> {
        let progress = TrackedProgress::of_data_folder(&self.state, &self.data.progress_spool())?;
        self.write_exports_with(mark, &progress)
    }

    /// [`Runner::write_exports`] with the progress already tracked, unless the exports in
    /// place are sealed as made from this state, progress and build, and unchanged since
    /// (see the module documentation).
    pub(super) fn write_exports_unless_sealed(
        &mut self,
        mark: &StateMark,
        progress: &TrackedProgress,
    ) -> Result<ExportCounts, RunError> {
        let made_from = match progress.made_from() {
            Some(made_from) => made_from.clone(),
            None => Provenance::of(&self.state)?,
        };
        let seal_path = self.data.export_seal();
        let sealed: Option<ExportSeal> = seal::read(&seal_path);
        if let Some(seal) = sealed.filter(|seal| {
            seal.made_from == made_from
                && seal.progress == progress.digest()
                && sealed_files(&self.data.export_dir()).as_ref() == Some(&seal.files)
        }) {
            return Ok(ExportCounts {
                documents: seal.documents,
                obligations: seal.obligations,
                progress: seal.progress_lines,
                files_written: 0,
            });
        }
        let counts = self.write_exports_with(mark, progress)?;
        // Just written, every file is there; were one not, the next run writes them again.
        if let Some(files) = sealed_files(&self.data.export_dir()) {
            let sealed = ExportSeal {
                made_from,
                progress: progress.digest().to_string(),
                documents: counts.documents,
                obligations: counts.obligations,
                progress_lines: counts.progress,
                files,
            };
            seal::write(&seal_path, &sealed);
        }
        Ok(counts)
    }

    /// [`Runner::write_exports`] with the progress already tracked.
    pub(super) fn write_exports_with(
        &mut self,
        mark: &StateMark,
        progress: &TrackedProgress,
    ) -> Result<ExportCounts, RunError> {
        let seal_path = self.data.export_seal();
        seal::remove(&seal_path).map_err(|source| RunError::DataDir {
            path: seal_path,
            source,
        })?;
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
