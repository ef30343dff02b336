//! The crawl of one source: a frontier of URLs, a bounded pool of workers, and the
//! bookkeeping that makes nightly re-runs incremental.
//!
//! The coordinator (this module, on the caller's task) owns the frontier and the
//! [`CrawlStore`]; workers (tokio tasks, spread over the runtime's threads) fetch a page, store
//! its body in the [`Archive`], parse its links and, for a detail page, fetch and stitch its
//! other pages. The coordinator then records the outcome, queues new links and hands documents
//! out in batches ([`Crawl::next_batch`]) so the caller can extract them while the workers keep
//! fetching.
//!
//! Incremental rules: a URL with a stored body is requested with its validators; on 304 the
//! archived body stands in for the response. A document is handed out only when its bytes
//! differ from those its stored records were made from ([`CrawlStore::document_sha256`]), so
//! an interrupted run never loses a document: what was fetched but not stored is handed out
//! on the next run from the archive. 404/410 on a known document is reported as withdrawn.
//! The frontier is saved as it grows; a crawl that stops half-way resumes from it.

use crate::FetchError;
use crate::archive::Archive;
use crate::config::HttpSource;
use crate::http::{Body, Fetched, Fetcher, Validators};
use crate::links::{PageLinks, PageRole, page_links};
use crate::stitch::{PagePart, stitch};
use crate::store::{CrawlStore, FrontierEntry, PageKind, StoreError, UrlOutcome, UrlRecord};
use duban_model::{DocId, Limits, MediaType, RawDoc, Source, SourceHints, sha256_hex};
use serde::Serialize;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use tokio::task::JoinSet;
use url::Url;

/// The counters of a crawl, for the run report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CrawlStats {
    /// Requests sent for pages and attachments (robots.txt not counted).
    pub requests: u64,
    /// Responses with a body (200).
    pub fetched: u64,
    /// 304, or a body identical to the stored one.
    pub not_modified: u64,
    /// URLs fetched for the first time.
    pub new: u64,
    /// URLs whose body changed since the last crawl.
    pub changed: u64,
    /// URLs that failed after retries (timeouts, 5xx, 4xx, too large, bad redirects).
    pub failed: u64,
    /// URLs robots.txt did not allow.
    pub skipped_by_robots: u64,
    /// Links not followed because `max_pages` was reached.
    pub skipped_by_limit: u64,
    /// Documents gone (404/410).
    pub withdrawn: u64,
    /// Attachments archived.
    pub attachments: u64,
    /// Documents handed to extraction.
    pub documents: u64,
    /// Retries made.
    pub retries: u64,
    /// Body bytes received.
    pub bytes: u64,
}

impl std::ops::AddAssign<&CrawlStats> for CrawlStats {
    fn add_assign(&mut self, o: &CrawlStats) {
        self.requests += o.requests;
        self.fetched += o.fetched;
        self.not_modified += o.not_modified;
        self.new += o.new;
        self.changed += o.changed;
        self.failed += o.failed;
        self.skipped_by_robots += o.skipped_by_robots;
        self.skipped_by_limit += o.skipped_by_limit;
        self.withdrawn += o.withdrawn;
        self.attachments += o.attachments;
        self.documents += o.documents;
        self.retries += o.retries;
        self.bytes += o.bytes;
    }
}

impl std::fmt::Display for CrawlStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} requests: {} fetched, {} not-modified, {} new, {} changed, {} failed, {} skipped-by-robots, {} withdrawn, {} attachments",
            self.requests,
            self.fetched,
            self.not_modified,
            self.new,
            self.changed,
            self.failed,
            self.skipped_by_robots,
            self.withdrawn,
            self.attachments
        )
    }
}

/// A URL that could not be fetched, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlFailure {
    /// The URL.
    pub url: String,
    /// The reason.
    pub reason: String,
}

