//! Exports: `documents.jsonl` and `obligations.jsonl`, their JSON Schema, `progress.jsonl`
//! (each quantified target beside its result, as `duban track` links them), the
//! `manifest.json` that ties the files together, and the `datapackage.json` that describes
//! them; the same documents and obligations as flat CSV or Parquet tables for researchers
//! ([`tables`], [`package`]).
//!
//! # Wire format
//! One JSON object a line, UTF-8, `\n` line ends, records ordered by document id and, within a
//! document, in outline order. Field names and meanings are those of the extraction spec
//! (§1 documents, §2 obligations) and of `duban_model::Document` and
//! `duban_model::Obligation`; the committed schemas [`DOCUMENT_SCHEMA`] and
//! [`OBLIGATION_SCHEMA`] state them for any JSON Schema validator. Records carry no run time,
//! so exporting the same records twice gives the same bytes.
//!
//! # Writing
//! The three files are written in full to temporary files in the same folder, flushed and
//! synced, and only then renamed over the old ones, the folder synced after. `manifest.json` is
//! written last the same way: it names the state the export was made from and each file's
//! lines, bytes and SHA-256, so a reader can tell a whole pair ([`verify`]) from one torn by a
//! crash between the two renames. A file whose new bytes equal the old ones is not replaced:
//! an export of unchanged records leaves every file, and its modification time, as it was.
//! Temporary files are removed when an export fails and, left by a killed process, when the
//! next one starts.
//!
//! An export never goes backwards silently: over a non-empty export made from another state
//! (`state.sqlite` deleted or replaced), or one with more documents than the new one, it fails
//! with [`ExportError::OtherState`] or [`ExportError::WouldDrop`] unless forced.
//!
//! After the manifest, [`ExportWriter::finish`] writes `datapackage.json` (see [`datapackage`]):
//! the pair's Frictionless description, with the format version and licence. The JSONL lines
//! themselves carry no version field, so that their bytes (the graded export) stay those of
//! the extraction spec; the version is in `datapackage.json` and in every row of the tables.
//!
//! This crate does not decide what is exported: its caller hands it the records, the progress
//! lines already JSON (they are `duban-track`'s, which this crate does not know).

pub mod csv_table;
pub mod datapackage;
pub mod package;
pub mod parquet_table;
pub mod tables;

pub use datapackage::{DATAPACKAGE_FILE, Format, Selection};
pub use package::write_tables;
pub use tables::{FORMAT_VERSION, Tables};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// JSON Schema (draft 2020-12) of a line of `documents.jsonl`.
pub const DOCUMENT_SCHEMA: &str = include_str!("../schema/document.schema.json");
/// JSON Schema (draft 2020-12) of a line of `obligations.jsonl`.
pub const OBLIGATION_SCHEMA: &str = include_str!("../schema/obligation.schema.json");

/// The file name of the document export.
pub const DOCUMENTS_FILE: &str = "documents.jsonl";
/// The file name of the obligation export.
pub const OBLIGATIONS_FILE: &str = "obligations.jsonl";
/// The file name of the progress export: one target a line, with its result and status.
pub const PROGRESS_FILE: &str = "progress.jsonl";
/// The file name of the manifest written after the exports.
pub const MANIFEST_FILE: &str = "manifest.json";

/// The version of [`Manifest`]'s shape.
const MANIFEST_FORMAT: u32 = 1;

/// Why an export could not be written or read.
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
    /// The folder holds an export made from another state.
    #[error(
        "export {dir} holds {documents} documents made from another state ({old_state}, this \
         state is {new_state}): state.sqlite was deleted or replaced since. Restore it, or \
         pass --force to replace the export with what this state holds"
    )]
    OtherState {
        /// The export folder.
        dir: PathBuf,
        /// Documents of the export in place.
        documents: usize,
        /// The state id its manifest names.
        old_state: String,
        /// The state being exported.
        new_state: String,
    },
    /// The new export has fewer documents than the one in place.
    #[error(
        "export {dir} holds {old} documents; this state has {new}: writing it would drop \
         documents (was state.sqlite restored from an older copy?). Pass --force to write it \
         anyway"
    )]
    WouldDrop {
        /// The export folder.
        dir: PathBuf,
        /// Documents of the export in place.
        old: usize,
        /// Documents of the new export.
        new: usize,
    },
    /// A manifest that is not the JSON Duban writes.
    #[error("export manifest {path}: {source}")]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A table could not be encoded as CSV or Parquet.
    #[error("encoding export {path}: {reason}")]
    Encode {
        /// The file being written.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// A file that does not match its manifest (a torn pair, or edited since).
    #[error("export {path} does not match {MANIFEST_FILE}: {reason}")]
    Mismatch {
        /// The export file.
        path: PathBuf,
        /// What differs.
        reason: String,
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
    /// Lines of `progress.jsonl`.
    pub progress: usize,
    /// Files replaced (exports and manifest); 0 when every byte was already in place.
    pub files_written: usize,
}

/// The state an export is made from (the state's id and generation, see `duban-state`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportOrigin {
    /// The id of the state database.
    pub state_id: String,
    /// Its generation when the export was written.
    pub state_generation: i64,
}

