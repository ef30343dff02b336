//! The web page of `duban serve` driven in headless Chromium through chromedriver (WebDriver
//! over HTTP on 127.0.0.1): type a query, apply a facet, see the right results; markup inside
//! indexed text shows as text.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`scripts/test` installs them). Without them the
//! test fails and says so: a browser test that silently passes tests nothing.

use crate::search::sample_data;
use crate::serve::{Server, encode, http};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// chromedriver on a free loopback port, with one browser session; both end when dropped.
struct Browser {
    driver: Child,
    addr: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let chromium = find_program(&["chromium", "chromium-browser"]).unwrap_or_else(|| {
            panic!(
                "chromium is not installed, so the web page cannot be tested: \
                 apt-get install chromium chromium-driver (scripts/test does this)"
            )
        });
        let driver_bin = find_program(&["chromedriver"]).unwrap_or_else(|| {
            panic!(
                "chromedriver is not installed, so the web page cannot be tested: \
                 apt-get install chromium-driver (scripts/test does this)"
            )
        });
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let driver = Command::new(driver_bin)
            .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let mut ready = false;
        for _ in 0..100 {
            if std::net::TcpStream::connect(&addr).is_ok() {
                let (status, body) = http(&addr, "GET", "/status", None);
                if status == 200 && body.contains("\"ready\":true") {
                    ready = true;
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut me = Browser {
            driver,
            addr,
            session: String::new(),
            _profile: profile,
        };
        assert!(ready, "chromedriver did not become ready");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run",
                    format!("--user-data-dir={}", me._profile.path().display()),
                ],
            },
        }}});
        let v = me.call("POST", "/session", Some(caps));
        me.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {v}"))
            .to_string();
        me
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string());
        let (status, text) = http(&self.addr, method, path, body.as_deref());
        let v: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {text}"));
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn open(&self, url: &str) {
        self.session("POST", "/url", Some(json!({"url": url})));
    }

    fn element(&self, css: &str) -> String {
        let v = self.session(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn script(&self, js: &str) -> Value {
        self.session(
            "POST",
            "/execute/sync",
            Some(json!({"script": js, "args": []})),
        )
    }

    /// Polls a script until it returns `expected`, boundedly; returns the last value.
    fn wait_for(&self, js: &str, expected: &Value) -> Value {
        let mut last = Value::Null;
        for _ in 0..100 {
            last = self.script(js);
            if &last == expected {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        last
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                &self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

const HIT_IDS: &str =
    "return [...document.querySelectorAll('#results li.hit')].map(e => e.dataset.id).sort();";

fn start(data: &Path) -> (Server, Browser) {
    let server = Server::start(data);
    let browser = Browser::start();
    // A desktop window: at phone width the filters start folded (its own test).
    browser.session(
        "POST",
        "/window/rect",
        Some(json!({"width": 1280, "height": 900})),
    );
    browser.open(&format!("http://{}/", server.addr));
    (server, browser)
}

#[test]
fn typing_a_query_and_applying_a_facet_shows_the_right_results() {
    let data = sample_data();
    let (_server, b) = start(data.path());
    let q = b.element("#q");
    b.session(
        "POST",
        &format!("/element/{q}/value"),
        Some(json!({"text": "出庭应诉率"})),
    );
    let go = b.element("#go");
    b.session("POST", &format!("/element/{go}/click"), Some(json!({})));
    let all = json!([
        "file:sample/suzhou-2021.txt#1.",
        "file:sample/suzhou-2021.txt#2.",
        "file:sample/wuxi-2016.txt#2."
    ]);
    assert_eq!(b.wait_for(HIT_IDS, &all), all);
    let marks = b.script(
        "return [...document.querySelectorAll('#results mark')].every(m => m.textContent === '出庭应诉率');",
    );
    assert_eq!(marks, json!(true));
    // The metric the query matched is the first chip of each card, marked.
    let first_chips = b.script(
        "return [...document.querySelectorAll('#results li.hit dd .tag:first-child')].filter(t => t.textContent.startsWith('出庭应诉率')).map(t => t.classList.contains('matched'));",
    );
    assert_eq!(first_chips, json!([true, true, true]));
    // The comparison table of the query is linked beside the count.
    let table = b.script("return document.querySelector('#table-csv').getAttribute('href');");
    assert!(
        table.as_str().unwrap().starts_with("/api/table?"),
        "{table}"
    );

    let facet = b.element("#facets button[data-field='city'][data-value='苏州市']");
    let facet_count = b.script(
        "return document.querySelector(\"#facets button[data-field='city'][data-value='苏州市'] .count\").textContent;",
    );
    b.session("POST", &format!("/element/{facet}/click"), Some(json!({})));
    let suzhou = json!([
        "file:sample/suzhou-2021.txt#1.",
        "file:sample/suzhou-2021.txt#2."
    ]);
    assert_eq!(b.wait_for(HIT_IDS, &suzhou), suzhou);
    let chip = b.script("return document.querySelector('#filters button').dataset.value;");
    assert_eq!(chip, json!("苏州市"));
    // The facet said how many the click returns.
    let summary = b.script("return document.querySelector('#summary').textContent;");
    assert!(
        summary
            .as_str()
            .unwrap()
            .starts_with(&format!("{} obligations", facet_count.as_str().unwrap())),
        "{summary} vs {facet_count}"
    );
    let metrics = b.script(
        "return [...document.querySelectorAll('#results li.hit dl')].map(d => d.textContent).join(' | ');",
    );
    assert!(
        metrics.as_str().unwrap().contains("出庭应诉率 = 96.6%"),
        "{metrics}"
    );
    // The link to the document keeps the search and names the obligation it came from.
    let link =
        b.script("return document.querySelector('#results a.doc-link').getAttribute('href');");
    let link = link.as_str().unwrap();
    assert!(
        link.starts_with(
            "/?doc=file%3Asample%2Fsuzhou-2021.txt&o=file%3Asample%2Fsuzhou-2021.txt%23"
        ),
        "{link}"
    );
    assert!(link.contains("q=%E5%87%BA%E5%BA%AD"), "{link}");

    // Opening it shows the document with that obligation marked and in view, the pager hidden,
    // and a way back to the search; Back returns to the results.
    let opened_id = b.script("return document.querySelector('#results li.hit').dataset.id;");
    let a = b.element("#results a.doc-link");
    b.session("POST", &format!("/element/{a}/click"), Some(json!({})));
    let marked = b.wait_for(
        "const li = document.querySelector('#doc-obligations li.opened'); return li ? li.dataset.id : null;",
        &opened_id,
    );
    assert_eq!(marked, opened_id);
    let in_view = b.script(
        "const r = document.querySelector('#doc-obligations li.opened').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
    );
    assert_eq!(in_view, json!(true));
    let pager_shown =
        b.script("return getComputedStyle(document.querySelector('#pager')).display;");
    assert_eq!(pager_shown, json!("none"));
    let back = b.script("return document.querySelector('#document a.back').textContent;");
    assert!(back.as_str().unwrap().contains("出庭应诉率"), "{back}");
    b.session("POST", "/back", Some(json!({})));
    assert_eq!(b.wait_for(HIT_IDS, &suzhou), suzhou);
}

#[test]
fn at_phone_width_the_page_has_no_sideways_scroll_and_shows_a_result_first() {
    let data = sample_data();
    let (server, b) = start(data.path());
    b.session(
        "POST",
        "/window/rect",
        Some(json!({"width": 390, "height": 844})),
    );
    b.open(&format!(
        "http://{}/?q=%E5%87%BA%E5%BA%AD%E5%BA%94%E8%AF%89%E7%8E%87",
        server.addr
    ));
    let ready = b.wait_for("return document.body.dataset.state;", &json!("ready"));
    assert_eq!(ready, json!("ready"));
    let width = b.script("return window.innerWidth;");
    assert!(width.as_i64().unwrap() <= 420, "the window is {width} wide");
    let overflow = b.script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    );
    assert_eq!(overflow, json!(0), "the page scrolls sideways");
    let folded = b.script("return document.querySelector('#facet-box').open;");
    assert_eq!(folded, json!(false));
    let first_in_view = b.script(
        "return document.querySelector('#results li.hit').getBoundingClientRect().top < window.innerHeight;",
    );
    assert_eq!(first_in_view, json!(true));
    // A screenshot for a person to look at, beside the test's other outputs.
    let png = b.session("GET", "/screenshot", None);
    assert!(
        png.as_str().is_some_and(|s| s.len() > 1000),
        "no screenshot"
    );
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-390px.png.base64"),
        png.as_str().unwrap_or_default(),
    );
}

#[test]
fn a_long_obligation_shows_its_window_and_its_matched_metric_first_with_the_rest_counted() {
    let (data, whole) = crate::serve::long_obligation_data();
    let (server, b) = start(data.path());
    b.open(&format!(
        "http://{}/?q={}",
        server.addr,
        encode("出庭应诉率")
    ));
    let one = json!([whole.id]);
    assert_eq!(b.wait_for(HIT_IDS, &one), one);
    // The snippet is cut on both sides of a text the card no longer holds whole.
    let snippet = b.script("return document.querySelector('#results .snippet').textContent;");
    let snippet = snippet.as_str().unwrap();
    assert!(
        snippet.starts_with('…') && snippet.ends_with('…'),
        "{snippet}"
    );
    // Four chips shown (the matched one first), four folded, the rest counted.
    let chips = b.script(
        "const dd = document.querySelector('#results li.hit dd:has(.tag.matched)'); return [dd.querySelector('.tag').textContent, dd.querySelectorAll(':scope > .tag').length, dd.querySelectorAll('details .tag').length, dd.querySelector('.omitted').textContent];",
    );
    assert_eq!(chips[0], json!("出庭应诉率 = 96.6%"), "{chips}");
    assert_eq!(chips[1], json!(4), "{chips}");
    assert_eq!(chips[2], json!(duban_index::HIT_METRICS - 4), "{chips}");
    assert!(
        chips[3].as_str().unwrap().contains(&format!(
            "{} more in the document",
            30 - duban_index::HIT_METRICS
        )),
        "{chips}"
    );
}

#[test]
fn markup_in_indexed_text_is_shown_as_text_not_run() {
    let data = sample_data();
    let (server, b) = start(data.path());
    b.open(&format!(
        "http://{}/?q=%E9%87%8D%E5%A4%A7%E8%A1%8C%E6%94%BF%E5%86%B3%E7%AD%96",
        server.addr
    ));
    let one = json!(["file:sample/wuxi-2016.txt#3."]);
    assert_eq!(b.wait_for(HIT_IDS, &one), one);
    let shown = b.script("return document.querySelector('#results .snippet').textContent;");
    assert!(
        shown
            .as_str()
            .unwrap()
            .contains("<script>alert(1)</script>"),
        "{shown}"
    );
    let elements =
        b.script("return document.querySelectorAll('#results script, #results b').length;");
    assert_eq!(elements, json!(0));
}

#[test]
fn the_document_view_lists_the_obligations() {
    let data = sample_data();
    let (server, b) = start(data.path());
    b.open(&format!(
        "http://{}/?doc=file%3Asample%2Fzhaohua-2013.txt",
        server.addr
    ));
    let n = b.wait_for(
        "return document.querySelectorAll('#doc-obligations li').length;",
        &json!(3),
    );
    assert_eq!(n, json!(3));
}