/// What a step of the crawl produced.
#[derive(Debug, Default)]
pub struct CrawlBatch {
    /// New or changed documents, for extraction.
    pub documents: Vec<RawDoc>,
    /// Ids of documents their source took down (404/410).
    pub withdrawn: Vec<String>,
    /// URLs that failed.
    pub failures: Vec<CrawlFailure>,
}

/// The crawl of one source.
pub struct Crawl {
    ctx: Arc<Worker>,
    queue: VecDeque<FrontierEntry>,
    seen: HashSet<String>,
    in_flight: JoinSet<PageResult>,
    stats: CrawlStats,
    started: bool,
    finished: bool,
}

/// What a worker needs, shared.
struct Worker {
    source: HttpSource,
    /// Bounds on a page read for its links.
    limits: Limits,
    fetcher: Fetcher,
    archive: Archive,
    now: String,
}

struct PageResult {
    entry: FrontierEntry,
    previous: Option<UrlRecord>,
    outcome: PageOutcome,
}

enum PageOutcome {
    Body {
        body: Body,
        sha256: String,
        links: PageLinks,
        document: Option<RawDoc>,
        attachment: bool,
    },
    NotModified {
        final_url: Url,
        links: PageLinks,
        document: Option<RawDoc>,
    },
    Gone(u16),
    Robots,
    Failed(String),
}

impl Crawl {
    /// A crawl of `source`, archiving bodies in `archive`; `now` (RFC 3339) is recorded as the
    /// fetch time of what this run fetches. Pages are read for links within `limits`.
    pub fn new(
        source: HttpSource,
        limits: Limits,
        archive: Archive,
        now: &str,
    ) -> Result<Self, FetchError> {
        let fetcher = Fetcher::new(&source).map_err(|e| FetchError::Client {
            source_id: source.id.clone(),
            source: e,
        })?;
        Ok(Crawl {
            ctx: Arc::new(Worker {
                source,
                limits,
                fetcher,
                archive,
                now: now.to_string(),
            }),
            queue: VecDeque::new(),
            seen: HashSet::new(),
            in_flight: JoinSet::new(),
            stats: CrawlStats::default(),
            started: false,
            finished: false,
        })
    }

    /// The counters so far.
    pub fn stats(&self) -> CrawlStats {
        let mut s = self.stats.clone();
        s.retries = self
            .ctx
            .fetcher
            .counters
            .retries
            .load(std::sync::atomic::Ordering::Relaxed);
        s
    }

    /// Crawls until `max_documents` documents are ready or the crawl ends; `None` once it has
    /// ended and everything was handed out.
    pub async fn next_batch(
        &mut self,
        store: &mut dyn CrawlStore,
        max_documents: usize,
    ) -> Result<Option<CrawlBatch>, FetchError> {
        if self.finished {
            return Ok(None);
        }
        let sid = self.ctx.source.id.clone();
        let store_err = |e: StoreError| FetchError::Store {
            source_id: sid.clone(),
            source: e,
        };
        if !self.started {
            self.start(store).map_err(store_err)?;
            self.started = true;
        }
        let mut batch = CrawlBatch::default();
        let concurrency = self.ctx.source.politeness.concurrency;
        let max_pages = self.ctx.source.limits.max_pages as u64;
        let id = self.ctx.source.id.clone();
        loop {
            while self.in_flight.len() < concurrency {
                let Some(entry) = self.queue.pop_front() else {
                    break;
                };
                if self.stats.requests >= max_pages {
                    self.stats.skipped_by_limit += 1;
                    continue;
                }
                let previous = store.url_record(&entry.url).map_err(store_err)?;
                self.stats.requests += 1;
                let ctx = self.ctx.clone();
                self.in_flight
                    .spawn(async move { ctx.process(entry, previous).await });
            }
            let Some(joined) = self.in_flight.join_next().await else {
                // Nothing in flight and nothing queued: the crawl is over.
                store.frontier_clear(&id).map_err(store_err)?;
                self.finished = true;
                tracing::info!(source = %id, stats = %self.stats(), "Crawl finished.");
                return Ok(Some(batch));
            };
            let result = joined.map_err(|e| FetchError::Internal {
                source_id: id.clone(),
                reason: format!("a crawl worker stopped: {e}"),
            })?;
            self.record(result, store, &mut batch).map_err(store_err)?;
            if batch.documents.len() >= max_documents {
                return Ok(Some(batch));
            }
        }
    }

