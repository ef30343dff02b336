//! The threads a search visits its segments on: one per core, each kept to a core of its own.
//!
//! Tantivy collects a query's segments in parallel on a rayon pool. Left to the kernel, the
//! pool's second thread was at times woken on the core the first was running on, and the two
//! then shared that core while the other stayed idle: on the 2-core machine, one phrase query
//! in ten at a million obligations took 19 ms instead of 11 (the time of one thread doing
//! every segment), the second thread starting its first segment 4 ms late, a scheduler tick.
//! Each search thread is now pinned to one of the cores the process may run on, so that the
//! threads of one search run side by side whenever the cores are free (the phrase query's p99
//! over 1,000 runs 22 → 17 ms, its p50 the same; README, "Tests and benchmark").
//!
//! This module does not decide how a segment is searched, nor how many segments there are.
//! Pinning is Linux only and best effort: where the kernel refuses it, the threads run
//! unpinned, as before.

use std::sync::Arc;
use tantivy::Executor;

/// A pool of `threads` search threads, named `duban-search-N`, thread N kept to the Nth core
/// the process may run on (wrapping around when there are more threads than cores).
pub(crate) fn pinned(threads: usize) -> Result<Executor, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|n| format!("duban-search-{n}"))
        .start_handler(pin_to_core)
        .build()?;
    Ok(Executor::ThreadPool(Arc::new(pool)))
}

/// Keeps the calling thread to the `n`th core of those it may run on now.
#[cfg(target_os = "linux")]
fn pin_to_core(n: usize) {
    use rustix::thread::{CpuSet, sched_getaffinity, sched_setaffinity};
    let Ok(allowed) = sched_getaffinity(None) else {
        return;
    };
    let cores: Vec<usize> = (0..CpuSet::MAX_CPU)
        .filter(|c| allowed.is_set(*c))
        .collect();
    if cores.len() < 2 {
        return;
    }
    let mut one = CpuSet::new();
    one.set(cores[n % cores.len()]);
    if let Err(e) = sched_setaffinity(None, &one) {
        tracing::debug!("search thread {n} runs unpinned: {e}");
    }
}

#[cfg(not(target_os = "linux"))]
fn pin_to_core(_: usize) {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::thread::sched_getaffinity;

    /// The cores each of the pool's threads may run on.
    fn cores_of_each_thread(executor: &Executor) -> Vec<Vec<usize>> {
        let Executor::ThreadPool(pool) = executor else {
            panic!("a pinned executor is a thread pool");
        };
        pool.broadcast(|_| {
            let set = sched_getaffinity(None).expect("reading the thread's cores");
            (0..rustix::thread::CpuSet::MAX_CPU)
                .filter(|c| set.is_set(*c))
                .collect()
        })
    }

    #[test]
    fn each_search_thread_is_kept_to_a_core_of_its_own() {
        let mine = sched_getaffinity(None).expect("reading the test thread's cores");
        let allowed = mine.count() as usize;
        let threads = allowed.clamp(2, 4);
        let cores = cores_of_each_thread(&pinned(threads).expect("a pool"));
        assert_eq!(cores.len(), threads);
        if allowed < 2 {
            // One core: nothing to choose between, the threads are left as they are.
            assert!(cores.iter().all(|c| c.len() == 1));
            return;
        }
        assert!(
            cores.iter().all(|c| c.len() == 1),
            "each thread on one core: {cores:?}"
        );
        let mut distinct: Vec<usize> = cores.iter().map(|c| c[0]).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            threads,
            "no two threads on one core: {cores:?}"
        );
    }
}
