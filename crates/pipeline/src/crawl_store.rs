//! The crawler's memory on `state.sqlite`: [`duban_fetch::CrawlStore`] implemented by the
//! state's crawl tables and stored records.
//!
//! The crawler never depends on SQLite and the state never depends on the crawler; both speak
//! `duban-model`'s crawl records, and this adapter, in the one crate that knows both, only
//! connects the trait to the state.

use duban_fetch::{CrawlStore, FrontierEntry, PageKind, StoreError, UrlRecord};
use duban_state::State;

/// A [`CrawlStore`] on the data folder's state.
pub struct StateCrawlStore<'a>(pub &'a State);

impl CrawlStore for StateCrawlStore<'_> {
    fn url_record(&mut self, url: &str) -> Result<Option<UrlRecord>, StoreError> {
        Ok(self.0.crawl_url(url)?)
    }

    fn put_url_record(&mut self, r: &UrlRecord) -> Result<(), StoreError> {
        Ok(self.0.put_crawl_url(r)?)
    }

    fn known_urls(&mut self, source: &str, kind: PageKind) -> Result<Vec<String>, StoreError> {
        Ok(self.0.known_crawl_urls(source, kind)?)
    }

    fn frontier(&mut self, source: &str) -> Result<Vec<(FrontierEntry, bool)>, StoreError> {
        Ok(self.0.frontier(source)?)
    }

    fn frontier_push(&mut self, source: &str, e: &FrontierEntry) -> Result<(), StoreError> {
        Ok(self.0.frontier_push(source, e)?)
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
