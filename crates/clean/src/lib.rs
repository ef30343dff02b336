//! HTML and scraped text to a clean document with its metadata.
//!
//! (Being rewritten: see issue 4.) The entry point is [`clean`].

use duban_model::{CleanDoc, DocKind, Document, RawDoc};

/// Why a document could not be cleaned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CleanError {
    /// The bytes are empty or whitespace only.
    #[error("{input}: empty document")]
    Empty {
        /// The document's path or URL.
        input: String,
    },
    /// The bytes are not text in any encoding Duban reads.
    #[error("{input}: not text ({reason})")]
    NotText {
        /// The document's path or URL.
        input: String,
        /// What gave it away.
        reason: String,
    },
}

/// Cleans one raw document.
pub fn clean(raw: &RawDoc) -> Result<CleanDoc, CleanError> {
    let input = raw
        .source
        .path
        .clone()
        .or(raw.source.url.clone())
        .unwrap_or_else(|| raw.id.clone());
    let text = std::str::from_utf8(&raw.bytes).map_err(|e| CleanError::NotText {
        input: input.clone(),
        reason: e.to_string(),
    })?;
    if text.trim().is_empty() {
        return Err(CleanError::Empty { input });
    }
    let mut source = raw.source.clone();
    source.encoding = "UTF-8".into();
    Ok(CleanDoc {
        document: Document {
            id: raw.id.clone(),
            source,
            title: None,
            doc_number: None,
            issuer: None,
            region: None,
            kind: raw.hints.kind.unwrap_or(DocKind::Other),
            published: None,
            signed: None,
            period: None,
            year: None,
            text: text.replace("\r\n", "\n"),
        },
        blocks: Vec::new(),
        warnings: Vec::new(),
    })
}
