//! `duban`: the command line of Duban (督办).
//!
//! `main` parses the arguments, sets up logging (stderr, text or JSON lines) and progress
//! (a bar on a terminal) and calls one command module; data goes to stdout. Exit status: 0 on
//! success, 1 when some inputs failed (the rest were processed), 2 when the command could not
//! run at all (bad arguments, the data folder locked by another run, exports or index of
//! another state, an I/O or database failure), 101 on a bug (a panic), which is told in one
//! line on stderr (the backtrace only with `-vv`).
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the command line answers on stdout and reports on stderr"
)]

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
    // mimalloc asks the kernel for transparent huge pages, and a 2 MiB page is all resident as
    // soon as one byte of it is touched: the index writer's arenas and the analyser's buffers,
    // made and dropped all run long, kept a quarter more memory resident for the same work
    // (10 MB corpus: peak RSS 350 → 260 MB, CPU within the machine's noise; README, "The whole
    // job as the corpus grows"). A kernel without the setting runs as before.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let cli = cli::Cli::parse();
    report_panics_in_one_line(cli.verbose >= 2);
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
        // A reader that stops early (`duban search … | head`) is no failure of ours.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("duban: {}", error_chain(&e));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes joined by `: `, as `{:#}` prints them, except a cause that the
/// message before it already ends with: the library errors name their cause in their own
/// message (`writing export …/obligations.jsonl: Is a directory (os error 21)`), and it is
/// said once.
fn error_chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Whether an error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Replaces the panic message and its backtrace with one line naming the bug and where it is,
/// whatever `RUST_BACKTRACE` says (operators set it for the whole machine, and a night's log
/// is no place for a hundred lines of frames); `-vv` adds the backtrace. A panic is a bug in
/// Duban, never a verdict on the input: the server answers it with a 500 and goes on, and a
/// run counts it as the failure of the document being processed.
fn report_panics_in_one_line(with_backtrace: bool) {
    std::panic::set_hook(Box::new(move |info| {
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
        if with_backtrace {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cause that its error's message already ends with is printed once; others are joined.
    #[test]
    fn a_cause_named_in_its_errors_message_is_said_once() {
        let io = std::io::Error::other("Is a directory (os error 21)");
        let e = anyhow::Error::new(duban_export::ExportError::Io {
            path: "data/export/obligations.jsonl".into(),
            source: io,
        })
        .context("finishing the run");
        assert_eq!(
            error_chain(&e),
            "finishing the run: writing export data/export/obligations.jsonl: Is a directory (os error 21)"
        );
    }
}