/// One file named by the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Its name in the export folder.
    pub name: String,
    /// Its lines (records).
    pub lines: usize,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
}

/// `manifest.json`: what the export pair holds and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The version of this shape.
    pub format: u32,
    /// The state the export was made from.
    #[serde(flatten)]
    pub origin: ExportOrigin,
    /// `documents.jsonl`, `obligations.jsonl` and `progress.jsonl`, in that order (the last
    /// absent from exports made before it was).
    pub files: Vec<ManifestFile>,
}

impl Manifest {
    /// The documents the export holds.
    pub fn documents(&self) -> usize {
        self.files
            .iter()
            .find(|f| f.name == DOCUMENTS_FILE)
            .map_or(0, |f| f.lines)
    }
}

pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + use<> {
    let path = path.to_path_buf();
    move |source| ExportError::Io { path, source }
}

/// Where a temporary file's bytes go: a file, or in tests one that fails on demand.
trait Sink: Write + Send {
    /// Makes the bytes written durable.
    fn sync(&mut self) -> std::io::Result<()>;
}

impl Sink for fs::File {
    fn sync(&mut self) -> std::io::Result<()> {
        self.sync_all()
    }
}

/// A sink that hashes and counts what passes through it.
struct Hashing {
    sink: Box<dyn Sink>,
    sha: Sha256,
    bytes: u64,
}

impl Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.sink.write(buf)?;
        self.sha.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.sink.flush()
    }
}

/// One export file being written to its temporary file.
struct TempFile {
    name: &'static str,
    tmp: PathBuf,
    writer: BufWriter<Hashing>,
    lines: usize,
}

fn temp_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.tmp"))
}

type Opener<'a> = &'a dyn Fn(&Path) -> std::io::Result<Box<dyn Sink>>;

/// The export files being written, one document at a time, into temporary files that
/// [`ExportWriter::finish`] puts in place. Dropped without `finish`, the previous export stays
/// and the temporary files are removed.
pub struct ExportWriter {
    files: Vec<TempFile>,
    temps: Vec<PathBuf>,
    dir: PathBuf,
    origin: ExportOrigin,
    selection: Selection,
}

impl ExportWriter {
    /// Starts an export into `dir` (created if needed) of the state `origin`.
    pub fn create(dir: &Path, origin: ExportOrigin) -> Result<Self, ExportError> {
        Self::create_with(dir, origin, &|p| {
            fs::File::create(p).map(|f| Box::new(f) as Box<dyn Sink>)
        })
    }

