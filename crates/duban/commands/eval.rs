//! `duban eval --gold DIR`: the scorer's figures, without leaving the project.

use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of gold annotations (`<name>.json` per document).
    #[arg(long)]
    pub gold: PathBuf,
    /// Export folder to grade (default: DIR/export).
    pub export: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every miss.
    #[arg(long)]
    pub verbose: bool,
}

/// Runs `duban eval`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let export = args
        .export
        .unwrap_or_else(|| duban_pipeline::DataDir::new(data).export_dir());
    let report = duban_eval::evaluate(&export, &args.gold).with_context(|| {
        format!(
            "grading {} against {}",
            export.display(),
            args.gold.display()
        )
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.render(args.verbose));
    }
    Ok(ExitCode::SUCCESS)
}
