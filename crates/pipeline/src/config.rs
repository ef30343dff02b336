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
//!
//! A crawl source is `type = "http"`; its keys are documented on
//! [`duban_fetch::HttpSource`].
//!
//! An optional `[limits]` table bounds what one document may make a run do
//! ([`duban_model::Limits`]; every key optional, each at least 1):
//!
//! ```toml
//! [limits]
//! max_nesting = 5000              # open HTML elements at once; a page nested deeper fails
//! max_attributes = 256            # attributes kept on one tag; the rest dropped, with a warning
//! max_line_bytes = 67108864       # bytes of one cleaned line; a document with a longer one fails
//! max_links_per_page = 10000      # links read from one crawled page; the rest not followed
//! ```
//!
//! Every table rejects unknown keys, and a bad file is reported with its line and column.

use duban_fetch::HttpSource;
use duban_model::{DocKind, Limits};
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
    /// `[[source]]`: where documents come from. Read in a second pass by
    /// [`PipelineConfig::parse`], one source at a time, so that errors keep their lines.
    #[serde(rename = "source", default, deserialize_with = "skip_sources")]
    pub sources: Vec<SourceConfig>,
    /// `[index]`: whether to update the search index.
    #[serde(default)]
    pub index: IndexSection,
    /// `[limits]`: bounds on one document, for every source of the pipeline.
    #[serde(default)]
    pub limits: Limits,
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

fn skip_sources<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<SourceConfig>, D::Error> {
    serde::de::IgnoredAny::deserialize(d)?;
    Ok(Vec::new())
}

/// `[[source]]`: the `type` key picks the variant.
///
/// Each variant wraps a struct with its own `deny_unknown_fields`. The enum is not derived as
/// an internally tagged serde enum: that buffers the table and loses the line of an error
/// (and makes `deny_unknown_fields` unreliable, serde-rs/serde#2123); [`PipelineConfig::parse`]
/// reads `type` itself and deserializes the variant's struct from the spanned table.
#[derive(Debug, Clone)]
pub enum SourceConfig {
    /// Local files and folders.
    Files(FilesSource),
    /// A crawl of a web site (boxed: it is much larger than the other sources).
    Http(Box<HttpSource>),
}

impl SourceConfig {
    /// The source's id.
    pub fn id(&self) -> &str {
        match self {
            SourceConfig::Files(f) => &f.id,
            SourceConfig::Http(h) => &h.id,
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
    /// Files larger than this many bytes are failures of their own, not read (default 10 MiB,
    /// the crawl's `max_response_bytes`): cleaning, extraction and indexing hold several
    /// copies of a document at once.
    #[serde(
        default = "default_max_document_bytes",
        deserialize_with = "duban_model::at_least_one"
    )]
    pub max_document_bytes: u64,
}

fn default_max_document_bytes() -> u64 {
    crate::DEFAULT_MAX_DOCUMENT_BYTES
}

fn default_extensions() -> Vec<String> {
    ["txt", "html", "htm"].map(String::from).to_vec()
}

