//! `duban runs`: the last runs, one line each, or one run's whole report (`--show ID`).
//!
//! Every run writes `DATA/runs/<id>.json` when it starts (status `running`) and again when it
//! finishes (counts, failures with reasons, durations and throughput per stage); the state
//! keeps the same report in its `runs` table. A run an error stopped is listed as failed, with
//! the error (status `failed`). A run still `running` while no process holds the data folder's
//! lock was stopped before it finished (killed, or unable even to record its failure): it is
//! listed as interrupted.

use anyhow::Context;
use duban_state::State;
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `duban runs`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many runs to list, newest first.
    #[arg(long, default_value_t = 10)]
    pub last: usize,
    /// Print the whole report of this run (its `runs/<id>.json`) instead of the list.
    #[arg(long, value_name = "ID")]
    pub show: Option<i64>,
}

/// Runs `duban runs`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    if let Some(id) = args.show {
        let path = dd.run_report_path(id);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("no report of run {id} ({})", path.display()))?;
        print!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let state = State::open(&dd.state_path())
        .with_context(|| format!("opening {}", dd.state_path().display()))?;
    let holder = duban_pipeline::lock::current_holder(data)?;
    for r in state.runs(args.last)? {
        let report: Option<Value> = r
            .report
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok());
        let summary = match (&report, &r.finished_at) {
            (Some(rep), Some(finished)) => summary(rep, finished),
            _ if holder.is_some() => "running (or stopped: another run holds the lock)".into(),
            _ => "interrupted: stopped before it finished; the next run finishes its work".into(),
        };
        println!(
            "#{} {} started {} {}",
            r.id, r.pipeline, r.started_at, summary
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of a finished (or failed) run's report.
fn summary(report: &Value, finished: &str) -> String {
    if report["status"] == "failed" {
        return format!(
            "failed {finished} ({} s): {}",
            report["seconds"].as_f64().unwrap_or(0.0),
            report["error"].as_str().unwrap_or("no error recorded"),
        );
    }
    let n = |k: &str| report[k].as_u64().unwrap_or(0);
    let failed = report["failures"].as_array().map_or(0, Vec::len);
    format!(
        "finished {finished} ({} s): {} documents ({} new, {} changed, {} unchanged, {failed} failed), {} obligations; export: {} documents, {} files written",
        report["seconds"].as_f64().unwrap_or(0.0),
        n("documents"),
        n("new"),
        n("changed"),
        n("unchanged"),
        n("obligations"),
        n("exported_documents"),
        n("export_files_written"),
    )
}
