//! What the crawler remembers between runs, as a trait: each URL's last outcome, validators
//! and content hash, and the frontier of an unfinished crawl.
//!
//! The crawler never opens a database itself: `duban-state` keeps these rows in
//! `state.sqlite` and the pipeline hands the crawler an implementation of [`CrawlStore`].
//! [`MemoryStore`] keeps them in memory for tests and benchmarks.

use std::collections::{BTreeMap, HashMap};

/// Why the store failed (the implementation's error, boxed).
pub type StoreError = Box<dyn std::error::Error + Send + Sync>;

pub use duban_model::{FrontierEntry, PageKind, UrlOutcome, UrlRecord};

/// The crawl's persistent memory.
pub trait CrawlStore {
    /// What is remembered about `url`.
    fn url_record(&mut self, url: &str) -> Result<Option<UrlRecord>, StoreError>;
    /// Remembers a URL's outcome.
    fn put_url_record(&mut self, record: &UrlRecord) -> Result<(), StoreError>;
    /// URLs of `kind` that `source` has fetched before, in URL order.
    fn known_urls(&mut self, source: &str, kind: PageKind) -> Result<Vec<String>, StoreError>;
    /// The frontier of an unfinished crawl of `source`, in discovery order, with whether each
    /// entry was done.
    fn frontier(&mut self, source: &str) -> Result<Vec<(FrontierEntry, bool)>, StoreError>;
    /// Adds an entry to the frontier.
    fn frontier_push(&mut self, source: &str, entry: &FrontierEntry) -> Result<(), StoreError>;
    /// Marks an entry done.
    fn frontier_done(&mut self, source: &str, url: &str) -> Result<(), StoreError>;
    /// Forgets the frontier: the crawl finished.
    fn frontier_clear(&mut self, source: &str) -> Result<(), StoreError>;
    /// SHA-256 of the raw bytes the stored records of document `doc_id` were made from.
    fn document_sha256(&mut self, doc_id: &str) -> Result<Option<String>, StoreError>;
}

/// A [`CrawlStore`] in memory.
#[derive(Debug, Default)]
pub struct MemoryStore {
    urls: HashMap<String, UrlRecord>,
    frontier: BTreeMap<String, Vec<(FrontierEntry, bool)>>,
    /// Document SHA-256s, as a pipeline would store them after processing.
    pub documents: HashMap<String, String>,
}

impl CrawlStore for MemoryStore {
    fn url_record(&mut self, url: &str) -> Result<Option<UrlRecord>, StoreError> {
        Ok(self.urls.get(url).cloned())
    }
    fn put_url_record(&mut self, record: &UrlRecord) -> Result<(), StoreError> {
        self.urls.insert(record.url.clone(), record.clone());
        Ok(())
    }
    fn known_urls(&mut self, source: &str, kind: PageKind) -> Result<Vec<String>, StoreError> {
        let mut v: Vec<String> = self
            .urls
            .values()
            .filter(|r| r.source == source && r.kind == kind)
            .map(|r| r.url.clone())
            .collect();
        v.sort();
        Ok(v)
    }
    fn frontier(&mut self, source: &str) -> Result<Vec<(FrontierEntry, bool)>, StoreError> {
        Ok(self.frontier.get(source).cloned().unwrap_or_default())
    }
    fn frontier_push(&mut self, source: &str, entry: &FrontierEntry) -> Result<(), StoreError> {
        let list = self.frontier.entry(source.to_string()).or_default();
        if !list.iter().any(|(e, _)| e.url == entry.url) {
            list.push((entry.clone(), false));
        }
        Ok(())
    }
    fn frontier_done(&mut self, source: &str, url: &str) -> Result<(), StoreError> {
        if let Some(list) = self.frontier.get_mut(source) {
            for (e, done) in list.iter_mut() {
                if e.url == url {
                    *done = true;
                }
            }
        }
        Ok(())
    }
    fn frontier_clear(&mut self, source: &str) -> Result<(), StoreError> {
        self.frontier.remove(source);
        Ok(())
    }
    fn document_sha256(&mut self, doc_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.documents.get(doc_id).cloned())
    }
}
