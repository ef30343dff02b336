//! Tantivy index of obligations (being extended: issue 7).
//!
//! [`ObligationIndex`] keeps one tantivy document per obligation, replaced per source document
//! (delete by `doc_id`, add, commit), so pipeline runs update the index incrementally.

use duban_model::{Document, Obligation};
use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Tantivy refused an operation.
    #[error("index {path}: {source}")]
    Tantivy {
        /// The index folder.
        path: PathBuf,
        /// Tantivy's error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The index folder could not be created.
    #[error("index {path}: {source}")]
    Io {
        /// The index folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// The name under which the jieba tokenizer is registered.
pub const TOKENIZER: &str = "duban_jieba";

/// A tantivy tokenizer that emits the segmenter's fine-grained tokens with byte offsets.
#[derive(Clone, Default)]
pub struct ChineseTokenizer;

/// The token stream of [`ChineseTokenizer`].
pub struct ChineseTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for ChineseTokenizer {
    type TokenStream<'a> = ChineseTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> ChineseTokenStream {
        let mut tokens = Vec::new();
        for (position, t) in duban_segment::Segmenter::shared()
            .fine_tokens(text)
            .into_iter()
            .filter(|t| !t.text.trim().is_empty())
            .enumerate()
        {
            tokens.push(Token {
                offset_from: t.start,
                offset_to: t.end,
                position,
                text: t.text.to_lowercase(),
                position_length: 1,
            });
        }
        ChineseTokenStream { tokens, index: 0 }
    }
}

impl TokenStream for ChineseTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

/// The obligation index in a folder.
pub struct ObligationIndex {
    path: PathBuf,
    index: Index,
    writer: IndexWriter,
    doc_id: Field,
    json: Field,
    text: Field,
}

impl ObligationIndex {
    /// Opens the index in `dir`, creating it if needed.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        let path = dir.to_path_buf();
        let tv = |source| IndexError::Tantivy {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: path.clone(),
            source,
        })?;
        let mut sb = Schema::builder();
        let doc_id = sb.add_text_field("doc_id", STRING | STORED);
        let json = sb.add_text_field("json", STORED);
        let text_opts = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let text = sb.add_text_field("text", text_opts);
        let schema = sb.build();
        let dir_mm = tantivy::directory::MmapDirectory::open(dir).map_err(|e| tv(e.into()))?;
        let index = Index::open_or_create(dir_mm, schema).map_err(tv)?;
        index.tokenizers().register(TOKENIZER, ChineseTokenizer);
        let writer = index.writer(50_000_000).map_err(tv)?;
        Ok(ObligationIndex {
            path,
            index,
            writer,
            doc_id,
            json,
            text,
        })
    }

    /// Replaces the obligations of `doc` with `obligations`.
    pub fn upsert(&mut self, doc: &Document, obligations: &[Obligation]) -> Result<(), IndexError> {
        self.delete(&doc.id);
        for o in obligations {
            let mut d = TantivyDocument::default();
            d.add_text(self.doc_id, &doc.id);
            d.add_text(self.json, serde_json::to_string(o).unwrap_or_default());
            d.add_text(self.text, &o.text);
            self.writer
                .add_document(d)
                .map_err(|source| IndexError::Tantivy {
                    path: self.path.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Removes every obligation of a document.
    pub fn delete(&mut self, doc_id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.doc_id, doc_id));
    }

    /// Makes the changes visible to searches.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer.commit().map_err(|source| IndexError::Tantivy {
            path: self.path.clone(),
            source,
        })?;
        Ok(())
    }

    /// The tantivy index, for searching.
    pub fn index(&self) -> &Index {
        &self.index
    }
}
