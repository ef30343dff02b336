//! `duban export`: rewrite the JSONL exports from the stored records.
//!
//! An export that would replace one made from another state, or drop documents, is refused
//! (exit 2) unless `--force`: a lost `state.sqlite` must not wipe the exports.

use anyhow::Context;
use duban_export::{ExportOrigin, ExportRecord, ExportWriter};
use duban_state::State;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write to (default: DIR/export).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write over an export made from another state (after state.sqlite was lost or replaced)
    /// or with more documents than the state has.
    #[arg(long)]
    pub force: bool,
}

/// Runs `duban export`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let _lock = duban_pipeline::DataDirLock::acquire(
        data,
        &duban_pipeline::command_line(),
        &super::now_rfc3339(),
    )?;
    let state = State::open(&dd.state_path())
        .with_context(|| format!("opening {}", dd.state_path().display()))?;
    let out = args.out.unwrap_or_else(|| dd.export_dir());
    let mark = state.mark()?;
    let origin = ExportOrigin {
        state_id: mark.state_id,
        state_generation: mark.generation,
    };
    let mut export = ExportWriter::create(&out, origin)?;
    state.for_each_record(|r| {
        export
            .push(ExportRecord {
                document: r.document,
                obligations: r.obligations,
            })
            .map_err(anyhow::Error::from)
    })?;
    let counts = export.finish(args.force)?;
    println!(
        "{}: {} documents, {} obligations",
        out.display(),
        counts.documents,
        counts.obligations
    );
    Ok(ExitCode::SUCCESS)
}
