//! What the crawler remembers between runs, as a trait: each URL's last outcome, validators
//! and content hash, and the frontier of an unfinished crawl.
//!
//! The crawler never opens a database itself: `duban-state` keeps these rows in
//! `state.sqlite` and the pipeline hands the crawler an implementation of [`CrawlStore`].
//! [`MemoryStore`] keeps them in memory for tests and benchmarks.

use std::collections::{BTreeMap, HashMap};

/// Why the store failed (the implementation's error, boxed).
pub type StoreError = Box<dyn std::error::Error + Send + Sync>;

/// What a URL is to the crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// A list page: its links are followed.
    List,
    /// A detail page: a document.
    Detail,
    /// A page of a generic crawl: both a document and a list.
    Page,
    /// An attachment: archived, not extracted.
    Attachment,
}

impl PageKind {
    /// The name stored in the state.
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::List => "list",
            PageKind::Detail => "detail",
            PageKind::Page => "page",
            PageKind::Attachment => "attachment",
        }
    }
    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "list" => PageKind::List,
            "detail" => PageKind::Detail,
            "page" => PageKind::Page,
            "attachment" => PageKind::Attachment,
            _ => return None,
        })
    }
    /// Whether the page is a document.
    pub fn is_document(self) -> bool {
        matches!(self, PageKind::Detail | PageKind::Page)
    }
    /// Whether the page's links are followed.
    pub fn is_list(self) -> bool {
        matches!(self, PageKind::List | PageKind::Page)
    }
}

/// The last outcome of a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlOutcome {
    /// 200 with a body.
    Fetched,
    /// 304, or 200 with the body stored before.
    NotModified,
    /// 404 or 410: the source took it down.
    Withdrawn,
    /// Failed after retries (the reason is in `error`).
    Failed,
    /// robots.txt does not allow it.
    Robots,
}

impl UrlOutcome {
    /// The name stored in the state.
    pub fn as_str(self) -> &'static str {
        match self {
            UrlOutcome::Fetched => "fetched",
            UrlOutcome::NotModified => "not_modified",
            UrlOutcome::Withdrawn => "withdrawn",
            UrlOutcome::Failed => "failed",
            UrlOutcome::Robots => "robots",
        }
    }
    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "fetched" => UrlOutcome::Fetched,
            "not_modified" => UrlOutcome::NotModified,
            "withdrawn" => UrlOutcome::Withdrawn,
            "failed" => UrlOutcome::Failed,
            "robots" => UrlOutcome::Robots,
            _ => return None,
        })
    }
}

/// Everything remembered about one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlRecord {
    /// The URL as linked (also the document id of a detail page).
    pub url: String,
    /// The source that found it.
    pub source: String,
    /// What it is.
    pub kind: PageKind,
    /// The last outcome.
    pub outcome: UrlOutcome,
    /// The last HTTP status, if a response came.
    pub http_status: Option<u16>,
    /// The URL after redirects.
    pub final_url: Option<String>,
    /// `ETag` of the last body.
    pub etag: Option<String>,
    /// `Last-Modified` of the last body.
    pub last_modified: Option<String>,
    /// SHA-256 of the last body (its name in the archive).
    pub sha256: Option<String>,
    /// SHA-256 of the document made from it (differs when pages were stitched).
    pub doc_sha256: Option<String>,
    /// The charset of `Content-Type`.
    pub charset: Option<String>,
    /// The media type of `Content-Type`.
    pub content_type: Option<String>,
    /// When the last body was fetched (RFC 3339).
    pub fetched_at: Option<String>,
    /// When the URL was last requested (RFC 3339).
    pub checked_at: String,
    /// Why the last request failed.
    pub error: Option<String>,
}

/// A URL waiting in the frontier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontierEntry {
    /// The URL.
    pub url: String,
    /// What it is.
    pub kind: PageKind,
    /// Link hops from a start URL.
    pub depth: u32,
    /// Its number in its list's pagination (0 for the start page).
    pub list_page: u32,
    /// For a list page: the start URL that paging templates are resolved against.
    pub origin: Option<String>,
}

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
