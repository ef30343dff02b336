//! A crawled document as the cleaner takes it ([`RawDoc`]), made from a fetch or from the
//! crawl state's row of its URL: its id from the URL it was found at, the final URL, hash,
//! charset and media type, and the source's metadata defaults as hints.
//!
//! The rule of the archived charset lives here: a single page's document is its body, read
//! with the charset its response declared; a document stitched from several pages was made as
//! UTF-8 ([`crate::stitch`]), and its hash is not the page's.

use crate::config::HttpSource;
use crate::stitch::STITCHED_CHARSET;
use crate::store::UrlRecord;
use duban_model::{DocId, MediaType, RawDoc, Source, SourceHints};
use url::Url;

/// A document's body as the crawl has it.
#[derive(Debug)]
pub(crate) struct DocBody {
    /// The bytes (none yet for a document still to be read from the archive).
    pub bytes: Vec<u8>,
    /// Their SHA-256, the archive's key.
    pub sha256: String,
    /// The charset to read them with (a response's `Content-Type` charset, or UTF-8 for a
    /// stitched document).
    pub charset: Option<String>,
    /// HTML or text.
    pub media_type: MediaType,
}

/// The document found at `url` (its id) and answered from `final_url`, with the source's
/// metadata defaults as hints.
pub(crate) fn raw_doc(
    source: &HttpSource,
    url: &str,
    final_url: &str,
    body: DocBody,
    fetched_at: &str,
) -> RawDoc {
    RawDoc {
        id: DocId::from_url(url).to_string(),
        source: Source {
            url: Some(final_url.to_string()),
            path: None,
            sha256: body.sha256,
            encoding: String::new(),
            fetched_at: Some(fetched_at.to_string()),
        },
        bytes: body.bytes,
        media_type: body.media_type,
        hints: SourceHints {
            region: source.region.clone(),
            kind: source.kind,
            http_charset: body.charset,
            content_selector: source
                .detail
                .content_selector
                .as_ref()
                .map(|c| c.text.clone()),
        },
    }
}

/// The document a URL's row names (`doc_sha256`), without its bytes, which are in the
/// archive: read with the page's charset when it is the page's body, as UTF-8 when it was
/// stitched.
pub(crate) fn archived_doc(
    source: &HttpSource,
    url: &str,
    final_url: &str,
    row: &UrlRecord,
    fetched_at: &str,
) -> RawDoc {
    let charset = if row.doc_sha256 == row.sha256 {
        row.charset.clone()
    } else {
        Some(STITCHED_CHARSET.into())
    };
    let media_type = Url::parse(final_url)
        .ok()
        .and_then(|u| media_type(row.content_type.as_deref(), &u))
        .unwrap_or(MediaType::Html);
    let body = DocBody {
        bytes: Vec::new(),
        sha256: row.doc_sha256.clone().unwrap_or_default(),
        charset,
        media_type,
    };
    raw_doc(source, url, final_url, body, fetched_at)
}

/// HTML or text by `Content-Type`, else by extension; `None` for anything else (PDF, Word).
pub(crate) fn media_type(content_type: Option<&str>, url: &Url) -> Option<MediaType> {
    match content_type {
        Some("text/html") | Some("application/xhtml+xml") => Some(MediaType::Html),
        Some("text/plain") => Some(MediaType::Text),
        Some(_) => None,
        None => {
            let path = url.path().to_ascii_lowercase();
            if path.ends_with(".txt") {
                Some(MediaType::Text)
            } else if path.ends_with('/')
                || path.ends_with(".html")
                || path.ends_with(".htm")
                || path.ends_with(".shtml")
                || !path.rsplit('/').next().unwrap_or("").contains('.')
            {
                Some(MediaType::Html)
            } else {
                None
            }
        }
    }
}
