//! The crawler against the bundled local government site (`corpora/sites/www.linjiang.gov.cn`)
//! served on 127.0.0.1 with scripted faults; crawl state in memory.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_fetch::{Archive, Crawl, CrawlStats, CrawlStore, FrontierEntry, HttpSource, MemoryStore};
use duban_model::RawDoc;
use duban_testkit::site_server::SiteServer;
use std::path::PathBuf;

fn site_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpora/sites/www.linjiang.gov.cn")
}

fn xxgk(base: &str) -> HttpSource {
    source(&format!(
        r#"
id = "xxgk"
start_urls = ["{base}/xxgk/index.html"]
[list]
link_selector = "ul.xxgk-list"
[detail]
url_pattern = '\.html$'
content_selector = "div.TRS_Editor"
[limits]
max_response_bytes = 5_000_000
[politeness]
requests_per_sec = 1000.0
concurrency = 4
timeout_secs = 0.5
max_retries = 2
retry_base_secs = 0.01
"#
    ))
}

fn source(text: &str) -> HttpSource {
    toml::from_str(text).unwrap()
}

struct Outcome {
    docs: Vec<RawDoc>,
    withdrawn: Vec<String>,
    failures: Vec<(String, String)>,
    stats: CrawlStats,
}

/// Runs a crawl to the end, storing each handed-out document's hash as a pipeline would.
/// The local site served, its 信息公开 source crawled once into an archive and a store.
struct CrawledOnce {
    server: SiteServer,
    base: String,
    _dir: tempfile::TempDir,
    archive: Archive,
    store: MemoryStore,
    src: HttpSource,
}

impl CrawledOnce {
    /// The next run of the same crawl, with what the first one stored.
    fn crawl_again(&mut self) -> Outcome {
        crawl(&self.src, &mut self.store, &self.archive)
    }
}

fn crawled_once() -> CrawledOnce {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::new(dir.path());
    let mut store = MemoryStore::default();
    let src = xxgk(&base);
    crawl(&src, &mut store, &archive);
    CrawledOnce {
        server,
        base,
        _dir: dir,
        archive,
        store,
        src,
    }
}

fn crawl(src: &HttpSource, store: &mut MemoryStore, archive: &Archive) -> Outcome {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut c = Crawl::new(
        src.clone(),
        duban_model::Limits::default(),
        archive.clone(),
        "2026-11-30T02:00:00Z",
    )
    .unwrap();
    let mut out = Outcome {
        docs: Vec::new(),
        withdrawn: Vec::new(),
        failures: Vec::new(),
        stats: CrawlStats::default(),
    };
    while let Some(batch) = rt.block_on(c.next_batch(store, 2)).unwrap() {
        for d in &batch.documents {
            store
                .documents
                .insert(d.id.clone(), d.source.sha256.clone());
        }
        out.docs.extend(batch.documents);
        out.withdrawn.extend(batch.withdrawn);
        out.failures
            .extend(batch.failures.into_iter().map(|f| (f.url, f.reason)));
    }
    out.stats = c.stats();
    out
}

fn ids(docs: &[RawDoc], base: &str) -> Vec<String> {
    let mut v: Vec<String> = docs
        .iter()
        .map(|d| d.id.trim_start_matches(base).to_string())
        .collect();
    v.sort();
    v
}

fn reason<'a>(o: &'a Outcome, path: &str) -> &'a str {
    o.failures
        .iter()
        .find(|(u, _)| u.ends_with(path))
        .map(|(_, r)| r.as_str())
        .unwrap_or_else(|| panic!("no failure for {path}: {:?}", o.failures))
}

#[test]
fn the_first_crawl_fetches_every_document_and_names_every_fault() {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::new(dir.path().join("archive"));
    let mut store = MemoryStore::default();
    let o = crawl(&xxgk(&base), &mut store, &archive);
    assert_eq!(
        ids(&o.docs, &base),
        [
            "/xxgk/202403/t20240315_1001.html",
            "/xxgk/202403/t20240320_1002.html",
            "/xxgk/202404/t20240408_1003.html",
            "/xxgk/202404/t20240410_1004.html",
            "/xxgk/flaky.html",
        ]
    );
    assert!(reason(&o, "/xxgk/slow.html").contains("timed out"));
    assert!(reason(&o, "/xxgk/moved.html").contains("www.foreign.example"));
    assert!(reason(&o, "/xxgk/big.html").contains("larger than 5000000"));
    assert!(reason(&o, "/xxgk/gone.html").contains("404"));
    assert!(reason(&o, "/loop/a.html").contains("redirect loop"));
    assert_eq!(o.failures.len(), 5, "{:?}", o.failures);
    assert_eq!(o.stats.skipped_by_robots, 1);
    assert_eq!(o.stats.attachments, 1);
    assert_eq!(o.stats.failed, 5);
    // The flaky page answered 500, then 200 on the retry.
    assert_eq!(server.statuses("/xxgk/flaky.html"), [500, 200]);
    // robots.txt was fetched once, and the disallowed page never.
    assert_eq!(server.statuses("/robots.txt").len(), 1);
    assert!(server.statuses("/private/neibu_1.html").is_empty());
}

