//! `duban`: the command line of Duban (督办).
//!
//! `main` parses the arguments, sets up logging (stderr) and calls one command module; data
//! goes to stdout. Exit status: 0 on success, 1 when some inputs failed (the rest were
//! processed), 2 when the command could not run at all, 101 on a bug (a panic), which is told
//! in one line on stderr (the backtrace only when `RUST_BACKTRACE` asks for it).

mod cli;
mod commands;

use clap::Parser;
use std::process::ExitCode;

// Cleaning and extraction make and drop many small strings on every core; mimalloc's
// per-thread heaps cost a fraction of glibc malloc's arenas there (measured by
// `scripts/bench-crawl`, see the README's "Crawl throughput").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    report_panics_in_one_line();
    let cli = cli::Cli::parse();
    let filter = match (cli.verbose, cli.quiet) {
        (_, true) => "error",
        (0, false) => "warn",
        (1, false) => "info",
        _ => "debug",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(filter)),
        )
        .with_writer(std::io::stderr)
        .init();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("duban: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Replaces the panic message and its backtrace with one line naming the bug and where it is,
/// unless `RUST_BACKTRACE` asks for the backtrace (then Rust's own report is kept). A panic is
/// a bug in Duban, never a verdict on the input; the server answers it with a 500 and goes on.
fn report_panics_in_one_line() {
    if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("(no message)");
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let thread = std::thread::current();
        let thread = thread.name().unwrap_or("unnamed");
        eprintln!(
            "duban: internal error (a bug, please report it): {message}{place} (thread {thread})"
        );
    }));
}
