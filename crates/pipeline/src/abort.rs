//! Crash points for tests, and only for tests: `DUBAN_TEST_ABORT_AT=<stage>:<n>` makes the
//! process abort (no unwinding, no destructor, no flush: as SIGKILL leaves it) the `n`th time
//! a run passes the point named `stage`. Crash-safety tests use it to stop a run at a point
//! its own progress decides, never at a time.
//!
//! Stages, in the order a run passes them:
//! - `catch-up`: a record re-indexed while the index catches up with the state, on open;
//! - `fetch`: a crawl batch fetched, before it is extracted;
//! - `extract`: a document cleaned and extracted, before it is stored;
//! - `store`: a document's record written to the state (inside a crawl batch's transaction,
//!   or committed at once by `ingest`);
//! - `commit`: a crawl batch committed to the state;
//! - `index`: before the index commit at the end of a run;
//! - `indexed`: after it;
//! - `export`: a document written to the temporary export files;
//! - `exported`: the exports put in place, before the run report is written.
//!
//! Unset (always, outside tests), every point costs one relaxed load of a static.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// The environment variable naming the crash point.
pub const ABORT_AT_VAR: &str = "DUBAN_TEST_ABORT_AT";

struct Target {
    stage: String,
    nth: u64,
    seen: AtomicU64,
}

fn target() -> Option<&'static Target> {
    static TARGET: OnceLock<Option<Target>> = OnceLock::new();
    TARGET
        .get_or_init(|| {
            let value = std::env::var(ABORT_AT_VAR).ok()?;
            let (stage, nth) = value.rsplit_once(':')?;
            Some(Target {
                stage: stage.to_string(),
                nth: nth.parse().ok()?,
                seen: AtomicU64::new(0),
            })
        })
        .as_ref()
}

/// Passes the crash point `stage`.
pub(crate) fn point(stage: &str) {
    if let Some(t) = target()
        && t.stage == stage
        && t.seen.fetch_add(1, Ordering::Relaxed) + 1 == t.nth
    {
        std::process::abort();
    }
}
