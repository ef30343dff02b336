//! `duban runs`: the last run reports.

use anyhow::Context;
use duban_state::State;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `duban runs`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many runs to list, newest first.
    #[arg(long, default_value_t = 10)]
    pub last: usize,
}

/// Runs `duban runs`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let state = State::open(&dd.state_path())
        .with_context(|| format!("opening {}", dd.state_path().display()))?;
    for r in state.runs(args.last)? {
        println!(
            "#{} {} started {} finished {} {}",
            r.id,
            r.pipeline,
            r.started_at,
            r.finished_at.as_deref().unwrap_or("-"),
            r.report.as_deref().unwrap_or("(no report: interrupted)")
        );
    }
    Ok(ExitCode::SUCCESS)
}
