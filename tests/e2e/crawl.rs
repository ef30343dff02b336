//! `duban run pipelines/local-site.toml`, `duban crawl` and `duban reprocess` against the
//! bundled local government site, served on 127.0.0.1 by the test with scripted faults.

use duban_testkit::site_server::SiteServer;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn site() -> SiteServer {
    SiteServer::start(&repo().join("corpora/sites/www.linjiang.gov.cn")).unwrap()
}

/// `pipelines/local-site.toml` pointed at the test's server.
fn local_pipeline(dir: &Path, server: &SiteServer) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("pipelines/local-site.toml")).unwrap();
    let path = dir.join("local-site.toml");
    std::fs::write(
        &path,
        text.replace("127.0.0.1:8089", &format!("127.0.0.1:{}", server.port())),
    )
    .unwrap();
    path
}

fn duban(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

/// The crawl counters of the last run, from the state's run report.
fn last_crawl(data: &Path) -> serde_json::Value {
    let state = duban_state::State::open(&data.join("state.sqlite")).unwrap();
    let run = state.runs(1).unwrap().remove(0);
    let report: serde_json::Value = serde_json::from_str(&run.report.unwrap()).unwrap();
    report["crawl"].clone()
}

fn exported_ids(data: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(data.join("export/documents.jsonl")).unwrap();
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let id = v["id"].as_str().unwrap();
            id.split_once("/xxgk/")
                .map(|(_, p)| format!("xxgk/{p}"))
                .or_else(|| id.split_once("/zcwj/").map(|(_, p)| format!("zcwj/{p}")))
                .unwrap()
        })
        .collect()
}

#[test]
fn the_local_site_pipeline_crawls_everything_then_fetches_only_what_changed() {
    let server = site();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pipeline = local_pipeline(dir.path(), &server);
    let p = pipeline.to_str().unwrap();

    let first = duban(&data, &["run", p]);
    // The faulty pages fail (exit 1), each named on stderr; the rest is processed.
    assert_eq!(first.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&first.stderr);
    for faulty in [
        "slow.html",
        "moved.html",
        "big.html",
        "gone.html",
        "loop/a.html",
    ] {
        assert!(stderr.contains(faulty), "{faulty} not reported: {stderr}");
    }
    assert_eq!(
        exported_ids(&data),
        [
            "xxgk/202403/t20240315_1001.html",
            "xxgk/202403/t20240320_1002.html",
            "xxgk/202404/t20240408_1003.html",
            "xxgk/202404/t20240410_1004.html",
            "xxgk/flaky.html",
            "zcwj/202401/t20240118_2003.html",
            "zcwj/202402/t20240226_2001.html",
            "zcwj/202402/t20240228_2002.html",
        ]
    );
    let c = last_crawl(&data);
    assert_eq!(c["skipped_by_robots"], 1);
    assert_eq!(c["failed"], 5);
    assert_eq!(c["documents"], 8);
    assert!(data.join("index").is_dir());
    assert!(data.join("archive").is_dir());

    // Nothing changed: conditional requests only, nothing fetched, nothing re-extracted.
    let second = duban(&data, &["run", p]);
    assert_eq!(second.status.code(), Some(1));
    let c = last_crawl(&data);
    assert_eq!(c["fetched"], 0, "{c}");
    assert_eq!(c["documents"], 0, "{c}");
    assert_eq!(c["not_modified"], 13, "{c}");

    // One page changed: only it is fetched and re-extracted.
    let path = "/zcwj/202402/t20240226_2001.html";
    let text = std::fs::read_to_string(
        repo()
            .join("corpora/sites/www.linjiang.gov.cn")
            .join(&path[1..]),
    )
    .unwrap()
    .replace("增长6%左右", "增长5.5%左右");
    server.put(path, text);
    duban(&data, &["run", p]);
    let c = last_crawl(&data);
    assert_eq!(c["fetched"], 1, "{c}");
    assert_eq!(c["changed"], 1, "{c}");
    assert_eq!(c["documents"], 1, "{c}");
}

#[test]
fn a_withdrawn_page_keeps_its_extracted_document() {
    let server = site();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pipeline = local_pipeline(dir.path(), &server);
    let p = pipeline.to_str().unwrap();
    duban(&data, &["run", p]);
    server.remove("/xxgk/202403/t20240315_1001.html");
    duban(&data, &["run", p]);
    assert_eq!(last_crawl(&data)["withdrawn"], 1);
    let state = duban_state::State::open(&data.join("state.sqlite")).unwrap();
    let rec = state
        .records()
        .unwrap()
        .into_iter()
        .find(|r| r.doc_id.ends_with("t20240315_1001.html"))
        .unwrap();
    assert!(rec.withdrawn);
    assert!(rec.document.contains("出庭应诉率"), "{}", rec.document);
    assert_eq!(exported_ids(&data).len(), 8);
}