    /// Loads an unfinished frontier, or seeds a new one from the start URLs and known pages.
    fn start(&mut self, store: &mut dyn CrawlStore) -> Result<(), StoreError> {
        let src = &self.ctx.source;
        let saved = store.frontier(&src.id)?;
        if !saved.is_empty() {
            let pending = saved.iter().filter(|(_, done)| !done).count();
            tracing::info!(source = %src.id, pending, "Resuming an interrupted crawl.");
            for (entry, done) in saved {
                self.seen.insert(entry.url.clone());
                // A document fetched before the interruption whose records were not stored
                // goes round again (a conditional request, then the archive).
                let unstored = done
                    && entry.kind.is_document()
                    && match store.url_record(&entry.url)?.and_then(|r| r.doc_sha256) {
                        Some(sha) => {
                            let id = DocId::from_url(&entry.url).to_string();
                            store.document_sha256(&id)?.as_deref() != Some(sha.as_str())
                        }
                        None => false,
                    };
                if !done || unstored {
                    self.queue.push_back(entry);
                }
            }
            return Ok(());
        }
        let start_kind = if src.detail.url_pattern.is_some() {
            PageKind::List
        } else {
            PageKind::Page
        };
        let mut seeds: Vec<FrontierEntry> = src
            .start_urls
            .iter()
            .map(|u| FrontierEntry {
                url: u.0.to_string(),
                kind: start_kind,
                depth: 0,
                list_page: 0,
                origin: Some(u.0.to_string()),
            })
            .collect();
        if src.detail.recheck_known {
            for kind in [PageKind::Detail, PageKind::Page] {
                for url in store.known_urls(&src.id, kind)? {
                    // A source whose allowed hosts changed does not revisit the old ones.
                    let on_allowed_host =
                        Url::parse(&url).is_ok_and(|u| self.ctx.fetcher.scope().allows(&u));
                    if !on_allowed_host {
                        continue;
                    }
                    seeds.push(FrontierEntry {
                        url,
                        kind,
                        depth: src.limits.max_depth,
                        list_page: 0,
                        origin: None,
                    });
                }
            }
        }
        for e in seeds {
            self.enqueue(store, e)?;
        }
        Ok(())
    }

    fn enqueue(&mut self, store: &mut dyn CrawlStore, e: FrontierEntry) -> Result<(), StoreError> {
        if self.seen.insert(e.url.clone()) {
            store.frontier_push(&self.ctx.source.id, &e)?;
            self.queue.push_back(e);
        }
        Ok(())
    }

    /// A URL that answers 404/410: the end of a list's pages, a document withdrawn by its
    /// source (counted once, when it goes), or a failure.
    fn record_gone(
        &mut self,
        entry: &FrontierEntry,
        prev: Option<&UrlRecord>,
        status: u16,
        batch: &mut CrawlBatch,
    ) {
        let known = prev.is_some_and(|p| p.doc_sha256.is_some());
        if entry.kind.is_list() && entry.list_page > 0 {
            // Past the last page of a list: the normal end of paging by template.
            tracing::debug!(url = %entry.url, status, "End of list pages.");
        } else if entry.kind.is_document() && known {
            // Counted once, when it goes; later checks find it still gone.
            if prev.is_some_and(|p| p.outcome != UrlOutcome::Withdrawn) {
                self.stats.withdrawn += 1;
                batch
                    .withdrawn
                    .push(DocId::from_url(&entry.url).to_string());
                tracing::info!(url = %entry.url, status, "Document withdrawn by its source.");
            }
        } else {
            self.stats.failed += 1;
            batch.failures.push(CrawlFailure {
                url: entry.url.clone(),
                reason: format!("HTTP {status}"),
            });
        }
    }

