//! `duban`: the command line of Duban (督办).
//!
//! `main` parses the arguments, sets up logging (stderr, text or JSON lines) and progress
//! (a bar on a terminal) and calls one command module; data goes to stdout. Exit status: 0 on
//! success, 1 when some inputs failed (the rest were processed), 2 when the command could not
//! run at all (bad arguments, the data folder locked by another run, exports or index of
//! another state, an I/O or database failure).

mod cli;
mod commands;
mod progress;

use clap::Parser;
use std::process::ExitCode;

// Cleaning and extraction make and drop many small strings on every core; mimalloc's
// per-thread heaps cost a fraction of glibc malloc's arenas there (measured by
// `scripts/bench-crawl`, see the README's "Crawl throughput").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let filter = match (cli.verbose, cli.quiet) {
        (_, true) => "error",
        (0, false) => "warn",
        (1, false) => "info",
        _ => "debug",
    };
    // Progress lines (every ten seconds of a long run) show at the default level too.
    let filter = if cli.quiet {
        filter.to_string()
    } else {
        format!("{filter},duban::progress=info")
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(filter));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match cli.log_format {
        cli::LogFormat::Json => logs.json().init(),
        cli::LogFormat::Text => logs.init(),
    }
    progress::allow_bar(
        cli.log_format == cli::LogFormat::Text
            && !cli.quiet
            && std::io::IsTerminal::is_terminal(&std::io::stderr()),
    );
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("duban: {e:#}");
            ExitCode::from(2)
        }
    }
}
