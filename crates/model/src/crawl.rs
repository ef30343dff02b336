//! The crawl's records: what a URL is to a crawl, its last outcome, and the frontier entry of
//! an unfinished crawl.
//!
//! The crawler (`duban-fetch`) writes them and the state (`duban-state`) stores them; they
//! live here so that both speak one type and neither depends on the other. No I/O.

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
