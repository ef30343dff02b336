//! `duban ingest PATH...`: local files into the data folder.

use anyhow::Context;
use duban_model::{DocKind, SourceHints};
use duban_pipeline::{DataDir, RunReport, Runner};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders of .txt/.html/.htm.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// GB/T 2260 code to use for documents that name no region.
    #[arg(long)]
    pub region: Option<String>,
    /// Document kind for documents whose title does not tell (plan, annual_plan, report, …).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<DocKind>,
    /// Do not update the search index.
    #[arg(long)]
    pub no_index: bool,
    /// Files larger than this many bytes fail (named, with their size) instead of being read.
    #[arg(long, value_name = "BYTES", default_value_t = duban_pipeline::DEFAULT_MAX_DOCUMENT_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_document_bytes: u64,
    #[command(flatten)]
    pub limits: super::DocumentLimits,
    /// Write over exports and an index made from another state (after state.sqlite was lost
    /// or replaced), or with more documents than the state has: they are rebuilt from it.
    #[arg(long)]
    pub force: bool,
}

fn parse_kind(s: &str) -> Result<DocKind, String> {
    DocKind::parse(s).ok_or_else(|| format!("unknown kind {s:?}"))
}

/// Runs `duban ingest`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let mut runner = Runner::open_with(DataDir::new(data), !args.no_index, args.force)
        .with_context(|| format!("opening data folder {}", data.display()))?;
    let progress = crate::progress::start();
    runner.set_progress(progress.clone());
    runner.set_limits(args.limits.limits());
    let now = super::now_rfc3339();
    let mut report = RunReport {
        pipeline: "ingest".into(),
        ..RunReport::default()
    };
    let hints = SourceHints {
        region: args.region,
        kind: args.kind,
        ..SourceHints::default()
    };
    let exts = ["txt", "html", "htm"].map(String::from);
    runner.run(&mut report, &now, |runner, report| {
        runner.ingest_paths(&args.paths, &exts, args.max_document_bytes, &hints, report)
    })?;
    progress.done();
    Ok(super::print_report(&report))
}
