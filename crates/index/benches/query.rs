//! Query latency over a synthetic index of 100,000 obligations (2,000 documents of 50).
//!
//! The records are generated deterministically from phrases of government plans, regions,
//! bodies, deadlines and metrics. The index is built once and kept under the target folder
//! (rebuilt when `CORPUS_VERSION` changes). Before criterion's own measurements, each query
//! runs `RUNS` times and its p50 and p99 latency are printed, the figures the README reports:
//!
//! ```sh
//! cargo bench -p duban-index --bench query
//! # at a million obligations (20,000 documents; the index is built once, some minutes):
//! DUBAN_BENCH_OBLIGATIONS=1000000 cargo bench -p duban-index --bench query -- latency-only
//! # some queries only (their names as printed), e.g. under `perf record`:
//! DUBAN_BENCH_QUERIES=phrase,everything cargo bench -p duban-index --bench query -- latency-only
//! ```
#![allow(
    missing_docs,
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on the terminal; criterion's macros generate its entry points"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use duban_index::{ObligationIndex, SearchIndex, SearchRequest, Sort};
use duban_model::{
    Body, Bound, Deadline, DocKind, Document, Metric, Obligation, ObligationKind, Op, Region, Role,
    Source,
};
use std::path::PathBuf;
use std::time::{Duration, Instant};

// The allocator of the `duban` binary, whose server and `duban search` run these searches.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Documents of the default corpus (100,000 obligations); `DUBAN_BENCH_OBLIGATIONS` sets another.
const DOCUMENTS: usize = 2_000;
const PER_DOCUMENT: usize = 50;
/// Bumped with the corpus, and with the index format (v2: ids are a fast field, the tie-break
/// of every sort; v3: progress records have a link group; v4: each kind of record has
/// full-text fields of its own; v5: dictionaries of columns uncompressed), so that a kept
/// index is never of an older format.
const CORPUS_VERSION: &str = "v5";
const RUNS: usize = 1000;

const PHRASES: [&str; 24] = [
    "加强行政复议和应诉工作",
    "全市行政机关负责人出庭应诉率达到",
    "推进依法行政和法治政府建设",
    "规范性文件备案审查",
    "完善重大行政决策程序",
    "深化行政审批制度改革",
    "推行权力清单和责任清单制度",
    "加强行政执法队伍建设",
    "全面推进政务公开",
    "支持中国农业发展银行参与乡村振兴",
    "健全行政复议案件审理机制",
    "落实行政执法全过程记录制度",
    "优化营商环境",
    "推进双随机一公开监管",
    "加强政府法律顾问工作",
    "开展法治宣传教育",
    "建立健全矛盾纠纷多元化解机制",
    "加快建设数字政府",
    "落实行政机关负责人出庭应诉制度",
    "组织开展法治政府建设考核",
    "提高行政执法人员持证率",
    "推进综合行政执法体制改革",
    "强化对行政权力的制约和监督",
    "完善政府信息公开工作机制",
];
const BODIES: [&str; 10] = [
    "区政府法制办",
    "市政府法制办",
    "市司法局",
    "区政府办",
    "市发展改革委",
    "市财政局",
    "市人力社保局",
    "市市场监管局",
    "县政府法制办",
    "市金融办",
];
const REGIONS: [(&str, &str, &str); 10] = [
    ("320500", "江苏省", "苏州市"),
    ("320200", "江苏省", "无锡市"),
    ("320100", "江苏省", "南京市"),
    ("330100", "浙江省", "杭州市"),
    ("330200", "浙江省", "宁波市"),
    ("510800", "四川省", "广元市"),
    ("510100", "四川省", "成都市"),
    ("440300", "广东省", "深圳市"),
    ("370200", "山东省", "青岛市"),
    ("420100", "湖北省", "武汉市"),
];