    fn create_with(
        dir: &Path,
        origin: ExportOrigin,
        open: Opener<'_>,
    ) -> Result<Self, ExportError> {
        fs::create_dir_all(dir).map_err(io_error(dir))?;
        // Left by a process killed while exporting: nobody else writes here (the data folder's
        // lock keeps runs apart), so they are garbage.
        for name in [
            DOCUMENTS_FILE,
            OBLIGATIONS_FILE,
            PROGRESS_FILE,
            MANIFEST_FILE,
            DATAPACKAGE_FILE,
        ] {
            let tmp = temp_path(dir, name);
            match fs::remove_file(&tmp) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io_error(&tmp)(e));
                }
                _ => {}
            }
        }
        let mut w = ExportWriter {
            files: Vec::new(),
            temps: Vec::new(),
            dir: dir.to_path_buf(),
            origin,
            selection: Selection::default(),
        };
        for name in [DOCUMENTS_FILE, OBLIGATIONS_FILE, PROGRESS_FILE] {
            let tmp = temp_path(dir, name);
            let sink = open(&tmp).map_err(io_error(&tmp))?;
            w.temps.push(tmp.clone());
            w.files.push(TempFile {
                name,
                tmp,
                writer: BufWriter::with_capacity(
                    1 << 20,
                    Hashing {
                        sink,
                        sha: Sha256::new(),
                        bytes: 0,
                    },
                ),
                lines: 0,
            });
        }
        Ok(w)
    }

    /// Says in `datapackage.json` that the export holds only what `selection` kept.
    pub fn select(&mut self, selection: Selection) {
        self.selection = selection;
    }

    /// Appends one document's lines.
    pub fn push(&mut self, rec: ExportRecord<'_>) -> Result<(), ExportError> {
        let [docs, obls, _] = &mut self.files[..] else {
            unreachable!("an export writer holds three files")
        };
        docs.writer
            .write_all(rec.document.as_bytes())
            .and_then(|()| docs.writer.write_all(b"\n"))
            .map_err(io_error(&docs.tmp))?;
        docs.lines += 1;
        let lines = rec.obligations.as_bytes();
        obls.writer.write_all(lines).map_err(io_error(&obls.tmp))?;
        obls.lines += lines.iter().filter(|&&b| b == b'\n').count();
        // A block without its final line end would run into the next document's first line.
        if lines.last().is_some_and(|&b| b != b'\n') {
            obls.writer.write_all(b"\n").map_err(io_error(&obls.tmp))?;
            obls.lines += 1;
        }
        Ok(())
    }

    /// Appends one line of `progress.jsonl`: a target with its result, already JSON.
    pub fn push_progress(&mut self, line: &str) -> Result<(), ExportError> {
        let [_, _, progress] = &mut self.files[..] else {
            unreachable!("an export writer holds three files")
        };
        progress
            .writer
            .write_all(line.trim_end_matches('\n').as_bytes())
            .and_then(|()| progress.writer.write_all(b"\n"))
            .map_err(io_error(&progress.tmp))?;
        progress.lines += 1;
        Ok(())
    }

    /// Flushes and syncs the files, then, unless the export would go backwards (see the
    /// crate's documentation; `force` writes it anyway), puts in place those whose bytes
    /// changed, then the manifest, then `datapackage.json`.
    pub fn finish(mut self, force: bool) -> Result<ExportCounts, ExportError> {
        let mut written = Vec::new();
        for f in std::mem::take(&mut self.files) {
            let mut hashing = f.writer.into_inner().map_err(|e| ExportError::Io {
                path: f.tmp.clone(),
                source: e.into_error(),
            })?;
            hashing.sink.sync().map_err(io_error(&f.tmp))?;
            written.push((
                f.tmp,
                ManifestFile {
                    name: f.name.to_string(),
                    lines: f.lines,
                    bytes: hashing.bytes,
                    sha256: hex::encode(hashing.sha.finalize()),
                },
            ));
        }
        let manifest = Manifest {
            format: MANIFEST_FORMAT,
            origin: self.origin.clone(),
            files: written.iter().map(|(_, m)| m.clone()).collect(),
        };
        if !force {
            self.refuse_going_back(manifest.documents())?;
        }
        let mut counts = ExportCounts {
            documents: manifest.files[0].lines,
            obligations: manifest.files[1].lines,
            progress: manifest.files[2].lines,
            files_written: 0,
        };
        for (tmp, file) in &written {
            let path = self.dir.join(&file.name);
            if same_bytes(&path, file)? {
                fs::remove_file(tmp).map_err(io_error(tmp))?;
            } else {
                fs::rename(tmp, &path).map_err(io_error(&path))?;
                counts.files_written += 1;
            }
        }
        let mut json = serde_json::to_string_pretty(&manifest).unwrap_or_default();
        json.push('\n');
        if put_file(&self.dir, MANIFEST_FILE, json.as_bytes())? {
            counts.files_written += 1;
        }
        let described: Vec<datapackage::PackageFile> = manifest
            .files
            .iter()
            .zip(&tables::JSONL_TABLES)
            .map(|(file, table)| datapackage::PackageFile {
                table,
                format: Format::Jsonl,
                bytes: file.bytes,
                sha256: file.sha256.clone(),
            })
            .collect();
        let package = datapackage::datapackage_json(&described, &self.selection);
        if put_file(&self.dir, DATAPACKAGE_FILE, package.as_bytes())? {
            counts.files_written += 1;
        }
        if counts.files_written > 0 {
            sync_dir(&self.dir)?;
        }
        Ok(counts)
    }

    /// Fails when the export in place holds documents this one would drop.
    fn refuse_going_back(&self, new: usize) -> Result<(), ExportError> {
        let (old_state, old) = match read_manifest(&self.dir)? {
            Some(m) => (Some(m.origin.state_id.clone()), m.documents()),
            // An export from before manifests: its lines are its documents.
            None => (None, count_lines(&self.dir.join(DOCUMENTS_FILE))?),
        };
        if old == 0 {
            return Ok(());
        }
        match old_state {
            Some(old_state) if old_state != self.origin.state_id => Err(ExportError::OtherState {
                dir: self.dir.clone(),
                documents: old,
                old_state,
                new_state: self.origin.state_id.clone(),
            }),
            _ if new < old => Err(ExportError::WouldDrop {
                dir: self.dir.clone(),
                old,
                new,
            }),
            _ => Ok(()),
        }
    }
}

