//! Extraction throughput over the bundled seed documents (bytes of cleaned text per second).
#![allow(
    missing_docs,
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on the terminal; criterion's macros generate its entry points"
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use duban_model::{CleanDoc, DocKind, Document};

fn seeds() -> Vec<CleanDoc> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("seed is UTF-8");
            CleanDoc::from(Document::from_text(
                format!("file:{}", p.display()),
                DocKind::Plan,
                Some(2017),
                text,
            ))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = seeds();
    let bytes: usize = docs.iter().map(|d| d.document.text.len()).sum();
    // Warm the shared segmenter and regexes once, and check the work is real.
    let total: usize = docs.iter().map(|d| duban_extract::extract(d).len()).sum();
    assert!(
        total > 150,
        "the seeds hold about 190 obligations, got {total}"
    );
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seeds_sequential", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| duban_extract::extract(d).len())
                .sum::<usize>()
        })
    });
    group.bench_function("seeds_parallel", |b| {
        b.iter(|| duban_extract::extract_all(&docs).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
