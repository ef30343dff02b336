//! `duban reprocess [PIPELINE...]`: re-extract crawled documents from the raw archive
//! (`DATA/archive/`), without the network, then re-index and re-export.
//!
//! With pipeline files, only their http sources' documents are reprocessed, with the sources'
//! metadata defaults; without, every crawled document is.

use anyhow::Context;
use duban_pipeline::{DataDir, PipelineConfig, RunReport, Runner, SourceConfig};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban reprocess`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Pipeline files whose http sources to reprocess (default: every crawled document).
    pub pipelines: Vec<PathBuf>,
    /// Do not update the search index.
    #[arg(long)]
    pub no_index: bool,
    /// Write over exports and an index made from another state (after state.sqlite was lost
    /// or replaced), or with more documents than the state has: they are rebuilt from it.
    #[arg(long)]
    pub force: bool,
}

/// Runs `duban reprocess`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let mut sources = Vec::new();
    for p in &args.pipelines {
        let cfg = PipelineConfig::load(p)?;
        for s in cfg.sources {
            if let SourceConfig::Http(h) = s {
                sources.push(*h);
            }
        }
    }
    if !args.pipelines.is_empty() && sources.is_empty() {
        anyhow::bail!("the pipeline files given have no type = \"http\" source to reprocess");
    }
    let mut runner = Runner::open_with(DataDir::new(data), !args.no_index, args.force)
        .with_context(|| format!("opening data folder {}", data.display()))?;
    let progress = crate::progress::start();
    runner.set_progress(progress.clone());
    let now = super::now_rfc3339();
    let mut report = RunReport {
        pipeline: "reprocess".into(),
        ..RunReport::default()
    };
    runner.run(&mut report, &now, |runner, report| {
        runner.reprocess(&sources, report)
    })?;
    progress.done();
    Ok(super::print_report(&report))
}
