//! `duban run PIPELINE...`: run pipeline files.

use anyhow::Context;
use duban_pipeline::{DataDir, PipelineConfig, Runner};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Pipeline files (pipelines/*.toml).
    #[arg(required = true)]
    pub pipelines: Vec<PathBuf>,
    /// Write over exports and an index made from another state (after state.sqlite was lost
    /// or replaced), or with more documents than the state has: they are rebuilt from it.
    #[arg(long)]
    pub force: bool,
}

/// Runs `duban run`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let configs = args
        .pipelines
        .iter()
        .map(|p| PipelineConfig::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let with_index = configs.iter().any(|c| c.index.enabled);
    let mut runner = Runner::open_with(DataDir::new(data), with_index, args.force)
        .with_context(|| format!("opening data folder {}", data.display()))?;
    let mut code = ExitCode::SUCCESS;
    for cfg in &configs {
        let progress = crate::progress::start();
        runner.set_progress(progress.clone());
        let report = runner.run_pipeline(cfg, &super::now_rfc3339())?;
        progress.done();
        if super::print_report(&report) != ExitCode::SUCCESS {
            code = ExitCode::from(1);
        }
    }
    Ok(code)
}