impl Drop for ExportWriter {
    fn drop(&mut self) {
        // After a successful finish they are renamed or removed already; after a failure they
        // are half an export.
        for tmp in &self.temps {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Whether the file at `path` has the size and SHA-256 `file` names.
fn same_bytes(path: &Path, file: &ManifestFile) -> Result<bool, ExportError> {
    match fs::metadata(path) {
        Ok(m) if m.len() == file.bytes => {}
        _ => return Ok(false),
    }
    Ok(sha256_of(path)? == file.sha256)
}

fn sha256_of(path: &Path) -> Result<String, ExportError> {
    let mut f = fs::File::open(path).map_err(io_error(path))?;
    let mut sha = Sha256::new();
    let mut buf = vec![0; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(io_error(path))?;
        if n == 0 {
            break;
        }
        sha.update(&buf[..n]);
    }
    Ok(hex::encode(sha.finalize()))
}

fn count_lines(path: &Path) -> Result<usize, ExportError> {
    match fs::File::open(path) {
        Ok(f) => {
            let mut n = 0;
            let mut reader = BufReader::with_capacity(1 << 20, f);
            loop {
                let buf = reader.fill_buf().map_err(io_error(path))?;
                if buf.is_empty() {
                    return Ok(n);
                }
                n += buf.iter().filter(|&&b| b == b'\n').count();
                let len = buf.len();
                reader.consume(len);
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
        Err(e) => Err(io_error(path)(e)),
    }
}

/// Puts `bytes` in `dir` as `name` unless the file holds them already (its modification time
/// then stays): written to a temporary file, synced, and renamed over the old one, so a reader
/// sees the old file or the new one, never half. Returns whether it wrote; the caller syncs
/// the folder ([`sync_dir`]) after its last rename.
pub(crate) fn put_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<bool, ExportError> {
    let path = dir.join(name);
    if fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && fs::read(&path).ok().as_deref() == Some(bytes)
    {
        return Ok(false);
    }
    let tmp = temp_path(dir, name);
    let written = fs::File::create(&tmp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .map_err(io_error(&tmp))
        .and_then(|()| fs::rename(&tmp, &path).map_err(io_error(&path)));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written.map(|()| true)
}

/// Makes the renames in `dir` durable (a rename is a change of the folder).
pub(crate) fn sync_dir(dir: &Path) -> Result<(), ExportError> {
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error(dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The manifest of the export in `dir`, if it has one.
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>, ExportError> {
    let path = dir.join(MANIFEST_FILE);
    match fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| ExportError::Manifest { path, source }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(&path)(e)),
    }
}

/// Checks that the export files of `dir` are those its manifest names (sizes and SHA-256):
/// a reader that gets `Ok` reads a pair written together. `Ok(None)` when there is no manifest.
pub fn verify(dir: &Path) -> Result<Option<Manifest>, ExportError> {
    let Some(manifest) = read_manifest(dir)? else {
        return Ok(None);
    };
    for file in &manifest.files {
        let path = dir.join(&file.name);
        if !same_bytes(&path, file)? {
            return Err(ExportError::Mismatch {
                path,
                reason: format!("expected {} bytes with SHA-256 {}", file.bytes, file.sha256),
            });
        }
    }
    Ok(Some(manifest))
}

/// Writes the export files into `dir` (created if needed), replacing them atomically;
/// refuses to go backwards (see [`ExportWriter::finish`]).
pub fn write_jsonl<'a>(
    dir: &Path,
    origin: ExportOrigin,
    records: impl IntoIterator<Item = ExportRecord<'a>>,
) -> Result<ExportCounts, ExportError> {
    let mut w = ExportWriter::create(dir, origin)?;
    for rec in records {
        w.push(rec)?;
    }
    w.finish(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(state_id: &str) -> ExportOrigin {
        ExportOrigin {
            state_id: state_id.into(),
            state_generation: 3,
        }
    }

    /// `n` documents of one obligation each.
    fn records(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| {
                (
                    format!(r#"{{"id":"doc-{i:03}","title":"关于做好{i}号行政复议工作的通知"}}"#),
                    format!("{{\"id\":\"doc-{i:03}#1.\",\"text\":\"各区县应当按期办结行政复议案件。\"}}\n"),
                )
            })
            .collect()
    }

    fn export(
        dir: &Path,
        state: &str,
        recs: &[(String, String)],
        force: bool,
    ) -> Result<ExportCounts, ExportError> {
        let mut w = ExportWriter::create(dir, origin(state))?;
        for (d, o) in recs {
            w.push(ExportRecord {
                document: d,
                obligations: o,
            })?;
        }
        w.finish(force)
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn exporting_twice_gives_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let run = || {
            write_jsonl(
                dir.path(),
                origin("a1"),
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
    fn progress_lines_are_written_counted_and_described() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ExportWriter::create(dir.path(), origin("a1")).unwrap();
        w.push(ExportRecord {
            document: r#"{"id":"plan"}"#,
            obligations: "",
        })
        .unwrap();
        // A line with its line end and one without: each is one line of the file.
        w.push_progress("{\"target\":{\"text\":\"出庭应诉率达到90%以上\"},\"status\":\"met\"}\n")
            .unwrap();
        w.push_progress(
            "{\"target\":{\"text\":\"复议纠错率控制在5%以内\"},\"status\":\"no_result\"}",
        )
        .unwrap();
        let counts = w.finish(false).unwrap();
        assert_eq!(counts.progress, 2);
        let text = fs::read_to_string(dir.path().join(PROGRESS_FILE)).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(text.ends_with("\"no_result\"}\n"), "{text}");
        let manifest = verify(dir.path()).unwrap().unwrap();
        assert_eq!(manifest.files[2].name, PROGRESS_FILE);
        assert_eq!(manifest.files[2].lines, 2);
        let package: serde_json::Value =
            serde_json::from_slice(&fs::read(dir.path().join(DATAPACKAGE_FILE)).unwrap()).unwrap();
        let progress = &package["resources"][2];
        assert_eq!(progress["path"], PROGRESS_FILE);
        assert_eq!(progress["bytes"], text.len());
        assert!(progress["schema"].get("primaryKey").is_none());
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
            origin("a1"),
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
        assert_eq!((counts.documents, counts.obligations), (2, 2));
        assert_eq!(
            fs::read_to_string(dir.path().join(OBLIGATIONS_FILE)).unwrap(),
            "{\"id\":\"a#1.\"}\n{\"id\":\"a#2.\"}\n"
        );
    }

    #[test]
    fn an_export_dropped_before_finish_leaves_the_previous_one_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        write_jsonl(dir.path(), origin("a1"), []).unwrap();
        let mut w = ExportWriter::create(dir.path(), origin("a1")).unwrap();
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
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    /// A file that takes `room` bytes and then fails as a full disk does.
    struct FullDisk {
        file: fs::File,
        room: usize,
    }

    impl Write for FullDisk {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "no space left on device",
                ));
            }
            self.room -= buf.len();
            self.file.write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.file.flush()
        }
    }

    impl Sink for FullDisk {
        fn sync(&mut self) -> std::io::Result<()> {
            self.file.sync_all()
        }
    }

    #[test]
    fn a_full_disk_while_writing_obligations_leaves_the_previous_pair_whole() {
        let dir = tempfile::tempdir().unwrap();
        export(dir.path(), "a1", &records(2), false).unwrap();
        let before = (
            fs::read(dir.path().join(DOCUMENTS_FILE)).unwrap(),
            fs::read(dir.path().join(OBLIGATIONS_FILE)).unwrap(),
        );
        // The obligations' file fails when its buffer is flushed, after the documents' file
        // was written whole: the moment the old writer renamed documents.jsonl already.
        let open = |p: &Path| -> std::io::Result<Box<dyn Sink>> {
            let file = fs::File::create(p)?;
            let room = if p.ends_with(format!(".{OBLIGATIONS_FILE}.tmp")) {
                500
            } else {
                usize::MAX
            };
            Ok(Box::new(FullDisk { file, room }))
        };
        let mut w = ExportWriter::create_with(dir.path(), origin("a1"), &open).unwrap();
        for (d, o) in &records(26) {
            w.push(ExportRecord {
                document: d,
                obligations: o,
            })
            .unwrap();
        }
        let e = w.finish(false).unwrap_err();
        assert!(e.to_string().contains("no space left"), "{e}");
        let after = (
            fs::read(dir.path().join(DOCUMENTS_FILE)).unwrap(),
            fs::read(dir.path().join(OBLIGATIONS_FILE)).unwrap(),
        );
        assert_eq!(after, before);
        assert_eq!(verify(dir.path()).unwrap().unwrap().documents(), 2);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_torn_pair_is_told_by_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        export(dir.path(), "a1", &records(2), false).unwrap();
        assert!(verify(dir.path()).unwrap().is_some());
        // As if a crash came between the two renames of a later export.
        let newer = records(3)
            .into_iter()
            .map(|(d, _)| d + "\n")
            .collect::<String>();
        fs::write(dir.path().join(DOCUMENTS_FILE), newer).unwrap();
        let e = verify(dir.path()).unwrap_err();
        assert!(e.to_string().contains(DOCUMENTS_FILE), "{e}");
    }

    #[test]
    fn temporary_files_left_by_a_killed_export_are_removed_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(temp_path(dir.path(), MANIFEST_FILE), "{").unwrap();
        fs::write(temp_path(dir.path(), OBLIGATIONS_FILE), "{\"id\"").unwrap();
        export(dir.path(), "a1", &records(1), false).unwrap();
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_unchanged_export_rewrites_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = export(dir.path(), "a1", &records(4), false).unwrap();
        // The three JSON Lines files, the manifest and the package.
        assert_eq!(first.files_written, 5);
        let times = || {
            [
                DOCUMENTS_FILE,
                OBLIGATIONS_FILE,
                PROGRESS_FILE,
                MANIFEST_FILE,
                DATAPACKAGE_FILE,
            ]
            .map(|n| {
                fs::metadata(dir.path().join(n))
                    .unwrap()
                    .modified()
                    .unwrap()
            })
        };
        let before = times();
        let again = export(dir.path(), "a1", &records(4), false).unwrap();
        assert_eq!(again.files_written, 0);
        assert_eq!(times(), before);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn an_export_from_another_state_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        export(dir.path(), "a1", &records(5), false).unwrap();
        let e = export(dir.path(), "b2", &records(1), false).unwrap_err();
        assert!(
            matches!(e, ExportError::OtherState { documents: 5, .. }),
            "{e}"
        );
        assert!(e.to_string().contains("--force"), "{e}");
        assert_eq!(read_manifest(dir.path()).unwrap().unwrap().documents(), 5);
        assert_eq!(
            export(dir.path(), "b2", &records(1), true)
                .unwrap()
                .documents,
            1
        );
    }

    #[test]
    fn an_export_with_fewer_documents_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        export(dir.path(), "a1", &records(5), false).unwrap();
        let e = export(dir.path(), "a1", &records(4), false).unwrap_err();
        assert!(
            matches!(e, ExportError::WouldDrop { old: 5, new: 4, .. }),
            "{e}"
        );
        assert_eq!(
            export(dir.path(), "a1", &records(6), false)
                .unwrap()
                .documents,
            6
        );
    }

    #[test]
    fn an_export_without_a_manifest_is_counted_by_its_lines() {
        let dir = tempfile::tempdir().unwrap();
        let old: String = records(3).into_iter().map(|(d, _)| d + "\n").collect();
        fs::write(dir.path().join(DOCUMENTS_FILE), old).unwrap();
        let e = export(dir.path(), "a1", &[], false).unwrap_err();
        assert!(
            matches!(e, ExportError::WouldDrop { old: 3, new: 0, .. }),
            "{e}"
        );
    }
}
