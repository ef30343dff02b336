//! `duban serve` over HTTP: the JSON API against a server the test starts on 127.0.0.1:0,
//! over an index of the sample records. Also the small HTTP client the browser test shares.

use crate::search::sample_data;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A `duban serve` process, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts `duban --data DATA serve --addr 127.0.0.1:0` and waits for its address line.
    pub fn start(data: &Path) -> Server {
        Server::start_with(data, &[])
    }

    /// [`Server::start`] with more `duban serve` options.
    pub fn start_with(data: &Path, options: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_duban"))
            .args([
                "--data",
                data.to_str().unwrap(),
                "serve",
                "--addr",
                "127.0.0.1:0",
            ])
            .args(options)
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting duban serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("duban: serving http://")
            .unwrap_or_else(|| panic!("unexpected first line from duban serve: {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// `GET path` on this server.
    pub fn get(&self, path: &str) -> (u16, String) {
        http(&self.addr, "GET", path, None)
    }

    /// `GET path` whose body is JSON.
    pub fn get_json(&self, path: &str) -> (u16, Value) {
        let (status, body) = self.get(path);
        let v = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"));
        (status, v)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Percent-encodes a query-string value.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One HTTP/1.1 request to `addr` (a loopback address), answered as (status, body).
pub fn http(addr: &str, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    read_answer(&mut stream).expect("reading an HTTP answer")
}

/// Reads one HTTP/1.1 answer from `stream` as (status, body): the head, then exactly the body
/// the head announces, so the connection can carry the next request (and some servers,
/// chromedriver, keep it open despite `Connection: close`). An error when the connection
/// closes before the head ends.
pub fn read_answer(stream: &mut TcpStream) -> std::io::Result<(u16, String)> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(60)))?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "connection closed before the HTTP header ended",
            ));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("an HTTP status");
    let mut payload = raw[split + 4..].to_vec();
    let length = head.lines().find_map(|l| {
        l.strip_prefix("content-length:")
            .and_then(|v| v.trim().parse::<usize>().ok())
    });
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let done = match length {
            Some(n) => payload.len() >= n,
            None if chunked => payload.windows(5).any(|w| w == b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        payload.extend_from_slice(&buf[..n]);
    }
    if chunked {
        payload = dechunk(&payload);
    }
    Ok((status, String::from_utf8_lossy(&payload).to_string()))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..eol])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            return out;
        }
        let start = eol + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
}

fn search(server: &Server, q: &str) -> (u16, Value) {
    server.get_json(&format!("/api/search?q={}&limit=100", encode(q)))
}

#[test]
fn health_counts_the_index() {
    let data = sample_data();
    let server = Server::start(data.path());
    let (status, v) = server.get_json("/api/health");
    assert_eq!(status, 200);
    assert_eq!(v["status"], "ok");
    assert_eq!(v["documents"], 4);
    assert_eq!(v["obligations"], 10);
    assert_eq!(v["stale"], false);
}

#[test]
fn search_answers_hits_with_snippets_and_facets() {
    let data = sample_data();
    let server = Server::start(data.path());
    let (status, v) = search(&server, "出庭应诉率");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 3);
    let hit = &v["hits"][0];
    for key in ["id", "doc_id", "score", "obligation", "document", "snippet"] {
        assert!(hit.get(key).is_some(), "hit without {key}: {hit}");
    }
    assert_eq!(
        v["facets"]["city"][0],
        serde_json::json!({"value": "苏州市", "count": 2})
    );
    let (_, v) = search(&server, "body:区政府法制办");
    assert_eq!(v["total"], 2);
    assert_eq!(v["hits"][0]["document"]["region"]["county"], "昭化区");
    let (_, v) = search(&server, "value:>=90 deadline:[2015 TO 2020]");
    assert_eq!(v["total"], 1);
    let (_, v) = server.get_json("/api/search?q=&sort=-year&type=documents");
    assert_eq!(v["hits"][0]["document"]["year"], 2021);
}

#[test]
fn facets_answer_counts_without_hits() {
    let data = sample_data();
    let server = Server::start(data.path());
    let (status, v) = server.get_json(&format!("/api/facets?q={}", encode("province:江苏")));
    assert_eq!(status, 200);
    assert_eq!(v["total"], 6);
    assert!(v.get("hits").is_none());
    assert_eq!(v["facets"]["doc_kind"].as_array().unwrap().len(), 2);
}

#[test]
fn a_document_comes_with_its_obligations() {
    let data = sample_data();
    let server = Server::start(data.path());
    let id = encode("file:sample/zhaohua-2013.txt");
    let (status, v) = server.get_json(&format!("/api/document?id={id}"));
    assert_eq!(status, 200);
    assert_eq!(v["document"]["title"], "昭化区2013年依法行政工作要点");
    assert_eq!(v["obligations"].as_array().unwrap().len(), 3);
    let (status, v) = server.get_json("/api/document?id=file%3Anowhere.txt");
    assert_eq!(status, 404, "{v}");
    assert!(v["error"].as_str().unwrap().contains("file:nowhere.txt"));
    let (status, _) = server.get_json("/api/document");
    assert_eq!(status, 400);
}

