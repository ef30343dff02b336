//! `duban doctor [--repair] [--force]`: checks the state, the index and the exports of the
//! data folder against each other and, with `--repair`, rebuilds the index and the exports
//! from the state, saying what it did.
//!
//! Exit 0 when the folder is consistent (or was made so), 1 when something is left that Duban
//! could not repair (a damaged or lost state, or exports of another state without `--force`).

use duban_pipeline::doctor::{DoctorReport, Finding, doctor};
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `duban doctor`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rebuild from the state what disagrees with it (index, exports).
    #[arg(long)]
    pub repair: bool,
    /// With `--repair`: also rebuild an index and exports made from another state (what only
    /// they still hold is dropped).
    #[arg(long, requires = "repair")]
    pub force: bool,
}

/// Runs `duban doctor`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let report = doctor(&dd, args.repair, args.force)?;
    print(&report, args.repair);
    Ok(if report.consistent() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn line(f: &Finding) -> String {
    let part = match f.part {
        duban_pipeline::doctor::Part::State => "state",
        duban_pipeline::doctor::Part::Index => "index",
        duban_pipeline::doctor::Part::Exports => "exports",
    };
    match &f.advice {
        Some(a) => format!("{part}: {} ({a})", f.problem),
        None => format!("{part}: {}", f.problem),
    }
}

fn print(report: &DoctorReport, repair: bool) {
    for f in &report.found {
        println!("found: {}", line(f));
    }
    for r in &report.repaired {
        println!("repaired: {r}");
    }
    if report.consistent() {
        println!(
            "doctor: consistent: state, index and exports agree ({} documents)",
            report.state_documents
        );
        return;
    }
    for f in &report.left {
        eprintln!("duban: not repaired: {}", line(f));
    }
    if !repair && report.left.iter().all(|f| f.repairable) {
        println!("doctor: run `duban doctor --repair` to rebuild from the state");
    }
}
