//! The crawler's memory on `state.sqlite`: [`duban_fetch::CrawlStore`] implemented with the
//! rows of `duban_state::crawl` and the stored records.
//!
//! The crawler never depends on SQLite and the state never depends on the crawler; this
//! adapter, in the one crate that knows both, converts between their row types.

use duban_fetch::{CrawlStore, FrontierEntry, PageKind, StoreError, UrlOutcome, UrlRecord};
use duban_state::State;
use duban_state::crawl::{CrawlUrl, FrontierRow};

/// A [`CrawlStore`] on the data folder's state.
pub struct StateCrawlStore<'a>(pub &'a State);

fn corrupt(what: &str, value: &str) -> StoreError {
    format!("crawl state holds an unknown {what} {value:?}").into()
}

/// A stored row as the crawler's record.
pub fn url_record(u: CrawlUrl) -> Result<UrlRecord, StoreError> {
    Ok(UrlRecord {
        kind: PageKind::parse(&u.kind).ok_or_else(|| corrupt("page kind", &u.kind))?,
        outcome: UrlOutcome::parse(&u.outcome).ok_or_else(|| corrupt("outcome", &u.outcome))?,
        url: u.url,
        source: u.source,
        http_status: u.http_status,
        final_url: u.final_url,
        etag: u.etag,
        last_modified: u.last_modified,
        sha256: u.sha256,
        doc_sha256: u.doc_sha256,
        charset: u.charset,
        content_type: u.content_type,
        fetched_at: u.fetched_at,
        checked_at: u.checked_at,
        error: u.error,
    })
}

impl CrawlStore for StateCrawlStore<'_> {
    fn url_record(&mut self, url: &str) -> Result<Option<UrlRecord>, StoreError> {
        self.0.crawl_url(url)?.map(url_record).transpose()
    }

    fn put_url_record(&mut self, r: &UrlRecord) -> Result<(), StoreError> {
        self.0.put_crawl_url(&CrawlUrl {
            url: r.url.clone(),
            source: r.source.clone(),
            kind: r.kind.as_str().into(),
            outcome: r.outcome.as_str().into(),
            http_status: r.http_status,
            final_url: r.final_url.clone(),
            etag: r.etag.clone(),
            last_modified: r.last_modified.clone(),
            sha256: r.sha256.clone(),
            doc_sha256: r.doc_sha256.clone(),
            charset: r.charset.clone(),
            content_type: r.content_type.clone(),
            fetched_at: r.fetched_at.clone(),
            checked_at: r.checked_at.clone(),
            error: r.error.clone(),
        })?;
        Ok(())
    }

    fn known_urls(&mut self, source: &str, kind: PageKind) -> Result<Vec<String>, StoreError> {
        Ok(self.0.known_crawl_urls(source, kind.as_str())?)
    }

    fn frontier(&mut self, source: &str) -> Result<Vec<(FrontierEntry, bool)>, StoreError> {
        self.0
            .frontier(source)?
            .into_iter()
            .map(|r| {
                let kind = PageKind::parse(&r.kind).ok_or_else(|| corrupt("page kind", &r.kind))?;
                Ok((
                    FrontierEntry {
                        url: r.url,
                        kind,
                        depth: r.depth,
                        list_page: r.list_page,
                        origin: r.origin,
                    },
                    r.done,
                ))
            })
            .collect()
    }

    fn frontier_push(&mut self, source: &str, e: &FrontierEntry) -> Result<(), StoreError> {
        self.0.frontier_push(
            source,
            &FrontierRow {
                url: e.url.clone(),
                kind: e.kind.as_str().into(),
                depth: e.depth,
                list_page: e.list_page,
                origin: e.origin.clone(),
                done: false,
            },
        )?;
        Ok(())
    }

    fn frontier_done(&mut self, source: &str, url: &str) -> Result<(), StoreError> {
        Ok(self.0.frontier_done(source, url)?)
    }

    fn frontier_clear(&mut self, source: &str) -> Result<(), StoreError> {
        Ok(self.0.frontier_clear(source)?)
    }

    fn document_sha256(&mut self, doc_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.current_record_sha256(doc_id)?)
    }
}
