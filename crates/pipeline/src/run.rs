//! Running a pipeline: sources → clean → extract (in parallel) → state → index → export.

use crate::config::{PipelineConfig, SourceConfig};
use crate::files::collect_files;
use crate::report::{DocFailure, RunReport};
use duban_export::ExportRecord;
use duban_index::ObligationIndex;
use duban_model::{CleanDoc, Obligation, RawDoc, SourceHints};
use duban_state::State;
use duban_state::records::{StoredRecord, Upsert};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Why a run could not start or finish (per-document problems are in the report instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The data folder could not be created.
    #[error("data folder {path}: {source}")]
    DataDir {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The state database failed.
    #[error(transparent)]
    State(#[from] duban_state::StateError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] duban_index::IndexError),
    /// The export could not be written.
    #[error(transparent)]
    Export(#[from] duban_export::ExportError),
}

/// The data folder and what lives in it.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The data folder at `root` (created on first use).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }
    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }
    /// `state.sqlite`.
    pub fn state_path(&self) -> PathBuf {
        self.root.join("state.sqlite")
    }
    /// `index/`.
    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }
    /// `export/`.
    pub fn export_dir(&self) -> PathBuf {
        self.root.join("export")
    }
    /// `archive/`: raw responses of crawls.
    pub fn archive_dir(&self) -> PathBuf {
        self.root.join("archive")
    }
}

/// Runs pipelines against one data folder.
pub struct Runner {
    data: DataDir,
    state: State,
    index: Option<ObligationIndex>,
    run_id: Option<i64>,
}

/// One document after clean and extract, ready to store.
struct Processed {
    record: StoredRecord,
    clean: CleanDoc,
    obligations: Vec<Obligation>,
}

impl Runner {
    /// Opens the data folder's state; the index is opened when `with_index`.
    pub fn open(data: DataDir, with_index: bool) -> Result<Self, RunError> {
        std::fs::create_dir_all(data.root()).map_err(|source| RunError::DataDir {
            path: data.root().to_path_buf(),
            source,
        })?;
        let state = State::open(&data.state_path())?;
        let index = if with_index {
            Some(ObligationIndex::open(&data.index_dir())?)
        } else {
            None
        };
        Ok(Runner {
            data,
            state,
            index,
            run_id: None,
        })
    }

    /// The state database.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The data folder.
    pub fn data(&self) -> &DataDir {
        &self.data
    }

    /// Runs every source of a pipeline, then rewrites the exports.
    pub fn run_pipeline(&mut self, cfg: &PipelineConfig, now: &str) -> Result<RunReport, RunError> {
        let mut report = RunReport {
            pipeline: cfg.pipeline.name.clone(),
            ..RunReport::default()
        };
        self.run_id = Some(self.state.start_run(&cfg.pipeline.name, now)?);
        for source in &cfg.sources {
            match source {
                SourceConfig::Files(f) => {
                    let paths: Vec<PathBuf> =
                        f.paths.iter().map(|p| cfg.base_dir.join(p)).collect();
                    let hints = SourceHints {
                        region: f.region.clone(),
                        kind: f.kind,
                        ..SourceHints::default()
                    };
                    self.ingest_paths(&paths, &f.extensions, &hints, &mut report)?;
                }
            }
        }
        self.finish(&mut report, now)?;
        Ok(report)
    }

    /// Reads local files and folders, and processes them as documents.
    pub fn ingest_paths(
        &mut self,
        paths: &[PathBuf],
        extensions: &[String],
        hints: &SourceHints,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let (files, errors) = collect_files(paths, extensions);
        for (path, reason) in errors {
            report.failures.push(DocFailure {
                input: path.display().to_string(),
                stage: "read".into(),
                reason,
            });
        }
        let raws: Vec<Result<RawDoc, DocFailure>> = files
            .par_iter()
            .map(|f| {
                f.read(hints).map_err(|e| DocFailure {
                    input: f.path.display().to_string(),
                    stage: "read".into(),
                    reason: e.to_string(),
                })
            })
            .collect();
        let mut ok = Vec::new();
        for r in raws {
            match r {
                Ok(raw) => ok.push(raw),
                Err(f) => report.failures.push(f),
            }
        }
        self.process_raw(ok, report)
    }

    /// Cleans and extracts raw documents in parallel, then stores and indexes them in order.
    pub fn process_raw(
        &mut self,
        raws: Vec<RawDoc>,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let processed: Vec<Result<Processed, DocFailure>> =
            raws.par_iter().map(process_one).collect();
        for p in processed {
            report.documents += 1;
            let p = match p {
                Ok(p) => p,
                Err(f) => {
                    tracing::warn!(input = %f.input, reason = %f.reason, "Document failed.");
                    report.failures.push(f);
                    continue;
                }
            };
            report.obligations += p.obligations.len();
            let outcome = self.state.put_record(&p.record, self.run_id)?;
            match outcome {
                Upsert::New => report.new += 1,
                Upsert::Changed => report.changed += 1,
                Upsert::Unchanged => report.unchanged += 1,
            }
            if let Some(index) = &mut self.index {
                index.upsert(&p.clean.document, &p.obligations)?;
            }
        }
        Ok(())
    }

    /// Commits the index, rewrites the exports from the state and stores the run report.
    pub fn finish(&mut self, report: &mut RunReport, now: &str) -> Result<(), RunError> {
        if let Some(index) = &mut self.index {
            index.commit()?;
        }
        let records = self.state.records()?;
        let counts = duban_export::write_jsonl(
            &self.data.export_dir(),
            records.iter().map(|r| ExportRecord {
                document: &r.document,
                obligations: &r.obligations,
            }),
        )?;
        report.exported_documents = counts.documents;
        report.exported_obligations = counts.obligations;
        let run_id = match self.run_id {
            Some(id) => id,
            None => self.state.start_run(&report.pipeline, now)?,
        };
        let json = serde_json::to_string(report).unwrap_or_default();
        self.state.finish_run(run_id, now, &json)?;
        tracing::info!(
            pipeline = %report.pipeline,
            documents = report.documents,
            new = report.new,
            changed = report.changed,
            unchanged = report.unchanged,
            failed = report.failures.len(),
            "Run finished."
        );
        Ok(())
    }
}

fn process_one(raw: &RawDoc) -> Result<Processed, DocFailure> {
    let input = raw
        .source
        .path
        .clone()
        .or_else(|| raw.source.url.clone())
        .unwrap_or_else(|| raw.id.clone());
    let clean = duban_clean::clean(raw).map_err(|e| DocFailure {
        input: input.clone(),
        stage: "clean".into(),
        reason: e.to_string(),
    })?;
    let obligations = duban_extract::extract(&clean);
    let document = serde_json::to_string(&clean.document).map_err(|e| DocFailure {
        input: input.clone(),
        stage: "export".into(),
        reason: e.to_string(),
    })?;
    let obligation_lines = obligations
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| DocFailure {
            input,
            stage: "export".into(),
            reason: e.to_string(),
        })?;
    Ok(Processed {
        record: StoredRecord {
            doc_id: clean.document.id.clone(),
            sha256: clean.document.source.sha256.clone(),
            document,
            obligations: obligation_lines,
            withdrawn: false,
        },
        clean,
        obligations,
    })
}