/// `line N, key K: ` for an error at byte `at` of `text` on a `key = value` line, else
/// `line N: ` (the error's own words name the rest).
fn where_in(text: &str, at: usize, line: usize) -> String {
    let start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_text = text
        .get(start..)
        .and_then(|t| t.lines().next())
        .unwrap_or("");
    match line_text.split_once('=') {
        Some((key, _))
            if !key.trim().is_empty()
                && !key.trim_start().starts_with('[')
                && at >= start + key.len() =>
        {
            format!("line {line}, key {}: ", key.trim())
        }
        _ => format!("line {line}: "),
    }
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
        let line_of = |at: usize| text.get(..at).unwrap_or(text).matches('\n').count() + 1;
        let describe = |e: toml::de::Error| {
            let place = e
                .span()
                .map(|s| where_in(text, s.start, line_of(s.start)))
                .unwrap_or_default();
            format!("{place}{}", e.message())
        };
        let mut cfg: PipelineConfig = toml::from_str(text).map_err(describe)?;
        cfg.sources = Self::parse_sources(text, &line_of).map_err(|e| e.join("; "))?;
        let mut seen = std::collections::BTreeSet::new();
        let mut problems = Vec::new();
        for s in &cfg.sources {
            if !seen.insert(s.id().to_string()) {
                problems.push(format!("source id {:?} is used twice", s.id()));
            }
            if let SourceConfig::Http(h) = s {
                problems.extend(h.problems());
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

impl PipelineConfig {
    /// Reads each `[[source]]` from the spanned document: its `type`, then the variant's struct.
    fn parse_sources(
        text: &str,
        line_of: &dyn Fn(usize) -> usize,
    ) -> Result<Vec<SourceConfig>, Vec<String>> {
        use toml::de::{DeTable, DeValue, ValueDeserializer};
        let doc = DeTable::parse(text).map_err(|e| vec![e.message().to_string()])?;
        let Some(list) = doc.get_ref().get("source") else {
            return Ok(Vec::new());
        };
        let DeValue::Array(items) = list.get_ref() else {
            return Err(vec![format!(
                "line {}: `source` must be an array of tables ([[source]])",
                line_of(list.span().start)
            )]);
        };
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for item in items.iter() {
            let line = line_of(item.span().start);
            let DeValue::Table(table) = item.get_ref() else {
                problems.push(format!("line {line}: a [[source]] must be a table"));
                continue;
            };
            let kind = match table.get("type").map(|t| t.get_ref()) {
                Some(DeValue::String(t)) => t.to_string(),
                Some(_) => {
                    problems.push(format!("line {line}: source `type` must be a string"));
                    continue;
                }
                None => {
                    problems.push(format!(
                        "line {line}: source has no `type` (`files` or `http`)"
                    ));
                    continue;
                }
            };
            let mut fields = table.clone();
            fields.remove("type");
            let de =
                ValueDeserializer::from(toml::Spanned::new(item.span(), DeValue::Table(fields)));
            let parsed = match kind.as_str() {
                "files" => FilesSource::deserialize(de).map(SourceConfig::Files),
                "http" => HttpSource::deserialize(de).map(|h| SourceConfig::Http(Box::new(h))),
                other => {
                    problems.push(format!(
                        "line {line}: unknown source type `{other}`, expected `files` or `http`"
                    ));
                    continue;
                }
            };
            match parsed {
                Ok(s) => sources.push(s),
                Err(e) => {
                    let place = e.span().map_or_else(
                        || format!("line {line}: "),
                        |s| where_in(text, s.start, line_of(s.start)),
                    );
                    problems.push(format!("{place}{}", e.message()));
                }
            }
        }
        if problems.is_empty() {
            Ok(sources)
        } else {
            Err(problems)
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

    const HTTP: &str = "[pipeline]\nname = \"x\"\n\n[[source]]\nid = \"xxgk\"\ntype = \"http\"\nstart_urls = [\"https://www.changzhou.gov.cn/xxgk/index.html\"]\n";

    #[test]
    fn an_http_source_parses_with_polite_defaults() {
        let cfg = PipelineConfig::parse(HTTP).unwrap();
        let SourceConfig::Http(h) = &cfg.sources[0] else {
            panic!("not an http source")
        };
        assert_eq!(h.politeness.requests_per_sec, 1.0);
    }

    #[test]
    fn an_unknown_key_of_an_http_source_is_rejected_with_its_line() {
        let err = PipelineConfig::parse(&format!("{HTTP}max_pagez = 3\n")).unwrap_err();
        assert!(err.contains("max_pagez"), "{err}");
        assert!(err.contains("line 8"), "{err}");
    }

    #[test]
    fn an_unknown_key_in_an_http_subtable_is_rejected_with_its_line() {
        let err = PipelineConfig::parse(&format!("{HTTP}\n[source.limits]\nmax_pagez = 3\n"))
            .unwrap_err();
        assert!(err.contains("max_pagez"), "{err}");
        assert!(err.contains("line 10"), "{err}");
    }

    #[test]
    fn a_bad_selector_of_an_http_source_is_rejected_with_its_line() {
        let err = PipelineConfig::parse(&format!(
            "{HTTP}\n[source.detail]\ncontent_selector = \"div[\"\n"
        ))
        .unwrap_err();
        assert!(err.contains("bad CSS selector"), "{err}");
        assert!(err.contains("line 10"), "{err}");
    }

    #[test]
    fn a_negative_rate_of_an_http_source_is_rejected() {
        let err = PipelineConfig::parse(&format!(
            "{HTTP}\n[source.politeness]\nrequests_per_sec = -2.0\n"
        ))
        .unwrap_err();
        assert!(err.contains("from 0.000001 to 1000000"), "{err}");
    }

    #[test]
    fn a_bad_selector_names_its_line_key_and_text() {
        let err = PipelineConfig::parse(&format!(
            "{HTTP}\n[source.list]\nlink_selector = \"ul.list >\"\n"
        ))
        .unwrap_err();
        assert!(err.contains("key link_selector"), "{err}");
        assert!(err.contains("\"ul.list >\""), "{err}");
        assert!(err.contains("has no selector after it"), "{err}");
    }

    #[test]
    fn a_start_url_outside_allowed_hosts_is_rejected() {
        let err = PipelineConfig::parse(&format!("{HTTP}allowed_hosts = [\"www.wuxi.gov.cn\"]\n"))
            .unwrap_err();
        assert!(err.contains("not on an allowed host"), "{err}");
    }

    #[test]
    fn the_bundled_site_pipelines_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pipelines");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                PipelineConfig::load(&path).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    const FILES: &str =
        "[pipeline]\nname = \"x\"\n[[source]]\nid = \"a\"\ntype = \"files\"\npaths = [\"a\"]\n";

    #[test]
    fn a_limits_table_sets_the_keys_it_names_and_leaves_the_others_at_their_defaults() {
        let cfg = PipelineConfig::parse(&format!(
            "{FILES}\n[limits]\nmax_nesting = 40\nmax_links_per_page = 500\n"
        ))
        .unwrap();
        assert_eq!(
            cfg.limits,
            Limits {
                max_nesting: 40,
                max_links_per_page: 500,
                ..Limits::default()
            }
        );
        assert_eq!(
            PipelineConfig::parse(FILES).unwrap().limits,
            Limits::default()
        );
    }

    #[test]
    fn an_unknown_limit_is_rejected_with_its_line() {
        let err =
            PipelineConfig::parse(&format!("{FILES}\n[limits]\nmax_nestng = 40\n")).unwrap_err();
        assert!(err.contains("line 9"), "{err}");
        assert!(err.contains("max_nestng"), "{err}");
    }

    #[test]
    fn a_zero_or_negative_limit_is_rejected_with_its_line_and_key() {
        let err =
            PipelineConfig::parse(&format!("{FILES}\n[limits]\nmax_line_bytes = 0\n")).unwrap_err();
        assert!(
            err.starts_with("line 9, key max_line_bytes: 0 is not allowed here"),
            "{err}"
        );
        let err = PipelineConfig::parse(&format!(
            "{FILES}\n[limits]\nmax_attributes = 8\nmax_nesting = -3\n"
        ))
        .unwrap_err();
        assert!(err.starts_with("line 10, key max_nesting: "), "{err}");
        let err = PipelineConfig::parse(&format!("{FILES}\n[limits]\nmax_nesting = \"deep\"\n"))
            .unwrap_err();
        assert!(err.starts_with("line 9, key max_nesting: "), "{err}");
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