/// A small deterministic generator (64-bit LCG), so every run builds the same corpus.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn record(n: usize, rng: &mut Lcg) -> (Document, Vec<Obligation>) {
    let (code, province, city) = REGIONS[n % REGIONS.len()];
    let region = Region {
        code: code.into(),
        province: Some(province.into()),
        city: Some(city.into()),
        county: None,
    };
    let year = 2010 + (n % 14) as i32;
    let kind = [DocKind::Plan, DocKind::AnnualPlan, DocKind::Report][n % 3];
    let id = format!("file:synthetic/{n:05}.txt");
    let mut texts = Vec::new();
    let mut obligations = Vec::new();
    let mut at = 0;
    for i in 0..PER_DOCUMENT {
        let body = BODIES[rng.next(BODIES.len())];
        let deadline = 2012 + rng.next(14) as i32;
        let value = 60.0 + rng.next(41) as f64;
        let text = format!(
            "{}，{}。由{}牵头，到{}年底{}{}%以上。",
            PHRASES[rng.next(PHRASES.len())],
            PHRASES[rng.next(PHRASES.len())],
            body,
            deadline,
            PHRASES[rng.next(PHRASES.len())],
            value
        );
        let len = text.chars().count();
        let label = format!("{}.", i + 1);
        obligations.push(Obligation {
            id: duban_model::obligation_id(&id, &[&label], 1),
            doc_id: id.clone(),
            label,
            path: vec!["一、总体要求".into()],
            heading: text.split('，').next().unwrap_or_default().into(),
            text: text.clone(),
            kind: if kind == DocKind::Report {
                ObligationKind::Achievement
            } else {
                ObligationKind::Task
            },
            deadlines: vec![Deadline {
                text: format!("到{deadline}年底"),
                year: deadline,
                month: Some(12),
                day: None,
                bound: Bound::By,
            }],
            recurrences: Vec::new(),
            metrics: vec![Metric {
                text: format!("{value}%以上"),
                indicator: "出庭应诉率".into(),
                op: Op::Ge,
                value,
                unit: "%".into(),
            }],
            bodies: vec![Body {
                name: body.into(),
                role: Role::Lead,
            }],
            references: Vec::new(),
            span: [at, at + len],
            region: Some(region.clone()),
            doc_kind: kind,
            year: Some(year),
        });
        at += len + 1;
        texts.push(text);
    }
    let doc = Document {
        source: Source {
            url: None,
            path: Some(format!("synthetic/{n:05}.txt")),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            fetched_at: None,
        },
        title: Some(format!("{city}{year}年法治政府建设工作安排")),
        region: Some(region),
        ..Document::from_text(id, kind, Some(year), texts.join("\n"))
    };
    (doc, obligations)
}

/// Documents of this run's corpus.
fn documents() -> usize {
    std::env::var("DUBAN_BENCH_OBLIGATIONS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(DOCUMENTS, |n| (n / PER_DOCUMENT).max(1))
}

fn index_dir() -> PathBuf {
    let documents = documents();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bench-index-{CORPUS_VERSION}-{documents}"));
    if !dir.join("complete").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let started = Instant::now();
        let mut w = ObligationIndex::open(&dir).expect("creating the bench index");
        let mut rng = Lcg(7);
        for n in 0..documents {
            let (doc, obligations) = record(n, &mut rng);
            w.upsert(&doc, &obligations).expect("indexing");
        }
        w.commit().expect("committing");
        drop(w);
        std::fs::write(dir.join("complete"), "").expect("marking the bench index");
        eprintln!(
            "built {} obligations in {:.1}s",
            documents * PER_DOCUMENT,
            started.elapsed().as_secs_f64()
        );
    }
    dir
}

fn queries() -> Vec<(&'static str, SearchRequest)> {
    let req = |q: &str, sort: Sort| SearchRequest {
        query: q.into(),
        limit: 10,
        offset: 0,
        sort,
        target: Default::default(),
    };
    vec![
        ("word", req("出庭应诉率", Sort::Relevance)),
        ("run_of_words", req("行政复议案件审理", Sort::Relevance)),
        (
            "phrase",
            req("\"行政机关负责人出庭应诉率\"", Sort::Relevance),
        ),
        ("sub_word", req("农业", Sort::Relevance)),
        (
            "word_and_city",
            req("出庭应诉率 city:苏州市", Sort::Relevance),
        ),
        ("body", req("body:区政府法制办", Sort::Relevance)),
        (
            "ranges",
            req("deadline:[2015 TO 2020] value:>=90", Sort::Relevance),
        ),
        (
            "boolean",
            req("(政务公开 OR 营商环境) -province:江苏", Sort::Relevance),
        ),
        (
            "sorted_by_deadline",
            req("法治政府 kind:task", Sort::Deadline { descending: false }),
        ),
        ("everything", req("", Sort::Relevance)),
    ]
}

fn percentiles(index: &SearchIndex) {
    eprintln!(
        "query latency over {} obligations, {RUNS} runs each (limit 10, with facets and snippets):",
        documents() * PER_DOCUMENT
    );
    // `DUBAN_BENCH_QUERIES=phrase,everything` measures only those (e.g. under a profiler).
    let only = std::env::var("DUBAN_BENCH_QUERIES").ok();
    let chosen = |name: &str| {
        only.as_deref()
            .is_none_or(|list| list.split(',').any(|n| n.trim() == name))
    };
    for (name, req) in queries().into_iter().filter(|(name, _)| chosen(name)) {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                let r = index.search(&req).expect("searching");
                std::hint::black_box(r.total);
                t.elapsed()
            })
            .collect();
        times.sort();
        let total = index.search(&req).map(|r| r.total).unwrap_or(0);
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        eprintln!(
            "  {name:<20} {:>8} hits  p50 {:>7.2} ms  p99 {:>7.2} ms  `{}`",
            total,
            ms(times[RUNS / 2]),
            ms(times[RUNS * 99 / 100]),
            req.query
        );
    }
}

fn bench(c: &mut Criterion) {
    let index = SearchIndex::open(&index_dir()).expect("opening the bench index");
    percentiles(&index);
    let mut group = c.benchmark_group("query");
    for (name, req) in queries() {
        group.bench_function(name, |b| b.iter(|| index.search(&req).expect("searching")));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