#[test]
fn charsets_and_metadata_defaults_reach_the_cleaner_as_hints() {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let mut src = xxgk(&base);
    src.region = Some("320100".into());
    let o = crawl(&src, &mut MemoryStore::default(), &Archive::new(dir.path()));
    let doc = |p: &str| o.docs.iter().find(|d| d.id.ends_with(p)).unwrap();
    let gbk = doc("t20240320_1002.html");
    assert_eq!(gbk.hints.http_charset.as_deref(), Some("GBK"));
    assert!(
        std::str::from_utf8(&gbk.bytes).is_err(),
        "bytes are passed as received"
    );
    assert_eq!(doc("t20240410_1004.html").hints.http_charset, None);
    assert_eq!(
        doc("t20240315_1001.html").hints.http_charset.as_deref(),
        Some("utf-8")
    );
    assert_eq!(gbk.hints.region.as_deref(), Some("320100"));
    assert_eq!(
        gbk.hints.content_selector.as_deref(),
        Some("div.TRS_Editor")
    );
    assert_eq!(
        gbk.source.fetched_at.as_deref(),
        Some("2026-11-30T02:00:00Z")
    );
}

#[test]
fn a_document_split_over_two_pages_is_stitched_into_one() {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let o = crawl(
        &xxgk(&base),
        &mut MemoryStore::default(),
        &Archive::new(dir.path()),
    );
    let d = o
        .docs
        .iter()
        .find(|d| d.id.ends_with("t20240408_1003.html"))
        .unwrap();
    let text = String::from_utf8(d.bytes.clone()).unwrap();
    let first = text.find("规划实施总体情况").unwrap();
    let second = text.find("下一阶段工作安排").unwrap();
    assert!(first < second);
    assert_eq!(d.hints.http_charset.as_deref(), Some("UTF-8"));
    assert!(!o.docs.iter().any(|d| d.id.ends_with("_2.html")));
}

#[test]
fn a_second_crawl_sends_conditional_requests_and_hands_out_nothing_unchanged() {
    let mut site = crawled_once();
    site.server.clear_requests();
    let o = site.crawl_again();
    assert!(o.docs.is_empty(), "{:?}", ids(&o.docs, &site.base));
    assert_eq!(o.stats.fetched, 0, "{:?}", site.server.requests());
    // Two list pages, five documents and the attachment.
    assert_eq!(o.stats.not_modified, 8, "{:?}", o.stats);
    assert_eq!(
        site.server.statuses("/xxgk/202403/t20240315_1001.html"),
        [304]
    );
}

#[test]
fn a_changed_page_is_handed_out_again_and_a_removed_one_is_withdrawn() {
    let mut site = crawled_once();
    let changed = std::fs::read_to_string(site_root().join("xxgk/202403/t20240315_1001.html"))
        .unwrap()
        .replace("不低于90%", "不低于95%");
    site.server.put("/xxgk/202403/t20240315_1001.html", changed);
    site.server.remove("/xxgk/202404/t20240410_1004.html");
    let o = site.crawl_again();
    assert_eq!(
        ids(&o.docs, &site.base),
        ["/xxgk/202403/t20240315_1001.html"]
    );
    assert_eq!(o.stats.changed, 1);
    assert_eq!(o.stats.fetched, 1);
    assert_eq!(o.withdrawn.len(), 1);
    assert!(o.withdrawn[0].ends_with("t20240410_1004.html"));
    assert_eq!(o.stats.withdrawn, 1);
    // Still gone on the next run: not withdrawn twice, not a failure.
    let o = site.crawl_again();
    assert!(o.withdrawn.is_empty());
    assert!(
        !o.failures
            .iter()
            .any(|(u, _)| u.ends_with("t20240410_1004.html"))
    );
}

#[test]
fn script_written_pagination_is_followed_until_a_page_is_missing() {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let src = source(&format!(
        r#"
id = "zcwj"
start_urls = ["{base}/zcwj/list.html"]
[list]
link_selector = "ul.xxgk-list"
page_url_template = "?page={{n}}"
first_page = 2
[detail]
url_pattern = '/t\d{{8}}_\d+\.html$'
[politeness]
requests_per_sec = 1000.0
"#
    ));
    let o = crawl(&src, &mut MemoryStore::default(), &Archive::new(dir.path()));
    assert_eq!(
        ids(&o.docs, &base),
        [
            "/zcwj/202401/t20240118_2003.html",
            "/zcwj/202402/t20240226_2001.html",
            "/zcwj/202402/t20240228_2002.html",
        ]
    );
    assert_eq!(server.statuses("/zcwj/list.html?page=3"), [404]);
    assert!(o.failures.is_empty(), "{:?}", o.failures);
}

