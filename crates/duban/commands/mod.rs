//! One module per subcommand, each with its `Args` and a `run` function.

pub mod crawl;
pub mod doctor;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod reprocess;
pub mod run;
pub mod runs;
pub mod search;
pub mod serve;
pub mod track;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(a) => ingest::run(a, &cli.data),
        Command::Run(a) => run::run(a, &cli.data),
        Command::Search(a) => search::run(a, &cli.data),
        Command::Serve(a) => serve::run(a, &cli.data),
        Command::Export(a) => export::run(a, &cli.data),
        Command::Eval(a) => eval::run(a, &cli.data),
        Command::Runs(a) => runs::run(a, &cli.data),
        Command::Crawl(a) => crawl::run(a, &cli.data),
        Command::Reprocess(a) => reprocess::run(a, &cli.data),
        Command::Doctor(a) => doctor::run(a, &cli.data),
        Command::Track(a) => track::run(a, &cli.data),
    }
}

pub use duban_pipeline::now_rfc3339;

/// Prints a run report's summary and failures; returns the exit code it implies.
pub fn print_report(report: &duban_pipeline::RunReport) -> ExitCode {
    for f in &report.failures {
        eprintln!("duban: {}: {} failed: {}", f.input, f.stage, f.reason);
    }
    for w in &report.warnings {
        tracing::info!(input = %w.input, "{}", w.warning);
    }
    println!(
        "{}: {} documents ({} new, {} changed, {} unchanged, {} failed), {} obligations; export: {} documents, {} obligations",
        report.pipeline,
        report.documents,
        report.new,
        report.changed,
        report.unchanged,
        report.failures.len(),
        report.obligations,
        report.exported_documents,
        report.exported_obligations
    );
    if let Some(c) = &report.crawl {
        println!("crawl: {c}");
    }
    if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
