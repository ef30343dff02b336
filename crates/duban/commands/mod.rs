//! One module per subcommand, each with its `Args` and a `run` function.

pub mod crawl;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod reprocess;
pub mod run;
pub mod runs;
pub mod search;
pub mod serve;

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
    }
}

/// The current time as RFC 3339 UTC, for run reports (never written into exported records).
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Prints a run report's summary and failures; returns the exit code it implies.
pub fn print_report(report: &duban_pipeline::RunReport) -> ExitCode {
    for f in &report.failures {
        // Stage errors name their input already (`in/a.txt: empty document`): name it once.
        let reason = f
            .reason
            .strip_prefix(&format!("{}: ", f.input))
            .unwrap_or(&f.reason);
        eprintln!("duban: {}: {} failed: {}", f.input, f.stage, reason);
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
