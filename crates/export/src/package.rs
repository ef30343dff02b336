//! Writing the flat tables of an export as CSV or Parquet, with their `datapackage.json`.
//!
//! Each table is encoded whole in memory, then put in place as the JSONL files are: written
//! to a temporary file, synced and renamed, and not touched at all when its bytes are already
//! there (an unchanged export keeps its files' modification times). `datapackage.json` comes
//! last, so a package that names a file's hash was written after the file. A crash between
//! two renames can leave tables of two exports side by side; their hashes in
//! `datapackage.json` then tell (`frictionless validate` reports the mismatch) until the next
//! export.
//!
//! The JSONL pair is written by [`crate::ExportWriter`], which writes its `datapackage.json`
//! the same way.

use crate::datapackage::{DATAPACKAGE_FILE, Format, PackageFile, Selection, datapackage_json};
use crate::tables::Tables;
use crate::{ExportCounts, ExportError, io_error, put_file, sync_dir};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

/// Writes `tables` into `dir` (created if needed) as `format`, one file a table, then
/// `datapackage.json` describing them and `selection`. Files of other formats in `dir` are
/// left alone and not described.
pub fn write_tables(
    dir: &Path,
    format: Format,
    tables: &Tables,
    selection: &Selection,
) -> Result<ExportCounts, ExportError> {
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut files = Vec::with_capacity(tables.tables.len());
    let mut written = 0;
    for table in &tables.tables {
        let mut file = PackageFile {
            table: table.spec,
            format,
            bytes: 0,
            sha256: String::new(),
        };
        let encode_error = |reason: String| ExportError::Encode {
            path: dir.join(file.file_name()),
            reason,
        };
        let bytes = match format {
            Format::Csv => crate::csv_table::encode(table).map_err(|e| encode_error(e.to_string())),
            Format::Parquet => {
                crate::parquet_table::encode(table).map_err(|e| encode_error(e.to_string()))
            }
            Format::Jsonl => Err(encode_error(
                "the flat tables are CSV or Parquet; JSON Lines is written by ExportWriter".into(),
            )),
        }?;
        file.bytes = bytes.len() as u64;
        file.sha256 = hex::encode(Sha256::digest(&bytes));
        written += usize::from(put_file(dir, &file.file_name(), &bytes)?);
        files.push(file);
    }
    let package = datapackage_json(&files, selection);
    written += usize::from(put_file(dir, DATAPACKAGE_FILE, package.as_bytes())?);
    if written > 0 {
        sync_dir(dir)?;
    }
    Ok(ExportCounts {
        documents: tables.tables[0].rows.len(),
        obligations: tables.tables[1].rows.len(),
        progress: 0,
        files_written: written,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::TABLES;

    fn sample_tables() -> Tables {
        let (doc, obligations) = crate::tables::tests::sample();
        let mut tables = Tables::default();
        tables.push(&doc, &obligations);
        tables
    }

    #[test]
    fn every_table_and_the_package_are_written_and_described() {
        let dir = tempfile::tempdir().unwrap();
        let counts = write_tables(
            dir.path(),
            Format::Csv,
            &sample_tables(),
            &Selection::default(),
        )
        .unwrap();
        assert_eq!((counts.documents, counts.obligations), (1, 1));
        assert_eq!(counts.files_written, TABLES.len() + 1);
        let package: serde_json::Value =
            serde_json::from_slice(&fs::read(dir.path().join(DATAPACKAGE_FILE)).unwrap()).unwrap();
        for r in package["resources"].as_array().unwrap() {
            let bytes = fs::read(dir.path().join(r["path"].as_str().unwrap())).unwrap();
            assert_eq!(r["bytes"], bytes.len());
            assert_eq!(
                r["hash"],
                format!("sha256:{}", hex::encode(Sha256::digest(&bytes)))
            );
        }
    }

    #[test]
    fn the_same_tables_rewrite_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let tables = sample_tables();
        write_tables(dir.path(), Format::Parquet, &tables, &Selection::default()).unwrap();
        let again =
            write_tables(dir.path(), Format::Parquet, &tables, &Selection::default()).unwrap();
        assert_eq!(again.files_written, 0);
    }

    #[test]
    fn json_lines_are_not_flat_tables() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_tables(
            dir.path(),
            Format::Jsonl,
            &sample_tables(),
            &Selection::default(),
        )
        .unwrap_err();
        assert!(matches!(e, ExportError::Encode { .. }), "{e}");
    }
}
