//! A crawl's worker: one page fetched (conditionally when its body is archived), archived,
//! read for its links and, for a document, made a [`RawDoc`] (its other pages fetched and
//! stitched to it first). A worker never touches the crawl store: the coordinator records what
//! it returns.

use crate::archive::Archive;
use crate::config::HttpSource;
use crate::document::{DocBody, archived_doc, media_type, raw_doc};
use crate::http::{Body, Fetched, Fetcher, Validators};
use crate::links::{PageLinks, PageRole, page_links};
use crate::stitch::{PagePart, STITCHED_CHARSET, stitch};
use crate::store::{FrontierEntry, PageKind, UrlRecord};
use duban_model::{Limits, MediaType, RawDoc, sha256_hex};
use url::Url;

/// What a worker needs, shared.
pub(super) struct Worker {
    pub(super) source: HttpSource,
    /// Bounds on a page read for its links.
    pub(super) limits: Limits,
    pub(super) fetcher: Fetcher,
    pub(super) archive: Archive,
    pub(super) now: String,
}

pub(super) struct PageResult {
    pub(super) entry: FrontierEntry,
    pub(super) previous: Option<UrlRecord>,
    pub(super) outcome: PageOutcome,
}

pub(super) enum PageOutcome {
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

impl Worker {
    /// Fetches the page of `entry` (`previous`: its row from the last crawl).
    pub(super) async fn process(
        &self,
        entry: FrontierEntry,
        previous: Option<UrlRecord>,
    ) -> PageResult {
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
                    Ok(b) => (b, Some(STITCHED_CHARSET.to_string())),
                    Err(reason) => return PageOutcome::Failed(reason),
                }
            };
            let doc_sha = sha256_hex(&bytes);
            if doc_sha != sha256
                && let Err(e) = self.archive.put_with_sha(&doc_sha, &bytes)
            {
                return PageOutcome::Failed(format!("archiving the stitched document failed: {e}"));
            }
            let doc = DocBody {
                bytes,
                sha256: doc_sha,
                charset,
                media_type: media.unwrap_or(MediaType::Html),
            };
            document = Some(raw_doc(
                &self.source,
                &entry.url,
                body.final_url.as_str(),
                doc,
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
            let fetched_at = p.fetched_at.clone().unwrap_or_else(|| self.now.clone());
            let mut doc =
                archived_doc(&self.source, &entry.url, final_url.as_str(), p, &fetched_at);
            doc.bytes = bytes;
            document = Some(doc);
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
}
