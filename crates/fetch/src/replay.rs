//! Crawled documents read back from the raw archive, without the network: what `duban
//! reprocess` re-extracts, and what a run re-extracts after a new build for the pages its crawl
//! did not fetch again. The crawl state's row of a URL ([`UrlRecord`]) names the archived
//! document and how it is read (`document.rs`); a caller needs to know neither.

use crate::archive::Archive;
use crate::config::HttpSource;
use crate::document::archived_doc;
use crate::store::{UrlOutcome, UrlRecord};
use duban_model::RawDoc;

/// A crawled document to read back from the archive ([`replay`]).
#[derive(Debug)]
pub struct Replay {
    /// The document without its bytes.
    doc: RawDoc,
}

/// Why an archived document could not be read back.
#[derive(Debug, thiserror::Error)]
#[error("archived body {sha256}: {source}")]
pub struct ReplayError {
    /// The SHA-256 of the document's body.
    pub sha256: String,
    /// What reading the archive said.
    #[source]
    pub source: std::io::Error,
}

/// The document the crawl of `source` stored for `row`, to read back from the archive; `None`
/// when the row is not a document's (a list page, an attachment) or its URL has no current
/// body (its last fetch failed, or the page was withdrawn or disallowed).
pub fn replay(source: &HttpSource, row: &UrlRecord) -> Option<Replay> {
    let current = matches!(row.outcome, UrlOutcome::Fetched | UrlOutcome::NotModified);
    if !row.kind.is_document() || !current || row.doc_sha256.is_none() {
        return None;
    }
    let final_url = row.final_url.as_deref().unwrap_or(&row.url);
    let fetched_at = row.fetched_at.as_deref().unwrap_or(&row.checked_at);
    Some(Replay {
        doc: archived_doc(source, &row.url, final_url, row, fetched_at),
    })
}

impl Replay {
    /// The document as the cleaner will take it, but for its bytes: its id, source, media type
    /// and hints.
    pub fn document(&self) -> &RawDoc {
        &self.doc
    }

    /// The document with its bytes read from `archive`.
    pub fn read(self, archive: &Archive) -> Result<RawDoc, ReplayError> {
        let mut doc = self.doc;
        match archive.get(&doc.source.sha256) {
            Ok(bytes) => {
                doc.bytes = bytes;
                Ok(doc)
            }
            Err(source) => Err(ReplayError {
                sha256: doc.source.sha256,
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::PageKind;

    /// The row of a detail page fetched with a GBK body; `document` is the archived document's
    /// hash.
    fn row(page_sha: &str, document: &str) -> UrlRecord {
        UrlRecord {
            url: "https://www.example.gov.cn/art/2024/3/1/art_1.html".into(),
            source: "example".into(),
            kind: PageKind::Detail,
            outcome: UrlOutcome::NotModified,
            http_status: Some(304),
            final_url: Some("https://www.example.gov.cn/art/2024/3/1/art_1.html".into()),
            etag: None,
            last_modified: None,
            sha256: Some(page_sha.into()),
            doc_sha256: Some(document.into()),
            charset: Some("GBK".into()),
            content_type: Some("text/html".into()),
            fetched_at: Some("2024-03-02T01:00:00Z".into()),
            checked_at: "2024-03-09T01:00:00Z".into(),
            error: None,
        }
    }

    fn source() -> HttpSource {
        HttpSource::quick("example", Vec::new(), Vec::new())
    }

    #[test]
    fn a_single_page_is_read_with_its_own_charset_and_a_stitched_one_as_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::new(dir.path());
        let (page, _, _) = encoding_rs::GBK.encode("<p>一、做好春季森林防火工作</p>");
        let page_sha = archive.put(&page).unwrap();
        let single = replay(&source(), &row(&page_sha, &page_sha)).unwrap();
        assert_eq!(single.document().hints.http_charset.as_deref(), Some("GBK"));
        assert_eq!(single.read(&archive).unwrap().bytes, page.as_ref());

        let stitched = "<p>一、做好春季森林防火工作</p><p>二、加强值班值守</p>";
        let stitched_sha = archive.put(stitched.as_bytes()).unwrap();
        let two = replay(&source(), &row(&page_sha, &stitched_sha)).unwrap();
        assert_eq!(two.document().hints.http_charset.as_deref(), Some("UTF-8"));
        assert_eq!(
            two.document().source.fetched_at.as_deref(),
            Some("2024-03-02T01:00:00Z")
        );
        assert_eq!(two.read(&archive).unwrap().bytes, stitched.as_bytes());
    }

    #[test]
    fn only_a_documents_current_body_is_replayed() {
        let mut failed = row("a", "a");
        failed.outcome = UrlOutcome::Failed;
        assert!(replay(&source(), &failed).is_none());
        let mut list = row("a", "a");
        list.kind = PageKind::List;
        assert!(replay(&source(), &list).is_none());
    }

    #[test]
    fn a_body_missing_from_the_archive_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let gone = replay(&source(), &row("ab12", "ab12")).unwrap();
        let e = gone.read(&Archive::new(dir.path())).unwrap_err();
        assert!(e.to_string().starts_with("archived body ab12: "), "{e}");
    }
}
