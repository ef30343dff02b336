//! What a run shows of its progress: a bar on a terminal (indicatif: documents done, of how
//! many when known, rate and ETA), and where stderr is not a terminal or logs are JSON, a log
//! line every [`LOG_EVERY`] of run time (target `duban::progress`, level info), which a short
//! run never prints.

use duban_pipeline::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Time between two progress log lines.
pub const LOG_EVERY: Duration = Duration::from_secs(10);

static BAR_ALLOWED: AtomicBool = AtomicBool::new(false);

/// Lets runs draw a bar (stderr is a terminal, logs are text, and not `--quiet`).
pub fn allow_bar(allowed: bool) {
    BAR_ALLOWED.store(allowed, Ordering::Relaxed);
}

/// The progress of one command's runs; [`RunProgress::done`] clears a bar.
pub enum RunProgress {
    /// A bar on the terminal.
    Bar(ProgressBar),
    /// Log lines now and then.
    Log(LogProgress),
}

/// Progress for a run, as [`allow_bar`] decided.
pub fn start() -> Arc<RunProgress> {
    Arc::new(if BAR_ALLOWED.load(Ordering::Relaxed) {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(unknown_length());
        bar.enable_steady_tick(Duration::from_millis(200));
        RunProgress::Bar(bar)
    } else {
        RunProgress::Log(LogProgress {
            started: Instant::now(),
            last: Mutex::new(Instant::now()),
            done: AtomicU64::new(0),
            expected: AtomicU64::new(0),
        })
    })
}

fn unknown_length() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} documents ({per_sec})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

fn known_length() -> ProgressStyle {
    ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} documents ({per_sec}, ETA {eta})",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
}

impl RunProgress {
    /// Clears the bar (the summary line follows it).
    pub fn done(&self) {
        if let RunProgress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

impl Progress for RunProgress {
    fn expect(&self, documents: u64) {
        match self {
            RunProgress::Bar(bar) => {
                bar.set_style(known_length());
                bar.inc_length(documents);
            }
            RunProgress::Log(log) => {
                log.expected.fetch_add(documents, Ordering::Relaxed);
            }
        }
    }

    fn stored(&self, documents: u64) {
        match self {
            RunProgress::Bar(bar) => bar.inc(documents),
            RunProgress::Log(log) => log.stored(documents),
        }
    }
}

/// Progress told in log lines.
pub struct LogProgress {
    started: Instant,
    last: Mutex<Instant>,
    done: AtomicU64,
    expected: AtomicU64,
}

impl LogProgress {
    fn stored(&self, documents: u64) {
        let done = self.done.fetch_add(documents, Ordering::Relaxed) + documents;
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if last.elapsed() < LOG_EVERY {
            return;
        }
        *last = Instant::now();
        let seconds = self.started.elapsed().as_secs_f64();
        let per_second = (done as f64 / seconds * 10.0).round() / 10.0;
        let expected = self.expected.load(Ordering::Relaxed);
        if expected > 0 {
            tracing::info!(target: "duban::progress", documents = done, of = expected, per_second, "Progress.");
        } else {
            tracing::info!(target: "duban::progress", documents = done, per_second, "Progress.");
        }
    }
}