/// A data folder whose index holds one review paragraph of 3,000 characters with 30 metrics.
pub fn long_obligation_data() -> (tempfile::TempDir, duban_model::Obligation) {
    let tmp = tempfile::tempdir().unwrap();
    let mut index = duban_index::ObligationIndex::open(&tmp.path().join("index")).unwrap();
    let (doc, obligations) = duban_testkit::sample::records().remove(0);
    let mut o = obligations[0].clone();
    let filler = "深入推进依法行政，加快建设法治政府。".repeat(80);
    o.text = format!("{filler}行政机关负责人出庭应诉率达到96.6%。{filler}");
    let metric = o.metrics[0].clone();
    o.metrics = (0..30)
        .map(|i| duban_model::Metric {
            text: format!("第{i}项指标达到{i}"),
            indicator: format!("第{i}项指标"),
            value: f64::from(i),
            ..metric.clone()
        })
        .collect();
    o.metrics[20] = metric;
    index.upsert(&doc, std::slice::from_ref(&o)).unwrap();
    index.commit().unwrap();
    (tmp, o)
}

#[test]
fn a_long_obligation_comes_as_a_window_with_its_matched_metrics_and_whole_on_request() {
    let (data, whole) = long_obligation_data();
    let server = Server::start(data.path());
    let (status, body) = server.get(&format!("/api/search?q={}", encode("出庭应诉率")));
    assert_eq!(status, 200, "{body}");
    assert!(body.len() < 8_000, "{} bytes", body.len());
    let v: Value = serde_json::from_str(&body).unwrap();
    let hit = &v["hits"][0];
    let text = hit["obligation"]["text"].as_str().unwrap();
    assert_eq!(hit["text_truncated"], true);
    assert_eq!(hit["text_chars"], whole.text.chars().count());
    assert_eq!(text.chars().count(), duban_index::HIT_TEXT_CHARS);
    assert!(text.contains("出庭应诉率达到96.6%"), "{text}");
    let metrics = hit["obligation"]["metrics"].as_array().unwrap();
    assert_eq!(metrics.len(), duban_index::HIT_METRICS);
    assert_eq!(metrics[0]["indicator"], "出庭应诉率");
    assert_eq!(hit["matched_metrics"], serde_json::json!([0]));
    assert_eq!(hit["metrics_omitted"], 30 - duban_index::HIT_METRICS);
    let (status, v) = server.get_json(&format!("/api/obligation?id={}", encode(&whole.id)));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["obligation"]["text"], whole.text.as_str());
    assert_eq!(v["obligation"]["metrics"].as_array().unwrap().len(), 30);
    assert_eq!(v["document"]["id"], whole.doc_id.as_str());
    let (status, _) = server.get_json("/api/obligation?id=nothing");
    assert_eq!(status, 404);
}

#[test]
fn bad_requests_are_4xx_with_a_message_never_5xx() {
    let data = sample_data();
    let server = Server::start(data.path());
    for path in [
        format!("/api/search?q={}", encode("\"出庭应诉率")),
        format!("/api/search?q={}", encode("town:周庄")),
        format!("/api/search?q={}", encode("year:明年")),
        format!("/api/search?q={}", encode(&"(".repeat(400))),
        format!("/api/search?q={}", encode(&"法治 ".repeat(500))),
        "/api/search?q=a&limit=abc".into(),
        "/api/search?q=a&limit=1000".into(),
        "/api/search?q=a&limit=0".into(),
        "/api/search?q=a&limit=99999999999999999999999999".into(),
        "/api/search?q=a&offset=100000".into(),
        "/api/search?q=a&sort=random".into(),
        "/api/search?q=a&type=people".into(),
        "/api/search?q=a&fields=all".into(),
        "/api/search?q=%FF%FE".into(),
        "/api/facets?q=a&limit=5".into(),
    ] {
        let (status, body) = server.get(&path);
        assert_eq!(status, 400, "{path}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: {body}"));
        assert!(!v["error"].as_str().unwrap().is_empty(), "{path}");
    }
    let (status, v) = server.get_json("/api/nothing-here");
    assert_eq!(status, 404);
    assert!(v["error"].is_string());
}

