//! How `duban serve` takes connections: a cap on open connections, a time limit on reading a
//! request's header (which also closes idle keep-alive connections), a time limit on answering,
//! and size limits on the header, the URI and the body.
//!
//! The limits come from well-kept crates: hyper's HTTP/1 `header_read_timeout` and
//! `max_buf_size`, tower-http's `TimeoutLayer` and `RequestBodyLimitLayer`; hyper-util's
//! graceful shutdown waits for open connections at Ctrl-C. What is written here is the accept loop — a semaphore permit is
//! taken *before* accepting, so connections over the cap wait in the kernel's backlog (holding
//! no file descriptor of ours) until a slot frees — and the URI length check, which no layer
//! offers. The server speaks HTTP/1.1 only (the page and API never needed HTTP/2).
//!
//! This module does not route or answer requests ([`super::router`] does).

use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The server's limits (each a `duban serve` option).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Open connections at most; more wait to be accepted.
    pub max_connections: usize,
    /// Time to receive a request's whole header, counted from when the server starts waiting
    /// for it — so a keep-alive connection idle this long is closed too.
    pub header_timeout: Duration,
    /// Time to answer a request once its header is read (408 after it).
    pub request_timeout: Duration,
    /// Bytes of the request line and headers together (431 beyond; at least 8192, hyper's
    /// least buffer).
    pub max_header_bytes: usize,
    /// Bytes of a request's URI (414 beyond).
    pub max_uri_bytes: usize,
    /// Bytes of a request's body (413 beyond; the API takes none).
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 128,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_header_bytes: 32 * 1024,
            max_uri_bytes: 16 * 1024,
            max_body_bytes: 16 * 1024,
        }
    }
}

/// hyper refuses a read buffer smaller than this.
const HYPER_LEAST_BUF: usize = 8192;

/// `router` with the per-request limits: body size, URI length, time to answer.
pub fn with_limits(router: Router, limits: &Limits) -> Router {
    let max_uri = limits.max_uri_bytes;
    router
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(axum::middleware::from_fn(
            move |req: Request, next: Next| uri_limit(req, next, max_uri),
        ))
}

async fn uri_limit(req: Request, next: Next, max: usize) -> Response {
    let len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if len > max {
        return (
            StatusCode::URI_TOO_LONG,
            axum::Json(serde_json::json!({
                "error": format!("URI of {len} bytes, over the limit of {max} (--max-uri-bytes)")
            })),
        )
            .into_response();
    }
    next.run(req).await
}

/// Serves `router` on `listener` within `limits` until `shutdown` completes, then waits for
/// open connections to finish (at most `limits.request_timeout`).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: &Limits,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(limits.max_header_bytes.max(HYPER_LEAST_BUF));
    let builder = Arc::new(builder);
    let graceful = GracefulShutdown::new();
    let service = TowerToHyperService::new(router);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!(error = %e, "Accepting a connection failed.");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let builder = builder.clone();
        let service = service.clone();
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            if let Err(e) = watcher.watch(conn).await {
                tracing::debug!(error = %e, "Connection ended with an error.");
            }
            drop(permit);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(limits.request_timeout, graceful.shutdown()).await;
}
