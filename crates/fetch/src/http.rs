//! One polite HTTP GET: robots.txt, the host gate, conditional headers, retries, redirects
//! kept to the allowed hosts, and a size limit on the body.
//!
//! Redirects are followed here rather than by reqwest so that every hop is checked against the
//! allowed hosts and robots.txt, loops are named as loops, and each hop waits at its host's
//! gate. Bodies are decompressed (gzip, deflate, br) by reqwest and counted after
//! decompression, so a compressed bomb hits the limit too. This module does not decide what a
//! page is or where its links go.

use crate::charset::charset_from_content_type;
use crate::config::HttpSource;
use crate::politeness::{HostGates, HostPermit, interval};
use crate::retry::{backoff, retry_after, retryable_error, retryable_status};
use crate::robots::{RobotsRules, product_token};
use crate::scope::{OutOfScope, Scope};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tokio::sync::OnceCell;
use url::Url;

/// Why a fetch failed, after any retries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchFailure {
    /// No response in time.
    #[error("timed out after {attempts} attempts")]
    Timeout {
        /// Attempts made.
        attempts: u32,
    },
    /// The connection failed.
    #[error("connection failed after {attempts} attempts: {reason}")]
    Connect {
        /// Attempts made.
        attempts: u32,
        /// The transport's reason.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("HTTP {status} after {attempts} attempts")]
    Status {
        /// The last status.
        status: u16,
        /// Attempts made.
        attempts: u32,
    },
    /// The server asked to come back later than we wait.
    #[error("HTTP {status} with Retry-After {secs} s, longer than max_retry_after_secs")]
    RetryAfterTooLong {
        /// The status.
        status: u16,
        /// The delay asked for.
        secs: u64,
    },
    /// The body is larger than `max_response_bytes`.
    #[error("response larger than {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
    /// The host's robots.txt could not be fetched (a network error or 5xx): RFC 9309 has the
    /// host not crawled, and the run says the host was down.
    #[error("robots.txt unreachable ({reason}); the host was not crawled")]
    RobotsUnreachable {
        /// Why robots.txt could not be fetched.
        reason: String,
    },
    /// A redirect leads out of the source's scope: another scheme, host or port.
    #[error("redirect refused: {reason}")]
    ForeignRedirect {
        /// Where it leads.
        to: String,
        /// Why it is out of scope.
        reason: OutOfScope,
    },
    /// The URL asked for is out of the source's scope (a frontier entry from an older scope).
    #[error("not fetched: {0}")]
    OutOfScope(OutOfScope),
    /// A redirect leads back to a URL already visited.
    #[error("redirect loop at {at}")]
    RedirectLoop {
        /// The URL seen twice.
        at: String,
    },
    /// More redirects than `max_redirects`.
    #[error("more than {limit} redirects")]
    TooManyRedirects {
        /// The limit.
        limit: u32,
    },
    /// A redirect without a usable `Location`.
    #[error("redirect {status} without a usable Location")]
    BadRedirect {
        /// The status.
        status: u16,
    },
    /// The body could not be read.
    #[error("reading the body failed: {reason}")]
    Body {
        /// The transport's reason.
        reason: String,
    },
}

/// A body received with 2xx.
#[derive(Debug, Clone)]
pub struct Body {
    /// The URL after redirects.
    pub final_url: Url,
    /// The status (2xx).
    pub status: u16,
    /// The bytes, decompressed.
    pub bytes: Vec<u8>,
    /// `ETag`.
    pub etag: Option<String>,
    /// `Last-Modified`.
    pub last_modified: Option<String>,
    /// The media type of `Content-Type`, lower case (`text/html`).
    pub content_type: Option<String>,
    /// The charset of `Content-Type`.
    pub charset: Option<String>,
}

/// What a GET came to.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// 2xx with a body.
    Body(Body),
    /// 304: the validators still hold.
    NotModified {
        /// The URL after redirects.
        final_url: Url,
    },
    /// 404 or 410.
    Gone {
        /// The status.
        status: u16,
    },
    /// robots.txt disallows the URL (or a redirect target).
    Robots {
        /// The URL refused.
        url: Url,
    },
    /// Failed, with the reason.
    Failed(FetchFailure),
}

