//! A loopback government site for tests and benchmarks: the files of a folder of
//! `corpora/sites/` served on `127.0.0.1` (an ephemeral port), with the behaviours a crawler
//! meets on real sites.
//!
//! - Static files with `ETag` and `Last-Modified`, answering conditional requests with 304;
//!   `?page=N` serves `<stem>_pN.<ext>`; a `_headers` file in the site root sets
//!   `Content-Type` per path (`/a.html<TAB>text/html; charset=GBK`), else UTF-8 files are sent
//!   as `text/html; charset=utf-8` and others as bare `text/html`.
//! - Scripted paths: `/xxgk/slow.html` (answers after [`SLOW_PAGE_DELAY`]),
//!   `/xxgk/flaky.html` (500 on the first request, then the file), `/loop/a.html` ↔
//!   `/loop/b.html` (a redirect loop), `/xxgk/moved.html` (a redirect to a foreign host),
//!   `/xxgk/big.html` (a 20 MB page), `/xxgk/busy.html` (429 with `Retry-After: 1` on the
//!   first request, then 200), `/xxgk/forbidden.html` (403), `/xxgk/old.html` (a redirect to a
//!   detail page on the same host), `/xxgk/gzip.html` (a gzip-encoded page). A missing file is a
//!   404.
//! - Changes between runs: [`SiteServer::put`] replaces or adds a page, [`SiteServer::remove`]
//!   makes one 404, [`SiteServer::redirect`] makes one a 302 to any `Location`.
//!
//! A test fixture only: nothing here is used by a crawl.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long `/xxgk/slow.html` takes to answer.
pub const SLOW_PAGE_DELAY: Duration = Duration::from_secs(2);
/// The size of `/xxgk/big.html`.
pub const BIG_PAGE_BYTES: usize = 20 * 1024 * 1024;
/// The page `/xxgk/gzip.html` sends gzip-encoded.
pub const GZIP_PAGE: &str =
    "<html><body><div class=\"TRS_Editor\"><p>压缩传输的政务公开页面。</p></div></body></html>";
/// The `Last-Modified` of every file (files in git have no stable mtime).
const LAST_MODIFIED: &str = "Mon, 04 Mar 2024 08:00:00 GMT";

/// A running loopback site; it stops when dropped.
pub struct SiteServer {
    addr: SocketAddr,
    site: Arc<Site>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

struct Site {
    root: PathBuf,
    headers: HashMap<String, String>,
    overrides: Mutex<HashMap<String, Option<Vec<u8>>>>,
    redirects: Mutex<HashMap<String, String>>,
    hits: Mutex<Vec<(String, u16)>>,
}

impl SiteServer {
    /// Serves `root` (a folder of `corpora/sites/`) on `127.0.0.1:0` from a thread of its own.
    pub fn start(root: &Path) -> std::io::Result<SiteServer> {
        let headers = read_headers(&root.join("_headers"));
        let site = Arc::new(Site {
            root: root.to_path_buf(),
            headers,
            overrides: Mutex::new(HashMap::new()),
            redirects: Mutex::new(HashMap::new()),
            hits: Mutex::new(Vec::new()),
        });
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let served = site.clone();
        let thread = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                let app = axum::Router::new().fallback(serve).with_state(served);
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await;
            });
        });
        Ok(SiteServer {
            addr,
            site,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Serves `bytes` at `path` from now on (a changed or new page).
    pub fn put(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        lock(&self.site.overrides).insert(path.to_string(), Some(bytes.into()));
    }

    /// Answers 404 at `path` from now on (a withdrawn page).
    pub fn remove(&self, path: &str) {
        lock(&self.site.overrides).insert(path.to_string(), None);
    }

    /// Answers `302 Found` with `Location: location` at `path` from now on (written as given,
    /// so a test can send any scheme, host notation or user-info).
    pub fn redirect(&self, path: &str, location: &str) {
        lock(&self.site.redirects).insert(path.to_string(), location.to_string());
    }

    /// Every request so far: path (with query) and status, in order.
    pub fn requests(&self) -> Vec<(String, u16)> {
        lock(&self.site.hits).clone()
    }

    /// Forgets the requests so far.
    pub fn clear_requests(&self) {
        lock(&self.site.hits).clear();
    }

    /// The statuses served for `path`.
    pub fn statuses(&self, path: &str) -> Vec<u16> {
        lock(&self.site.hits)
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, s)| *s)
            .collect()
    }
}

impl Drop for SiteServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn read_headers(path: &Path) -> HashMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, v)| (p.trim().to_string(), v.trim().to_string()))
        .collect()
}

async fn serve(State(site): State<Arc<Site>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let shown = match &query {
        Some(q) => format!("{path}?{q}"),
        None => path.clone(),
    };
    let resp = answer(&site, &path, query.as_deref(), req.headers()).await;
    lock(&site.hits).push((shown, resp.status().as_u16()));
    resp
}

fn status(code: StatusCode) -> Response {
    let mut r = Response::new(Body::from(format!("{code}")));
    *r.status_mut() = code;
    r
}

