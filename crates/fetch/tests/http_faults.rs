//! One GET at a time against the loopback site: retries, Retry-After, 4xx, redirects,
//! compression and size limits.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_fetch::HttpSource;
use duban_fetch::Url;
use duban_fetch::http::{FetchFailure, Fetched, Fetcher};
use duban_testkit::site_server::{GZIP_PAGE, SiteServer};
use std::path::PathBuf;

fn server() -> SiteServer {
    SiteServer::start(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpora/sites/www.linjiang.gov.cn"),
    )
    .unwrap()
}

fn fetcher(base: &str, extra: &str) -> Fetcher {
    let text = format!(
        "id = \"t\"\nstart_urls = [\"{base}/\"]\n[politeness]\nrequests_per_sec = 1000.0\nretry_base_secs = 0.01\n{extra}"
    );
    let source: HttpSource = toml::from_str(&text).unwrap();
    Fetcher::new(&source).unwrap()
}

fn get(f: &Fetcher, base: &str, path: &str) -> Fetched {
    let url = Url::parse(&format!("{base}{path}")).unwrap();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(f.get(&url, None))
}

#[test]
fn a_retry_after_longer_than_allowed_fails_without_a_second_request() {
    let s = server();
    let f = fetcher(&s.base_url(), "max_retry_after_secs = 0.5\n");
    match get(&f, &s.base_url(), "/xxgk/busy.html") {
        Fetched::Failed(FetchFailure::RetryAfterTooLong {
            status: 429,
            secs: 1,
        }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(s.statuses("/xxgk/busy.html"), [429]);
}

#[test]
fn too_many_requests_is_retried_after_the_delay_asked_for() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    assert!(matches!(
        get(&f, &s.base_url(), "/xxgk/busy.html"),
        Fetched::Body(_)
    ));
    assert_eq!(s.statuses("/xxgk/busy.html"), [429, 200]);
}

#[test]
fn forbidden_is_not_retried() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    match get(&f, &s.base_url(), "/xxgk/forbidden.html") {
        Fetched::Failed(FetchFailure::Status {
            status: 403,
            attempts: 1,
        }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(s.statuses("/xxgk/forbidden.html"), [403]);
}

#[test]
fn a_redirect_on_the_same_host_is_followed_to_its_final_url() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    let Fetched::Body(b) = get(&f, &s.base_url(), "/xxgk/old.html") else {
        panic!("no body")
    };
    assert!(b.final_url.path().ends_with("t20240315_1001.html"));
}

#[test]
fn a_gzip_encoded_page_arrives_decoded() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    let Fetched::Body(b) = get(&f, &s.base_url(), "/xxgk/gzip.html") else {
        panic!("no body")
    };
    assert_eq!(b.bytes, GZIP_PAGE.as_bytes());
}

#[test]
fn a_page_over_the_size_limit_fails() {
    let s = server();
    let f = fetcher(&s.base_url(), "[limits]\nmax_response_bytes = 1_000_000\n");
    match get(&f, &s.base_url(), "/xxgk/big.html") {
        Fetched::Failed(FetchFailure::TooLarge { limit: 1_000_000 }) => {}
        other => panic!("{other:?}"),
    }
}

/// A second loopback site on another port: what a redirect must not reach.
fn other_port_server() -> SiteServer {
    server()
}

#[test]
fn a_redirect_to_another_port_of_the_same_host_is_refused_in_any_notation() {
    let s = server();
    let other = other_port_server();
    let f = fetcher(&s.base_url(), "");
    let port = other.port();
    for (i, to) in [
        format!("http://127.0.0.1:{port}/xxgk/index.html"),
        format!("http://2130706433:{port}/xxgk/index.html"),
        format!("http://0x7f.0.0.1:{port}/xxgk/index.html"),
        format!("http://0177.0.0.1:{port}/xxgk/index.html"),
        format!("http://127.1:{port}/xxgk/index.html"),
        format!("http://[::ffff:127.0.0.1]:{port}/xxgk/index.html"),
    ]
    .iter()
    .enumerate()
    {
        let from = format!("/r/port{i}.html");
        s.redirect(&from, to);
        match get(&f, &s.base_url(), &from) {
            Fetched::Failed(f @ FetchFailure::ForeignRedirect { .. }) => {
                let reason = f.to_string();
                assert!(reason.contains("outside allowed_hosts"), "{to}: {reason}");
            }
            other => panic!("{to}: {other:?}"),
        }
    }
    assert!(other.requests().is_empty(), "{:?}", other.requests());
}

#[test]
fn a_redirect_to_the_same_origin_in_another_notation_is_fetched_under_its_canonical_url() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    s.redirect(
        "/r/decimal.html",
        &format!(
            "http://2130706433:{}/xxgk/202403/t20240315_1001.html",
            s.port()
        ),
    );
    let Fetched::Body(b) = get(&f, &s.base_url(), "/r/decimal.html") else {
        panic!("no body")
    };
    assert_eq!(
        b.final_url.as_str(),
        format!("{}/xxgk/202403/t20240315_1001.html", s.base_url())
    );
}

#[test]
fn a_redirect_with_user_info_is_followed_without_it() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    s.redirect(
        "/r/userinfo.html",
        &format!(
            "http://169.254.169.254@127.0.0.1:{}/xxgk/202403/t20240315_1001.html",
            s.port()
        ),
    );
    let Fetched::Body(b) = get(&f, &s.base_url(), "/r/userinfo.html") else {
        panic!("no body")
    };
    assert_eq!(b.final_url.username(), "");
    assert!(!b.final_url.as_str().contains("169.254"), "{}", b.final_url);
}

#[test]
fn a_redirect_to_another_scheme_is_refused_by_name() {
    let s = server();
    let f = fetcher(&s.base_url(), "");
    for (from, to, scheme) in [
        ("/r/file.html", "file:///etc/passwd".to_string(), "file"),
        (
            "/r/gopher.html",
            format!("gopher://127.0.0.1:{}/_GET", s.port()),
            "gopher",
        ),
    ] {
        s.redirect(from, &to);
        match get(&f, &s.base_url(), from) {
            Fetched::Failed(f @ FetchFailure::ForeignRedirect { .. }) => {
                let reason = f.to_string();
                assert!(
                    reason.contains(&format!("scheme {scheme}: is not crawled")),
                    "{reason}"
                );
                assert!(!reason.contains("builder error"), "{reason}");
            }
            other => panic!("{to}: {other:?}"),
        }
    }
}