/// Validators from the last fetch, for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    /// Sent as `If-None-Match`.
    pub etag: Option<String>,
    /// Sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// Counters the fetcher keeps while it works.
#[derive(Debug, Default)]
pub struct FetchCounters {
    /// Retries made.
    pub retries: std::sync::atomic::AtomicU64,
    /// robots.txt files fetched.
    pub robots_fetched: std::sync::atomic::AtomicU64,
}

/// The HTTP side of a crawl: a client, host gates and the robots.txt cache.
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    gates: HostGates,
    robots: Mutex<HashMap<String, Arc<OnceCell<RobotsRules>>>>,
    scope: Scope,
    agent: String,
    requests_per_sec: f64,
    obey_robots: bool,
    honor_crawl_delay: bool,
    max_retries: u32,
    retry_base: Duration,
    max_retry_after: Duration,
    max_redirects: u32,
    max_bytes: u64,
    /// Counters.
    pub counters: FetchCounters,
}

/// A client with Duban's settings: named user agent, timeouts, no automatic redirects,
/// compressed transfer, and a connection pool sized to the per-host limit.
pub fn client(source: &HttpSource) -> Result<reqwest::Client, reqwest::Error> {
    let p = &source.politeness;
    let timeout = Duration::from_secs_f64(p.timeout_secs);
    reqwest::Client::builder()
        .user_agent(p.user_agent.clone())
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .connect_timeout(timeout)
        .pool_max_idle_per_host(p.connections_per_host)
        .gzip(true)
        .deflate(true)
        .brotli(true)
        .build()
}

impl Fetcher {
    /// A fetcher for one source.
    pub fn new(source: &HttpSource) -> Result<Self, reqwest::Error> {
        let p = &source.politeness;
        Ok(Fetcher {
            client: client(source)?,
            gates: HostGates::new(p.connections_per_host),
            robots: Mutex::new(HashMap::new()),
            scope: source.scope(),
            agent: product_token(&p.user_agent).to_ascii_lowercase(),
            requests_per_sec: p.requests_per_sec,
            obey_robots: p.obey_robots,
            honor_crawl_delay: p.honor_crawl_delay,
            max_retries: p.max_retries,
            retry_base: Duration::from_secs_f64(p.retry_base_secs),
            max_retry_after: Duration::from_secs_f64(p.max_retry_after_secs),
            max_redirects: source.limits.max_redirects,
            max_bytes: source.limits.max_response_bytes,
            counters: FetchCounters::default(),
        })
    }

    /// What the source may fetch.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// GETs `url`, following redirects within the source's scope; a redirect's user-info is
    /// dropped (with a warning), never sent.
    pub async fn get(&self, url: &Url, validators: Option<&Validators>) -> Fetched {
        let mut current = match self.scope.admit(url) {
            Ok(a) => a.url,
            Err(reason) => return Fetched::Failed(FetchFailure::OutOfScope(reason)),
        };
        let mut seen = vec![current.clone()];
        let mut hops = 0;
        loop {
            let rules = self.robots_for(&current).await;
            if self.obey_robots && !rules.allows(&self.agent, current.as_str()) {
                if let Some(reason) = rules.unreachable() {
                    return Fetched::Failed(FetchFailure::RobotsUnreachable {
                        reason: reason.to_string(),
                    });
                }
                return Fetched::Robots { url: current };
            }
            let gap = interval(
                self.requests_per_sec,
                rules.crawl_delay().filter(|_| self.honor_crawl_delay),
            );
            let answer = self
                .attempts(&current, if hops == 0 { validators } else { None }, gap)
                .await;
            match answer {
                Answer::Redirect(status, location) => {
                    let Some(next) = location.and_then(|l| current.join(&l).ok()) else {
                        return Fetched::Failed(FetchFailure::BadRedirect { status });
                    };
                    let next = match self.scope.admit(&next) {
                        Ok(a) => {
                            if a.had_user_info {
                                tracing::warn!(from = %current, to = %a.url, "Redirect with user-info: the user-info was removed, not sent.");
                            }
                            a.url
                        }
                        Err(reason) => {
                            return Fetched::Failed(FetchFailure::ForeignRedirect {
                                to: next.to_string(),
                                reason,
                            });
                        }
                    };
                    hops += 1;
                    if seen.contains(&next) {
                        return Fetched::Failed(FetchFailure::RedirectLoop {
                            at: next.to_string(),
                        });
                    }
                    if hops > self.max_redirects {
                        return Fetched::Failed(FetchFailure::TooManyRedirects {
                            limit: self.max_redirects,
                        });
                    }
                    seen.push(next.clone());
                    current = next;
                }
                Answer::Done(mut f) => {
                    match &mut f {
                        Fetched::Body(b) => b.final_url = current,
                        Fetched::NotModified { final_url } => *final_url = current,
                        _ => {}
                    }
                    return f;
                }
            }
        }
    }