#[test]
fn reprocess_re_extracts_from_the_archive_without_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pipeline = {
        let server = site();
        let pipeline = local_pipeline(dir.path(), &server);
        duban(&data, &["run", pipeline.to_str().unwrap()]);
        pipeline
    };
    // The server is gone: reprocess must not need it.
    std::fs::remove_dir_all(data.join("export")).unwrap();
    let out = duban(&data, &["reprocess", pipeline.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(exported_ids(&data).len(), 8);
}

#[test]
fn a_quick_crawl_stays_on_the_start_host_and_exports() {
    let server = site();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let start = format!("{}/zcwj/list.html", server.base_url());
    let out = duban(
        &data,
        &[
            "crawl",
            &start,
            "--max-pages",
            "20",
            "--requests-per-sec",
            "100",
        ],
    );
    // The generic crawl follows the site's navigation into the faulty pages too: exit 1, with
    // the off-site redirect refused rather than followed.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("outside allowed_hosts"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("crawl: "), "{stdout}");
    let text = std::fs::read_to_string(data.join("export/documents.jsonl")).unwrap();
    assert!(text.contains("t20240226_2001.html"));
    assert!(
        server
            .requests()
            .iter()
            .all(|(p, _)| !p.starts_with("/private/"))
    );
}

#[test]
fn a_bad_key_in_a_crawl_source_is_rejected_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[pipeline]\nname = \"bad\"\n\n[[source]]\nid = \"x\"\ntype = \"http\"\nstart_urls = [\"http://127.0.0.1:9/\"]\n\n[source.politeness]\nrequests_per_second = 1\n",
    )
    .unwrap();
    let out = duban(&dir.path().join("data"), &["run", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 10"), "{stderr}");
    assert!(stderr.contains("requests_per_second"), "{stderr}");
}

#[test]
fn a_quick_crawl_refuses_other_schemes_and_user_info_by_name_before_any_request() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for (url, reason) in [
        ("gopher://127.0.0.1:1/_x", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://169.254.169.254@127.0.0.1:1/", "user-info"),
    ] {
        let out = duban(&data, &["crawl", url]);
        assert_eq!(out.status.code(), Some(2), "{url}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{url}: {stderr}");
        assert!(!stderr.contains("builder error"), "{url}: {stderr}");
    }
}

#[test]
fn a_redirect_to_another_port_in_decimal_notation_is_refused_and_nothing_of_it_stored() {
    let server = site();
    let other = site();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    server.redirect(
        "/zcwj/list.html",
        &format!("http://2130706433:{}/zcwj/list.html", other.port()),
    );
    let start = format!("{}/zcwj/list.html", server.base_url());
    let out = duban(&data, &["crawl", &start, "--requests-per-sec", "100"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "http://127.0.0.1:{}/zcwj/list.html: outside allowed_hosts",
            other.port()
        )),
        "{stderr}"
    );
    assert!(other.requests().is_empty(), "{:?}", other.requests());
}

#[test]
fn a_quick_crawl_reads_no_more_links_of_a_page_than_its_limit_and_says_so_by_name() {
    let server = site();
    let dir = tempfile::tempdir().unwrap();
    let start = format!("{}/zcwj/list.html", server.base_url());
    let crawl = |data: &str, extra: &[&str]| {
        let mut args = vec![
            "crawl",
            start.as_str(),
            "--max-pages",
            "20",
            "--requests-per-sec",
            "100",
        ];
        args.extend_from_slice(extra);
        let out = duban(&dir.path().join(data), &args);
        (String::from_utf8_lossy(&out.stderr).into_owned(), out)
    };
    let (stderr, out) = crawl("one-link", &["--max-links-per-page", "1"]);
    assert!(
        stderr.contains("limits.max_links_per_page = 1"),
        "{stderr}\n{out:?}"
    );
    let one_link = server.requests().len();
    let (stderr, _) = crawl("default", &[]);
    assert!(!stderr.contains("limits.max_links_per_page"), "{stderr}");
    assert!(
        server.requests().len() - one_link > one_link,
        "one link a page fetches fewer pages: {one_link} of {}",
        server.requests().len()
    );
}