fn redirect(code: StatusCode, to: &str) -> Response {
    let mut r = status(code);
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// The answer of a scripted path, or `None` to serve the path's file.
async fn scripted(site: &Site, path: &str) -> Option<Response> {
    if let Some(to) = lock(&site.redirects).get(path) {
        return Some(redirect(StatusCode::FOUND, to));
    }
    match path {
        "/loop/a.html" => return Some(redirect(StatusCode::FOUND, "/loop/b.html")),
        "/loop/b.html" => return Some(redirect(StatusCode::FOUND, "/loop/a.html")),
        "/xxgk/moved.html" => {
            return Some(redirect(
                StatusCode::MOVED_PERMANENTLY,
                "http://www.foreign.example/xxgk/moved.html",
            ));
        }
        "/xxgk/big.html" => {
            let mut body = String::from("<html><body>");
            while body.len() < BIG_PAGE_BYTES {
                body.push_str("<p>这是一个用于测试响应大小上限的超大页面。</p>\n");
            }
            let mut r = Response::new(Body::from(body));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            return Some(r);
        }
        "/xxgk/slow.html" => tokio::time::sleep(SLOW_PAGE_DELAY).await,
        "/xxgk/forbidden.html" => return Some(status(StatusCode::FORBIDDEN)),
        "/xxgk/old.html" => {
            return Some(redirect(
                StatusCode::MOVED_PERMANENTLY,
                "/xxgk/202403/t20240315_1001.html",
            ));
        }
        "/xxgk/busy.html" => {
            let first = !lock(&site.hits).iter().any(|(p, _)| p == path);
            let mut r = if first {
                let mut r = status(StatusCode::TOO_MANY_REQUESTS);
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
                r
            } else {
                Response::new(Body::from(
                    "<html><body><p>稍后重试成功。</p></body></html>",
                ))
            };
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            return Some(r);
        }
        "/xxgk/gzip.html" => {
            use std::io::Write;
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            let _ = enc.write_all(GZIP_PAGE.as_bytes());
            let mut r = Response::new(Body::from(enc.finish().unwrap_or_default()));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            return Some(r);
        }
        "/xxgk/flaky.html" => {
            let first = !lock(&site.hits).iter().any(|(p, _)| p == path);
            if first {
                return Some(status(StatusCode::INTERNAL_SERVER_ERROR));
            }
        }
        _ => {}
    }
    None
}

async fn answer(site: &Site, path: &str, query: Option<&str>, headers: &HeaderMap) -> Response {
    if let Some(r) = scripted(site, path).await {
        return r;
    }
    let mut file_path = path.to_string();
    if file_path.ends_with('/') {
        file_path.push_str("index.html");
    }
    if let Some(n) = query
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("page=")))
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        && let Some((stem, ext)) = file_path.rsplit_once('.')
    {
        file_path = format!("{stem}_p{n}.{ext}");
    }
    let overridden = lock(&site.overrides).get(&file_path).cloned();
    let bytes = match overridden {
        Some(Some(b)) => b,
        Some(None) => return status(StatusCode::NOT_FOUND),
        None => {
            let rel = file_path.trim_start_matches('/');
            if rel.split('/').any(|c| c == ".." || c.starts_with('_')) {
                return status(StatusCode::NOT_FOUND);
            }
            match tokio::fs::read(site.root.join(rel)).await {
                Ok(b) => b,
                Err(_) => return status(StatusCode::NOT_FOUND),
            }
        }
    };
    let etag = format!("\"{}\"", &duban_model::sha256_hex(&bytes)[..16]);
    let content_type = site.headers.get(&file_path).cloned().unwrap_or_else(|| {
        let ext = file_path.rsplit('.').next().unwrap_or("");
        match ext {
            "txt" => "text/plain; charset=utf-8".into(),
            "pdf" => "application/pdf".into(),
            _ if std::str::from_utf8(&bytes).is_ok() => "text/html; charset=utf-8".into(),
            _ => "text/html".into(),
        }
    });
    let inm = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok());
    let ims = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok());
    let not_modified = match (inm, ims) {
        (Some(tags), _) => tags.split(',').any(|t| t.trim() == etag),
        (None, Some(since)) => match (
            httpdate::parse_http_date(since),
            httpdate::parse_http_date(LAST_MODIFIED),
        ) {
            (Ok(s), Ok(lm)) => lm <= s,
            _ => false,
        },
        _ => false,
    };
    let mut r = if not_modified {
        status(StatusCode::NOT_MODIFIED)
    } else {
        let mut r = Response::new(Body::from(bytes));
        if let Ok(v) = HeaderValue::from_str(&content_type) {
            r.headers_mut().insert(header::CONTENT_TYPE, v);
        }
        r
    };
    if let Ok(v) = HeaderValue::from_str(&etag) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r.headers_mut().insert(
        header::LAST_MODIFIED,
        HeaderValue::from_static(LAST_MODIFIED),
    );
    r
}
