//! Why a grading failed: a file that cannot be read, is not UTF-8 or not JSON, or holds a value
//! of a type the scorer cannot grade. Each error names the file (and line, for JSONL) and the
//! reason. Where `score.py` would stop with a Python traceback, grading stops with one of these.

use std::fmt;
use std::path::PathBuf;

/// A place in an input: a file, and a line for JSONL files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line, counted as Python's `str.splitlines` counts them.
    pub line: Option<usize>,
}

impl Location {
    pub(crate) fn file(path: impl Into<PathBuf>) -> Location {
        Location {
            path: path.into(),
            line: None,
        }
    }

    pub(crate) fn line(path: impl Into<PathBuf>, line: usize) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// Why grading failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not UTF-8.
    #[error("{}: not UTF-8: {source}", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the decoding failed.
        #[source]
        source: std::str::Utf8Error,
    },
    /// A JSONL line or a gold file is not JSON.
    #[error("{at}: not JSON: {reason}")]
    NotJson {
        /// The file and line.
        at: Location,
        /// The parser's message.
        reason: String,
    },
    /// A record holds a value the scorer cannot grade (a heading that is a number, a gold
    /// file without `source`, …).
    #[error("{at}: {reason}")]
    Shape {
        /// The file and line.
        at: Location,
        /// What is wrong.
        reason: String,
    },
}

impl EvalError {
    pub(crate) fn shape(at: Location, reason: impl Into<String>) -> EvalError {
        EvalError::Shape {
            at,
            reason: reason.into(),
        }
    }
}
