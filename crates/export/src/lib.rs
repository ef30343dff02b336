//! JSONL exports: `documents.jsonl` and `obligations.jsonl`, and their JSON Schema.
//!
//! # Wire format
//! One JSON object a line, UTF-8, `\n` line ends, records ordered by document id and, within a
//! document, in outline order. Field names and meanings are those of the extraction spec
//! (§1 documents, §2 obligations) and of [`duban_model::Document`] and
//! [`duban_model::Obligation`]; the committed schemas [`DOCUMENT_SCHEMA`] and
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
pub struct ExportRecord<'a> {
    /// The document record as one line of JSON.
    pub document: &'a str,
    /// The obligation records, one line of JSON each.
    pub obligations: &'a [String],
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportCounts {
    /// Lines of `documents.jsonl`.
    pub documents: usize,
    /// Lines of `obligations.jsonl`.
    pub obligations: usize,
}

/// Writes both export files into `dir` (created if needed), replacing them atomically.
pub fn write_jsonl<'a>(
    dir: &Path,
    records: impl IntoIterator<Item = ExportRecord<'a>>,
) -> Result<ExportCounts, ExportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    let docs_path = dir.join(DOCUMENTS_FILE);
    let obls_path = dir.join(OBLIGATIONS_FILE);
    let docs_tmp = dir.join(format!(".{DOCUMENTS_FILE}.tmp"));
    let obls_tmp = dir.join(format!(".{OBLIGATIONS_FILE}.tmp"));
    let mut docs = BufWriter::new(fs::File::create(&docs_tmp).map_err(io(&docs_tmp))?);
    let mut obls = BufWriter::new(fs::File::create(&obls_tmp).map_err(io(&obls_tmp))?);
    let mut counts = ExportCounts::default();
    for rec in records {
        writeln!(docs, "{}", rec.document).map_err(io(&docs_tmp))?;
        counts.documents += 1;
        for o in rec.obligations {
            writeln!(obls, "{o}").map_err(io(&obls_tmp))?;
            counts.obligations += 1;
        }
    }
    for (w, tmp, path) in [(docs, &docs_tmp, &docs_path), (obls, &obls_tmp, &obls_path)] {
        let file = w.into_inner().map_err(|e| ExportError::Io {
            path: tmp.clone(),
            source: e.into_error(),
        })?;
        file.sync_all().map_err(io(tmp))?;
        fs::rename(tmp, path).map_err(io(path))?;
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exporting_twice_gives_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let obls = vec![r#"{"id":"d#1."}"#.to_string()];
        let run = || {
            write_jsonl(
                dir.path(),
                [ExportRecord {
                    document: r#"{"id":"d"}"#,
                    obligations: &obls,
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
}
