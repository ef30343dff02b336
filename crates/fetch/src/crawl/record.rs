//! A worker's result written down by the coordinator: the URL's row in the crawl store (its
//! outcome, validators, hashes), the counters, the document handed out when its bytes differ
//! from those stored, withdrawals and failures, and the page's links queued.

use super::worker::{PageOutcome, PageResult};
use super::{Crawl, CrawlBatch, CrawlFailure};
use crate::store::{CrawlStore, FrontierEntry, StoreError, UrlOutcome, UrlRecord};
use duban_model::{DocId, RawDoc};

impl Crawl {
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
    pub(super) fn record(
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
