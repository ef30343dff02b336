//! How much text the writer has handed to tantivy that tantivy has not analysed yet, and the
//! wait that keeps it bounded.
//!
//! Tantivy's indexing queue holds 10,000 messages, whatever each holds, and a run's extraction
//! hands over documents (one message each, with all their obligations) faster than the index
//! takes them in: every document of a 100 MB corpus (6,732 of them) could wait in that queue at
//! once, and at a gigabyte 10,000 do. The writer counts the bytes of text it queues for the
//! analyser ([`TextBacklog::queue`]); the analyser counts the bytes it is given
//! ([`AnalysedText::add`], from [`crate::analyzer::AnalyzerTokenizer`]); the writer waits while
//! the difference is over [`MAX_BACKLOG_BYTES`]. The queue then holds a few megabytes of text,
//! enough to keep tantivy's threads busy, at any corpus size.
//!
//! This bounds memory, not order: nothing is reordered or dropped, and a commit still waits
//! for everything queued before it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Bytes of text queued and not yet analysed above which the writer waits. Some hundred
/// documents' worth: both indexing threads stay busy (a flush of one thread's segment takes
/// about a second, during which the other drains the queue).
pub const MAX_BACKLOG_BYTES: u64 = 4_000_000;

/// How long the writer waits without the analyser taking anything before it stops waiting:
/// tantivy's threads have stopped (their error comes with the next commit), and waiting on
/// would hang the run.
pub(crate) const STALL: Duration = Duration::from_secs(60);

/// How often a waiting writer looks again.
const POLL: Duration = Duration::from_millis(1);

/// Bytes of text the analyser has been given, shared by every clone of the tokenizer.
#[derive(Debug, Default)]
pub(crate) struct AnalysedText {
    bytes: AtomicU64,
}

impl AnalysedText {
    /// The analyser was given `len` bytes of text.
    pub(crate) fn add(&self, len: usize) {
        self.bytes.fetch_add(len as u64, Ordering::Relaxed);
    }

    fn get(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// The writer's side: bytes queued, and the analyser's count to compare them with.
#[derive(Debug)]
pub(crate) struct TextBacklog {
    queued: u64,
    analysed: Arc<AnalysedText>,
    max: u64,
    stall: Duration,
}

impl TextBacklog {
    /// A backlog bounded by [`MAX_BACKLOG_BYTES`], counting against `analysed`.
    pub(crate) fn new(analysed: Arc<AnalysedText>) -> Self {
        Self::with_bounds(analysed, MAX_BACKLOG_BYTES, STALL)
    }

    fn with_bounds(analysed: Arc<AnalysedText>, max: u64, stall: Duration) -> Self {
        TextBacklog {
            queued: analysed.get(),
            analysed,
            max,
            stall,
        }
    }

    /// Bytes queued and not yet analysed.
    pub(crate) fn pending(&self) -> u64 {
        self.queued.saturating_sub(self.analysed.get())
    }

    /// Waits until the backlog is at most the bound, then counts `len` more bytes queued.
    /// A message larger than the bound waits for an empty backlog and then goes alone.
    pub(crate) fn queue(&mut self, len: u64) {
        let mut last = self.analysed.get();
        let mut since = Instant::now();
        while self.pending() > self.max.saturating_sub(len.min(self.max)) {
            std::thread::sleep(POLL);
            let now = self.analysed.get();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= self.stall {
                tracing::warn!(
                    pending = self.pending(),
                    stalled_s = self.stall.as_secs(),
                    "The index has analysed nothing for a while; queueing without waiting."
                );
                // Start counting afresh, so the next message does not wait as long again for
                // text that will never be analysed.
                self.queued = now;
                break;
            }
        }
        self.queued += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_under_the_bound_is_queued_without_waiting() {
        let analysed = Arc::new(AnalysedText::default());
        let mut backlog = TextBacklog::with_bounds(analysed, 100, STALL);
        backlog.queue(60);
        backlog.queue(40);
        assert_eq!(backlog.pending(), 100);
    }

    #[test]
    fn the_writer_waits_until_the_analyser_has_taken_enough() {
        let analysed = Arc::new(AnalysedText::default());
        let mut backlog = TextBacklog::with_bounds(analysed.clone(), 100, STALL);
        backlog.queue(90);
        let analyser = {
            let analysed = analysed.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                analysed.add(90);
            })
        };
        // 90 pending + 30 is over 100: this returns only once the analyser took the 90.
        backlog.queue(30);
        assert_eq!(analysed.get(), 90);
        assert_eq!(backlog.pending(), 30);
        analyser.join().unwrap();
    }

    #[test]
    fn a_message_larger_than_the_bound_waits_for_an_empty_backlog_and_goes_alone() {
        let analysed = Arc::new(AnalysedText::default());
        let mut backlog = TextBacklog::with_bounds(analysed.clone(), 100, STALL);
        backlog.queue(500);
        assert_eq!(backlog.pending(), 500);
        analysed.add(500);
        backlog.queue(500);
        assert_eq!(backlog.pending(), 500);
    }

    #[test]
    fn a_backlog_counts_from_what_was_analysed_before_it() {
        let analysed = Arc::new(AnalysedText::default());
        analysed.add(1_000);
        let mut backlog = TextBacklog::with_bounds(analysed, 100, STALL);
        assert_eq!(backlog.pending(), 0);
        backlog.queue(50);
        assert_eq!(backlog.pending(), 50);
    }

    #[test]
    fn a_stalled_analyser_stops_the_wait_instead_of_hanging_the_run() {
        let analysed = Arc::new(AnalysedText::default());
        let mut backlog = TextBacklog::with_bounds(analysed, 100, Duration::from_millis(20));
        backlog.queue(100);
        backlog.queue(100);
        // The count started afresh at the stall: only the second message is pending.
        assert_eq!(backlog.pending(), 100);
    }
}