    /// Records a worker's result: the URL's state, counters, the document, new links.
    fn record(
        &mut self,
        r: PageResult,
        store: &mut dyn CrawlStore,
        batch: &mut CrawlBatch,
    ) -> Result<(), StoreError> {
        let src_id = self.ctx.source.id.clone();
        let now = self.ctx.now.clone();
        let prev = r.previous.as_ref();
        let mut rec = prev
            .cloned()
            .unwrap_or_else(|| unfetched(&r.entry, &src_id, &now));
        rec.kind = r.entry.kind;
        rec.source = src_id.clone();
        rec.checked_at = now.clone();
        rec.error = None;
        let mut links = None;
        match r.outcome {
            PageOutcome::Body {
                body,
                sha256,
                links: l,
                document,
                attachment,
            } => {
                self.stats.fetched += 1;
                self.stats.bytes += body.bytes.len() as u64;
                match prev.and_then(|p| p.sha256.as_deref()) {
                    None => self.stats.new += 1,
                    Some(old) if old == sha256 => self.stats.not_modified += 1,
                    Some(_) => self.stats.changed += 1,
                }
                if attachment {
                    self.stats.attachments += 1;
                }
                rec.outcome = UrlOutcome::Fetched;
                rec.http_status = Some(body.status);
                rec.final_url = Some(body.final_url.to_string());
                rec.etag = body.etag;
                rec.last_modified = body.last_modified;
                rec.sha256 = Some(sha256);
                rec.charset = body.charset;
                rec.content_type = body.content_type;
                rec.fetched_at = Some(now.clone());
                rec.doc_sha256 = document.as_ref().map(|d| d.source.sha256.clone());
                self.hand_out(document, store, batch)?;
                links = Some(l);
            }
            PageOutcome::NotModified {
                final_url,
                links: l,
                document,
            } => {
                self.stats.not_modified += 1;
                rec.outcome = UrlOutcome::NotModified;
                rec.http_status = Some(304);
                rec.final_url = Some(final_url.to_string());
                self.hand_out(document, store, batch)?;
                links = Some(l);
            }
            PageOutcome::Gone(status) => {
                rec.outcome = UrlOutcome::Withdrawn;
                rec.http_status = Some(status);
                self.record_gone(&r.entry, prev, status, batch);
            }
            PageOutcome::Robots => {
                self.stats.skipped_by_robots += 1;
                rec.outcome = UrlOutcome::Robots;
                tracing::info!(url = %r.entry.url, "Disallowed by robots.txt.");
            }
            PageOutcome::Failed(reason) => {
                self.stats.failed += 1;
                rec.outcome = UrlOutcome::Failed;
                rec.error = Some(reason.clone());
                tracing::info!(url = %r.entry.url, reason = %reason, "Fetch failed.");
                batch.failures.push(CrawlFailure {
                    url: r.entry.url.clone(),
                    reason,
                });
            }
        }
        store.put_url_record(&rec)?;
        if let Some(l) = links {
            self.follow(&r.entry, l, store)?;
        }
        store.frontier_done(&src_id, &r.entry.url)?;
        Ok(())
    }

    fn hand_out(
        &mut self,
        document: Option<RawDoc>,
        store: &mut dyn CrawlStore,
        batch: &mut CrawlBatch,
    ) -> Result<(), StoreError> {
        if let Some(doc) = document
            && store.document_sha256(&doc.id)?.as_deref() != Some(doc.source.sha256.as_str())
        {
            self.stats.documents += 1;
            batch.documents.push(doc);
        }
        Ok(())
    }

