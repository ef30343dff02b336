//! The counters of a crawl, for the run report and the crawl's last log line.

use serde::Serialize;

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
