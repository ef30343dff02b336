//! Reading the inputs as the scorer reads them: an export's JSONL files (an absent file is
//! empty; lines are Python's `splitlines`; blank lines are skipped; line numbers count every
//! line) and the gold folder's `*.json` files in name order.
//!
//! This module does not interpret the records; `grade` does.

use crate::error::{EvalError, Location};
use crate::text::{py_splitlines, py_strip};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// One JSON line of an export file, with its 1-based line number.
pub(crate) struct Record {
    pub(crate) line: usize,
    pub(crate) value: Value,
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| EvalError::NotUtf8 {
        path: path.to_path_buf(),
        source: e.utf8_error(),
    })
}

/// The records of a JSONL file; none when the file does not exist.
pub(crate) fn read_jsonl(path: &Path) -> Result<Vec<Record>, EvalError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (i, line) in py_splitlines(&text).into_iter().enumerate() {
        if py_strip(line).is_empty() {
            continue;
        }
        let value = serde_json::from_str(line).map_err(|e| EvalError::NotJson {
            at: Location::line(path, i + 1),
            reason: e.to_string(),
        })?;
        out.push(Record { line: i + 1, value });
    }
    Ok(out)
}

/// The gold files: every entry of `dir` whose name ends in `.json` (hidden ones too, as
/// Python's `glob("*.json")` gives them), sorted by name. None when `dir` is not a folder.
pub(crate) fn gold_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    Ok(files.into_iter().map(|(_, p)| p).collect())
}

/// A gold file as one JSON value.
pub(crate) fn read_json(path: &Path) -> Result<Value, EvalError> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| EvalError::NotJson {
        at: Location::file(path),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_jsonl_file_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read_jsonl(&dir.path().join("documents.jsonl"))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("obligations.jsonl");
        fs::write(&p, "{\"id\":\"甲\"}\n \n\n{\"id\":\"乙\"}\n").unwrap();
        let recs = read_jsonl(&p).unwrap();
        assert_eq!(recs.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 4]);
    }

    #[test]
    fn a_line_that_is_not_json_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("obligations.jsonl");
        fs::write(&p, "{\"id\":\"甲\"}\n{\"id\": 责任单位}\n").unwrap();
        let err = read_jsonl(&p).err().unwrap().to_string();
        assert!(
            err.starts_with(&format!("{}:2: not JSON: ", p.display())),
            "{err}"
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("documents.jsonl");
        fs::write(&p, b"{\"title\":\"\xc4\xe3\"}\n").unwrap();
        let err = read_jsonl(&p).err().unwrap().to_string();
        assert!(err.contains("documents.jsonl: not UTF-8"), "{err}");
    }

    #[test]
    fn gold_files_are_the_json_files_in_name_order_hidden_ones_included() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.json", "a.json", ".c.json", "d.JSON", "e.txt"] {
            fs::write(dir.path().join(name), "{}").unwrap();
        }
        let names: Vec<String> = gold_files(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![".c.json", "a.json", "b.json"]);
    }

    #[test]
    fn a_missing_gold_folder_has_no_files() {
        assert!(
            gold_files(Path::new("/nonexistent/gold"))
                .unwrap()
                .is_empty()
        );
    }
}