    /// Queues the links of a page that the limits allow.
    fn follow(
        &mut self,
        from: &FrontierEntry,
        links: PageLinks,
        store: &mut dyn CrawlStore,
    ) -> Result<(), StoreError> {
        let ctx = self.ctx.clone();
        let src = &ctx.source;
        // Links out of scope are dropped; those kept are canonical and without user-info.
        let admitted = |u: &Url| {
            let a = ctx.fetcher.scope().admit(u).ok()?;
            if a.had_user_info {
                tracing::warn!(page = %from.url, link = %a.url, "Link with user-info: the user-info was removed, never sent nor stored.");
            }
            Some(a.url)
        };
        let max_depth = src.limits.max_depth;
        let next_page = from.list_page + 1;
        // The next page of a list keeps the list's kind, depth and origin.
        let next_list_page = |u: &Url| FrontierEntry {
            url: u.to_string(),
            kind: from.kind,
            depth: from.depth,
            list_page: next_page,
            origin: from.origin.clone(),
        };
        if from.kind.is_list() && next_page < src.list.max_list_pages {
            for u in &links.next_pages {
                if let Some(u) = admitted(u) {
                    self.enqueue(store, next_list_page(&u))?;
                }
            }
            // Script-written pagination: try the next templated page while pages give links.
            if let (Some(t), Some(origin)) = (&src.list.page_url_template, &from.origin)
                && !links.details.is_empty()
                && let Ok(base) = Url::parse(origin)
            {
                let n = src.list.first_page + from.list_page;
                if let Ok(u) = base.join(&t.replace("{n}", &n.to_string()))
                    && let Some(u) = admitted(&u)
                {
                    self.enqueue(store, next_list_page(&u))?;
                }
            }
        }
        let depth = from.depth + 1;
        if depth > max_depth {
            return Ok(());
        }
        let detail_kind = if src.detail.url_pattern.is_some() {
            PageKind::Detail
        } else {
            PageKind::Page
        };
        let groups = [
            (links.lists, PageKind::List),
            (links.details, detail_kind),
            (links.attachments, PageKind::Attachment),
        ];
        for (urls, kind) in groups {
            for u in urls {
                let Some(u) = admitted(&u) else {
                    continue;
                };
                let origin = (kind == PageKind::List).then(|| u.to_string());
                self.enqueue(
                    store,
                    FrontierEntry {
                        url: u.to_string(),
                        kind,
                        depth,
                        list_page: 0,
                        origin,
                    },
                )?;
            }
        }
        Ok(())
    }
}

impl Worker {
    async fn process(&self, entry: FrontierEntry, previous: Option<UrlRecord>) -> PageResult {
        let outcome = self.fetch_page(&entry, previous.as_ref()).await;
        PageResult {
            entry,
            previous,
            outcome,
        }
    }

    async fn fetch_page(&self, entry: &FrontierEntry, prev: Option<&UrlRecord>) -> PageOutcome {
        let Ok(url) = Url::parse(&entry.url) else {
            return PageOutcome::Failed(format!("not a URL: {}", entry.url));
        };
        // Conditional only when what a 304 stands for is still in the archive.
        let validators = prev
            .filter(|_| self.source.politeness.conditional_requests)
            .filter(|p| {
                p.sha256
                    .as_deref()
                    .is_some_and(|s| self.archive.contains(s))
            })
            .filter(|p| {
                !entry.kind.is_document()
                    || p.doc_sha256
                        .as_deref()
                        .is_some_and(|s| self.archive.contains(s))
            })
            .map(|p| Validators {
                etag: p.etag.clone(),
                last_modified: p.last_modified.clone(),
            })
            .filter(|v| v.etag.is_some() || v.last_modified.is_some());
        match self.fetcher.get(&url, validators.as_ref()).await {
            Fetched::Body(body) => self.on_body(entry, body).await,
            Fetched::NotModified { final_url } => {
                let Some(p) = prev else {
                    return PageOutcome::Failed("304 without a stored body".into());
                };
                self.on_not_modified(entry, p, final_url)
            }
            Fetched::Gone { status } => PageOutcome::Gone(status),
            Fetched::Robots { .. } => PageOutcome::Robots,
            Fetched::Failed(f) => PageOutcome::Failed(f.to_string()),
        }
    }