#[test]
fn an_interrupted_crawl_resumes_from_its_frontier() {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::new(dir.path());
    let mut store = MemoryStore::default();
    let mut src = xxgk(&base);
    src.politeness.concurrency = 1;
    let rt = tokio::runtime::Runtime::new().unwrap();
    // The first run stops after its first document (a process killed mid-crawl).
    {
        let mut c = Crawl::new(
            src.clone(),
            duban_model::Limits::default(),
            archive.clone(),
            "2026-11-30T02:00:00Z",
        )
        .unwrap();
        let batch = rt.block_on(c.next_batch(&mut store, 1)).unwrap().unwrap();
        assert_eq!(batch.documents.len(), 1);
        // Not stored by the pipeline before the "crash".
    }
    let pending: Vec<FrontierEntry> = store
        .frontier("xxgk")
        .unwrap()
        .into_iter()
        .filter(|(_, done)| !done)
        .map(|(e, _)| e)
        .collect();
    assert!(!pending.is_empty());
    server.clear_requests();
    let o = crawl(&src, &mut store, &archive);
    // The start page is not fetched again, and the document fetched before the interruption
    // is handed out again (its records were never stored).
    assert!(server.statuses("/xxgk/index.html").is_empty());
    assert_eq!(o.docs.len(), 5, "{:?}", ids(&o.docs, &base));
    assert!(store.frontier("xxgk").unwrap().is_empty());
}

#[test]
fn max_pages_stops_the_crawl() {
    let server = SiteServer::start(&site_root()).unwrap();
    let base = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let mut src = xxgk(&base);
    src.limits.max_pages = 3;
    let o = crawl(&src, &mut MemoryStore::default(), &Archive::new(dir.path()));
    assert_eq!(o.stats.requests, 3);
    assert!(o.stats.skipped_by_limit > 0);
}

#[test]
fn a_host_whose_robots_txt_is_unreachable_is_a_failure_not_a_quiet_skip() {
    // A port nothing listens on: the connection to robots.txt is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::new(dir.path());
    let mut store = MemoryStore::default();
    let out = crawl(
        &xxgk(&format!("http://127.0.0.1:{port}")),
        &mut store,
        &archive,
    );
    assert!(out.docs.is_empty());
    assert_eq!(out.stats.skipped_by_robots, 0);
    assert!(out.stats.failed >= 1, "{:?}", out.stats);
    assert!(
        out.failures
            .iter()
            .any(|(_, reason)| reason.contains("robots.txt unreachable")),
        "{:?}",
        out.failures
    );
}

#[test]
fn links_are_followed_by_scheme_host_and_port_and_stored_without_user_info() {
    let server = SiteServer::start(&site_root()).unwrap();
    let other = SiteServer::start(&site_root()).unwrap();
    let (base, port, other_port) = (server.base_url(), server.port(), other.port());
    let page = |text: &str| format!("<html><body><p>{text}</p></body></html>");
    server.put(
        "/scope/index.html",
        format!(
            r#"<html><body>
<a href="http://u:secret@127.0.0.1:{port}/scope/a.html">带用户信息的链接</a>
<a href="http://2130706433:{port}/scope/b.html">十进制地址的链接</a>
<a href="http://127.0.0.1:{other_port}/scope/c.html">另一端口的链接</a>
<a href="http://[::ffff:127.0.0.1]:{other_port}/scope/d.html">映射地址的链接</a>
<a href="gopher://127.0.0.1:{port}/scope/e.html">其他协议的链接</a>
</body></html>"#
        ),
    );
    server.put("/scope/a.html", page("第一份通知全文。"));
    server.put("/scope/b.html", page("第二份通知全文。"));
    let src = source(&format!(
        "id = \"scope\"\nstart_urls = [\"{base}/scope/index.html\"]\n[politeness]\nrequests_per_sec = 1000.0\n"
    ));
    let dir = tempfile::tempdir().unwrap();
    let o = crawl(&src, &mut MemoryStore::default(), &Archive::new(dir.path()));
    assert_eq!(
        ids(&o.docs, &base),
        ["/scope/a.html", "/scope/b.html", "/scope/index.html"]
    );
    assert!(
        o.docs
            .iter()
            .all(|d| !format!("{:?}", d.source).contains("secret"))
    );
    assert!(other.requests().is_empty(), "{:?}", other.requests());
}
