//! Grades an export against gold annotations (being written).

use serde::Serialize;
use std::path::Path;

/// Why grading failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// The figures of a grading.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EvalReport {}

impl EvalReport {
    /// The report as text.
    pub fn render(&self, _verbose: bool) -> String {
        String::new()
    }
}

/// Grades `export` against `gold`.
pub fn evaluate(_export: &Path, _gold: &Path) -> Result<EvalReport, EvalError> {
    Ok(EvalReport {})
}