    async fn on_body(&self, entry: &FrontierEntry, body: Body) -> PageOutcome {
        let sha256 = sha256_hex(&body.bytes);
        if let Err(e) = self.archive.put_with_sha(&sha256, &body.bytes) {
            return PageOutcome::Failed(format!(
                "archiving the body in {} failed: {e}",
                self.archive.root().display()
            ));
        }
        let media = media_type(body.content_type.as_deref(), &body.final_url);
        let attachment = entry.kind == PageKind::Attachment || media.is_none();
        if attachment {
            return PageOutcome::Body {
                body,
                sha256,
                links: PageLinks::default(),
                document: None,
                attachment: entry.kind == PageKind::Attachment,
            };
        }
        let links = self.links(entry, &body.final_url, &body.bytes, body.charset.as_deref());
        let mut document = None;
        if entry.kind.is_document() {
            let (bytes, charset) = if links.parts.is_empty() {
                (body.bytes.clone(), body.charset.clone())
            } else {
                match self.stitched(&body, &links.parts).await {
                    Ok(b) => (b, Some("UTF-8".to_string())),
                    Err(reason) => return PageOutcome::Failed(reason),
                }
            };
            let doc_sha = sha256_hex(&bytes);
            if doc_sha != sha256
                && let Err(e) = self.archive.put_with_sha(&doc_sha, &bytes)
            {
                return PageOutcome::Failed(format!("archiving the stitched document failed: {e}"));
            }
            document = Some(self.raw_doc(
                &entry.url,
                &body.final_url,
                bytes,
                doc_sha,
                charset,
                media.unwrap_or(MediaType::Html),
                &self.now,
            ));
        }
        PageOutcome::Body {
            body,
            sha256,
            links,
            document,
            attachment: false,
        }
    }

    fn on_not_modified(&self, entry: &FrontierEntry, p: &UrlRecord, final_url: Url) -> PageOutcome {
        let read = |sha: Option<&str>| -> Result<Vec<u8>, String> {
            let sha = sha.ok_or("304 but no body stored")?;
            self.archive
                .get(sha)
                .map_err(|e| format!("304 but archived body {sha} unreadable: {e}"))
        };
        if entry.kind == PageKind::Attachment {
            return PageOutcome::NotModified {
                final_url,
                links: PageLinks::default(),
                document: None,
            };
        }
        let body = match read(p.sha256.as_deref()) {
            Ok(b) => b,
            Err(reason) => return PageOutcome::Failed(reason),
        };
        let mut links = self.links(entry, &final_url, &body, p.charset.as_deref());
        // Parts were stitched into the archived document; they are not fetched again.
        links.parts.clear();
        let mut document = None;
        if entry.kind.is_document() {
            let doc_bytes = if p.doc_sha256 == p.sha256 {
                Ok(body)
            } else {
                read(p.doc_sha256.as_deref())
            };
            let bytes = match doc_bytes {
                Ok(b) => b,
                Err(reason) => return PageOutcome::Failed(reason),
            };
            let charset = if p.doc_sha256 == p.sha256 {
                p.charset.clone()
            } else {
                Some("UTF-8".into())
            };
            let media =
                media_type(p.content_type.as_deref(), &final_url).unwrap_or(MediaType::Html);
            let sha = p.doc_sha256.clone().unwrap_or_default();
            let fetched_at = p.fetched_at.clone().unwrap_or_else(|| self.now.clone());
            document = Some(self.raw_doc(
                &entry.url,
                &final_url,
                bytes,
                sha,
                charset,
                media,
                &fetched_at,
            ));
        }
        PageOutcome::NotModified {
            final_url,
            links,
            document,
        }
    }

    fn links(
        &self,
        entry: &FrontierEntry,
        page: &Url,
        bytes: &[u8],
        charset: Option<&str>,
    ) -> PageLinks {
        let text = crate::charset::decode_for_links(bytes, charset);
        page_links(
            page,
            &text,
            &self.source,
            PageRole {
                list: entry.kind.is_list(),
                detail: entry.kind.is_document(),
            },
            &self.limits,
        )
    }