    /// Tries one URL up to `1 + max_retries` times; each try waits at the host gate.
    async fn attempts(&self, url: &Url, validators: Option<&Validators>, gap: Duration) -> Answer {
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let permit = self.gates.enter(&host, gap).await;
            let outcome = self.once(url, validators, &permit).await;
            drop(permit);
            let wait = match outcome {
                Once::Answer(a) => return a,
                Once::Final(f) => return Answer::Done(Fetched::Failed(f)),
                Once::Retry { failure, after } => {
                    if attempt > self.max_retries {
                        return Answer::Done(Fetched::Failed(with_attempts(failure, attempt)));
                    }
                    match after {
                        Some(d) if d > self.max_retry_after => {
                            let status = match failure {
                                FetchFailure::Status { status, .. } => status,
                                _ => 0,
                            };
                            return Answer::Done(Fetched::Failed(
                                FetchFailure::RetryAfterTooLong {
                                    status,
                                    secs: d.as_secs(),
                                },
                            ));
                        }
                        Some(d) => d,
                        None => backoff(self.retry_base, attempt - 1, url.as_str()),
                    }
                }
            };
            self.counters
                .retries
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            tracing::debug!(url = %url, attempt, wait_ms = wait.as_millis() as u64, "Retrying request.");
            tokio::time::sleep(wait).await;
        }
    }

    /// One request; the caller holds the host permit.
    async fn once(&self, url: &Url, validators: Option<&Validators>, _permit: &HostPermit) -> Once {
        let mut req = self.client.get(url.clone());
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                req = req.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &v.last_modified {
                req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
            }
        }
        let mut resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return transport_failure(&e),
        };
        let status = resp.status().as_u16();
        let header = |name: reqwest::header::HeaderName| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if (300..400).contains(&status) && status != 304 {
            return Once::Answer(Answer::Redirect(status, header(reqwest::header::LOCATION)));
        }
        match status {
            304 => {
                return Once::Answer(Answer::Done(Fetched::NotModified {
                    final_url: url.clone(),
                }));
            }
            404 | 410 => return Once::Answer(Answer::Done(Fetched::Gone { status })),
            s if retryable_status(s) => {
                let after = header(reqwest::header::RETRY_AFTER)
                    .and_then(|v| retry_after(&v, SystemTime::now()));
                return Once::Retry {
                    failure: FetchFailure::Status {
                        status,
                        attempts: 1,
                    },
                    after,
                };
            }
            s if !(200..300).contains(&s) => {
                return Once::Final(FetchFailure::Status {
                    status,
                    attempts: 1,
                });
            }
            _ => {}
        }
        let etag = header(reqwest::header::ETAG);
        let last_modified = header(reqwest::header::LAST_MODIFIED);
        let content_type_header = header(reqwest::header::CONTENT_TYPE);
        if resp.content_length().is_some_and(|n| n > self.max_bytes) {
            return Once::Final(FetchFailure::TooLarge {
                limit: self.max_bytes,
            });
        }
        let mut bytes = Vec::new();
        loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() as u64 + chunk.len() as u64 > self.max_bytes {
                        return Once::Final(FetchFailure::TooLarge {
                            limit: self.max_bytes,
                        });
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return transport_failure(&e),
            }
        }
        let content_type = content_type_header.as_deref().map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        Once::Answer(Answer::Done(Fetched::Body(Body {
            final_url: url.clone(),
            status,
            bytes,
            etag,
            last_modified,
            charset: content_type_header
                .as_deref()
                .and_then(charset_from_content_type),
            content_type,
        })))
    }

    /// The robots.txt rules of `url`'s origin, fetched once per crawl.
    async fn robots_for(&self, url: &Url) -> RobotsRules {
        if !self.obey_robots && !self.honor_crawl_delay {
            return RobotsRules::allow_all();
        }
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut map = self.robots.lock().unwrap_or_else(|p| p.into_inner());
            map.entry(origin.clone()).or_default().clone()
        };
        cell.get_or_init(|| self.fetch_robots(origin)).await.clone()
    }

    async fn fetch_robots(&self, origin: String) -> RobotsRules {
        self.counters
            .robots_fetched
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Ok(mut url) = Url::parse(&format!("{origin}/robots.txt")) else {
            return RobotsRules::allow_all();
        };
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        // RFC 9309: follow up to five redirects; unreachable (5xx, network) means disallow all,
        // missing (4xx) means allow all.
        for _ in 0..5 {
            let permit = self
                .gates
                .enter(&host, interval(self.requests_per_sec, None))
                .await;
            let resp = self.client.get(url.clone()).send().await;
            let rules = match resp {
                Ok(r) if r.status().is_redirection() => {
                    let next = r
                        .headers()
                        .get(reqwest::header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|l| url.join(l).ok())
                        .and_then(|n| self.scope.admit(&n).ok());
                    match next {
                        Some(n) => {
                            url = n.url;
                            continue;
                        }
                        None => RobotsRules::allow_all(),
                    }
                }
                Ok(r) if r.status().is_success() => match r.text().await {
                    Ok(body) => RobotsRules::parse(&body, &self.agent),
                    Err(e) => RobotsRules::unreachable_because(format!("body not read: {e}")),
                },
                Ok(r) if r.status().is_client_error() => RobotsRules::allow_all(),
                Ok(r) => {
                    tracing::warn!(origin = %origin, status = r.status().as_u16(), "robots.txt unreachable; not crawling the host.");
                    RobotsRules::unreachable_because(format!("HTTP {}", r.status().as_u16()))
                }
                Err(e) => {
                    tracing::warn!(origin = %origin, error = %e, "robots.txt unreachable; not crawling the host.");
                    RobotsRules::unreachable_because(e.to_string())
                }
            };
            drop(permit);
            return rules;
        }
        RobotsRules::allow_all()
    }
}

enum Answer {
    Redirect(u16, Option<String>),
    Done(Fetched),
}

enum Once {
    Answer(Answer),
    Retry {
        failure: FetchFailure,
        after: Option<Duration>,
    },
    Final(FetchFailure),
}

fn transport_failure(e: &reqwest::Error) -> Once {
    let failure = if e.is_timeout() {
        FetchFailure::Timeout { attempts: 1 }
    } else if e.is_connect() {
        FetchFailure::Connect {
            attempts: 1,
            reason: error_chain(e),
        }
    } else {
        FetchFailure::Body {
            reason: error_chain(e),
        }
    };
    if retryable_error(e) {
        Once::Retry {
            failure,
            after: None,
        }
    } else {
        Once::Final(failure)
    }
}

fn with_attempts(f: FetchFailure, attempts: u32) -> FetchFailure {
    match f {
        FetchFailure::Timeout { .. } => FetchFailure::Timeout { attempts },
        FetchFailure::Connect { reason, .. } => FetchFailure::Connect { attempts, reason },
        FetchFailure::Status { status, .. } => FetchFailure::Status { status, attempts },
        other => other,
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}
