//! Local files as documents: walking folders, naming each file relative to its corpus root.

use duban_model::{DocId, MediaType, RawDoc, Source, SourceHints, sha256_hex};
use std::path::{Path, PathBuf};

/// A local file found under a path the user gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInput {
    /// Where the file is.
    pub path: PathBuf,
    /// Its name relative to the corpus root: the given folder's own name, then the path inside
    /// it (`seeds/000.txt`), or the file name for a file given directly.
    pub relative: String,
}

/// Why a file could not be read as a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file system refused.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than the source allows.
    #[error(
        "{bytes} bytes, over the limit of {limit} (max_document_bytes; `duban ingest --max-document-bytes`)"
    )]
    TooLarge {
        /// The file's size (at least; reading stops past the limit).
        bytes: u64,
        /// The limit.
        limit: u64,
    },
}

impl FileInput {
    /// Reads the file into a raw document, refusing one of more than `max_bytes` bytes before
    /// reading it (and, should it grow meanwhile, while reading it).
    pub fn read(&self, hints: &SourceHints, max_bytes: u64) -> Result<RawDoc, ReadError> {
        let file = std::fs::File::open(&self.path)?;
        let size = file.metadata()?.len();
        if size > max_bytes {
            return Err(ReadError::TooLarge {
                bytes: size,
                limit: max_bytes,
            });
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        std::io::Read::read_to_end(&mut std::io::Read::take(file, max_bytes + 1), &mut bytes)?;
        if bytes.len() as u64 > max_bytes {
            return Err(ReadError::TooLarge {
                bytes: bytes.len() as u64,
                limit: max_bytes,
            });
        }
        let ext = self
            .path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let media_type = if ext == "html" || ext == "htm" {
            MediaType::Html
        } else {
            MediaType::Text
        };
        Ok(RawDoc {
            id: DocId::from_path(&self.relative).to_string(),
            source: Source {
                url: None,
                path: Some(self.relative.clone()),
                sha256: sha256_hex(&bytes),
                encoding: String::new(),
                fetched_at: None,
            },
            bytes,
            media_type,
            hints: hints.clone(),
        })
    }
}

/// Every file with one of `extensions` under `paths`, sorted by relative name.
///
/// A path that does not exist is returned in the error list with the reason; the rest are
/// still collected.
pub fn collect_files(
    paths: &[PathBuf],
    extensions: &[String],
) -> (Vec<FileInput>, Vec<(PathBuf, String)>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let root_name = p
                    .canonicalize()
                    .ok()
                    .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .unwrap_or_default();
                walk(p, p, &root_name, extensions, &mut found, &mut errors);
            }
            Ok(_) => {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                found.push(FileInput {
                    path: p.clone(),
                    relative: name,
                });
            }
            Err(e) => errors.push((p.clone(), e.to_string())),
        }
    }
    found.sort_by(|a, b| a.relative.cmp(&b.relative));
    // Two different files with one relative name would get one document id: the first is
    // read, the second named as a failure (the same file given twice is read once).
    let mut kept: Vec<FileInput> = Vec::with_capacity(found.len());
    for f in found {
        match kept.last() {
            Some(prev) if prev.relative == f.relative => {
                if !same_file(&prev.path, &f.path) {
                    errors.push((
                        f.path.clone(),
                        format!(
                            "has the document id of {} (file:{}); give their folders instead, or rename one",
                            prev.path.display(),
                            f.relative
                        ),
                    ));
                }
            }
            _ => kept.push(f),
        }
    }
    (kept, errors)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn walk(
    root: &Path,
    dir: &Path,
    root_name: &str,
    extensions: &[String],
    found: &mut Vec<FileInput>,
    errors: &mut Vec<(PathBuf, String)>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push((dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, root_name, extensions, found, errors);
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !extensions.iter().any(|x| x.eq_ignore_ascii_case(&ext)) {
            continue;
        }
        let inner = path.strip_prefix(root).unwrap_or(&path);
        let inner: Vec<String> = inner
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let relative = if root_name.is_empty() {
            inner.join("/")
        } else {
            format!("{root_name}/{}", inner.join("/"))
        };
        found.push(FileInput { path, relative });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_size_limit_is_refused_with_its_size_and_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(
            &path,
            "各区人民政府应当按月报送污染防治攻坚进展。".repeat(10),
        )
        .unwrap();
        let file = FileInput {
            path,
            relative: "big.txt".into(),
        };
        let e = file.read(&SourceHints::default(), 100).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("630 bytes, over the limit of 100 (max_document_bytes"),
            "{e}"
        );
        assert_eq!(
            file.read(&SourceHints::default(), 630).unwrap().bytes.len(),
            630
        );
    }

    #[test]
    fn files_in_a_folder_are_named_from_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("seeds");
        std::fs::create_dir_all(corpus.join("sub")).unwrap();
        std::fs::write(corpus.join("b.txt"), "x").unwrap();
        std::fs::write(corpus.join("sub/a.html"), "x").unwrap();
        std::fs::write(corpus.join("c.pdf"), "x").unwrap();
        let (files, errors) = collect_files(&[corpus], &["txt".into(), "html".into()]);
        assert!(errors.is_empty());
        let names: Vec<&str> = files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["seeds/b.txt", "seeds/sub/a.html"]);
    }

    #[test]
    fn a_missing_path_is_reported_and_the_rest_collected() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let (files, errors) = collect_files(
            &[dir.path().join("nope"), dir.path().join("a.txt")],
            &["txt".into()],
        );
        assert_eq!(files.len(), 1);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn two_files_of_one_name_are_not_one_document_silently() {
        let dir = tempfile::tempdir().unwrap();
        for d in ["a", "b"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
            std::fs::write(dir.path().join(d).join("report.txt"), d).unwrap();
        }
        let a = dir.path().join("a/report.txt");
        let b = dir.path().join("b/report.txt");
        let (files, errors) = collect_files(&[a.clone(), b.clone(), a.clone()], &["txt".into()]);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, a);
        // The same file given twice is read once, without complaint; the other is named.
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, b);
        assert!(errors[0].1.contains("document id"), "{}", errors[0].1);
    }
}