    /// Fetches the other pages of a document and stitches them to page 1.
    async fn stitched(&self, first: &Body, parts: &[Url]) -> Result<Vec<u8>, String> {
        let mut bodies = Vec::new();
        for u in parts {
            match self.fetcher.get(u, None).await {
                Fetched::Body(b) => {
                    let _ = self.archive.put(&b.bytes);
                    bodies.push(b);
                }
                Fetched::Failed(f) => return Err(format!("page {u} of the document: {f}")),
                Fetched::Gone { status } => {
                    return Err(format!("page {u} of the document: HTTP {status}"));
                }
                Fetched::Robots { .. } => {
                    return Err(format!(
                        "page {u} of the document is disallowed by robots.txt"
                    ));
                }
                Fetched::NotModified { .. } => {
                    return Err(format!("page {u} of the document: unexpected 304"));
                }
            }
        }
        let mut pages = vec![PagePart {
            bytes: &first.bytes,
            charset: first.charset.as_deref(),
        }];
        pages.extend(bodies.iter().map(|b| PagePart {
            bytes: &b.bytes,
            charset: b.charset.as_deref(),
        }));
        let content = self
            .source
            .detail
            .content_selector
            .as_ref()
            .map(|c| &c.selector);
        Ok(stitch(&pages, content, &self.limits))
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one call per field of the RawDoc"
    )]
    fn raw_doc(
        &self,
        url: &str,
        final_url: &Url,
        bytes: Vec<u8>,
        sha256: String,
        charset: Option<String>,
        media_type: MediaType,
        fetched_at: &str,
    ) -> RawDoc {
        raw_doc(
            &self.source,
            url,
            final_url.as_str(),
            bytes,
            sha256,
            charset,
            media_type,
            fetched_at,
        )
    }
}

/// A document as the cleaner takes it, with the source's metadata defaults as hints.
#[expect(
    clippy::too_many_arguments,
    reason = "one parameter per field of the RawDoc"
)]
pub fn raw_doc(
    source: &HttpSource,
    url: &str,
    final_url: &str,
    bytes: Vec<u8>,
    sha256: String,
    charset: Option<String>,
    media_type: MediaType,
    fetched_at: &str,
) -> RawDoc {
    RawDoc {
        id: DocId::from_url(url).to_string(),
        source: Source {
            url: Some(final_url.to_string()),
            path: None,
            sha256,
            encoding: String::new(),
            fetched_at: Some(fetched_at.to_string()),
        },
        bytes,
        media_type,
        hints: SourceHints {
            region: source.region.clone(),
            kind: source.kind,
            http_charset: charset,
            content_selector: source
                .detail
                .content_selector
                .as_ref()
                .map(|c| c.text.clone()),
        },
    }
}

/// HTML or text by `Content-Type`, else by extension; `None` for anything else (PDF, Word).
pub fn media_type(content_type: Option<&str>, url: &Url) -> Option<MediaType> {
    match content_type {
        Some("text/html") | Some("application/xhtml+xml") => Some(MediaType::Html),
        Some("text/plain") => Some(MediaType::Text),
        Some(_) => None,
        None => {
            let path = url.path().to_ascii_lowercase();
            if path.ends_with(".txt") {
                Some(MediaType::Text)
            } else if path.ends_with('/')
                || path.ends_with(".html")
                || path.ends_with(".htm")
                || path.ends_with(".shtml")
                || !path.rsplit('/').next().unwrap_or("").contains('.')
            {
                Some(MediaType::Html)
            } else {
                None
            }
        }
    }
}

/// The record of a URL never fetched before, as it stands before its first answer.
fn unfetched(entry: &FrontierEntry, source: &str, now: &str) -> UrlRecord {
    UrlRecord {
        url: entry.url.clone(),
        source: source.to_string(),
        kind: entry.kind,
        outcome: UrlOutcome::Failed,
        http_status: None,
        final_url: None,
        etag: None,
        last_modified: None,
        sha256: None,
        doc_sha256: None,
        charset: None,
        content_type: None,
        fetched_at: None,
        checked_at: now.to_string(),
        error: None,
    }
}
