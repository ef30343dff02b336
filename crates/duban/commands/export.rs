//! `duban export`: rewrite the JSONL exports from the stored records.

use anyhow::Context;
use duban_export::{ExportRecord, ExportWriter};
use duban_state::State;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write to (default: DIR/export).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `duban export`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let state = State::open(&dd.state_path())
        .with_context(|| format!("opening {}", dd.state_path().display()))?;
    let out = args.out.unwrap_or_else(|| dd.export_dir());
    let mut export = ExportWriter::create(&out)?;
    state.for_each_record(|r| {
        export
            .push(ExportRecord {
                document: r.document,
                obligations: r.obligations,
            })
            .map_err(anyhow::Error::from)
    })?;
    let counts = export.finish()?;
    println!(
        "{}: {} documents, {} obligations",
        out.display(),
        counts.documents,
        counts.obligations
    );
    Ok(ExitCode::SUCCESS)
}
