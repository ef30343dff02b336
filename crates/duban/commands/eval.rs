//! `duban eval --gold DIR [EXPORT_DIR]`: the figures of `score.py`, without leaving the
//! project. Text as `score.py` prints it (with `--verbose`, every miss first), or its JSON with
//! `--json`.
//!
//! Unlike `score.py`, which grades a folder that does not exist as an empty export, this
//! command refuses a missing export or gold folder, so a mistyped path is not read as a score
//! of zero.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban eval`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "With --verbose (-v), every missed, extra or differing item is listed \
                        before the figures, as score.py --verbose lists them."
)]
pub struct Args {
    /// Folder of gold annotations (`<name>.json` per document).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Export folder to grade (default: DIR/export of --data).
    #[arg(value_name = "EXPORT_DIR")]
    pub export: Option<PathBuf>,
    /// Print the report as JSON (the shape of score.py --json).
    #[arg(long)]
    pub json: bool,
    /// The global --verbose/-v count; any value lists every miss.
    #[arg(from_global)]
    pub verbose: u8,
}

/// Runs `duban eval`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let export = args
        .export
        .unwrap_or_else(|| duban_pipeline::DataDir::new(data).export_dir());
    if !export.is_dir() {
        bail!(
            "export folder {} does not exist (run `duban run pipelines/corpora.toml` first, or name one)",
            export.display()
        );
    }
    if !args.gold.is_dir() {
        bail!("gold folder {} does not exist", args.gold.display());
    }
    let report = duban_eval::evaluate(&export, &args.gold).with_context(|| {
        format!(
            "grading {} against {}",
            export.display(),
            args.gold.display()
        )
    })?;
    let text = if args.json {
        format!("{}\n", report.to_json())
    } else {
        report.render(args.verbose > 0)
    };
    // A reader that stops early (`| head`) is not an error worth a panic or a message.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("writing the report to stdout")
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}
