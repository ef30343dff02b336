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
//! Threads are pinned only where the pool has a thread for each core the process may run on
//! (as `duban search` and `duban serve` make it): a process allowed more cores than it has
//! search threads (a container limited by a CPU quota on a larger host, say) leaves the kernel
//! to choose among them.
//!
//! This module does not decide how a segment is searched, nor how many segments there are.
//! Pinning is Linux only and best effort: where the kernel refuses it, the threads run
//! unpinned, as before.

use std::sync::Arc;
use tantivy::Executor;

/// A pool of `threads` search threads, named `duban-search-N`, thread N kept to the Nth core
/// the process may run on when there are as many threads as such cores.
pub(crate) fn pinned(threads: usize) -> Result<Executor, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|n| format!("duban-search-{n}"))
        .start_handler(move |n| pin_to_core(n, threads))
        .build()?;
    Ok(Executor::ThreadPool(Arc::new(pool)))
}

/// Keeps the calling thread, the `n`th of a pool of `threads`, to the `n`th core of those it
/// may run on now, when there are as many of them as threads (and more than one).
#[cfg(target_os = "linux")]
fn pin_to_core(n: usize, threads: usize) {
    use rustix::thread::{CpuSet, sched_getaffinity, sched_setaffinity};
    let Ok(allowed) = sched_getaffinity(None) else {
        return;
    };
    let cores = cores_in(&allowed);
    if cores.len() < 2 || cores.len() != threads {
        return;
    }
    let mut one = CpuSet::new();
    one.set(cores[n]);
    if let Err(e) = sched_setaffinity(None, &one) {
        tracing::debug!("search thread {n} runs unpinned: {e}");
    }
}

/// The cores a set holds, in order.
#[cfg(target_os = "linux")]
fn cores_in(set: &rustix::thread::CpuSet) -> Vec<usize> {
    (0..rustix::thread::CpuSet::MAX_CPU)
        .filter(|c| set.is_set(*c))
        .collect()
}

#[cfg(not(target_os = "linux"))]
fn pin_to_core(_: usize, _: usize) {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::thread::sched_getaffinity;

    /// The cores each of the pool's threads may run on.
    fn cores_of_each_thread(executor: &Executor) -> Vec<Vec<usize>> {
        let Executor::ThreadPool(pool) = executor else {
            panic!("a pinned executor is a thread pool");
        };
        pool.broadcast(|_| cores_in(&sched_getaffinity(None).expect("reading the thread's cores")))
    }

    #[test]
    fn each_search_thread_is_kept_to_a_core_of_its_own() {
        let allowed = sched_getaffinity(None)
            .expect("reading the test thread's cores")
            .count() as usize;
        let cores = cores_of_each_thread(&pinned(allowed).expect("a pool"));
        assert_eq!(cores.len(), allowed);
        if allowed < 2 {
            // One core: nothing to choose between, the thread is left as it is.
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
            allowed,
            "no two threads on one core: {cores:?}"
        );
    }

    #[test]
    fn a_pool_smaller_than_the_cores_allowed_is_left_to_the_kernel() {
        let allowed = sched_getaffinity(None)
            .expect("reading the test thread's cores")
            .count() as usize;
        if allowed < 2 {
            return;
        }
        let cores = cores_of_each_thread(&pinned(allowed - 1).expect("a pool"));
        assert!(
            cores.iter().all(|c| c.len() == allowed),
            "threads unpinned: {cores:?}"
        );
    }
}