#[test]
fn the_comparison_table_lists_matched_metrics_as_json_and_as_csv() {
    let data = sample_data();
    let server = Server::start(data.path());
    let (status, v) = server.get_json(&format!("/api/table?q={}", encode("出庭应诉率")));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["obligations"], 3);
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["indicator"] == "出庭应诉率"), "{v}");
    assert!(
        rows.iter()
            .any(|r| r["region"] == "苏州市" && r["value"] == 96.6 && r["year"] == 2021),
        "{v}"
    );
    let (status, csv) = server.get(&format!(
        "/api/table?q={}&format=csv&group=document",
        encode("出庭应诉率")
    ));
    assert_eq!(status, 200);
    assert!(
        csv.starts_with("indicator,extracted_indicator,region,region_code,year,op,value"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), rows.len() + 1);
    let (status, _) = server.get_json("/api/table?q=x&group=city");
    assert_eq!(status, 400);
    let (status, _) = server.get_json("/api/table?q=x&format=xlsx");
    assert_eq!(status, 400);
}

#[test]
fn the_openapi_file_describes_every_api_route() {
    let data = sample_data();
    let server = Server::start(data.path());
    let (status, v) = server.get_json("/openapi.json");
    assert_eq!(status, 200);
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    for route in [
        "/api/health",
        "/api/search",
        "/api/facets",
        "/api/document",
        "/api/obligation",
        "/api/table",
    ] {
        assert!(v["paths"].get(route).is_some(), "{route} undocumented");
        let (status, _) = server.get(route);
        assert_ne!(status, 404, "{route} documented but not served");
    }
}

#[test]
fn the_page_and_its_assets_are_served() {
    let data = sample_data();
    let server = Server::start(data.path());
    let (status, html) = server.get("/");
    assert_eq!(status, 200);
    assert!(html.contains("id=\"search-form\""));
    assert!(html.contains("/app.js"));
    let (status, js) = server.get("/app.js");
    assert_eq!(status, 200);
    assert!(
        !js.contains("innerHTML"),
        "the page must not parse indexed text as HTML"
    );
    assert_eq!(server.get("/app.css").0, 200);
}

#[test]
fn concurrent_queries_during_indexing_all_answer_and_see_the_commit() {
    let data = sample_data();
    let server = Server::start(data.path());
    let addr = server.addr.clone();
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                for _ in 0..20 {
                    let (status, body) = http(
                        &addr,
                        "GET",
                        &format!("/api/search?q={}", encode("出庭应诉率 OR 法制")),
                        None,
                    );
                    assert_eq!(status, 200, "{body}");
                }
            })
        })
        .collect();
    let mut writer = duban_index::ObligationIndex::open(&data.path().join("index")).unwrap();
    for _ in 0..5 {
        for (doc, obligations) in duban_testkit::sample::records() {
            writer.upsert(&doc, &obligations).unwrap();
        }
        writer.commit().unwrap();
    }
    writer.delete("file:sample/hangzhou-2019.txt");
    writer.commit().unwrap();
    for c in clients {
        c.join().unwrap();
    }
    // The server reloads on commit (it polls the index meta); wait for it, boundedly.
    let mut seen = 0;
    for _ in 0..100 {
        seen = server.get_json("/api/health").1["documents"]
            .as_u64()
            .unwrap();
        if seen == 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(seen, 3, "the server never saw the committed delete");
}

#[test]
fn slow_connections_over_the_cap_are_closed_and_a_normal_request_is_still_answered() {
    let data = sample_data();
    let server = Server::start_with(
        data.path(),
        &["--max-connections", "4", "--header-timeout-secs", "0.5"],
    );
    // Three times the cap of clients that send half a header and then nothing.
    let slow: Vec<TcpStream> = (0..12)
        .map(|_| {
            let mut s = TcpStream::connect(&server.addr).unwrap();
            s.write_all(b"GET /api/health HTTP/1.1\r\nHost: slow\r\n")
                .unwrap();
            s
        })
        .collect();
    let (status, body) = server.get("/api/health");
    assert_eq!(status, 200, "{body}");
    // Each slow client was closed by the server without an answer (its header never ended).
    for mut s in slow {
        s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .unwrap();
        let mut answer = Vec::new();
        // The end of the stream (or a reset): the server closed it, the client did not time out.
        if let Err(e) = s.read_to_end(&mut answer) {
            assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}");
        }
        assert!(
            !String::from_utf8_lossy(&answer).contains(" 200 "),
            "{}",
            String::from_utf8_lossy(&answer)
        );
    }
}

#[test]
fn oversized_requests_are_refused_with_their_status() {
    let data = sample_data();
    let server = Server::start(data.path());
    let long_query = format!("/api/search?q={}", "a".repeat(20_000));
    assert_eq!(server.get(&long_query).0, 414);
    let big_body = "x".repeat(20_000);
    assert_eq!(
        http(&server.addr, "POST", "/api/search", Some(&big_body)).0,
        413
    );
    // A header over the limit: hyper answers 431 before any route sees it.
    let mut s = TcpStream::connect(&server.addr).unwrap();
    let request = format!(
        "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Filler: {}\r\nConnection: close\r\n\r\n",
        "y".repeat(60_000)
    );
    let _ = s.write_all(request.as_bytes());
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 431"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
}
