//! Crawl throughput of the crawler alone (no extraction): a generic crawl of a loopback site
//! with politeness off, state in memory, bodies archived to a temporary folder.
//!
//! Run by `scripts/bench-crawl/run.sh`, which serves a generated site with nginx:
//! `BENCH_URL=http://127.0.0.1:8090/index.html BENCH_PAGES=3000 cargo bench -p duban-fetch --bench crawl_throughput`.
//! Prints pages, seconds, pages/s, CPU ms per page (user + system, all threads) and peak RSS,
//! and checks that every page of the site was fetched. Without `BENCH_URL` it only says how to
//! run it (so `cargo bench --no-run` and `cargo bench` stay quiet on machines without a site).
#![allow(
    missing_docs,
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on the terminal; criterion's macros generate its entry points"
)]

use duban_fetch::{Archive, Crawl, HttpSource, MemoryStore, Url};
use std::time::Instant;

fn main() {
    let Ok(url) = std::env::var("BENCH_URL") else {
        eprintln!(
            "crawl_throughput: set BENCH_URL (and BENCH_PAGES); see scripts/bench-crawl/run.sh"
        );
        return;
    };
    let pages: usize = std::env::var("BENCH_PAGES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    let workers: usize = std::env::var("BENCH_CONCURRENCY")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(16);
    let start = Url::parse(&url).expect("BENCH_URL is a URL");
    // No allowed hosts: the start URL's origin (host and port) is the scope.
    let mut source = HttpSource::quick("bench", vec![start], Vec::new());
    source.limits.max_pages = pages + 100;
    source.limits.max_depth = 10;
    source.politeness.requests_per_sec = 1e9;
    source.politeness.connections_per_host = workers;
    source.politeness.concurrency = workers;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = Archive::new(dir.path());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let cpu0 = cpu_secs();
    let t0 = Instant::now();
    let mut crawl = Crawl::new(
        source,
        duban_model::Limits::default(),
        archive,
        "2026-11-30T00:00:00Z",
    )
    .expect("a crawl");
    let mut store = MemoryStore::default();
    let mut documents = 0usize;
    while let Some(batch) = rt
        .block_on(crawl.next_batch(&mut store, 256))
        .expect("crawl state")
    {
        documents += batch.documents.len();
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu0;
    let stats = crawl.stats();
    assert!(
        stats.fetched as usize >= pages,
        "fetched {} of {pages} pages: {stats}",
        stats.fetched
    );
    assert_eq!(stats.failed, 0, "{stats}");
    println!(
        "duban-fetch: {} pages ({documents} documents) in {secs:.2} s = {:.0} pages/s, {:.2} ms CPU/page, peak RSS {} MB",
        stats.fetched,
        stats.fetched as f64 / secs,
        cpu * 1000.0 / stats.fetched as f64,
        peak_rss_kb() / 1024
    );
}

/// User + system CPU seconds of this process (all threads), from /proc/self/stat.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

/// Peak resident memory (VmHWM) in kB.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}
