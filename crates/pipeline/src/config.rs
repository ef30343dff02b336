//! The pipeline file: `pipelines/*.toml`.
//!
//! ```toml
//! [pipeline]
//! name = "corpora"
//!
//! [[source]]
//! id = "seeds"
//! type = "files"
//! paths = ["../corpora/seeds"]     # relative to this file
//! ```
//!
//! Every table rejects unknown keys, and a bad file is reported with its line and column.

use duban_model::DocKind;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Why a pipeline file was rejected.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("pipeline {path}: {source}")]
    Read {
        /// The pipeline file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a valid pipeline (syntax, unknown key, bad value); the message names the line.
    #[error("pipeline {path}: {message}")]
    Invalid {
        /// The pipeline file.
        path: PathBuf,
        /// What is wrong and where (line and column).
        message: String,
    },
}

/// A whole pipeline file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// `[pipeline]`: name and description.
    pub pipeline: PipelineSection,
    /// `[[source]]`: where documents come from.
    #[serde(rename = "source", default)]
    pub sources: Vec<SourceConfig>,
    /// `[index]`: whether to update the search index.
    #[serde(default)]
    pub index: IndexSection,
    /// The folder of the pipeline file; relative paths are resolved against it.
    #[serde(skip)]
    pub base_dir: PathBuf,
}

/// `[pipeline]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineSection {
    /// A short name, shown in run reports.
    pub name: String,
    /// What the pipeline is for.
    #[serde(default)]
    pub description: Option<String>,
}

/// `[index]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexSection {
    /// Update the tantivy index (default true).
    #[serde(default = "yes")]
    pub enabled: bool,
}

impl Default for IndexSection {
    fn default() -> Self {
        IndexSection { enabled: true }
    }
}

fn yes() -> bool {
    true
}

/// `[[source]]`: the `type` key picks the variant.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SourceConfig {
    /// Local files and folders.
    Files(FilesSource),
}

impl SourceConfig {
    /// The source's id.
    pub fn id(&self) -> &str {
        match self {
            SourceConfig::Files(f) => &f.id,
        }
    }
}

/// A source of local `.txt`/`.html`/`.htm` files.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilesSource {
    /// The source's id, unique in the pipeline.
    pub id: String,
    /// Files or folders, relative to the pipeline file.
    pub paths: Vec<PathBuf>,
    /// File extensions to read (default `txt`, `html`, `htm`).
    #[serde(default = "default_extensions")]
    pub extensions: Vec<String>,
    /// GB/T 2260 code to use when a document names no region.
    #[serde(default)]
    pub region: Option<String>,
    /// Document kind to use when the title does not tell.
    #[serde(default)]
    pub kind: Option<DocKind>,
}

fn default_extensions() -> Vec<String> {
    ["txt", "html", "htm"].map(String::from).to_vec()
}

impl PipelineConfig {
    /// Reads and validates a pipeline file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut cfg = Self::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        })?;
        cfg.base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(cfg)
    }

    /// Parses and validates pipeline TOML; the error names the line and the reason.
    pub fn parse(text: &str) -> Result<Self, String> {
        let cfg: PipelineConfig = toml::from_str(text).map_err(|e| {
            let place = e
                .span()
                .map(|s| {
                    let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                    format!("line {line}: ")
                })
                .unwrap_or_default();
            format!("{place}{}", e.message())
        })?;
        let mut seen = std::collections::BTreeSet::new();
        let mut problems = Vec::new();
        for s in &cfg.sources {
            if !seen.insert(s.id().to_string()) {
                problems.push(format!("source id {:?} is used twice", s.id()));
            }
            if let SourceConfig::Files(f) = s {
                if f.paths.is_empty() {
                    problems.push(format!("source {:?}: paths is empty", f.id));
                }
                if let Some(code) = &f.region
                    && (code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()))
                {
                    problems.push(format!(
                        "source {:?}: region {code:?} is not a six-digit GB/T 2260 code",
                        f.id
                    ));
                }
            }
        }
        if cfg.sources.is_empty() {
            problems.push("no [[source]]".into());
        }
        if problems.is_empty() {
            Ok(cfg)
        } else {
            Err(problems.join("; "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_corpora_pipeline_parses() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pipelines/corpora.toml");
        let cfg = PipelineConfig::load(&path).unwrap();
        assert_eq!(cfg.pipeline.name, "corpora");
        assert_eq!(cfg.sources.len(), 1);
    }

    #[test]
    fn an_unknown_key_is_rejected_with_its_line() {
        let err = PipelineConfig::parse("[pipeline]\nname = \"x\"\n\n[[source]]\nid = \"a\"\ntype = \"files\"\npaths = [\"a\"]\nmax_pagez = 3\n").unwrap_err();
        assert!(err.contains("max_pagez"), "{err}");
        assert!(err.contains("line "), "{err}");
    }

    #[test]
    fn a_bad_region_code_is_rejected() {
        let err = PipelineConfig::parse("[pipeline]\nname = \"x\"\n[[source]]\nid = \"a\"\ntype = \"files\"\npaths = [\"a\"]\nregion = \"苏州\"\n").unwrap_err();
        assert!(err.contains("GB/T 2260"), "{err}");
    }

    #[test]
    fn an_unknown_source_type_is_rejected() {
        let err = PipelineConfig::parse(
            "[pipeline]\nname = \"x\"\n[[source]]\nid = \"a\"\ntype = \"ftp\"\n",
        )
        .unwrap_err();
        assert!(err.contains("ftp"), "{err}");
    }
}
