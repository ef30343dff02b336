//! The crawler's writes held back until the batch they belong to is committed with the records
//! of its documents.
//!
//! The crawl runs on a thread of its own so that it keeps fetching while earlier batches are
//! cleaned, extracted and stored. It cannot write to the state itself: a batch's URL rows and
//! frontier must be committed in the same transaction as the records of the documents they
//! produced (an interrupted crawl then loses nothing and duplicates nothing), and that
//! transaction is opened by the thread that stores the records. So [`BufferedCrawlStore`] logs
//! every write as a [`CrawlWrite`]; the log of a batch travels with the batch and is replayed
//! into the transaction that stores it ([`CrawlWrite::apply`]).
//!
//! Reads go to a connection of the crawl's own, which sees what is committed, and before it to
//! what this crawl wrote or handed out in batches not yet committed. Those are forgotten once
//! the storing side says their batch is committed, so the memory held stays a few batches.
//!
//! This module does not decide what is written: that is the crawler's bookkeeping.

use crate::crawl_store::StateCrawlStore;
use duban_fetch::{CrawlStore, FrontierEntry, PageKind, StoreError, UrlRecord};
use duban_model::RawDoc;
use duban_state::State;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One write of the crawler, to be replayed in the transaction of its batch.
#[derive(Debug)]
pub enum CrawlWrite {
    /// [`CrawlStore::put_url_record`] (boxed: most writes are the small frontier ones).
    Url(Box<UrlRecord>),
    /// [`CrawlStore::frontier_push`].
    FrontierPush(String, FrontierEntry),
    /// [`CrawlStore::frontier_done`].
    FrontierDone(String, String),
    /// [`CrawlStore::frontier_clear`].
    FrontierClear(String),
}

impl CrawlWrite {
    /// Makes the write in `store`.
    pub fn apply(&self, store: &mut dyn CrawlStore) -> Result<(), StoreError> {
        match self {
            CrawlWrite::Url(r) => store.put_url_record(r),
            CrawlWrite::FrontierPush(source, e) => store.frontier_push(source, e),
            CrawlWrite::FrontierDone(source, url) => store.frontier_done(source, url),
            CrawlWrite::FrontierClear(source) => store.frontier_clear(source),
        }
    }
}

/// A [`CrawlStore`] that reads the committed state and logs its writes for later commit.
pub struct BufferedCrawlStore {
    reader: State,
    /// Writes of the batch being filled, in order.
    log: Vec<CrawlWrite>,
    /// The number of the batch being filled (the first is 1).
    batch: u64,
    /// The number of the last batch the storing side committed.
    committed: Arc<AtomicU64>,
    /// URL rows of batches not yet known to be committed, with their batch.
    pending_urls: HashMap<String, (u64, UrlRecord)>,
    /// SHA-256 of documents handed out in batches not yet known to be committed: their
    /// records are about to be stored.
    pending_documents: HashMap<String, (u64, String)>,
}

impl BufferedCrawlStore {
    /// A store reading through `reader` (a connection of its own to the state), told through
    /// `committed` which batch was last committed.
    pub fn new(reader: State, committed: Arc<AtomicU64>) -> Self {
        BufferedCrawlStore {
            reader,
            log: Vec::new(),
            batch: 1,
            committed,
            pending_urls: HashMap::new(),
            pending_documents: HashMap::new(),
        }
    }

    /// Notes the documents of the batch being filled as stored-to-be.
    pub fn handed_out(&mut self, documents: &[RawDoc]) {
        for d in documents {
            self.pending_documents
                .insert(d.id.clone(), (self.batch, d.source.sha256.clone()));
        }
    }

    /// Ends the batch being filled: its writes, in order. Forgets what committed batches wrote,
    /// which the reader now sees.
    pub fn take_writes(&mut self) -> Vec<CrawlWrite> {
        self.batch += 1;
        let committed = self.committed.load(Ordering::Acquire);
        self.pending_urls.retain(|_, (b, _)| *b > committed);
        self.pending_documents.retain(|_, (b, _)| *b > committed);
        std::mem::take(&mut self.log)
    }
}

impl CrawlStore for BufferedCrawlStore {
    fn url_record(&mut self, url: &str) -> Result<Option<UrlRecord>, StoreError> {
        match self.pending_urls.get(url) {
            Some((_, r)) => Ok(Some(r.clone())),
            None => StateCrawlStore(&self.reader).url_record(url),
        }
    }

    fn put_url_record(&mut self, record: &UrlRecord) -> Result<(), StoreError> {
        self.pending_urls
            .insert(record.url.clone(), (self.batch, record.clone()));
        self.log.push(CrawlWrite::Url(Box::new(record.clone())));
        Ok(())
    }

    // Known URLs and the saved frontier are read once, when a crawl starts and before it has
    // written anything, so the committed state is all there is.
    fn known_urls(&mut self, source: &str, kind: PageKind) -> Result<Vec<String>, StoreError> {
        StateCrawlStore(&self.reader).known_urls(source, kind)
    }

