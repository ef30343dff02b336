//! The exports rewritten from the state at the end of a run (or by `duban doctor --repair`).

use super::{RunError, Runner};
use crate::tracked::TrackedProgress;
use duban_export::{ExportOrigin, ExportRecord, ExportWriter};
use duban_state::identity::StateMark;

impl Runner {
    /// Rewrites the export files from the state as of `mark` (see [`ExportWriter`]: written
    /// and synced before any is renamed; refused when it would drop documents, unless
    /// `--force`), `progress.jsonl` from the targets tracked over the stored documents, while
    /// another connection checkpoints the state's log.
    pub fn write_exports(
        &mut self,
        mark: &StateMark,
    ) -> Result<duban_export::ExportCounts, RunError> {
        let progress = TrackedProgress::of_data_folder(&self.state, &self.data.progress_spool())?;
        self.write_exports_with(mark, &progress)
    }

    /// [`Runner::write_exports`] with the progress already tracked.
    pub(super) fn write_exports_with(
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
