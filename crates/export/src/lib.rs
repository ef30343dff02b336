//! JSONL exports: `documents.jsonl` and `obligations.jsonl`, and their JSON Schema.
//!
//! # Wire format
//! One JSON object a line, UTF-8, `\n` line ends, records ordered by document id and, within a
//! document, in outline order. Field names and meanings are those of the extraction spec
//! (§1 documents, §2 obligations) and of `duban_model::Document` and
//! `duban_model::Obligation`; the committed schemas [`DOCUMENT_SCHEMA`] and
//! [`OBLIGATION_SCHEMA`] state them for any JSON Schema validator. Records carry no run time,
//! so exporting the same records twice gives the same bytes.
//!
//! Files are written to a temporary file in the same folder, flushed to disk and renamed over
//! the old one, so a reader never sees half an export and a crash leaves the previous export.
//!
//! This crate does not decide what is exported: its caller hands it the records.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// JSON Schema (draft 2020-12) of a line of `documents.jsonl`.
pub const DOCUMENT_SCHEMA: &str = include_str!("../schema/document.schema.json");
/// JSON Schema (draft 2020-12) of a line of `obligations.jsonl`.
pub const OBLIGATION_SCHEMA: &str = include_str!("../schema/obligation.schema.json");

/// The file name of the document export.
pub const DOCUMENTS_FILE: &str = "documents.jsonl";
/// The file name of the obligation export.
pub const OBLIGATIONS_FILE: &str = "obligations.jsonl";

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The file system refused a write.
    #[error("writing export {path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// One document's export lines: its record and its obligations, each already JSON.
#[derive(Debug, Clone, Copy)]
pub struct ExportRecord<'a> {
    /// The document record as one line of JSON.
    pub document: &'a str,
    /// The obligation records as JSON Lines: one JSON object a line, each ending in `\n`.
    pub obligations: &'a str,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportCounts {
    /// Lines of `documents.jsonl`.
    pub documents: usize,
    /// Lines of `obligations.jsonl`.
    pub obligations: usize,
}

/// Both export files being written, one document at a time, into temporary files that
/// [`ExportWriter::finish`] puts in place. Dropped without `finish`, the previous export stays.
pub struct ExportWriter {
    docs: BufWriter<fs::File>,
    obls: BufWriter<fs::File>,
    docs_tmp: PathBuf,
    obls_tmp: PathBuf,
    dir: PathBuf,
    counts: ExportCounts,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + use<> {
    let path = path.to_path_buf();
    move |source| ExportError::Io { path, source }
}

impl ExportWriter {
    /// Starts an export into `dir` (created if needed).
    pub fn create(dir: &Path) -> Result<Self, ExportError> {
        fs::create_dir_all(dir).map_err(io_error(dir))?;
        let docs_tmp = dir.join(format!(".{DOCUMENTS_FILE}.tmp"));
        let obls_tmp = dir.join(format!(".{OBLIGATIONS_FILE}.tmp"));
        let open = |p: &Path| {
            fs::File::create(p)
                .map(|f| BufWriter::with_capacity(1 << 20, f))
                .map_err(io_error(p))
        };
        Ok(ExportWriter {
            docs: open(&docs_tmp)?,
            obls: open(&obls_tmp)?,
            docs_tmp,
            obls_tmp,
            dir: dir.to_path_buf(),
            counts: ExportCounts::default(),
        })
    }

    /// Appends one document's lines.
    pub fn push(&mut self, rec: ExportRecord<'_>) -> Result<(), ExportError> {
        self.docs
            .write_all(rec.document.as_bytes())
            .and_then(|()| self.docs.write_all(b"\n"))
            .map_err(io_error(&self.docs_tmp))?;
        self.counts.documents += 1;
        let lines = rec.obligations.as_bytes();
        self.obls
            .write_all(lines)
            .map_err(io_error(&self.obls_tmp))?;
        self.counts.obligations += lines.iter().filter(|&&b| b == b'\n').count();
        // A block without its final line end would run into the next document's first line.
        if lines.last().is_some_and(|&b| b != b'\n') {
            self.obls
                .write_all(b"\n")
                .map_err(io_error(&self.obls_tmp))?;
            self.counts.obligations += 1;
        }
        Ok(())
    }

    /// Flushes both files to disk and renames them over the previous export.
    pub fn finish(self) -> Result<ExportCounts, ExportError> {
        let files = [
            (self.docs, self.docs_tmp, DOCUMENTS_FILE),
            (self.obls, self.obls_tmp, OBLIGATIONS_FILE),
        ];
        for (w, tmp, name) in files {
            let file = w.into_inner().map_err(|e| ExportError::Io {
                path: tmp.clone(),
                source: e.into_error(),
            })?;
            file.sync_all().map_err(io_error(&tmp))?;
            let path = self.dir.join(name);
            fs::rename(&tmp, &path).map_err(io_error(&path))?;
        }
        Ok(self.counts)
    }
}

/// Writes both export files into `dir` (created if needed), replacing them atomically.
pub fn write_jsonl<'a>(
    dir: &Path,
    records: impl IntoIterator<Item = ExportRecord<'a>>,
) -> Result<ExportCounts, ExportError> {
    let mut w = ExportWriter::create(dir)?;
    for rec in records {
        w.push(rec)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exporting_twice_gives_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let run = || {
            write_jsonl(
                dir.path(),
                [ExportRecord {
                    document: r#"{"id":"d"}"#,
                    obligations: "{\"id\":\"d#1.\"}\n",
                }],
            )
            .unwrap();
            fs::read(dir.path().join(OBLIGATIONS_FILE)).unwrap()
        };
        assert_eq!(run(), run());
        assert_eq!(
            fs::read_to_string(dir.path().join(DOCUMENTS_FILE)).unwrap(),
            "{\"id\":\"d\"}\n"
        );
    }

    #[test]
    fn the_schemas_are_json() {
        for s in [DOCUMENT_SCHEMA, OBLIGATION_SCHEMA] {
            let v: serde_json::Value = serde_json::from_str(s).unwrap();
            assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
        }
    }

    #[test]
    fn every_obligation_line_is_counted_and_ends_in_a_line_end() {
        let dir = tempfile::tempdir().unwrap();
        let counts = write_jsonl(
            dir.path(),
            [
                ExportRecord {
                    document: "{\"id\":\"a\"}",
                    obligations: "{\"id\":\"a#1.\"}\n{\"id\":\"a#2.\"}",
                },
                ExportRecord {
                    document: "{\"id\":\"b\"}",
                    obligations: "",
                },
            ],
        )
        .unwrap();
        assert_eq!(
            counts,
            ExportCounts {
                documents: 2,
                obligations: 2
            }
        );
        assert_eq!(
            fs::read_to_string(dir.path().join(OBLIGATIONS_FILE)).unwrap(),
            "{\"id\":\"a#1.\"}\n{\"id\":\"a#2.\"}\n"
        );
    }

    #[test]
    fn an_export_dropped_before_finish_leaves_the_previous_one() {
        let dir = tempfile::tempdir().unwrap();
        write_jsonl(dir.path(), []).unwrap();
        let mut w = ExportWriter::create(dir.path()).unwrap();
        w.push(ExportRecord {
            document: "{}",
            obligations: "",
        })
        .unwrap();
        drop(w);
        assert_eq!(
            fs::read_to_string(dir.path().join(DOCUMENTS_FILE)).unwrap(),
            ""
        );
    }
}