    fn frontier(&mut self, source: &str) -> Result<Vec<(FrontierEntry, bool)>, StoreError> {
        StateCrawlStore(&self.reader).frontier(source)
    }

    fn frontier_push(&mut self, source: &str, entry: &FrontierEntry) -> Result<(), StoreError> {
        self.log
            .push(CrawlWrite::FrontierPush(source.into(), entry.clone()));
        Ok(())
    }

    fn frontier_done(&mut self, source: &str, url: &str) -> Result<(), StoreError> {
        self.log
            .push(CrawlWrite::FrontierDone(source.into(), url.into()));
        Ok(())
    }

    fn frontier_clear(&mut self, source: &str) -> Result<(), StoreError> {
        self.log.push(CrawlWrite::FrontierClear(source.into()));
        Ok(())
    }

    fn document_sha256(&mut self, doc_id: &str) -> Result<Option<String>, StoreError> {
        match self.pending_documents.get(doc_id) {
            Some((_, sha)) => Ok(Some(sha.clone())),
            None => StateCrawlStore(&self.reader).document_sha256(doc_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_fetch::UrlOutcome;

    fn record(url: &str) -> UrlRecord {
        UrlRecord {
            url: url.into(),
            source: "gzdt".into(),
            kind: PageKind::Detail,
            outcome: UrlOutcome::Fetched,
            http_status: Some(200),
            final_url: Some(url.into()),
            etag: Some("\"5e1a-2f\"".into()),
            last_modified: None,
            sha256: Some("ab".repeat(32)),
            doc_sha256: Some("ab".repeat(32)),
            charset: Some("GBK".into()),
            content_type: Some("text/html".into()),
            fetched_at: Some("2025-04-01T02:00:00Z".into()),
            checked_at: "2025-04-01T02:00:00Z".into(),
            error: None,
        }
    }

    fn open(dir: &std::path::Path) -> State {
        State::open(&dir.join("state.sqlite")).unwrap()
    }

    const URL: &str = "http://www.example.gov.cn/gzdt/t20250401_1.html";

    #[test]
    fn the_crawl_reads_back_its_own_writes_before_they_are_committed() {
        let dir = tempfile::tempdir().unwrap();
        let writer = open(dir.path());
        let committed = Arc::new(AtomicU64::new(0));
        let mut buffer = BufferedCrawlStore::new(open(dir.path()), Arc::clone(&committed));
        buffer.put_url_record(&record(URL)).unwrap();
        assert_eq!(buffer.url_record(URL).unwrap(), Some(record(URL)));
        assert_eq!(StateCrawlStore(&writer).url_record(URL).unwrap(), None);
    }

    #[test]
    fn replayed_writes_land_in_the_state_in_the_order_they_were_made() {
        let dir = tempfile::tempdir().unwrap();
        let writer = open(dir.path());
        let committed = Arc::new(AtomicU64::new(0));
        let mut buffer = BufferedCrawlStore::new(open(dir.path()), Arc::clone(&committed));
        let entry = FrontierEntry {
            url: URL.into(),
            kind: PageKind::Detail,
            depth: 1,
            list_page: 0,
            origin: None,
        };
        buffer.frontier_push("gzdt", &entry).unwrap();
        buffer.put_url_record(&record(URL)).unwrap();
        buffer.frontier_done("gzdt", URL).unwrap();
        let writes = buffer.take_writes();
        assert_eq!(writes.len(), 3);
        writer.begin().unwrap();
        for w in &writes {
            w.apply(&mut StateCrawlStore(&writer)).unwrap();
        }
        writer.commit().unwrap();
        committed.store(1, Ordering::Release);
        assert_eq!(
            StateCrawlStore(&writer).frontier("gzdt").unwrap(),
            vec![(entry, true)]
        );
        // Committed: the crawl now reads the row from the state, not from memory.
        buffer.take_writes();
        assert!(buffer.pending_urls.is_empty());
        assert_eq!(buffer.url_record(URL).unwrap(), Some(record(URL)));
    }

    #[test]
    fn a_handed_out_document_counts_as_stored_until_its_batch_is_committed() {
        let dir = tempfile::tempdir().unwrap();
        let committed = Arc::new(AtomicU64::new(0));
        let mut buffer = BufferedCrawlStore::new(open(dir.path()), Arc::clone(&committed));
        let doc = RawDoc {
            id: URL.into(),
            source: duban_model::Source {
                url: Some(URL.into()),
                path: None,
                sha256: "cd".repeat(32),
                encoding: String::new(),
                fetched_at: None,
            },
            bytes: "<p>关于印发2025年政务公开工作要点的通知</p>".into(),
            media_type: duban_model::MediaType::Html,
            hints: duban_model::SourceHints::default(),
        };
        buffer.handed_out(std::slice::from_ref(&doc));
        assert_eq!(buffer.document_sha256(URL).unwrap(), Some("cd".repeat(32)));
        buffer.take_writes();
        committed.store(1, Ordering::Release);
        buffer.take_writes();
        // Its records were not stored (say cleaning failed): the state's answer stands.
        assert_eq!(buffer.document_sha256(URL).unwrap(), None);
    }
}
