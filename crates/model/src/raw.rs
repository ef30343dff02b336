//! The intermediate records: fetched bytes ([`RawDoc`]) and cleaned documents ([`CleanDoc`]).

use crate::document::{DocKind, Document, Source};
use serde::{Deserialize, Serialize};

/// What kind of bytes a [`RawDoc`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaType {
    /// An HTML page.
    Html,
    /// Plain text, already scraped by someone.
    Text,
}

/// Defaults for metadata the document itself may not print, from a pipeline's source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceHints {
    /// GB/T 2260 code to use when the document names no region.
    pub region: Option<String>,
    /// Kind to use when the title does not tell.
    pub kind: Option<DocKind>,
    /// Charset from the HTTP `Content-Type` header, if any.
    pub http_charset: Option<String>,
    /// Content selector for the page's main text, if the pipeline names one.
    pub content_selector: Option<String>,
}

/// fetch → clean: raw bytes with where they came from.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// The document's stable id.
    pub id: String,
    /// Where the bytes came from (`encoding` is filled in by the cleaner).
    pub source: Source,
    /// The bytes as received.
    pub bytes: Vec<u8>,
    /// HTML or text.
    pub media_type: MediaType,
    /// Pipeline defaults and transport hints.
    pub hints: SourceHints,
}

impl RawDoc {
    /// What names the document to a person in messages: its path, else its URL, else its id.
    pub fn input_name(&self) -> String {
        self.source
            .path
            .clone()
            .or_else(|| self.source.url.clone())
            .unwrap_or_else(|| self.id.clone())
    }
}

/// One row of a table: its cells, keyed by the column headers when the table has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    /// The cell texts, in column order.
    pub cells: Vec<String>,
    /// `[start, end)` byte range of the row in the document text.
    pub span: (usize, usize),
}

/// A structural block of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A table with its header row and body rows; the rows are also lines of the text.
    Table {
        /// The column headers (序号, 工作任务, 牵头部门, …).
        header: Vec<String>,
        /// The body rows.
        rows: Vec<TableRow>,
    },
}

/// clean → extract/index/export: a document with its cleaned text, metadata and tables.
#[derive(Debug, Clone)]
pub struct CleanDoc {
    /// The document record (metadata and cleaned text).
    pub document: Document,
    /// Tables found in the text, with byte spans into `document.text`.
    pub blocks: Vec<Block>,
    /// Problems the cleaner recovered from (a wrong charset declaration, say), for the run report.
    pub warnings: Vec<String>,
}

impl From<Document> for CleanDoc {
    /// A document with no tables and no warnings: what the extractor is given in tests,
    /// benchmarks and examples.
    ///
    /// ```
    /// use duban_model::{CleanDoc, DocKind, Document};
    /// let d = CleanDoc::from(Document::from_text("file:demo.txt", DocKind::Plan, Some(2016), "1.加强组织领导。"));
    /// assert_eq!((d.document.year, d.blocks.len()), (Some(2016), 0));
    /// ```
    fn from(document: Document) -> Self {
        CleanDoc {
            document,
            blocks: Vec::new(),
            warnings: Vec::new(),
        }
    }
}
